"""Claimdesk's own licence and the notices of what it runs on: present, current, and in the bundle."""

from __future__ import annotations

import runpy
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTICES = ROOT / "THIRD_PARTY_NOTICES"


@pytest.fixture(scope="module")
def generator() -> dict[str, Any]:
    return runpy.run_path(str(ROOT / "packaging" / "third_party_notices.py"))


def test_license_is_mit_as_pyproject_says() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["license"] == "MIT"
    assert text.startswith("MIT License") and "Claimdesk contributors" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS"' in text
    metainfo = (ROOT / "packaging" / "linux" / "io.github.claimdesk.Claimdesk.metainfo.xml").read_text()
    assert "<project_license>MIT</project_license>" in metainfo


def listed_names(text: str) -> set[str]:
    """The names in the notices' list: the indented lines before the first section."""
    head = text.split("=" * 78, 1)[0]
    return {line.split()[0].lower() for line in head.splitlines() if line.startswith("  ") and line.strip()}


def test_notices_name_every_runtime_dependency(generator: dict[str, Any]) -> None:
    """Fails when a dependency is added (or pulls in a new one) and the notices are not regenerated:
    run `.venv/bin/python packaging/third_party_notices.py`."""
    installed = {
        generator["field"](d.metadata, "Name").lower() for d in generator["runtime_distributions"]()
    } - {"claimdesk"}
    assert "lxml_html_clean" in installed and "certifi" in installed
    assert listed_names(NOTICES.read_text(encoding="utf-8")) == installed


def test_notices_carry_the_licences_that_ask_for_their_text() -> None:
    text = NOTICES.read_text(encoding="utf-8")
    for needed in (
        "GNU LESSER GENERAL PUBLIC LICENSE",  # Qt for Python, and Qt
        "GNU GENERAL PUBLIC LICENSE",  # which the LGPL v3 adds to
        "Mozilla Public License Version 2.0",  # certifi
        "Apache License",  # trafilatura, courlan, htmldate, tzdata, regex
        "https://doc.qt.io/qt-6/licenses-used-in-qt.html",
    ):
        assert needed in text, needed
    qt = text.split("PySide6_Essentials", 2)[2].split("=" * 78)[0]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt and "replace them" in qt


def test_the_generator_reads_licences_from_the_distributions(
    generator: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "NOTICES"
    assert generator["main"](["--output", str(out), "--bundle"]) == 0
    text = out.read_text(encoding="utf-8")
    assert listed_names(text) == listed_names(NOTICES.read_text(encoding="utf-8"))
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in text, "the bundle carries the interpreter"
    certifi = text.split("\ncertifi ", 1)[1].split("=" * 78)[0]
    assert certifi.startswith(
        generator["field"](generator["metadata"].distribution("certifi").metadata, "Version")
    )
    assert "Licence: MPL-2.0" in certifi and "Mozilla Public License" in certifi


def test_the_bundle_carries_license_and_notices() -> None:
    spec = (ROOT / "packaging" / "claimdesk.spec").read_text(encoding="utf-8")
    assert 'str(ROOT / "LICENSE")' in spec and "third_party_notices.py" in spec and "--bundle" in spec
    smoke = (ROOT / "packaging" / "smoke_test.sh").read_text(encoding="utf-8")
    assert "THIRD_PARTY_NOTICES" in smoke and "LICENSE" in smoke


def test_every_recipe_upgrades_pip_before_installing() -> None:
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    installs = [
        line
        for line in readme.splitlines()
        if "pip install -e" in line and "pip install --upgrade" not in line
    ]
    upgrades = [line for line in readme.splitlines() if "pip install --upgrade pip" in line]
    assert len(upgrades) >= 3, "Linux, Windows and macOS"
    for line in installs:
        before = readme[: readme.index(line)]
        assert "pip install --upgrade pip" in before.rsplit("```", 1)[-1], f"no pip upgrade before: {line}"
    assert "pip install --upgrade pip" in (ROOT / "packaging" / "build.sh").read_text()
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert any(d.startswith("lxml_html_clean") for d in dependencies)
