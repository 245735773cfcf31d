#!/usr/bin/env bash
# cpack -G DEB, then dpkg-deb --info/--contents/-x and run the installed binaries.
set -u
BUILD="$1"
STUDIO_EXPECTED="${2:-0}"
FIRMWARE_EXPECTED="${3:-0}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
total=0
check() {
  local name="$1"; shift
  total=$((total + 1))
  if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
(cd "$BUILD" && cpack -G DEB -B "$WORK/out" > "$WORK/cpack.log" 2>&1)
check "cpack succeeds" test $? -eq 0 || cat "$WORK/cpack.log"
deb=$(ls "$WORK"/out/*.deb 2>/dev/null | head -1)
check "a .deb was produced" test -n "$deb"
[ -n "$deb" ] || { echo "$((total - failures)) passed, $failures failed"; exit 1; }
info=$(dpkg-deb --info "$deb")
check "package name" grep -q "Package: deeplomath-studio" <<<"$info"
check "has dependencies" grep -q "Depends: .*libc6" <<<"$info"
contents=$(dpkg-deb --contents "$deb")
for f in usr/bin/dlm usr/share/man/man1/dlm.1.gz usr/share/man/man1/dlm-board.1.gz \
         usr/share/applications/io.deeplomath.Studio.desktop \
         usr/share/metainfo/io.deeplomath.Studio.metainfo.xml; do
  check "contains $f" grep -q "\./$f\$" <<<"$contents"
done
if grep -q "usr/bin/dlm-gateway" <<<"$contents"; then
  for f in usr/share/man/man1/dlm-gateway.1.gz usr/lib/systemd/system/dlm-gateway.service \
           etc/dlm-gateway.conf usr/share/doc/deeplomath-studio/fleet.md; do
    check "contains $f" grep -q "\./$f\$" <<<"$contents"
  done
  check "the gateway's configuration is a conffile" bash -c \
    "dpkg-deb --ctrl-tarfile '$deb' | tar -xO ./conffiles | grep -qx /etc/dlm-gateway.conf"
  check "the gateway's unit starts it with its configuration" bash -c \
    "dpkg-deb --fsys-tarfile '$deb' | tar -xO ./usr/lib/systemd/system/dlm-gateway.service | \
     grep -qx 'ExecStart=/usr/bin/dlm-gateway --config /etc/dlm-gateway.conf'"
fi
if [ "$FIRMWARE_EXPECTED" = "1" ]; then
  check "firmware image packaged" grep -q "usr/share/deeplomath/firmware/dlm-firmware-mps2-an386.elf" <<<"$contents"
  for f in dlm-firmware-nucleo-f446re.elf dlm-firmware-nucleo-f446re.bin; do
    check "Nucleo-F446RE image packaged ($f)" grep -q "usr/share/deeplomath/firmware/$f" <<<"$contents"
  done
fi
dpkg-deb -x "$deb" "$WORK/root"
check "installed dlm --version runs" bash -c "'$WORK/root/usr/bin/dlm' --version | grep -q '^dlm '"
if [ -x "$WORK/root/usr/bin/dlm-gateway" ]; then
  check "installed dlm-gateway --version runs" bash -c \
    "'$WORK/root/usr/bin/dlm-gateway' --version | grep -q '^dlm-gateway '"
  check "the installed configuration parses" bash -c \
    "'$WORK/root/usr/bin/dlm-gateway' --check --config '$WORK/root/etc/dlm-gateway.conf' | grep -q 'site plant'"
fi
if [ "$STUDIO_EXPECTED" = "1" ]; then
  check "studio is packaged" test -x "$WORK/root/usr/bin/deeplomath-studio"
  check "installed studio --version runs" bash -c \
    "QT_QPA_PLATFORM=offscreen '$WORK/root/usr/bin/deeplomath-studio' --version | grep -qi 'deeplomath'"
fi
if command -v desktop-file-validate > /dev/null; then
  check "desktop entry valid" desktop-file-validate "$WORK/root/usr/share/applications/io.deeplomath.Studio.desktop"
fi
echo "$((total - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
