"""The layers point one way: a module that imports across them fails this test.

ui -> services -> (domain, storage, export, importers); domain imports nothing of ours but the
domain, and neither Qt nor SQLAlchemy. Imports under `if TYPE_CHECKING:` are for type hints only
and load nothing, so they are not counted. The stated exceptions are listed with why.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"

# layer -> packages (ours, or third-party roots) it may not import at run time
FORBIDDEN: dict[str, set[str]] = {
    "domain": {"ui", "services", "storage", "export", "importers", "cli", "PySide6", "sqlalchemy", "alembic"},
    "importers": {"ui", "services", "storage", "export", "cli", "PySide6", "sqlalchemy"},
    "storage": {"ui", "services", "export", "importers", "cli", "PySide6"},
    "export": {"ui", "services", "storage", "cli", "sqlalchemy"},
    "services": {"ui", "cli", "PySide6"},
    "ui": {"storage", "cli", "sqlalchemy"},
}
EXCEPTIONS = {
    ("export/pdf.py", "PySide6"): "Qt is the PDF engine: the memo is laid out and printed by Qt",
    ("services/reports.py", "PySide6"): "the memo's PDF is rendered by Qt (export/pdf.py) in a service",
    ("ui/application.py", "storage"): "the first paint reads the last article with sqlite3 alone",
}


def _runtime_imports(tree: ast.Module) -> Iterator[str]:
    """Module names imported outside `if TYPE_CHECKING:` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for child in ast.walk(node)}
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.module


def _target(module: str) -> str:
    parts = module.split(".")
    return parts[1] if parts[0] == "app" and len(parts) > 1 else parts[0]


def violations() -> list[str]:
    found = []
    for path in sorted(APP.rglob("*.py")):
        relative = path.relative_to(APP)
        layer = relative.parts[0] if len(relative.parts) > 1 else ""
        banned = FORBIDDEN.get(layer, set())
        for module in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            target = _target(module)
            if target in banned and (relative.as_posix(), target) not in EXCEPTIONS:
                found.append(f"{relative.as_posix()} imports {module}")
    return found


def test_no_module_imports_across_its_layer() -> None:
    assert violations() == []


def test_every_exception_is_still_needed() -> None:
    """An exception nobody relies on any more is removed, so it can't hide a new crossing."""
    for (file, target), _why in EXCEPTIONS.items():
        tree = ast.parse((APP / file).read_text(encoding="utf-8"))
        assert any(_target(m) == target for m in _runtime_imports(tree)), f"{file} no longer imports {target}"


def test_the_checker_sees_a_crossing(tmp_path: Path) -> None:
    tree = ast.parse(
        "from typing import TYPE_CHECKING\n"
        "import sqlalchemy\n"
        "if TYPE_CHECKING:\n    from app.storage.database import Database\n"
        "from app.storage.models import Claim\n"
    )
    assert [_target(m) for m in _runtime_imports(tree)] == ["typing", "sqlalchemy", "storage"]
