#!/usr/bin/env bash
# dlm flash against fake openocd and st-flash put first on the PATH (fake_tools/: they log
# their arguments and print what the real tools print): the commands issued, the probe picked
# when none is given, the image looked up, and the one-line actionable errors.
#   test_flash_cli.sh DLM FAKE_TOOLS_DIR
set -u
DLM="$1"
FAKES="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
total=0
check() { # check NAME CONDITION...
  local name="$1"; shift
  total=$((total + 1))
  if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

# Both tools "installed"; the images where $DLM_FIRMWARE_DIR says.
mkdir -p "$WORK/bin" "$WORK/fw"
cp "$FAKES/openocd" "$FAKES/st-flash" "$WORK/bin/"
printf '\177ELF' > "$WORK/fw/dlm-firmware-nucleo-f446re.elf"
printf 'binary' > "$WORK/fw/dlm-firmware-nucleo-f446re.bin"
export PATH="$WORK/bin:$PATH" DLM_FIRMWARE_DIR="$WORK/fw" FAKE_FLASH_LOG="$WORK/argv.log"

out=$("$DLM" flash --board nucleo-f446re 2>&1); rc=$?
check "auto flash exits 0 ($out)" test $rc -eq 0
check "auto picks openocd with the ELF" test "$(cat "$WORK/argv.log")" = \
  "openocd [-f] [board/st_nucleo_f4.cfg] [-c] [program $WORK/fw/dlm-firmware-nucleo-f446re.elf verify reset exit]"
check "progress is printed" grep -q '\[100%\] Done' <<<"$out"
check "outcome says verified" grep -q 'Flashed and verified' <<<"$out"

: > "$WORK/argv.log"
out=$("$DLM" flash --board nucleo-f446re --probe st-flash 2>&1); rc=$?
check "st-flash exits 0 ($out)" test $rc -eq 0
check "st-flash writes the .bin at 0x08000000" test "$(cat "$WORK/argv.log")" = \
  "st-flash [--reset] [write] [$WORK/fw/dlm-firmware-nucleo-f446re.bin] [0x08000000]"
check "st-flash page progress" grep -q 'Writing' <<<"$out"

: > "$WORK/argv.log"
printf 'other' > "$WORK/mine.bin"
"$DLM" flash --board nucleo-f446re --probe openocd --image "$WORK/mine.bin" > /dev/null 2>&1
check "--image .bin with openocd gives the flash address" test "$(cat "$WORK/argv.log")" = \
  "openocd [-f] [board/st_nucleo_f4.cfg] [-c] [program $WORK/mine.bin 0x08000000 verify reset exit]"

# Only st-flash installed: auto picks it. The PATH holds the fake and what it runs, not the
# machine's folders (where a real openocd may be).
mkdir -p "$WORK/only-st"
cp "$FAKES/st-flash" "$WORK/only-st/"
for tool in sh cat sleep; do ln -s "$(command -v "$tool")" "$WORK/only-st/$tool"; done
: > "$WORK/argv.log"
PATH="$WORK/only-st" "$DLM" flash --board nucleo-f446re > /dev/null 2>&1
check "auto falls back to st-flash" grep -q '^st-flash \[--reset\]' "$WORK/argv.log"

# No probe connected: the tool's own failure, read into one actionable line.
err=$(FAKE_FLASH_SCENARIO=noprobe "$DLM" flash --board nucleo-f446re --probe openocd 2>&1 >/dev/null); rc=$?
check "openocd without a probe exits non-zero" test $rc -ne 0
check "openocd without a probe: actionable ($err)" grep -q '^dlm flash: No ST-LINK probe found: plug the board in' <<<"$err"
check "openocd without a probe: the tool's words" grep -q 'openocd said: Error: open failed' <<<"$err"
check "the error is one line" test "$(wc -l <<<"$err")" -eq 1
err=$(FAKE_FLASH_SCENARIO=noprobe "$DLM" flash --board nucleo-f446re --probe st-flash 2>&1 >/dev/null); rc=$?
check "st-flash without a probe exits non-zero" test $rc -ne 0
check "st-flash without a probe: actionable ($err)" grep -q "No ST-LINK probe found.*Couldn't find any ST-Link devices" <<<"$err"
err=$(FAKE_FLASH_SCENARIO=permission "$DLM" flash --board nucleo-f446re 2>&1 >/dev/null); rc=$?
check "USB permission: udev rules ($err)" grep -q 'udev rules' <<<"$err"
err=$(FAKE_FLASH_SCENARIO=novoltage "$DLM" flash --board nucleo-f446re 2>&1 >/dev/null); rc=$?
check "target voltage 0: power jumper ($err)" grep -q 'no voltage' <<<"$err"

# No image: says where it looked.
err=$(DLM_FIRMWARE_DIR="$WORK/empty" "$DLM" flash --board nucleo-f446re --probe st-flash 2>&1 >/dev/null); rc=$?
if ! ls "$(dirname "$DLM")"/../../devices/boards/nucleo-f446re/dlm-firmware-nucleo-f446re.bin >/dev/null 2>&1; then
  check "missing image exits non-zero" test $rc -ne 0
  check "missing image names where it looked ($err)" grep -q "looked in $WORK/empty" <<<"$err"
fi
err=$("$DLM" flash --board uno 2>&1); rc=$?
check "unknown board is refused ($err)" test $rc -ne 0
err=$("$DLM" flash --board nucleo-f446re --probe jlink 2>&1); rc=$?
check "unknown probe is refused ($err)" test $rc -ne 0
out=$("$DLM" flash --help); rc=$?
check "help" grep -q 'usage: dlm flash --board BOARD' <<<"$out"

# Neither tool installed (an empty PATH).
mkdir -p "$WORK/none"
err=$(PATH="$WORK/none" "$DLM" flash --board nucleo-f446re 2>&1); rc=$?
check "no tool installed exits non-zero" test $rc -ne 0
check "no tool installed: what to install ($err)" grep -q 'apt-get install openocd' <<<"$err"

echo "$((total - failures))/$total passed"
[ "$failures" -eq 0 ]
