/* Vectorised forms of the bulk conversions of contract §3 that use the library's
 * math: u -> repro_math_inv_normal_cdf(u) and u -> -repro_math_log(u), in place on
 * doubles.  Bit-identical with the scalar functions of src/math/math.c: the same IEEE
 * operations in the same order, lane by lane (no FMA: -ffp-contract=off), every
 * branch of the scalar code computed and selected per lane; lanes outside the
 * domain handled here (not normal, or not in (0,1]) go through the scalar function
 * (repro_dist_*, unguarded: every caller holds the floating-point guard).
 *
 * Written with GCC/clang vector extensions so that each src/kernels/simd/<isa>.c
 * includes it and compiles it with its own flags: define RV_BYTES (the vector width in
 * bytes) first.  Needs -fno-math-errno (mk/dist.mk) so that sqrt is one instruction. */
#ifndef REPRO_MATH_MATH_VEC_H
#define REPRO_MATH_MATH_VEC_H

#include "math/special.h"

#include <string.h>

#ifndef RV_BYTES
#error "define RV_BYTES (vector width in bytes) before including math/math_vec.h"
#endif

typedef double rv_d __attribute__((vector_size(RV_BYTES)));
typedef int64_t rv_i __attribute__((vector_size(RV_BYTES)));
typedef uint64_t rv_u __attribute__((vector_size(RV_BYTES)));
#define RV_N ((int)(RV_BYTES / 8))
/* Everything here inlines into its caller: a vector argument or result of an
 * out-of-line call goes through memory. */
#define RV_INLINE static inline __attribute__((always_inline))
#ifdef __clang__
#define RV_UNROLL _Pragma("clang loop unroll(full)")
#else
#define RV_UNROLL _Pragma("GCC unroll 8")
#endif

/* Per-lane select: m is all ones (take a) or all zeros (take b). */
RV_INLINE rv_d rv_sel(rv_i m, rv_d a, rv_d b)
{
    return (rv_d)(((rv_i)a & m) | ((rv_i)b & ~m));
}

/* The same on integer lanes. */
RV_INLINE rv_i rv_sel_i(rv_i m, rv_i a, rv_i b)
{
    return (a & m) | (b & ~m);
}

/* c in every lane (c nonzero: 0 + c is c exactly). */
RV_INLINE rv_d rv_splat(double c)
{
    rv_d zero = {0};
    return zero + c;
}

/* 1 when any lane of m is set (a mask lane is all ones or all zeros). */
RV_INLINE int rv_any(rv_i m)
{
#ifdef RV_MASK_BITS
    return RV_MASK_BITS(m) != 0; /* the ISA layer's one-instruction form */
#else
    int64_t acc = 0;
    for (int l = 0; l < RV_N; l++)
        acc |= m[l];
    return acc != 0;
#endif
}

/* log(x) + k0 ln 2 for lanes holding positive normal finite doubles (fdlibm's
 * algorithm, see src/math/math.c, which runs this body on one lane: so the scalar
 * and the vector log are one code; k0 is math.c's scaling of subnormals). */
RV_INLINE rv_d rv_log_k(rv_d x, int64_t k0)
{
    const double LN2_HI = REPRO_LN2_HI, LN2_LO = REPRO_LN2_LO;
    const double LG1 = REPRO_LG1, LG2 = REPRO_LG2, LG3 = REPRO_LG3, LG4 = REPRO_LG4,
                 LG5 = REPRO_LG5, LG6 = REPRO_LG6, LG7 = REPRO_LG7;
    rv_u ix = (rv_u)x;
    rv_i hx = (rv_i)(ix >> 32);
    rv_i e = hx >> 20; /* the exponent field */
    hx &= 0x000fffff;
    rv_i i = (hx + 0x95f64) & 0x100000;
    x = (rv_d)((rv_u)(hx | (i ^ 0x3ff00000)) << 32 | (ix & 0xffffffffu));
    rv_d f = x - 1.0;
    /* k = e - (1023 - k0) + (i >> 20) (|k| < 2^31) to double exactly: 2^52 + 2^51 + k
     * has k in its low bits (the constants summed once). */
    rv_d dk = (rv_d)(e + (i >> 20) + (0x4338000000000000 - 1023 + k0)) - 0x1.8p52;
    rv_d s = f / (2.0 + f);
    rv_d z = s * s;
    rv_d w = z * z;
    rv_d t1 = w * (LG2 + w * (LG4 + w * LG6));
    rv_d t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
    rv_d r = t2 + t1;
    /* fdlibm's ((hx - 0x6147a) | (0x6b851 - hx)) > 0, for hx below 2^20: hx in
     * [0x6147a, 0x6b851], one unsigned comparison */
    rv_i big_f = (rv_u)(hx - 0x6147a) <= 0x6b851 - 0x6147a;
    rv_d hfsq = 0.5 * f * f;
    /* fdlibm's two forms, dk LN2_HI - ((hfsq - (s (hfsq + r) + dk LN2_LO)) - f) and
     * dk LN2_HI - ((s (f - r) - dk LN2_LO) - f), with their common last steps taken
     * once, after the selection: the same operations on each lane */
    rv_d inner =
        rv_sel(big_f, hfsq - (s * (hfsq + r) + dk * LN2_LO), s * (f - r) - dk * LN2_LO);
    rv_d res = dk * LN2_HI - (inner - f);
    rv_i small = (0x000fffff & (2 + hx)) < 3;
    if (rv_any(small)) { /* |f| < 2^-20: x within 2^-20 of a power of two, rare */
        rv_d r_small = f * f * (0.5 - 0.33333333333333333 * f);
        rv_d res_small = rv_sel(f == 0.0, dk * LN2_HI + dk * LN2_LO,
                                dk * LN2_HI - ((r_small - dk * LN2_LO) - f));
        res = rv_sel(small, res_small, res);
    }
    return res;
}

RV_INLINE rv_d rv_log(rv_d x) { return rv_log_k(x, 0); }

/* e^x for lanes in [ln(2^-1075), ln(DBL_MAX)] with |x| >= 2^-28 (fdlibm's algorithm, see
 * src/math/math.c, which runs this body on one lane), branch-free: the reduction
 * x = k ln2 + r with k = 0 for |x| <= ln2/2 and +-1 below 1.5 ln2 (where fdlibm takes
 * those k directly) is the general one with that k, hi = x - k LN2_HI, lo = k LN2_LO,
 * which gives the same bits (k LN2_HI is exact, x - 0 = x, and for k = 0 fdlibm's
 * 1 - ((x c)/(c - 2) - x) equals 1 - ((0 - (x c)/(2 - c)) - x) exactly). */
RV_INLINE rv_d rv_exp_core(rv_d x)
{
    const double P1 = 0x1.555555555553ep-3, P2 = -0x1.6c16c16bebd93p-9,
                 P3 = 0x1.1566aaf25de2cp-14, P4 = -0x1.bbd41c5d26bf1p-20,
                 P5 = 0x1.6376972bea4d0p-25, INV_LN2 = 0x1.71547652b82fep+0;
    const double MAGIC = 0x1.8p52;
    rv_i neg = x < 0.0;
    rv_d ax = rv_sel(neg, -x, x);
    rv_d t = INV_LN2 * x + rv_sel(neg, rv_splat(-0.5), rv_splat(0.5));
    /* k = t truncated (|t| < 1100), in doubles: t rounded to an integer (t + 1.5 2^52
     * - 1.5 2^52), then one step towards 0 where that went past t */
    rv_d rt = (t + MAGIC) - MAGIC;
    rv_d dk = rt - rv_sel((rt > t) & ~neg, rv_splat(1.0), rv_splat(0.0)) +
              rv_sel((rt < t) & neg, rv_splat(1.0), rv_splat(0.0));
    dk = rv_sel(ax < 1.5 * REPRO_LN2, rv_sel(neg, rv_splat(-1.0), rv_splat(1.0)), dk);
    dk = rv_sel(ax > 0.5 * REPRO_LN2, dk, rv_splat(0.0)); /* +0.0: x - 0 LN2_HI = x */
    rv_d hi = x - dk * REPRO_LN2_HI;
    rv_d lo = dk * REPRO_LN2_LO;
    rv_d r = hi - lo;
    rv_d r2 = r * r;
    rv_d c = r - r2 * (P1 + r2 * (P2 + r2 * (P3 + r2 * (P4 + r2 * P5))));
    rv_d y = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
    /* y 2^k by adding k to the exponent field (k << 52 is the low bits of dk + 1.5 2^52
     * shifted: the high bits shift out); below 2^-1021 in two steps, so that the final
     * product rounds once into a subnormal. */
    rv_d big = (rv_d)((rv_u)y + ((rv_u)(dk + MAGIC) << 52));
    rv_i low = dk < -1021.0;
    if (rv_any(low)) {
        rv_d small = (rv_d)((rv_u)y + ((rv_u)(dk + (MAGIC + 1000.0)) << 52)) * 0x1p-1000;
        big = rv_sel(low, small, big);
    }
    return big;
}

/* Lanes rv_exp_core takes: ln(2^-1075) <= x <= ln(DBL_MAX), |x| >= 2^-28 (NaN fails). */
RV_INLINE rv_i rv_exp_core_lanes(rv_d x)
{
    rv_d ax = rv_sel(x < 0.0, -x, x);
    return (x >= -0x1.74910d52d3051p+9) & (x <= 0x1.62e42fefa39efp+9) & (ax >= 0x1p-28);
}

/* v, its lanes outside ok replaced by the scalar function f of x's lane. */
RV_INLINE rv_d rv_scalar_lanes(rv_d v, rv_d x, rv_i ok, double (*f)(double))
{
    if (rv_any(~ok))
        for (int l = 0; l < RV_N; l++)
            if (!ok[l])
                v[l] = f(x[l]);
    return v;
}

/* repro_dist_exp of each lane: rv_exp_core where it applies, 1 + x for |x| < 2^-28 (as
 * the scalar function: a Dirichlet vector's largest term is exp(0)), else the scalar
 * function (the vector body gets a harmless 1/2 there: a NaN or huge x would overflow
 * the integer conversion inside). */
RV_INLINE rv_d rv_exp(rv_d x)
{
    rv_i ok = rv_exp_core_lanes(x);
    rv_i tiny = rv_sel(x < 0.0, -x, x) < 0x1p-28;
    rv_d v = rv_sel(tiny, 1.0 + x, rv_exp_core(rv_sel(ok, x, rv_splat(0.5))));
    return rv_scalar_lanes(v, x, ok | tiny, repro_dist_exp);
}

/* In place: value i = repro_dist_exp(value i), i < n, two vectors per step (their
 * latency chains overlap), the last values in a vector padded with 1/2 (dropped). */
RV_INLINE void repro_dist_exp_vec(void *buf, size_t n)
{
    unsigned char *p = buf;
    size_t i = 0;
    for (; i + 2 * (size_t)RV_N <= n; i += 2 * (size_t)RV_N) {
        rv_d a, b;
        memcpy(&a, p + 8 * i, sizeof a);
        memcpy(&b, p + 8 * i + RV_BYTES, sizeof b);
        a = rv_exp(a);
        b = rv_exp(b);
        memcpy(p + 8 * i, &a, sizeof a);
        memcpy(p + 8 * i + RV_BYTES, &b, sizeof b);
    }
    for (; i < n; i += (size_t)RV_N) {
        size_t m = n - i < (size_t)RV_N ? n - i : (size_t)RV_N;
        rv_d a = rv_splat(0.5);
        memcpy(&a, p + 8 * i, 8 * m);
        a = rv_exp(a);
        memcpy(p + 8 * i, &a, 8 * m);
    }
}

/* IEEE sqrt of each lane (the instruction: -fno-math-errno). */
RV_INLINE rv_d rv_sqrt(rv_d x)
{
    rv_d r = x;
    for (int l = 0; l < RV_N; l++)
        r[l] = __builtin_sqrt(x[l]);
    return r;
}

/* sin(x + y) and cos(x + y) for |x| <= pi/4, |y| tiny: fdlibm's __kernel_sin and
 * __kernel_cos (src/math/math_ext.c runs them on one lane). */
RV_INLINE rv_d rv_kernel_sin(rv_d x, rv_d y)
{
    const double S1 = -1.66666666666666324348e-01, S2 = 8.33333333332248946124e-03,
                 S3 = -1.98412698298579493134e-04, S4 = 2.75573137070700676789e-06,
                 S5 = -2.50507602534068634195e-08, S6 = 1.58969099521155010221e-10;
    rv_d z = x * x;
    rv_d v = z * x;
    rv_d r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

RV_INLINE rv_d rv_kernel_cos(rv_d x, rv_d y)
{
    const double C1 = 4.16666666666666019037e-02, C2 = -1.38888888888741095749e-03,
                 C3 = 2.48015872894767294178e-05, C4 = -2.75573143513906633035e-07,
                 C5 = 2.08757232129817482790e-09, C6 = -1.13596475577881948265e-11;
    rv_d z = x * x;
    rv_d w = z * z;
    rv_d r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
    rv_d hz = 0.5 * z;
    rv_d v = 1.0 - hz;
    return v + (((1.0 - v) - hz) + (z * r - x * y));
}

/* pi r as hi + *lo (|r| <= 1/4, r >= 2^-500): Dekker's exact product of r and
 * pi's double PI_HI (Veltkamp's split, 2^27 + 1; PI_HI = PI_A + PI_B in 26 + 27 bits),
 * plus r (pi - PI_HI). */
RV_INLINE rv_d rv_pi_times(rv_d r, rv_d *lo)
{
    const double PI_HI = 0x1.921fb54442d18p+1, PI_LO = 0x1.1a62633145c07p-53,
                 PI_A = 0x1.921fb58p+1, PI_B = -0x1.dde9740000000p-26;
    rv_d c = 134217729.0 * r;
    rv_d rh = c - (c - r);
    rv_d rl = r - rh;
    rv_d p = r * PI_HI;
    rv_d e = ((rh * PI_A - p) + rh * PI_B + rl * PI_A) + rl * PI_B;
    rv_d t = e + r * PI_LO;
    rv_d hi = p + t;
    *lo = t - (hi - p);
    return hi;
}

/* tan(pi t) = sinpi(t) / cospi(t) for lanes with 2^-500 <= |t| < 1/2, as
 * repro_dist_sincospi takes t: f = |t|, sin and cos of pi f (f <= 1/4) or cos and sin
 * of pi (1/2 - f), both kernels on the same argument, the sine's sign from t. */
RV_INLINE rv_d rv_tanpi(rv_d t)
{
    rv_i neg = t < 0.0;
    rv_d f = rv_sel(neg, -t, t);
    rv_i low = f <= 0.25;
    rv_d lo, r = rv_pi_times(rv_sel(low, f, 0.5 - f), &lo);
    rv_d ks = rv_kernel_sin(r, lo), kc = rv_kernel_cos(r, lo);
    rv_d sn = rv_sel(low, ks, kc), cs = rv_sel(low, kc, ks);
    return rv_sel(neg, -sn, sn) / cs;
}

/* Lanes in [2^-1022, 1]: positive normal, so rv_log applies to them and to 1 - u. */
RV_INLINE rv_i rv_normal_unit(rv_d u)
{
    return (u >= 0x1p-1022) & (u <= 1.0);
}

/* Horner c[0] + c[1] r + ... + c[7] r^7, as poly7 in src/math/math.c. */
RV_INLINE rv_d rv_poly7(const double c[8], rv_d r)
{
    return REPRO_HORNER7(c, r, rv_splat(c[7]));
}

/* The AS241 tail (|u - 1/2| > 0.425) of repro_math_inv_normal_cdf, every lane in
 * [2^-1022, 1). */
RV_INLINE rv_d rv_inv_normal_tail(rv_d u)
{
    rv_d q = u - 0.5;
    rv_i lower = q < 0.0;
    rv_d r = rv_sqrt(-rv_log(rv_sel(lower, u, 1.0 - u)));
    rv_d r1 = r - 1.6;
    rv_d x = rv_poly7(repro_as241_c, r1) / rv_poly7(repro_as241_d, r1);
    rv_i far = r > 5.0;
    if (rv_any(far)) { /* p < 1.4e-11: rare in stream data */
        rv_d r2 = r - 5.0;
        x = rv_sel(far, rv_poly7(repro_as241_e, r2) / rv_poly7(repro_as241_f, r2), x);
    }
    return rv_sel(lower, -x, x);
}

/* Value i of a buffer that may be only 4-byte aligned (the fills' contract). */
RV_INLINE double rv_get(const unsigned char *p, size_t i)
{
    double v;
    memcpy(&v, p + 8 * i, sizeof v);
    return v;
}

RV_INLINE void rv_put(unsigned char *p, size_t i, double v)
{
    memcpy(p + 8 * i, &v, sizeof v);
}

/* Bit l set where lane l of m is set. */
RV_INLINE unsigned rv_mask_bits(rv_i m)
{
#ifdef RV_MASK_BITS
    return RV_MASK_BITS(m); /* the ISA layer's one-instruction form */
#else
    unsigned b = 0;
    for (int l = 0; l < RV_N; l++)
        b |= (unsigned)(m[l] & 1) << l;
    return b;
#endif
}

/* Bits set in b (b < 256). */
RV_INLINE size_t rv_popcount8(unsigned b)
{
    static const unsigned char nibble[16] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4};
    return (size_t)nibble[b & 15] + nibble[b >> 4 & 15];
}

/* Appends the lanes of u (and their indices, first + lane) whose bit is set to
 * tail[nt...] and where[nt...]; returns the new count.  Both arrays need RV_N
 * spare entries: whole vectors are stored. */
RV_INLINE size_t rv_append(double *tail, int64_t *where, size_t nt, rv_d u, int64_t first,
                           unsigned bits)
{
    static const int64_t iota[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    rv_i idx;
    memcpy(&idx, iota, sizeof idx); /* one vector load */
    idx += first;
#ifdef RV_COMPRESS
    rv_i uc = (rv_i)RV_COMPRESS(u, bits), ic = (rv_i)RV_COMPRESS(idx, bits);
    memcpy(tail + nt, &uc, sizeof uc);
    memcpy(where + nt, &ic, sizeof ic);
    return nt + rv_popcount8(bits);
#else
    RV_UNROLL for (int l = 0; l < RV_N; l++) { /* branch-free */
        tail[nt] = u[l];
        where[nt] = idx[l];
        nt += (bits >> l) & 1u;
    }
    return nt;
#endif
}

/* The central branch of repro_math_inv_normal_cdf (|u - 1/2| <= 0.425) on RV_K
 * vectors at p, in place, in lockstep: each Horner step of rv_poly7 is taken for the
 * numerator and denominator of every vector before the next step, so that 2 RV_K
 * independent chains keep the floating-point units busy (one chain waits on each
 * result); the operations of each value are exactly rv_poly7's, in its order. */
enum { RV_K = 2 };
RV_INLINE void rv_inv_normal_central(unsigned char *p)
{
    rv_d q[RV_K], r[RV_K], a[RV_K], b[RV_K];
    RV_UNROLL for (int k = 0; k < RV_K; k++) {
        memcpy(&q[k], p + (size_t)k * RV_BYTES, sizeof q[k]);
        q[k] -= 0.5;
        r[k] = 0.180625 - q[k] * q[k];
        a[k] = rv_splat(repro_as241_a[7]);
        b[k] = rv_splat(repro_as241_b[7]);
    }
    RV_UNROLL for (int j = 6; j >= 0; j--)
        RV_UNROLL for (int k = 0; k < RV_K; k++) {
            a[k] = a[k] * r[k] + repro_as241_a[j];
            b[k] = b[k] * r[k] + repro_as241_b[j];
        }
    RV_UNROLL for (int k = 0; k < RV_K; k++) {
        rv_d x = q[k] * a[k] / b[k];
        memcpy(p + (size_t)k * RV_BYTES, &x, sizeof x);
    }
}

/* In place: value i = repro_math_inv_normal_cdf(value i), n doubles at buf, in
 * chunks of CHUNK values and three passes over each:
 *  1. the tail values (|u - 1/2| > 0.425, about 15%, NaN included) are copied out
 *     with their indices, branch-free (which lanes they are is unpredictable);
 *  2. the central branch runs on every whole vector, a loop of independent
 *     vectors with nothing else in it, so that their latency chains overlap;
 *  3. the tail runs on whole vectors of gathered tail values; lanes outside its
 *     domain [2^-1022, 1) (never in stream data) go through the scalar function. */
RV_INLINE void repro_dist_inv_normal_vec(void *buf, size_t n)
{
    enum { CHUNK = 512 };
    for (size_t base = 0; base < n; base += CHUNK) {
        size_t m = n - base < CHUNK ? n - base : CHUNK;
        size_t whole = m - m % (size_t)(RV_K * RV_N); /* whole groups of RV_K vectors */
        unsigned char *p = (unsigned char *)buf + 8 * base;
        double tail[CHUNK + RV_N];
        int64_t where[CHUNK + RV_N];
        size_t nt = 0;
        for (size_t i = 0; i < whole; i += (size_t)RV_N) {
            rv_d u;
            memcpy(&u, p + 8 * i, sizeof u);
            rv_d q = u - 0.5;
            unsigned bits = ~rv_mask_bits((q >= -0.425) & (q <= 0.425)) & ((1u << RV_N) - 1);
            nt = rv_append(tail, where, nt, u, (int64_t)i, bits);
        }
        for (size_t i = 0; i < whole; i += (size_t)(RV_K * RV_N))
            rv_inv_normal_central(p + 8 * i);
        for (size_t i = whole; i < m; i++) /* the last partial group */
            rv_put(p, i, repro_dist_inv_normal_cdf(rv_get(p, i)));
        for (size_t j = nt; j % (size_t)RV_N; j++)
            tail[j] = 0.25; /* padding, discarded */
        for (size_t j = 0; j < nt; j += (size_t)RV_N) {
            rv_d u;
            memcpy(&u, tail + j, sizeof u);
            rv_d v = rv_inv_normal_tail(u);
            unsigned odd = ~rv_mask_bits(rv_normal_unit(u) & (u < 1.0));
            for (int l = 0; l < RV_N && j + (size_t)l < nt; l++)
                rv_put(p, (size_t)where[j + (size_t)l],
                       (odd >> l) & 1u ? repro_dist_inv_normal_cdf(u[l]) : v[l]);
        }
    }
}

/* In place: value i = -repro_math_log(value i), i < n, one at a time. */
static __attribute__((noinline)) void rv_neg_log_scalar(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rv_put(p, i, -repro_dist_log(rv_get(p, i)));
}

/* In place: value i = -repro_math_log(value i) (the exponential conversion).  A first
 * pass checks that every value is in rv_log's domain (always so in stream data; else
 * all go through the scalar function), so that the vector loop has no call in it,
 * which would make it rebuild its constants every pass. */
RV_INLINE void repro_dist_neg_log_vec(void *buf, size_t n)
{
    unsigned char *p = buf;
    const size_t whole = n - n % (size_t)RV_N;
    rv_i bad = {0};
    for (size_t i = 0; i < whole; i += (size_t)RV_N) {
        rv_d u;
        memcpy(&u, p + 8 * i, sizeof u);
        bad |= ~((u >= 0x1p-1022) & (u <= 0x1.fffffffffffffp+1023));
    }
    if (rv_any(bad)) {
        rv_neg_log_scalar(p, n);
        return;
    }
    for (size_t i = 0; i < whole; i += (size_t)RV_N) {
        rv_d u;
        memcpy(&u, p + 8 * i, sizeof u);
        rv_d v = -rv_log(u);
        memcpy(p + 8 * i, &v, sizeof v);
    }
    rv_neg_log_scalar(p + 8 * whole, n - whole);
}

#endif
