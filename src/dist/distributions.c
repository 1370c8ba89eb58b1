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
#include "dist/binomial.h"

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
 * are taken a chunk at a time by the ISA's vector log and exp, from the b
 * kept in the walk: the same operations on the same values as one at a time. */
static REPRO_NOINLINE int fill_gamma(repro_stream *s, double *out, size_t n, double shape, double scale)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!finite(shape) || !finite(scale) || !(shape > 0.0) || !(scale > 0.0))
        return REPRO_ERR_PARAM;
    const repro_gamma_law g = repro_gamma_law_of(shape);
    const repro_isa_table *isa = repro_isa_active();
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
            isa->neg_log(b, k);
            for (size_t j = 0; j < k; j++)
                b[j] = -b[j] / shape; /* log(b) / shape: -log(b) negated, exact */
            isa->exp(b, k);
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

/* Where the Poisson and binomial samplers take their u64 draws: the stream s, or a
 * run of units u (src/dist/units.h: the same values, for the laws that mix them with
 * gammas), when u is not NULL. */
typedef struct {
    repro_stream *s;
    repro_units *u;
} draw_src;

static inline uint64_t src_u64(draw_src d)
{
    return d.u ? repro_units_u64(d.u) : repro_next_u64(d.s);
}

/* The search of the inversion below for one u in [0,1): the smallest k <= bound with
 * u < F(k), where F(0) = pmf(0) = pmf0 and pmf(k) = pmf(k-1) * (Poisson) lambda / k or
 * (binomial) (n - k + 1) / k * (p / q), ratio = p / q; F(k) is returned (u >= it: none
 * such k), and F(k - 1) in *below (0 for k = 0). */
static inline double search_discrete(double u, double pmf0, uint64_t bound, int binomial,
                                     double nf_or_lambda, double ratio, uint64_t *k,
                                     double *below)
{
    double pmf = pmf0, cdf = pmf0, prev = 0.0;
    uint64_t j = 0;
    while (u >= cdf && j < bound) {
        j++;
        double kf = (double)j;
        pmf *= binomial ? (nf_or_lambda - kf + 1.0) / kf * ratio : nf_or_lambda / kf;
        prev = cdf;
        cdf += pmf;
    }
    *k = j;
    *below = prev;
    return cdf;
}

/* Inversion by sequential search from 0 with one double u in [0,1) per attempt
 * (search_discrete).  Past `bound` (reached only when rounding leaves the summed F
 * below u) a fresh u is drawn.  Inline, so that each caller's `binomial` is a
 * constant. */
static inline uint64_t invert_discrete(draw_src d, double pmf0, uint64_t bound,
                                       int binomial, double nf_or_lambda, double ratio)
{
    for (;;) {
        double u = d.u ? repro_units_double(d.u) : repro_next_double(d.s), below;
        uint64_t k;
        if (u < search_discrete(u, pmf0, bound, binomial, nf_or_lambda, ratio, &k, &below))
            return k;
    }
}

/* Below this mean, inversion; from it on, transformed rejection (Hormann 1993). */
#define REPRO_DISCRETE_INVERSION_MAX 10.0
/* Inversion never needs to search past mean 10 + 100: the tail beyond has mass < 1e-60. */
#define REPRO_DISCRETE_SEARCH_BOUND 110u

/* Whether log(v) + log(c) - log(q) <= r, as repro_dist_log and this order of
 * operations give it (PTRS's and BTRS's test, log(c) their constant alpha's log;
 * c >= 1 and q >= 1 finite).  The estimates decide when they are off r by more than
 * their error plus a margin for the exact logs' (an ulp each) and the roundings of
 * both sums (below 1e-12: the terms are below 800), which they nearly always are;
 * else, and for v below 2^-1022, the exact logs do.  So a fill of one value (a
 * mixture's) skips log(c) too. */
#define LOG_TEST_MARGIN (3.0 * REPRO_LOG_ESTIMATE_ERR + 0x1p-30)
static int log_test(double v, double c, double q, double r)
{
    if (v >= 0x1p-1022) {
        double est = repro_dist_log_estimate(v) + repro_dist_log_estimate(c) -
                     repro_dist_log_estimate(q);
        if (est <= r - LOG_TEST_MARGIN)
            return 1;
        if (est > r + LOG_TEST_MARGIN)
            return 0;
    }
    return repro_dist_log(v) + repro_dist_log(c) - repro_dist_log(q) <= r;
}

/* PTRS's test estimates log pmf(k) for k in [1, this], where the estimate's error
 * (about 6e-7 k) stays far below the test's usual distance. */
#define POISSON_ESTIMATE_MAX 2000u

/* One attempt of PTRS or BTRS (see repro_tr) from its words x (U) and y (V):
 * TR_ACCEPT or TR_REJECT, or TR_TEST when the log test decides; k the value.  The
 * conditions are combined without branches: one hard-to-predict branch, not four. */
enum { TR_REJECT, TR_ACCEPT, TR_TEST };
static inline int tr_classify(const repro_tr *z, uint64_t x, uint64_t y, uint64_t *k)
{
    double u = REPRO_DOUBLE_FROM_U64_(x) - 0.5, v = REPRO_DOUBLE_FROM_U64_(y);
    double us = 0.5 - (u < 0.0 ? -u : u);
    double kf = (2.0 * z->a / us + z->b) * u + z->c1 + z->c2;
    int in = (kf >= 0.0) & (kf < z->kf_end);
    *k = (uint64_t)(in ? kf : 0.0); /* floor */
    in &= *k <= z->kmax;
    int accept = in & (us >= 0.07) & (v <= z->vr);
    int reject = (in == 0) | ((z->binomial == 0) & (us < 0.013) & (v > us));
    return accept ? TR_ACCEPT : reject ? TR_REJECT : TR_TEST;
}

/* The log test of an attempt that needs it: 1 accepts.  With k in the cache, whose
 * aux is e = exp(r) / alpha (r the log-pmf side), the test is V <= e q,
 * q = a / us^2 + b, up to the logs' roundings: the product (relative error below
 * 1e-15 with e's) decides when V is off it by a relative 2^-30, where the exact
 * sum of logs is off r by more than 4e-10, far above its error (1e-12): no log. */
static int tr_test(const repro_tr *z, uint64_t x, uint64_t y, uint64_t k,
                   repro_logpmf_cache *cache)
{
    double u = REPRO_DOUBLE_FROM_U64_(x) - 0.5, v = REPRO_DOUBLE_FROM_U64_(y);
    double us = 0.5 - (u < 0.0 ? -u : u), q = z->a / (us * us) + z->b;
    double *slot = repro_logpmf_slot(cache, k), r;
    if (slot && *slot == *slot) {
        double eq = cache->aux[slot - cache->v] * q;
        if (v <= eq * (1.0 - 0x1p-30))
            return 1;
        if (v > eq * (1.0 + 0x1p-30))
            return 0;
        r = *slot;
    } else {
        if (!slot && !z->binomial && k - 1 < POISSON_ESTIMATE_MAX && v >= 0x1p-1022) {
            /* Without the cache (a fill of a few values): log pmf(k) =
             * k log(lambda) - lambda - log(k!) from the estimate of log(lambda) and
             * Stirling's series (to 1/12k, 2e-9 off from k = 128) on that of log(k)
             * above the table; err bounds its distance to repro_dist_log_poisson_pmf:
             * the estimates', the series', and 4e-15 times the terms for the
             * roundings of both forms. */
            const double e = REPRO_LOG_ESTIMATE_ERR;
            double kf = (double)k, lf, err = e * kf + 1e-9;
            if (k < 128) {
                lf = repro_dist_log_factorial(k);
            } else {
                lf = (kf + 0.5) * repro_dist_log_estimate(kf) - kf + 0x1.d67f1c864beb4p-1 +
                     1.0 / (12.0 * kf); /* log sqrt(2 pi) */
                err += e * (kf + 0.5) + 2e-9;
            }
            double klog = kf * z->log_lambda_est, rest = klog - z->lambda - lf;
            err += 4e-15 * (klog + z->lambda + lf);
            double lhs = repro_dist_log_estimate(v) + repro_dist_log_estimate(z->alpha) -
                         repro_dist_log_estimate(q);
            if (lhs <= rest - err - LOG_TEST_MARGIN)
                return 1;
            if (lhs > rest + err + LOG_TEST_MARGIN)
                return 0;
        }
        r = z->binomial ? repro_dist_log_binomial_pmf(k, z->trials, z->p, z->q) - z->log_pmf_m
                        : repro_dist_log_poisson_pmf(k, z->lambda);
        if (slot) {
            /* below 2^-1000 e would lose precision: NaN leaves the test to the logs */
            double e = repro_dist_exp(r) / z->alpha;
            if (!(e >= 0x1p-1000))
                e = repro_bits_double(REPRO_BITS_NAN);
            *slot = r;
            cache->aux[slot - cache->v] = e;
        }
    }
    return log_test(v, z->alpha, q, r);
}

static uint64_t tr_draw(draw_src d, const repro_tr *z, repro_logpmf_cache *cache)
{
    for (;;) {
        uint64_t x = src_u64(d);
        uint64_t y = src_u64(d);
        uint64_t k;
        int st = tr_classify(z, x, y, &k);
        if (st == TR_ACCEPT || (st == TR_TEST && tr_test(z, x, y, k, cache)))
            return k;
    }
}

/* PTRS (Hormann 1993), lambda >= 10. */
static repro_tr ptrs_init(double lambda)
{
    repro_tr z;
    memset(&z, 0, sizeof z);
    double slam = repro_dist_sqrt(lambda);
    z.lambda = lambda;
    z.b = 0.931 + 2.53 * slam;
    z.a = -0.059 + 0.02483 * z.b;
    z.c1 = lambda, z.c2 = 0.43;
    z.log_lambda_est = repro_dist_log_estimate(lambda);
    z.alpha = 1.1239 + 1.1328 / (z.b - 3.4);
    z.vr = 0.9277 - 3.6224 / (z.b - 2.0);
    /* k >= 2^63 is rejected (its acceptance test always fails) */
    z.kf_end = 0x1p63;
    z.kmax = UINT64_MAX;
    return z;
}

static REPRO_NOINLINE int fill_poisson(repro_stream *s, uint64_t *out, size_t n, double lambda)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!(lambda >= 0.0 && lambda <= 1e15))
        return REPRO_ERR_PARAM;
    if (lambda == 0.0) {
        for (size_t i = 0; i < n; i++) /* not memset: out may be NULL (n == 0) */
            out[i] = 0;
    } else if (lambda < REPRO_DISCRETE_INVERSION_MAX) {
        const draw_src d = {s, NULL};
        double pmf0 = repro_dist_exp(-lambda);
        for (size_t i = 0; i < n; i++)
            out[i] = invert_discrete(d, pmf0, REPRO_DISCRETE_SEARCH_BOUND, 0, lambda, 0.0);
    } else {
        const draw_src d = {s, NULL};
        repro_tr z = ptrs_init(lambda);
        repro_logpmf_cache cache;
        repro_logpmf_cache_init(&cache, lambda, n);
        for (size_t i = 0; i < n; i++)
            out[i] = tr_draw(d, &z, &cache);
    }
    return REPRO_OK;
}

/* Distance of u from the sums F(k - 1) and F(k) of a search from an estimate of
 * pmf0 = e^-lambda (within a relative e = REPRO_EXP_ESTIMATE_ERR) beyond which the
 * search from pmf0 itself ends at the same k (the sums never decrease): the two
 * searches' pmf(j) differ by a relative e + 2j 2^-53 at most (one rounding each per
 * step), their F(j) by (e + 4j 2^-53) F(j) (one more per sum), below 2e-13 for
 * j <= 110 and F < 1.01. */
#define POISSON_ESTIMATE_MARGIN 0x1p-36

uint64_t repro_poisson_draw(repro_units *u, double lambda)
{
    const draw_src d = {NULL, u};
    if (lambda == 0.0)
        return 0;
    if (lambda >= REPRO_DISCRETE_INVERSION_MAX) {
        repro_tr z = ptrs_init(lambda);
        return tr_draw(d, &z, NULL);
    }
    /* Inversion (as invert_discrete) searched from the estimate of e^-lambda, whose
     * latency is a fraction of the exact one's; the exact search only when u is within
     * the margin of the sums that decided (or past the bound). */
    const double est = repro_dist_exp_estimate(-lambda), m = POISSON_ESTIMATE_MARGIN;
    for (;;) {
        double v = repro_units_double(u), below;
        uint64_t k;
        double cdf = search_discrete(v, est, REPRO_DISCRETE_SEARCH_BOUND, 0, lambda, 0.0, &k,
                                     &below);
        if (v < cdf - m && (k == 0 || v >= below + m))
            return k;
        cdf = search_discrete(v, repro_dist_exp(-lambda), REPRO_DISCRETE_SEARCH_BOUND, 0,
                              lambda, 0.0, &k, &below);
        if (v < cdf)
            return k;
    }
}

/* Draws for min(p, 1 - p) (1 - p is exact for p >= 1/2), mirrored back: (1 - p)^n
 * inversion below mean 10, else BTRS (Hormann 1993), whose constants are here. */
void repro_binomial_init(repro_binomial *z, uint64_t trials, double p)
{
    memset(z, 0, sizeof *z);
    z->trials = trials;
    z->flip = p > 0.5;
    double pp = z->flip ? 1.0 - p : p, nf = (double)trials;
    z->nf = nf;
    if (trials == 0 || pp == 0.0)
        return;
    double q = 1.0 - pp;
    if (nf * pp < REPRO_DISCRETE_INVERSION_MAX) {
        z->method = 1;
        z->bound = trials < REPRO_DISCRETE_SEARCH_BOUND ? trials : REPRO_DISCRETE_SEARCH_BOUND;
        z->pmf0 = repro_dist_exp(nf * repro_dist_log1p(-pp)); /* (1 - p)^n */
        z->ratio = pp / q;
        return;
    }
    z->method = 2;
    repro_tr *t = &z->tr;
    double spq = repro_dist_sqrt(nf * pp * q);
    t->binomial = 1;
    t->trials = trials, t->p = pp, t->q = q;
    t->b = 1.15 + 2.53 * spq;
    t->a = -0.0873 + 0.0248 * t->b + 0.01 * pp;
    t->c1 = nf * pp + 0.5, t->c2 = 0.0; /* x + 0.0 is x (-0.0 gives +0.0: the same k) */
    t->alpha = (2.83 + 5.1 / t->b) * spq;
    t->vr = 0.92 - 4.2 / t->b;
    t->kf_end = nf + 1.0 < 0x1p64 ? nf + 1.0 : 0x1p64;
    t->kmax = trials;
    /* The mode m = floor((n + 1) p); the test compares pmf(k) with pmf(m). */
    double mf = (nf + 1.0) * pp;
    uint64_t mode = (uint64_t)mf;
    if (mode > trials)
        mode = trials;
    t->log_pmf_m = repro_dist_log_binomial_pmf(mode, trials, pp, q);
}

uint64_t repro_binomial_draw(repro_stream *s, const repro_binomial *z)
{
    const draw_src d = {s, NULL};
    uint64_t k = z->method == 0   ? 0
                 : z->method == 1 ? invert_discrete(d, z->pmf0, z->bound, 1, z->nf, z->ratio)
                                  : tr_draw(d, &z->tr, NULL);
    return z->flip ? z->trials - k : k;
}

static REPRO_NOINLINE int fill_binomial(repro_stream *s, uint64_t *out, size_t n, uint64_t trials, double p)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!(p >= 0.0 && p <= 1.0))
        return REPRO_ERR_PARAM;
    repro_binomial z;
    repro_binomial_init(&z, trials, p);
    if (z.method != 2) {
        for (size_t i = 0; i < n; i++)
            out[i] = repro_binomial_draw(s, &z);
        return REPRO_OK;
    }
    repro_logpmf_cache cache;
    repro_logpmf_cache_init(&cache, z.tr.c1, n);
    for (size_t i = 0; i < n; i++) {
        uint64_t k = tr_draw((draw_src){s, NULL}, &z.tr, &cache);
        out[i] = z.flip ? trials - k : k;
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
