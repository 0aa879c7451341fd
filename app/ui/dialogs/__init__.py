"""Dialogs and windows opened from a menu: each takes what it needs (a database, an id,
callbacks), never the main window."""
