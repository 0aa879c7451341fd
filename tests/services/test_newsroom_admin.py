"""`claimdesk newsroom …`: the administrator's commands and moving work, on a real PostgreSQL server
(tests/postgres_server.py), run through app.cli.main as a person would type them."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app.cli import main
from app.services import articles, claims, evidence, library
from app.storage.database import Database, open_database
from app.storage.migrate import head_revision
from app.storage.models import Attachment
from app.storage.newsroom_setup import add_editor
from app.storage.server import open_server_database
from tests.postgres_server import PASSWORD_ROLE, PostgresServer


def _as(url: str, role: str) -> str:
    return make_url(url).set(username=role).render_as_string(hide_password=False)


@pytest.fixture
def editor_url(postgres_url: str) -> str:
    """The library as a journalist's own role (a new one each test: roles belong to the cluster)."""
    role = f"desk_{uuid.uuid4().hex[:8]}"
    add_editor(postgres_url, role)
    return _as(postgres_url, role)


@pytest.fixture
def server(postgres_url: str, tmp_path: Path) -> Iterator[Database]:
    db = open_server_database(postgres_url, tmp_path / "side")
    yield db
    db.close()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_prepare_then_an_editor_whose_password_comes_from_standard_input(
    postgres_server: PostgresServer, postgres_url: str, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    code, out, _ = _run(capsys, "newsroom", "prepare", "--database-url", postgres_url)
    assert code == 0 and head_revision() in out and "claimdesk_editor" in out

    monkeypatch.setattr("sys.stdin", io.StringIO("tide-table:42\n"))  # not a terminal: one line is read
    code, out, err = _run(capsys, "newsroom", "add-editor", PASSWORD_ROLE, "--database-url", postgres_url)
    assert code == 0, err
    assert PASSWORD_ROLE in out and "password" in out
    database = make_url(postgres_url).database
    where = {"host": str(postgres_server.socket_dir), "port": postgres_server.port, "dbname": database}
    with psycopg.connect(user=PASSWORD_ROLE, password="tide-table:42", **where) as connection:  # type: ignore[arg-type]
        assert connection.execute("SELECT pg_has_role('claimdesk_editor', 'MEMBER')").fetchone() == (True,)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(user=PASSWORD_ROLE, password="tide-table", **where)  # type: ignore[arg-type]
    with postgres_server.admin() as admin:  # the server keeps a verifier, never the password
        stored = admin.execute("SELECT rolpassword FROM pg_authid WHERE rolname = %s", (PASSWORD_ROLE,))
        row = stored.fetchone()
    assert row is not None and str(row[0]).startswith("SCRAM-SHA-256$") and "tide" not in str(row[0])

    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    code, _, err = _run(capsys, "newsroom", "add-editor", PASSWORD_ROLE, "--database-url", postgres_url)
    assert code == 2 and "cannot be empty" in err


def test_a_role_without_the_rights_is_told_who_may_and_nothing_changes(
    postgres_server: PostgresServer, editor_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for task in (["prepare"], ["add-editor", "desk_intruder", "--no-password"], ["prune-attachments"]):
        code, out, err = _run(capsys, "newsroom", *task, "--database-url", editor_url)
        assert (code, out) == (2, ""), task
        assert "Only the newsroom's administrator" in err and "nothing was changed" in err, err
        assert "Traceback" not in err
    with postgres_server.admin() as admin:
        assert admin.execute("SELECT 1 FROM pg_roles WHERE rolname = 'desk_intruder'").fetchone() is None
    code, _, err = _run(capsys, "newsroom", "status")
    assert code == 2 and "--database-url" in err
    with_password = editor_url.replace("@/", ":hunter2@/")
    code, _, err = _run(capsys, "newsroom", "status", "--database-url", with_password)
    assert code == 2 and ".pgpass" in err and "hunter2" not in err


def test_copy_in_and_copy_out_say_what_they_copied_and_copy_nothing_the_second_time(
    postgres_url: str, server: Database, article_file: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    local_path = tmp_path / "desk.sqlite3"
    local = open_database(local_path)
    try:
        article_id = articles.import_path(local, article_file).article_id
        claim_id = articles.load_article(local, article_id).claims[0].id
        claims.set_status(local, claim_id, "disputed", reason="The survey log says 12")
        claims.add_note(local, claim_id, "Called the port authority")
    finally:
        local.close()

    copy_in = ["newsroom", "copy-in", "--db", str(local_path), "--database-url", postgres_url]
    code, out, err = _run(capsys, *copy_in)
    assert code == 0, err
    assert out.startswith("Copied into the newsroom library: 1 article, ") and "1 note" in out
    assert "1 status change" in out
    code, out, _ = _run(capsys, *copy_in)
    assert (code, out) == (0, "Nothing to copy: the newsroom library has all of it already.\n")
    on_server = articles.list_articles(server)
    assert [row.title for row in on_server] == ["Harbour dredging halted after survey"]

    offline = tmp_path / "offline.sqlite3"
    taken = ["newsroom", "copy-out", "--db", str(offline), "--database-url", postgres_url]
    code, out, err = _run(capsys, *taken, "--article", str(on_server[0].id))
    assert code == 0, err
    assert out.startswith("Copied into the local library: 1 article, ")
    assert _run(capsys, *taken)[1] == "Nothing to copy: the local library has all of it already.\n"
    back = open_database(offline)
    try:
        claim = articles.load_article(back, articles.list_articles(back)[0].id).claims
        disputed = [c for c in claim if c.status == "disputed"]
        assert len(disputed) == 1 and disputed[0].notes[0].body == "Called the port authority"
    finally:
        back.close()
    code, _, err = _run(capsys, *taken, "--article", "999")
    assert code == 2 and "not in the library" in err


def test_status_says_who_has_the_library_open_as_whom_and_the_schema(
    postgres_url: str, editor_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    colleague = open_server_database(editor_url, tmp_path / "colleague")
    try:
        with colleague.session(reading=True) as session:  # a connection in the pool, as a window holds
            session.scalar(select(func.count()).select_from(Attachment))
        code, out, err = _run(capsys, "newsroom", "status", "--json", "--database-url", postgres_url)
        assert code == 0, err
        status = json.loads(out)
        editor = make_url(editor_url).username
        assert (status["schema"], status["owner"], status["verdict"]) == (head_revision(), True, "ready")
        assert [c["role"] for c in status["open"]] == [editor]

        code, out, err = _run(capsys, "newsroom", "status", "--database-url", editor_url)
        assert code == 0, err
        assert f"You               {editor}: may read and change the desk's work" in out
        assert "Open now          1 other window or command" in out
        assert out.splitlines()[-1].split()[0] == editor
    finally:
        colleague.close()


def test_prune_attachments_deletes_only_documents_no_evidence_refers_to(
    postgres_url: str, server: Database, article_file: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    kept_article = articles.import_path(server, article_file).article_id
    other_file = tmp_path / "other.txt"
    other_file.write_text("Ferry timetable changes\n\nThe ferry sails at 7, the operator said.\n", "utf-8")
    trashed_article = articles.import_path(server, other_file).article_id
    documents = []
    for number in range(3):
        document = tmp_path / f"scan-{number}.pdf"
        document.write_bytes(f"%PDF-1.4 survey page {number}\n".encode())
        documents.append(document)
    kept_claim = articles.load_article(server, kept_article).claims[0].id
    evidence.add_document(server, kept_claim, documents[0])  # stays: current evidence
    removed = evidence.add_document(server, kept_claim, documents[1])
    evidence.remove_evidence(server, removed.id)  # stays: it can be restored
    evidence.add_document(server, articles.load_article(server, trashed_article).claims[0].id, documents[2])
    library.move_to_trash(server, [trashed_article])
    library.empty_trash(server)  # its evidence rows are gone; the editors may not delete documents

    prune = ["newsroom", "prune-attachments", "--database-url", postgres_url]
    code, out, err = _run(capsys, *prune)
    assert code == 0, err
    assert out.startswith("Deleted 1 document no evidence refers to any more (")
    assert _run(capsys, *prune)[1] == "Nothing to delete: evidence still refers to every stored document.\n"
    code, out, _ = _run(capsys, *prune, "--removed-too")
    assert out.startswith("Deleted 1 document ")
    with server.session(reading=True) as session:
        assert session.scalar(select(func.count()).select_from(Attachment)) == 1
