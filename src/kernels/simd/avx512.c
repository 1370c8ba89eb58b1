/* AVX-512 (F, VL, DQ, BW) kernels, compiled with their -m flags and reached only
 * when CPUID and XGETBV say the CPU and OS support them (src/kernels/dispatch.c): see
 * kernels.h. */
#define REPRO_SIMD_BITS 512
#define RS_TABLE repro_isa_avx512
#define RS_ISA_NAME "avx512"
#include "kernels/simd/x86.h"
#include "kernels/simd/kernels.h"
