/* AArch64 NEON primitive layer for src/kernels/simd/kernels.h (see x86.h for the
 * meaning of each operation).  Loads and stores go through bytes, so no pointer
 * needs more than its own alignment. */
#ifndef REPRO_SIMD_NEON_H
#define REPRO_SIMD_NEON_H

#include <arm_neon.h>
#include <stdint.h>

typedef uint64x2_t rs_vec;
#define REPRO_SIMD_BITS 128
#define RS_LANES64 2

#define RS_AS_U32(x) vreinterpretq_u32_u64(x)
#define RS_AS_U64(x) vreinterpretq_u64_u32(x)

static inline rs_vec v_loadu(const void *p) { return vreinterpretq_u64_u8(vld1q_u8(p)); }
static inline void v_storeu(void *p, rs_vec x) { vst1q_u8(p, vreinterpretq_u8_u64(x)); }
#define v_set1_64(x) vdupq_n_u64((uint64_t)(x))
#define v_set1_32(x) RS_AS_U64(vdupq_n_u32((uint32_t)(x)))
#define v_add64(a, b) vaddq_u64(a, b)
#define v_add32(a, b) RS_AS_U64(vaddq_u32(RS_AS_U32(a), RS_AS_U32(b)))
#define v_xor(a, b) veorq_u64(a, b)
#define v_and(a, b) vandq_u64(a, b)
#define v_or(a, b) vorrq_u64(a, b)
/* Shifts by a register count: the counts come from tables, which are constants
 * to the optimiser but not constant expressions to the _n_ intrinsics. */
#define v_slli64(a, n) vshlq_u64(a, vdupq_n_s64((int64_t)(n)))
#define v_srli64(a, n) vshlq_u64(a, vdupq_n_s64(-(int64_t)(n)))
#define v_rotl64(a, r) v_or(v_slli64(a, r), v_srli64(a, 64 - (r)))
#define v_rotl32(a, r)                                                                   \
    RS_AS_U64(vorrq_u32(vshlq_u32(RS_AS_U32(a), vdupq_n_s32((int32_t)(r))),              \
                        vshlq_u32(RS_AS_U32(a), vdupq_n_s32(-(int32_t)(32 - (r))))))
#define v_mul32x32(a, b) vmull_u32(vmovn_u64(a), vmovn_u64(b))

static inline rs_vec v_u64_to_unit(rs_vec x)
{
    float64x2_t d = vcvtq_f64_u64(vshrq_n_u64(x, 11)); /* < 2^53: exact */
    return vreinterpretq_u64_f64(vmulq_f64(d, vdupq_n_f64(0x1p-53)));
}

static inline rs_vec v_add_f64(rs_vec a, double c)
{
    return vreinterpretq_u64_f64(vaddq_f64(vreinterpretq_f64_u64(a), vdupq_n_f64(c)));
}

static inline rs_vec v_u32_to_unit(rs_vec y)
{
    float32x4_t f = vcvtq_f32_u32(vshrq_n_u32(RS_AS_U32(y), 8)); /* < 2^24: exact */
    return vreinterpretq_u64_f32(vmulq_f32(f, vdupq_n_f32(0x1p-24f)));
}

/* Whether some 32-bit lane of a is below b's, unsigned. */
static inline int v_any_lt_u32(rs_vec a, rs_vec b)
{
    return vmaxvq_u32(vcltq_u32(RS_AS_U32(a), RS_AS_U32(b))) != 0;
}

/* lo/hi halves of the u64 lanes of c0 then c1. */
static inline void v_split32(rs_vec c0, rs_vec c1, rs_vec *lo, rs_vec *hi)
{
    *lo = RS_AS_U64(vuzp1q_u32(RS_AS_U32(c0), RS_AS_U32(c1)));
    *hi = RS_AS_U64(vuzp2q_u32(RS_AS_U32(c0), RS_AS_U32(c1)));
}

static inline void v_store_2x64(void *out, rs_vec a, rs_vec b)
{
    unsigned char *o = out;
    v_storeu(o, vzip1q_u64(a, b));
    v_storeu(o + 16, vzip2q_u64(a, b));
}

static inline void v_store_4x64(void *out, rs_vec a, rs_vec b, rs_vec c, rs_vec d)
{
    unsigned char *o = out;
    v_storeu(o, vzip1q_u64(a, b));
    v_storeu(o + 16, vzip1q_u64(c, d));
    v_storeu(o + 32, vzip2q_u64(a, b));
    v_storeu(o + 48, vzip2q_u64(c, d));
}

static inline void v_store_4x32(void *out, rs_vec a, rs_vec b, rs_vec c, rs_vec d)
{
    const uint32x4x4_t x = {{RS_AS_U32(a), RS_AS_U32(b), RS_AS_U32(c), RS_AS_U32(d)}};
    vst4q_u32(out, x);
}

#endif
