"""Fuzz settings shared by the hostile-input tests, and a count of the inputs each target saw.

CI runs a fixed, reproducible set (`derandomize=True`, 200 examples a test); set FUZZ_EXAMPLES
to run more by hand, e.g. `FUZZ_EXAMPLES=20000 pytest tests/fuzz`.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.network_guard import files_opened, no_network

__all__ = ["FUZZ", "TRIED", "files_opened", "no_network"]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
# The deadline is a hang detector per example, far above any normal run; not a speed goal.
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=EXAMPLES <= 200,
    deadline=10_000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
TRIED: Counter[str] = Counter()  # target -> inputs tried, printed after the run


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TRIED:
        terminalreporter.section("fuzz inputs tried")
        for target, count in sorted(TRIED.items()):
            terminalreporter.write_line(f"{target}: {count}")
