#!/usr/bin/env bash
# The packager's sequence: build once with the default paths, then `make install` with
# other paths.  Every installed file that names a path (the pkg-config file, the CMake
# package) must name the install's PREFIX, LIBDIR and INCLUDEDIR, never the build's
# defaults, with DESTDIR (staged) and without it (a real install).  Each install is
# then used as a user would: tests/consumer/consumer.c (the contract's worked
# examples) built through pkg-config against the shared library, against the static
# one (fully static, with only what `pkg-config --static` lists), consumer.cpp through
# the installed C++ header, and make uninstall leaves nothing behind.
# Usage: tests/check_install.sh MAKE CC CXX
set -eu
make=${1:-make} cc=${2:-cc} cxx=${3:-c++}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build=$tmp/build
version=$(sed -n 's/^#define REPRO_VERSION_STRING "\(.*\)"/\1/p' include/repro_rng.h)
# The soname's version: major.minor before 1.0, the major after (Makefile's ABI).
abi=$(awk -F. '{print ($1 == 0 ? $1 "." $2 : $1)}' <<<"$version")
pass=0
fail() { echo "install: $*" >&2; echo "install checks: $pass passed, 1 failed"; exit 1; }
ok() { pass=$((pass + 1)); }

# The build knows nothing of where it will be installed.
$make --no-print-directory -s BUILD="$build" >/dev/null

# install_and_use ROOT PREFIX LIBDIR INCLUDEDIR: installs (ROOT is the DESTDIR, "" for
# none), checks what was installed, builds and runs the consumers, uninstalls.
install_and_use() {
    local root=$1 prefix=$2 libdir=$3 incdir=$4
    local vars=(BUILD="$build" PREFIX="$prefix" LIBDIR="$libdir" INCLUDEDIR="$incdir" DESTDIR="$root")
    local lib=$root$libdir inc=$root$incdir out=$tmp/out
    $make --no-print-directory -s "${vars[@]}" install >/dev/null
    for f in librepro_rng.a librepro_rng.so "librepro_rng.so.$abi" "librepro_rng.so.$version" \
             pkgconfig/repro_rng.pc; do
        [ -e "$lib/$f" ] || fail "missing $lib/$f"
    done
    [ -f "$inc/repro_rng.h" ] || fail "missing $inc/repro_rng.h"
    local soname
    soname=$(readelf -d "$lib/librepro_rng.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
    [ "$soname" = "librepro_rng.so.$abi" ] || fail "soname is '$soname', not librepro_rng.so.$abi"

    # The .pc names the install's paths, not the build's defaults (/usr/local).
    local pc=$lib/pkgconfig/repro_rng.pc
    for v in "prefix=$prefix" "libdir=$libdir" "includedir=$incdir"; do
        grep -qxF "$v" "$pc" || fail "$pc lacks '$v':"$'\n'"$(cat "$pc")"
    done
    local stale
    stale=$(grep -rlI /usr/local "${root:-$prefix}" || true)
    [ -z "$stale" ] || fail "installed files name the build's default prefix: $stale"
    ok

    # Through pkg-config as a user's build would; a staged tree is read through
    # PKG_CONFIG_SYSROOT_DIR, as packagers do.
    local cflags libs slibs
    export PKG_CONFIG_PATH=$lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$root
    [ "$(pkg-config --modversion repro_rng)" = "$version" ] || fail "pkg-config version differs from the header"
    read -r cflags < <(pkg-config --cflags repro_rng)
    read -r libs < <(pkg-config --libs repro_rng)
    read -r slibs < <(pkg-config --static --libs repro_rng)
    [ "$cflags" = "-I$inc" ] || fail "pkg-config --cflags gives '$cflags', not -I$inc"
    unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

    rm -rf "$out"; mkdir "$out"
    $cc $cflags tests/consumer/consumer.c $libs -Wl,-rpath,"$lib" -o "$out/shared"
    ldd "$out/shared" | grep -q "librepro_rng.so.$abi => $lib/" || fail "shared consumer not linked to the installed library"
    "$out/shared" >/dev/null || fail "shared consumer failed"
    $cxx -std=c++17 $cflags tests/consumer/consumer.cpp $libs -Wl,-rpath,"$lib" -o "$out/cxx"
    "$out/cxx" >/dev/null || fail "C++ consumer failed"
    ok
    # Fully static: links only if `pkg-config --static` lists all the library needs.
    $cc -static $cflags tests/consumer/consumer.c $slibs -o "$out/static" \
        || fail "static consumer does not link with 'pkg-config --static --libs': $slibs"
    "$out/static" >/dev/null || fail "static consumer failed"
    ok

    $make --no-print-directory -s "${vars[@]}" uninstall >/dev/null
    local left
    left=$(find "${root:-$prefix}" -type f -o -type l)
    [ -z "$left" ] || fail "uninstall left: $left"
    ok
}

# Staged into a DESTDIR under another prefix (what a distribution package does).
install_and_use "$tmp/root" /opt/repro-test /opt/repro-test/lib /opt/repro-test/include
# A real install (no DESTDIR) whose LIBDIR and INCLUDEDIR are not the prefix's defaults.
install_and_use "" "$tmp/inst" "$tmp/inst/lib64" "$tmp/inst/include/repro"

echo "install checks (build once, install twice: paths, pkg-config C, C++ and static consumers, uninstall): $pass passed, 0 failed"
