/* NEON kernels (every AArch64 CPU): see kernels.h. */
#define RS_TABLE repro_isa_neon
#define RS_ISA_NAME "neon"
/* Two-lane 64x64 multiplies from vmull_u32 cannot beat scalar mul + umulh. */
#define RS_SCALAR_PHILOX64
#include "kernels/simd/neon.h"
#include "kernels/simd/kernels.h"
