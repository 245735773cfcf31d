#!/usr/bin/env bash
# dlm export: the exported library compiles on its own and predicts what dlm predict does.
#   test_export.sh DLM GESTURE_CSV_TOOL SPECTRAL_MODEL_TOOL [ARM_GXX]
set -u
DLM="$1"
GESTURES="$2"
SPECTRAL="$3"
ARM_GXX="${4:-}"
case "$ARM_GXX" in *NOTFOUND*) ARM_GXX="" ;; esac
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
total=0
check() { # check NAME CONDITION...
  local name="$1"; shift
  total=$((total + 1))
  if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
HOST_FLAGS=(-std=c++17 -O2 -Wall -Wextra -Werror -Wshadow -Wconversion -Wpedantic -Wold-style-cast)
M4F_FLAGS=(-Os -mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard -fno-exceptions
           -fno-rtti -std=c++17 -Wall -Wextra -Werror)

# agree PREDICT.out EXAMPLE.out: same rows, same class (or unknown) on every row, known scores
# within 1e-4 (printed to 4 decimals: one unit of the last digit apart at most). Prints
# "agreement N/M, largest score difference D".
agree() {
  [ "$(wc -l < "$1")" -eq "$(wc -l < "$2")" ] || { echo "row counts differ"; return 1; }
  paste -d '|' "$1" "$2" | tail -n +2 | awk -F'|' '
    { split($1, a, ","); split($2, b, ","); n++
      d = a[4] - b[4]; if (d < 0) d = -d; if (d > m) m = d
      if (a[2] == b[2] && d <= 0.000101) same++ }
    END { printf "agreement %d/%d, largest score difference %.4f\n", same, n, m; exit same != n }'
}

# m4f_size DIR NAME: cross-compiles the library's sources (not the example) and prints the
# text size of the code and of the model arrays.
m4f_size() {
  local objects=()
  for f in "$1"/*.cpp; do
    [ "$(basename "$f")" = example.cpp ] && continue
    "$ARM_GXX" "${M4F_FLAGS[@]}" -c "$f" -o "$f.o" || return 1
    objects+=("$f.o")
  done
  arm-none-eabi-size "${objects[@]}"
  arm-none-eabi-size "${objects[@]}" | awk -v name="$2" 'NR > 1 { t += $1; b += $3; if ($6 ~ /_model/) m += $1 }
    END { printf "M4F text %s: %d bytes (model arrays %d, code %d), bss %d\n", name, t, m, t - m, b }'
}

# export_and_compare NAME MODEL TEST.csv [SAMPLES.csv]: export, compile, run, compare.
export_and_compare() {
  local name="$1" model="$2" data="$3" samples="${4:-}" dir="$WORK/$1"
  "$DLM" export --model "$model" --out "$dir" --name "$name" > "$WORK/$name.log"
  check "$name: export exits 0 ($(cat "$WORK/$name.log"))" test $? -eq 0
  check "$name: host g++ -Werror compiles the folder alone" \
    g++ "${HOST_FLAGS[@]}" "$dir"/*.cpp -o "$dir/example"
  "$DLM" predict --model "$model" --data "$data" > "$WORK/$name.predict"
  "$dir/example" "$data" > "$WORK/$name.example"
  check "$name: example on descriptors = dlm predict ($(agree "$WORK/$name.predict" "$WORK/$name.example"))" \
    agree "$WORK/$name.predict" "$WORK/$name.example"
  if [ -n "$samples" ]; then
    "$dir/example" --samples "$samples" > "$WORK/$name.samples"
    check "$name: example on raw samples = dlm predict ($(agree "$WORK/$name.predict" "$WORK/$name.samples"))" \
      agree "$WORK/$name.predict" "$WORK/$name.samples"
  fi
  check "$name: some rows unknown, some known" \
    bash -c "grep -q ',\"unknown\",' '$WORK/$name.predict' && grep -vq ',\"unknown\",' '$WORK/$name.predict'"
  if [ -n "$ARM_GXX" ]; then
    check "$name: arm-none-eabi-g++ -Os (Cortex-M4F) compiles the library" m4f_size "$dir" "$name"
  else
    echo "SKIP: $name: no arm-none-eabi-g++"
  fi
}

# Digits (sklearn): learn 0-5 from odd rows, predict every even row (6-9 are unknowns).
DIGITS=/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz
if [ -f "$DIGITS" ]; then
  {
    printf 'p%d,' $(seq 0 63); echo label
    zcat "$DIGITS" | awk -F, '{ printf "%s", $1; for (i = 2; i <= 64; i++) printf ",%s", $i;
                               printf ",digit%s\n", $65 }'
  } > "$WORK/all.csv"
  { head -1 "$WORK/all.csv"; tail -n +2 "$WORK/all.csv" | awk 'NR % 2 == 1' | grep -E ',digit[0-5]$'; } > "$WORK/known.csv"
  { head -1 "$WORK/all.csv"; tail -n +2 "$WORK/all.csv" | awk 'NR % 2 == 0'; } > "$WORK/test.csv"
  "$DLM" learn --data "$WORK/known.csv" --out "$WORK/digits.dlm" > /dev/null
  export_and_compare Digits "$WORK/digits.dlm" "$WORK/test.csv"
  # All ten digits in 40 neurons: the kernel stacks a correcting layer, whose input is the
  # descriptor and the first layer's scores.
  { head -1 "$WORK/all.csv"; tail -n +2 "$WORK/all.csv" | awk 'NR % 2 == 1'; } > "$WORK/train.csv"
  learned=$("$DLM" learn --data "$WORK/train.csv" --out "$WORK/deep.dlm" --max-neurons 40)
  check "a two-layer digits model ($learned)" grep -q 'depth 2' <<<"$learned"
  export_and_compare DigitsDeep "$WORK/deep.dlm" "$WORK/test.csv"
else
  echo "SKIP: digits: $DIGITS missing (apt-get install python3-sklearn)"
fi

# Gestures (the virtual board's signal path): learn the known gestures, predict every gesture
# from descriptors and from the raw windows through the exported motion front-end.
"$GESTURES" "$WORK"
check "gesture files written" test -s "$WORK/test_samples.csv"
"$DLM" learn --data "$WORK/train.csv" --out "$WORK/gestures.dlm" > /dev/null
export_and_compare Gestures "$WORK/gestures.dlm" "$WORK/test.csv" "$WORK/test_samples.csv"
check "Gestures: motion front-end of 3 channels" grep -q 'front-end motion (3 channels)' "$WORK/Gestures.log"

# Sounds: a model that records the spectral front-end (model format 4) is exported with it;
# raw 16 kHz events go through the exported FFT and bands.
"$SPECTRAL" "$WORK"
check "spectral model written" test -s "$WORK/spectral.dlm"
export_and_compare Sound "$WORK/spectral.dlm" "$WORK/spectral.csv" "$WORK/spectral_samples.csv"
check "Sound: spectral front-end" grep -q 'front-end spectral (1 channels)' "$WORK/Sound.log"

# The Arduino layout, from the same model: its sources compile and predict alike.
A="$WORK/arduino"
"$DLM" export --model "$WORK/gestures.dlm" --out "$A" --format arduino --name Wave > /dev/null
check "arduino: export exits 0" test $? -eq 0
for f in library.properties README.md src/Wave.h src/Wave_predict.cpp src/Wave_model.cpp \
         src/Wave_frontend.cpp examples/WaveBasic/WaveBasic.ino; do
  check "arduino: $f" test -s "$A/$f"
done
check "arduino: library.properties names the library" grep -q '^name=Wave$' "$A/library.properties"
check "arduino: no host example in src/" test ! -e "$A/src/example.cpp"
check "arduino: sources and extras/example.cpp compile" \
  g++ "${HOST_FLAGS[@]}" -I"$A/src" "$A"/src/*.cpp "$A/extras/example.cpp" -o "$A/example"
"$A/example" --samples "$WORK/test_samples.csv" > "$WORK/arduino.samples"
check "arduino: predictions = dlm predict ($(agree "$WORK/Gestures.predict" "$WORK/arduino.samples"))" \
  agree "$WORK/Gestures.predict" "$WORK/arduino.samples"
# The sketch, as C++ against a stand-in for the Arduino core (Serial, delay).
mkdir -p "$WORK/stub"
cat > "$WORK/stub/Arduino.h" <<'STUB'
#pragma once
struct SerialPort {
  void begin(long) {}
  void print(const char*) {}
  void println(float, int) {}
};
inline SerialPort Serial;
inline void delay(unsigned long) {}
STUB
check "arduino: the example sketch compiles" g++ "${HOST_FLAGS[@]}" -x c++ -include "$WORK/stub/Arduino.h" \
  -I"$A/src" -c "$A/examples/WaveBasic/WaveBasic.ino" -o "$WORK/sketch.o"
if [ -n "$ARM_GXX" ]; then
  check "arduino: src/ compiles for the Cortex-M4F" m4f_size "$A/src" Wave
fi

# Refused: a file that is not a model, a damaged one, a bad name, a bad format.
printf 'hello,world\n1,2\n' > "$WORK/text.dlm"
err=$("$DLM" export --model "$WORK/text.dlm" --out "$WORK/x" 2>&1); rc=$?
check "not a model refused ($err)" test $rc -ne 0
check "not a model says so" grep -q 'text.dlm: not a Deeplomath model' <<<"$err"
check "nothing written for a refused model" test ! -e "$WORK/x"
{ head -c 300 "$WORK/gestures.dlm"; printf 'XXXX'; tail -c +305 "$WORK/gestures.dlm"; } > "$WORK/bad.dlm"
err=$("$DLM" export --model "$WORK/bad.dlm" --out "$WORK/x" 2>&1); rc=$?
check "damaged model refused ($err)" bash -c "[ $rc -ne 0 ] && grep -q 'bad.dlm: model CRC mismatch' <<<'$err'"
head -c 100 "$WORK/gestures.dlm" > "$WORK/short.dlm"
err=$("$DLM" export --model "$WORK/short.dlm" --out "$WORK/x" 2>&1); rc=$?
check "truncated model refused ($err)" bash -c "[ $rc -ne 0 ] && grep -q truncated <<<'$err'"
err=$("$DLM" export --model "$WORK/gestures.dlm" --out "$WORK/x" --name 9lives 2>&1); rc=$?
check "a name that is no identifier refused ($err)" test $rc -ne 0
err=$("$DLM" export --model "$WORK/gestures.dlm" --out "$WORK/x" --format zip 2>&1); rc=$?
check "an unknown format refused ($err)" test $rc -ne 0
err=$("$DLM" export --model "$WORK/gestures.dlm" --out "$WORK/x" --channels 2 2>&1); rc=$?
check "channels that do not give the model's length refused ($err)" test $rc -ne 0
"$DLM" export --help > "$WORK/help.txt"; rc=$?
check "export --help exits 0" test $rc -eq 0
check "export --help prints its usage" grep -q '^usage: dlm export' "$WORK/help.txt"

echo "$((total - failures))/$total passed"
[ "$failures" -eq 0 ]
