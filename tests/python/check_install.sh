#!/usr/bin/env bash
# `pip install bindings/python` offline into fresh venvs, each package then imported
# from / (outside the source tree) with no REPRO_RNG_LIBRARY:
#   bundled-default  default python3, isolated build: the backend compiles the C
#                    library and bundles it; no `make install`, so the package must
#                    load its own copy (site-packages/repro_rng/librepro_rng.so.ABI)
#   bundled-debian   Debian python3 (--system-site-packages: its setuptools and wheel),
#                    --no-build-isolation: the same
#   system-debian    --config-settings bundle=0 (the pure wheel) with `make
#                    install-shared PREFIX=<venv>`: it must load <venv>/lib's library
# pip builds in the source tree; the backend writes nothing there (its C build goes
# to a temporary folder), which the end checks.
# Usage: tests/python/check_install.sh MAKE BUILD DEFAULT_PYTHON DEBIAN_PYTHON
set -eu
make_cmd=$1 build=$2 py_default=$3 py_debian=$4
repo=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 \
       PYTHONDONTWRITEBYTECODE=1
unset REPRO_RNG_LIBRARY PYTHONPATH REPRO_RNG_BUNDLE
# What a build could leave in the sources: setuptools' folders, a compiled library.
leftovers() {
    (cd "$repo/bindings/python" && find . -name build -o -name '*.egg-info' \
        -o -name 'librepro_rng*' | sort)
}
before=$(leftovers)
fail=0
check() {  # name python venv-options pip-options bundled|system
    local name=$1 py=$2 venv=$tmp/$1
    "$py" -m venv $3 "$venv"
    if [ "$5" = system ]; then
        $make_cmd -s -C "$repo" BUILD="$build" PREFIX="$venv" install-shared >/dev/null
    fi
    if ! "$venv/bin/python" -m pip install -q $4 "$repo/bindings/python" \
            >"$tmp/$name.log" 2>&1; then
        echo "FAIL $name: pip install $4 failed:"; cat "$tmp/$name.log"; fail=1; return
    fi
    local got want
    got=$(cd / && "$venv/bin/python" -c 'import os, repro_rng
s = repro_rng.Stream(repro_rng.Seed(42))
assert "%08x" % s.u32() == "28b3ffba"
p = repro_rng.Permutation(7, 100)
assert list(p[0:3]) == [p.at(0), p.at(1), p.at(2)]
assert "site-packages" in repro_rng.__file__, repro_rng.__file__
print(os.path.dirname(repro_rng.__file__), repro_rng.library_path())') \
        || { echo "FAIL $name: import"; fail=1; return; }
    if [ "$5" = bundled ]; then want=${got%% *}; else want=$venv/lib; fi
    got=${got#* }
    if [ "$(dirname "$got")" = "$want" ]; then
        echo "ok   $name: pip install $4 -> loads $got"
    else
        echo "FAIL $name: loaded $got, not the library in $want"; fail=1
    fi
}
check bundled-default "$py_default" "" "" bundled
check bundled-debian "$py_debian" --system-site-packages --no-build-isolation bundled
check system-debian "$py_debian" --system-site-packages \
    "--no-build-isolation --config-settings bundle=0" system
if [ "$(leftovers)" != "$before" ]; then
    echo "FAIL: pip install left files in bindings/python:"
    diff <(echo "$before") <(leftovers) || true
    fail=1
fi
[ "$fail" -eq 0 ] && echo "pip install checks: OK" || { echo "pip install checks: FAILED"; exit 1; }
