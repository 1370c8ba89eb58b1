#!/usr/bin/env bash
# The documentation is in sync with the code:
#  - every REPRO_API function of the public header has an entry in docs/API.md
#    (its name in backticks, `repro_x` or `repro_x(...)`), and API.md names no
#    function the header lacks;
#  - every error code of API.md's table has the header's value;
#  - every subcommand of the CLI (src/cli/commands.def) has a section in the man page.
# Usage: tests/check_docs.sh include/repro_rng.h docs/API.md docs/repro-rng.1 src/cli/commands.def
set -u
header=$1 api=$2 man=$3 commands=$4
pass=0 fail=0
for f in "$header" "$api" "$man" "$commands"; do
    [ -r "$f" ] || { echo "check_docs: cannot read $f" >&2; exit 1; }
done

# Function names, as tests/check_exports.sh reads them (including the fills that
# REPRO_FILLS declares, with their _at forms).
declared=$(sed -n 's/^REPRO_API[^(]*[ *]\(repro_[a-z0-9_]*\)(.*/\1/p' "$header")
fills=$(sed -n '/^#define REPRO_FILLS(X)/,/[^\\]$/s/^ *X(\([a-z0-9_]*\),.*/repro_fill_\1/p' "$header")
declared=$(printf '%s\n' $declared $fills $(sed 's/$/_at/' <<<"$fills") | sort -u)
n_decl=$(wc -l <<<"$declared")
if [ "$n_decl" -lt 50 ]; then
    echo "check_docs: only $n_decl functions parsed from $header" >&2
    exit 1
fi

# verdict LIST MESSAGE: fails with MESSAGE and the names when LIST is not empty
verdict() {
    if [ -n "$1" ]; then
        echo "check_docs: $2:" $1
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
}
documented=$(grep -o '`repro_[a-z0-9_]*[`(]' "$api" | sed 's/^`//; s/[`(]$//' | sort -u)
verdict "$(comm -23 <(echo "$declared") <(echo "$documented"))" \
    "REPRO_API functions not documented in $api"
# names followed by '(' are function references: each must exist
called=$(grep -o '`repro_[a-z0-9_]*(' "$api" | sed 's/^`//; s/($//' | sort -u)
verdict "$(comm -23 <(echo "$called") <(echo "$declared"))" \
    "$api documents functions the header does not declare"

# the error-code table of API.md gives each code the value the header's enum has
# (rows "| `REPRO_ERR_X` | −N |", with a Unicode minus; a range row checks its first code)
table=$(sed -n 's/^| `\(REPRO_ERR_[A-Z_]*\)`[^|]*| −\([0-9]*\).*/\1 = -\2/p' "$api")
enum=$(sed -n 's/^ *\(REPRO_ERR_[A-Z_]*\) = \(-[0-9]*\).*/\1 = \2/p' "$header")
verdict "$( [ "$(wc -l <<<"$table")" -ge 15 ] || echo "(only $(wc -l <<<"$table") rows parsed)")" \
    "error-code table of $api not found"
verdict "$(comm -23 <(sort <<<"$table") <(sort <<<"$enum") | tr ' ' '_')" \
    "error codes in $api that differ from $header"

for c in $(sed -n 's/^CLI_COMMAND(\([a-z0-9_]*\),.*/\1/p' "$commands"); do
    verdict "$(grep -q "^\.SS $c\b" "$man" || echo "$c")" "subcommand without a .SS section in $man"
done

echo "docs: $n_decl public functions, $pass passed, $fail failed"
[ "$fail" -eq 0 ]
