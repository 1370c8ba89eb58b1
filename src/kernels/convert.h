/* Contract §3's word-to-number conversions, as inline scalar functions for single
 * draws and as in-place bulk references (the scalar repro_isa_table entries). */
#ifndef REPRO_KERNELS_CONVERT_H
#define REPRO_KERNELS_CONVERT_H

#include "kernels/table.h" /* repro_law_op */

/* 2^-53 is an exact double; the products below are exact. */
#define REPRO_TWO_M53 (1.0 / 9007199254740992.0)

/* [0,1) and float: the header's definitions, shared with its inline draws. */
static inline double repro_u64_to_double(uint64_t x) { return REPRO_DOUBLE_FROM_U64_(x); }
static inline double repro_u64_to_double_oc(uint64_t x)
{
    return ((double)(x >> 11) + 1.0) * REPRO_TWO_M53;
}
/* (v + 0.5) * 2^-53, v = x >> 11, as IEEE round-to-nearest-even computes it, but
 * exactly, so that the caller's rounding mode cannot change it (single draws run in
 * the caller's environment): v + 0.5 is exact below 2^52 and above it a tie, which
 * goes to the even neighbour v + (v & 1).  Either way the result is m * 2^-54 with
 * m = 2v + 1 or 2(v + (v & 1)), an integer that converts exactly (below 2^53, or
 * a multiple of 4 up to 2^54).  Branch-free: the two cases are equally likely. */
static inline double repro_u64_to_double_oo(uint64_t x)
{
    uint64_t v = x >> 11, big = v >> 52;
    uint64_t m = 2 * v + 1 + big * (2 * (v & 1)) - big;
    return (double)m * (0.5 * REPRO_TWO_M53);
}
static inline float repro_u32_to_float(uint32_t y) { return REPRO_FLOAT_FROM_U32_(y); }

void repro_convert_u32_to_float_ref(void *buf, size_t n);
void repro_convert_u64_ref(void *buf, size_t n);
void repro_convert_double_ref(void *buf, size_t n);
void repro_convert_double_oc_ref(void *buf, size_t n);
void repro_convert_double_oo_ref(void *buf, size_t n);
void repro_convert_normal_ref(void *buf, size_t n);
void repro_convert_exponential_ref(void *buf, size_t n);
void repro_inv_normal_ref(void *buf, size_t n);
void repro_neg_log_ref(void *buf, size_t n);
size_t repro_bounded_u32_ref(const void *in, void *out, size_t n, uint32_t bound, uint32_t t);
size_t repro_bounded_u64_ref(const void *in, void *out, size_t n, uint64_t bound, uint64_t t);
/* src/kernels/laws_ref.c: the laws' transforms one value at a time. */
void repro_law_ref(enum repro_law_op op, void *buf, size_t n, const double *p);

#endif
