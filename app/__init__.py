"""Claimdesk: a desktop reader for checking what news articles claim."""

__version__ = "0.1.0"
