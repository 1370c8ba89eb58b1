#!/usr/bin/env bash
# Tests of the repro-rng command-line tool: exit codes, --help of every subcommand,
# the worked examples of contract rr1 section 6 (known answers from the contract
# text), formats, the invariants gen/raw/state must keep, selftest, bad inputs.
# Usage: tests/cli/test_cli.sh path/to/repro-rng
set -u
B=${1:?usage: test_cli.sh path/to/repro-rng}
[ -x "$B" ] || { echo "not executable: $B" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_rc CODE cmd...: exit status CODE; for 1 and 2 also a message on stderr.
expect_rc() {
    local want=$1; shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        bad "exit $rc, want $want: $* ($(head -c 300 "$tmp/err"))"
    elif [ "$want" -ne 0 ] && ! grep -q "repro-rng" "$tmp/err"; then
        bad "no error message on stderr: $*"
    else
        ok
    fi
}
# expect_out WANT cmd...: stdout equals WANT, exit status 0.
expect_out() {
    local want=$1; shift
    local got
    got=$("$@" 2>"$tmp/err")
    local rc=$?
    if [ "$rc" -ne 0 ] || [ "$got" != "$want" ]; then
        bad "$* -> rc $rc, got '$(head -c 300 <<<"$got")' want '$want' $(head -c 200 "$tmp/err")"
    else
        ok
    fi
}
# expect_err_has TEXT: the last command's stderr contains TEXT.
expect_err_has() {
    if grep -qF -- "$1" "$tmp/err"; then ok; else bad "stderr lacks '$1': $(head -c 300 "$tmp/err")"; fi
}
same() { # same WHAT A B
    if [ "$2" == "$3" ]; then ok; else bad "$1: '$(head -c 200 <<<"$2")' != '$(head -c 200 <<<"$3")'"; fi
}

S42=bdb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02

# ---- top level and --help ---------------------------------------------------------
expect_rc 2 "$B"
expect_rc 0 "$B" --help
expect_rc 0 "$B" --version
expect_rc 2 "$B" no-such-command
expect_rc 0 "$B" help gen
commands=$("$B" --help | awk '/^commands:/ {on = 1; next} on && NF == 0 {on = 0} on {print $1}')
[ "$(wc -w <<<"$commands")" -ge 6 ] && ok || bad "too few commands listed: $commands"
for c in $commands; do
    out=$("$B" "$c" --help 2>&1); rc=$?
    if [ $rc -eq 0 ] && grep -q "^usage: repro-rng $c" <<<"$out" && grep -q -- "--help" <<<"$out"; then
        ok
    else
        bad "$c --help (rc $rc)"
    fi
    expect_rc 2 "$B" "$c" --no-such-option
done

# ---- contract rr1 section 6 worked examples ------------------------------------------
expect_out 308789a59df1228a15686cd840606fff2ae30f072c7fcd653a47c1c8e5b08d2e "$B" derive --seed 0
expect_out $S42 "$B" derive --seed 42
expect_out aad39caa1643da5cd985d65512dff04a15f033e9b9d4e905028b2ab3201b2630 "$B" derive --seed-text ""
expect_out 3b92397031ce641da0bbd3208edee786abafe4e193fef28cbda5292d3b406b7d "$B" derive --seed-text repro
expect_out 5f9780decaf933a20d694f4fc2598ac7646b00917abb071ae23c61074781a68e "$B" derive --seed 42 --path '#0'
expect_out 0e67b11a3fa7e57ff849ca1e6cb024646a74c81457f98b9080c69b9d39d84dc2 "$B" derive --seed 42 --path train
expect_out 6b4c7fd61114c75c3174ffd7372686eab748934e5af71edeca6a5300d73e60f5 "$B" derive --seed 42 --path train/#3/dropout
expect_out 6b4c7fd61114c75c3174ffd7372686eab748934e5af71edeca6a5300d73e60f5 "$B" derive --seed-hex $S42 --path train/#3/dropout
expect_out "$(printf '28b3ffba\nc8b61e27\na26e04a6\n3aaaf4ed')" "$B" gen --seed 42 --count 4 --format hex
expect_out "$(printf '28b3ffba\nc8b61e27\na26e04a6\n3aaaf4ed')" "$B" gen --seed 42 --count 4 --format hex --algorithm philox4x32-10
expect_out "$(printf '428ff763\nd58cddff\n658f972d\n70e50230')" "$B" gen --seed 42 --count 4 --format hex --algorithm threefry4x64-20
expect_out "$(printf '%u\n' 0x28b3ffba 0xc8b61e27)" "$B" gen --seed 42 --count 2
# the first double, printed with 17 significant digits, is the contract's value
d=$("$B" gen --seed 42 --count 1 --type double)
same "first double" "$(printf '%.16g' "$d")" 0.7840288968661325
[ "$(tr -cd 0-9 <<<"$d" | sed 's/^0*//' | wc -c)" -eq 17 ] && ok || bad "not 17 significant digits: $d"
# a u64 is the first word plus the second word << 32 (section 3)
expect_out c8b61e2728b3ffba "$B" gen --seed 42 --count 1 --type u64 --format hex
# a double's hex form is its IEEE bits: m = x >> 11 of that u64 has its top bit set,
# so m * 2^-53 has exponent field 0x3fe and mantissa m - 2^52
m=$(( (0xc8b61e2728b3ffba >> 11) & ((1 << 53) - 1) ))
expect_out "$(printf '%016x' $(( (0x3fe << 52) | (m & ((1 << 52) - 1)) )))" \
    "$B" gen --seed 42 --count 1 --type double --format hex

# ---- formats and invariants ------------------------------------------------------------
for t in u32:4 float:4 u64:8 double:8 double_oc:8 double_oo:8 bounded:10:4 bounded64:10:8; do
    type=${t%:*} size=${t##*:}
    n=$("$B" gen --seed 7 --count 1000 --type "$type" --format binary | wc -c)
    same "binary byte count of $type" "$n" $((1000 * size))
done
# binary is little-endian: the first word 28b3ffba comes out as ba ff b3 28
same "binary byte order" "$("$B" gen --seed 42 --count 1 --format binary | od -An -tx1 | tr -d ' \n')" baffb328
# --position N gives the tail of a longer run; --state equals seed + position
all=$("$B" gen --seed 9 --path w/#1 --count 20 --type u64)
same "position" "$("$B" gen --seed 9 --path w/#1 --position 10 --count 15 --type u64)" "$(tail -n 15 <<<"$all")"
st=$("$B" state --seed 9 --path w/#1 --position 10)
same "gen --state" "$("$B" gen --state "$st" --count 15 --type u64)" "$(tail -n 15 <<<"$all")"
# --save-state then resume equals one run
"$B" gen --seed 9 --path w/#1 --count 7 --type u64 --save-state "$tmp/st" >"$tmp/a"
"$B" gen --state "$(cat "$tmp/st")" --count 13 --type u64 >>"$tmp/a"
same "save-state and resume" "$(cat "$tmp/a")" "$all"
same "saved position" "$(cut -d: -f4 "$tmp/st")" 14
# values do not depend on where the output is cut (the tool fills in chunks of 4096):
# 5000 values in one run equal 3000 + 2000 resumed from the saved state
for type in normal gamma:2.5,1 poisson:3.5 bounded:7; do
    "$B" gen --seed 8 --type "$type" --count 3000 --format hex --save-state "$tmp/cut" >"$tmp/b"
    "$B" gen --state "$(cat "$tmp/cut")" --type "$type" --count 2000 --format hex >>"$tmp/b"
    same "cut at 3000: $type" "$(md5sum <"$tmp/b")" "$("$B" gen --seed 8 --type "$type" --count 5000 --format hex | md5sum)"
done
# text and hex agree
same "text vs hex" "$("$B" gen --seed 3 --count 5 --type u64 --format hex | while read -r h; do printf '%u\n' 0x$h; done)" \
    "$("$B" gen --seed 3 --count 5 --type u64)"
# bounded: 0 is the full range (the word itself), 1 gives zeros
same "bounded:0" "$("$B" gen --seed 5 --count 50 --type bounded:0)" "$("$B" gen --seed 5 --count 50)"
same "bounded:1" "$("$B" gen --seed 5 --count 5 --type bounded:1 | sort -u)" 0
v=$("$B" gen --seed 5 --count 2000 --type bounded:6 | sort -un | tr '\n' ' ')
same "bounded:6 values" "$v" "0 1 2 3 4 5 "
# float text has 9 significant digits and lies in [0,1)
"$B" gen --seed 5 --count 100 --type float | awk '$1 < 0 || $1 >= 1 {exit 1}' && ok || bad "float out of range"

# ---- raw ----------------------------------------------------------------------------------
same "raw --bytes" "$("$B" raw --seed 42 --bytes 1001 | wc -c)" 1001
same "raw = gen binary" "$("$B" raw --seed 42 --bytes 4000 | od -An -tx1)" \
    "$("$B" gen --seed 42 --count 1000 --format binary | od -An -tx1)"
# --interleave K: word j*K + c is word j of child c
c0=$("$B" derive --seed 42 --path '#0') c1=$("$B" derive --seed 42 --path '#1') c2=$("$B" derive --seed 42 --path '#2')
want=$(paste -d'\n' <("$B" gen --seed-hex "$c0" --count 3 --format hex) \
    <("$B" gen --seed-hex "$c1" --count 3 --format hex) <("$B" gen --seed-hex "$c2" --count 3 --format hex))
got=$("$B" raw --seed 42 --interleave 3 --bytes 36 | od -An -v -tx4 --endian=little | tr -s ' ' '\n' | sed '/^$/d')
same "raw --interleave 3" "$got" "$want"
# endless output into a closed pipe ends quietly with status 0
"$B" raw --seed 1 2>"$tmp/err" | head -c 100000 >/dev/null
same "raw into a closed pipe" "${PIPESTATUS[0]}:$(cat "$tmp/err")" "0:"
"$B" gen --seed 1 --count 100000000 2>"$tmp/err" | head -n 3 >/dev/null
same "gen into a closed pipe" "${PIPESTATUS[0]}:$(cat "$tmp/err")" "0:"
if [ -w /dev/full ]; then
    "$B" gen --seed 1 --count 100000 >/dev/full 2>"$tmp/err"
    same "write error exit" "$?" 1
    expect_err_has "cannot write"
fi

# ---- state ----------------------------------------------------------------------------------
expect_out "rr1:philox4x32-10:$S42:1024" "$B" state --seed 42 --position 1024
expect_out "rr1:threefry4x64-20:$S42:0" "$B" state --seed 42 --algorithm threefry4x64-20
expect_rc 0 "$B" state "rr1:philox4x32-10:$S42:3"
grep -q "^next u32:  3aaaf4ed b3ee0b85 " "$tmp/out" && ok || bad "state description: $(cat "$tmp/out")"
expect_rc 1 "$B" state "rr1:philox4x32-10:$S42:x4"
expect_err_has "at byte 83"
expect_rc 1 "$B" state "rr2:philox4x32-10:$S42:4"
expect_rc 1 "$B" state "rr1:philox4x32-11:$S42:4"
expect_rc 1 "$B" state ""
"$B" state --quiet "rr1:philox4x32-10:$S42:4 " 2>"$tmp/err" >"$tmp/out"
same "state --quiet" "$?:$(cat "$tmp/out" "$tmp/err")" "1:"
expect_rc 2 "$B" state "rr1:philox4x32-10:$S42:4" --seed 1
expect_rc 2 "$B" gen --state "rr1:philox4x32-10:$S42:4" --position 3

# ---- selftest ---------------------------------------------------------------------------------
expect_rc 0 "$B" selftest
grep -q "^selftest passed" "$tmp/out" && ok || bad "selftest summary"
n=$(sed -n 's/^selftest: .* \([0-9]*\) records.*/\1/p' "$tmp/out")
[ "${n:-0}" -ge 500 ] && ok || bad "selftest checked only '${n}' records"
grep -q "Random123 block KAT *60 records" "$tmp/out" && ok || bad "selftest KAT line"
# a corrupted vector file makes it fail: one word and one seed changed
"$B" selftest --list | grep -q kat_vectors.txt && ok || bad "selftest --list"
sed '0,/^philox4x32 10 /s/\(^philox4x32 10 .*\)6627e8d5/\16627e8d6/' tests/kat/kat_vectors.txt >"$tmp/kat"
cmp -s "$tmp/kat" tests/kat/kat_vectors.txt && bad "corruption did not apply" || ok
expect_rc 1 "$B" selftest --file "$tmp/kat"
grep -q "^FAIL" "$tmp/out" && ok || bad "selftest FAIL line"
printf 'u64 42 %s\n' "${S42/%2/3}" >"$tmp/seed"
expect_rc 1 "$B" selftest --file "$tmp/seed"
grep -m1 '^philox4x32-10 .* double_oo ' tests/vectors/stream_philox4x32-10.txt | sed 's/[0-9a-f]$/x&/; s/x0$/1/; s/x[1-9a-f]$/0/' >"$tmp/draw"
expect_rc 1 "$B" selftest --file "$tmp/draw"
grep -q "stream draws .* 1 FAILED" "$tmp/out" && ok || bad "corrupted draw record: $(cat "$tmp/out")"
if [ -r tests/vectors/dist_gamma.txt ]; then
    grep -m1 '^[a-z0-9-]* [0-9a-f]* [0-9]* gamma:' tests/vectors/dist_gamma.txt | sed 's/[0-9a-f]$/x&/; s/x0$/1/; s/x[1-9a-f]$/0/' >"$tmp/dist"
    expect_rc 1 "$B" selftest --file "$tmp/dist"
    grep -q "stream draws .* 1 FAILED" "$tmp/out" && ok || bad "corrupted gamma record: $(cat "$tmp/out")"
fi
printf 'frobnicate 1 2 3\n' >"$tmp/odd"
expect_rc 1 "$B" selftest --file "$tmp/odd"
expect_rc 1 "$B" selftest --file "$tmp/does-not-exist"
expect_rc 2 "$B" selftest --isa no-such-isa

# ---- bench -------------------------------------------------------------------------------------
expect_rc 0 "$B" bench --seconds 0.001 --bytes 4096
same "bench rows" "$(grep -cE '^(philox|threefry)' "$tmp/out")" 36
expect_rc 2 "$B" bench --seconds 0
expect_rc 2 "$B" bench --isa no-such-isa

# ---- bad inputs: usage errors (2) with a message ----------------------------------------------
expect_rc 2 "$B" gen
expect_rc 2 "$B" gen --seed 1 --seed-text x
expect_rc 2 "$B" gen --seed abc
expect_rc 2 "$B" gen --seed -1
expect_rc 2 "$B" gen --seed 18446744073709551616
expect_out 71ff5d88727ccd88c92d2691150ec84ea4500b90e2c1512cf9a498b7943877b9 "$B" derive --seed 18446744073709551615
expect_rc 2 "$B" derive --seed-hex 1234
expect_err_has "exactly 64 hex digits"
expect_rc 2 "$B" derive --seed-hex "${S42/b/g}"
expect_rc 2 "$B" derive --seed 1 --path 'a//b'
expect_err_has "at byte 2"
expect_rc 2 "$B" derive --seed 1 --path 'x/#1y'
expect_err_has "at byte 2"
expect_rc 2 "$B" derive --seed 1 --path '#18446744073709551616'
expect_err_has "at byte 0"
expect_rc 2 "$B" gen --seed 1 --algorithm philox9x9
expect_rc 2 "$B" gen --seed 1 --type nope
expect_rc 2 "$B" gen --seed 1 --type bounded
expect_rc 2 "$B" gen --seed 1 --type bounded:4294967296
expect_rc 2 "$B" gen --seed 1 --type u32:3
expect_rc 2 "$B" gen --seed 1 --type gaussian:0
expect_rc 2 "$B" gen --seed 1 --type gaussian:0,-1
expect_rc 2 "$B" gen --seed 1 --type uniform:1,0
expect_rc 2 "$B" gen --seed 1 --format nope
expect_rc 2 "$B" gen --seed 1 --count -3
expect_rc 2 "$B" gen --seed 1 --position 1e3
expect_rc 2 "$B" gen --seed
expect_rc 2 "$B" gen --seed 1 --list-types=x
expect_rc 2 "$B" gen --seed 1 extra
expect_rc 2 "$B" raw --seed 1 --interleave 0
expect_rc 2 "$B" state --quiet
expect_rc 0 "$B" gen --list-types
grep -q "^  gaussian:MEAN,SD" "$tmp/out" && ok || bad "gen --list-types"
expect_rc 0 "$B" gen --seed=1 --count=0

# ---- the quick-start example (README, make demo) checks its own claims --------------------------
expect_rc 0 bash examples/quickstart.sh "$B"
grep -q "serial and parallel results are identical" "$tmp/out" && ok || bad "quickstart output"

echo "CLI tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
