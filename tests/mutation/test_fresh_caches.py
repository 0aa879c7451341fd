"""The plugin scripts/mutation loads so that no mutant is judged on what the unmutated code cached."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.domain import text
from tests.mutation.fresh_caches import clear_app_caches

ROOT = Path(__file__).resolve().parents[2]


def test_every_cache_in_app_is_emptied() -> None:
    text.abbreviations("en")  # other tests may have filled it with more languages already
    assert text.abbreviations.cache_info().currsize >= 1
    assert clear_app_caches() >= 1
    assert text.abbreviations.cache_info().currsize == 0


def test_scripts_mutation_loads_the_plugin_in_every_mutants_test_run() -> None:
    """A pytest run with the plugin starts with a cache filled before the session emptied."""
    probe = (
        "import sys, pytest\n"
        "from app.domain import text\n"
        "text.abbreviations('en')\n"
        "code = pytest.main(['-q', '-p', 'no:randomly', '-p', 'tests.mutation.fresh_caches',\n"
        "                    '--co', 'tests/mutation/test_fresh_caches.py'])\n"
        "sys.exit(code or text.abbreviations.cache_info().currsize)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stdout.decode()[-2000:]
    assert "tests.mutation.fresh_caches" in (ROOT / "scripts" / "mutation").read_text(encoding="utf-8")
