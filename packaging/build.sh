#!/usr/bin/env bash
# Build the one-folder bundle dist/claimdesk/ with the venv's PyInstaller; print the time and size.
# Usage: packaging/build.sh   (then packaging/smoke_test.sh). Needs: .venv/bin/pip install -e '.[packaging]'
set -euo pipefail
cd "$(dirname "$0")/.."
pyinstaller=.venv/bin/pyinstaller
[ -x "$pyinstaller" ] || { echo "No $pyinstaller: run .venv/bin/pip install -e '.[packaging]'" >&2; exit 1; }

start=$(date +%s)
"$pyinstaller" --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/claimdesk.spec
seconds=$(( $(date +%s) - start ))

bundle=dist/claimdesk
[ "$(uname)" = Darwin ] && bundle=dist/Claimdesk.app
echo "Built $bundle in ${seconds} s"
echo "Bundle size: $(du -sh "$bundle" | cut -f1) ($(find "$bundle" -type f | wc -l) files)"
echo "Qt libraries: $(find "$bundle" \( -name 'libQt6*.so*' -o -name 'Qt6*.dll' -o -name 'Qt*.framework' \) \
  | sed -E 's#.*/(lib)?(Qt6?[A-Za-z]+).*#\2#' | sort -u | tr '\n' ' ')"
echo "Qt bindings: $(find "$bundle" -path '*PySide6/Qt*' \( -name 'Qt*.abi3.so' -o -name 'Qt*.pyd' \) \
  | sed -E 's#.*/(Qt[A-Za-z]+)\..*#\1#' | sort -u | tr '\n' ' ')"
