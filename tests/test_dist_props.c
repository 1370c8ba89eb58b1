/* Properties of every distribution over the whole parameter range the header allows:
 * parameters drawn log-uniformly (uniform bit patterns of the
 * finite doubles, from the smallest subnormal to DBL_MAX where allowed) plus every
 * pair of edge values, and for each point a fill of VALUES draws that must
 *   - return REPRO_OK, and never come with a NaN;
 *   - lie in the support: [a, b) for the uniform, [0, 1] for the beta, {0, 1} for
 *     the Bernoulli, [0, trials] for the binomial, >= 0 for the gamma (a value
 *     below the smallest subnormal rounds to 0);
 *   - be finite wherever every value of the law is far below DBL_MAX (a value that
 *     exceeds DBL_MAX rounds to inf, as any IEEE operation does);
 *   - stay within a generous band around the mean (50 standard deviations), which
 *     catches a sampler that goes wrong without leaving the support.
 * The parameters come from a generator of the test's own (splitmix64), not from the
 * library. */
#include "testutil.h"
#include "vectors/bits.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VALUES 64
#define RANDOM_POINTS 400

static uint64_t mix_state = 0x243F6A8885A308D3u;

static uint64_t splitmix64(void)
{
    uint64_t z = (mix_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* Uniform over the bit patterns of [0, max] (max >= 0): every binade equally likely. */
static double log_uniform(double max)
{
    return vec_bits_double(splitmix64() % (vec_double_bits(max) + 1));
}

/* A finite double of either sign, log-uniform in magnitude. */
static double any_finite(void)
{
    double x = log_uniform(DBL_MAX);
    return splitmix64() & 1 ? -x : x;
}

/* A probability: log-uniform in [0, 1], half of the time mirrored to 1 - p (the
 * probabilities next to 1). */
static double probability(void)
{
    double p = log_uniform(1.0);
    return splitmix64() & 1 ? 1.0 - p : p;
}

/* A count with a bit length uniform in 0 .. 64. */
static uint64_t any_count(void)
{
    unsigned bits = (unsigned)(splitmix64() % 65);
    return bits == 0 ? 0 : splitmix64() >> (64 - bits);
}

/* Edge values of the positive parameters (the beta once gave NaN at tiny ones and 0
 * at huge ones). */
static const double edges[] = {
    0x1p-1074, 1e-310, 0x1p-1022, 1e-308, 1e-300, 1e-20, 0.5, 1.0 - 0x1p-53, 1.0,
    1.0 + 0x1p-52, 3.0, 1e15, 1e300, 9e307, 1e308, DBL_MAX,
};
#define N_EDGES (sizeof edges / sizeof edges[0])

static repro_stream stream(void)
{
    repro_stream s;
    assert_int_equal(repro_stream_init(&s, REPRO_PHILOX4X32, repro_seed_from_u64(13)),
                     REPRO_OK);
    return s;
}

/* The checks of one point are each law's support and band, as the condition every value
 * x must meet (written as "not <a wrong value>" where NaN must count as wrong). */
/* One fill of VALUES values into x_ by `call`, which must return REPRO_OK; every value x
 * must satisfy `ok`.  label_ names the point. */
#define LAW_POINT(type, call, ok)                                                         \
    do {                                                                                  \
        type x_[VALUES];                                                                  \
        int rc_ = (call);                                                                 \
        if (rc_ != REPRO_OK)                                                              \
            fail_msg("%s: rc %d", label_, rc_);                                           \
        for (int i_ = 0; i_ < VALUES; i_++) {                                             \
            type x = x_[i_];                                                              \
            if (!(ok))                                                                    \
                fail_msg("%s gave %a", label_, (double)x);                                \
        }                                                                                 \
    } while (0)
#define LABEL(...) snprintf(label_, sizeof label_, __VA_ARGS__)

static void gaussian_point(repro_stream *s, double mean, double sd)
{
    char label_[160];
    LABEL("gaussian(%a, %a)", mean, sd);
    /* |N| < 9 for a double in (0,1): every value is below DBL_MAX when this holds;
     * the band is checked in halves (x - mean may overflow), with mean's rounding */
    int bounded = sd <= (DBL_MAX - fabs(mean)) / 64.0;
    LAW_POINT(double, repro_fill_gaussian(s, x_, VALUES, mean, sd),
              !(isnan(x) || (bounded && !isfinite(x)) ||
                (isfinite(x) && fabs(0.5 * x - 0.5 * mean) >
                                    4.5 * sd * (1.0 + 0x1p-50) + fabs(mean) * 0x1p-53) ||
                (sd == 0.0 && x != mean)));
}

static void uniform_point(repro_stream *s, double a, double b)
{
    char label_[160];
    LABEL("uniform(%a, %a)", a, b);
    LAW_POINT(double, repro_fill_uniform(s, x_, VALUES, a, b), x >= a && x < b);
}

static void bernoulli_point(repro_stream *s, double p)
{
    char label_[160];
    LABEL("bernoulli(%a)", p);
    LAW_POINT(uint8_t, repro_fill_bernoulli(s, x_, VALUES, p),
              !(x > 1 || (p == 0.0 && x != 0) || (p == 1.0 && x != 1)));
}

static void gamma_point(repro_stream *s, double shape, double scale)
{
    char label_[160];
    LABEL("gamma(%a, %a)", shape, scale);
    /* Gamma(k, 1) draws stay below 256 max(k, 1) (the samplers' own limit is about
     * 85 at k = 1, from the largest normal of a double in (0,1)). */
    double k1 = shape > 1.0 ? shape : 1.0;
    int bounded = scale <= DBL_MAX / 256.0 / k1;
    /* x / scale is the Gamma(k, 1) draw unless x is far below DBL_MIN */
    int band = bounded && scale >= 0x1p-900;
    LAW_POINT(double, repro_fill_gamma(s, x_, VALUES, shape, scale),
              !(isnan(x) || !(x >= 0.0) || (bounded && !isfinite(x)) ||
                (bounded && x / scale > 256.0 * k1) ||
                (band && fabs(x / scale - shape) > 50.0 * sqrt(shape) + 50.0 + shape * 0x1p-40)));
}

static void beta_point(repro_stream *s, double a, double b)
{
    char label_[160];
    LABEL("beta(%a, %a)", a, b);
    /* mean a / (a + b) and variance mean (1 - mean) / (a + b + 1), without overflow */
    double mean = 1.0 / (1.0 + b / a);
    double sd = sqrt(mean * (1.0 - mean) / (0.5 * a + 0.5 * b + 0.5) * 0.5);
    LAW_POINT(double, repro_fill_beta(s, x_, VALUES, a, b),
              !(!(x >= 0.0 && x <= 1.0) || fabs(x - mean) > 50.0 * sd + 0x1p-40));
}

static void poisson_point(repro_stream *s, double lambda)
{
    char label_[160];
    LABEL("poisson(%a)", lambda);
    double band = 50.0 * sqrt(lambda) + 50.0;
    LAW_POINT(uint64_t, repro_fill_poisson(s, x_, VALUES, lambda),
              !(fabs((double)x - lambda) > band || (lambda == 0.0 && x != 0)));
}

static void binomial_point(repro_stream *s, uint64_t trials, double p)
{
    char label_[160];
    LABEL("binomial(%llu, %a)", (unsigned long long)trials, p);
    double n = (double)trials, mean = n * p;
    /* the library's own arithmetic holds n in a double: allow that rounding */
    double band = 50.0 * sqrt(mean * (1.0 - p)) + 50.0 + n * 0x1p-50;
    LAW_POINT(uint64_t, repro_fill_binomial(s, x_, VALUES, trials, p),
              !(x > trials || fabs((double)x - mean) > band || (p == 0.0 && x != 0) ||
                (p == 1.0 && x != trials)));
}

static void test_continuous(void **state)
{
    (void)state;
    repro_stream s = stream();
    for (size_t i = 0; i < N_EDGES; i++)
        for (size_t j = 0; j < N_EDGES; j++) {
            gaussian_point(&s, edges[i], edges[j]);
            gaussian_point(&s, -edges[i], edges[j]);
            uniform_point(&s, -edges[i], edges[j]);
            if (edges[i] < edges[j])
                uniform_point(&s, edges[i], edges[j]);
            gamma_point(&s, edges[i], edges[j]);
            beta_point(&s, edges[i], edges[j]);
        }
    gaussian_point(&s, 1.0, 0.0);
    gaussian_point(&s, -DBL_MAX, 0.0);
    for (int t = 0; t < RANDOM_POINTS; t++) {
        gaussian_point(&s, any_finite(), log_uniform(DBL_MAX));
        double a = any_finite(), b = any_finite();
        if (a != b)
            uniform_point(&s, a < b ? a : b, a < b ? b : a);
        gamma_point(&s, log_uniform(DBL_MAX), log_uniform(DBL_MAX));
        beta_point(&s, log_uniform(DBL_MAX), log_uniform(DBL_MAX));
        /* both parameters below 1 (the Johnk branch) */
        beta_point(&s, log_uniform(1.0), log_uniform(1.0));
    }
}

static void test_discrete(void **state)
{
    (void)state;
    repro_stream s = stream();
    static const double probs[] = {0.0, 0x1p-1074, 1e-300, 1e-18, 1e-9, 0.25, 0.5,
                                   0.5 + 0x1p-53, 0.75, 1.0 - 1e-9, 1.0 - 0x1p-53, 1.0};
    static const uint64_t counts[] = {0, 1, 2, 109, 110, 111, 1000, 1u << 31,
                                      (uint64_t)1 << 53, ((uint64_t)1 << 53) + 1,
                                      (uint64_t)1 << 63, UINT64_MAX - 1, UINT64_MAX};
    for (size_t i = 0; i < sizeof probs / sizeof probs[0]; i++) {
        bernoulli_point(&s, probs[i]);
        for (size_t j = 0; j < sizeof counts / sizeof counts[0]; j++)
            binomial_point(&s, counts[j], probs[i]);
    }
    static const double lambdas[] = {0.0, 0x1p-1074, 1e-300, 1e-9, 1.0, 10.0 - 0x1p-49, 10.0,
                                     1e6, 1e15 - 1.0, 1e15};
    for (size_t i = 0; i < sizeof lambdas / sizeof lambdas[0]; i++)
        poisson_point(&s, lambdas[i]);
    for (int t = 0; t < RANDOM_POINTS; t++) {
        bernoulli_point(&s, probability());
        poisson_point(&s, log_uniform(1e15));
        binomial_point(&s, any_count(), probability());
    }
}

/* ---- numpy's other laws (src/dist/laws_*.c) ---------------------------------------- */

/* A location of either sign and a scale (>= 0) from the edges, and the point's laws. */
static void loc_scale_laws(repro_stream *s, double loc, double scale)
{
    char label_[160];
    LABEL("lognormal(%a, %a)", loc, scale);
    LAW_POINT(double, repro_fill_lognormal(s, x_, VALUES, loc, scale), x >= 0.0);
    LABEL("laplace(%a, %a)", loc, scale);
    LAW_POINT(double, repro_fill_laplace(s, x_, VALUES, loc, scale), x == x);
    LABEL("logistic(%a, %a)", loc, scale);
    LAW_POINT(double, repro_fill_logistic(s, x_, VALUES, loc, scale), x == x);
    LABEL("gumbel(%a, %a)", loc, scale);
    LAW_POINT(double, repro_fill_gumbel(s, x_, VALUES, loc, scale), x == x);
    LABEL("exponential_scaled(%a)", scale);
    LAW_POINT(double, repro_fill_exponential_scaled(s, x_, VALUES, scale),
              x >= 0.0 && (scale > 0x1p1000 || isfinite(x)));
    LABEL("vonmises(%a, %a)", loc, scale);
    LAW_POINT(double, repro_fill_vonmises(s, x_, VALUES, loc, scale),
              x >= -3.1415926535897931 && x <= 3.1415926535897931);
    if (loc > 0.0) { /* both positive: the two-parameter shape laws */
        LABEL("wald(%a, %a)", loc, scale);
        if (scale > 0.0)
            LAW_POINT(double, repro_fill_wald(s, x_, VALUES, loc, scale), x >= 0.0);
        LABEL("f(%a, %a)", loc, scale);
        if (0.5 * scale > 0.0 && 0.5 * loc > 0.0)
            LAW_POINT(double, repro_fill_f(s, x_, VALUES, loc, scale), x >= 0.0);
        LABEL("noncentral_f(%a, %a, 3)", loc, scale);
        if (0.5 * scale > 0.0 && 0.5 * loc > 0.0)
            LAW_POINT(double, repro_fill_noncentral_f(s, x_, VALUES, loc, scale, 3.0),
                      x >= 0.0);
        LABEL("triangular(%a, %a, %a)", -loc, scale - loc, scale);
        if (isfinite(scale + loc) && scale - loc >= -loc && scale - loc <= scale)
            LAW_POINT(double, repro_fill_triangular(s, x_, VALUES, -loc, scale - loc, scale),
                      x >= -loc && x <= scale);
    }
}

/* The one-parameter laws of a shape or a degree of freedom a > 0. */
static void shape_laws(repro_stream *s, double a)
{
    char label_[160];
    LABEL("rayleigh(%a)", a);
    LAW_POINT(double, repro_fill_rayleigh(s, x_, VALUES, a), x >= 0.0);
    LABEL("weibull(%a)", a);
    LAW_POINT(double, repro_fill_weibull(s, x_, VALUES, a), x >= 0.0);
    LABEL("pareto(%a)", a);
    LAW_POINT(double, repro_fill_pareto(s, x_, VALUES, a), x >= 0.0);
    LABEL("power(%a)", a);
    LAW_POINT(double, repro_fill_power(s, x_, VALUES, a), x >= 0.0 && x <= 1.0);
    LABEL("gamma_float(%a, 1)", a);
    LAW_POINT(float, repro_fill_gamma_float(s, x_, VALUES, a, 1.0),
              x >= 0.0f && (a > 1e37 || isfinite(x)));
    if (0.5 * a > 0.0) {
        LABEL("chisquare(%a)", a);
        LAW_POINT(double, repro_fill_chisquare(s, x_, VALUES, a), x >= 0.0);
        LABEL("standard_t(%a)", a);
        LAW_POINT(double, repro_fill_standard_t(s, x_, VALUES, a), x == x);
        static const double noncs[] = {0.0, 0x1p-1074, 1.0, 1e6, 2e15};
        for (size_t j = 0; j < sizeof noncs / sizeof noncs[0]; j++) {
            LABEL("noncentral_chisquare(%a, %a)", a, noncs[j]);
            LAW_POINT(double, repro_fill_noncentral_chisquare(s, x_, VALUES, a, noncs[j]),
                      x >= 0.0);
        }
    }
    double alpha[3] = {a, 1.0, a};
    LABEL("dirichlet(%a, 1, %a)", a, a);
    double sum_[VALUES];
    {
        double x_[3 * VALUES];
        if (repro_fill_dirichlet(s, x_, VALUES, alpha, 3) != REPRO_OK)
            fail_msg("%s: rc", label_);
        for (int i = 0; i < VALUES; i++) {
            sum_[i] = x_[3 * i] + x_[3 * i + 1] + x_[3 * i + 2];
            for (int j = 0; j < 3; j++)
                if (!(x_[3 * i + j] >= 0.0 && x_[3 * i + j] <= 1.0))
                    fail_msg("%s gave %a", label_, x_[3 * i + j]);
            if (fabs(sum_[i] - 1.0) > 0x1p-50)
                fail_msg("%s: components sum to %a", label_, sum_[i]);
        }
    }
}

/* A probability p in [0, 1] and a count: the discrete laws. */
static void discrete_laws(repro_stream *s, double p, uint64_t count)
{
    char label_[160];
    if (p > 0.0) {
        LABEL("geometric(%a)", p);
        LAW_POINT(uint64_t, repro_fill_geometric(s, x_, VALUES, p),
                  x >= 1 && x <= (uint64_t)INT64_MAX);
        double theta = (1.0 - p) / p, r = count ? (double)count : 0.5;
        LABEL("negative_binomial(%a, %a)", r, p);
        if (theta <= 1e12 && r * theta <= 1e12)
            LAW_POINT(uint64_t, repro_fill_negative_binomial(s, x_, VALUES, r, p),
                      x <= (uint64_t)INT64_MAX && (p < 1.0 || x == 0));
        else
            assert_int_equal(repro_fill_negative_binomial(s, (uint64_t[1]){0}, 1, r, p),
                             REPRO_ERR_PARAM);
    }
    if (p < 1.0) {
        LABEL("logseries(%a)", p);
        LAW_POINT(uint64_t, repro_fill_logseries(s, x_, VALUES, p),
                  x >= 1 && x <= (uint64_t)INT64_MAX && (p > 0.0 || x == 1));
    }
    double pv[3] = {p, 0.5 * (1.0 - p), 0.0};
    LABEL("multinomial(%llu, %a, ...)", (unsigned long long)count, p);
    {
        uint64_t x_[3 * VALUES];
        if (repro_fill_multinomial(s, x_, VALUES, count, pv, 3) != REPRO_OK)
            fail_msg("%s: rc", label_);
        for (int i = 0; i < VALUES; i++)
            if (x_[3 * i] + x_[3 * i + 1] + x_[3 * i + 2] != count ||
                (p == 0.0 && x_[3 * i] != 0))
                fail_msg("%s: counts %llu %llu %llu", label_, (unsigned long long)x_[3 * i],
                         (unsigned long long)x_[3 * i + 1], (unsigned long long)x_[3 * i + 2]);
    }
}

static void hyper_point(repro_stream *s, uint64_t good, uint64_t bad, uint64_t sample)
{
    char label_[160];
    uint64_t lo = sample > bad ? sample - bad : 0, hi = sample < good ? sample : good;
    LABEL("hypergeometric(%llu, %llu, %llu)", (unsigned long long)good,
          (unsigned long long)bad, (unsigned long long)sample);
    LAW_POINT(uint64_t, repro_fill_hypergeometric(s, x_, VALUES, good, bad, sample),
              x >= lo && x <= hi);
}

static void test_numpy_laws(void **state)
{
    (void)state;
    repro_stream s = stream();
    char label_[160];
    for (size_t i = 0; i < N_EDGES; i++) {
        for (size_t j = 0; j < N_EDGES; j++) {
            loc_scale_laws(&s, edges[i], edges[j]);
            loc_scale_laws(&s, -edges[i], edges[j]);
        }
        loc_scale_laws(&s, edges[i], 0.0);
        shape_laws(&s, edges[i]);
    }
    for (int t = 0; t < RANDOM_POINTS / 4; t++) {
        loc_scale_laws(&s, any_finite(), log_uniform(DBL_MAX));
        shape_laws(&s, log_uniform(DBL_MAX));
    }
    LABEL("weibull(0)");
    LAW_POINT(double, repro_fill_weibull(&s, x_, VALUES, 0.0), x == 0.0);
    static const double probs[] = {0.0, 0x1p-1074, 1e-300, 1e-18, 1e-9, 0.25, 0.5,
                                   0.5 + 0x1p-53, 0.75, 1.0 - 1e-9, 1.0 - 0x1p-53, 1.0};
    static const uint64_t counts[] = {0, 1, 2, 109, 110, 111, 1000, 1u << 31,
                                      (uint64_t)1 << 53, (uint64_t)1 << 63, UINT64_MAX};
    for (size_t i = 0; i < sizeof probs / sizeof probs[0]; i++)
        for (size_t j = 0; j < sizeof counts / sizeof counts[0]; j++)
            discrete_laws(&s, probs[i], counts[j]);
    for (int t = 0; t < RANDOM_POINTS / 4; t++)
        discrete_laws(&s, probability(), any_count());
    static const double zipf_a[] = {1.0 + 0x1p-20, 1.0 + 1e-3, 1.5, 2.0, 30.0, 1024.0, 1025.0,
                                    1e300, DBL_MAX};
    for (size_t i = 0; i < sizeof zipf_a / sizeof zipf_a[0]; i++) {
        LABEL("zipf(%a)", zipf_a[i]);
        LAW_POINT(uint64_t, repro_fill_zipf(&s, x_, VALUES, zipf_a[i]),
                  x >= 1 && x <= (uint64_t)INT64_MAX);
    }
    static const uint64_t pops[] = {0, 1, 9, 10, 11, 19, 20, 21, 1000, 999999999};
    for (size_t i = 0; i < sizeof pops / sizeof pops[0]; i++)
        for (size_t j = 0; j < sizeof pops / sizeof pops[0]; j++) {
            uint64_t total = pops[i] + pops[j];
            static const uint64_t fractions[] = {0, 1, 2, 3, 4};
            for (size_t f = 0; f < 5; f++)
                hyper_point(&s, pops[i], pops[j], total / 4 * fractions[f]);
            hyper_point(&s, pops[i], pops[j], total > 10 ? total - 10 : total);
            hyper_point(&s, pops[i], pops[j], total >= 10 ? 10 : 0);
        }
    for (int t = 0; t < RANDOM_POINTS / 4; t++) {
        int64_t a = (int64_t)splitmix64(), b = (int64_t)(splitmix64() >> (splitmix64() % 64));
        int64_t lo = a < b ? a : b, hi = a < b ? b : a;
        LABEL("integers(%lld, %lld)", (long long)lo, (long long)hi);
        LAW_POINT(int64_t, repro_fill_integers(&s, x_, VALUES, lo, hi), x >= lo && x <= hi);
        float fa = (float)any_finite(), fb = (float)any_finite();
        if (isfinite(fa) && isfinite(fb) && fa != fb) {
            float flo = fa < fb ? fa : fb, fhi = fa < fb ? fb : fa;
            LABEL("uniform_float(%a, %a)", (double)flo, (double)fhi);
            LAW_POINT(float, repro_fill_uniform_float(&s, x_, VALUES, flo, fhi),
                      x >= flo && x < fhi);
        }
    }
    LABEL("normal_float");
    LAW_POINT(float, repro_fill_normal_float(&s, x_, VALUES), x == x);
    LABEL("exponential_float");
    LAW_POINT(float, repro_fill_exponential_float(&s, x_, VALUES), x >= 0.0f);
    LABEL("standard_cauchy");
    LAW_POINT(double, repro_fill_standard_cauchy(&s, x_, VALUES), isfinite(x));
}

/* ---- fills in pieces -------------------------------------------------------------- */

/* The gamma family draws a run of units (src/dist/units.h) a chunk at a time, sized by
 * the values asked for: a long fill (many chunks) must equal the same draws made as
 * fills of 1, 2, 3, ... values, bit for bit and to the end position, from an even and
 * an odd word position, at boosted shapes (< 1) and through the Poisson hand-offs. */
typedef struct {
    const char *name;
    size_t per; /* 8-byte values per draw */
    int (*fill)(repro_stream *s, void *out, size_t n, const double *p);
    double p[3];
} split_law;

static int split_gamma(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_gamma(s, out, n, p[0], p[1]);
}
static int split_beta(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_beta(s, out, n, p[0], p[1]);
}
static int split_chisquare(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_chisquare(s, out, n, p[0]);
}
static int split_standard_t(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_standard_t(s, out, n, p[0]);
}
static int split_f(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_f(s, out, n, p[0], p[1]);
}
static int split_noncentral_chisquare(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_noncentral_chisquare(s, out, n, p[0], p[1]);
}
static int split_noncentral_f(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_noncentral_f(s, out, n, p[0], p[1], p[2]);
}
static int split_negative_binomial(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_negative_binomial(s, out, n, p[0], p[1]);
}
static int split_dirichlet(repro_stream *s, void *out, size_t n, const double *p)
{
    return repro_fill_dirichlet(s, out, n, p, 3);
}

#define SPLIT_N 3000

static void test_fill_pieces(void **state)
{
    (void)state;
    static const split_law laws[] = {
        {"gamma(3, 2)", 1, split_gamma, {3.0, 2.0}},
        {"gamma(0.5, 1)", 1, split_gamma, {0.5, 1.0}},
        {"gamma(1, 1)", 1, split_gamma, {1.0, 1.0}},
        {"beta(2, 3)", 1, split_beta, {2.0, 3.0}},
        {"beta(0.3, 0.6)", 1, split_beta, {0.3, 0.6}},
        {"chisquare(0.7)", 1, split_chisquare, {0.7}},
        {"standard_t(5)", 1, split_standard_t, {5.0}},
        {"f(3, 7)", 1, split_f, {3.0, 7.0}},
        {"noncentral_chisquare(3, 2)", 1, split_noncentral_chisquare, {3.0, 2.0}},
        {"noncentral_chisquare(0.5, 30)", 1, split_noncentral_chisquare, {0.5, 30.0}},
        {"noncentral_f(3, 7, 2)", 1, split_noncentral_f, {3.0, 7.0, 2.0}},
        {"negative_binomial(5, 0.3)", 1, split_negative_binomial, {5.0, 0.3}},
        {"dirichlet(0.2, 1, 3)", 3, split_dirichlet, {0.2, 1.0, 3.0}},
    };
    for (size_t l = 0; l < sizeof laws / sizeof laws[0]; l++)
        for (uint64_t start = 0; start < 2; start++) {
            const split_law *L = &laws[l];
            size_t bytes = SPLIT_N * L->per * 8;
            unsigned char *whole = malloc(bytes), *pieces = malloc(bytes);
            assert_non_null(whole);
            assert_non_null(pieces);
            repro_stream a = stream(), b = stream();
            repro_stream_seek(&a, 1000 + start);
            repro_stream_seek(&b, 1000 + start);
            assert_int_equal(L->fill(&a, whole, SPLIT_N, L->p), REPRO_OK);
            for (size_t done = 0, k = 1; done < SPLIT_N; done += k, k = k % 37 + 1) {
                k = k < SPLIT_N - done ? k : SPLIT_N - done;
                assert_int_equal(L->fill(&b, pieces + done * L->per * 8, k, L->p), REPRO_OK);
            }
            if (memcmp(whole, pieces, bytes) != 0 || repro_stream_tell(&a) != repro_stream_tell(&b))
                fail_msg("%s from word %llu: one fill and fills in pieces differ", L->name,
                         (unsigned long long)(1000 + start));
            free(whole);
            free(pieces);
        }
}

/* ---- the multivariate normal and the weighted choices ------------------------------ */

/* Covariances: A A^T with entries log-uniform up to 1e150 (positive semi-definite up to
 * rounding), or symmetric matrices of any finite entries.  Where repro_mvnormal_factor
 * accepts one, the factor is finite and below 2^1020, and the draws never NaN; a factor
 * of any finite entries is accepted exactly when they are at most 2^1020. */
static void test_multivariate_normal(void **state)
{
    (void)state;
    repro_stream s = stream();
    int accepted = 0;
    for (int t = 0; t < RANDOM_POINTS * 4; t++) {
        size_t d = 1 + splitmix64() % 4;
        double a[16], cov[16], L[16], mean[4], x[4 * VALUES];
        int psd = t % 2;
        for (size_t i = 0; i < d * d; i++)
            a[i] = psd ? (splitmix64() & 1 ? -1 : 1) * log_uniform(1e150) : any_finite();
        for (size_t i = 0; i < d; i++) {
            mean[i] = any_finite();
            for (size_t j = 0; j <= i; j++) {
                double c = 0.0;
                for (size_t m = 0; psd && m < d; m++)
                    c += a[i * d + m] * a[j * d + m];
                cov[i * d + j] = cov[j * d + i] = psd ? c : i == j ? fabs(a[i * d + j])
                                                                 : a[i * d + j];
            }
        }
        int rc = repro_mvnormal_factor(cov, d, L);
        if (rc != REPRO_OK && rc != REPRO_ERR_PARAM)
            fail_msg("mvnormal_factor (d %zu): rc %d", d, rc);
        if (rc == REPRO_OK) {
            accepted++;
            for (size_t i = 0; i < d * d; i++)
                if (!(fabs(L[i]) <= 0x1p1020))
                    fail_msg("mvnormal_factor (d %zu) gave a factor entry %a", d, L[i]);
            assert_int_equal(repro_fill_multivariate_normal(&s, x, VALUES, mean, L, d),
                             REPRO_OK);
            for (size_t i = 0; i < d * VALUES; i++)
                if (isnan(x[i]))
                    fail_msg("multivariate_normal (d %zu) gave NaN", d);
        }
        /* a lower-triangular factor of any finite entries */
        int small = 1;
        for (size_t i = 0; i < d; i++)
            for (size_t j = 0; j < d; j++) {
                L[i * d + j] = j <= i ? any_finite() : 0.0;
                small &= fabs(L[i * d + j]) <= 0x1p1020;
            }
        rc = repro_fill_multivariate_normal(&s, x, VALUES, mean, L, d);
        assert_int_equal(rc, small ? REPRO_OK : REPRO_ERR_PARAM);
        for (size_t i = 0; rc == REPRO_OK && i < d * VALUES; i++)
            if (isnan(x[i]))
                fail_msg("multivariate_normal (d %zu) gave NaN", d);
    }
    assert_true(accepted > RANDOM_POINTS); /* most of the A A^T ones */
}

/* Weights of either size, zeros among them: the alias table's choices and the choices
 * without replacement are indices of positive weights (distinct for the latter). */
static void test_choice(void **state)
{
    (void)state;
    repro_stream s = stream();
    for (int t = 0; t < RANDOM_POINTS; t++) {
        size_t k = 1 + splitmix64() % 12;
        double w[12];
        uint64_t table[3 + 2 * 12], x[VALUES], keys[12];
        double top = t % 3 == 0 ? DBL_MAX / 16 : t % 3 == 1 ? 1.0 : 0x1p-1000;
        size_t positive = 0;
        for (size_t i = 0; i < k; i++) {
            w[i] = splitmix64() % 4 == 0 ? 0.0 : log_uniform(top);
            positive += w[i] > 0.0;
        }
        int rc = repro_alias_init(table, sizeof table, w, k);
        assert_int_equal(rc, positive ? REPRO_OK : REPRO_ERR_PARAM);
        if (rc == REPRO_OK) {
            assert_int_equal(repro_fill_choice(&s, x, VALUES, table), REPRO_OK);
            for (int i = 0; i < VALUES; i++)
                if (!(x[i] < k && w[x[i]] > 0.0))
                    fail_msg("choice over %zu weights gave %llu", k, (unsigned long long)x[i]);
        }
        size_t m = positive ? 1 + splitmix64() % positive : 0;
        assert_int_equal(repro_choice_weighted_without_replacement(&s, x, m, w, k, keys),
                         REPRO_OK);
        for (size_t i = 0; i < m; i++) {
            if (!(x[i] < k && w[x[i]] > 0.0))
                fail_msg("weighted choice without replacement gave %llu", (unsigned long long)x[i]);
            for (size_t j = 0; j < i; j++)
                assert_true(x[i] != x[j]);
        }
        assert_int_equal(repro_choice_weighted_without_replacement(&s, x, positive + 1, w, k,
                                                                   keys),
                         REPRO_ERR_PARAM);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_continuous),
        cmocka_unit_test(test_discrete),
        cmocka_unit_test(test_numpy_laws),
        cmocka_unit_test(test_multivariate_normal),
        cmocka_unit_test(test_choice),
        cmocka_unit_test(test_fill_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
