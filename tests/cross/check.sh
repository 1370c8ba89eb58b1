#!/usr/bin/env bash
# Builds the library and the golden-vector checker for each named target and runs the
# checker over the vector files, natively or under qemu-user.  Prints one PASS/FAIL
# line per target and a final "N passed, M failed"; exits non-zero on any failure.
#
# usage: tests/cross/check.sh OUTDIR TARGET... -- VECTORFILE...
# Run from the repository root (mk/cross.mk does).  MAKE, VERBOSE=1 are honoured.
#
# A target fixes: the compiler and archiver (the library is built by a plain
# `make CC=... AR=...`, as a packager would), the library's CFLAGS, the consumer's
# flags for the checker (deliberately WITHOUT -ffp-contract=off: a consumer's own
# defaults, x87, -ffast-math must not change our bits) and how to run it.
set -u
out=$1; shift
targets=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do targets+=("$1"); shift; done
shift || true
vectors=("$@")
MAKE=${MAKE:-make}
[ ${#vectors[@]} -gt 0 ] || { echo "check.sh: no vector files" >&2; exit 2; }

warn="-std=c11 -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror"

# A whole Monte Carlo run (examples/openmp_walk.c, 3 threads, dynamic schedule) on
# each cross target must print what the host's serial build prints.  Its own
# arithmetic is built with -ffp-contract=off (and SSE on i686), as its header says.
walk_args=(400 300 7)
walk_ref="$out/walk-ref.txt"
rm -f "$walk_ref"

# The host's serial (no OpenMP) build of the walk, linked with the host library.
make_walk_ref() {
    local d="$out/lib-host"
    $MAKE --no-print-directory -s -j"${JOBS:-2}" BUILD="$d" static &&
    gcc $warn -O2 -ffp-contract=off -Wno-unknown-pragmas -Iinclude examples/openmp_walk.c \
        "$d/lib/librepro_rng.a" -o "$out/walk-serial" &&
    "$out/walk-serial" "${walk_args[@]}" > "$walk_ref" 2>/dev/null
}

# Builds the walk for target $1 (uses cc, triple, libdir, runner of the loop).
walk_check() {
    local sse=""
    [ "$triple" = i686-linux-gnu ] && sse="-msse2 -mfpmath=sse"
    { [ -s "$walk_ref" ] || make_walk_ref; } &&
    echo "== $1: examples/openmp_walk.c, 3 threads, against the host's serial run" &&
    $cc $warn -O2 -ffp-contract=off $sse -fopenmp -static -Iinclude \
        examples/openmp_walk.c "$libdir/lib/librepro_rng.a" -o "$out/$1/walk" &&
    OMP_NUM_THREADS=3 OMP_SCHEDULE=dynamic $runner "$out/$1/walk" "${walk_args[@]}" \
        > "$out/$1/walk.txt" 2> "$out/$1/walk.err" &&
    grep -q "^openmp_walk: 3 threads$" "$out/$1/walk.err" &&
    cmp "$walk_ref" "$out/$1/walk.txt" && echo "walk: identical to the host's serial run"
}

# The cross-built CLI (dynamic: qemu gets the target's sysroot and library path, or
# the host's ld.so cache mixes in a multiarch glibc of the target) must write the stream's
# words little-endian whatever the host order: contract section 5's first four words
# of philox4x32-10, seed 42 (28b3ffba c8b61e27 a26e04a6 3aaaf4ed).
cli_check() {
    local got
    got=$($runner -L "/usr/$triple" -E LD_LIBRARY_PATH="/usr/$triple/lib" "$libdir/bin/repro-rng" raw --seed 42 --bytes 16 |
          od -An -tx1 | tr -d ' \n')
    echo "== $1: repro-rng raw --seed 42 --bytes 16: $got"
    [ "$got" = baffb328271eb6c8a6046ea2edf4aa3a ]
}

# target -> "triple|library CFLAGS|consumer flags|runner|checker args|env"
spec() {
    local neon_req=""
    [ -f src/kernels/simd/neon.c ] && neon_req="--require-isa neon"
    case $1 in
    aarch64)      echo "aarch64-linux-gnu|-O2|-O2|qemu-aarch64-static|$neon_req|" ;;
    aarch64-neon) echo "aarch64-linux-gnu|-O2|-O2|qemu-aarch64-static|$neon_req|REPRO_RNG_ISA=neon" ;;
    # -ffast-math links crtfastmath, which sets flush-to-zero (FPCR.FZ) at startup.
    aarch64-fastmath) echo "aarch64-linux-gnu|-O2|-O2 -ffast-math|qemu-aarch64-static||" ;;
    s390x)        echo "s390x-linux-gnu|-O2|-O2|qemu-s390x-static||" ;;
    ppc64le)      echo "powerpc64le-linux-gnu|-O2|-O2|qemu-ppc64le-static||" ;;
    riscv64)      echo "riscv64-linux-gnu|-O2|-O2|qemu-riscv64-static||" ;;
    armhf)        echo "arm-linux-gnueabihf|-O2|-O2|qemu-arm-static||" ;;
    # i686: the library always uses SSE2 (Makefile); the consumer here keeps gcc's
    # x87 default, the next one uses SSE like the library.
    i686)         echo "i686-linux-gnu|-O2|-O2|qemu-i386-static||" ;;
    i686-sse)     echo "i686-linux-gnu|-O2|-O2 -msse2 -mfpmath=sse|qemu-i386-static||" ;;
    # clang cross-compiles with the gcc cross sysroot and binutils it finds itself.
    clang-aarch64) echo "clang-aarch64-linux-gnu|-O2|-O2|qemu-aarch64-static|$neon_req|" ;;
    clang-s390x)  echo "clang-s390x-linux-gnu|-O2|-O2|qemu-s390x-static||" ;;
    gcc-O0)       echo "gcc|-O0|-O0|||" ;;
    gcc-O2)       echo "gcc|-O2|-O2|||" ;;
    gcc-native)   echo "gcc|-O3 -march=native|-O3 -march=native|||" ;;
    clang-O0)     echo "clang|-O0|-O0|||" ;;
    clang-O2)     echo "clang|-O2|-O2|||" ;;
    clang-native) echo "clang|-O3 -march=native|-O3 -march=native|||" ;;
    # Consumers with fast-math: the header's inline draws (exact arithmetic only) must
    # give the library's bits built with these flags, and the FTZ/DAZ bits that
    # crtfastmath sets in MXCSR at startup (linking with -ffast-math or -Ofast does
    # that) must not change the library's results.
    fastmath-gcc)   echo "gcc|-O2|-O3 -march=native -ffast-math|||" ;;
    fastmath-clang) echo "clang|-O2|-Ofast -march=native|||" ;;
    # A CPU without SSE4/AVX2: dispatch must fall back and give the same bits.
    qemu64)       echo "gcc|-O2|-O2|qemu-x86_64-static -cpu qemu64||" ;;
    *) return 1 ;;
    esac
}

pass=0 fail=0 failed=()
for t in "${targets[@]}"; do
    if ! IFS='|' read -r triple libflags conflags runner args env < <(spec "$t"); then
        echo "FAIL $t (unknown target)"; fail=$((fail + 1)); failed+=("$t"); continue
    fi
    case $triple in
    gcc|clang) cc=$triple ar=ar ;;
    clang-*) cc="clang --target=${triple#clang-}" ar=${triple#clang-}-ar ;;
    *) cc=$triple-gcc ar=$triple-ar ;;
    esac
    # gcc cross targets: the plain default goal (library, CLI: what a packager builds)
    # and the checks of the CLI and the OpenMP walk; elsewhere the library only.
    cross_gcc="" goal=lib
    [ "${cc%-gcc}" != "$cc" ] && cross_gcc=1 goal=""
    libdir="$out/lib-$triple-$(echo "$libflags" | tr -c 'A-Za-z0-9\n' '_')"
    bin="$out/$t/check_vectors"
    log="$out/$t.log"
    mkdir -p "$out/$t"
    start=$SECONDS
    {
        echo "== $t: $MAKE CC=$cc AR=$ar CFLAGS='$libflags' BUILD=$libdir $goal"
        $MAKE --no-print-directory -s -j"${JOBS:-2}" CC="$cc" AR="$ar" CFLAGS="$libflags" BUILD="$libdir" $goal &&
        echo "== $t: checker: $cc $conflags -static" &&
        $cc $warn $conflags -static -Iinclude -Isrc tests/cross/check_vectors.c \
            src/vectors/*.c "$libdir/lib/librepro_rng.a" -o "$bin" &&
        echo "== $t: run: ${env:+$env }$runner $bin $args" &&
        env $env $runner "$bin" $args "${vectors[@]}" &&
        { [ -z "$cross_gcc" ] || { cli_check "$t" && walk_check "$t"; }; }
    } > "$log" 2>&1
    rc=$?
    secs=$((SECONDS - start))
    summary=$(grep -h '^check_vectors: \(PASS\|FAIL\)' "$log" | tail -n 1)
    grep -q '^walk: identical' "$log" && summary+=", CLI raw ok, 3-thread walk identical to the host"
    if [ $rc -eq 0 ]; then
        pass=$((pass + 1))
        echo "PASS $t (${secs}s) ${summary#check_vectors: PASS }"
        [ "${VERBOSE:-0}" = 1 ] && cat "$log"
    else
        fail=$((fail + 1)); failed+=("$t")
        echo "FAIL $t (${secs}s, log $log):"
        tail -n 25 "$log" | sed 's/^/    /'
    fi
done
echo "cross: ${pass} passed, ${fail} failed${failed:+ (${failed[*]})}"
[ "$fail" -eq 0 ]
