"""`claimdesk --database-url postgresql+psycopg://…`: the same commands on a newsroom library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main


def test_import_list_and_search_on_the_server(
    postgres_url: str, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database-url", postgres_url, "import", str(article_file)]) == 0
    assert capsys.readouterr().out.split() == ["1"]
    assert main(["search", "--database-url", postgres_url, "unexploded", "--json"]) == 0  # after it too
    hits = json.loads(capsys.readouterr().out)
    assert {h["kind"] for h in hits} >= {"article", "claim"}
    assert main(["--database-url", postgres_url, "list"]) == 0
    assert "Harbour dredging" in capsys.readouterr().out


def test_an_unreachable_server_or_a_password_in_the_address_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"postgresql+psycopg://desk@/news?host={tmp_path}"
    assert main(["--database-url", url, "list"]) == 2
    assert "Cannot reach the newsroom server" in capsys.readouterr().err
    with_password = f"postgresql+psycopg://desk:hunter2@/news?host={tmp_path}"
    assert main(["--database-url", with_password, "list"]) == 2
    error = capsys.readouterr().err
    assert ".pgpass" in error and "hunter2" not in error
    assert main(["--database-url", "mysql://desk@host/news", "list"]) == 2
    assert "PostgreSQL" in capsys.readouterr().err
