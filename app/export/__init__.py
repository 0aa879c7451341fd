"""Exports: what leaves the machine, only when the user asks."""
