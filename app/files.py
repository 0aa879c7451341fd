"""Writing files whole or not at all: a temporary file beside the target, then one rename.

Every file Claimdesk writes (exports, attachments, backups) goes through `replacing`, so a crash,
a full disk or a failed render never leaves a half-written file or destroys the previous one.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.errors import ClaimdeskError


@contextmanager
def replacing(out: str | Path, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside `out`; when the block succeeds it becomes `out` in one rename."""
    path = Path(out).expanduser()
    if path.is_dir():
        raise ClaimdeskError(f"{path} is a folder; give a file name to write to")
    if not path.parent.is_dir():
        raise ClaimdeskError(f"Cannot write {path}: the folder {path.parent} does not exist")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as error:
        raise ClaimdeskError(f"Could not write {path}: {error.strerror or error}") from None
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        if partial.stat().st_size == 0:
            raise ClaimdeskError(f"Could not write {path}: nothing was produced")
        partial.chmod(mode)
        os.replace(partial, path)
    except OSError as error:
        raise ClaimdeskError(f"Could not write {path}: {_why(error)}; nothing was written") from None
    finally:
        partial.unlink(missing_ok=True)


def _why(error: OSError) -> str:
    """A full disk (or a file-size limit) in words, not as an errno."""
    if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return "the disk is full"
    return str(error.strerror or error)


def write_atomic(out: str | Path, data: bytes, mode: int = 0o644) -> Path:
    """Write `data` to `out` whole or not at all, flushed to disk before the rename."""
    with replacing(out, mode) as partial, partial.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    return Path(out).expanduser()
