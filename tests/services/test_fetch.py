"""Fetching a page when asked: saved as it was (sha256, time of capture), then imported offline.

The one test module allowed to open a socket, to a server of its own on the loopback interface.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.config import files_dir
from app.services import articles, fetch
from app.services.fetch import FetchError
from app.storage.database import Database
from app.storage.models import Article

PAGE = (
    b"Harbour dredging halted after survey\n\n"
    b"The port authority said the survey found 14 unexploded shells on the seabed.\n"
)
PAGES: dict[str, tuple[int, str, bytes]] = {
    "/story.txt": (200, "text/plain; charset=utf-8", PAGE),
    "/missing": (404, "text/plain", b"no"),
    "/image": (200, "image/png", b"\x89PNG"),
    "/huge.txt": (200, "text/plain", b"word " * 50_000),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        code, kind, body = PAGES.get(self.path, (404, "text/plain", b""))
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_page_is_saved_as_it_was_and_imported(db: Database, server: str) -> None:
    result = fetch.fetch_url(db, f"{server}/story.txt")
    assert result.created
    with db.session() as session:
        article = session.get(Article, result.article_id)
        assert article is not None
        assert article.source_url == f"{server}/story.txt"
        assert article.captured_at is not None and article.original_path is not None
        assert article.sha256 == hashlib.sha256(PAGE).hexdigest()
        saved = files_dir(db.path) / article.original_path
    assert saved.read_bytes() == PAGE
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    assert oct(saved.parent.parent.stat().st_mode & 0o777) == "0o700"
    assert saved.is_relative_to(files_dir(db.path) / "originals")
    assert articles.load_article(db, result.article_id).claims


def test_the_same_page_twice_is_one_article(db: Database, server: str) -> None:
    first = fetch.fetch_url(db, f"{server}/story.txt")
    again = fetch.fetch_url(db, f"{server}/story.txt")
    assert (again.article_id, again.created) == (first.article_id, False)


@pytest.mark.parametrize(
    ("path", "words"), [("/missing", "404"), ("/image", "cannot read"), ("/huge.txt", "larger than")]
)
def test_bad_answers_are_one_clear_error(db: Database, server: str, path: str, words: str) -> None:
    with pytest.raises(FetchError, match=words):
        fetch.fetch_url(db, f"{server}{path}", max_bytes=100_000)
    assert not any((files_dir(db.path) / "originals").rglob("*.png"))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "not a url"])
def test_only_web_addresses_are_fetched(db: Database, url: str) -> None:
    with pytest.raises(FetchError, match="not a web address"):
        fetch.fetch_url(db, url)


def test_unreachable_server_is_a_clear_error(db: Database, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="Could not fetch"):
        fetch.fetch_url(db, "http://127.0.0.1:9/", timeout=2)  # discard port: nothing listens
