"""`claimdesk analyze --json` on Ukrainian and Russian articles: the language key and their sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.test_cli import run


@pytest.mark.parametrize(
    ("text", "language", "source"),
    [
        ("Вибухи в Києві\n\nЗа словами Зеленського, понад 50 тисяч людей евакуювали.\n", "uk", "Зеленського"),
        ("Взрывы в Белгороде\n\nПо словам Пескова, более 2 тыс. человек эвакуированы.\n", "ru", "Пескова"),
        ("Harbour works\n\nThe crane fell on Monday, the port said.\n", "en", "the port"),
    ],
)
def test_analyze_json_says_the_language(
    isolated_home: Path, tmp_path: Path, text: str, language: str, source: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    done = run("analyze", str(path), "--json", home=isolated_home)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["language"] == language
    assert [c["source"] for c in data["claims"]] == [source]
