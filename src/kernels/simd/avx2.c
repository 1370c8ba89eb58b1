/* AVX2 kernels, compiled with -mavx2 and reached only when CPUID and XGETBV say the
 * CPU and OS support AVX2 (src/kernels/dispatch.c): see kernels.h. */
#define REPRO_SIMD_BITS 256
#define RS_TABLE repro_isa_avx2
#define RS_ISA_NAME "avx2"
#include "kernels/simd/x86.h"
#include "kernels/simd/kernels.h"
