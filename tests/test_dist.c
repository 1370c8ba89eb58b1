/* Statistical tests of every distribution: with fixed seeds, N draws (10^6; 10^5 when
 * REPRO_TEST_FAST=1, as under valgrind) are compared with the exact distribution:
 * Kolmogorov-Smirnov against the CDF (continuous) or chi-square against the pmf
 * (discrete), mean and variance z-scores, and for the normal the frequency of
 * |z| > 4.  Each case is also run on a deliberately wrong variant (one parameter off
 * by 1%, scaled up by sqrt(10^6 / N) in fast mode; for the normal, variance off by
 * 1%) and the same checker must reject it.  Reference CDFs and pmfs come from libm
 * (lgamma, erfc) and textbook series here, never from the library. */
#include "testutil.h"
#include "dist_stats.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t N = 1000000;

static int setup(void **state)
{
    (void)state;
    if (fast_mode())
        N = 100000;
    return 0;
}

/* ---- the cases ----------------------------------------------------------------- */

typedef struct dist_case dist_case;
struct dist_case {
    const char *name;
    double par[2];
    /* n draws with parameters par into out (discrete ones as doubles). */
    void (*draw)(repro_stream *s, const double *par, double *out, size_t n);
    double (*cdf)(const double *par, double x); /* continuous cases */
    double (*pmf)(const double *par, double k); /* discrete cases */
    double (*mean)(const double *par);
    double (*var)(const double *par);
    int wrong_par;    /* the parameter the wrong variant scales */
    int wrong_sqrt;   /* scale it by sqrt(1 + delta) (a standard deviation) */
    int normal_tail;  /* also check P(|x - mean| > 4 sd) */
};

static void draw_gaussian(repro_stream *s, const double *par, double *out, size_t n)
{
    if (par[0] == 0.0 && par[1] == 1.0)
        CHECK_RC(repro_fill_normal(s, out, n)); /* the contract's N(0,1) itself */
    else
        CHECK_RC(repro_fill_gaussian(s, out, n, par[0], par[1]));
}
static double cdf_gaussian(const double *par, double x)
{
    return 0.5 * erfc(-(x - par[0]) / (par[1] * sqrt(2.0)));
}
static double mean_gaussian(const double *par) { return par[0]; }
static double var_gaussian(const double *par) { return par[1] * par[1]; }

/* Exponential with rate 1 scaled by par[0] (the wrong variant scales it). */
static void draw_exponential(repro_stream *s, const double *par, double *out, size_t n)
{
    CHECK_RC(repro_fill_exponential(s, out, n));
    for (size_t i = 0; par[0] != 1.0 && i < n; i++)
        out[i] *= par[0];
}
static double cdf_exponential(const double *par, double x) { return -expm1(-x / par[0]); }
static double mean_exponential(const double *par) { return par[0]; }
static double var_exponential(const double *par) { return par[0] * par[0]; }

static void draw_uniform(repro_stream *s, const double *par, double *out, size_t n)
{
    CHECK_RC(repro_fill_uniform(s, out, n, par[0], par[1]));
}
static double cdf_uniform(const double *par, double x)
{
    return x <= par[0] ? 0 : x >= par[1] ? 1 : (x - par[0]) / (par[1] - par[0]);
}
static double mean_uniform(const double *par) { return 0.5 * (par[0] + par[1]); }
static double var_uniform(const double *par)
{
    return (par[1] - par[0]) * (par[1] - par[0]) / 12;
}

static void draw_gamma(repro_stream *s, const double *par, double *out, size_t n)
{
    CHECK_RC(repro_fill_gamma(s, out, n, par[0], par[1]));
}
static double cdf_gamma(const double *par, double x) { return gamma_p(par[0], x / par[1]); }
static double mean_gamma(const double *par) { return par[0] * par[1]; }
static double var_gamma(const double *par) { return par[0] * par[1] * par[1]; }

static void draw_beta(repro_stream *s, const double *par, double *out, size_t n)
{
    CHECK_RC(repro_fill_beta(s, out, n, par[0], par[1]));
}
static double cdf_beta(const double *par, double x) { return beta_i(par[0], par[1], x); }
static double mean_beta(const double *par) { return par[0] / (par[0] + par[1]); }
static double var_beta(const double *par)
{
    double s = par[0] + par[1];
    return par[0] * par[1] / (s * s * (s + 1));
}

DRAW(bernoulli, uint8_t, repro_fill_bernoulli(s, v, n, par[0]))
static double pmf_bernoulli(const double *par, double k)
{
    return k == 0 ? 1 - par[0] : k == 1 ? par[0] : 0;
}
static double mean_bernoulli(const double *par) { return par[0]; }
static double var_bernoulli(const double *par) { return par[0] * (1 - par[0]); }

DRAW(poisson, uint64_t, repro_fill_poisson(s, v, n, par[0]))
DRAW(binomial, uint64_t, repro_fill_binomial(s, v, n, (uint64_t)par[0], par[1]))

static double pmf_poisson(const double *par, double k)
{
    return exp(-par[0] + k * log(par[0]) - lgamma(k + 1));
}
static double mean_poisson(const double *par) { return par[0]; }
static double var_poisson(const double *par) { return par[0]; }

static double pmf_binomial(const double *par, double k)
{
    double n = par[0], p = par[1];
    if (k < 0 || k > n)
        return 0;
    return exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * log(p) +
               (n - k) * log1p(-p));
}
static double mean_binomial(const double *par) { return par[0] * par[1]; }
static double var_binomial(const double *par) { return par[0] * par[1] * (1 - par[1]); }

#define CONT(nm, a, b, fam, wp, ws, tail)                                                \
    {nm, {a, b}, draw_##fam, cdf_##fam, NULL, mean_##fam, var_##fam, wp, ws, tail}
#define DISC(nm, a, b, fam, wp)                                                          \
    {nm, {a, b}, draw_##fam, NULL, pmf_##fam, mean_##fam, var_##fam, wp, 0, 0}

static const dist_case cases[] = {
    CONT("normal", 0.0, 1.0, gaussian, 1, 1, 1),
    CONT("gaussian(3,2)", 3.0, 2.0, gaussian, 1, 1, 1),
    CONT("exponential", 1.0, 0.0, exponential, 0, 0, 0),
    CONT("uniform[-2,5)", -2.0, 5.0, uniform, 1, 0, 0),
    CONT("gamma(0.5,2)", 0.5, 2.0, gamma, 1, 0, 0),
    CONT("gamma(3,1)", 3.0, 1.0, gamma, 1, 0, 0),
    CONT("gamma(1000,0.01)", 1000.0, 0.01, gamma, 1, 0, 0),
    CONT("beta(0.5,0.7)", 0.5, 0.7, beta, 0, 0, 0),
    CONT("beta(2,5)", 2.0, 5.0, beta, 0, 0, 0),
    DISC("bernoulli(0.3)", 0.3, 0.0, bernoulli, 0),
    DISC("poisson(3.5)", 3.5, 0.0, poisson, 0),
    DISC("poisson(100)", 100.0, 0.0, poisson, 0),
    DISC("poisson(1e6)", 1e6, 0.0, poisson, 0),
    DISC("binomial(20,0.3)", 20.0, 0.3, binomial, 1),
    DISC("binomial(1000,0.4)", 1000.0, 0.4, binomial, 1),
    DISC("binomial(100,0.9)", 100.0, 0.9, binomial, 1),
    DISC("binomial(1e9,5e-9)", 1e9, 5e-9, binomial, 1),
};

/* ---- the checker ----------------------------------------------------------------- */

/* Chi-square of the sample against pmf: bins k = lo..hi merged left to right until
 * each expects >= 20 draws, plus one bin for everything else. */
static double chi_square_discrete(const dist_case *c, const double *x, size_t n)
{
    double m = c->mean(c->par), sd = sqrt(c->var(c->par));
    double lo = floor(fmax(0.0, m - 12 * sd)), hi = ceil(m + 12 * sd + 5);
    size_t nb = (size_t)(hi - lo) + 1;
    double *obs = calloc(nb + 1, sizeof *obs);
    assert_non_null(obs);
    for (size_t i = 0; i < n; i++)
        obs[x[i] >= lo && x[i] <= hi ? (size_t)(x[i] - lo) : nb] += 1;
    double chi2 = 0, df = -1, acc_e = 0, acc_o = 0, total_e = 0;
    for (size_t b = 0; b < nb; b++) {
        double e = (double)n * c->pmf(c->par, lo + (double)b);
        total_e += e;
        acc_e += e;
        acc_o += obs[b];
        if (acc_e >= 20 || b == nb - 1) {
            if (acc_e > 0) {
                chi2 += (acc_o - acc_e) * (acc_o - acc_e) / acc_e;
                df += 1;
            } else if (acc_o > 0) {
                chi2 = INFINITY;
            }
            acc_e = acc_o = 0;
        }
    }
    double e_rest = fmax((double)n - total_e, 0.0);
    if (obs[nb] > 0)
        chi2 += e_rest > 1e-9 ? (obs[nb] - e_rest) * (obs[nb] - e_rest) / e_rest : INFINITY;
    free(obs);
    return chi_square_z(chi2, df < 1 ? 1 : df);
}

/* Runs every check on the sample x (sorted in place); returns how many failed and
 * prints the statistics. */
static int check_sample(const dist_case *c, double *x, size_t n, const char *label)
{
    double m = c->mean(c->par), v = c->var(c->par);
    sample_moments mo = moments_of(x, n);
    double z_mean = (mo.mean - m) / sqrt(v / (double)n);
    double z_var = variance_z(mo, v, n);
    int fails = (fabs(z_mean) > Z_MAX) + (fabs(z_var) > Z_MAX);
    double fit;
    if (c->cdf) {
        qsort(x, n, sizeof *x, cmp_double);
        fit = ks_statistic(c->cdf, c->par, x, n);
        fails += fit > KS_MAX;
    } else {
        fit = chi_square_discrete(c, x, n);
        fails += fit > CHI_Z_MAX;
    }
    double z_tail = 0;
    if (c->normal_tail) {
        double p = erfc(4 / sqrt(2.0)), cnt = 0;
        for (size_t i = 0; i < n; i++)
            cnt += fabs(x[i] - m) > 4 * sqrt(v);
        z_tail = (cnt - (double)n * p) / sqrt((double)n * p * (1 - p));
        fails += fabs(z_tail) > Z_MAX;
    }
    printf("  %-20s %-6s z_mean %7.2f z_var %7.2f %s %7.2f z_tail %6.2f -> %s\n", c->name,
           label, z_mean, z_var, c->cdf ? "KS  " : "chiz", fit, z_tail,
           fails ? "rejected" : "accepted");
    return fails;
}

static void run_case(const dist_case *c, const double *par, uint64_t seed, double *x,
                     size_t n)
{
    repro_stream s = stream_for(seed);
    c->draw(&s, par, x, n);
}

static void test_distributions(void **state)
{
    (void)state;
    double *x = malloc(N * sizeof *x);
    assert_non_null(x);
    double delta = 0.01 * sqrt(1e6 / (double)N);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const dist_case *c = &cases[i];
        run_case(c, c->par, 1000 + i, x, N);
        int fails = check_sample(c, x, N, "exact");
        double wrong[2] = {c->par[0], c->par[1]};
        wrong[c->wrong_par] *= c->wrong_sqrt ? sqrt(1 + delta) : 1 + delta;
        run_case(c, wrong, 1000 + i, x, N);
        int wrong_fails = check_sample(c, x, N, "wrong");
        if (fails != 0 || wrong_fails == 0)
            fail_msg("%s: the exact sampler failed %d checks, the wrong variant %d", c->name,
                     fails, wrong_fails);
    }
    free(x);
}

/* Bounded integers: chi-square over 64 equal ranges of [0, bound) for a bound where
 * modulo reduction is visibly biased; the same checker rejects x % bound. */
static double bounded_chi_z(const uint32_t *v, size_t n, uint32_t bound)
{
    double obs[64] = {0};
    for (size_t i = 0; i < n; i++)
        obs[(uint64_t)v[i] * 64 / bound] += 1;
    double chi2 = 0;
    for (int b = 0; b < 64; b++) {
        /* Exact expected count: the integers in [ceil(b B/64), ceil((b+1) B/64)). */
        double lo = ceil((double)b * bound / 64), hi = ceil((double)(b + 1) * bound / 64);
        double e = (double)n * (hi - lo) / bound;
        chi2 += (obs[b] - e) * (obs[b] - e) / e;
    }
    return chi_square_z(chi2, 63);
}

static void test_bounded_and_biased_bound(void **state)
{
    (void)state;
    const uint32_t bound = 3u << 30; /* modulo maps 2^32 onto it with a 2:1 bias */
    uint32_t *v = malloc(N * sizeof *v);
    assert_non_null(v);
    repro_stream s = stream_for(77);
    CHECK_RC(repro_fill_bounded_u32(&s, v, N, bound));
    for (size_t i = 0; i < N; i++)
        assert_true(v[i] < bound);
    double z = bounded_chi_z(v, N, bound);
    s = stream_for(77);
    CHECK_RC(repro_fill_u32(&s, v, N));
    for (size_t i = 0; i < N; i++)
        v[i] %= bound;
    double z_biased = bounded_chi_z(v, N, bound);
    printf("  bounded_u32(3*2^30)  chi z %.2f, modulo-biased variant chi z %.2f\n", z, z_biased);
    assert_true(z < CHI_Z_MAX);
    assert_true(z_biased > CHI_Z_MAX);
    free(v);
}

/* ---- exactness, consumption and parameter checks ---------------------------------- */

static void test_gaussian_is_affine_normal(void **state)
{
    (void)state;
    double z[64], g[64];
    repro_stream a = stream_for(5), b = stream_for(5);
    CHECK_RC(repro_fill_normal(&a, z, 64));
    CHECK_RC(repro_fill_gaussian(&b, g, 64, -1.5, 0.25));
    for (int i = 0; i < 64; i++)
        assert_true(g[i] == -1.5 + 0.25 * z[i]);
    assert_int_equal(repro_stream_tell(&a), repro_stream_tell(&b));
    /* stddev 0 is allowed: the mean, still one normal's words per value. */
    CHECK_RC(repro_fill_gaussian(&b, g, 3, 7.0, 0.0));
    assert_true(g[0] == 7.0 && g[1] == 7.0 && g[2] == 7.0);
    assert_int_equal(repro_stream_tell(&b), 128 + 6);
}

static void test_uniform_range_edges(void **state)
{
    (void)state;
    double x[4096];
    repro_stream s = stream_for(9);
    /* [1, 1 + 2^-52) holds the one double 1: rounding up to b must not escape. */
    CHECK_RC(repro_fill_uniform(&s, x, 4096, 1.0, 1.0 + 0x1p-52));
    for (int i = 0; i < 4096; i++)
        assert_true(x[i] == 1.0);
    /* A width that overflows a double. */
    CHECK_RC(repro_fill_uniform(&s, x, 4096, -1.7976931348623157e308, 1.7976931348623157e308));
    int neg = 0;
    for (int i = 0; i < 4096; i++) {
        assert_true(x[i] >= -1.7976931348623157e308 && x[i] < 1.7976931348623157e308);
        neg += x[i] < 0;
    }
    assert_true(neg > 1800 && neg < 2300);
    assert_int_equal(repro_stream_tell(&s), 2 * 8192);
}

static void test_degenerate_parameters(void **state)
{
    (void)state;
    uint8_t b[100];
    uint64_t k[100];
    repro_stream s = stream_for(11);
    CHECK_RC(repro_fill_bernoulli(&s, b, 100, 0.0));
    for (int i = 0; i < 100; i++)
        assert_int_equal(b[i], 0);
    CHECK_RC(repro_fill_bernoulli(&s, b, 100, 1.0));
    for (int i = 0; i < 100; i++)
        assert_int_equal(b[i], 1);
    assert_int_equal(repro_stream_tell(&s), 400);
    /* Documented: these consume no words. */
    CHECK_RC(repro_fill_poisson(&s, k, 100, 0.0));
    for (int i = 0; i < 100; i++)
        assert_int_equal(k[i], 0);
    CHECK_RC(repro_fill_binomial(&s, k, 100, 0, 0.5));
    for (int i = 0; i < 100; i++)
        assert_int_equal(k[i], 0);
    CHECK_RC(repro_fill_binomial(&s, k, 100, 12345, 1.0));
    for (int i = 0; i < 100; i++)
        assert_int_equal(k[i], 12345);
    CHECK_RC(repro_fill_binomial(&s, k, 100, 12345, 0.0));
    for (int i = 0; i < 100; i++)
        assert_int_equal(k[i], 0);
    assert_int_equal(repro_stream_tell(&s), 400);
    /* Huge counts stay in range: Binomial(2^64 - 1, 1/2) has mean 2^63 - 1/2 and
     * standard deviation 2^31; every draw within 6 of them, and the mean square of the
     * z-scores (chi-square / 100) about 1, so the draws are spread as they should. */
    CHECK_RC(repro_fill_binomial(&s, k, 100, UINT64_MAX, 0.5));
    double z2 = 0.0;
    for (int i = 0; i < 100; i++) {
        double z = ((double)k[i] - 0x1p63) / 0x1p31;
        assert_true(z > -6.0 && z < 6.0);
        z2 += z * z / 100.0;
    }
    assert_true(z2 > 0.5 && z2 < 1.6);
    CHECK_RC(repro_fill_poisson(&s, k, 100, 1e15));
    for (int i = 0; i < 100; i++)
        assert_true(k[i] > 999999000000000u && k[i] < 1000001000000000u);
}

/* Small-mean inversion uses exactly one double per value. */
static void test_inversion_consumption(void **state)
{
    (void)state;
    uint64_t k[1000];
    repro_stream s = stream_for(12);
    CHECK_RC(repro_fill_poisson(&s, k, 1000, 3.0));
    assert_int_equal(repro_stream_tell(&s), 2000);
    CHECK_RC(repro_fill_binomial(&s, k, 1000, 30, 0.2));
    assert_int_equal(repro_stream_tell(&s), 4000);
    for (int i = 0; i < 1000; i++)
        assert_true(k[i] <= 30);
}

static void test_parameter_errors(void **state)
{
    (void)state;
    const double nan = NAN, inf = INFINITY;
    double d[4];
    uint8_t b[4];
    uint64_t k[4];
    repro_stream s = stream_for(13);
    const double bad_pos[] = {0.0, -1.0, nan, inf, -inf};
    for (size_t i = 0; i < sizeof bad_pos / sizeof bad_pos[0]; i++) {
        double x = bad_pos[i];
        assert_int_equal(repro_fill_gamma(&s, d, 4, x, 1.0), REPRO_ERR_PARAM);
        assert_int_equal(repro_fill_gamma(&s, d, 4, 1.0, x), REPRO_ERR_PARAM);
        assert_int_equal(repro_fill_beta(&s, d, 4, x, 1.0), REPRO_ERR_PARAM);
        assert_int_equal(repro_fill_beta(&s, d, 4, 1.0, x), REPRO_ERR_PARAM);
    }
    assert_int_equal(repro_fill_gaussian(&s, d, 4, 0.0, -1.0), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_gaussian(&s, d, 4, nan, 1.0), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_gaussian(&s, d, 4, 0.0, inf), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_uniform(&s, d, 4, 1.0, 1.0), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_uniform(&s, d, 4, 2.0, 1.0), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_uniform(&s, d, 4, -inf, 1.0), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_uniform(&s, d, 4, 0.0, nan), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_bernoulli(&s, b, 4, -0.1), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_bernoulli(&s, b, 4, 1.1), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_bernoulli(&s, b, 4, nan), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_poisson(&s, k, 4, -1.0), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_poisson(&s, k, 4, 1.1e15), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_poisson(&s, k, 4, nan), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_poisson(&s, k, 4, inf), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_binomial(&s, k, 4, 10, -0.5), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_binomial(&s, k, 4, 10, 1.5), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_binomial(&s, k, 4, 10, nan), REPRO_ERR_PARAM);
    assert_int_equal(repro_stream_tell(&s), 0); /* nothing drawn */
    /* NULL pointers; n == 0 with a NULL buffer is fine. */
    assert_int_equal(repro_fill_gamma(NULL, d, 4, 1.0, 1.0), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_gamma(&s, NULL, 4, 1.0, 1.0), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_poisson(&s, NULL, 0, 1.0), REPRO_OK);
    assert_int_equal(repro_fill_poisson(&s, NULL, 0, 0.0), REPRO_OK); /* no memset(NULL) */
    assert_int_equal(repro_fill_binomial(&s, NULL, 1, 3, 0.5), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_bernoulli(&s, NULL, 1, 0.5), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_uniform(NULL, d, 1, 0.0, 1.0), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_gaussian(&s, NULL, 1, 0.0, 1.0), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_beta(&s, NULL, 1, 1.0, 1.0), REPRO_ERR_NULL);
    /* An uninitialised (zeroed) stream. */
    repro_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(repro_fill_gamma(&z, d, 4, 1.0, 1.0), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_stream_tell(&s), 0);
}

/* Gamma with a tiny shape underflows to 0 often but never gives NaN; Beta with tiny
 * parameters takes the log-space path and stays in [0, 1]. */
static void test_extreme_shapes(void **state)
{
    (void)state;
    double x[2000];
    repro_stream s = stream_for(14);
    CHECK_RC(repro_fill_gamma(&s, x, 2000, 1e-3, 1.0));
    for (int i = 0; i < 2000; i++)
        assert_true(x[i] >= 0.0 && x[i] < 1e3);
    CHECK_RC(repro_fill_beta(&s, x, 2000, 1e-3, 2e-3));
    int ones = 0;
    for (int i = 0; i < 2000; i++) {
        assert_true(x[i] >= 0.0 && x[i] <= 1.0);
        ones += x[i] > 0.5;
    }
    /* P(X > 1/2) tends to a / (a + b) = 1/3 for small a, b. */
    assert_true(ones > 560 && ones < 780);
    CHECK_RC(repro_fill_gamma(&s, x, 2000, 1e12, 1.0));
    for (int i = 0; i < 2000; i++)
        assert_true(fabs(x[i] - 1e12) < 7 * 1e6);
}

/* Beta at extreme parameters.  Both parameters tiny: both powers of Johnk's method
 * underflow and, below about 4e-306, their logs overflow too (-inf - -inf gave NaN);
 * Beta(e, e) is then 0 or 1 with probability 1/2 each (less than e log(1/x) of the mass
 * lies in (x, 1 - x)).  Both huge: X + Y overflowed and every value was 0; Beta(a, b)
 * is then a / (a + b) within far less than 1e-15 (sd below 1e-153). */
static void test_beta_extreme_parameters(void **state)
{
    (void)state;
    double x[2000];
    repro_stream s = stream_for(15);
    static const double tiny[] = {0x1p-1074, 1e-310, 1e-308, 1e-306};
    for (size_t t = 0; t < sizeof tiny / sizeof tiny[0]; t++) {
        CHECK_RC(repro_fill_beta(&s, x, 2000, tiny[t], tiny[t]));
        int ones = 0, ends = 0;
        for (int i = 0; i < 2000; i++) {
            assert_true(x[i] >= 0.0 && x[i] <= 1.0);
            ones += x[i] > 0.5;
            ends += x[i] == 0.0 || x[i] == 1.0;
        }
        assert_true(ones > 900 && ones < 1100);
        assert_true(ends > 1990);
    }
    /* a = 1e-310 against b = 1e-309: P(X > 1/2) = a / (a + b) = 1/11 */
    CHECK_RC(repro_fill_beta(&s, x, 2000, 1e-310, 1e-309));
    int ones = 0;
    for (int i = 0; i < 2000; i++) {
        assert_true(x[i] >= 0.0 && x[i] <= 1.0);
        ones += x[i] > 0.5;
    }
    assert_true(ones > 130 && ones < 230);
    static const double huge[][2] = {{9e307, 9e307}, {1e308, 1e308},
                                      {1.7976931348623157e308, 1.7976931348623157e308},
                                      {1e308, 5e307}, {5e307, 1.5e308}};
    for (size_t t = 0; t < sizeof huge / sizeof huge[0]; t++) {
        const double a = huge[t][0], b = huge[t][1];
        const double mean = a / (a / 2.0 + b / 2.0) / 2.0;
        CHECK_RC(repro_fill_beta(&s, x, 100, a, b));
        for (int i = 0; i < 100; i++)
            assert_true(fabs(x[i] - mean) < 1e-15);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gaussian_is_affine_normal),
        cmocka_unit_test(test_uniform_range_edges),
        cmocka_unit_test(test_degenerate_parameters),
        cmocka_unit_test(test_inversion_consumption),
        cmocka_unit_test(test_parameter_errors),
        cmocka_unit_test(test_extreme_shapes),
        cmocka_unit_test(test_beta_extreme_parameters),
        cmocka_unit_test(test_bounded_and_biased_bound),
        cmocka_unit_test(test_distributions),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
