#!/usr/bin/env bash
# dlm learn / eval / predict on a CSV made from sklearn's digits, plus the error paths.
set -u
DLM="$1"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
total=0
check() { # check NAME CONDITION...
  local name="$1"; shift
  total=$((total + 1))
  if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
DIGITS=/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz
if [ ! -f "$DIGITS" ]; then echo "SKIP: $DIGITS missing (apt-get install python3-sklearn)"; exit 0; fi

# A header, 64 features named p0..p63, labels as names; odd rows train, even rows test.
{
  printf 'p%d,' $(seq 0 63); echo label
  zcat "$DIGITS" | awk -F, '{ printf "%s", $1; for (i = 2; i <= 64; i++) printf ",%s", $i;
                             printf ",digit%s\n", $65 }'
} > "$WORK/all.csv"
{ head -1 "$WORK/all.csv"; tail -n +2 "$WORK/all.csv" | awk 'NR % 2 == 1'; } > "$WORK/train.csv"
{ head -1 "$WORK/all.csv"; tail -n +2 "$WORK/all.csv" | awk 'NR % 2 == 0'; } > "$WORK/test.csv"
# Open set: learn digits 0-5 only.
{ head -1 "$WORK/train.csv"; grep -E ',digit[0-5]$' "$WORK/train.csv"; } > "$WORK/known.csv"

learn=$("$DLM" learn --data "$WORK/train.csv" --out "$WORK/m.dlm" --json)
check "learn exits 0" test $? -eq 0
check "learn JSON has events 899" grep -q '"events": 899' <<<"$learn"
check "learn JSON has depth" grep -qE '"depth": [1-9]' <<<"$learn"
check "learn JSON has neurons_per_layer" grep -qE '"neurons_per_layer": \[[0-9]' <<<"$learn"
check "learn JSON has seconds" grep -qE '"seconds": [0-9.e-]+' <<<"$learn"

eval=$("$DLM" eval --model "$WORK/m.dlm" --data "$WORK/test.csv" --json)
acc=$(sed -E 's/.*"accuracy": ([0-9.]+).*/\1/' <<<"$eval")
check "closed-set accuracy above 0.95 ($acc)" awk -v a="$acc" 'BEGIN { exit !(a > 0.95) }'
check "no unknowns gives auroc null" grep -q '"auroc": null' <<<"$eval"

"$DLM" learn --data "$WORK/known.csv" --out "$WORK/k.dlm" > /dev/null
open=$("$DLM" eval --model "$WORK/k.dlm" --data "$WORK/test.csv" --json)
auroc=$(sed -E 's/.*"auroc": ([0-9.]+).*/\1/' <<<"$open")
check "open-set auroc above 0.9 ($auroc)" awk -v a="$auroc" 'BEGIN { exit !(a > 0.9) }'
check "open-set JSON fields" grep -q '"fpr_at_95tpr".*"open_set_accuracy".*"rejected_fraction"' <<<"$open"

pred=$("$DLM" predict --model "$WORK/k.dlm" --data "$WORK/test.csv" | head -50)
check "predict prints rows" grep -qE '^1,"?digit[0-5]"?,' <<<"$pred"
check "predict rejects some unknown digits" grep -q ',"unknown",\|,unknown,' <<<"$(\
  "$DLM" predict --model "$WORK/k.dlm" --data "$WORK/test.csv")"

# Errors: one line, non-zero exit, and where the problem is.
printf 'a,b,label\n1,2,x\n3,oops,y\n' > "$WORK/bad.csv"
err=$("$DLM" learn --data "$WORK/bad.csv" --out "$WORK/x.dlm" 2>&1 >/dev/null); rc=$?
check "malformed CSV exits non-zero" test $rc -ne 0
check "malformed CSV names line and column ($err)" grep -q 'bad.csv:3:2' <<<"$err"
check "error is one line" test "$(wc -l <<<"$err")" -eq 1
head -c 100 "$WORK/m.dlm" > "$WORK/trunc.dlm"
err=$("$DLM" eval --model "$WORK/trunc.dlm" --data "$WORK/test.csv" 2>&1); rc=$?
check "truncated model is refused ($err)" test $rc -ne 0
check "truncated model says so" grep -q 'truncated' <<<"$err"
err=$("$DLM" learn --data "$WORK/train.csv" --label nosuch --out "$WORK/x.dlm" 2>&1); rc=$?
check "unknown label column refused" test $rc -ne 0
err=$("$DLM" frobnicate 2>&1); rc=$?
check "unknown command refused" test $rc -ne 0
check "--version" grep -q '^dlm [0-9]' <<<"$("$DLM" --version)"

echo "$((total - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
