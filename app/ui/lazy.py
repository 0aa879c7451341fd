"""Service modules loaded on first use, so the window paints before SQLAlchemy is imported.

Importing the services pulls in SQLAlchemy (about 0.3 s), more than a bare Qt window takes to
appear. Widgets name the services they use at the top as usual, through `LazyModule`, with the
real module under TYPE_CHECKING so type checking sees through it:

    if TYPE_CHECKING:
        from app.services import library
    else:
        library = LazyModule("app.services.library")

`importlib.import_module` takes Python's per-module import lock, so worker threads may use the
same names safely.
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """Stands for a module until an attribute is asked for, then imports it (once) and answers."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(importlib.import_module(self._name), attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name}>"
