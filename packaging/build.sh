#!/usr/bin/env bash
# Build the one-folder bundle dist/claimdesk/ with the venv's PyInstaller; print the time and size.
# Usage: packaging/build.sh   (then packaging/smoke_test.sh). Needs, in this order:
#   .venv/bin/python -m pip install --upgrade pip && .venv/bin/pip install -e '.[packaging]'
set -euo pipefail
cd "$(dirname "$0")/.."
pyinstaller=.venv/bin/pyinstaller
setup="run .venv/bin/python -m pip install --upgrade pip && .venv/bin/pip install -e '.[packaging]'"
[ -x "$pyinstaller" ] || { echo "No $pyinstaller: $setup" >&2; exit 1; }
# Every runtime dependency must be installed, or the bundle builds and then fails on first use (an old
# pip once left lxml_html_clean out, and HTML import broke): pip check, then the importers' libraries.
.venv/bin/python -m pip check >&2 || { echo "Broken dependencies in .venv: $setup" >&2; exit 1; }
.venv/bin/python -c "import lxml_html_clean, trafilatura, justext, pypdf, markdown_it, charset_normalizer" \
  || { echo "The importers' libraries are not all installed: $setup" >&2; exit 1; }

start=$(date +%s)
"$pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/claimdesk.spec
seconds=$(( $(date +%s) - start ))

bundle=dist/claimdesk
[ "$(uname)" = Darwin ] && bundle=dist/Claimdesk.app
# The Ukrainian window needs ours (built by the spec from resources/translations) and Qt's own.
for qm in claimdesk_uk.qm qtbase_uk.qm; do
  [ -n "$(find "$bundle" -name "$qm" -print -quit)" ] || { echo "The bundle lacks $qm" >&2; exit 1; }
done
echo "Built $bundle in ${seconds} s"
echo "Bundle size: $(du -sh "$bundle" | cut -f1) ($(find "$bundle" -type f | wc -l) files)"
echo "Qt libraries: $(find "$bundle" \( -name 'libQt6*.so*' -o -name 'Qt6*.dll' -o -name 'Qt*.framework' \) \
  | sed -E 's#.*/(lib)?(Qt6?[A-Za-z]+).*#\2#' | sort -u | tr '\n' ' ')"
echo "Qt bindings: $(find "$bundle" -path '*PySide6/Qt*' \( -name 'Qt*.abi3.so' -o -name 'Qt*.pyd' \) \
  | sed -E 's#.*/(Qt[A-Za-z]+)\..*#\1#' | sort -u | tr '\n' ' ')"
