#!/usr/bin/env bash
# The shared library exports exactly the functions the public header declares with
# REPRO_API: no symbol without the repro_ prefix, no repro_ symbol the header does not
# declare (an internal helper that lost its `static` or its hidden visibility), and no
# declared function missing.
set -eu
lib=$1 header=$2
exported=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sort -u)
bad=$(grep -v '^repro_' <<<"$exported" || true)
if [ -n "$bad" ]; then
    echo "exports: symbols without the repro_ prefix are exported:" >&2
    echo "$bad" >&2
    exit 1
fi
declared=$(sed -n 's/^REPRO_API[^(]*[ *]\(repro_[a-z0-9_]*\)(.*/\1/p' "$header" | sort -u)
# functions declared through the X(name, type, words) entries of REPRO_FILLS
fills=$(sed -n '/^#define REPRO_FILLS(X)/,/[^\\]$/s/^ *X(\([a-z0-9_]*\),.*/repro_fill_\1/p' "$header")
declared=$(printf '%s\n' $declared $fills $(sed 's/$/_at/' <<<"$fills") | sort -u)
missing=$(comm -23 <(echo "$declared") <(echo "$exported"))
extra=$(comm -13 <(echo "$declared") <(echo "$exported"))
if [ -n "$missing" ]; then
    echo "exports: declared in $header but not exported:" >&2
    echo "$missing" >&2
fi
if [ -n "$extra" ]; then
    echo "exports: exported but not declared in $header:" >&2
    echo "$extra" >&2
fi
[ -z "$missing$extra" ] || exit 1
n_decl=$(wc -l <<<"$declared")
[ "$n_decl" -gt 50 ] || { echo "exports: only $n_decl declarations parsed" >&2; exit 1; }
echo "exports: the $n_decl exported repro_ symbols are exactly the declared functions: 1 passed, 0 failed"
