"""`claimdesk search` and `claimdesk import FOLDER`, in process through app.cli.main."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def test_import_a_folder_then_search(
    tmp_path: Path, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.sqlite3")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(article_file.read_bytes())
    (folder / "b.md").write_text(
        "# Bridge\n\nThe mayor said the bridge cost 40 million euros.\n", encoding="utf-8"
    )
    assert main(["--db", db, "import", str(folder)]) == 0
    assert capsys.readouterr().out.split() == ["1", "2"]
    assert main(["--db", db, "search", "unexploded"]) == 0
    out = capsys.readouterr().out
    assert "[unexploded]" in out and "Harbour dredging" in out
    assert main(["--db", db, "search", '"NEAR(', "--limit", "3"]) == 0
    assert capsys.readouterr().out.strip() == "No hits."
