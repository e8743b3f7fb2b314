#!/usr/bin/env bash
# The extension built here, tested against another LibreOffice: a Debian bookworm chroot with
# LibreOffice from `suite` (default bookworm-backports: LibreOffice 25.2), every Calc suite of
# tests/integration run inside it against build/customermetrics.oxt (the 7.4-built binary, as a
# user would install it). The chroot is kept in build/chroot-<suite> for the next run.
#
#   scripts/test-libreoffice.sh [suite] [test_x ...]     (root, or through sudo; needs network
#                                                         to deb.debian.org for the first run)
set -euo pipefail
cd "$(dirname "$0")/.."
suite=${1:-bookworm-backports}
shift || true
root=$PWD
chroot_dir=${CM_CHROOT:-$root/build/chroot-$suite}
mirror=${CM_MIRROR:-http://deb.debian.org/debian}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

[ -f build/customermetrics.oxt ] || scripts/setup.sh
command -v debootstrap >/dev/null || { $sudo apt-get update -qq; $sudo apt-get install -y -qq debootstrap; }

if [ ! -x "$chroot_dir/usr/bin/soffice" ]; then
  echo "== debootstrap bookworm into $chroot_dir"
  $sudo debootstrap --variant=minbase bookworm "$chroot_dir" "$mirror" >/dev/null
  echo "deb $mirror $suite main" | $sudo tee "$chroot_dir/etc/apt/sources.list.d/$suite.list" >/dev/null
  $sudo chroot "$chroot_dir" apt-get update -qq
  echo "== LibreOffice from $suite"
  # The office and its Python bridge from the suite; the rest as scripts/setup.sh installs it.
  $sudo chroot "$chroot_dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -t "$suite" \
    libreoffice-calc libreoffice-core python3-uno libreoffice-l10n-ru >/dev/null
  $sudo chroot "$chroot_dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    python3-numpy python3-scipy poppler-utils xvfb imagemagick fonts-dejavu-core >/dev/null
fi
version=$($sudo chroot "$chroot_dir" dpkg-query -W -f='${Version}' libreoffice-calc)
echo "== LibreOffice $version in $chroot_dir"

# The repository at the same path inside, so that every absolute path of the tests holds.
$sudo mkdir -p "$chroot_dir$root" "$chroot_dir/proc" "$chroot_dir/dev"
cleanup() {
  $sudo umount -l "$chroot_dir$root" 2>/dev/null || true
  $sudo umount -l "$chroot_dir/proc" 2>/dev/null || true
  $sudo umount -l "$chroot_dir/dev" 2>/dev/null || true
}
trap cleanup EXIT
$sudo mount --bind "$root" "$chroot_dir$root"
$sudo mount -t proc proc "$chroot_dir/proc"
$sudo mount --bind /dev "$chroot_dir/dev"

# The suites: the arguments, or the one list of tests/integration/CMakeLists.txt.
suites=("$@")
if ((${#suites[@]} == 0)); then
  mapfile -t suites < <(sed -n '/^foreach(suite/,/^  )/p' tests/integration/CMakeLists.txt | grep -o 'test_[a-z_0-9]*')
fi
failed=()
for s in "${suites[@]}"; do
  echo "== $s (LibreOffice $version)"
  if ! $sudo chroot "$chroot_dir" env HOME=/tmp CM_OXT="$root/build/customermetrics.oxt" PYTHONDONTWRITEBYTECODE=1 \
      PYTHONPATH="$root/python:$root/templates:$root/tests/reference" sh -c "cd '$root/tests/integration' && /usr/bin/python3 -m unittest $s"; then
    failed+=("$s")
  fi
done
if ((${#failed[@]})); then
  echo "== FAILED on LibreOffice $version: ${failed[*]}"
  exit 1
fi
echo "== every suite passed on LibreOffice $version (${#suites[@]} suites)"
