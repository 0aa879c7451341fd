"""Writing files whole or not at all: a temporary file beside the target, then one rename.

Every file Claimdesk writes (exports, attachments, backups) goes through `replacing`, so a crash,
a full disk or a failed render never leaves a half-written file or destroys the previous one.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.config import make_private
from app.errors import ClaimdeskError


@contextmanager
def replacing(out: str | Path, mode: int = 0o644) -> Iterator[Path]:
    """Yield a temporary path beside `out`; when the block succeeds it becomes `out` in one rename."""
    path = Path(out).expanduser()
    if path.is_dir():
        raise ClaimdeskError(f"{path} is a folder; give a file name to write to")
    if path.exists() and not path.is_file():  # a device, pipe or socket is never replaced by a file
        raise ClaimdeskError(f"{path} is not a regular file; give a file name to write to")
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


LEFTOVER_AGE_S = 3600  # a partial file this old belongs to no write still running


def remove_leftovers(folder: Path, *, below: bool = False, now: float | None = None) -> list[Path]:
    """Delete the temporary files a killed write left in `folder` (and below it); returns them.

    Only our own names (`.<name>.<random>.partial`), and only when an hour old: a younger one may
    be another program's write in progress.
    """
    import time

    cutoff = (time.time() if now is None else now) - LEFTOVER_AGE_S
    removed = []
    found = (folder.rglob if below else folder.glob)(".*.partial") if folder.is_dir() else ()
    for path in found:
        try:
            if path.is_file() and not path.is_symlink() and path.stat().st_mtime < cutoff:
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed


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


CHUNK = 1 << 20


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    for chunk in read_chunks(path):
        digest.update(chunk)
    return digest.hexdigest()


def keep_by_digest(chunks: Iterable[bytes], store: Path, suffix: str) -> tuple[str, Path]:
    """Write `chunks` into the content-addressed `store` (`<store>/ab/abcd….ext`), readable by the user alone.

    The digest is of the very bytes written, so what is kept is what was hashed. An existing copy
    under the same name is reused only if its own bytes still hash to its name; a copy changed or
    damaged since is replaced by the fresh one.
    """
    store.mkdir(parents=True, exist_ok=True, mode=0o700)
    make_private(store, 0o700)
    digest = hashlib.sha256()
    try:
        handle, name = tempfile.mkstemp(prefix=".incoming.", suffix=".partial", dir=store)
    except OSError as error:
        raise ClaimdeskError(f"Could not keep a copy in {store}: {_why(error)}") from None
    partial = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                digest.update(chunk)
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
        hexdigest = digest.hexdigest()
        target = store / hexdigest[:2] / f"{hexdigest}{suffix}"
        if target.is_file() and sha256_of_file(target) == hexdigest:
            return hexdigest, target
        target.parent.mkdir(exist_ok=True, mode=0o700)
        partial.chmod(0o600)
        os.replace(partial, target)
        return hexdigest, target
    except OSError as error:
        raise ClaimdeskError(f"Could not keep a copy in {store}: {_why(error)}; nothing was kept") from None
    finally:
        partial.unlink(missing_ok=True)


def read_chunks(path: Path) -> Iterator[bytes]:
    """A file's bytes in pieces, so a large document is never held in memory whole."""
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            yield chunk
