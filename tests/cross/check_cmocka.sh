#!/usr/bin/env bash
# The whole cmocka suite (make check-c: every tests/test_*.c, once per ISA the target
# offers) cross-built and run under qemu-user, for the Debian architectures that ship
# libcmocka (riscv64 is not one in Debian 12: tests/cross/check_vectors.c covers it).
# Needs `make cross-deps-cmocka` (dpkg --add-architecture, libcmocka-dev:<arch>).
# The binaries are dynamic: qemu gets the target's sysroot (-L) and a library path,
# so that the host's ld.so cache cannot mix glibc builds.
# usage: tests/cross/check_cmocka.sh OUTDIR ARCH...   (ARCH: aarch64 s390x i686 armhf ppc64le)
set -u
out=$1; shift
MAKE=${MAKE:-make}
pass=0 fail=0 failed=()
for arch in "$@"; do
    case $arch in   # triple qemu multiarch-dir
    aarch64) set -- aarch64-linux-gnu aarch64 aarch64-linux-gnu ;;
    s390x)   set -- s390x-linux-gnu s390x s390x-linux-gnu ;;
    i686)    set -- i686-linux-gnu i386 i386-linux-gnu ;;
    armhf)   set -- arm-linux-gnueabihf arm arm-linux-gnueabihf ;;
    ppc64le) set -- powerpc64le-linux-gnu ppc64le powerpc64le-linux-gnu ;;
    *) echo "FAIL $arch (unknown)"; fail=$((fail + 1)); failed+=("$arch"); continue ;;
    esac
    start=$SECONDS
    log="$out/cmocka-$arch.log"
    mkdir -p "$out"
    if $MAKE --no-print-directory -s -j"${JOBS:-2}" CC="$1-gcc" AR="$1-ar" \
            BUILD="$out/cmocka-$arch" check-c \
            CHECK_RUNNER="qemu-$2-static -L /usr/$1 -E LD_LIBRARY_PATH=/usr/$1/lib:/usr/lib/$3" \
            > "$log" 2>&1; then
        pass=$((pass + 1))
        echo "PASS $arch ($((SECONDS - start))s): $(grep -h '^C test programs' "$log")"
    else
        fail=$((fail + 1)); failed+=("$arch")
        echo "FAIL $arch ($((SECONDS - start))s, log $log):"
        tail -n 25 "$log" | sed 's/^/    /'
    fi
done
echo "cross cmocka: ${pass} passed, ${fail} failed${failed:+ (${failed[*]})}"
[ "$fail" -eq 0 ]
