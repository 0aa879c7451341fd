#!/usr/bin/env bash
# Run the built bundle off screen, in a throw-away data folder, through both of its faces:
# the GUI starts, paints its window with the sample article and quits; the CLI imports the sample
# article and one file of each format, analyses the sample and writes a PDF memo, whose text is
# then checked. Exit 0 = all good; packaging/README.md lists the steps.
# Usage: packaging/smoke_test.sh [path/to/claimdesk]   (default: dist/claimdesk/claimdesk)
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-dist/claimdesk/claimdesk}
[ -x "$exe" ] || { echo "No bundle at $exe: run packaging/build.sh first" >&2; exit 1; }
python=.venv/bin/python  # only to write test files and read the JSON and the PDF; the bundle needs no Python
[ -x "$python" ] || python=.venv/Scripts/python  # Windows (Git Bash)
bundle_dir=$(dirname "$exe")
case "$exe" in *.app/Contents/MacOS/*) bundle_dir=$(dirname "$bundle_dir") ;; esac  # data is in Contents/Resources
sample=$(find "$bundle_dir" -path '*app/resources/sample_article.txt' | head -1)
[ -n "$sample" ] || { echo "FAIL: the sample article is not in the bundle" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CLAIMDESK_HOME=$work/home XDG_CONFIG_HOME=$work/config CLAIMDESK_REVIEWER="Smoke Test"
export QT_QPA_PLATFORM=offscreen
step() { echo "== $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
no_traceback() { if grep -q "Traceback" "$1"; then cat "$1" >&2; fail "$2 printed a traceback"; fi; }

step "claimdesk --version"
"$exe" --version

step "GUI: first start, window painted, quit"
start=$("$python" -c "import time; print(time.time())")
CLAIMDESK_QUIT_AFTER_FIRST_PAINT=1 timeout 120 "$exe" 2>"$work/gui.err" || fail "the GUI exited with $? $(cat "$work/gui.err")"
"$python" -c "import sys, time; print(f'first paint and quit after {time.time() - float(sys.argv[1]):.2f} s (cold, new library)')" "$start"
no_traceback "$work/gui.err" "the GUI"
if [ -s "$work/gui.err" ]; then sed 's/^/  (stderr) /' "$work/gui.err"; fi
"$exe" list | tee "$work/list.txt"
grep -q "Flood barrier" "$work/list.txt" || fail "the first start did not put the sample article in the library"

step "GUI: opening a file given on the command line (as the desktop file does)"
printf '%s\n\n%s\n' "Library hours extended for exam season" \
  "The city library will stay open until midnight in June, a council spokesperson said on Friday." \
  >"$work/from-file-manager.txt"
CLAIMDESK_QUIT_AFTER_FIRST_PAINT=1 timeout 120 "$exe" "$work/from-file-manager.txt" 2>"$work/gui2.err" \
  || fail "the GUI exited with $? $(cat "$work/gui2.err")"
no_traceback "$work/gui2.err" "the GUI"
"$exe" list | grep "Library hours" || fail "the file given to the GUI was not imported"

if command -v xvfb-run >/dev/null 2>&1; then
  step "GUI: on a real X server (Xvfb, Qt's xcb platform), and Qt loads the icon's SVG engine"
  runner=(xvfb-run -a env QT_QPA_PLATFORM=xcb)
else
  step "GUI: Qt loads the icon's SVG engine (no xvfb-run here: the X11 check is skipped)"
  runner=(env)
fi
CLAIMDESK_QUIT_AFTER_FIRST_PAINT=1 QT_DEBUG_PLUGINS=1 timeout 120 "${runner[@]}" "$exe" >"$work/gui3.err" 2>&1 \
  || fail "the GUI exited with $? $(grep -v '^qt\.\|^ ' "$work/gui3.err")"
no_traceback "$work/gui3.err" "the GUI"
grep -q 'qsvgicon[^"]*" loaded library' "$work/gui3.err" || fail "Qt did not load its SVG icon engine"
echo "window painted; SVG icon engine loaded"

step "CLI: import the sample article into a new database"
db=$work/cli.sqlite3
id=$("$exe" import --db "$db" "$sample")
echo "article id: $id"
[ "$id" = 1 ] || fail "expected article 1, got '$id'"

step "CLI: one file of every format Claimdesk reads (each must import)"
"$python" - "$work" <<'PY'
"""Small articles of our own in every format, written with the standard library alone."""
import plistlib, sys, zipfile
from email.message import EmailMessage
from pathlib import Path
from xml.sax.saxutils import escape

work = Path(sys.argv[1])
title = "Ferry timetable cut after fuel costs rise"
paras = [
    "The island ferry will sail four times a day instead of six from March, the operator said on Tuesday.",
    "Fuel costs rose by 38 percent last year, according to the company's annual report.",
    "Residents reportedly collected 2,400 signatures against the cut within a week.",
]
html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>" + "".join(f"<p>{escape(p)}</p>" for p in paras) + "</article></body></html>")
(work / "ferry.html").write_text(html, encoding="utf-8")
(work / "ferry.xhtml").write_text(html.replace("<!DOCTYPE html><html>", '<html xmlns="http://www.w3.org/1999/xhtml">'),
                                  encoding="utf-8")
(work / "ferry.txt").write_text(f"{title}\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
(work / "ferry.webarchive").write_bytes(plistlib.dumps({"WebMainResource": {
    "WebResourceData": html.encode("utf-8"), "WebResourceMIMEType": "text/html",
    "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": "https://example.org/ferry-in-safari"}}, fmt=plistlib.FMT_BINARY))
mail = EmailMessage()
mail["Subject"] = f"Fwd: {title}"
mail.set_content("\n\n".join(paras) + "\n")
mail.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="ignored.pdf")
(work / "ferry.eml").write_bytes(bytes(mail))
office, text = "urn:oasis:names:tc:opendocument:xmlns:office:1.0", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
with zipfile.ZipFile(work / "ferry.odt", "w") as odt:
    odt.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    odt.writestr("content.xml", f'<?xml version="1.0"?><office:document-content xmlns:office="{office}" '
                 f'xmlns:text="{text}"><office:body><office:text><text:h text:outline-level="1">{title}</text:h>'
                 + "".join(f"<text:p>{escape(p)}</text:p>" for p in paras) + "</office:text></office:body></office:document-content>")
(work / "ferry.md").write_text(f"# {title}\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
archive = EmailMessage()
archive["Subject"] = title
archive["Snapshot-Content-Location"] = "https://example.org/ferry"
archive.set_content(html, subtype="html")
archive.replace_header("Content-Type", "text/html; charset=utf-8")
archive.make_mixed()
archive.replace_header("Content-Type", archive["Content-Type"].replace("multipart/mixed", "multipart/related"))
(work / "ferry.mhtml").write_bytes(archive.as_bytes())
body = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in [title, *paras])
w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
with zipfile.ZipFile(work / "ferry.docx", "w") as docx:
    docx.writestr("[Content_Types].xml",
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>')
    docx.writestr("_rels/.rels",
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
    docx.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')
PY
# PDF: the memo the bundle writes below is imported back after the export.
formats_db=$work/formats.sqlite3
import_one() {  # FILE: import it, or fail (a library missing from the bundle shows up here)
  local out code
  set +e
  out=$("$exe" import --db "$formats_db" "$1" 2>&1); code=$?
  set -e
  [ "$code" = 0 ] || fail "importing $(basename "$1") gave exit $code: $out"
  echo "imported $(basename "$1") as article $out"
}
for format in txt html xhtml mhtml md docx odt webarchive eml; do import_one "$work/ferry.$format"; done

step "CLI: analyze --json"
"$exe" analyze "$sample" --json >"$work/analysis.json"
"$python" - "$work/analysis.json" <<'PY'
import json, sys
analysis = json.load(open(sys.argv[1], encoding="utf-8"))
claims = analysis["claims"]
assert analysis["title"].startswith("Flood barrier"), analysis["title"]
assert len(claims) >= 5, f"only {len(claims)} claims"
print(f"title: {analysis['title']!r}; {len(analysis['sentences'])} sentences, {len(claims)} claims")
PY

step "CLI: a Ukrainian article: its language, sources and their base forms"
printf 'Уряд планує нові виплати\n\nЗа словами Зеленського, понад 50 тисяч людей отримають допомогу.\n' >"$work/uk.txt"
"$exe" analyze "$work/uk.txt" --json >"$work/uk.json"
"$python" - "$work/uk.json" <<'PY'
import json, sys
analysis = json.load(open(sys.argv[1], encoding="utf-8"))
assert analysis["language"] == "uk", analysis["language"]
sources = [c["source_resolved"] for c in analysis["claims"] if c["source"]]
assert "Зеленський" in sources, f"no base form from the bundled dictionary: {sources}"
print(f"language uk; sources {sources}")
PY

step "CLI: export the PDF memo"
"$exe" export --db "$db" "$id" --pdf "$work/memo.pdf" --appendix
if command -v pdftotext >/dev/null 2>&1; then
  pdftotext -layout "$work/memo.pdf" "$work/memo.txt"
  reader=pdftotext
else
  "$python" -c "import pypdf, sys; print('\n'.join(p.extract_text() for p in pypdf.PdfReader(sys.argv[1]).pages))" \
    "$work/memo.pdf" >"$work/memo.txt"
  reader=pypdf
fi
pages=$("$python" -c "import pypdf, sys; print(len(pypdf.PdfReader(sys.argv[1]).pages))" "$work/memo.pdf")
tr -s ' \t\n' ' ' <"$work/memo.txt" >"$work/memo.flat"
grep -q "Flood barrier on the Varn River" "$work/memo.flat" || fail "the memo lacks the article's title ($reader)"
grep -qi "regional water authority" "$work/memo.flat" || fail "the memo lacks a claim's text ($reader)"
echo "memo: $(wc -c <"$work/memo.pdf" | tr -d ' ') bytes, $pages pages, title and claims found by $reader"

step "CLI: every data export, to standard output (-), and read back"
for flag in markdown csv w3c claimreview ris csl-json hypothesis; do
  "$exe" export --db "$db" "$id" "--$flag" - >"$work/export.$flag" 2>"$work/export.err" || fail "--$flag - failed: $(cat "$work/export.err")"
  [ -s "$work/export.$flag" ] || fail "--$flag - wrote nothing"
done
"$python" - "$work" <<'PY'
import json, sys
from pathlib import Path
work = Path(sys.argv[1])
for flag in ("w3c", "claimreview", "csl-json", "hypothesis"):
    json.loads((work / f"export.{flag}").read_text(encoding="utf-8"))
assert (work / "export.ris").read_bytes().startswith(b"TY  - ")
assert (work / "export.markdown").read_text(encoding="utf-8").startswith("---\n")
print("7 exports written to standard output; the JSON ones parse, RIS and Markdown start as they must")
PY

step "CLI: read a PDF article (the memo just written)"
import_one "$work/memo.pdf"
"$exe" list --db "$formats_db"

step "bundle: the window icon and what draws it"
find "$bundle_dir" -path '*app/resources/icons/claimdesk.svg' | grep -q . || fail "the icon is not in the bundle"
find "$bundle_dir" -path '*iconengines/*svg*' | grep -q . || fail "Qt's SVG icon engine is not in the bundle"
echo "icon and SVG icon engine present"

step "bundle: LICENSE and the third-party notices, Qt's LGPL among them"
notices=$(find "$bundle_dir" -name THIRD_PARTY_NOTICES | head -1)
[ -n "$notices" ] || fail "THIRD_PARTY_NOTICES is not in the bundle"
grep -rl --include=LICENSE "Claimdesk contributors" "$bundle_dir" | grep -q . || fail "our LICENSE is not in the bundle"
for text in "GNU LESSER GENERAL PUBLIC LICENSE" "Mozilla Public License Version 2.0" "Apache License" \
  "PYTHON SOFTWARE FOUNDATION LICENSE"; do
  grep -q "$text" "$notices" || fail "the notices lack: $text"
done
echo "LICENSE and $(basename "$notices") ($(wc -c <"$notices" | tr -d ' ') bytes) present"

if [ "$(uname)" = Linux ] && [ "$exe" = dist/claimdesk/claimdesk ]; then
  step "Linux: install into a temporary prefix and start through the menu entry's command"
  PATH=$work/prefix/bin:$PATH packaging/linux/install.sh "$work/prefix"
  installed=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$work/prefix/share/applications/io.github.claimdesk.Claimdesk.desktop")
  PATH=$work/prefix/bin:$PATH "$installed" --version
  [ -f "$work/prefix/share/icons/hicolor/48x48/apps/io.github.claimdesk.Claimdesk.png" ] || fail "icons not installed"
fi

step "CLI: a user error is one line and exit 2"
set +e
"$exe" import --db "$db" "$work/missing.txt" 2>"$work/err.txt"; code=$?
set -e
[ "$code" = 2 ] || fail "a missing file gave exit $code"
no_traceback "$work/err.txt" "a missing file"
cat "$work/err.txt"

step "CLI: a mistyped command, with no display at all, is exit 2 and a hint (never the window)"
set +e
env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY "$exe" lsit 2>"$work/err2.txt"; code=$?
set -e
[ "$code" = 2 ] || fail "a mistyped command gave exit $code"
grep -q "did you mean 'list'" "$work/err2.txt" || fail "no hint for a mistyped command: $(cat "$work/err2.txt")"
cat "$work/err2.txt"

echo "SMOKE TEST PASSED"
