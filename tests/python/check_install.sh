#!/usr/bin/env bash
# `pip install bindings/python` offline, and the installed package finding the
# installed library.  For each interpreter: a fresh venv, `make install-shared
# PREFIX=<venv>`, pip install from a copy of bindings/python (pip and setuptools
# write build files next to the sources), then import from / with no
# REPRO_RNG_LIBRARY: the package must load <venv>/lib/librepro_rng.so.MAJOR.
#   default python3: isolated build (the in-tree backend writes the wheel itself)
#   Debian python3 (with system site packages): --no-build-isolation (setuptools)
# Usage: tests/python/check_install.sh MAKE BUILD DEFAULT_PYTHON DEBIAN_PYTHON
set -eu
make_cmd=$1 build=$2 py_default=$3 py_debian=$4
repo=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
unset REPRO_RNG_LIBRARY PYTHONPATH
fail=0
check() {  # name python venv-options pip-options
    local name=$1 py=$2 venv=$tmp/$1
    "$py" -m venv $3 "$venv"
    $make_cmd -s -C "$repo" BUILD="$build" PREFIX="$venv" install-shared >/dev/null
    cp -r "$repo/bindings/python" "$tmp/src-$name"
    if ! "$venv/bin/python" -m pip install -q $4 "$tmp/src-$name" >"$tmp/$name.log" 2>&1; then
        echo "FAIL $name: pip install $4 failed:"; cat "$tmp/$name.log"; fail=1; return
    fi
    local got
    got=$(cd / && "$venv/bin/python" -c 'import repro_rng, sys
s = repro_rng.Stream(repro_rng.Seed(42))
assert "%08x" % s.u32() == "28b3ffba"
assert "site-packages" in repro_rng.__file__, repro_rng.__file__
print(repro_rng.library_path())') || { echo "FAIL $name: import"; fail=1; return; }
    if [ "$(dirname "$got")" = "$venv/lib" ]; then
        echo "ok   $name: pip install $4 -> loads $got"
    else
        echo "FAIL $name: loaded $got, not the library installed in $venv/lib"; fail=1
    fi
}
check default "$py_default" "" ""
check debian "$py_debian" --system-site-packages --no-build-isolation
[ "$fail" -eq 0 ] && echo "pip install checks: OK" || { echo "pip install checks: FAILED"; exit 1; }
