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


class LibraryNotReadyError(ClaimdeskError):
    """An edit came in the moment after start-up, before the database was open and checked."""

    def __init__(self) -> None:
        super().__init__("The library is still being opened and checked; try again in a moment")


class NewerDatabaseError(StorageError):
    """The database's schema comes from a newer Claimdesk; opening it here could damage it."""


class ChangedSinceError(ClaimdeskError):
    """An undo or redo found the claim changed since by someone else: their change stands."""


class ConflictError(ChangedSinceError):
    """A change was refused because someone else changed the same thing since it was read
    (newsroom mode, or two windows): their change stands, and the message says what it was."""

    def __init__(self, message: str, theirs: str = "", yours: str = "") -> None:
        super().__init__(message)
        self.theirs = theirs  # the other person's change, in words
        self.yours = yours  # what this person wrote, kept so they can choose
