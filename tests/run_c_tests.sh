#!/usr/bin/env bash
# Runs each cmocka program once per ISA the CPU has (REPRO_RNG_ISA=...), from the
# repository root so that programs find tests/ data.  Prints the totals; exits
# non-zero when any run fails.
set -u
dir=$1; shift
runner=${CHECK_RUNNER:-}
# Programs that start themselves again (test_simd's REPRO_RNG_ISA checks) do it under
# the same runner: valgrind's CPU, for one, hides AVX-512.
[ -n "$runner" ] && export REPRO_TEST_EMULATOR="${REPRO_TEST_EMULATOR:-$runner}"
isas=$($runner "$dir/list_isas") || { echo "list_isas failed" >&2; exit 1; }
pass=0 fail=0 failed=()
for isa in $isas; do
    for t in "$@"; do
        echo "== $t (REPRO_RNG_ISA=$isa)"
        if REPRO_RNG_ISA=$isa $runner "$dir/$t"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1)); failed+=("$t@$isa")
        fi
    done
done
echo "C test programs: $pass passed, $fail failed"
[ "$fail" -eq 0 ] || { echo "failed: ${failed[*]}" >&2; exit 1; }
