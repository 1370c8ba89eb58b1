#!/usr/bin/env bash
# x86 dispatch on CPUs this machine is not: qemu's qemu64 model (SSE2, no AVX)
# must offer scalar and sse2 only and fall back from avx2 with a message; its
# max model (AVX2, no AVX-512) must offer avx2 and pass the SIMD suite with it.
set -eu
dir=$1
q=qemu-x86_64-static
command -v $q >/dev/null || { echo "check-simd-qemu: $q not installed (Debian qemu-user-static)" >&2; exit 1; }
got=$($q -cpu qemu64 "$dir/list_isas" | tr '\n' ' ')
[ "$got" = "scalar sse2 " ] || { echo "qemu64: ISAs '$got', want 'scalar sse2'" >&2; exit 1; }
msg=$(REPRO_RNG_ISA=avx2 $q -cpu qemu64 "$dir/test_simd" --print-isa 2>&1)
case "$msg" in
*"REPRO_RNG_ISA=avx2: not supported by this CPU or build; using sse2"*sse2) ;;
*) echo "qemu64 with REPRO_RNG_ISA=avx2: got '$msg'" >&2; exit 1 ;;
esac
got=$($q -cpu max "$dir/list_isas" | tr '\n' ' ')
case "$got" in *avx2*) ;; *) echo "qemu max: ISAs '$got' lack avx2" >&2; exit 1 ;; esac
case "$got" in *avx512*) echo "qemu max: offers avx512, which qemu cannot run" >&2; exit 1 ;; esac
# REPRO_TEST_EMULATOR: test_simd's REPRO_RNG_ISA checks start it again, under qemu too.
for isa in sse2 avx2; do
    REPRO_TEST_EMULATOR="$q -cpu max" REPRO_RNG_ISA=$isa $q -cpu max "$dir/test_simd" >/dev/null ||
        { echo "test_simd under qemu -cpu max, $isa: failed" >&2; exit 1; }
done
echo "check-simd-qemu: qemu64 -> scalar sse2 (avx2 falls back to sse2); max -> $got"
