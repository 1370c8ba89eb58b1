#!/usr/bin/env bash
# The CLI's numpy and jax commands: numpy's outputs checked live against Debian's
# numpy (python3-numpy), JAX's against known answers from JAX's tests (the same ones
# as tests/vectors/jax_threefry.txt), plus usage errors.  Usage: test_compat_cli.sh BIN
set -u
bin=$1
py=${PYTHON:-/usr/bin/python3}
fail=0 pass=0
check() { # name, expected, actual
    if [ "$2" == "$3" ]; then pass=$((pass + 1)); else
        fail=$((fail + 1)); printf 'FAIL %s\n  want: %s\n  got:  %s\n' "$1" "$2" "$3"; fi
}
numpy() { "$py" -c "import numpy as np; print('\n'.join(str(x) for x in $1))"; }
run() { "$bin" "$@" 2>&1; }

"$py" -c 'import numpy' || { echo "python3-numpy is required" >&2; exit 1; }
check "numpy raw" "$(numpy 'np.random.Philox(12345).random_raw(9)')" \
      "$(run numpy --seed 12345 --count 9)"
check "numpy random, big-int list seed" \
      "$(numpy '[repr(float(x)) for x in np.random.Generator(np.random.Philox([7, 2**70 + 3])).random(6)]')" \
      "$(run numpy --seed 7,1180591620717411303427 --output random --count 6 | "$py" -c 'import sys; print("\n".join(repr(float(l)) for l in sys.stdin))')"
check "numpy grandchild, jumped" \
      "$(numpy 'np.random.Philox(np.random.SeedSequence(99, spawn_key=(4,)).spawn(3)[2].spawn(2)[1]).jumped(2).random_raw(5)')" \
      "$(run numpy --seed 99 --spawn-key 4 --spawn 2,1 --jumped 2 --count 5)"
check "numpy advance" \
      "$(numpy 'np.random.Philox(5).advance(1000).random_raw(5)')" \
      "$(run numpy --seed 5 --advance 1000 --count 5)"
check "numpy state32" "$(numpy 'np.random.SeedSequence(2**64 - 1).generate_state(6)')" \
      "$(run numpy --seed 18446744073709551615 --output state32 --count 6)"
check "numpy state64" "$(numpy 'np.random.SeedSequence([]).generate_state(3, np.uint64)')" \
      "$(run numpy --seed '' --output state64 --count 3)"

# JAX: tests/random_test.py testPRNGValues and testRngRandomBits (partitionable off).
check "jax split" $'2285895361 1501764800\n1518642379 4090693311\n433833334 4221794875\n839183663 3740430601' \
      "$(run jax --seed 0 --output split --count 4 --partitionable 0)"
check "jax fold_in" "2285895361 433833334" "$(run jax --seed 0 --fold-in 4)"
check "jax bits32" $'56197195\n4200222568\n961309823' \
      "$(run jax --seed 1701 --output bits32 --count 3 --partitionable 0)"
check "jax bits64" $'3982329540505020460\n16822122385914693683\n7882654074788531506' \
      "$(run jax --seed 1701 --output bits64 --count 3 --partitionable 0)"
check "jax key x64" "4294967295 4294967293" "$(run jax --seed -3)"
check "jax key x32" "0 4294967293" "$(run jax --seed -3 --x32)"
check "jax partitionable split = fold_in" "2285895361 433833334" \
      "$(run jax --seed 0 --output split --count 5 | tail -n 1)"
# Partitionable (the default) against published values: ekzhang/jax-js
# test/random.test.ts ("random bits", "random split is consistent with jax") and JAX's
# jax.random docs (uniform(key(0)) prints 0.947667, the float32's shortest repr).
check "jax bits32 key(0)" "4070199207" "$(run jax --seed 0 --output bits32 --count 1)"
check "jax bits32 key(10)" $'169096361\n1572511259\n2689743692\n2228103506' \
      "$(run jax --seed 10 --output bits32 --count 4)"
check "jax split key(1)" $'507451445 1853169794\n1948878966 4237131848\n2441914641 3819641963' \
      "$(run jax --seed 1 --output split --count 3)"
check "jax uniform32 key(0)" "True" \
      "$("$py" -c 'import numpy as np, sys; print(np.float32(sys.argv[1]) == np.float32("0.947667"))' \
         "$(run jax --seed 0 --output uniform32 --count 1)")"

for bad in "numpy" "numpy --seed -1" "numpy --seed 1,,2" "numpy --seed 1 --output x" "numpy --seed 1 --spawn 1000000" \
           "jax" "jax --seed 1 --key 1,2" "jax --key 1" "jax --seed 1 --partitionable 2" \
           "jax --seed 99999999999999999999" "jax --seed 1 --output bits8" \
           "jax --seed 1 --output bits32 --count 4294967295 --partitionable 0" \
           "jax --seed 1 --output uniform64 --count 2147483648 --partitionable 0" \
           "jax --seed 1 --output split --count 2147483648 --partitionable 0"; do
    # shellcheck disable=SC2086
    "$bin" $bad >/dev/null 2>&1
    check "usage error: $bad" 2 $?
done
# JAX's original layout beyond one block of 2^32 - 1 words: refused before any buffer
# is allocated (it once ran out of memory first, exit 1), naming --count.
check "jax original-layout limit names --count" 1 \
      "$("$bin" jax --seed 1 --output bits32 --count 4294967295 --partitionable 0 2>&1 | grep -c -- --count)"
echo "compat CLI checks: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
