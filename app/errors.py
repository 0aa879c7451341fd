"""Errors a user can cause: each carries one sentence a person understands.

The CLI prints the message and exits 2; the GUI shows it in a message box. Anything else is a bug.
"""


class ClaimdeskError(Exception):
    """Base of every error that is the input's or the environment's fault, not ours."""


class UnreadableFileError(ClaimdeskError):
    """The file can't be made into an article (missing, a folder, binary, empty, undecodable)."""


class StorageError(ClaimdeskError):
    """The database can't be opened or written (locked, corrupt, read-only, disk full)."""


class NotFoundError(ClaimdeskError):
    """An id given by the user names nothing in the database."""
