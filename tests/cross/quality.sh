#!/usr/bin/env bash
# Statistical quality: the raw 32-bit words of each algorithm (seed 42), and the words
# of children 0..63 of seed 42 interleaved word by word (which tests the seed
# derivation, not only the generator), fed to dieharder (-g 200: raw stdin).
# Passes when no dieharder test says FAILED (WEAK is an expected p-value extreme
# at this many tests: p < 0.005 or > 0.995, about 1 in 100).  Full reports land in OUTDIR/<name>.txt.
# usage: [QUALITY_STREAMS=...] tests/cross/quality.sh OUTDIR REPRO_RNG_BINARY all | TEST_NUMBER...
#   all: dieharder -a, the whole battery (21-30 min per stream on Zen 4, 36 on Zen 3);
#   numbers: one dieharder -d run each (dieharder honours only the last -d given);
#   0 15 100 101 206 take about 20 s per stream.
set -u
out=$1 cli=$2; shift 2
command -v dieharder > /dev/null || { echo "quality: dieharder not installed (apt-get install dieharder)" >&2; exit 1; }
mkdir -p "$out"
# QUALITY_STREAMS="philox4x32-10 siblings64" picks some of the streams (default: all seven).
streams=(${QUALITY_STREAMS:-philox4x32-10 philox2x64-10 philox4x64-10 threefry2x64-20
         threefry4x32-20 threefry4x64-20 siblings64})
pass=0 fail=0
for name in "${streams[@]}"; do
    case $name in
    siblings64) raw=("$cli" raw --seed 42 --interleave 64) ;;
    *)          raw=("$cli" raw --seed 42 --algorithm "$name") ;;
    esac
    start=$SECONDS
    rc=0
    : > "$out/$name.txt"
    for t in "$@"; do
        [ "$t" = all ] && args=(-a) || args=(-d "$t")
        "${raw[@]}" | dieharder -g 200 "${args[@]}" >> "$out/$name.txt" 2>&1
        [ "${PIPESTATUS[1]}" -eq 0 ] || rc=1
    done
    read -r p w f <<< "$(awk '/\|/ { r = $NF; if (r == "PASSED") p++; else if (r == "WEAK") w++;
        else if (r == "FAILED") f++ } END { print p + 0, w + 0, f + 0 }' "$out/$name.txt")"
    line="$name: $p passed, $w weak, $f failed ($((SECONDS - start)) s, $out/$name.txt)"
    if [ "$rc" -eq 0 ] && [ "$f" -eq 0 ] && [ "$p" -gt 0 ]; then
        pass=$((pass + 1)); echo "PASS $line"
    else
        fail=$((fail + 1)); echo "FAIL $line"; grep -E 'FAILED' "$out/$name.txt" | sed 's/^/    /'
    fi
done
echo "quality: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
