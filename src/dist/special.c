/* Log-probabilities for the rejection tests of the Poisson and binomial samplers.
 * Loader's saddle-point form ("Fast and accurate computation of binomial
 * probabilities", 2000): log pmf = -stirlerr terms - bd0 deviances - log sqrt(2 pi k),
 * which avoids the catastrophic cancellation of lgamma differences for large
 * arguments (lambda or n up to 1e15 and beyond). */
#include "dist/special.h"

/* log(sqrt(2 pi)) and log(2 pi). */
static const double LN_SQRT_2PI = 0.91893853320467274178;
static const double LN_2PI = 1.8378770664093454836;

double repro_dist_log1p(double x)
{
    double u = 1.0 + x;
    if (u == 1.0)
        return x;
    /* Goldberg: the rounding error of 1 + x cancels in log(u) * x / (u - 1). */
    return repro_math_log(u) * x / (u - 1.0);
}

/* log(n!) by its definition, in a fixed order (n a small integer). */
static double log_factorial_sum(double n)
{
    double lf = 0.0;
    for (double j = 2.0; j <= n; j += 1.0)
        lf += repro_math_log(j);
    return lf;
}

/* log(n!) - log(sqrt(2 pi n) (n/e)^n), n >= 1. */
static double stirlerr(double n)
{
    if (n < 16.0)
        return log_factorial_sum(n) - ((n + 0.5) * repro_math_log(n) - n + LN_SQRT_2PI);
    /* The Stirling series 1/12n - 1/360n^3 + 1/1260n^5 - 1/1680n^7 + 1/1188n^9; the
     * next term is below 2e-16 for n >= 16. */
    double nn = n * n;
    return (1.0 / 12.0 -
            (1.0 / 360.0 - (1.0 / 1260.0 - (1.0 / 1680.0 - (1.0 / 1188.0) / nn) / nn) / nn) /
                nn) / n;
}

double repro_dist_log_factorial(uint64_t k)
{
    double x = (double)k;
    if (k < 16)
        return log_factorial_sum(x);
    return stirlerr(x) + ((x + 0.5) * repro_math_log(x) - x + LN_SQRT_2PI);
}

/* The deviance x log(x / m) + m - x (x >= 0, m > 0), by a series when x is close to m. */
static double bd0(double x, double m)
{
    double d = x - m;
    if ((d < 0.0 ? -d : d) < 0.1 * (x + m)) {
        double v = d / (x + m);
        double s = d * v, ej = 2.0 * x * v, v2 = v * v;
        for (double j = 3.0;; j += 2.0) { /* stops once a term no longer changes s */
            ej *= v2;
            double s1 = s + ej / j;
            if (s1 == s)
                return s1;
            s = s1;
        }
    }
    return x * repro_math_log(x / m) + m - x;
}

double repro_dist_log_poisson_pmf(uint64_t k, double lambda)
{
    if (k == 0)
        return -lambda;
    double x = (double)k;
    return -stirlerr(x) - bd0(x, lambda) - LN_SQRT_2PI - 0.5 * repro_math_log(x);
}

double repro_dist_log_binomial_pmf(uint64_t k, uint64_t n, double p, double q)
{
    double nf = (double)n;
    if (k == 0)
        return nf * repro_dist_log1p(-p);
    if (k == n)
        return nf * repro_math_log(p);
    double x = (double)k, y = (double)(n - k);
    double lc = stirlerr(nf) - stirlerr(x) - stirlerr(y) - bd0(x, nf * p) - bd0(y, nf * q);
    double lf = LN_2PI + repro_math_log(x) + repro_dist_log1p(-x / nf);
    return lc - 0.5 * lf;
}
