"""The plugin scripts/mutation loads so that no mutant is judged on what the unmutated code cached."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _script() -> Any:
    """scripts/mutation as a module (it has no .py suffix)."""
    loader = importlib.machinery.SourceFileLoader("mutation_script", str(ROOT / "scripts" / "mutation"))
    spec = importlib.util.spec_from_loader("mutation_script", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("mutation_script", module)  # its dataclasses look their module up
    loader.exec_module(module)
    return module


def test_cached_functions_are_undecorated_for_mutmut_and_keep_their_cache(tmp_path: Path) -> None:
    source = tmp_path / "cached.py"
    source.write_text(
        "from functools import cache, lru_cache\n\n\n"
        "@lru_cache(maxsize=16)\ndef double(x: int) -> int:\n    return 2 * x\n\n\n"
        "@cache\ndef triple(x: int) -> int:\n    return 3 * x\n\n\n"
        "class Box:\n    @property\n    def size(self) -> int:\n        return 4\n",
        encoding="utf-8",
    )
    _script().undecorate(source)
    text_after = source.read_text(encoding="utf-8")
    assert "@" not in text_after, text_after
    assert "double = lru_cache(maxsize=16)(double)" in text_after
    assert "triple = cache(triple)" in text_after
    namespace: dict[str, Any] = {}
    exec(compile(text_after, str(source), "exec"), namespace)
    assert namespace["double"](5) == 10 and namespace["double"].cache_info().currsize == 1
    assert namespace["triple"](2) == 6 and namespace["Box"]().size == 4


def test_caches_are_emptied_before_every_test_while_mutmut_maps_tests_only() -> None:
    """In the 'stats' run each test must call a cached function itself to be credited with it."""
    probe = (
        "import os, sys, pytest\n"
        "from app.domain import text\n"
        "class Fill:\n"
        "    def pytest_runtest_teardown(self, item):\n"
        "        text.abbreviations('en')\n"
        "    def pytest_runtest_setup(self, item):\n"
        "        sizes.append(text.abbreviations.cache_info().currsize)\n"
        "sizes = []\n"
        "pytest.main(['-q', '-p', 'no:randomly', '-p', 'tests.mutation.fresh_caches',\n"
        "             'tests/mutation/test_fresh_caches.py::test_every_cache_in_app_is_emptied',\n"
        "             'tests/mutation/test_fresh_caches.py::test_scripts_mutation_loads_the_plugin_'\n"
        "             'in_every_mutants_test_run'],\n"
        "            plugins=[Fill()])\n"
        "print('SIZES', sizes)\n"
    )
    seen = {}
    for phase in ("stats", "app.domain.text.x_abbreviations__mutmut_1"):
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MUTANT_UNDER_TEST": phase}
        run = [sys.executable, "-c", probe]
        done = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, timeout=120)
        seen[phase] = done.stdout.decode().split("SIZES")[-1].strip()
    assert seen == {"stats": "[0, 0]", "app.domain.text.x_abbreviations__mutmut_1": "[0, 1]"}
