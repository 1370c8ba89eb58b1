#!/usr/bin/env bash
# Statistical quality: the raw 32-bit words of each algorithm (seed 42), and the words
# of children 0..63 of seed 42 interleaved word by word (which tests the seed
# derivation, not only the generator), fed to dieharder (-g 200: raw stdin).
# A WEAK result (p < 0.005 or > 0.995: about 1 test in 100 by chance alone) is run
# again on its own with dieharder's -Y 1, which adds p-samples until the verdict is
# PASSED or FAILED; those runs go to OUTDIR/<name>.weak.txt.  A stream passes when no
# test, first run or re-run, says FAILED.  Full reports land in OUTDIR/<name>.txt.
# usage: [QUALITY_STREAMS=...] tests/cross/quality.sh OUTDIR REPRO_RNG_BINARY all | resolve | TEST_NUMBER...
#   all: dieharder -a, the whole battery (21-30 min per stream on Zen 4, 36 on Zen 3);
#   resolve: only the re-runs of the WEAK results of existing OUTDIR/<name>.txt reports;
#   numbers: one dieharder -d run each (dieharder honours only the last -d given);
#   0 15 100 101 206 take about 20 s per stream.
set -u
out=$1 cli=$2; shift 2
command -v dieharder > /dev/null || { echo "quality: dieharder not installed (apt-get install dieharder)" >&2; exit 1; }
mkdir -p "$out"
# QUALITY_STREAMS="philox4x32-10 siblings64" picks some of the streams (default: all seven).
streams=(${QUALITY_STREAMS:-philox4x32-10 philox2x64-10 philox4x64-10 threefry2x64-20
         threefry4x32-20 threefry4x64-20 siblings64})

# dieharder's -d number of each test name in its report
declare -A number=(
    [diehard_birthdays]=0 [diehard_operm5]=1 [diehard_rank_32x32]=2 [diehard_rank_6x8]=3
    [diehard_bitstream]=4 [diehard_opso]=5 [diehard_oqso]=6 [diehard_dna]=7
    [diehard_count_1s_str]=8 [diehard_count_1s_byt]=9 [diehard_parking_lot]=10
    [diehard_2dsphere]=11 [diehard_3dsphere]=12 [diehard_squeeze]=13 [diehard_sums]=14
    [diehard_runs]=15 [diehard_craps]=16 [marsaglia_tsang_gcd]=17 [sts_monobit]=100
    [sts_runs]=101 [sts_serial]=102 [rgb_bitdist]=200 [rgb_minimum_distance]=201
    [rgb_permutations]=202 [rgb_lagged_sum]=203 [rgb_kstest_test]=204 [dab_bytedistrib]=205
    [dab_dct]=206 [dab_filltree]=207 [dab_filltree2]=208 [dab_monobit2]=209)

# verdicts FILE: "passed weak failed" counts of a report
verdicts() {
    awk '/\|/ { r = $NF; if (r == "PASSED") p++; else if (r == "WEAK") w++;
        else if (r == "FAILED") f++ } END { print p + 0, w + 0, f + 0 }' "$1"
}

pass=0 fail=0
for name in "${streams[@]}"; do
    case $name in
    siblings64) raw=("$cli" raw --seed 42 --interleave 64) ;;
    *)          raw=("$cli" raw --seed 42 --algorithm "$name") ;;
    esac
    start=$SECONDS
    rc=0
    report=$out/$name.txt weak=$out/$name.weak.txt
    if [ "$*" != resolve ]; then
        : > "$report"
        for t in "$@"; do
            [ "$t" = all ] && args=(-a) || args=(-d "$t")
            "${raw[@]}" | dieharder -g 200 "${args[@]}" >> "$report" 2>&1
            [ "${PIPESTATUS[1]}" -eq 0 ] || rc=1
        done
    fi
    [ -s "$report" ] || { echo "FAIL $name: no report $report"; fail=$((fail + 1)); continue; }
    : > "$weak"
    # the WEAK tests again, each with -Y 1 (its ntup too where it has one)
    while read -r test ntup; do
        d=${number[$test]:-}
        [ -n "$d" ] || { echo "quality: unknown test '$test' in $report" >> "$weak"; rc=1; continue; }
        args=(-d "$d" -Y 1)
        [ "$ntup" -gt 0 ] && [ "$d" -ge 200 ] && args+=(-n "$ntup")
        "${raw[@]}" | dieharder -g 200 "${args[@]}" >> "$weak" 2>&1
        [ "${PIPESTATUS[1]}" -eq 0 ] || rc=1
    done < <(awk -F'|' '$NF ~ /WEAK/ { gsub(/ /, "", $1); gsub(/ /, "", $2); print $1, $2 }' "$report")
    read -r p w f <<< "$(verdicts "$report")"
    read -r rp rw rf <<< "$(verdicts "$weak")"
    line="$name: $p passed, $w weak, $f failed ($((SECONDS - start)) s, $report)"
    [ "$w" -eq 0 ] || line+="; the weak ones re-run with -Y 1: $rp passed, $rw weak, $rf failed ($weak)"
    if [ "$rc" -eq 0 ] && [ "$f" -eq 0 ] && [ "$rf" -eq 0 ] && [ "$p" -gt 0 ]; then
        pass=$((pass + 1)); echo "PASS $line"
    else
        fail=$((fail + 1)); echo "FAIL $line"; grep -hE 'FAILED|unknown' "$report" "$weak" | sed 's/^/    /'
    fi
done
echo "quality: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
