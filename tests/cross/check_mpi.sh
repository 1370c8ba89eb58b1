#!/usr/bin/env bash
# Process invariance: examples/mpi_walk.c writes a byte-identical result file for 1,
# 2, 3 and 4 MPI ranks (OpenMPI; as root it needs --allow-run-as-root).  Each run
# must report the rank count asked for.
# usage: tests/cross/check_mpi.sh OUTDIR STATIC_LIB [WALKERS STEPS]
set -u
out=$1 lib=$2 walkers=${3:-300} steps=${4:-500}
mkdir -p "$out"
mpicc -std=c11 -O2 -ffp-contract=off -Wall -Wextra -Wconversion -Wshadow -Werror -Iinclude \
    examples/mpi_walk.c "$lib" -o "$out/mpi_walk" || exit 1
pass=0 fail=0
for np in 1 2 3 4; do
    if ! mpirun --allow-run-as-root --oversubscribe -np $np "$out/mpi_walk" \
            "$out/result-$np.txt" "$walkers" "$steps" 2> "$out/run-$np.err" ||
       ! grep -q "^mpi_walk: $np ranks wrote" "$out/run-$np.err"; then
        fail=$((fail + 1)); echo "FAIL: $np ranks did not run"; cat "$out/run-$np.err"
    elif [ "$(grep -c '^[0-9]' "$out/result-$np.txt")" != "$walkers" ]; then
        fail=$((fail + 1)); echo "FAIL: $np ranks: not $walkers walker lines"
    elif ! cmp -s "$out/result-1.txt" "$out/result-$np.txt"; then
        fail=$((fail + 1)); echo "FAIL: $np ranks: result differs from 1 rank"
    else
        pass=$((pass + 1))
    fi
done
tail -n 1 "$out/result-1.txt"
# 2-D N(0,1) steps: E|r|^2 = 2*steps, relative standard deviation 1/sqrt(walkers) of
# the estimate; 6 sigma off means a gross bug, not chance.
if awk -v s="$steps" -v w="$walkers" '/mean squared/ { d = ($NF - 2 * s) / (2 * s);
        if (d < 0) d = -d; ok = d < 6 / sqrt(w) } END { exit !ok }' "$out/result-1.txt"; then
    pass=$((pass + 1))
else
    fail=$((fail + 1)); echo "FAIL: mean squared displacement far from $((2 * steps))"
fi
echo "mpi: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
