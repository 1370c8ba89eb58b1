#!/usr/bin/env bash
# Thread invariance: examples/openmp_walk.c gives byte-identical output for 1, 2, 3,
# 4, 8 and 16 threads under static, dynamic and guided schedules, built with gcc
# and clang, and equal to the same source built without OpenMP (a serial run).
# Each run must report the thread count asked for, so no run passes as serial.
# usage: tests/cross/check_openmp.sh OUTDIR STATIC_LIB [WALKERS STEPS]
set -u
out=$1 lib=$2 walkers=${3:-1000} steps=${4:-500}
flags="-std=c11 -O2 -ffp-contract=off -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror -Iinclude"
mkdir -p "$out"
pass=0 fail=0
note() { if [ "$1" = ok ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $2"; fi; }

gcc $flags -Wno-unknown-pragmas examples/openmp_walk.c "$lib" -o "$out/walk-serial" || exit 1
"$out/walk-serial" "$walkers" "$steps" > "$out/ref.txt" 2>/dev/null || exit 1
cat "$out/ref.txt"
# The mean squared displacement of N(0,1) steps is `steps`; its estimate from W walkers
# has relative standard deviation sqrt(2/W) (4.5% for 1000): 6 sigma is a gross bug.
if awk -v s="$steps" -v w="$walkers" '/mean squared/ { d = ($4 - s) / s; if (d < 0) d = -d;
        ok = d < 6 * sqrt(2 / w) } END { exit !ok }' "$out/ref.txt"; then
    note ok
else
    note fail "mean squared displacement far from $steps"
fi

for cc in gcc clang; do
    $cc $flags -fopenmp examples/openmp_walk.c "$lib" -o "$out/walk-$cc" || { note fail "$cc build"; continue; }
    for sched in static dynamic dynamic,7 guided; do
        for t in 1 2 3 4 8 16; do
            OMP_NUM_THREADS=$t OMP_SCHEDULE=$sched "$out/walk-$cc" "$walkers" "$steps" \
                > "$out/run.txt" 2> "$out/run.err"
            if [ $? -ne 0 ] || ! grep -q "^openmp_walk: $t threads$" "$out/run.err"; then
                note fail "$cc $sched $t threads: did not run with $t threads"
            elif ! cmp -s "$out/ref.txt" "$out/run.txt"; then
                note fail "$cc $sched $t threads: output differs from the serial run"
                diff "$out/ref.txt" "$out/run.txt" | head -5
            else
                note ok
            fi
        done
    done
done
echo "openmp: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
