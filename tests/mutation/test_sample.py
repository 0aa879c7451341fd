"""A fixed sample of planted bugs that the suite must catch on every run.

scripts/mutation runs thousands of mutants by hand; this runs a few chosen ones every time: bugs
that once passed the whole suite, and one or two in each module that decides correctness or
safety. Each is applied to a throw-away copy of the repository's `app` and `tests`, and the named
fast tests are run against the copy in a subprocess: they must fail. A planted bug whose original
snippet is gone from the source fails the first test, so the sample cannot go stale silently:
update the snippet along with the code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.mutation_sample

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
TIMEOUT_S = 120  # a planted bug that hangs the tests counts as caught, but not forever


@dataclass(frozen=True)
class Planted:
    id: str
    file: str  # relative to the repository
    original: str  # must occur exactly once in the file
    mutant: str
    tests: tuple[str, ...]  # pytest node ids or paths, relative to the repository


SAMPLE = (
    Planted(
        "sanitize-href-unescaped",
        "app/importers/sanitize.py",
        """body = f'<a href="{html.escape(run.href, quote=True)}">{body}</a>'""",
        """body = f'<a href="{run.href}">{body}</a>'""",
        ("tests/importers/test_sanitize.py::test_an_ampersand_in_a_link_is_written_as_an_entity",),
    ),
    Planted(
        "safe-url-lets-quotes-through",
        "app/importers/sanitize.py",
        "    url = url.translate(_ATTRIBUTE_BREAKERS)\n",
        "",
        ("tests/importers/test_sanitize.py::test_quotes_and_brackets_in_a_link_are_percent_encoded",),
    ),
    Planted(
        "sanitize-keeps-script",
        "app/importers/sanitize.py",
        '"""script style iframe',
        '"""style iframe',
        ("tests/importers/test_sanitize.py::test_only_whitelisted_tags_and_safe_hrefs_survive",),
    ),
    Planted(
        "safe-xml-allows-doctype",
        "app/importers/safe_xml.py",
        "    parser.StartDoctypeDeclHandler = _refuse\n",
        "",
        ("tests/importers/test_safe_xml.py",),
    ),
    Planted(
        "w3c-orphan-keeps-stale-position",
        "app/export/w3c.py",
        "    if claim.anchored:\n        selectors.append(",
        "    if True:\n        selectors.append(",
        ("tests/export/test_w3c.py::test_an_orphaned_claim_has_its_quote_alone_and_no_position",),
    ),
    Planted(
        "w3c-context-from-moved-text",
        "app/export/w3c.py",
        "if not claim.anchored or text[claim.start : claim.end] != claim.text:",
        "if not claim.anchored:",
        ("tests/export/test_w3c.py::test_a_claim_whose_words_are_not_at_its_offsets_gets_no_context",),
    ),
    Planted(
        "w3c-position-read-back-swapped",
        "app/export/w3c.py",
        'start, end = selector["start"], selector["end"]',
        'start, end = selector["end"], selector["start"]',
        ("tests/export/test_w3c.py::test_targets_of_every_shape",),
    ),
    Planted(
        "weekly-rotation-keeps-the-oldest-of-a-week",
        "app/storage/backup.py",
        "for path, taken in rest:",
        "for path, taken in reversed(rest):",
        ("tests/storage/test_backup_rotation.py::test_each_older_week_keeps_its_newest_daily_copy",),
    ),
    Planted(
        "make-backup-never-rotates",
        "app/storage/backup.py",
        "    backup_to(database, target)\n    rotate(database)\n",
        "    backup_to(database, target)\n",
        ("tests/storage/test_backup_rotation.py::test_every_new_backup_rotates_the_old_ones",),
    ),
    Planted(
        "pre-migration-backups-never-rotated",
        "app/storage/backup.py",
        '"before-migration": 5,',
        '"before-migration": 500,',
        ("tests/storage/test_backup_rotation.py::test_copies_before_migrations_keep_the_five_newest",),
    ),
    Planted(
        "integrity-ignores-problems",
        "app/storage/integrity.py",
        'if rows != [("ok",)]:',
        "if False:",
        ("tests/storage/test_integrity.py",),
    ),
    Planted(
        "set-aside-leaves-the-wal-behind",
        "app/storage/integrity.py",
        "        for suffix in SIDE_FILES:\n",
        "        for suffix in ():\n",
        ("tests/storage/test_integrity.py",),
    ),
    Planted(
        "empty-output-accepted",
        "app/files.py",
        "if partial.stat().st_size == 0:",
        "if False:",
        ("tests/test_files.py::test_nothing_produced_is_an_error_not_an_empty_file",),
    ),
    Planted(
        "full-disk-not-said",
        "app/files.py",
        'return "the disk is full"',
        "return str(error.strerror or error)",
        ("tests/test_files.py",),
    ),
    Planted(
        "u2028-no-longer-breaks-lines",
        "app/domain/text.py",
        '{0x2028: "\\n", 0x2029: "\\n", 0x0C: "\\n", 0x0B: "\\n"}',
        '{0x2029: "\\n", 0x0C: "\\n", 0x0B: "\\n"}',
        ("tests/domain/test_text.py::test_every_kind_of_line_break_ends_a_heading",),
    ),
    Planted(
        "said-name-at-the-end-finds-no-source",
        "app/domain/attribution.py",
        '    if not before or before[-1] not in ",\\"\\u201d\\u2019\'" or cue in lex.participle_cues:\n',
        '    if not before or before[-1] not in "\\"\\u201d\\u2019\'" or cue in lex.participle_cues:\n',
        ("tests/domain/test_attribution.py::test_source_of_each_failure_pattern",),
    ),
    Planted(
        "one-item-list-shows-the-article-plain",
        "app/domain/article_structure.py",
        "    return lines or None\n",
        "    return lines if len(lines) > 1 else None\n",
        (
            "tests/domain/test_article_structure.py::test_a_markdown_list_of_one_item_keeps_the_articles_structure",
        ),
    ),
    Planted(
        "version-deletion-points-past-the-words",
        "app/domain/text_diff.py",
        "            start = end = new_words[j1][0]\n",
        "            start = end = new_words[j1][1]\n",
        ("tests/domain/test_text_diff.py::test_a_deletion_is_an_empty_span_where_the_words_were",),
    ),
)


def _copy(work: Path) -> None:
    """The parts of the repository a test run needs, with ../shared beside them as in a checkout."""
    ignore = shutil.ignore_patterns("__pycache__", ".hypothesis")
    for folder in ("app", "tests", "resources"):
        shutil.copytree(ROOT / folder, work / folder, ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", work / "pyproject.toml")
    if SHARED.exists():
        (work.parent / "shared").symlink_to(SHARED)


def _run_tests(work: Path, tests: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    env["PYTHONPATH"] = os.pathsep.join([str(work), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    command = [sys.executable, "-m", "pytest", "-x", "-q", "--no-header", "-p", "no:randomly", *tests]
    try:
        return subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as expired:
        return subprocess.CompletedProcess(command, -9, str(expired.stdout or ""), "timed out")


def _try(planted: Planted | None, folder: Path) -> subprocess.CompletedProcess[str]:
    """Plant the bug (None: none) in a fresh copy and run its tests there."""
    work = folder / "repo"
    _copy(work)
    if planted is None:
        return _run_tests(work, tuple(dict.fromkeys(test for p in SAMPLE for test in p.tests)))
    target = work / planted.file
    source = target.read_text(encoding="utf-8")
    assert source.count(planted.original) == 1, f"stale snippet in {planted.file}"
    target.write_text(source.replace(planted.original, planted.mutant), encoding="utf-8")
    return _run_tests(work, planted.tests)


@pytest.fixture(scope="module")
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every selected planted bug tried at once (each in its own process), by id; "" is the clean copy."""
    chosen = [
        item.callspec.params["planted"]
        for item in request.session.items
        if isinstance(item, pytest.Function)
        and item.module is request.module
        and hasattr(item, "callspec")
        and "planted" in item.callspec.params
    ]
    selected = {planted.id for planted in chosen if isinstance(planted, Planted)}
    plan: list[Planted | None] = [None, *(planted for planted in SAMPLE if planted.id in selected)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {
            (planted.id if planted else ""): pool.submit(_try, planted, tmp_path_factory.mktemp("planted"))
            for planted in plan
        }
    return {key: future.result() for key, future in futures.items()}


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout[-3000:] + result.stderr[-2000:]


def test_every_planted_bug_still_matches_the_source_once() -> None:
    ids = [planted.id for planted in SAMPLE]
    assert len(set(ids)) == len(ids)
    for planted in SAMPLE:
        source = (ROOT / planted.file).read_text(encoding="utf-8")
        assert source.count(planted.original) == 1, f"{planted.id}: its snippet is not once in {planted.file}"
        assert planted.mutant != planted.original
        for test in planted.tests:
            assert (ROOT / test.split("::", 1)[0]).exists(), f"{planted.id}: no {test}"


@pytest.mark.timeout(900)  # the first of these tries the whole sample
def test_the_sample_tests_pass_on_the_unchanged_copy(outcomes: dict[str, Any]) -> None:
    """Without this, a copy that cannot run the tests at all would count every bug as caught."""
    result = outcomes[""]
    assert result.returncode == 0, _output(result)


@pytest.mark.timeout(900)
@pytest.mark.parametrize("planted", SAMPLE, ids=[planted.id for planted in SAMPLE])
def test_the_suite_catches_the_planted_bug(planted: Planted, outcomes: dict[str, Any]) -> None:
    result = outcomes[planted.id]
    assert result.returncode != 0, f"the planted bug survived {' '.join(planted.tests)}:\n{_output(result)}"
    assert result.returncode in (1, -9), (
        f"the tests did not run (exit {result.returncode}):\n{_output(result)}"
    )
