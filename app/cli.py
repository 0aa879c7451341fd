"""The command line: `claimdesk [FILE]` opens the app; subcommands work without a screen.

Every command goes through the same services as the GUI. Errors the user can cause print one
line on stderr and exit 2; the database is left as it was. As in other Unix tools: `-` as an
export's file means standard output, a reader that goes away early (`| head`) ends the command
quietly, and a word that is neither a command nor an existing file is an error with a hint,
never a window opening (or, without a screen, Qt aborting).
"""

from __future__ import annotations

import argparse
import difflib
import gc
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.errors import ClaimdeskError

if TYPE_CHECKING:
    from app.domain.text_diff import VersionChange
    from app.services.search import SearchHit

EXIT_USAGE = 2
EXIT_BUG = 1  # an unexpected error: ours, not the user's
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: what `seq 1 1000000 | head -1` leaves behind, said quietly
STDOUT = "-"

COMMANDS = (
    "open",
    "import",
    "list",
    "search",
    "analyze",
    "export",
    "import-annotations",
    "backup",
    "backups",
    "restore",
    "versions",
    "newsroom",
)
EXPORT_FORMATS = ("pdf", "markdown", "csv", "w3c", "claimreview", "ris", "csl_json", "hypothesis")
LIBRARY_FORMATS = frozenset({"csv", "ris", "csl_json"})  # the exports that take 'all' articles
PAPERS = ("auto", "a4", "letter")


def build_parser() -> argparse.ArgumentParser:
    from app.domain.statuses import STATUSES

    parser = argparse.ArgumentParser(
        prog="claimdesk",
        description="Claimdesk: read a news article beside the claims it makes, and check them.",
        epilog="Run without a command to open the app. Data lives in the user's data folder; "
        "set CLAIMDESK_HOME or --db to use another.",
    )
    parser.add_argument("--version", action="version", version=f"claimdesk {__version__}")
    parser.add_argument("--db", metavar="PATH", help="use this database file instead of the default")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="use a newsroom library on a PostgreSQL server (postgresql+psycopg://role@host/database); "
        "the password comes from ~/.pgpass, never the command line",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # --db is accepted after the command too; SUPPRESS keeps it from hiding the global one.
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    db_option.add_argument("--database-url", default=argparse.SUPPRESS, help=argparse.SUPPRESS)

    opener = commands.add_parser(
        "open", parents=[db_option], help="open the app (the default), optionally with a file"
    )
    opener.add_argument("file", nargs="?", help="an article to import and show")

    importer = commands.add_parser(
        "import", parents=[db_option], help="import article files; prints each new article's id"
    )
    importer.add_argument("files", nargs="+", metavar="FILE", help="article files, or folders of them")

    json_option = argparse.ArgumentParser(add_help=False)
    json_option.add_argument("--json", action="store_true", help="print JSON instead of a table")

    commands.add_parser("list", parents=[db_option, json_option], help="list the articles in the library")

    searcher = commands.add_parser(
        "search", parents=[db_option, json_option], help="search article text, claims, sources and notes"
    )
    searcher.add_argument("query", nargs="+", metavar="WORD", help="words that must all occur")
    searcher.add_argument("--limit", type=int, default=20, help="show at most this many hits (20)")

    analyzer = commands.add_parser(
        "analyze", parents=[db_option], help="analyse a file without storing anything"
    )
    analyzer.add_argument("file", metavar="FILE")
    analyzer.add_argument("--json", action="store_true", help="print the analysis as one JSON object")

    exporter = commands.add_parser(
        "export",
        parents=[db_option],
        help="export an article's claims, notes and evidence",
        description="Write one or more exports of an article. OUT may be - for standard output (one "
        "export at a time). ARTICLE_ID may be 'all' with --csv, --ris and --csl-json only.",
    )
    exporter.add_argument("article_id", metavar="ARTICLE_ID", help="the article's id (see `claimdesk list`)")
    exporter.add_argument("--pdf", metavar="OUT", help="the verification memo as PDF")
    exporter.add_argument(
        "--markdown", metavar="OUT", help="the memo as Markdown (front matter and block ids for Obsidian)"
    )
    exporter.add_argument("--csv", metavar="OUT", help="one row per claim, for spreadsheets")
    exporter.add_argument(
        "--w3c", metavar="OUT", help="W3C Web Annotation JSON-LD (for other annotation tools)"
    )
    exporter.add_argument(
        "--claimreview", metavar="OUT", help="schema.org ClaimReview JSON-LD of final verdicts"
    )
    exporter.add_argument(
        "--ris", metavar="OUT", help="RIS for Zotero and other reference managers (claims as child notes)"
    )
    exporter.add_argument(
        "--csl-json", metavar="OUT", help="CSL-JSON for Zotero, Pandoc and citation processors"
    )
    exporter.add_argument(
        "--hypothesis", metavar="OUT", help="Hypothesis-shaped annotation JSON (import-annotations reads it)"
    )
    exporter.add_argument(
        "--status",
        action="append",
        metavar="STATUS",
        help="list only claims with this status (repeatable): " + ", ".join(s.id for s in STATUSES),
    )
    exporter.add_argument("--appendix", action="store_true", help="add the whole article with claims marked")
    exporter.add_argument(
        "--include-dismissed",
        action="store_true",
        help="list dismissed claims too, marked as dismissed (the memo, Markdown and CSV leave them out)",
    )
    exporter.add_argument("--no-history", action="store_true", help="leave out each claim's status history")
    exporter.add_argument(
        "--paper", default="auto", metavar="PAPER", help="auto (Preferences, else the locale), a4 or letter"
    )
    exporter.add_argument(
        "--order", choices=("verdict", "article"), default=None,
        help="list the memo's claims by verdict (False first) or in article order (default: Preferences)",
    )  # fmt: skip
    exporter.add_argument("--force", action="store_true", help="overwrite files that already exist")

    annotations = commands.add_parser(
        "import-annotations",
        parents=[db_option],
        help="import a W3C annotation export (another Claimdesk's), a Hypothesis JSON export or Zotero 7 "
        "annotations of a saved page",
    )
    annotations.add_argument("file", metavar="FILE")
    annotations.add_argument(
        "--article", type=int, metavar="ID", help="join this article instead of matching"
    )
    commands.add_parser(
        "backup", parents=[db_option], help="make a backup of the database now; prints its path"
    )
    commands.add_parser("backups", parents=[db_option], help="list the backups: time, reason, size, articles")
    restorer = commands.add_parser(
        "restore",
        parents=[db_option],
        help="replace the database with a backup (the current one is backed up first)",
    )
    restorer.add_argument("file", metavar="FILE", help="a backup (see `claimdesk backups`)")
    versions = commands.add_parser(
        "versions",
        parents=[db_option, json_option],
        help="list the texts an article has had, or show what changed between two of them",
    )
    versions.add_argument(
        "article_id", type=int, metavar="ID", help="the article's id (see `claimdesk list`)"
    )
    versions.add_argument(
        "--diff", nargs=2, type=int, metavar=("A", "B"), help="show what changed from version A to B"
    )
    _add_newsroom_parser(commands, db_option, json_option)
    return parser


def _add_newsroom_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    db_option: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
) -> None:
    """`claimdesk newsroom TASK --database-url URL`: set up and look after a newsroom library."""
    newsroom = commands.add_parser(
        "newsroom",
        parents=[db_option],
        help="set up and look after a newsroom library on a PostgreSQL server (see `newsroom --help`)",
        description="Each task needs --database-url postgresql+psycopg://role@host/database; the "
        "password comes from ~/.pgpass. prepare, add-editor and prune-attachments are the "
        "administrator's (the role that owns the database).",
    )
    tasks = newsroom.add_subparsers(dest="task", metavar="TASK", required=True)
    tasks.add_parser(
        "prepare",
        parents=[db_option],
        help="create or upgrade the schema and give the editors' group its rights",
    )
    adder = tasks.add_parser(
        "add-editor",
        parents=[db_option],
        help="add a journalist's own role, or give one a new password (asked for, or read from standard "
        "input: never on the command line)",
    )
    adder.add_argument("role", metavar="ROLE", help="the journalist's role: lower-case letters, digits and _")
    adder.add_argument(
        "--no-password", action="store_true", help="set no password (the server's own rules let the role in)"
    )
    for name, direction in (("copy-in", "from the local library into the newsroom's"),
                            ("copy-out", "from the newsroom library into the local one")):  # fmt: skip
        copier = tasks.add_parser(
            name, parents=[db_option], help=f"copy articles with their work {direction}; running it again "
            "copies nothing (the local library is the default one, or --db PATH)",
        )  # fmt: skip
        copier.add_argument(
            "--article", type=int, nargs="+", action="extend", metavar="ID",
            help="only these articles (their ids in the library copied from, as `claimdesk list` shows)",
        )  # fmt: skip
    tasks.add_parser(
        "status", parents=[db_option, json_option], help="who has the library open, as which role; the schema"
    )
    pruner = tasks.add_parser(
        "prune-attachments",
        parents=[db_option],
        help="delete the stored documents no evidence refers to any more (in one transaction)",
    )
    pruner.add_argument(
        "--removed-too",
        action="store_true",
        help="also those only removed evidence refers to (as emptying the trash does in a local library)",
    )


def _with_default_command(argv: list[str]) -> list[str]:
    """`claimdesk` and `claimdesk FILE` mean `claimdesk open [FILE]`; any other word is refused.

    A FILE must exist: a mistyped command (`claimdesk lsit`) would otherwise open the window, or
    abort in Qt where there is no screen.
    """
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in ("--db", "--database-url"):
            index += 2
            continue
        if arg.startswith("--db=") or (arg.startswith("-") and arg != "-"):
            index += 1
            continue
        if arg in COMMANDS:
            return argv
        if not os.path.exists(arg):
            raise UnknownCommandError(arg)
        return [*argv[:index], "open", *argv[index:]]
    if any(a in ("-h", "--help", "--version") for a in argv):
        return argv
    return [*argv, "open"]


class UnknownCommandError(ClaimdeskError):
    """A first word that is neither a command nor an existing file."""

    def __init__(self, word: str) -> None:
        close = difflib.get_close_matches(word, COMMANDS, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        super().__init__(
            f"'{word}' is neither a command{hint} nor an existing file; `claimdesk --help` lists the commands"
        )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:  # the usual start, from the desktop: straight to the window, no parser built
        return _run_guarded(lambda: _open_app(None, None))
    try:
        arguments = _with_default_command(arguments)
    except UnknownCommandError as error:
        print(f"claimdesk: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        args = build_parser().parse_args(arguments)
    except SystemExit:  # --help, --version or a usage error, already printed: flushed while we can tell
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            return _pipe_closed()
        raise
    except BrokenPipeError:
        return _pipe_closed()
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "open": _open,
        "import": _import,
        "list": _list,
        "search": _search,
        "analyze": _analyze,
        "export": _export,
        "import-annotations": _import_annotations,
        "backup": _backup,
        "backups": _backups,
        "restore": _restore,
        "versions": _versions,
        "newsroom": _newsroom,
    }
    return _run_guarded(lambda: handlers[args.command](args))


def _run_guarded(command: Callable[[], int]) -> int:
    """An error the user can cause is one line on stderr and exit 2, never a traceback."""
    try:
        code = command()
        sys.stdout.flush()  # here, not at exit, so a closed pipe is caught below
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except ClaimdeskError as error:
        print(f"claimdesk: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one line here, the traceback in the log
        from app.logs import log, log_file, start_logging

        start_logging()
        log.exception("Command failed: %s", " ".join(sys.argv[1:]))
        print(
            f"claimdesk: internal error ({type(error).__name__}: {error}); nothing more was changed."
            f" The details are in {log_file()}",
            file=sys.stderr,
        )
        return EXIT_BUG


def _pipe_closed() -> int:
    """The reader of our output left (`| head`): stop without a word. Python would flush stdout
    again at exit and print an error about it, so stdout now points at the null device."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):  # no real file behind stdout (a test's capture): nothing to flush
        pass
    return EXIT_PIPE_CLOSED


def _print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _database(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The newsroom library of --database-url, else the local one (see `_local_database`)."""
    if args.database_url:
        from app.storage.server import open_server_database

        return open_server_database(_server_address(args))
    return _local_database(args)


def _server_address(args: argparse.Namespace) -> str:
    """--database-url, refused with a password in it: seen by anyone listing processes, kept in history."""
    from app.storage.server import parse_url

    if parse_url(args.database_url).password:
        raise ClaimdeskError(
            "Leave the password out of the address: Claimdesk and PostgreSQL read it from ~/.pgpass"
        )
    return str(args.database_url)


def _local_database(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The local library after its quick check; a damaged one is set aside and a restore suggested."""
    from app.config import database_path
    from app.services.safety import DatabaseSetAsideError, daily_backup, open_checked

    path = database_path(args.db)
    try:
        db = open_checked(path)
    except DatabaseSetAsideError as error:
        if error.backup is None:
            raise
        db_option = f"--db {args.db} " if args.db else ""
        raise ClaimdeskError(
            f"{error}; restore it with: claimdesk {db_option}restore {error.backup}"
        ) from None
    if warning := daily_backup(path):
        print(f"claimdesk: warning: {warning}", file=sys.stderr)
    return db


def _open(args: argparse.Namespace) -> int:
    return _open_app(args.db, args.file, args.database_url)


def library_to_open(db: str | None, database_url: str | None) -> str | None:
    """The newsroom library the window opens: --database-url, else (without --db) the one chosen in
    Preferences > Library; None for a local file."""
    if database_url or db:
        return database_url
    from app import preferences

    return preferences.newsroom_url() or None


def _open_app(db: str | None, file: str | None, database_url: str | None = None) -> int:
    # Until the first paint (app/ui/application.py) Python's cyclic garbage collector is off: what
    # start-up allocates (modules, classes, Qt's enums) all lives on, so each collection is wasted
    # work, about 4% of the start-up.
    gc.disable()
    try:
        from app.ui.application import run_gui

        url = library_to_open(db, database_url)
        return run_gui(db, file, url, from_preferences=url is not None and not database_url)
    finally:
        gc.enable()


def _import(args: argparse.Namespace) -> int:
    from app.services.articles import collect_files, import_path

    db = _database(args)
    failures = 0
    for file in collect_files(args.files):
        try:
            result = import_path(db, file)
        except ClaimdeskError as error:
            print(f"claimdesk: {error}", file=sys.stderr)
            failures += 1
            continue
        if result.new_version is not None:
            print(
                f"claimdesk: {file} is a new version of article {result.article_id}: "
                f"{result.new_version.summary()}",
                file=sys.stderr,
            )
        elif result.namesake is not None:
            print(
                f"claimdesk: {file} has the same name as article {result.namesake} but another story;"
                f" imported as a new article",
                file=sys.stderr,
            )
        elif not result.created:
            print(
                f"claimdesk: {file} is already in the library as article {result.article_id}", file=sys.stderr
            )
        print(result.article_id)
    db.close()
    return EXIT_USAGE if failures else 0


def _list(args: argparse.Namespace) -> int:
    from app.services.articles import list_articles

    db = _database(args)
    rows = list_articles(db)
    db.close()
    if args.json:
        _print_json([
            {"id": row.id, "title": row.title, "byline": row.byline, "format": row.format,
             "imported_at": row.imported_at.isoformat(timespec="seconds"), "claims": row.claim_count}
            for row in rows
        ])  # fmt: skip
        return 0
    if not rows:
        print("The library is empty. Import an article with: claimdesk import FILE")
        return 0
    print(f"{'ID':>5}  {'CLAIMS':>6}  {'IMPORTED':<16}  TITLE")
    for row in rows:
        when = row.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{row.id:>5}  {row.claim_count:>6}  {when:<16}  {row.title}")
    return 0


def _search(args: argparse.Namespace) -> int:
    from app.services.search import HIT_END, HIT_START, search

    db = _database(args)
    try:
        hits = search(db, " ".join(args.query), limit=max(1, args.limit))
    finally:
        db.close()
    if args.json:
        _print_json([_hit_json(hit) for hit in hits])
        return 0
    if not hits:
        print("No hits.")
        return 0
    for hit in hits:  # matched words in [brackets]; one hit a line
        snippet = " ".join(hit.snippet.replace(HIT_START, "[").replace(HIT_END, "]").split())
        where = f"claim {hit.claim_id}" if hit.claim_id is not None else "text"
        print(f"{hit.article_id:>5}  {hit.kind:<7}  {where:<12}  {hit.article_title[:40]:<40}  {snippet}")
    return 0


def _hit_json(hit: SearchHit) -> dict[str, object]:
    """A hit with its snippet as plain text and where the matched words are in it."""
    from app.services.search import HIT_END, HIT_START

    text, matches, position = "", [], 0
    for piece in hit.snippet.split(HIT_START):
        found, marker, rest = piece.partition(HIT_END)
        if marker:
            matches.append([position, position + len(found)])
            text += found + rest
            position += len(found) + len(rest)
        else:
            text += piece
            position += len(piece)
    return {
        "article_id": hit.article_id, "article_title": hit.article_title, "kind": hit.kind,
        "claim_id": hit.claim_id, "note_id": hit.note_id, "start": hit.start, "end": hit.end,
        "snippet": text, "matches": matches,
    }  # fmt: skip


def _analyze(args: argparse.Namespace) -> int:
    from app.services.articles import analyze_file

    analysis = analyze_file(args.file)
    if args.json:
        json.dump(analysis.to_json(), sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    print(f"{len(analysis.sentences)} sentences, {len(analysis.claims)} claims")
    for claim in sorted(analysis.claims, key=lambda c: -c.score):
        source = f" [{claim.source}]" if claim.source else ""
        print(f"{claim.score:.2f} {claim.kind:<6}{source} {claim.text}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from app.export.memo_options import memo_options
    from app.services import data_exports, reports

    targets = {fmt: getattr(args, fmt) for fmt in EXPORT_FORMATS if getattr(args, fmt)}
    if not targets:
        raise ClaimdeskError(
            "Say what to write: --pdf, --markdown, --csv, --w3c, --claimreview, --ris, --csl-json or "
            "--hypothesis OUT (OUT may be - for standard output)"
        )
    to_stdout = [fmt for fmt, out in targets.items() if out == STDOUT]
    if len(to_stdout) > 1:
        raise ClaimdeskError("Only one export at a time can go to standard output (-)")
    article_id = _article_id(args.article_id, library=set(targets) <= LIBRARY_FORMATS)
    dismissed = args.include_dismissed
    options = memo_options(
        args.status, history=not args.no_history, appendix=args.appendix, paper=args.paper,
        dismissed=dismissed, order=args.order,
    )  # fmt: skip
    for out in targets.values():
        if out != STDOUT and Path(out).exists() and not args.force:
            raise ClaimdeskError(f"{out} already exists; add --force to overwrite it")
    writers: dict[str, Callable[[Path], Path]] = {
        "pdf": lambda out: reports.export_pdf(db, article_id or 0, out, options),
        "markdown": lambda out: data_exports.export_markdown(db, article_id or 0, out, dismissed),
        "csv": lambda out: data_exports.export_csv(db, article_id, out, dismissed),
        "w3c": lambda out: data_exports.export_w3c(db, article_id or 0, out),
        "claimreview": lambda out: data_exports.export_claimreview(db, article_id or 0, out),
        "ris": lambda out: data_exports.export_ris(db, article_id, out, dismissed),
        "csl_json": lambda out: data_exports.export_csl_json(db, article_id, out, dismissed),
        "hypothesis": lambda out: data_exports.export_hypothesis(db, article_id or 0, out, dismissed),
    }
    db = _database(args)
    try:
        for fmt, out in targets.items():
            if out == STDOUT:
                _write_to_stdout(writers[fmt], fmt)
            else:  # the paths written; on stderr when stdout carries an export
                print(writers[fmt](Path(out)), file=sys.stderr if to_stdout else sys.stdout)
    finally:
        db.close()
    return 0


def _write_to_stdout(writer: Callable[[Path], Path], fmt: str) -> None:
    """The export's bytes, as a file would have them, on standard output: written to a private
    temporary folder first, so every export (the PDF too) goes through the one path it always does."""
    import shutil

    with tempfile.TemporaryDirectory(prefix="claimdesk-export-") as folder:
        written = writer(Path(folder) / f"export.{fmt}")
        sys.stdout.flush()
        with written.open("rb") as stream:
            shutil.copyfileobj(stream, sys.stdout.buffer)
        sys.stdout.buffer.flush()


def _article_id(value: str, library: bool) -> int | None:
    """An article id, or None for 'all' (which only the exports of a whole library take)."""
    if value == "all":
        if not library:
            raise ClaimdeskError(
                "'all' works with --csv, --ris and --csl-json only; give one article's id for the others"
            )
        return None
    try:
        return int(value)
    except ValueError:
        raise ClaimdeskError(f"{value!r} is not an article id (see `claimdesk list`)") from None


def _import_annotations(args: argparse.Namespace) -> int:
    from app.services.annotations import import_annotations

    db = _database(args)
    try:
        report = import_annotations(db, args.file, article_id=args.article)
    finally:
        db.close()
    print(report.summary())
    return 0


def _backup(args: argparse.Namespace) -> int:
    from app.services import safety

    _database(args).close()  # checks the file first: a damaged one is not worth copying
    print(safety.back_up(_database_path(args)))
    return 0


def _backups(args: argparse.Namespace) -> int:
    from app.services import safety

    rows = safety.list_backups(_database_path(args))
    if not rows:
        print("No backups yet. Make one with: claimdesk backup")
        return 0
    print(f"{'TAKEN':<16}  {'REASON':<16}  {'SIZE':>9}  {'ARTICLES':>8}  FILE")
    for row in rows:
        when = row.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        articles = "?" if row.articles is None else str(row.articles)
        print(f"{when:<16}  {row.reason:<16}  {row.size:>9}  {articles:>8}  {row.path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from app.services import safety

    path = _database_path(args)
    kept = safety.restore(path, Path(args.file))
    _database(args).close()  # migrates an older backup to the current schema
    print(f"Restored {args.file} into {path}")
    if kept:
        print(f"The database as it was before is kept in {kept}")
    return 0


def _versions(args: argparse.Namespace) -> int:
    from app.services import article_versions

    db = _database(args)
    try:
        if args.diff:
            old, new = args.diff
            changes = article_versions.compare(db, args.article_id, old, new)
            if args.json:
                _print_json({"article_id": args.article_id, "from": old, "to": new, "changes": [
                    {"kind": c.kind, "start": c.start, "end": c.end, "old": c.old, "new": c.new,
                     "before": c.before, "after": c.after} for c in changes
                ]})  # fmt: skip
            else:
                _print_changes(changes, old, new)
            return 0
        rows = article_versions.list_versions(db, args.article_id)
    finally:
        db.close()
    if args.json:
        _print_json([
            {"number": row.number, "captured_at": row.captured_at.isoformat(timespec="seconds"),
             "words": row.words, "sha256": row.sha256, "title": row.title}
            for row in rows
        ])  # fmt: skip
        return 0
    print(f"{'#':>3}  {'CAPTURED':<16}  {'WORDS':>6}  {'SHA256':<12}  TITLE")
    for row in rows:
        when = row.captured_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{row.number:>3}  {when:<16}  {row.words:>6}  {row.sha256[:12]:<12}  {row.title}")
    return 0


def _print_changes(changes: Sequence[VersionChange], old: int, new: int) -> None:
    """Each change: where it is in the newer text, its context, then `- old` / `+ new` lines."""
    if not changes:
        print(f"No change in the words from version {old} to {new}.")
        return
    print(f"{len(changes)} change{'' if len(changes) == 1 else 's'} from version {old} to {new}:")
    for n, change in enumerate(changes, 1):
        before = f"…{change.before} " if change.before else ""
        after = f" {change.after}…" if change.after else ""
        context = f"{before}[{change.kind}]{after}"
        print(f"\n{n}. at {change.start}: {context}")
        if change.old:
            print(f"   - {change.old}")
        if change.new:
            print(f"   + {change.new}")


def _database_path(args: argparse.Namespace) -> Path:
    from app.config import database_path

    if args.database_url:
        raise ClaimdeskError("A newsroom library is backed up on its server, by its administrator")
    return database_path(args.db)


def _newsroom(args: argparse.Namespace) -> int:
    """The newsroom tasks: each on the server named by --database-url, never a default one."""
    if not args.database_url:
        raise ClaimdeskError(
            f"`claimdesk newsroom {args.task}` needs --database-url postgresql+psycopg://role@host/database"
        )
    tasks: dict[str, Callable[[argparse.Namespace, str], int]] = {
        "prepare": _newsroom_prepare,
        "add-editor": _newsroom_add_editor,
        "copy-in": _newsroom_copy,
        "copy-out": _newsroom_copy,
        "status": _newsroom_status,
        "prune-attachments": _newsroom_prune,
    }
    return tasks[args.task](args, _server_address(args))


def _newsroom_prepare(_args: argparse.Namespace, url: str) -> int:
    from app.storage.newsroom_setup import EDITORS, prepare_newsroom
    from app.storage.server import shown

    revision = prepare_newsroom(url)
    print(f"{shown(url)} is ready: schema {revision}, and the editors' group {EDITORS} has its rights.")
    print("Add each journalist with: claimdesk newsroom add-editor ROLE --database-url URL")
    return 0


def _newsroom_add_editor(args: argparse.Namespace, url: str) -> int:
    from app.storage.newsroom_setup import EDITORS, add_editor

    password = None if args.no_password else _read_password(args.role)
    new = add_editor(url, args.role, password)
    done = "added to" if new else "already in"
    said = "" if password is None else (" with its password" if new else ", with a new password")
    print(f"{args.role} is {done} the editors' group {EDITORS}{said}.")
    return 0


def _read_password(role: str) -> str:
    """Asked twice at a terminal (not shown), else one line of standard input: never an argument."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass(f"Password for {role}: ")
    if getpass.getpass("The same password again: ") != first:
        raise ClaimdeskError("The two passwords differ; nothing was changed")
    return first


def _newsroom_copy(args: argparse.Namespace, url: str) -> int:
    from app.services.newsroom_copy import copy_library
    from app.storage.server import open_server_database

    server = open_server_database(url)
    try:
        local = _local_database(args)
        try:
            into_server = args.task == "copy-in"
            source, target = (local, server) if into_server else (server, local)
            report = copy_library(source, target, args.article)
        finally:
            local.close()
    finally:
        server.close()
    where = "the newsroom library" if into_server else "the local library"
    if report.changed_nothing():
        print(f"Nothing to copy: {where} has all of it already.")
        return 0
    counts = [
        (report.articles, "article"), (report.claims, "claim"), (report.claims_updated, "claim updated"),
        (report.steps, "status change"), (report.notes, "note"), (report.evidence, "evidence item"),
        (report.documents, "document"), (report.tags, "tag"), (report.links, "word on a link"),
    ]  # fmt: skip
    said = ", ".join(_counted(n, what) for n, what in counts if n)
    print(f"Copied into {where}: {said}.")
    return 0


def _counted(number: int, what: str) -> str:
    if number == 1:
        return f"1 {what}"
    noun, _, rest = what.partition(" ")
    return f"{number} {noun}s{' ' + rest if rest else ''}"


STATUS_SAID = {
    "ready": "may read and change the desk's work",
    "set_up": "owns the database: the first start (or `claimdesk newsroom prepare`) sets up the schema",
    "empty": "the database holds no library yet: its administrator runs `claimdesk newsroom prepare`",
    "no_rights": "has no rights on the library: the administrator runs `claimdesk newsroom add-editor ROLE`",
    "read_only": "may read the library but not change it",
    "older": "the schema is older than this Claimdesk's: the administrator runs `claimdesk newsroom prepare`",
    "newer": "the schema was written by a newer Claimdesk: install it to open this library",
}


def _newsroom_status(args: argparse.Namespace, url: str) -> int:
    from app.storage.newsroom_status import read_status

    status = read_status(url)
    verdict = status.verdict()
    if args.json:
        _print_json({
            "address": status.where, "database": status.database, "role": status.role,
            "server_version": status.server_version, "owner": status.owner, "schema": status.revision,
            "verdict": verdict, "open": [
                {"role": c.role, "since": c.since.isoformat(timespec="seconds"), "from": c.client}
                for c in status.others
            ],
        })  # fmt: skip
        return 0
    role = f"{status.role} (the owner, its administrator)" if status.owner else status.role
    print(f"Newsroom library  {status.where}")
    print(f"Server            PostgreSQL {status.server_version}")
    from app.storage.migrate import head_revision

    head = head_revision()
    newest = "the newest this Claimdesk knows" if status.revision == head else f"this Claimdesk's: {head}"
    schema = status.revision or ("not readable by this role" if status.has_library else "none yet")
    print(f"Schema            {schema} ({newest})")
    print(f"You               {role}: {STATUS_SAID[verdict]}")
    if not status.others:
        print("Open now          nowhere else")
        return 0
    print(f"Open now          {len(status.others)} other window{'s' if len(status.others) != 1 else ''} "
          "or command")  # fmt: skip
    print(f"  {'ROLE':<20}  {'SINCE':<16}  FROM")
    for connected in status.others:
        since = connected.since.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"  {connected.role:<20}  {since:<16}  {connected.client}")
    return 0


def _newsroom_prune(args: argparse.Namespace, url: str) -> int:
    from app.storage.newsroom_setup import prune_attachments

    count, size = prune_attachments(url, removed_too=args.removed_too)
    if not count:
        print("Nothing to delete: evidence still refers to every stored document.")
        return 0
    print(f"Deleted {_counted(count, 'document')} no evidence refers to any more ({size:,} bytes).")
    return 0
