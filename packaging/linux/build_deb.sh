#!/usr/bin/env bash
# Make dist/claimdesk_VERSION_ARCH.deb from the PyInstaller bundle (dist/claimdesk, packaging/build.sh):
# the bundle under /opt/claimdesk, /usr/bin/claimdesk pointing at it, the menu entry, the icons, a MIME
# type for Safari web archives (shared-mime-info does not know it), the AppStream metainfo and a
# machine-readable copyright file. Debian's triggers (desktop-file-utils, hicolor-icon-theme,
# shared-mime-info) refresh their caches, so the package has no maintainer scripts.
# Usage: packaging/linux/build_deb.sh [OUTPUT_DIR]   (default dist/). DEB_COMPRESSION=zstd|xz|gzip (zstd:
# 88 MB in 1 s here; xz makes 67 MB in 4 to 5 minutes on 2 cores; dpkg reads zstd since Debian 12).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-dist}
id=io.github.claimdesk.Claimdesk
bundle=dist/claimdesk
[ -x "$bundle/claimdesk" ] || { echo "No bundle in $bundle: run packaging/build.sh first" >&2; exit 1; }
version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' app/__init__.py)
arch=$(dpkg --print-architecture)

# Depends: what the bundle's programs and libraries link against and do not carry themselves. Every
# such library must be named here, so a Qt upgrade that brings a new one stops the build instead of
# making a package that fails on someone's desktop. The GTK libraries serve Qt's GTK theme plugin
# only (Qt falls back to its own style without them): a recommendation.
declare -A package_of=(
  [libc.so.6]=libc6 [libm.so.6]=libc6 [libdl.so.2]=libc6 [libpthread.so.0]=libc6 [librt.so.1]=libc6
  [libresolv.so.2]=libc6 [ld-linux-x86-64.so.2]=libc6 [ld-linux-aarch64.so.1]=libc6
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libxcb.so.1]=libxcb1
  [libwayland-client.so.0]=libwayland-client0 [libwayland-cursor.so.0]=libwayland-cursor0
  [libwayland-egl.so.1]=libwayland-egl1
  [libgtk-3.so.0]=recommended [libgdk-3.so.0]=recommended
)
carried=$(find "$bundle" -name '*.so*' -printf '%f\n' | sort -u)
needed=$(find "$bundle" -type f \( -name '*.so*' -o -name claimdesk \) -exec objdump -p {} + 2>/dev/null \
  | awk '/^ *NEEDED/ {print $2}' | sort -u)
missing=()
depends=()
for soname in $(comm -23 <(echo "$needed") <(echo "$carried")); do
  package=${package_of[$soname]:-}
  if [ -z "$package" ]; then missing+=("$soname"); continue; fi
  [ "$package" = recommended ] || depends+=("$package")
done
if ((${#missing[@]})); then
  echo "The bundle needs system libraries this script does not map to a package: ${missing[*]}" >&2
  echo "Add them to package_of in $0 (dpkg -S LIBRARY names the package)." >&2
  exit 1
fi
# glibc: the build machine's version is the floor (the bundle links against it; packaging/README.md)
glibc=$(ldd --version | sed -n '1s/.* \([0-9]\+\.[0-9]\+\)$/\1/p')  # sed reads it all: no SIGPIPE
# Fonts: the bundled fontconfig reads the system's /etc/fonts, which fontconfig-config brings with a font.
depends_line=$(printf '%s\n' "${depends[@]}" fontconfig-config | sort -u | grep -v '^libc6$' \
  | sed '1i libc6 (>= '"$glibc"')' | paste -sd, | sed 's/,/, /g')

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
chmod 755 "$root"  # mktemp's 700 would become the package's "./"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/doc/claimdesk"
cp -a "$bundle" "$root/opt/claimdesk"
ln -s /opt/claimdesk/claimdesk "$root/usr/bin/claimdesk"  # the bootloader finds its folder through /proc
install -Dm644 "packaging/linux/$id.desktop" "$root/usr/share/applications/$id.desktop"
install -Dm644 "packaging/linux/$id.metainfo.xml" "$root/usr/share/metainfo/$id.metainfo.xml"
install -Dm644 "packaging/linux/$id.mime.xml" "$root/usr/share/mime/packages/$id.xml"
install -Dm644 resources/icons/claimdesk.svg "$root/usr/share/icons/hicolor/scalable/apps/$id.svg"
for png in packaging/linux/icons/hicolor/*/apps/"$id".png; do
  install -Dm644 "$png" "$root/usr/share/icons/${png#packaging/linux/icons/}"
done
notices=$(find "$root/opt/claimdesk" -name THIRD_PARTY_NOTICES -print -quit)
[ -n "$notices" ] || { echo "THIRD_PARTY_NOTICES is not in the bundle" >&2; exit 1; }
ln -s "${notices#"$root"}" "$root/usr/share/doc/claimdesk/THIRD_PARTY_NOTICES"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: Claimdesk"
  echo "Upstream-Contact: The Claimdesk developers"
  echo "Comment: /opt/claimdesk is a PyInstaller bundle. Besides Claimdesk it carries Python, Qt for Python,"
  echo " Qt and the Python libraries Claimdesk uses, each under its own licence: their names, versions and"
  echo " full licence texts are in /usr/share/doc/claimdesk/THIRD_PARTY_NOTICES. Qt and Qt for Python are"
  echo " used under the LGPL v3 (/usr/share/common-licenses/LGPL-3); their libraries are the files"
  echo " /opt/claimdesk/_internal/libQt6*.so* and PySide6/, and may be replaced."
  echo
  echo "Files: *"
  sed -n 's/^Copyright /Copyright: /p' LICENSE
  echo "License: MIT"
  echo
  echo "Files: opt/claimdesk/_internal/*"
  echo "Copyright: their authors, as listed in /usr/share/doc/claimdesk/THIRD_PARTY_NOTICES"
  echo "License: various"
  echo " Each component's licence (PSF, LGPL-3, MPL-2.0, Apache-2.0, BSD, MIT and others) is given in full"
  echo " in /usr/share/doc/claimdesk/THIRD_PARTY_NOTICES."
  echo
  echo "License: MIT"
  sed -n '3,$p' LICENSE | sed -e '/^Copyright/d' | sed -e 's/^$/./' -e 's/^/ /' | sed '1{/^ \.$/d}'
} >"$root/usr/share/doc/claimdesk/copyright"

installed_kb=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat >"$root/DEBIAN/control" <<EOF
Package: claimdesk
Version: $version
Architecture: $arch
Maintainer: The Claimdesk developers <claimdesk@users.noreply.github.com>
Installed-Size: $installed_kb
Depends: $depends_line
Recommends: libgtk-3-0 | libgtk-3-0t64
Section: editors
Priority: optional
Homepage: https://github.com/claimdesk/claimdesk
Description: check what news articles claim
 Claimdesk is a reader for journalists who fact-check articles. It shows an
 article beside a panel of the claims it makes: who asserts each one, the
 hedges around it and the figures to look up. Each claim gets a verification
 status, notes and evidence; the work goes out as a PDF memo or as Markdown,
 CSV, W3C annotations, ClaimReview, RIS and CSL-JSON. Everything stays in a
 local database, and nothing goes online unless asked.
EOF

mkdir -p "$out"
deb=$out/claimdesk_${version}_${arch}.deb
start=$(date +%s)
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-zstd}" --build "$root" "$deb" >/dev/null
echo "Built $deb in $(( $(date +%s) - start )) s: $(du -h "$deb" | cut -f1), installs $((installed_kb / 1024)) MB"
echo "Depends: $depends_line"
