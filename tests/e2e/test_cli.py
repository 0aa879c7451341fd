"""The command line as a user (or an outside check) runs it: a real process, a real database."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app import __version__
from tests.helpers import pdf_text


def run(*args: str, home: Path, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CLAIMDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    extra = ["--db", str(db)] if db else []
    return subprocess.run(
        [sys.executable, "-m", "app", *extra, *args], capture_output=True, text=True, env=env, timeout=120
    )


def test_version_and_help(isolated_home: Path) -> None:
    assert run("--version", home=isolated_home).stdout.strip() == f"claimdesk {__version__}"
    helped = run("--help", home=isolated_home)
    assert helped.returncode == 0
    for command in ("import", "list", "analyze", "export"):
        assert command in helped.stdout


def test_console_script_is_installed() -> None:
    script = shutil.which("claimdesk", path=str(Path(sys.executable).parent))
    assert script, "pip install must create the claimdesk console script beside the interpreter"
    assert subprocess.run([script, "--version"], capture_output=True, text=True).stdout.startswith(
        "claimdesk "
    )


def test_import_list_export_round_trip(isolated_home: Path, article_file: Path, tmp_path: Path) -> None:
    imported = run("import", str(article_file), home=isolated_home)
    assert imported.returncode == 0, imported.stderr
    article_id = int(imported.stdout.strip())
    assert (isolated_home / "claimdesk.sqlite3").exists(), "the database lives in CLAIMDESK_HOME"

    listed = run("list", home=isolated_home)
    assert re.search(rf"^\s*{article_id}\s+\d+\s+.*Harbour dredging halted", listed.stdout, re.MULTILINE), (
        listed.stdout
    )

    out = tmp_path / "memo.pdf"
    exported = run("export", str(article_id), "--pdf", str(out), home=isolated_home)
    assert exported.returncode == 0, exported.stderr
    text = pdf_text(out)
    assert "Harbour dredging halted after survey" in text
    assert "according to the port authority" in text
    assert "Unreviewed" in text


def test_db_option_overrides_home(isolated_home: Path, article_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "mine.sqlite3"
    assert run("import", str(article_file), home=isolated_home, db=other).returncode == 0
    assert other.exists()
    assert not (isolated_home / "claimdesk.sqlite3").exists()
    after = run("list", "--db", str(other), home=isolated_home)
    assert "Harbour dredging halted" in after.stdout


def test_analyze_json_contract(isolated_home: Path, article_file: Path) -> None:
    done = run("analyze", str(article_file), "--json", home=isolated_home)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"title", "byline", "text", "sentences", "claims"}
    assert data["text"] == article_file.read_text(encoding="utf-8")
    for sentence in data["sentences"]:
        assert 0 <= sentence["start"] < sentence["end"] <= len(data["text"])
    assert data["claims"]
    for claim in data["claims"]:
        assert set(claim) >= {"start", "end", "text", "kind", "source", "cues", "hedges", "figures", "score"}
        assert data["text"][claim["start"] : claim["end"]] == claim["text"]
        assert claim["kind"] in ("claim", "quote", "caveat")
        assert 0.0 <= claim["score"] <= 1.0
        assert all(isinstance(x, str) for x in claim["cues"] + claim["hedges"] + claim["figures"])
    assert not (isolated_home / "claimdesk.sqlite3").exists(), "analyze stores nothing"


def test_analyze_crlf_file_offsets_match_normalised_text(isolated_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nThe mayor said 12 bridges closed.\r\n")
    data = json.loads(run("analyze", str(path), "--json", home=isolated_home).stdout)
    assert data["text"] == "Title\n\nThe mayor said 12 bridges closed.\n"


@pytest.mark.parametrize("kind", ["missing", "directory", "binary", "empty"])
def test_bad_input_is_one_line_and_exit_2(isolated_home: Path, tmp_path: Path, kind: str) -> None:
    path = {
        "missing": tmp_path / "nope.txt",
        "directory": tmp_path,
        "binary": tmp_path / "b.txt",
        "empty": tmp_path / "e.txt",
    }[kind]
    if kind == "binary":
        path.write_bytes(bytes(range(256)) * 8)
    if kind == "empty":
        path.write_bytes(b"")
    for args in (("analyze", str(path), "--json"), ("import", str(path))):
        done = run(*args, home=isolated_home)
        assert done.returncode == 2
        assert done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("claimdesk: "), done.stderr
        assert "Traceback" not in done.stderr
    if (isolated_home / "claimdesk.sqlite3").exists():
        assert "The library is empty" in run("list", home=isolated_home).stdout


def test_export_unknown_article_and_bad_target(
    isolated_home: Path, tmp_path: Path, article_file: Path
) -> None:
    done = run("export", "99", "--pdf", str(tmp_path / "x.pdf"), home=isolated_home)
    assert done.returncode == 2 and "no article 99" in done.stderr
    run("import", str(article_file), home=isolated_home)
    done = run("export", "1", "--pdf", str(tmp_path / "no" / "such" / "dir" / "x.pdf"), home=isolated_home)
    assert done.returncode == 2 and "does not exist" in done.stderr


def test_corrupt_database_is_a_clear_error(isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "claimdesk.sqlite3").write_bytes(b"garbage" * 100)
    done = run("list", home=isolated_home)
    assert done.returncode == 2
    assert "not a Claimdesk database" in done.stderr and "Traceback" not in done.stderr
    assert (isolated_home / "claimdesk.sqlite3").read_bytes() == b"garbage" * 100


def test_export_every_format_with_memo_options(
    isolated_home: Path, article_file: Path, tmp_path: Path
) -> None:
    article_id = run("import", str(article_file), home=isolated_home).stdout.strip()
    outs = {fmt: tmp_path / f"memo.{fmt}" for fmt in ("pdf", "markdown", "csv", "w3c", "claimreview")}
    args = [a for fmt, out in outs.items() for a in (f"--{fmt}", str(out))]
    done = run("export", article_id, *args, "--paper", "letter", "--appendix", home=isolated_home)
    assert done.returncode == 0, done.stderr
    assert all(out.stat().st_size > 0 for out in outs.values())
    reader = PdfReader(outs["pdf"])
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [612, 792], "Letter paper"
    assert json.loads(outs["w3c"].read_text(encoding="utf-8"))["type"] == "AnnotationCollection"


def test_export_refuses_to_overwrite_without_force(
    isolated_home: Path, article_file: Path, tmp_path: Path
) -> None:
    article_id = run("import", str(article_file), home=isolated_home).stdout.strip()
    out = tmp_path / "existing.md"
    out.write_text("my own notes")
    done = run("export", article_id, "--markdown", str(out), home=isolated_home)
    assert done.returncode == 2 and "--force" in done.stderr
    assert out.read_text() == "my own notes"
    assert run("export", article_id, "--markdown", str(out), "--force", home=isolated_home).returncode == 0
    assert out.read_text(encoding="utf-8") != "my own notes"


def test_export_options_and_ids_are_checked(isolated_home: Path, article_file: Path, tmp_path: Path) -> None:
    article_id = run("import", str(article_file), home=isolated_home).stdout.strip()
    pdf = str(tmp_path / "m.pdf")
    for args, message in [
        ((article_id,), "Say what to write"),
        ((article_id, "--pdf", pdf, "--status", "maybe"), "Unknown status"),
        ((article_id, "--pdf", pdf, "--paper", "a3"), "Unknown paper"),
        (("all", "--pdf", pdf), "--csv, --ris and --csl-json only"),
        (("seven", "--csv", pdf), "not an article id"),
    ]:
        done = run("export", *args, home=isolated_home)
        assert done.returncode == 2 and message in done.stderr, (args, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1
    all_csv = tmp_path / "all.csv"
    assert run("export", "all", "--csv", str(all_csv), home=isolated_home).returncode == 0
    assert "Harbour" in all_csv.read_text(encoding="utf-8-sig")


def test_import_annotations_command(isolated_home: Path, article_file: Path, tmp_path: Path) -> None:
    article_id = run("import", str(article_file), home=isolated_home).stdout.strip()
    w3c = tmp_path / "a.jsonld"
    run("export", article_id, "--w3c", str(w3c), home=isolated_home)
    other = tmp_path / "other.sqlite3"
    run("import", str(article_file), home=isolated_home, db=other)
    done = run("import-annotations", str(w3c), home=isolated_home, db=other)
    assert done.returncode == 0, done.stderr
    again = run("import-annotations", str(w3c), home=isolated_home, db=other)
    assert again.returncode == 0 and "unchanged" in again.stdout, again.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    failed = run("import-annotations", str(bad), home=isolated_home, db=other)
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
