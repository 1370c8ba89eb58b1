#!/usr/bin/env bash
# One scripted AVX-512 check with a one-line verdict, for a machine whose CPU has
# AVX-512 F/VL/DQ/BW (of the development machines, the AMD Zen 4 ones have it and
# the Zen 3 ones do not: /proc/cpuinfo says which; without it the verdict is FAIL).
# `make check` already runs every test at each ISA the CPU has; this script is the
# short form for one machine: it builds the library and the SIMD tests in a scratch
# directory, runs test_simd with REPRO_RNG_ISA=avx512 (it compares every table the
# CPU runs, avx512 included, with the scalar reference byte for byte) and prints one
# verdict line.  Exit status 0 = PASS.
# Usage: tools/avx512_check.sh [build-dir]   (needs cc and make; cmocka optional)
set -u
cd "$(dirname "$0")/.."
build=${1:-/tmp/repro-avx512-check}
log=$build/avx512_check.log
mkdir -p "$build"
verdict() { echo "avx512_check: $1"; [ "$1" != "${1#PASS}" ]; exit $?; }
grep -qw avx512f /proc/cpuinfo 2>/dev/null || verdict "FAIL: this CPU has no avx512f"
make -s -j"$(nproc)" BUILD="$build" static "$build/tests/list_isas" >"$log" 2>&1 ||
    verdict "FAIL: library build failed (see $log)"
# cmocka if installed, else the repository's stand-in for the macros test_simd uses
shim=-Itools/cmocka_shim cmocka=
if printf '#include <stdarg.h>\n#include <stddef.h>\n#include <stdint.h>\n#include <setjmp.h>\n#include <cmocka.h>\nint main(void){return 0;}\n' |
    ${CC:-cc} -x c - -lcmocka -o /dev/null 2>/dev/null; then shim= cmocka=-lcmocka; fi
${CC:-cc} -std=c11 -O2 -ffp-contract=off -Iinclude -Isrc -Itests $shim tests/test_simd.c \
    "$build/lib/librepro_rng.a" $cmocka -lm -lpthread -o "$build/tests/test_simd" >>"$log" 2>&1 ||
    verdict "FAIL: test build failed (see $log)"
"$build/tests/list_isas" | grep -qx avx512 ||
    verdict "FAIL: dispatch does not offer avx512 (CPUID/XGETBV: $(grep -o 'avx512[a-z]*' /proc/cpuinfo | sort -u | tr '\n' ' '))"
isa=$(REPRO_RNG_ISA=avx512 "$build/tests/test_simd" --print-isa 2>&1)
[ "$isa" = avx512 ] || verdict "FAIL: REPRO_RNG_ISA=avx512 selected '$isa'"
if REPRO_RNG_ISA=avx512 "$build/tests/test_simd" >>"$log" 2>&1; then
    verdict "PASS: avx512 kernels and conversions bit-identical to scalar (all lengths, starts, carry, wrap, misaligned, guards)"
else
    verdict "FAIL: test_simd with avx512 failed, rc=$? (see $log)"
fi
