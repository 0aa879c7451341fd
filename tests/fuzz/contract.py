"""The contract every importer keeps for any input: an article worth showing, or one clear error."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

from app.errors import UnreadableFileError
from app.importers import ImportedArticle, import_file
from tests.fuzz.conftest import ACCEPTED, TRIED

_DIR = Path(tempfile.mkdtemp(prefix="claimdesk-fuzz-"))  # one folder for the run; files overwritten
atexit.register(shutil.rmtree, _DIR, True)


def import_under_contract(data: bytes, name: str, target: str) -> ImportedArticle | None:
    """Import `data` as a file called `name`; None when it was refused as the contract allows.

    A refusal is one line that names the file and holds no traceback; an article has visible,
    storable text without NULs or carriage returns. Callers add what their format promises.
    """
    path = _DIR / name
    path.write_bytes(data)
    TRIED[target] += 1
    try:
        article = import_file(path)
    except UnreadableFileError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        assert path.name in message  # the person learns which file it was
        return None
    assert isinstance(article, ImportedArticle)
    assert article.text.strip("\ufeff\u200b\u200c\u200d\u2060").strip()  # something visible
    assert "\x00" not in article.text and "\r" not in article.text
    article.text.encode("utf-8")  # no lone surrogates: the text can be stored and shown
    ACCEPTED[target] += 1
    return article
