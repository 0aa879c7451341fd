#!/usr/bin/env bash
# Install the built bundle (dist/claimdesk) with its desktop integration: the .desktop file (so file
# managers offer "Open with Claimdesk"), the AppStream metainfo (software centres) and the icons.
# Usage: packaging/linux/install.sh [PREFIX]   default ~/.local (this user); sudo ... /usr/local for all
set -euo pipefail
cd "$(dirname "$0")/../.."
prefix=${1:-$HOME/.local}
id=io.github.claimdesk.Claimdesk
[ -x dist/claimdesk/claimdesk ] || { echo "No bundle in dist/claimdesk: run packaging/build.sh first" >&2; exit 1; }

rm -rf "$prefix/lib/claimdesk"
mkdir -p "$prefix/lib" "$prefix/bin"
cp -a dist/claimdesk "$prefix/lib/claimdesk"
ln -sfn "$prefix/lib/claimdesk/claimdesk" "$prefix/bin/claimdesk"  # the .desktop file runs `claimdesk`
install -Dm644 "packaging/linux/$id.desktop" "$prefix/share/applications/$id.desktop"
install -Dm644 "packaging/linux/$id.metainfo.xml" "$prefix/share/metainfo/$id.metainfo.xml"
install -Dm644 resources/icons/claimdesk.svg "$prefix/share/icons/hicolor/scalable/apps/$id.svg"
for png in packaging/linux/icons/hicolor/*/apps/"$id".png; do
  install -Dm644 "$png" "$prefix/share/icons/${png#packaging/linux/icons/}"
done
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database -q "$prefix/share/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
fi
echo "Installed Claimdesk $("$prefix/bin/claimdesk" --version | cut -d' ' -f2) in $prefix"
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Add $prefix/bin to PATH for the menu entry to find claimdesk." ;; esac
