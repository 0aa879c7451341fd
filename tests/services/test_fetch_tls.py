"""File > Fetch URL over HTTPS: the certificate must come from a store the computer trusts.

A server of our own on the loopback interface, with a certificate from a certificate authority made
for the test by `openssl`. That authority is trusted only inside a test, through SSL_CERT_FILE (what
truststore, like any OpenSSL program on Linux, reads); it is in no system store, so elsewhere the
page is refused.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.services import articles, fetch
from app.services.fetch import FetchError
from app.storage.database import Database

PAGE = (
    b"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    b"<title>Tram line opens two years late</title></head><body><article>"
    b"<h1>Tram line opens two years late</h1>"
    b"<p>The new tram line cost 410 million euros, 30 percent more than planned, the city said on Monday.</p>"
    b"<p>About 24,000 passengers a day are expected to use it, according to the transport authority.</p>"
    b"</article></body></html>"
)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@dataclass(frozen=True)
class Authority:
    """A certificate authority made for one test, and the server certificate it signed."""

    ca_cert: Path
    server_cert: Path
    server_key: Path


def _openssl(*args: str | Path, cwd: Path) -> None:
    tool = shutil.which("openssl")
    if tool is None:
        pytest.skip("openssl is not installed (apt package openssl)")
    subprocess.run([tool, *map(str, args)], cwd=cwd, check=True, capture_output=True, timeout=60)


def make_authority(folder: Path) -> Authority:
    """A CA, then a certificate for 127.0.0.1 and localhost signed by it (P-256 keys: quick to make)."""
    folder.mkdir()
    _openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ca.key", cwd=folder)
    _openssl(
        "req", "-x509", "-new", "-key", "ca.key", "-days", "2", "-subj", "/CN=Claimdesk test authority",
        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
        "-out", "ca.pem", cwd=folder,
    )  # fmt: skip
    _openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "server.key", cwd=folder)
    _openssl("req", "-new", "-key", "server.key", "-subj", "/CN=127.0.0.1", "-out", "server.csr", cwd=folder)
    (folder / "server.ext").write_text(
        "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
        "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n"
    )
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
        "-days", "2", "-extfile", "server.ext", "-out", "server.pem", cwd=folder,
    )  # fmt: skip
    return Authority(folder / "ca.pem", folder / "server.pem", folder / "server.key")


@pytest.fixture
def authority(tmp_path: Path) -> Authority:
    return make_authority(tmp_path / "authority")


@pytest.fixture
def https_server(authority: Authority) -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(authority.server_cert, authority.server_key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def trust_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Point OpenSSL's default store (which truststore reads on Linux) at one file, for this test only."""

    def trust(ca_file: Path) -> None:
        monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
        monkeypatch.delenv("SSL_CERT_DIR", raising=False)

    if sys.platform in ("win32", "darwin"):
        pytest.skip("truststore asks the Windows or macOS store there, which SSL_CERT_FILE does not change")
    yield trust


def test_a_page_from_a_trusted_authority_is_fetched(
    db: Database, authority: Authority, https_server: str, trust_only: Callable[[Path], None]
) -> None:
    trust_only(authority.ca_cert)
    result = fetch.fetch_url(db, f"{https_server}/tram.html")
    assert result.created
    article = articles.load_article(db, result.article_id)
    assert article.title == "Tram line opens two years late"
    assert "410 million euros" in article.text


def test_a_page_from_an_untrusted_authority_is_refused_with_a_clear_message(
    db: Database, authority: Authority, https_server: str, trust_only: Callable[[Path], None], tmp_path: Path
) -> None:
    stranger = make_authority(tmp_path / "another")  # trusted, but not the one that signed the server's
    trust_only(stranger.ca_cert)
    with pytest.raises(FetchError) as raised:
        fetch.fetch_url(db, f"{https_server}/tram.html")
    message = str(raised.value)
    assert "certificate is not one this computer trusts" in message
    assert "unable to get local issuer certificate" in message
    assert "nothing was imported" in message and "Traceback" not in message
    assert articles.list_articles(db) == []


def test_the_system_store_refuses_the_test_authority(
    db: Database, https_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the computer's own store (no SSL_CERT_FILE), an authority made a moment ago is unknown."""
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with pytest.raises(FetchError, match="not one this computer trusts"):
        fetch.fetch_url(db, f"{https_server}/tram.html")


def test_the_context_checks_names_and_certificates() -> None:
    context = fetch.tls_context()
    assert context.verify_mode == ssl.CERT_REQUIRED
    assert context.check_hostname
    assert type(context).__module__.startswith("truststore"), "the system store comes through truststore"


def test_without_truststore_mozillas_list_from_certifi_is_used(
    db: Database, authority: Authority, https_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import certifi

    monkeypatch.setitem(sys.modules, "truststore", None)  # `import truststore` now fails
    monkeypatch.setenv("SSL_CERT_FILE", str(authority.ca_cert))  # ignored: certifi's file is given
    context = fetch.tls_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname
    with open(certifi.where(), encoding="ascii") as bundle:
        in_certifi = bundle.read().count("BEGIN CERTIFICATE")
    assert context.cert_store_stats()["x509_ca"] == in_certifi
    with pytest.raises(FetchError, match="not one this computer trusts"):
        fetch.fetch_url(db, f"{https_server}/tram.html")
