/* Parametric distributions on top of the stream (docs/DISTRIBUTIONS.md gives each
 * algorithm and its word consumption).  All arithmetic is IEEE double +, -, *, /,
 * sqrt and the library's own log/exp, in the order written: same bits everywhere.
 * Fixed-consumption ones (gaussian, uniform, bernoulli) go through the bulk fills;
 * the rejection samplers draw one value at a time, gamma and beta from a run of
 * units (src/dist/units.h). */
#include "math/fpenv.h"
#include "math/special.h"
#include "stream/stream.h"
#include "dist/laws.h"
#include "dist/gamma.h"

#include <string.h>

/* Finite: neither inf nor NaN (x - x is 0 only for finite x). */
static int finite(double x)
{
    return x - x == 0.0;
}

/* The largest double below x (x finite, > -DBL_MAX). */
static double next_down(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    if (x == 0.0)
        u = 0x8000000000000001u; /* -2^-1074 */
    else if (x > 0.0)
        u--;
    else
        u++;
    memcpy(&x, &u, sizeof x);
    return x;
}

/* ---- fixed consumption: through the bulk fills ------------------------------- */

static REPRO_NOINLINE int fill_gaussian(repro_stream *s, double *out, size_t n, double mean, double stddev)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!finite(mean) || !finite(stddev) || !(stddev >= 0.0))
        return REPRO_ERR_PARAM;
    rc = repro_fill_normal(s, out, n);
    for (size_t i = 0; rc == REPRO_OK && i < n; i++)
        out[i] = mean + stddev * out[i];
    return rc;
}

static REPRO_NOINLINE int fill_uniform(repro_stream *s, double *out, size_t n, double a, double b)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!finite(a) || !finite(b) || !(a < b))
        return REPRO_ERR_PARAM;
    /* When b - a overflows, work with halves (exact scaling by 2).  Rounding can reach
     * b (or exceed it on the halves path): then the double below b, so [a, b) holds. */
    double width = b - a;
    int halves = !finite(width);
    const double p[5] = {halves ? 0.5 * a : a, halves ? 0.5 * b - 0.5 * a : width,
                         halves ? 2.0 : 1.0, b, next_down(b)};
    return repro_law_fill(s, out, n, REPRO_LAW_UNIFORM, p);
}

static REPRO_NOINLINE int fill_bernoulli(repro_stream *s, uint8_t *out, size_t n, double p)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!(p >= 0.0 && p <= 1.0))
        return REPRO_ERR_PARAM;
    double u[256];
    for (size_t done = 0; done < n;) {
        size_t k = n - done < 256 ? n - done : 256;
        repro_fill_double(s, u, k);
        for (size_t i = 0; i < k; i++)
            out[done + i] = (uint8_t)(u[i] < p); /* P = ceil(p 2^53) / 2^53 */
        done += k;
    }
    return REPRO_OK;
}

/* ---- gamma and beta ------------------------------------------------------------ */

/* Values per pass of fill_gamma's boost. */
#define GAMMA_CHUNK 256

/* Gamma(shape) (src/dist/gamma.h) times scale.  A boosted shape's factors b^(1/shape)
 * are taken a chunk at a time by the ISA's vector log and the array exp, from the b
 * kept in the walk: the same operations on the same values as one at a time. */
static REPRO_NOINLINE int fill_gamma(repro_stream *s, double *out, size_t n, double shape, double scale)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!finite(shape) || !finite(scale) || !(shape > 0.0) || !(scale > 0.0))
        return REPRO_ERR_PARAM;
    const repro_gamma_law g = repro_gamma_law_of(shape);
    repro_convert_fn neg_log = repro_isa_active()->neg_log;
    repro_units u;
    repro_units_begin(&u, s, n, repro_gamma_units(&g));
    for (size_t i = 0; i < n; i += GAMMA_CHUNK) {
        size_t k = n - i < GAMMA_CHUNK ? n - i : GAMMA_CHUNK;
        double *x = out + i, b[GAMMA_CHUNK];
        for (size_t j = 0; j < k; j++) {
            x[j] = repro_gamma_mt(&u, &g);
            if (g.boost)
                b[j] = repro_units_double_oc(&u);
        }
        if (g.boost) {
            neg_log(b, k);
            for (size_t j = 0; j < k; j++)
                b[j] = -b[j] / shape; /* log(b) / shape: -log(b) negated, exact */
            repro_dist_exp_array(b, k);
            for (size_t j = 0; j < k; j++)
                x[j] = x[j] * b[j];
        }
        for (size_t j = 0; j < k; j++)
            x[j] = x[j] * scale;
    }
    repro_units_end(&u);
    return REPRO_OK;
}

/* a, b <= 1: Johnk (1964) with the log-space fallback when both powers underflow;
 * each attempt two doubles in (0,1].  Otherwise X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b)
 * drawn in that order.  The two rescues below act only where the plain formula gives
 * NaN or a wrong 0, so every other value keeps its bits. */
static double beta_draw(repro_units *un, double a, double b, const repro_gamma_law *ga,
                        const repro_gamma_law *gb)
{
    if (a > 1.0 || b > 1.0) {
        double x = repro_gamma_draw(un, ga);
        double y = repro_gamma_draw(un, gb);
        double sum = x + y;
        /* x + y overflows only with both near DBL_MAX (a, b above about 9e307), where
         * halving is exact. */
        if (!finite(sum))
            return (0.5 * x) / (0.5 * x + 0.5 * y);
        return x / sum;
    }
    for (;;) {
        double u = repro_units_double_oc(un), v = repro_units_double_oc(un);
        double lu = repro_dist_log(u), lv = repro_dist_log(v);
        double lx = lu / a, ly = lv / b;
        double x = repro_dist_exp(lx), y = repro_dist_exp(ly);
        double sum = x + y;
        if (sum > 1.0)
            continue;
        if (sum > 0.0)
            return x / sum;
        /* Both underflowed: X / (X + Y) = 1 / (1 + exp(ly - lx)).  When both logs
         * overflowed as well (a and b below about 4e-306), ly - lx is -inf - -inf:
         * take it with the scale m = min(a, b) out, (lv m/b - lu m/a) / m, whose
         * parenthesis is finite (m/a and m/b are in (0, 1]). */
        double d = ly - lx;
        if (!finite(lx) && !finite(ly)) {
            double m = a < b ? a : b;
            d = (lv * (m / b) - lu * (m / a)) / m;
        }
        return 1.0 / (1.0 + repro_dist_exp(d));
    }
}

static REPRO_NOINLINE int fill_beta(repro_stream *s, double *out, size_t n, double a, double b)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!finite(a) || !finite(b) || !(a > 0.0) || !(b > 0.0))
        return REPRO_ERR_PARAM;
    const repro_gamma_law ga = repro_gamma_law_of(a), gb = repro_gamma_law_of(b);
    repro_units u;
    repro_units_begin(&u, s, n, repro_gamma_units(&ga) + repro_gamma_units(&gb));
    for (size_t i = 0; i < n; i++)
        out[i] = beta_draw(&u, a, b, &ga, &gb);
    repro_units_end(&u);
    return REPRO_OK;
}

/* ---- Poisson and binomial -------------------------------------------------------- */

/* Inversion by sequential search from 0 with one double u in [0,1): the smallest k
 * with u < F(k), where pmf(k) = pmf(k-1) * ratio(k).  Past `bound` (reached only when
 * rounding leaves the summed F below u) a fresh u is drawn. */
static uint64_t invert_discrete(repro_stream *s, double pmf0, uint64_t bound,
                                double (*ratio)(const double *par, uint64_t k),
                                const double *par)
{
    for (;;) {
        double u = repro_next_double(s);
        double pmf = pmf0, cdf = pmf0;
        uint64_t k = 0;
        while (u >= cdf && k < bound) {
            k++;
            pmf *= ratio(par, k);
            cdf += pmf;
        }
        if (u < cdf)
            return k;
    }
}

/* Below this mean, inversion; from it on, transformed rejection (Hormann 1993). */
#define REPRO_DISCRETE_INVERSION_MAX 10.0
/* Inversion never needs to search past mean 10 + 100: the tail beyond has mass < 1e-60. */
#define REPRO_DISCRETE_SEARCH_BOUND 110u

static double poisson_ratio(const double *lambda, uint64_t k)
{
    return *lambda / (double)k;
}

/* PTRS (Hormann 1993), lambda >= 10: each attempt two doubles in [0,1), U then V. */
static uint64_t poisson_ptrs(repro_stream *s, double lambda)
{
    double slam = repro_dist_sqrt(lambda);
    double b = 0.931 + 2.53 * slam;
    double a = -0.059 + 0.02483 * b;
    double log_inv_alpha = repro_math_log(1.1239 + 1.1328 / (b - 3.4));
    double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        double u = repro_next_double(s) - 0.5;
        double v = repro_next_double(s);
        double us = 0.5 - (u < 0.0 ? -u : u);
        double kf = (2.0 * a / us + b) * u + lambda + 0.43;
        /* k < 0 is rejected; k >= 2^63 is too (its acceptance test always fails). */
        if (!(kf >= 0.0 && kf < 0x1p63))
            continue;
        uint64_t k = (uint64_t)kf; /* floor, kf >= 0 */
        if (us >= 0.07 && v <= vr)
            return k;
        if (us < 0.013 && v > us)
            continue;
        if (repro_math_log(v) + log_inv_alpha - repro_math_log(a / (us * us) + b) <=
            repro_dist_log_poisson_pmf(k, lambda))
            return k;
    }
}

static REPRO_NOINLINE int fill_poisson(repro_stream *s, uint64_t *out, size_t n, double lambda)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!(lambda >= 0.0 && lambda <= 1e15))
        return REPRO_ERR_PARAM;
    double pmf0 = repro_math_exp(-lambda);
    for (size_t i = 0; i < n; i++) {
        if (lambda == 0.0)
            out[i] = 0;
        else if (lambda < REPRO_DISCRETE_INVERSION_MAX)
            out[i] = invert_discrete(s, pmf0, REPRO_DISCRETE_SEARCH_BOUND, poisson_ratio,
                                     &lambda);
        else
            out[i] = poisson_ptrs(s, lambda);
    }
    return REPRO_OK;
}

/* par = {n, p, q}: pmf(k) / pmf(k-1) = (n - k + 1) / k * p / q. */
static double binomial_ratio(const double *par, uint64_t k)
{
    return (par[0] - (double)k + 1.0) / (double)k * (par[1] / par[2]);
}

/* BTRS (Hormann 1993), n p >= 10, p <= 1/2: each attempt two doubles in [0,1), U then V. */
static uint64_t binomial_btrs(repro_stream *s, uint64_t trials, double p)
{
    double n = (double)trials, q = 1.0 - p;
    double spq = repro_dist_sqrt(n * p * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double log_alpha = repro_math_log((2.83 + 5.1 / b) * spq);
    double vr = 0.92 - 4.2 / b;
    /* The mode m = floor((n + 1) p); the test compares pmf(k) with pmf(m). */
    double mf = (n + 1.0) * p;
    uint64_t m = (uint64_t)mf;
    if (m > trials)
        m = trials;
    double log_pmf_m = repro_dist_log_binomial_pmf(m, trials, p, q);
    for (;;) {
        double u = repro_next_double(s) - 0.5;
        double v = repro_next_double(s);
        double us = 0.5 - (u < 0.0 ? -u : u);
        double kf = (2.0 * a / us + b) * u + c;
        if (!(kf >= 0.0 && kf < n + 1.0 && kf < 0x1p64))
            continue;
        uint64_t k = (uint64_t)kf;
        if (k > trials)
            continue;
        if (us >= 0.07 && v <= vr)
            return k;
        double lhs = repro_math_log(v) + log_alpha - repro_math_log(a / (us * us) + b);
        if (lhs <= repro_dist_log_binomial_pmf(k, trials, p, q) - log_pmf_m)
            return k;
    }
}

static REPRO_NOINLINE int fill_binomial(repro_stream *s, uint64_t *out, size_t n, uint64_t trials, double p)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!(p >= 0.0 && p <= 1.0))
        return REPRO_ERR_PARAM;
    /* Draw for min(p, 1 - p) (1 - p is exact for p >= 1/2), mirror back. */
    int flip = p > 0.5;
    double pp = flip ? 1.0 - p : p;
    double nf = (double)trials;
    double par[3] = {nf, pp, 1.0 - pp};
    uint64_t bound = trials < REPRO_DISCRETE_SEARCH_BOUND ? trials
                                                          : REPRO_DISCRETE_SEARCH_BOUND;
    double pmf0 = repro_math_exp(nf * repro_dist_log1p(-pp)); /* (1 - p)^n */
    for (size_t i = 0; i < n; i++) {
        uint64_t k;
        if (trials == 0 || pp == 0.0)
            k = 0;
        else if (nf * pp < REPRO_DISCRETE_INVERSION_MAX)
            k = invert_discrete(s, pmf0, bound, binomial_ratio, par);
        else
            k = binomial_btrs(s, trials, pp);
        out[i] = flip ? trials - k : k;
    }
    return REPRO_OK;
}


/* Public entry points: the work above runs in the default floating-point environment
 * whatever the caller's (see repro_fpenv_enter). */
#define REPRO_FILL_PUBLIC(name, PARAMS, ARGS)                                            \
    int repro_fill_##name PARAMS                                                         \
    {                                                                                    \
        repro_fpenv env = repro_fpenv_enter();                                           \
        int rc = fill_##name ARGS;                                                       \
        repro_fpenv_leave(env);                                                          \
        return rc;                                                                       \
    }
REPRO_FILL_PUBLIC(gaussian, (repro_stream *s, double *out, size_t n, double mean, double stddev),
                  (s, out, n, mean, stddev))
REPRO_FILL_PUBLIC(uniform, (repro_stream *s, double *out, size_t n, double a, double b),
                  (s, out, n, a, b))
REPRO_FILL_PUBLIC(bernoulli, (repro_stream *s, uint8_t *out, size_t n, double p),
                  (s, out, n, p))
REPRO_FILL_PUBLIC(gamma, (repro_stream *s, double *out, size_t n, double shape, double scale),
                  (s, out, n, shape, scale))
REPRO_FILL_PUBLIC(beta, (repro_stream *s, double *out, size_t n, double a, double b),
                  (s, out, n, a, b))
REPRO_FILL_PUBLIC(poisson, (repro_stream *s, uint64_t *out, size_t n, double lambda),
                  (s, out, n, lambda))
REPRO_FILL_PUBLIC(binomial, (repro_stream *s, uint64_t *out, size_t n, uint64_t trials, double p),
                  (s, out, n, trials, p))
