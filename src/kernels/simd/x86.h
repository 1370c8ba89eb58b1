/* x86 primitive layer for src/kernels/simd/kernels.h, one definition for SSE2, AVX2 and
 * AVX-512: the intrinsic names are built from the width's prefix (_mm_, _mm256_,
 * _mm512_), and only what differs between the widths is spelled out below.  The
 * includer defines REPRO_SIMD_BITS (128, 256 or 512) and compiles with the
 * matching target flags (Makefile: SIMD_FLAGS_<isa>). */
#ifndef REPRO_SIMD_X86_H
#define REPRO_SIMD_X86_H

#include <immintrin.h>
#include <stdint.h>

#define RS_CAT_(a, b) a##b
#define RS_CAT(a, b) RS_CAT_(a, b)

#if REPRO_SIMD_BITS == 128
typedef __m128i rs_vec;
typedef __m128d rs_vec_f64;
#define RS_INTRIN_PREFIX _mm_
#define RS_INTRIN_INT si128
#define v_set1_64(x) _mm_set1_epi64x((long long)(x))
#elif REPRO_SIMD_BITS == 256
typedef __m256i rs_vec;
typedef __m256d rs_vec_f64;
#define RS_INTRIN_PREFIX _mm256_
#define RS_INTRIN_INT si256
#define v_set1_64(x) _mm256_set1_epi64x((long long)(x))
#elif REPRO_SIMD_BITS == 512
typedef __m512i rs_vec;
typedef __m512d rs_vec_f64;
#define RS_INTRIN_PREFIX _mm512_
#define RS_INTRIN_INT si512
#define v_set1_64(x) _mm512_set1_epi64((long long)(x))
#else
#error "REPRO_SIMD_BITS must be 128, 256 or 512"
#endif

#define RS_OP(op) RS_CAT(RS_INTRIN_PREFIX, op)
#define RS_LANES64 (REPRO_SIMD_BITS / 64) /* 64-bit lanes per register */

#define v_loadu(p) RS_OP(RS_CAT(loadu_, RS_INTRIN_INT))((const rs_vec *)(const void *)(p))
#define v_storeu(p, x) RS_OP(RS_CAT(storeu_, RS_INTRIN_INT))((rs_vec *)(void *)(p), x)
#define v_set1_32(x) RS_OP(set1_epi32)((int)(x))
#define v_add64(a, b) RS_OP(add_epi64)(a, b)
#define v_add32(a, b) RS_OP(add_epi32)(a, b)
#define v_xor(a, b) RS_OP(RS_CAT(xor_, RS_INTRIN_INT))(a, b)
#define v_and(a, b) RS_OP(RS_CAT(and_, RS_INTRIN_INT))(a, b)
#define v_or(a, b) RS_OP(RS_CAT(or_, RS_INTRIN_INT))(a, b)
#define v_slli64(a, n) RS_OP(slli_epi64)(a, n)
#define v_srli64(a, n) RS_OP(srli_epi64)(a, n)
/* Low 32 bits of each 64-bit lane times low 32 bits: the full 64-bit product. */
#define v_mul32x32(a, b) RS_OP(mul_epu32)(a, b)
#define RS_UNPACKLO32(a, b) RS_OP(unpacklo_epi32)(a, b)
#define RS_UNPACKHI32(a, b) RS_OP(unpackhi_epi32)(a, b)
#define RS_UNPACKLO64(a, b) RS_OP(unpacklo_epi64)(a, b)
#define RS_UNPACKHI64(a, b) RS_OP(unpackhi_epi64)(a, b)
#define RS_AS_PD(x) RS_OP(RS_CAT(RS_CAT(cast, RS_INTRIN_INT), _pd))(x)
#define RS_FROM_PD(x) RS_OP(RS_CAT(castpd_, RS_INTRIN_INT))(x)
#define RS_AS_PS(x) RS_OP(RS_CAT(RS_CAT(cast, RS_INTRIN_INT), _ps))(x)
#define RS_FROM_PS(x) RS_OP(RS_CAT(castps_, RS_INTRIN_INT))(x)

/* RS_SWAP_MID32: in each 128-bit granule, 32-bit words (0 1 2 3) -> (0 2 1 3). */
#if REPRO_SIMD_BITS == 512
/* AVX-512F rotates in one instruction. */
#define v_rotl64(a, r) _mm512_rolv_epi64(a, _mm512_set1_epi64((long long)(r)))
#define v_rotl32(a, r) _mm512_rolv_epi32(a, _mm512_set1_epi32((int)(r)))
#define RS_SWAP_MID32(a) _mm512_shuffle_epi32(a, (_MM_PERM_ENUM)0xD8)
#else
/* A rotation by 32 is one dword shuffle and, with AVX2, one by whole bytes is one
 * byte shuffle, instead of two shifts and an OR.  r is a constant once inlined,
 * so one branch remains. */
static inline __attribute__((always_inline)) rs_vec v_rotl64(rs_vec a, unsigned r)
{
    if (r == 32)
        return RS_OP(shuffle_epi32)(a, 0xB1);
#if REPRO_SIMD_BITS == 256
    if (r % 8 == 0) {
        /* byte i of each lane takes byte (i - r/8) mod 8: the identity rotated */
        const uint64_t id = UINT64_C(0x0706050403020100);
        long long lo = (long long)(id << (r & 63) | id >> ((64 - r) & 63));
        long long hi = lo + 0x0808080808080808;
        return _mm256_shuffle_epi8(a, _mm256_set_epi64x(hi, lo, hi, lo));
    }
#endif
    return v_or(v_slli64(a, (int)r), v_srli64(a, (int)(64 - r)));
}
#define v_rotl32(a, r) v_or(RS_OP(slli_epi32)(a, (int)(r)), RS_OP(srli_epi32)(a, (int)(32 - (r))))
#define RS_SWAP_MID32(a) RS_OP(shuffle_epi32)(a, 0xD8)
#endif

/* Bits of (x >> 11) * 2^-53 for each u64 lane, exactly. */
static inline rs_vec v_u64_to_unit(rs_vec x)
{
#if REPRO_SIMD_BITS == 512
    /* AVX-512DQ converts 64-bit integers; x >> 11 < 2^53 converts exactly. */
    __m512d d = _mm512_cvtepi64_pd(_mm512_srli_epi64(x, 11));
    return _mm512_castpd_si512(_mm512_mul_pd(d, _mm512_set1_pd(0x1p-53)));
#else
    /* No u64 -> double before AVX-512: (x >> 12) * 2^-52 as a mantissa below the
     * exponent of 1.0, minus 1.0; plus bit 11 as 0 or 2^-53 (the bit ORed into the
     * exponent of 2^-53, minus 2^-53).  Every step and the sum are exact. */
    const rs_vec one = v_set1_64(UINT64_C(0x3FF0000000000000));
    const rs_vec e53 = v_set1_64(UINT64_C(0x3CA0000000000000)); /* 2^-53 */
    rs_vec hi = v_or(v_srli64(x, 12), one);
    rs_vec b11 = v_or(v_slli64(v_and(x, v_set1_64(0x800)), 41), e53);
    rs_vec_f64 dh = RS_OP(sub_pd)(RS_AS_PD(hi), RS_OP(set1_pd)(1.0));
    rs_vec_f64 dl = RS_OP(sub_pd)(RS_AS_PD(b11), RS_OP(set1_pd)(0x1p-53));
    return RS_FROM_PD(RS_OP(add_pd)(dh, dl));
#endif
}

/* Whether some 32-bit lane of a is below b's, unsigned (SSE2 and AVX2 compare signed:
 * flipping both sign bits orders them as unsigned). */
#if REPRO_SIMD_BITS == 512
#define v_any_lt_u32(a, b) (_mm512_cmplt_epu32_mask(a, b) != 0)
#else
static inline int v_any_lt_u32(rs_vec a, rs_vec b)
{
    const rs_vec sign = v_set1_32(0x80000000u);
    return RS_OP(movemask_ps)(RS_AS_PS(RS_OP(cmpgt_epi32)(v_xor(b, sign), v_xor(a, sign)))) != 0;
}
#endif

/* For src/math/math_vec.h: RV_MASK_BITS(m), bit l set where 64-bit lane l of the
 * mask m is all ones; RV_COMPRESS(x, bits), the 64-bit lanes of x whose bit is set,
 * packed in order into the low lanes (the other lanes undefined).  SSE2 (two lanes)
 * uses math_vec.h's portable branch-free loop. */
#if REPRO_SIMD_BITS == 512
#define RV_MASK_BITS(m) ((unsigned)_mm512_movepi64_mask((__m512i)(m)))
#define RV_COMPRESS(x, bits) _mm512_maskz_compress_epi64((__mmask8)(bits), (__m512i)(x))
#else
#define RV_MASK_BITS(m) ((unsigned)RS_OP(movemask_pd)((rs_vec_f64)(m)))
#endif
#if REPRO_SIMD_BITS == 256
/* Row b: the 32-bit lane indices that gather the 64-bit lanes set in b. */
static const int32_t rs_compress_idx[16][8] = {
    {0, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 0, 0, 0, 0, 0, 0},
    {2, 3, 0, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 0, 0, 0, 0},
    {4, 5, 0, 0, 0, 0, 0, 0}, {0, 1, 4, 5, 0, 0, 0, 0},
    {2, 3, 4, 5, 0, 0, 0, 0}, {0, 1, 2, 3, 4, 5, 0, 0},
    {6, 7, 0, 0, 0, 0, 0, 0}, {0, 1, 6, 7, 0, 0, 0, 0},
    {2, 3, 6, 7, 0, 0, 0, 0}, {0, 1, 2, 3, 6, 7, 0, 0},
    {4, 5, 6, 7, 0, 0, 0, 0}, {0, 1, 4, 5, 6, 7, 0, 0},
    {2, 3, 4, 5, 6, 7, 0, 0}, {0, 1, 2, 3, 4, 5, 6, 7},
};
#define RV_COMPRESS(x, bits)                                                             \
    _mm256_permutevar8x32_epi32((__m256i)(x),                                            \
                                _mm256_loadu_si256((const __m256i *)(const void *)rs_compress_idx[bits]))
#endif

/* Bits of a + c for each double lane (a given as bits). */
static inline rs_vec v_add_f64(rs_vec a, double c)
{
    return RS_FROM_PD(RS_OP(add_pd)(RS_AS_PD(a), RS_OP(set1_pd)(c)));
}

/* Bits of (y >> 8) * 2^-24 for each u32 lane (y >> 8 < 2^24 converts exactly). */
static inline rs_vec v_u32_to_unit(rs_vec y)
{
    return RS_FROM_PS(RS_OP(mul_ps)(RS_OP(cvtepi32_ps)(RS_OP(srli_epi32)(y, 8)),
                                    RS_OP(set1_ps)(0x1p-24f)));
}

/* lo/hi 32-bit halves of the u64 lanes of c0 and c1, each packed into one
 * register in 128-bit granules: granule g of lo is (lo c0.g, lo c1.g). */
static inline void v_split32(rs_vec c0, rs_vec c1, rs_vec *lo, rs_vec *hi)
{
    rs_vec t0 = RS_SWAP_MID32(c0), t1 = RS_SWAP_MID32(c1); /* (l0 l1 h0 h1) per granule */
    *lo = RS_UNPACKLO64(t0, t1);
    *hi = RS_UNPACKHI64(t0, t1);
}

/* Stores k registers (k = 2 or 4) granule-major: out = r0.g0 r1.g0 .. r(k-1).g0
 * r0.g1 ..., where gj is the j-th 128-bit granule.  out needs no alignment. */
static inline void rs_store_granules(void *out, const rs_vec *r, int k)
{
    unsigned char *o = out;
#if REPRO_SIMD_BITS == 128
    for (int i = 0; i < k; i++)
        v_storeu(o + 16 * i, r[i]);
#elif REPRO_SIMD_BITS == 256
    for (int i = 0; i < k; i += 2) {
        v_storeu(o + 16 * i, _mm256_permute2x128_si256(r[i], r[i + 1], 0x20));
        v_storeu(o + 16 * (k + i), _mm256_permute2x128_si256(r[i], r[i + 1], 0x31));
    }
#else
    for (int i = 0; i < k; i++) {
        _mm_storeu_si128((__m128i *)(void *)(o + 16 * i), _mm512_extracti32x4_epi32(r[i], 0));
        _mm_storeu_si128((__m128i *)(void *)(o + 16 * (k + i)), _mm512_extracti32x4_epi32(r[i], 1));
        _mm_storeu_si128((__m128i *)(void *)(o + 16 * (2 * k + i)), _mm512_extracti32x4_epi32(r[i], 2));
        _mm_storeu_si128((__m128i *)(void *)(o + 16 * (3 * k + i)), _mm512_extracti32x4_epi32(r[i], 3));
    }
#endif
}

/* Interleaving stores of the kernels: block i (lane i) of every argument, in
 * argument order, then block i+1.  The unpacks pair lanes within granules, and
 * the granule-major store puts the granules in block order. */
static inline void v_store_2x64(void *out, rs_vec a, rs_vec b)
{
    const rs_vec r[2] = {RS_UNPACKLO64(a, b), RS_UNPACKHI64(a, b)};
    rs_store_granules(out, r, 2);
}

static inline void v_store_4x64(void *out, rs_vec a, rs_vec b, rs_vec c, rs_vec d)
{
    const rs_vec r[4] = {RS_UNPACKLO64(a, b), RS_UNPACKLO64(c, d), RS_UNPACKHI64(a, b),
                         RS_UNPACKHI64(c, d)};
    rs_store_granules(out, r, 4);
}

/* 32-bit lanes: block i is lane i. */
static inline void v_store_4x32(void *out, rs_vec a, rs_vec b, rs_vec c, rs_vec d)
{
    rs_vec t0 = RS_UNPACKLO32(a, b), t1 = RS_UNPACKHI32(a, b);
    rs_vec t2 = RS_UNPACKLO32(c, d), t3 = RS_UNPACKHI32(c, d);
    const rs_vec r[4] = {RS_UNPACKLO64(t0, t2), RS_UNPACKHI64(t0, t2),
                         RS_UNPACKLO64(t1, t3), RS_UNPACKHI64(t1, t3)};
    rs_store_granules(out, r, 4);
}

#endif
