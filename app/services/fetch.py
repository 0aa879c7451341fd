"""Fetch a web page, only when the person asks (File > Fetch URL…): the one place that goes online.

The bytes are saved as they came, under the library's `originals/` (named by their sha256),
with the time of capture; the article is then imported from that saved file, offline, like any
other. Nothing else in Claimdesk opens a socket.

Certificates: the ones the system trusts (`truststore`: the Windows and macOS stores through their own
APIs; on Linux OpenSSL's, looked for where each distribution keeps them, since the bundle's OpenSSL
was built for Debian's paths), else Mozilla's list from `certifi`. A page whose certificate none of
them vouches for is refused.
"""

from __future__ import annotations

import ssl
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from app import __version__
from app.config import ORIGINALS, files_dir
from app.errors import UnreadableFileError
from app.files import keep_by_digest
from app.importers import SUPPORTED_SUFFIXES, import_file
from app.services.articles import ImportResult, store_imported
from app.storage.database import Database
from app.storage.models import utcnow

TIMEOUT_S = 20.0
MAX_PAGE_BYTES = 20 * 1024 * 1024  # far beyond any article page; a larger answer is refused
_SUFFIX_BY_TYPE = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
}


class FetchError(UnreadableFileError):
    """The page could not be fetched (no connection, an error page, too big, not an article)."""


def tls_context() -> ssl.SSLContext:
    """Verify servers against the system's certificate store, or certifi's when truststore is missing.

    Made on each fetch (a fetch is rare, and a certificate installed meanwhile counts); SSL_CERT_FILE
    and SSL_CERT_DIR still choose the store on Linux, as for any OpenSSL program.
    """
    try:
        import truststore
    except ImportError:  # a Python without it (truststore needs 3.10): Mozilla's list, as pip does
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def fetch_url(
    db: Database, url: str, *, timeout: float = TIMEOUT_S, max_bytes: int = MAX_PAGE_BYTES
) -> ImportResult:
    """Download `url`, keep the bytes as they were, and import the article from the saved copy."""
    url = url.strip()
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url!r} is not a web address (it should start with http:// or https://)")
    data, final_url, content_type = _download(url, timeout, max_bytes)
    captured_at = utcnow()
    suffix = _suffix_for(content_type, final_url)
    _digest, saved = keep_by_digest([data], files_dir(db.path) / ORIGINALS, suffix)
    imported = replace(import_file(saved), url=final_url, filename=_page_name(final_url, suffix))
    return store_imported(
        db, imported, captured_at=captured_at, original_path=str(saved.relative_to(files_dir(db.path)))
    )


def _download(url: str, timeout: float, max_bytes: int) -> tuple[bytes, str, str]:
    request = urllib.request.Request(url, headers={"User-Agent": f"Claimdesk/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout, context=tls_context()) as response:
            data = response.read(max_bytes + 1)
            final_url = response.geturl()
            content_type = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        raise FetchError(f"{url} answered {error.code} ({error.reason}); nothing was imported") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        if isinstance(reason, ssl.SSLCertVerificationError):
            raise FetchError(
                f"Could not fetch {url}: its certificate is not one this computer trusts "
                f"({reason.verify_message}). Claimdesk stopped before reading the page, which someone "
                "could be reading or changing on the way; nothing was imported."
            ) from None
        raise FetchError(f"Could not fetch {url}: {reason}; nothing was imported") from None
    if len(data) > max_bytes:
        raise FetchError(f"{url} is larger than {max_bytes // 2**20} MB; Claimdesk did not keep it")
    if not data:
        raise FetchError(f"{url} answered with an empty page; nothing was imported")
    return data, final_url, content_type


def _suffix_for(content_type: str, url: str) -> str:
    suffix = _SUFFIX_BY_TYPE.get(content_type) or PurePosixPath(urlsplit(url).path).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise FetchError(f"{url} is a {content_type} document; Claimdesk cannot read that kind of page")
    return suffix


def _page_name(url: str, suffix: str) -> str:
    """A file name for the page, from the last part of its address (the host for a bare domain)."""
    parts = urlsplit(url)
    name = unquote(PurePosixPath(parts.path).name) or parts.hostname or "page"
    return name if Path(name).suffix else name + suffix
