"""Print the engine's evaluation table: `python -m tests.evaluation`."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import tests.evaluation as evaluation


def main() -> int:
    rows = []
    for info in sorted(pkgutil.iter_modules(evaluation.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"tests.evaluation.{info.name}")
        if hasattr(module, "rows"):
            rows.extend(module.rows())
    widths = [max(len(getattr(r, f)) for r in rows) for f in ("suite", "metric", "measured", "goal")]
    header = ("suite", "metric", "measured", "goal")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + "  ok")
    for r in rows:
        cells = (r.suite, r.metric, r.measured, r.goal)
        print(
            "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True))
            + ("  yes" if r.passed else "  NO")
        )
    return 0 if all(r.passed for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
