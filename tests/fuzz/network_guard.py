"""Guards for the offline promise: any network attempt fails loudly; file opens are recorded.

Python's socket entry points are replaced, and an audit hook (which also sees sockets opened by
C code through Python's socket module) records what slipped past. Later importers (HTML) reuse
`no_network` to prove that hostile pages fetch nothing.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterator
from typing import Any

import pytest

_ACTIVE: list[list[str]] = []  # the attempt log of the guard in force, if any
_AUDITED = frozenset(("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request"))
_OPENS: list[list[str]] = []  # the file-open log of the recorder in force, if any


class NetworkAttempt(AssertionError):
    """Raised where a socket would have been opened while the guard is on."""


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _ACTIVE and event in _AUDITED:
        _ACTIVE[-1].append(f"{event} {args!r}")
    if _OPENS and event == "open" and isinstance(args[0], (str, bytes)):
        _OPENS[-1].append(os.fsdecode(args[0]))


sys.addaudithook(_audit)  # hooks can't be removed; it only records while a guard is active


def _refuse(what: str) -> Any:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        if _ACTIVE:
            _ACTIVE[-1].append(f"{what} {args!r}")
        raise NetworkAttempt(f"network attempt while offline: {what}{args!r}")

    return refuse


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail any socket connect or name lookup; at teardown, fail if any was attempted and swallowed."""
    attempts: list[str] = []
    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, _refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, _refuse(name))
    _ACTIVE.append(attempts)
    try:
        yield attempts
    finally:
        _ACTIVE.remove(attempts)
    assert attempts == [], f"network was attempted: {attempts}"


@pytest.fixture
def files_opened() -> Iterator[list[str]]:
    """Every path Python code opens while the fixture is active (C++ code such as Qt's is unseen)."""
    opened: list[str] = []
    _OPENS.append(opened)
    try:
        yield opened
    finally:
        _OPENS.remove(opened)
