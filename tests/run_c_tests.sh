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
pass=0 fail=0 failed=() skipped=()
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for isa in $isas; do
    for t in "$@"; do
        echo "== $t (REPRO_RNG_ISA=$isa)"
        if REPRO_RNG_ISA=$isa $runner "$dir/$t" 2>&1 | tee "$log"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1)); failed+=("$t@$isa")
        fi
        # a skipped test is not a passed one: name it in the totals
        while read -r name; do skipped+=("$t:$name@$isa"); done < <(
            sed -n 's/^\[  SKIPPED \] \(test_[a-z0-9_]*\)$/\1/p' "$log" | sort -u)
    done
done
echo "C test programs: $pass passed, $fail failed; ${#skipped[@]} tests skipped${skipped[*]:+: ${skipped[*]}}"
[ "$fail" -eq 0 ] || { echo "failed: ${failed[*]}" >&2; exit 1; }
