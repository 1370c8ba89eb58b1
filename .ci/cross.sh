#!/usr/bin/env bash
# CI stage for issue 6 (bit-identity): installs the cross compilers, qemu-user, OpenMP
# and OpenMPI, then runs the x86-64 compiler matrix (each ISA this CPU has), aarch64
# (+NEON), s390x and i686 (x87 and SSE consumers) under qemu, the whole cmocka suite on
# aarch64 (scalar and NEON) under qemu, the C++ header test, the
# OpenMP thread-count and MPI rank-count invariance checks.  The full set (also
# ppc64le, riscv64, armhf) is `make cross-deps cross-check`.
# Prints one line per step and a final "N passed, M failed"; exits non-zero on any
# failure.  BUILD (default /tmp/b-ci-cross) holds everything it builds.
set -u
cd "$(dirname "$0")/.." || exit 1
export DEBIAN_FRONTEND=noninteractive
BUILD=${BUILD:-/tmp/b-ci-cross}
start=$(date +%s)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

pkgs=$(make -s --no-print-directory -f - print-debs <<'MK'
include mk/cross.mk
print-debs: ; @echo $(CROSS_DEBS_CI)
MK
)
if ! dpkg -s $pkgs > /dev/null 2>&1; then
    # A failed index (mirror mid-sync) need not stop the install: it says so itself.
    $sudo apt-get update -qq || true
    $sudo apt-get install -y -qq --no-install-recommends $pkgs > /dev/null ||
        { echo "cross.sh: apt-get install failed"; exit 1; }
fi
# The whole cmocka suite on aarch64 needs Debian's arm64 cmocka.
if ! dpkg -s libcmocka-dev:arm64 > /dev/null 2>&1; then
    $sudo dpkg --add-architecture arm64
    $sudo apt-get update -qq || true
    $sudo apt-get install -y -qq --no-install-recommends libcmocka-dev:arm64 > /dev/null ||
        { echo "cross.sh: apt-get install libcmocka-dev:arm64 failed"; exit 1; }
fi
echo "cross.sh: packages ready after $(( $(date +%s) - start )) s"

pass=0 fail=0 failed=()
step() {
    local name=$1; shift
    local t0
    t0=$(date +%s)
    if "$@" > "$BUILD/ci-$name.log" 2>&1; then
        pass=$((pass + 1))
        echo "PASS $name ($(( $(date +%s) - t0 )) s): $(grep -h 'passed' "$BUILD/ci-$name.log" | tail -n 1)"
    else
        fail=$((fail + 1)); failed+=("$name")
        echo "FAIL $name ($(( $(date +%s) - t0 )) s, log $BUILD/ci-$name.log):"
        tail -n 30 "$BUILD/ci-$name.log" | sed 's/^/    /'
    fi
}
mkdir -p "$BUILD"
step matrix make BUILD="$BUILD" check-matrix
step cross make BUILD="$BUILD" CROSS_TARGETS="aarch64 aarch64-neon aarch64-fastmath s390x i686 i686-sse" cross-check
# Under qemu the statistical tests run at their smaller size (as under valgrind): the
# point here is the same bits; the full-size statistics run natively.
step cmocka-aarch64 env REPRO_TEST_FAST=1 make BUILD="$BUILD" CROSS_CMOCKA_ARCHES=aarch64 cross-check-cmocka
step cxx make BUILD="$BUILD" check-cxx
step openmp make BUILD="$BUILD" check-openmp
step mpi make BUILD="$BUILD" check-mpi
echo "cross.sh: ${pass} passed, ${fail} failed${failed:+ (${failed[*]})} in $(( $(date +%s) - start )) s"
[ "$fail" -eq 0 ]
