"""The command line behaves as Unix tools do: `-` is standard output, a closed pipe ends quietly,
a mistyped command is an error with a hint (never a window), and listings come as JSON on request."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.domain.statuses import STATUSES
from tests.e2e.test_cli import run
from tests.helpers import pdf_text


def run_without_screen(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    """As from a terminal with no display at all: Qt, if it started, would abort (exit 134)."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["CLAIMDESK_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, text=True, env=env, timeout=60
    )


@pytest.fixture
def imported(isolated_home: Path, article_file: Path) -> str:
    done = run("import", str(article_file), home=isolated_home)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize(
    ("word", "hint"), [("lsit", "did you mean 'list'?"), ("bogus", ""), ("exprot", "'export'")]
)
def test_an_unknown_command_is_an_error_not_a_window(isolated_home: Path, word: str, hint: str) -> None:
    done = run_without_screen(word, home=isolated_home)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert done.stdout == "" and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert f"'{word}' is neither a command" in done.stderr and hint in done.stderr
    assert "Traceback" not in done.stderr
    if not hint:
        assert "did you mean" not in done.stderr
    assert not (isolated_home / "claimdesk.sqlite3").exists(), "nothing was opened"


def test_a_file_or_nothing_still_opens_the_window(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("A story\n\nIt happened.\n")
    assert cli._with_default_command([str(article)]) == ["open", str(article)]
    assert cli._with_default_command(["--db", "x.sqlite3", str(article)]) == [
        "--db", "x.sqlite3", "open", str(article),
    ]  # fmt: skip
    assert cli._with_default_command(["--db", "x.sqlite3"]) == ["--db", "x.sqlite3", "open"]
    assert cli._with_default_command(["list", "--json"]) == ["list", "--json"]
    with pytest.raises(cli.UnknownCommandError):
        cli._with_default_command([str(tmp_path / "missing.txt")])


@pytest.mark.parametrize(
    "args",
    [("list",), ("list", "--json"), ("search", "harbour"), ("export", "1", "--markdown", "-"),
     ("export", "1", "--pdf", "-"), ("versions", "1"), ("--help",)],
)  # fmt: skip
def test_a_reader_that_leaves_early_ends_the_command_quietly(
    isolated_home: Path, imported: str, args: tuple[str, ...]
) -> None:
    """`claimdesk list | head -0`: the pipe is closed before the command writes a byte."""
    env = {**os.environ, "CLAIMDESK_HOME": str(isolated_home), "QT_QPA_PLATFORM": "offscreen"}
    reader, writer = os.pipe()
    os.close(reader)  # nobody will ever read: every write fails with EPIPE
    try:
        done = subprocess.run(
            [sys.executable, "-m", "app", *args], stdout=writer, stderr=subprocess.PIPE, text=True,
            env=env, timeout=120,
        )  # fmt: skip
    finally:
        os.close(writer)
    assert done.stderr == "", done.stderr
    assert done.returncode in (0, cli.EXIT_PIPE_CLOSED), done.returncode


def test_head_takes_the_first_lines_and_nothing_complains(isolated_home: Path, imported: str) -> None:
    env = {**os.environ, "CLAIMDESK_HOME": str(isolated_home), "QT_QPA_PLATFORM": "offscreen"}
    command = f"{sys.executable} -m app export all --csv - | head -c 20; echo; echo status ${{PIPESTATUS[0]}}"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, env=env, timeout=120)
    assert done.stderr == "", done.stderr
    assert done.stdout.startswith("\ufeffarticle,sentence,")
    assert done.stdout.split()[-1] in ("0", str(cli.EXIT_PIPE_CLOSED))


EXPORTS = {
    "--markdown": ".md", "--csv": ".csv", "--w3c": ".jsonld", "--claimreview": ".json", "--ris": ".ris",
    "--csl-json": ".json", "--hypothesis": ".json", "--pdf": ".pdf",
}  # fmt: skip
MADE_AT = re.compile(rb'^.*(Memo made|"generated").*\n', re.MULTILINE)  # the minute or second it was made


def test_dash_means_standard_output(isolated_home: Path, imported: str, tmp_path: Path) -> None:
    """Every export to `-` gives the bytes the same export to a file has (but for when it was made)."""
    files = {flag: tmp_path / f"{flag[2:]}{suffix}" for flag, suffix in EXPORTS.items()}
    to_files = run(
        "export", imported, *(x for f, out in files.items() for x in (f, str(out))), home=isolated_home
    )
    assert to_files.returncode == 0, to_files.stderr
    env = {**os.environ, "CLAIMDESK_HOME": str(isolated_home), "QT_QPA_PLATFORM": "offscreen"}
    for flag, out in files.items():
        piped = subprocess.run(
            [sys.executable, "-m", "app", "export", imported, flag, "-"],
            capture_output=True,
            env=env,
            timeout=120,
        )
        assert piped.returncode == 0 and piped.stderr == b"", (flag, piped.stderr)
        if flag == "--pdf":  # its creation time is inside; its pages must say the same
            (tmp_path / "piped.pdf").write_bytes(piped.stdout)
            clock = re.compile(r"\d\d:\d\d")  # "Memo made" says the minute
            assert clock.sub("", pdf_text(tmp_path / "piped.pdf")) == clock.sub("", pdf_text(out))
            continue
        assert MADE_AT.sub(b"", piped.stdout) == MADE_AT.sub(b"", out.read_bytes()), flag
    assert not Path("-").exists() and not (tmp_path / "-").exists()


def test_one_export_at_a_time_on_standard_output(isolated_home: Path, imported: str, tmp_path: Path) -> None:
    both = run("export", imported, "--csv", "-", "--ris", "-", home=isolated_home)
    assert both.returncode == 2 and "Only one export at a time" in both.stderr
    mixed = run("export", imported, "--ris", "-", "--csv", str(tmp_path / "c.csv"), home=isolated_home)
    assert mixed.returncode == 0, mixed.stderr
    assert mixed.stdout.startswith("TY  - ") and str(tmp_path / "c.csv") in mixed.stderr


def test_listings_as_json(isolated_home: Path, imported: str, article_file: Path) -> None:
    listed = json.loads(run("list", "--json", home=isolated_home).stdout)
    assert [(a["id"], a["title"], a["claims"]) for a in listed] == [
        (int(imported), "Harbour dredging halted after survey", 4)
    ]
    hits = json.loads(run("search", "harbour", "--json", home=isolated_home).stdout)
    assert hits and {h["article_id"] for h in hits} == {int(imported)}
    for hit in hits:
        assert all(hit["snippet"][a:b].casefold().startswith("harbour") for a, b in hit["matches"]), hit
    assert json.loads(run("search", "zebra", "--json", home=isolated_home).stdout) == []
    article_file.write_text(article_file.read_text().replace("14 unexploded", "4 unexploded"))
    assert run("import", str(article_file), home=isolated_home).returncode == 0
    versions = json.loads(run("versions", imported, "--json", home=isolated_home).stdout)
    assert [v["number"] for v in versions] == [1, 2] and all(len(v["sha256"]) == 64 for v in versions)
    diff = json.loads(run("versions", imported, "--diff", "1", "2", "--json", home=isolated_home).stdout)
    assert diff["from"] == 1 and diff["to"] == 2
    assert [(c["old"], c["new"]) for c in diff["changes"]] == [("14", "4")]


def test_an_empty_library_lists_as_an_empty_array(isolated_home: Path) -> None:
    assert json.loads(run("list", "--json", home=isolated_home).stdout) == []


def test_help_names_the_values_of_status_and_paper(isolated_home: Path) -> None:
    helped = " ".join(run("export", "--help", home=isolated_home).stdout.split())
    assert all(s.id in helped for s in STATUSES), helped
    assert "auto" in helped and "a4" in helped and "letter" in helped
    assert "--ris" in helped and "--csl-json" in helped and "--hypothesis" in helped
