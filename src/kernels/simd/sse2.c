/* SSE2 kernels (every x86-64 CPU): see kernels.h. */
#define REPRO_SIMD_BITS 128
#define RS_TABLE repro_isa_sse2
#define RS_ISA_NAME "sse2"
#define RS_SCALAR_PHILOX64 /* 2x128-bit 64x64 multiplies lose to scalar mulq */
#include "kernels/simd/x86.h"
#include "kernels/simd/kernels.h"
