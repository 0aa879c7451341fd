"""Pathological sizes, each in its own process under a generous hard timeout (a hang detector).

No speed is asserted: a case fails only if it crashes, raises, hangs past the timeout, or its
memory grows far beyond its input (a sign of a blow-up that a bigger file would turn into a crash).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.text import split_sentences
from tests.helpers import HANG, ROOT, children, finished

MB = 2**20

PROSE = (
    "The harbour authority said on Monday that 40 ferries were cancelled because of the storm. "
    '"We had no choice," a spokesperson told reporters, adding that repairs could take weeks.\n\n'
)
# name -> Python expression building the text (run in the child, so the parent stays small)
CASES = {
    "one 10 MB line, no newline": "'word ' * (10 * MB // 5)",
    "10 MB of 'a. '": "'a. ' * (10 * MB // 3)",
    "200,000 quote marks": "'\"' * 200_000",
    "200,000 quote marks between words": "'\"a ' * 200_000",
    "100,000 nested parentheses": "'(' * 100_000 + 'x' + ')' * 100_000",
    "100,000 opening brackets": "'([{' * 33_334",
    "one 1 MB word": "'x' * MB",
    "1,000,000 lines of one letter": "'a\\n' * 1_000_000",
    # Regression: every anaphor ('a spokesperson') searched all earlier mentions, so attributed
    # prose was quadratic: 4 MB took 199 s and 50 MB hours; 6 MB now takes well under a minute.
    "6 MB of quoted, attributed prose": f"{PROSE!r} * (6 * MB // {len(PROSE)})",
}

_CHILD = """
import resource, sys
from app.domain.claims import analyze
MB = 2**20
text = {expr}
analysis = analyze(text)
for c in analysis.claims:
    assert c.text == text[c.start:c.end]
print(len(text), len(analysis.sentences), len(analysis.claims),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


@pytest.fixture(scope="module")
def started() -> Iterator[dict[str, subprocess.Popen[str]]]:
    with children(
        {name: [textwrap.dedent(_CHILD.format(expr=expr))] for name, expr in CASES.items()}
    ) as running:
        yield running


@pytest.mark.slow
@pytest.mark.timeout(HANG + 60)  # the cases' own hang detector, which names the case, speaks first
@pytest.mark.parametrize("name", list(CASES))
def test_engine_survives_pathological_text(started: dict[str, subprocess.Popen[str]], name: str) -> None:
    size, sentences, claims, _rss_mb = map(int, finished(name, started[name]).split())
    assert size > 0 and sentences >= 1 and claims <= sentences


def test_a_run_of_single_enumerators_keeps_no_garbage() -> None:
    """Regression: 'a. a. a. ...' kept a one-item list per 'a.' (1.2 GB for 10 MB of it).

    Memory is measured, not time: a peak near 100x the input came back before the fix, ~40x after.
    """
    text = "a. " * 20_000
    tracemalloc.start()
    try:
        split_sentences(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 70 * len(text)


_IMPORT_50MB = """
import sys, tracemalloc
from pathlib import Path
from app.importers import import_file
path = Path(sys.argv[1])
seen = []
tracemalloc.start()  # Python's own allocations: a child's RSS high-water may include its parent's
article = import_file(path, progress=lambda done, total: seen.append(done) is None)
peak = tracemalloc.get_traced_memory()[1]
assert len(article.text) == path.stat().st_size and seen[-1] == path.stat().st_size
print(len(seen), peak // 2**20)
"""


@pytest.mark.slow
@pytest.mark.timeout(HANG + 60)
def test_a_50_mb_text_file_imports_in_bounded_memory_with_progress(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    line = b'The harbour authority said 40 ferries were cancelled on Friday. "No choice," it said.\n\n'
    with path.open("wb") as file:
        for _ in range(50 * MB // len(line)):
            file.write(line)
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_50MB, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=HANG,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    calls, peak_mb = map(int, done.stdout.split())
    assert calls == 50  # one call per 1 MB chunk
    # the bytes (50 MB) and the decoded text (50 MB, ASCII), and no third copy of either
    assert peak_mb < 130, f"peak {peak_mb} MB allocated to import a 50 MB file"
