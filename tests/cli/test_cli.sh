#!/usr/bin/env bash
# Tests of the repro-rng command-line tool: exit codes, --help of every subcommand,
# the worked examples of contract rr1 section 5 (known answers from the contract
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

# ---- contract rr1 section 5 worked examples ------------------------------------------
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
# a closed pipe is a write error like any other (status 1 and the errno's message),
# also for endless output
"$B" raw --seed 1 2>"$tmp/err" | head -c 100000 >/dev/null
same "raw into a closed pipe" "${PIPESTATUS[0]}:$(cat "$tmp/err")" \
    "1:repro-rng: cannot write to standard output: Broken pipe"
"$B" gen --seed 1 --count 100000000 2>"$tmp/err" | head -n 3 >/dev/null
same "gen into a closed pipe" "${PIPESTATUS[0]}:$(cat "$tmp/err")" \
    "1:repro-rng: cannot write to standard output: Broken pipe"

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
# a file with records of which one is not understood fails
{ grep -m1 '^u64 ' tests/vectors/seeds.txt; echo 'frobnicate 1 2 3'; } >"$tmp/odd"
expect_rc 1 "$B" selftest --file "$tmp/odd"
grep -q "unreadable or unknown records .* 1 FAILED" "$tmp/out" && ok || bad "unknown record: $(cat "$tmp/out")"
expect_rc 1 "$B" selftest --file "$tmp/does-not-exist"
expect_rc 2 "$B" selftest --isa no-such-isa

# ---- bench -------------------------------------------------------------------------------------
expect_rc 0 "$B" bench --seconds 0.001 --bytes 4096
same "bench rows" "$(grep -cE '^(philox|threefry)' "$tmp/out")" 48 # 6 algorithms x 8 fills
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

# ---- nothing given is silently ignored: repeats, conflicts, extra arguments ----------------
# an option given twice is an error naming it, not "the last one wins"
expect_rc 2 "$B" gen --seed 1 --seed 2
expect_err_has "'--seed' given more than once"
expect_rc 2 "$B" gen --seed 1 --count 3 --count=4
expect_err_has "'--count' given more than once"
expect_rc 2 "$B" gen --seed 1 --type u32 --type u64
expect_rc 2 "$B" selftest --verbose --verbose --isa scalar
expect_rc 2 "$B" numpy --seed 1 --count 3 --count 2
# a listing ignores no option: with another one it is a conflict (also an invalid one)
expect_rc 2 "$B" gen --seed 1 --list-types
expect_err_has "--list-types and --seed exclude each other"
expect_rc 2 "$B" gen --list-types --count x
expect_rc 2 "$B" selftest --list --isa scalar
expect_err_has "--list and --isa exclude each other"
# the top level takes nothing after --help, --version or help COMMAND
expect_rc 2 "$B" --version extra
expect_rc 2 "$B" --help extra
expect_rc 2 "$B" help gen extra
expect_err_has "unexpected argument 'extra'"
# a number is the whole argument: no leading blanks (as none trailing)
expect_rc 2 "$B" gen --seed 1 --type "gaussian:0, 1"
expect_err_has "SD ' 1' is not a number"
expect_rc 2 "$B" bench --seconds " 0.01"
# options that the chosen mode does not use are conflicts
expect_rc 2 "$B" jax --key 1,2 --x32
expect_err_has "--x32"
expect_rc 2 "$B" numpy --seed 1 --jumped 2 --output state32
expect_err_has "--jumped"
expect_rc 2 "$B" numpy --seed 1 --advance 2 --output state64
expect_err_has "--advance"

# ---- write errors: one rule for every command ------------------------------------------------
# to_closed_pipe cmd...: runs cmd with stdout a pipe whose reader has already exited (no race:
# the reader is waited for first), stderr in $tmp/err; returns cmd's status.
to_closed_pipe() {
    local w rc
    exec {w}> >(exec true)
    wait $!
    "$@" >&$w 2>"$tmp/err"
    rc=$?
    exec {w}>&-
    return $rc
}
# expect_write_error HOW ERRNO-MESSAGE cmd...: cmd's output sent to /dev/full, a closed stdout
# or a closed pipe gives status 1 and "cannot write to standard output: ERRNO-MESSAGE".
expect_write_error() {
    local how=$1 msg=$2 rc; shift 2
    case $how in
    full) "$@" >/dev/full 2>"$tmp/err"; rc=$? ;;
    closed) "$@" >&- 2>"$tmp/err"; rc=$? ;;
    pipe) to_closed_pipe "$@"; rc=$? ;;
    esac
    if [ "$rc" -eq 1 ] && grep -qF "cannot write to standard output: $msg" "$tmp/err"; then
        ok
    else
        bad "$* into $how: exit $rc, want 1 and '$msg': $(head -c 300 "$tmp/err")"
    fi
}
writers=("--help" "--version" "help gen" "gen --help" "gen --list-types" "selftest --list"
    "selftest --isa scalar" "derive --seed 1" "state --seed 1" "state rr1:philox4x32-10:$S42:3"
    "gen --seed 1 --count 3" "gen --seed 1 --count 100000" "raw --seed 1 --bytes 8"
    "raw --seed 1" "numpy --seed 1 --count 3" "numpy --seed 1 --count 100000"
    "jax --seed 1" "jax --seed 1 --output bits32 --count 100000"
    "bench --seconds 0.0001 --bytes 4096")
for w in "${writers[@]}"; do
    read -ra args <<<"$w"
    [ -w /dev/full ] && expect_write_error full "No space left on device" "$B" "${args[@]}"
    expect_write_error closed "Bad file descriptor" "$B" "${args[@]}"
    expect_write_error pipe "Broken pipe" "$B" "${args[@]}"
done
# a closed stdout is never taken by a file the command opens (here the checkpoint)
mkdir "$tmp/closed"
"$B" gen --seed 1 --count 3 --save-state "$tmp/closed/ck" >&- 2>"$tmp/err"
same "closed stdout and --save-state" "$?:$(ls -A "$tmp/closed")" "1:"

# ---- gen --save-state: a checkpoint only describes values really written -------------------
mkdir "$tmp/ck"
echo old >"$tmp/ck/ck"
"$B" gen --seed 1 --count 1000000 --save-state "$tmp/ck/ck" 2>"$tmp/err" | head -c 10 >/dev/null
same "checkpoint after a closed pipe: status, old checkpoint kept, no temporary file" \
    "${PIPESTATUS[0]}:$(cat "$tmp/ck/ck"):$(ls -A "$tmp/ck" | tr '\n' ' ')" "1:old:ck "
if [ -w /dev/full ]; then
    "$B" gen --seed 1 --count 5 --save-state "$tmp/ck/new" >/dev/full 2>"$tmp/err"
    same "checkpoint after a full disk" "$?:$(ls -A "$tmp/ck" | tr '\n' ' ')" "1:ck "
fi
"$B" gen --seed 1 --count 5 --save-state "$tmp/ck/ck" >/dev/null
same "checkpoint replaced" "$(cat "$tmp/ck/ck"):$(ls -A "$tmp/ck" | tr '\n' ' ')" \
    "$("$B" state --seed 1 --position 5):ck "
# an unusable checkpoint path is found before anything is generated
expect_rc 1 "$B" gen --seed 1 --count 5 --save-state "$tmp/no-such-dir/ck"
same "no output before a bad checkpoint path" "$(cat "$tmp/out")" ""
expect_err_has "--save-state '$tmp/no-such-dir/ck'"
expect_rc 1 "$B" gen --seed 1 --count 5 --save-state "$tmp/ck"
same "no output before a directory as checkpoint" "$(cat "$tmp/out")" ""

# ---- numbers: subnormal parameters are valid, overflow names the parameter -----------------
expect_rc 0 "$B" gen --seed 1 --type gamma:5e-324,1 --count 3
same "gamma with a subnormal shape" "$(wc -l <"$tmp/out")" 3
expect_rc 0 "$B" gen --seed 1 --type gaussian:0,1e-310 --count 3
# nonzero and subnormal (awk may not read subnormals: compare the text)
grep -qvE '^-?[1-9]\.[0-9]+e-3(0[89]|1[0-9]|2[0-4])$' "$tmp/out" &&
    bad "gaussian:0,1e-310 values: $(cat "$tmp/out")" || ok
expect_rc 2 "$B" gen --seed 1 --type gamma:1e400,1
expect_err_has "K '1e400'"
expect_rc 2 "$B" gen --seed 1 --type gaussian:0,-1e400
expect_err_has "SD '-1e400'"
expect_rc 2 "$B" gen --seed 1 --type poisson:x
expect_err_has "LAMBDA 'x'"

# ---- selftest --file without records is a usage error ----------------------------------------
: >"$tmp/empty"
printf '# a comment\n\n   \n# another\n' >"$tmp/comments"
printf 'frobnicate 1 2 3\n\001\377 garbage\n' >"$tmp/garbage"
for f in empty comments garbage; do
    expect_rc 2 "$B" selftest --file "$tmp/$f"
    expect_err_has "no records in '$tmp/$f'"
done

# ---- the man page and the tool agree ----------------------------------------------------------
# man_section TITLE: the lines of the man page's .SS/.SH section TITLE, groff's \- as -
man_section() {
    awk -v t="$1" '/^\.S[HS] / {on = (substr($0, 5) == t); next} on' docs/repro-rng.1 | sed 's/\\-/-/g'
}
# Every option the page gives a command (in its section, or in a section "X OPTIONS" that
# its section refers to as "x options") is one the command's --help lists, and back.
man_cmds=$(sed -n 's/^\.SS \([a-z]*\)$/\1/p' docs/repro-rng.1)
[ "$(wc -w <<<"$man_cmds")" -ge 8 ] && ok || bad "man page commands: $man_cmds"
for c in $man_cmds; do
    sec=$(man_section "$c")
    groups=$(sed -n 's/^\.SH \(.*\) OPTIONS$/\1/p' docs/repro-rng.1)
    documented=$(
        grep -o -- '--[a-z][a-z0-9-]*' <<<"$sec"
        for g in $groups; do
            grep -qi "$g options" <<<"$sec" && man_section "$g OPTIONS" | grep -o -- '--[a-z][a-z0-9-]*'
        done
    )
    documented=$(sort -u <<<"$documented" | grep -vx -- --help)
    accepted=$("$B" "$c" --help | grep -o -- '--[a-z][a-z0-9-]*' | sort -u | grep -vx -- --help)
    same "man page options of $c = $c --help" "$documented" "$accepted"
done
# --format hex prints two digits per byte of the binary form; the page gives the widths
widths=
for spec in $("$B" gen --list-types | awk 'NR > 1 {print $1}'); do
    t=$(sed 's/THETA/1/; s/LAMBDA/3/; s/MEAN/0/; s/SD/1/; s/N/10/; s/P/0.5/; s/A/1/; s/B/2/; s/K/2/' <<<"$spec")
    h=$("$B" gen --seed 4 --count 1 --type "$t" --format hex)
    n=$("$B" gen --seed 4 --count 1 --type "$t" --format binary | wc -c)
    same "hex digits of $t" "${#h}" $((2 * n))
    widths+="${#h} "
done
same "hex widths in the man page" \
    "$(sed -n '/^\\fBhex\\fR:/,/^\\fBbinary/p' docs/repro-rng.1 | sed '$d' | grep -ow '[0-9]\+' | awk '$1 <= 64' | sort -nu | tr '\n' ' ')" \
    "$(tr ' ' '\n' <<<"$widths" | sed '/^$/d' | sort -nu | tr '\n' ' ')"
# --count 0 still checks the parameters (a bad parameter is exit status 2)
expect_rc 2 "$B" gen --seed 1 --type gamma:-1,1 --count 0
expect_rc 2 "$B" gen --seed 1 --type binomial:10,2 --count 0
expect_out "" "$B" gen --seed 1 --type gamma:2,1 --count 0

# ---- arguments in messages are escaped and cut -------------------------------------------------
long=$(head -c 130000 /dev/zero | tr '\0' a)
for args in "derive --seed $long" "derive --seed 1 --path $long//x" "gen --seed 1 --save-state $tmp/$long"\
    "gen --seed 1 --type gamma:$long" "selftest --file $tmp/$long" "state rr1:philox4x32-10:$S42:$long"\
    "--$long" "gen --$long"; do
    read -ra a <<<"$args"
    "$B" "${a[@]}" >/dev/null 2>"$tmp/err"
    n=$(wc -c <"$tmp/err")
    if [ "$n" -gt 40 ] && [ "$n" -lt 2000 ] && grep -qF "..." "$tmp/err"; then ok; else
        bad "message for a 130 KB argument (${args:0:30}...): $n bytes: $(head -c 300 "$tmp/err")"
    fi
done
"$B" derive --seed $'1\n2\001\377' >/dev/null 2>"$tmp/err"
same "escaped argument" "$(head -n1 "$tmp/err")" "repro-rng derive: --seed '1\\n2\\x01\\xff': not a decimal integer in 0..2^64-1"
same "one line per message" "$(wc -l <"$tmp/err")" 2
# the caret of `state` points at the byte named, in the escaped excerpt
check_caret() { # check_caret STATE: the caret is under the first byte of the escaped $2
    "$B" state "$1" >/dev/null 2>"$tmp/err"
    local at excerpt caret
    at=$(sed -n 's/.*(at byte \([0-9]*\)).*/\1/p' "$tmp/err")
    excerpt=$(sed -n 2p "$tmp/err") caret=$(sed -n 3p "$tmp/err")
    [ "$(wc -l <"$tmp/err")" -eq 3 ] && [ -n "$at" ] &&
        [ "${caret%^}" != "$caret" ] && [ "${#excerpt}" -lt 200 ] &&
        [ "${excerpt:$((${#caret} - 1)):${#2}}" == "$2" ] && ok ||
        bad "caret of state for ${1:0:40}...: $(head -c 400 "$tmp/err")"
}
check_caret $'rr1:philox4x32-10:\n'"$S42:3" '\n'
check_caret $'rr1:\tphilox4x32-10:'"$S42:3" '\t'
check_caret "rr1:philox4x32-10:$S42:3x$long" 'x'
check_caret "rr1:philox4x32-10:$S42:${long:0:200}" 'a'
check_caret "$long" 'a'

# ---- the quick-start example (README, make demo) checks its own claims --------------------------
expect_rc 0 bash examples/quickstart.sh "$B"
grep -q "serial and parallel results are identical" "$tmp/out" && ok || bad "quickstart output"

echo "CLI tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
