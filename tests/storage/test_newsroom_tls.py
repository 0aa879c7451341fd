"""`sslmode=verify-full` against a real PostgreSQL server speaking TLS: the right CA connects, a wrong
CA, a name the certificate doesn't carry or a missing CA file each get the certificate's message.

The server is a throwaway cluster of this module's own (tests/postgres_server.py's listens on a Unix
socket, where TLS doesn't apply), on 127.0.0.1 only, with a CA and a certificate made by openssl
(Debian's PostgreSQL depends on it through ssl-cert).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.errors import StorageError
from app.storage.newsroom_status import read_status
from app.storage.server_address import ServerAddress
from tests.postgres_server import SUPERUSER, _as_owner, find_bin


@dataclass
class TlsServer:
    port: int
    ca: Path  # the CA that signed the server's certificate (for "localhost" only)
    other_ca: Path  # a CA that signed nothing of the server's

    def address(self, ca: Path, host: str = "localhost") -> str:
        return ServerAddress(
            host=host,
            port=self.port,
            database="postgres",
            user=SUPERUSER,
            sslmode="verify-full",
            ca_file=str(ca),
        ).text()


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60)


def _make_ca(folder: Path, name: str) -> tuple[Path, Path]:
    key, cert = folder / f"{name}.key", folder / f"{name}.crt"
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", f"/CN={name}",
             "-keyout", str(key), "-out", str(cert))  # fmt: skip
    return key, cert


def _make_server_certificate(folder: Path, ca_key: Path, ca_cert: Path) -> tuple[Path, Path]:
    key, request, cert = folder / "server.key", folder / "server.csr", folder / "server.crt"
    names = folder / "names.ext"
    names.write_text("subjectAltName=DNS:localhost\n")
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", str(key),
             "-out", str(request))  # fmt: skip
    _openssl("x509", "-req", "-in", str(request), "-CA", str(ca_cert), "-CAkey", str(ca_key),
             "-CAcreateserial", "-days", "2", "-extfile", str(names), "-out", str(cert))  # fmt: skip
    return key, cert


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str]) -> None:
    subprocess.run(_as_owner(command), check=True, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def tls_server() -> Iterator[TlsServer]:
    bindir = find_bin()
    if bindir is None or not (bindir / "pg_ctl").exists() or shutil.which("openssl") is None:
        pytest.skip("PostgreSQL or openssl is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="claimdesk-pg-tls-"))
    keys, data, sockets = folder / "keys", folder / "data", folder / "socket"
    keys.mkdir()
    sockets.mkdir()
    ca_key, ca_cert = _make_ca(keys, "desk-ca")
    _, other_ca = _make_ca(keys, "other-ca")
    server_key, server_cert = _make_server_certificate(keys, ca_key, ca_cert)
    server_key.chmod(0o600)  # PostgreSQL refuses a key others can read
    if os.geteuid() == 0:
        for path in (folder, keys, sockets, server_key, server_cert):
            shutil.chown(path, user="postgres")
    folder.chmod(0o755)
    port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='{sockets}' -c ssl=on "
        f"-c ssl_cert_file='{server_cert}' -c ssl_key_file='{server_key}' -c fsync=off"
    )
    try:
        _run([str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust", "--no-sync",
              "--no-instructions"])  # fmt: skip
        _run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-o", options,
              "start"])  # fmt: skip
    except subprocess.CalledProcessError as error:
        log = folder / "server.log"
        detail = log.read_text() if log.exists() else ""
        shutil.rmtree(folder, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL with TLS did not start: {error.stderr}{detail}") from error
    try:
        yield TlsServer(port, ca_cert, other_ca)
    finally:
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       capture_output=True, timeout=60, check=False)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def test_verify_full_with_the_newsrooms_ca_connects_over_tls(tls_server: TlsServer) -> None:
    status = read_status(tls_server.address(tls_server.ca))
    assert status.role == SUPERUSER


@pytest.mark.parametrize(
    "case", ["a CA that signed nothing of the server's", "a name the certificate doesn't carry", "no CA file"]
)
def test_a_certificate_that_cannot_be_checked_is_said_so(
    tls_server: TlsServer, case: str, tmp_path: Path
) -> None:
    address = {
        "a CA that signed nothing of the server's": tls_server.address(tls_server.other_ca),
        "a name the certificate doesn't carry": tls_server.address(tls_server.ca, host="127.0.0.1"),
        "no CA file": tls_server.address(tmp_path / "missing-ca.pem"),
    }[case]
    with pytest.raises(StorageError, match="certificate could not be checked") as raised:
        read_status(address)
    assert "Cannot reach" not in str(raised.value)


def test_the_address_kept_reads_back_as_the_fields_entered() -> None:
    fields = ServerAddress("news.example.org", 6432, "desk", "ana", "verify-full", "/etc/desk-ca.pem")
    kept = fields.text()
    assert kept == (
        "postgresql+psycopg://ana@news.example.org:6432/desk?sslmode=verify-full&sslrootcert=%2Fetc%2Fdesk-ca.pem"
    )
    assert ServerAddress.from_text(kept) == fields
    on_socket = ServerAddress("/run/postgresql", 5433, "desk")
    assert ServerAddress.from_text(on_socket.text()) == on_socket
    assert ServerAddress.from_text("mysql://ana@host/desk") == ServerAddress(), "unreadable: empty fields"
