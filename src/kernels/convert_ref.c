/* Scalar reference of contract §3's word-to-number conversions, in place (see
 * repro_convert_fn).  Reading words as u32 and assembling the u64 by shifts keeps
 * the stream order on big-endian hosts too.  Every caller runs them inside its
 * floating-point guard (repro_fpenv_enter), so the math is the unguarded repro_dist_*
 * (the public repro_math_* would switch the environment once per value). */
#include "kernels/convert.h"
#include "core/philox.h" /* repro_mulhilo64 */
#include "math/special.h" /* repro_dist_log, repro_dist_inv_normal_cdf */

#include <string.h>

void repro_convert_u32_to_float_ref(void *buf, size_t n)
{
    unsigned char *p = buf;
    for (size_t i = 0; i < n; i++) {
        uint32_t y;
        memcpy(&y, p + 4 * i, 4);
        float f = repro_u32_to_float(y);
        memcpy(p + 4 * i, &f, 4);
    }
}

/* One body for the u64-based conversions: read value i's two words, write its
 * 8-byte result over them. */
#define REPRO_CONVERT_U64(name, T, expr)                                                 \
    void repro_convert_##name##_ref(void *buf, size_t n)                                 \
    {                                                                                    \
        unsigned char *p = buf;                                                          \
        for (size_t i = 0; i < n; i++) {                                                 \
            uint32_t w[2];                                                               \
            memcpy(w, p + 8 * i, 8);                                                     \
            uint64_t x = (uint64_t)w[0] | (uint64_t)w[1] << 32;                          \
            T v = expr;                                                                  \
            memcpy(p + 8 * i, &v, 8);                                                    \
        }                                                                                \
    }

/* On little-endian hosts the words already are the u64s. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
void repro_convert_u64_ref(void *buf, size_t n)
{
    (void)buf;
    (void)n;
}
#else
REPRO_CONVERT_U64(u64, uint64_t, x)
#endif
REPRO_CONVERT_U64(double, double, repro_u64_to_double(x))
REPRO_CONVERT_U64(double_oc, double, repro_u64_to_double_oc(x))
REPRO_CONVERT_U64(double_oo, double, repro_u64_to_double_oo(x))
REPRO_CONVERT_U64(normal, double, repro_dist_inv_normal_cdf(repro_u64_to_double_oo(x)))
REPRO_CONVERT_U64(exponential, double, -repro_dist_log(repro_u64_to_double_oc(x)))

/* In place on doubles (the math arrays). */
#define REPRO_CONVERT_DOUBLES(name, expr)                                                \
    void repro_##name##_ref(void *buf, size_t n)                                         \
    {                                                                                    \
        unsigned char *p = buf;                                                          \
        for (size_t i = 0; i < n; i++) {                                                 \
            double x;                                                                    \
            memcpy(&x, p + 8 * i, 8);                                                    \
            x = expr;                                                                    \
            memcpy(p + 8 * i, &x, 8);                                                    \
        }                                                                                \
    }
REPRO_CONVERT_DOUBLES(inv_normal, repro_dist_inv_normal_cdf(x))
REPRO_CONVERT_DOUBLES(neg_log, -repro_dist_log(x))

/* Bounded draws (repro_bounded32_fn): value k is written only after draw i >= k is
 * read, so out may lie at or before in. */
size_t repro_bounded_u32_ref(const void *in, void *out, size_t n, uint32_t bound, uint32_t t)
{
    const unsigned char *p = in;
    unsigned char *q = out;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t y;
        memcpy(&y, p + 4 * i, 4);
        uint64_t m = (uint64_t)y * bound;
        if ((uint32_t)m >= t) {
            uint32_t v = (uint32_t)(m >> 32);
            memcpy(q + 4 * k++, &v, 4);
        }
    }
    return k;
}

size_t repro_bounded_u64_ref(const void *in, void *out, size_t n, uint64_t bound, uint64_t t)
{
    const unsigned char *p = in;
    unsigned char *q = out;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t w[2];
        memcpy(w, p + 8 * i, 8);
        uint64_t hi, lo = repro_mulhilo64((uint64_t)w[0] | (uint64_t)w[1] << 32, bound, &hi);
        if (lo >= t)
            memcpy(q + 8 * k++, &hi, 8);
    }
    return k;
}
