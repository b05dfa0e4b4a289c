#!/usr/bin/env bash
# Installs every Debian 12 package OpenCloner needs to build, test and package.
# Idempotent and quick when everything is already present: apt-get only runs for missing packages.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config clang clang-format clang-tidy libclang-rt-14-dev
  # libraries
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libqt6svg6 qt6-qpa-plugins
  libusb-1.0-0-dev zlib1g-dev libarchive-dev
  # compressed images by hand (.xz, .zst) and the fuzz seeds (tests/fuzz/corpus/README.md)
  xz-utils zstd
  # tests: emulated USB bus, offscreen/Xvfb UI runs, packaging validators
  umockdev libumockdev-dev xvfb xauth appstream desktop-file-utils dpkg-dev file
  # a CJK font, so the Simplified Chinese window renders (screenshots, offscreen tests)
  fonts-wqy-microhei
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
