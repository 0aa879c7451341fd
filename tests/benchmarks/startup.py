"""Start-up time: `claimdesk` to its first painted window, next to a bare PySide6 window.

Both are whole processes timed from launch to exit, where each quits right after its first paint,
so interpreter start and Qt's own start-up are in both figures.
Run: `python -m tests.benchmarks.startup [--runs N]` (off screen unless DISPLAY is set).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.installEventFilter(Quit(window))
window.show()
app.exec()
"""


def time_process(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["CLAIMDESK_QUIT_AFTER_FIRST_PAINT"] = "1"
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached; so must we
    with tempfile.TemporaryDirectory() as home:
        env["CLAIMDESK_HOME"] = home
        app_cmd = [sys.executable, "-m", "app"]
        time_process(app_cmd, env)  # first run creates the database and imports the sample
        bare, ours = [], []
        for _ in range(args.runs):
            bare.append(time_process([sys.executable, "-c", BARE_WINDOW], env))
            ours.append(time_process(app_cmd, env))
        db_size = (Path(home) / "claimdesk.sqlite3").stat().st_size
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'xcb')}, runs: {args.runs}, database: {db_size} bytes")
    print(f"{'':<28}{'median ms':>10}{'min ms':>10}")
    print(f"{'bare PySide6 window':<28}{b * 1000:>10.0f}{min(bare) * 1000:>10.0f}")
    print(f"{'claimdesk, last article':<28}{o * 1000:>10.0f}{min(ours) * 1000:>10.0f}")
    print(f"ratio (goal <= 1.5x): {o / b:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
