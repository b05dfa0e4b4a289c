#!/usr/bin/env bash
# Checks the packages CPack made in BUILD_DIR (default build/default): unpacks the .deb and the tarball,
# validates the desktop file, the AppStream metainfo and the udev rule, and starts the three programs
# from the unpacked tree (the window offscreen, until its first paint).
# With --install (root only): also installs the .deb with apt-get (which pulls its dependencies, as
# on a clean machine), starts the programs from PATH, and removes the package again.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/default}
install=false
[ "${2:-}" = "--install" ] && install=true
deb=$(ls "$build"/opencloner_*.deb | head -n1)
tgz=$(ls "$build"/opencloner-*-Linux.tar.gz | head -n1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check-packages: FAILED: $*" >&2; exit 1; }
ok() { echo "check-packages: ok: $*"; }

check_tree() { # <root> <prefix inside root> <what>
  local root=$1 prefix=$2 what=$3
  local app=org.opencloner.OpenCloner
  for f in bin/opencloner bin/opencloner-cli bin/opencloner-sim lib/udev/rules.d/70-opencloner.rules \
           share/applications/$app.desktop share/metainfo/$app.metainfo.xml \
           share/icons/hicolor/scalable/apps/$app.svg share/doc/opencloner/user-guide.md; do
    [ -e "$root$prefix/$f" ] || fail "$what lacks $prefix/$f"
  done
  desktop-file-validate "$root$prefix/share/applications/$app.desktop" || fail "$what: desktop file"
  appstreamcli validate --no-net "$root$prefix/share/metainfo/$app.metainfo.xml" >/dev/null ||
    fail "$what: metainfo ($(appstreamcli validate --no-net "$root$prefix/share/metainfo/$app.metainfo.xml"))"
  local rule="$root$prefix/lib/udev/rules.d/70-opencloner.rules"
  grep -v '^#' "$rule" | grep -q 'MODE' && fail "$what: the udev rule sets a MODE"
  for pid in c309 eaef 1000 4775 4780 4785; do
    grep -q "ATTR{idVendor}==\"a108\", ATTR{idProduct}==\"$pid\", TAG+=\"uaccess\"" "$rule" ||
      fail "$what: the udev rule misses a108:$pid"
  done
  file "$root$prefix/share/icons/hicolor/scalable/apps/$app.svg" | grep -q SVG || fail "$what: icon is not SVG"
  "$root$prefix/bin/opencloner-cli" --version | grep -q "opencloner-cli" || fail "$what: opencloner-cli --version"
  "$root$prefix/bin/opencloner-cli" info >/dev/null || fail "$what: opencloner-cli info"
  "$root$prefix/bin/opencloner-sim" --help >/dev/null || fail "$what: opencloner-sim --help"
  QT_QPA_PLATFORM=offscreen "$root$prefix/bin/opencloner" --version | grep -q "OpenCloner" || fail "$what: opencloner --version"
  QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    timeout 60 "$root$prefix/bin/opencloner" --no-usb --report-shown | grep -q "window shown" ||
    fail "$what: the window did not show"
  ok "$what: files, desktop file, metainfo, udev rule, and the three programs start"
}

mkdir -p "$work/deb" "$work/tgz"
dpkg-deb -x "$deb" "$work/deb"
dpkg-deb -f "$deb" Depends | grep -q libqt6widgets6 || fail "the .deb does not depend on Qt Widgets"
check_tree "$work/deb" /usr ".deb"
tar -xzf "$tgz" -C "$work/tgz"
check_tree "$work/tgz/$(basename "$tgz" .tar.gz)" "" "tarball"

if $install; then
  [ "$(id -u)" -eq 0 ] || fail "--install needs root"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null || fail "apt-get install"
  opencloner-cli --version >/dev/null && opencloner-sim --help >/dev/null || fail "installed CLI / sim"
  QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    timeout 60 opencloner --no-usb --report-shown | grep -q "window shown" || fail "installed window"
  [ -e /usr/lib/udev/rules.d/70-opencloner.rules ] || fail "installed udev rule"
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq opencloner >/dev/null || fail "apt-get purge"
  ok "installed with apt-get, started from PATH, removed"
fi
