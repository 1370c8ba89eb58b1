/* Reference functions of the statistical tests of the distributions (tests/test_dist.c,
 * tests/test_dist_laws.c), from libm and textbook series, never from the library, and
 * the sample statistics and draw adapters the two share. */
#ifndef REPRO_TEST_DIST_STATS_H
#define REPRO_TEST_DIST_STATS_H

#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Thresholds: |z| of mean, variance and tail counts; Kolmogorov sqrt(N) D (P about
 * 1e-4 under the null); Wilson-Hilferty z of the chi-square statistic. */
#define Z_MAX 5.0
#define KS_MAX 2.2
#define CHI_Z_MAX 4.5

#define CHECK_RC(call) assert_int_equal((call), REPRO_OK)

/* REPRO_TEST_FAST=1 (as under valgrind): the tests take fewer draws. */
static inline int fast_mode(void)
{
    const char *fast = getenv("REPRO_TEST_FAST");
    return fast && strcmp(fast, "1") == 0;
}

/* The sample streams: Philox4x32-10 from a 64-bit seed. */
static inline repro_stream stream_for(uint64_t seed)
{
    repro_stream s;
    CHECK_RC(repro_stream_init(&s, REPRO_PHILOX4X32, repro_seed_from_u64(seed)));
    return s;
}

/* draw_<name>: n values of a fill into `type *v` (by `call`), handed on as doubles
 * (integers exact below 2^53). */
#define DRAW(name, type, call)                                                          \
    static void draw_##name(repro_stream *s, const double *par, double *out, size_t n)  \
    {                                                                                   \
        type *v = malloc(n * sizeof *v);                                                \
        assert_non_null(v);                                                             \
        CHECK_RC(call);                                                                 \
        for (size_t i = 0; i < n; i++)                                                  \
            out[i] = (double)v[i];                                                      \
        free(v);                                                                        \
        (void)par;                                                                      \
    }

/* Regularised lower incomplete gamma P(a, x): series below a + 1, else Lentz's
 * continued fraction for Q. */
static inline double gamma_p(double a, double x)
{
    if (x <= 0)
        return 0;
    double lpre = a * log(x) - x - lgamma(a);
    if (x < a + 1) {
        double term = 1 / a, sum = term;
        for (int n = 1; n < 10000 && term > sum * 1e-17; n++) {
            term *= x / (a + n);
            sum += term;
        }
        return sum * exp(lpre);
    }
    const double tiny = 1e-300;
    double b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
    for (int i = 1; i < 10000; i++) {
        double an = -i * (i - a);
        b += 2;
        d = an * d + b;
        d = fabs(d) < tiny ? tiny : d;
        c = b + an / c;
        c = fabs(c) < tiny ? tiny : c;
        d = 1 / d;
        h *= d * c;
        if (fabs(d * c - 1) < 1e-16)
            break;
    }
    return 1 - exp(lpre) * h;
}

/* Continued fraction of the regularised incomplete beta (modified Lentz). */
static inline double beta_cf(double a, double b, double x)
{
    const double tiny = 1e-300;
    double c = 1, d = 1 - (a + b) * x / (a + 1);
    d = 1 / (fabs(d) < tiny ? tiny : d);
    double h = d;
    for (int m = 1; m < 10000; m++) {
        for (int half = 0; half < 2; half++) {
            double aa = half == 0 ? m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
                                  : -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + aa * d;
            d = 1 / (fabs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = fabs(c) < tiny ? tiny : c;
            h *= d * c;
            if (half == 1 && fabs(d * c - 1) < 1e-16)
                return h;
        }
    }
    return h;
}

static inline double beta_i(double a, double b, double x)
{
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    double bt = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
    if (x < (a + 1) / (a + b + 2))
        return bt * beta_cf(a, b, x) / a;
    return 1 - bt * beta_cf(b, a, 1 - x) / b;
}

static inline int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Wilson-Hilferty: the chi-square statistic with df degrees of freedom as a z-score. */
static inline double chi_square_z(double chi2, double df)
{
    double v = 2.0 / (9.0 * df);
    return (cbrt(chi2 / df) - (1 - v)) / sqrt(v);
}

/* The sample mean and the second and fourth central moments (divided by n). */
typedef struct {
    double mean, m2, m4;
} sample_moments;

static inline sample_moments moments_of(const double *x, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += x[i];
    sample_moments r = {sum / (double)n, 0, 0};
    for (size_t i = 0; i < n; i++) {
        double d = x[i] - r.mean;
        r.m2 += d * d;
        r.m4 += d * d * d * d;
    }
    r.m2 /= (double)n;
    r.m4 /= (double)n;
    return r;
}

/* z-score of the sample variance against the law's variance v: its standard error
 * from the fourth central moment. */
static inline double variance_z(sample_moments s, double v, size_t n)
{
    return (s.m2 - v) / sqrt(fmax(s.m4 - s.m2 * s.m2, 1e-300) / (double)n);
}

/* Kolmogorov-Smirnov sqrt(n) D of the sorted sample x against cdf(par, .). */
static inline double ks_statistic(double (*cdf)(const double *par, double x), const double *par,
                                  const double *x, size_t n)
{
    double d = 0;
    for (size_t i = 0; i < n; i++) {
        double f = cdf(par, x[i]);
        d = fmax(d, fmax(f - (double)i / (double)n, (double)(i + 1) / (double)n - f));
    }
    return sqrt((double)n) * d;
}

#endif
