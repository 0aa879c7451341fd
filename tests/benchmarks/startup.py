"""Start-up time: `claimdesk` to its first painted window, next to a bare PySide6 window.

Both are whole processes, launched from here; each reports when its first paint is done (on the
system's monotonic clock, which this process shares) and quits. The goal's figure is launch to
first paint, so interpreter start and Qt's own start-up are in both; launch to exit is printed
too, since it adds the tear-down of each window.
Run: `python -m tests.benchmarks.startup [--runs N]` (off screen unless DISPLAY is set).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def report_and_quit():
    print(f"first paint at {time.monotonic_ns()}", flush=True)
    QApplication.quit()

class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, report_and_quit)
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.installEventFilter(Quit(window))
window.show()
app.exec()
"""


EVENT = re.compile(r"^(first paint|ready) at (\d+)$", re.MULTILINE)  # what the probes print


def time_process(command: list[str], env: dict[str, str], event: str = "first paint") -> tuple[float, float]:
    """Seconds from launch to `event` as the process reported it, and to the process's exit."""
    start = time.monotonic_ns()
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    end = time.monotonic_ns()
    reported = dict(EVENT.findall(done.stdout))
    if event not in reported:
        raise SystemExit(f"{command} did not report {event}: {done.stderr[-500:]}")
    return (int(reported[event]) - start) / 1e9, (end - start) / 1e9


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
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'xcb')}, runs: {args.runs}, database: {db_size} bytes")
    print(f"{'':<26}{'to first paint, ms':>20}{'to exit, ms':>14}")
    print(f"{'':<26}{'median':>12}{'min':>8}{'median':>14}")
    for name, runs in (("bare PySide6 window", bare), ("claimdesk, last article", ours)):
        paint, exit_ = [r[0] * 1000 for r in runs], [r[1] * 1000 for r in runs]
        print(
            f"{name:<26}{statistics.median(paint):>12.0f}{min(paint):>8.0f}{statistics.median(exit_):>14.0f}"
        )
    ratio = statistics.median(r[0] for r in ours) / statistics.median(r[0] for r in bare)
    exit_ratio = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in bare)
    print(f"ratio to first paint (goal <= 1.5x): {ratio:.2f}x   (to exit: {exit_ratio:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
