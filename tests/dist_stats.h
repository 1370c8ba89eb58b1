/* Reference functions of the statistical tests of the distributions (tests/test_dist.c,
 * tests/test_dist_laws.c), from libm and textbook series, never from the library. */
#ifndef REPRO_TEST_DIST_STATS_H
#define REPRO_TEST_DIST_STATS_H

#include <math.h>

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

#endif
