#!/usr/bin/env bash
# CI: the .deb a journalist would install. Builds the bundle and the package, installs it with apt in an
# empty folder, starts the installed app off screen, imports and analyses a file through the installed
# `claimdesk`, removes the package and checks nothing is left. Prints the time of each step.
# Runs as root (or with sudo) on a Debian-like machine; about 2 minutes, most of it PyInstaller.
# Usage: packaging/linux/ci_deb_check.sh   (from .ci/run, before the tests)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
id=io.github.claimdesk.Claimdesk
began=$(date +%s)
last=$began
step() { echo "== $*"; }
took() { local now; now=$(date +%s); echo "   ($(( now - last )) s; $(( now - began )) s in all)"; last=$now; }
fail() { echo "FAIL (deb check): $*" >&2; exit 1; }

step "set up: system packages, .venv with PyInstaller, appstream-util"
bash scripts/setup >/dev/null
if ! command -v appstream-util >/dev/null 2>&1; then  # the strict AppStream validator (tests/packaging)
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends appstream-util >/dev/null
fi
[ -x .venv/bin/pyinstaller ] || .venv/bin/python -m pip install --quiet -e '.[packaging]'
took

step "build the bundle (packaging/build.sh)"
packaging/build.sh | sed 's/^/   /'
took

work=$(mktemp -d)
cleanup() {
  if dpkg-query -W -f='${Status}' claimdesk 2>/dev/null | grep -q "install ok installed"; then
    $sudo apt-get remove -y -qq claimdesk >/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
step "build the .deb (packaging/linux/build_deb.sh)"
packaging/linux/build_deb.sh "$work/out" | sed 's/^/   /'
took

step "install it with apt, from an empty folder"
if dpkg-query -W -f='${Status}' claimdesk 2>/dev/null | grep -q "install ok installed"; then
  fail "claimdesk is already installed on this machine: the check needs it absent"
fi
mkdir "$work/clean" && cp "$work"/out/claimdesk_*.deb "$work/clean/"
(cd "$work/clean" && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq ./claimdesk_*.deb >/dev/null)
[ "$(readlink -f /usr/bin/claimdesk)" = /opt/claimdesk/claimdesk ] || fail "/usr/bin/claimdesk does not lead to /opt/claimdesk"
for file in "/usr/share/applications/$id.desktop" "/usr/share/metainfo/$id.metainfo.xml" \
  "/usr/share/icons/hicolor/48x48/apps/$id.png" "/usr/share/icons/hicolor/scalable/apps/$id.svg" \
  "/usr/share/mime/packages/$id.xml" /usr/share/doc/claimdesk/copyright; do
  [ -f "$file" ] || fail "not installed: $file"
done
grep -q "Licence: MPL-2.0" /usr/share/doc/claimdesk/THIRD_PARTY_NOTICES || fail "the notices are not reachable from /usr/share/doc"
desktop-file-validate "/usr/share/applications/$id.desktop"
appstream-util validate --nonet "/usr/share/metainfo/$id.metainfo.xml" | sed 's/^/   /'
# Every library a program or plugin of the bundle needs is carried, or came with the package's Depends
# (the GTK theme plugin's GTK is only recommended: Qt then uses its own style).
unresolved=$(find /opt/claimdesk -type f -name '*.so*' -print0 \
  | LD_LIBRARY_PATH=/opt/claimdesk/_internal xargs -0 ldd 2>/dev/null | awk '/not found/ {print $1}' \
  | grep -v '^lib\(gtk\|gdk\)-3\.so' | sort -u || true)
[ -z "$unresolved" ] || fail "libraries the installed bundle cannot find: $unresolved"
echo "   installed $(dpkg-query -W -f='${Version}, ${Installed-Size} kB' claimdesk); claimdesk --version: $(claimdesk --version)"
took

step "start the installed app off screen (window painted, then quit)"
export CLAIMDESK_HOME=$work/home XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen
(cd "$work" && CLAIMDESK_QUIT_AFTER_FIRST_PAINT=1 timeout 60 claimdesk 2>"$work/gui.err") \
  || fail "the installed app exited with $?: $(cat "$work/gui.err")"
if grep -q Traceback "$work/gui.err"; then fail "the installed app printed a traceback: $(cat "$work/gui.err")"; fi
claimdesk list | grep -q "Flood barrier" || fail "the first start did not put the sample article in the library"
took

step "import and analyse a file with the installed claimdesk"
cat >"$work/story.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bus fares to rise in April</title></head>
<body><article><h1>Bus fares to rise in April</h1>
<p>Single bus fares will rise from 2.10 to 2.40 euros in April, the transport authority said on Monday.</p>
<p>The authority blamed a 14 percent increase in diesel prices over the past year.</p>
<p>Passenger numbers fell by 6 percent in 2025, according to the city's annual report.</p>
<p>A spokesperson said the council had rejected a proposal to freeze fares until 2027.</p>
</article></body></html>
HTML
article=$(claimdesk import "$work/story.html")
claimdesk list | grep -q "Bus fares to rise" || fail "the imported article is not listed (id '$article')"
claimdesk analyze --json "$work/story.html" >"$work/analysis.json"
claims=$(.venv/bin/python -c "import json, sys; print(len(json.load(open(sys.argv[1]))['claims']))" "$work/analysis.json")
[ "$claims" -ge 2 ] || fail "the installed claimdesk found $claims claims in the story"
echo "   imported article $article; analyze found $claims claims"
took

step "remove it: nothing left in /opt/claimdesk or /usr/bin"
(cd "$work/clean" && $sudo apt-get remove -y -qq claimdesk >/dev/null)
[ ! -e /opt/claimdesk ] || fail "left behind: $(find /opt/claimdesk | head -5)"
[ ! -e /usr/bin/claimdesk ] && [ ! -L /usr/bin/claimdesk ] || fail "/usr/bin/claimdesk is left behind"
leftovers=$(find /usr/share -name "$id*" 2>/dev/null; find /usr/share/doc/claimdesk 2>/dev/null || true)
[ -z "$leftovers" ] || fail "left behind: $leftovers"
took
cd "$repo"
echo "DEB CHECK PASSED in $(( $(date +%s) - began )) s"
