#!/usr/bin/env bash
# CMake users' two ways to get librepro_rng, each building tests/consumer/ (the
# contract's worked examples in C against the shared and the static target, and the
# C++ interface):
#  1. find_package of `make install` staged in a DESTDIR and used where it lies (the
#     package finds its files relative to itself), for a plain layout and a Debian
#     multiarch one (LIBDIR .../lib/<triplet>, INCLUDEDIR of its own); a request for
#     a newer or another major version is refused, a version range honoured.
#  2. add_subdirectory of this tree (what FetchContent does): the top-level
#     CMakeLists.txt builds the library, warnings as errors.  It must have the
#     Makefile's soname, export and import the same symbols, and pass the golden
#     vectors (tests/cross/check_vectors.c) at the same ISAs as the Makefile's library.
# Usage: tests/check_cmake.sh MAKE BUILD VECTOR_FILE...   (BUILD holds the make build)
set -eu
make=$1 build=$2
shift 2
vectors=("$@")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(sed -n 's/^#define REPRO_VERSION_STRING "\(.*\)"/\1/p' include/repro_rng.h)
major=${version%%.*} minor=${version#*.} minor=${minor%%.*}
abi=$major
[ "$major" != 0 ] || abi=$major.$minor # the soname's version (Makefile's ABI)
pass=0
fail() { echo "cmake: $*" >&2; echo "cmake checks: $pass passed, 1 failed"; exit 1; }
ok() { pass=$((pass + 1)); }

# configure BUILD_DIR ARGS...: configures tests/consumer/; the log is kept for fail.
configure() {
    local dir=$1
    shift
    cmake -S tests/consumer -B "$dir" "$@" >"$dir.log" 2>&1
}
build_and_run() {
    local dir=$1
    cmake --build "$dir" -j 2 >>"$dir.log" 2>&1 || fail "build in $dir failed:"$'\n'"$(tail -n 30 "$dir.log")"
    for exe in consumer consumer_static consumer_cxx; do
        "$dir/$exe" >/dev/null || fail "$dir/$exe failed"
    done
    ! ldd "$dir/consumer_static" | grep -q librepro_rng || fail "consumer_static uses the shared library"
}

# ---- 1. find_package of staged installs --------------------------------------------
# find_package_layout NAME PREFIX LIBDIR INCLUDEDIR
find_package_layout() {
    local name=$1 prefix=$2 libdir=$3 incdir=$4 root=$tmp/$1
    $make --no-print-directory -s BUILD="$build" PREFIX="$prefix" LIBDIR="$libdir" \
        INCLUDEDIR="$incdir" DESTDIR="$root" install >/dev/null
    local dir=$tmp/$name-build
    configure "$dir" -DCMAKE_PREFIX_PATH="$root$prefix" \
        || fail "find_package failed ($name):"$'\n'"$(tail -n 30 "$dir.log")"
    grep -q "repro_rng $version from $root$libdir/cmake/repro_rng" "$dir.log" \
        || fail "find_package did not take the staged package ($name):"$'\n'"$(grep repro_rng "$dir.log")"
    build_and_run "$dir"
    ldd "$dir/consumer" | grep -q "librepro_rng.so.$abi => $root$libdir/" \
        || fail "consumer not linked to $root$libdir ($name)"
    ok
}
find_package_layout plain /opt/repro-cmake /opt/repro-cmake/lib /opt/repro-cmake/include
triplet=$(${CC:-cc} -dumpmachine)
find_package_layout multiarch /usr "/usr/lib/$triplet" /usr/include/repro_rng

# Version requests against the installed $version: the same ABI (as the soname:
# major.minor before 1.0, major after) and not newer; a range as it says.
requests=0
want_version() { # REQUEST yes|no
    local dir=$tmp/version-$((requests += 1))
    if configure "$dir" -DCMAKE_PREFIX_PATH="$tmp/plain/opt/repro-cmake" -DREPRO_RNG_FIND_VERSION="$1"; then
        [ "$2" = yes ] || fail "find_package(repro_rng $1) accepted $version"
    else
        [ "$2" = no ] || fail "find_package(repro_rng $1) refused $version:"$'\n'"$(tail -n 20 "$dir.log")"
        grep -q "compatible with requested version" "$dir.log" \
            || fail "find_package(repro_rng $1) failed, not for the version:"$'\n'"$(tail -n 20 "$dir.log")"
    fi
}
want_version "$version" yes
want_version "$major.$minor" yes
want_version "$major.$((minor + 1))" no
want_version "$((major + 1)).0" no
if [ "$major" = 0 ] && [ "$minor" -gt 0 ]; then
    want_version "0.$((minor - 1))" no # another 0.x ABI
fi
want_version "$major.$minor...<$((major + 1)).0" yes
want_version "$major.$((minor + 1))...$((major + 2)).0" no
ok

# ---- 2. add_subdirectory of the tree --------------------------------------------------
dir=$tmp/subdir-build
configure "$dir" -DREPRO_RNG_SOURCE_DIR="$PWD" -DREPRO_RNG_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    || fail "configure with add_subdirectory failed:"$'\n'"$(tail -n 30 "$dir.log")"
build_and_run "$dir"
ok

cm=$dir/repro_rng/librepro_rng.so.$version mk=$build/lib/librepro_rng.so.$version
[ -f "$cm" ] || fail "the CMake build has no $cm"
soname() { readelf -d "$1" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p'; }
[ "$(soname "$cm")" = "$(soname "$mk")" ] || fail "sonames differ: $(soname "$cm") vs $(soname "$mk")"
symbols() { nm -D "$2" "$1" | awk '{print $NF}' | sed 's/@.*//' | sort -u; }
diff <(symbols "$mk" --defined-only) <(symbols "$cm" --defined-only) >"$tmp/exports.diff" \
    || fail "exported symbols differ (< make, > cmake):"$'\n'"$(cat "$tmp/exports.diff")"
diff <(symbols "$mk" --undefined-only) <(symbols "$cm" --undefined-only) >"$tmp/imports.diff" \
    || fail "imported symbols differ (< make, > cmake):"$'\n'"$(cat "$tmp/imports.diff")"
ok

# The golden vectors through the CMake-built shared library, at every ISA it has,
# which must be those of the Makefile's library.
${CC:-cc} -std=c11 -O2 -Iinclude -Isrc tests/cross/check_vectors.c src/vectors/*.c "$mk" \
    -o "$tmp/check_vectors_make"
LD_LIBRARY_PATH=$build/lib "$tmp/check_vectors_make" "${vectors[@]}" >"$tmp/make.out" 2>&1 \
    || fail "golden vectors fail with the Makefile's library:"$'\n'"$(tail -n 5 "$tmp/make.out")"
"$dir/check_vectors" "${vectors[@]}" >"$tmp/cmake.out" 2>&1 \
    || fail "golden vectors fail with the CMake-built library:"$'\n'"$(tail -n 20 "$tmp/cmake.out")"
isas() { grep '^check_vectors: ISA' "$1" | awk '{print $3}'; }
[ "$(isas "$tmp/cmake.out")" = "$(isas "$tmp/make.out")" ] \
    || fail "ISAs differ: CMake build $(isas "$tmp/cmake.out" | tr '\n' ' '), make $(isas "$tmp/make.out" | tr '\n' ' ')"
ok
echo "cmake checks (find_package of staged installs x2, version requests, add_subdirectory build, same symbols, golden vectors at ISAs $(isas "$tmp/cmake.out" | tr '\n' ' ')): $pass passed, 0 failed"
