/* The deterministic math's internal interface: the functions behind the public
 * repro_math_* without their floating-point switch, constants shared with the vector
 * bodies (src/math/math_vec.h), and the helpers of the distributions (src/dist/), all
 * built like src/math/math.c from IEEE + - * / sqrt and the library's own log/exp
 * only.  Internal (hidden). */
#ifndef REPRO_MATH_SPECIAL_H
#define REPRO_MATH_SPECIAL_H

#include "repro_rng.h"

#include "math/bits.h"

/* IEEE sqrt (correctly rounded, so the same everywhere).  src/math/, src/dist/ and
 * the SIMD kernels are built with -fno-math-errno (mk/dist.mk): the builtin is one
 * instruction, never a libm call. */
static inline double repro_dist_sqrt(double x)
{
    return __builtin_sqrt(x);
}

/* ln 2 = REPRO_LN2_HI + REPRO_LN2_LO; the high part has 32 trailing zero bits, so
 * k * REPRO_LN2_HI is exact for |k| < 2^21 (fdlibm). */
#define REPRO_LN2_HI 0x1.62e42feep-1
#define REPRO_LN2_LO 0x1.a39ef35793c76p-33
/* ln 2 rounded to the nearest double, for the estimates and exp's reduction. */
#define REPRO_LN2 0x1.62e42fefa39efp-1
/* fdlibm's minimax coefficients of log(1 + f) in s = f / (2 + f). */
#define REPRO_LG1 0x1.5555555555593p-1
#define REPRO_LG2 0x1.999999997fa04p-2
#define REPRO_LG3 0x1.2492494229359p-2
#define REPRO_LG4 0x1.c71c51d8e78afp-3
#define REPRO_LG5 0x1.7466496cb03dep-3
#define REPRO_LG6 0x1.39a09d078c69fp-3
#define REPRO_LG7 0x1.2f112df3e5244p-3

/* Wichura's AS241 (PPND16) coefficients, constant term first: numerator and
 * denominator of the central piece (in r = 0.180625 - q^2), of the near tail
 * (r = sqrt(-log p) - 1.6) and of the far tail (r - 5). */
extern const double repro_as241_a[8], repro_as241_b[8], repro_as241_c[8],
    repro_as241_d[8], repro_as241_e[8], repro_as241_f[8];

/* c[0] + c[1] r + ... + c[7] r^7 by Horner's rule, highest degree first; `top` is
 * c[7] in r's type (a double, or a vector of them: src/math/math_vec.h). */
#define REPRO_HORNER7(c, r, top)                                                         \
    (((((((((top) * (r) + (c)[6]) * (r) + (c)[5]) * (r) + (c)[4]) * (r) + (c)[3]) * (r) +   \
        (c)[2]) * (r) + (c)[1]) * (r) + (c)[0]))

/* log(x) within REPRO_LOG_ESTIMATE_ERR, x a positive normal finite double: with
 * x = 2^e m, m in [1, 2), and c the nearest of the 16 points 1 + (2i + 1)/32,
 * e ln 2 + ln c + the degree-3 Taylor polynomial of ln(1 + g), g = (m - c) / c,
 * |g| <= 1/32, whose remainder is at most |g|^4 / (4 (1 - |g|)) < 2.7e-7 (the table's
 * and the operations' roundings are below 1e-12).  A fraction of repro_dist_log's
 * cost, for the rejection tests that compare a sum of logs with a bound: an estimate
 * far enough from the bound decides the test as the exact logs would (they are within
 * an ulp).  The table holds {ln c, 1 / c}. */
#define REPRO_LOG_ESTIMATE_ERR 3e-7
extern const double repro_log_estimate_table[16][2];
static inline double repro_dist_log_estimate(double x)
{
    uint64_t b = repro_double_bits(x);
    double e = (double)((int)(b >> 52) - 1023);
    const double *c = repro_log_estimate_table[(b >> 48) & 15];
    b = (b & 0xfffffffffffffu) | 0x3ff0000000000000u;
    double m = repro_bits_double(b);
    double g = (m - (1.0 + (double)(((b >> 48) & 15) * 2 + 1) * 0x1p-5)) * c[1];
    return e * REPRO_LN2 + c[0] + g * (1.0 - g * (0.5 - g * (1.0 / 3.0)));
}

/* e^x within a relative REPRO_EXP_ESTIMATE_ERR for -16 <= x <= 0: x = k ln 2 + r,
 * |r| <= ln2 / 2 + 2^-40, and the degree-11 Taylor polynomial of e^r (remainder below
 * |r|^12 / 12! e^|r| < 1e-14; the reduction's and the operations' roundings below
 * 1e-15) by Estrin's scheme, so that its latency is a fraction of repro_dist_exp's:
 * for a decision that the exact value settles only when the estimate cannot. */
#define REPRO_EXP_ESTIMATE_ERR 1e-13
static inline double repro_dist_exp_estimate(double x)
{
    const double magic = 0x1.8p52;
    double kd = (x * 0x1.71547652b82fep+0 + magic) - magic; /* round(x / ln 2) */
    double r = (x - kd * REPRO_LN2_HI) - kd * REPRO_LN2_LO;
    double r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
    double b0 = (1.0 + r) + r2 * (0x1p-1 + r * (1.0 / 6.0));
    double b1 = (1.0 / 24.0 + r * (1.0 / 120.0)) + r2 * (1.0 / 720.0 + r * (1.0 / 5040.0));
    double b2 = (1.0 / 40320.0 + r * (1.0 / 362880.0)) +
                r2 * (1.0 / 3628800.0 + r * (1.0 / 39916800.0));
    double p = (b0 + r4 * b1) + r8 * b2;
    /* p 2^k: p in [0.7, 1.5], k >= -24 (the exponent field moves by k, modulo 2^64) */
    return repro_bits_double(repro_double_bits(p) + ((uint64_t)(int64_t)kd << 52));
}

/* The log-probabilities of a rejection test as a fill meets them: a pure function of
 * k for the fill's parameters, so each k near the centre is computed once per fill
 * (NaN: not yet), with a second value of the caller's (aux, set with v).  Off for
 * short fills, where clearing it costs more than it saves. */
#define REPRO_LOGPMF_CACHE 256
typedef struct {
    uint64_t lo;
    size_t len;
    double v[REPRO_LOGPMF_CACHE], aux[REPRO_LOGPMF_CACHE];
} repro_logpmf_cache;

/* Centred on centre (>= 0) for a fill of n values. */
static inline void repro_logpmf_cache_init(repro_logpmf_cache *c, double centre, size_t n)
{
    c->len = n >= 32 ? REPRO_LOGPMF_CACHE : 0;
    c->lo = centre > REPRO_LOGPMF_CACHE / 2 ? (uint64_t)(centre - REPRO_LOGPMF_CACHE / 2) : 0;
    for (size_t i = 0; i < c->len; i++)
        c->v[i] = repro_bits_double(REPRO_BITS_NAN);
}

/* k's place in the cache (c may be NULL: none), NULL outside it. */
static inline double *repro_logpmf_slot(repro_logpmf_cache *c, uint64_t k)
{
    uint64_t i = c ? k - c->lo : 0;
    return c && i < c->len ? &c->v[i] : NULL;
}

/* log(1 + x) for x > -1, accurate also for tiny x (within a few ulp). */
double repro_dist_log1p(double x);

/* The functions behind repro_math_log, _exp, _inv_normal_cdf, _log1p (the _full one:
 * every input), _expm1, _atan, _sinpi and _cospi, without the public functions'
 * floating-point environment switch: for callers already inside it. */
double repro_dist_log(double x);
double repro_dist_exp(double x);
double repro_dist_inv_normal_cdf(double u);
double repro_dist_log1p_full(double x);
double repro_dist_expm1(double x);
double repro_dist_atan(double x);
double repro_dist_sinpi(double x);
double repro_dist_cospi(double x);
/* Both at once, each exactly as the functions above give it (one reduction). */
void repro_dist_sincospi(double x, double *sn, double *cs);
/* In place, several at a time (src/math/math_array.c), i < n: x[i] = repro_dist_exp(x[i])
 * (n doubles at x, which needs only 4-byte alignment: the scalar ISA table's exp). */
void repro_dist_exp_array(void *x, size_t n);
/* out[0] = repro_dist_log(a) and out[1] = repro_dist_log(b), computed together
 * (src/math/math_array.c). */
void repro_dist_log_pair(double a, double b, double out[2]);
/* log of the Poisson(lambda) probability of k, lambda > 0 (Loader's saddle-point
 * form, accurate to about 1e-14 absolute even for lambda near 1e15). */
double repro_dist_log_poisson_pmf(uint64_t k, double lambda);
/* log(k!): the sum of log j, j = 2..k in that order, for k < 16, else
 * stirlerr(k) + ((k + 1/2) log k - k + log sqrt(2 pi)) (Stirling's series of the
 * Poisson and binomial log-pmfs); a table below 128. */
double repro_dist_log_factorial(uint64_t k);
/* log of the Binomial(n, p) probability of k <= n, 0 < p <= 1/2, q = 1 - p. */
double repro_dist_log_binomial_pmf(uint64_t k, uint64_t n, double p, double q);

#endif
