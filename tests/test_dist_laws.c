/* Statistical and exactness tests of numpy's other laws (src/dist/laws_*.c).  With
 * fixed seeds, N draws (2 10^5; 5 10^4 when REPRO_TEST_FAST=1) per parameter point,
 * extreme points included, are compared with the exact law: Kolmogorov-Smirnov against
 * the CDF, chi-square against the pmf (discrete) or against CDF differences over bins
 * (continuous laws whose CDF is a slow series), and mean and variance z-scores where the
 * moments exist.  Each point is run again with one parameter off by the case's factor
 * (raised to the power sqrt(2 10^5 / N) with fewer draws) and the same checker must
 * reject it: the test can fail.  Vector laws are checked
 * through their marginals (and the multivariate normal's covariances).  Reference
 * functions come from libm and textbook series (tests/dist_stats.h), never from the
 * library.  Then: word consumption, _at forms, parameter errors, exact relations. */
#include "testutil.h"
#include "dist_stats.h"
#include "math/special.h" /* repro_dist_log_factorial (hidden; the tests link statically) */
#include "kernels/table.h" /* every ISA table's exp */
#include "dist/binomial.h" /* repro_poisson_draw */

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t N = 200000;

#define PI 3.14159265358979323846

static int setup(void **state)
{
    (void)state;
    if (fast_mode())
        N = 50000;
    return 0;
}

/* How much further off the wrong variants are with fewer draws: sqrt(2 10^5 / N), the
 * factor by which the detectable deviation grows. */
static double wrong_scale(void)
{
    return sqrt(200000.0 / (double)N);
}

/* ---- reference functions ------------------------------------------------------------- */

static double norm_cdf(double z) { return 0.5 * erfc(-z / sqrt(2.0)); }

/* log of the binomial coefficient and of the Poisson pmf. */
static double log_choose(double n, double k)
{
    return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1);
}

static double pois_pmf(double lam, double j)
{
    return exp(-lam + j * log(lam) - lgamma(j + 1));
}

/* Riemann zeta(a), a > 1: the sum to 1000 plus Euler-Maclaurin's tail. */
static double zeta(double a)
{
    double s = 0, m = 1000;
    for (double k = 1; k < m; k++)
        s += pow(k, -a);
    return s + pow(m, 1 - a) / (a - 1) + 0.5 * pow(m, -a) + a * pow(m, -a - 1) / 12 -
           a * (a + 1) * (a + 2) * pow(m, -a - 3) / 720;
}

/* I_j(kappa) / I_0(kappa), j = 1..jmax, into r (Miller's backward recurrence of the
 * ratios I_j / I_{j-1} = 1 / (2j / kappa + I_{j+1} / I_j)). */
static void bessel_ratios(double kappa, double *r, int jmax)
{
    double q = 0;
    double *ratio = malloc((size_t)jmax * sizeof *ratio + sizeof *ratio);
    assert_non_null(ratio);
    for (int j = jmax + 200; j >= 1; j--) {
        q = 1 / (2 * j / kappa + q);
        if (j <= jmax)
            ratio[j] = q;
    }
    double prod = 1;
    for (int j = 1; j <= jmax; j++) {
        prod *= ratio[j];
        r[j] = prod;
    }
    free(ratio);
}

/* ---- the cases ------------------------------------------------------------------------ */

typedef struct law_case law_case;
struct law_case {
    const char *name;
    double par[3];
    void (*draw)(repro_stream *s, const double *par, double *out, size_t n);
    double (*cdf)(const double *par, double x); /* KS, or bins with lo < hi */
    double (*pmf)(const double *par, double k); /* discrete */
    double (*mean)(const double *par);          /* NAN: not checked */
    double (*var)(const double *par);           /* NAN: not checked (or heavy) */
    int wrong_par;
    double wrong_factor;
    double lo, hi; /* continuous: chi-square over 100 bins of [lo, hi] instead of KS */
};

static double no_moment(const double *par)
{
    (void)par;
    return NAN;
}

/* float variants */
DRAW(normal_float, float, repro_fill_normal_float(s, v, n))
static double cdf_normal_float_scaled(const double *par, double x)
{
    return norm_cdf(x / par[0]);
}
static double mean_zero(const double *par) { (void)par; return 0; }
static double var_normal_float(const double *par) { return par[0] * par[0]; }
static void draw_normal_float_scaled(repro_stream *s, const double *par, double *out, size_t n)
{
    draw_normal_float(s, par, out, n);
    for (size_t i = 0; par[0] != 1 && i < n; i++)
        out[i] *= par[0];
}
DRAW(exponential_float, float, repro_fill_exponential_float(s, v, n))
static void draw_exponential_float_scaled(repro_stream *s, const double *par, double *out,
                                          size_t n)
{
    draw_exponential_float(s, par, out, n);
    for (size_t i = 0; par[0] != 1 && i < n; i++)
        out[i] *= par[0];
}
static double cdf_exponential_float_scaled(const double *par, double x) { return x <= 0 ? 0 : -expm1(-x / par[0]); }
static double mean_expo(const double *par) { return par[0]; }
static double var_expo(const double *par) { return par[0] * par[0]; }
/* numpy's exponential(scale), and the float32 gamma(shape, scale) */
DRAW(exponential_scaled, double, repro_fill_exponential_scaled(s, v, n, par[0]))
static double cdf_exponential_scaled(const double *par, double x)
{
    return x <= 0 ? 0 : -expm1(-x / par[0]);
}
DRAW(gamma_float, float, repro_fill_gamma_float(s, v, n, par[0], par[1]))
static double cdf_gamma_float(const double *par, double x)
{
    return x <= 0 ? 0 : gamma_p(par[0], x / par[1]);
}
static double mean_gamma(const double *par) { return par[0] * par[1]; }
static double var_gamma(const double *par) { return par[0] * par[1] * par[1]; }
DRAW(uniform_float, float, repro_fill_uniform_float(s, v, n, (float)par[0], (float)par[1]))
static double cdf_uniform_float(const double *par, double x)
{
    return x <= par[0] ? 0 : x >= par[1] ? 1 : (x - par[0]) / (par[1] - par[0]);
}
static double mean_uniform(const double *par) { return 0.5 * (par[0] + par[1]); }
static double var_uniform(const double *par)
{
    return (par[1] - par[0]) * (par[1] - par[0]) / 12;
}

/* lognormal(mean, sigma) */
DRAW(lognormal, double, repro_fill_lognormal(s, v, n, par[0], par[1]))
static double cdf_lognormal(const double *par, double x)
{
    return x <= 0 ? 0 : norm_cdf((log(x) - par[0]) / par[1]);
}
static double mean_lognormal(const double *par) { return exp(par[0] + par[1] * par[1] / 2); }

/* standard_cauchy, scaled by par[0] for the wrong variant */
DRAW(cauchy_raw, double, repro_fill_standard_cauchy(s, v, n))
static void draw_cauchy(repro_stream *s, const double *par, double *out, size_t n)
{
    draw_cauchy_raw(s, par, out, n);
    for (size_t i = 0; par[0] != 1 && i < n; i++)
        out[i] *= par[0];
}
static double cdf_cauchy(const double *par, double x) { (void)par; return 0.5 + atan(x) / PI; }

/* location-scale laws */
DRAW(laplace, double, repro_fill_laplace(s, v, n, par[0], par[1]))
static double cdf_laplace(const double *par, double x)
{
    double z = (x - par[0]) / par[1];
    return z < 0 ? 0.5 * exp(z) : 1 - 0.5 * exp(-z);
}
static double mean_loc(const double *par) { return par[0]; }
static double var_laplace(const double *par) { return 2 * par[1] * par[1]; }
DRAW(logistic, double, repro_fill_logistic(s, v, n, par[0], par[1]))
static double cdf_logistic(const double *par, double x)
{
    return 1 / (1 + exp(-(x - par[0]) / par[1]));
}
static double var_logistic(const double *par) { return PI * PI * par[1] * par[1] / 3; }
DRAW(gumbel, double, repro_fill_gumbel(s, v, n, par[0], par[1]))
static double cdf_gumbel(const double *par, double x) { return exp(-exp(-(x - par[0]) / par[1])); }
static double mean_gumbel(const double *par) { return par[0] + 0.57721566490153286 * par[1]; }
static double var_gumbel(const double *par) { return PI * PI * par[1] * par[1] / 6; }
DRAW(rayleigh, double, repro_fill_rayleigh(s, v, n, par[0]))
static double cdf_rayleigh(const double *par, double x)
{
    return x <= 0 ? 0 : -expm1(-x * x / (2 * par[0] * par[0]));
}
static double mean_rayleigh(const double *par) { return par[0] * sqrt(PI / 2); }
static double var_rayleigh(const double *par) { return (4 - PI) / 2 * par[0] * par[0]; }

/* shape laws */
DRAW(weibull, double, repro_fill_weibull(s, v, n, par[0]))
static double cdf_weibull(const double *par, double x)
{
    return x <= 0 ? 0 : -expm1(-pow(x, par[0]));
}
static double mean_weibull(const double *par) { return tgamma(1 + 1 / par[0]); }
static double var_weibull(const double *par)
{
    double m = tgamma(1 + 1 / par[0]);
    return tgamma(1 + 2 / par[0]) - m * m;
}
DRAW(pareto, double, repro_fill_pareto(s, v, n, par[0]))
static double cdf_pareto(const double *par, double x)
{
    return x <= 0 ? 0 : -expm1(-par[0] * log1p(x));
}
static double mean_pareto(const double *par) { return par[0] > 1 ? 1 / (par[0] - 1) : NAN; }
DRAW(power, double, repro_fill_power(s, v, n, par[0]))
static double cdf_power(const double *par, double x)
{
    return x <= 0 ? 0 : x >= 1 ? 1 : pow(x, par[0]);
}
static double mean_power(const double *par) { return par[0] / (par[0] + 1); }
static double var_power(const double *par)
{
    return par[0] / ((par[0] + 1) * (par[0] + 1) * (par[0] + 2));
}
DRAW(triangular, double, repro_fill_triangular(s, v, n, par[0], par[1], par[2]))
static double cdf_triangular(const double *par, double x)
{
    double a = par[0], c = par[1], b = par[2];
    if (x <= a)
        return 0;
    if (x >= b)
        return 1;
    if (x <= c)
        return (x - a) * (x - a) / ((b - a) * (c - a));
    return 1 - (b - x) * (b - x) / ((b - a) * (b - c));
}
static double mean_triangular(const double *par) { return (par[0] + par[1] + par[2]) / 3; }
static double var_triangular(const double *par)
{
    double a = par[0], c = par[1], b = par[2];
    return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
}
DRAW(wald, double, repro_fill_wald(s, v, n, par[0], par[1]))
static double cdf_wald(const double *par, double x)
{
    double mu = par[0], lam = par[1];
    if (x <= 0)
        return 0;
    double r = sqrt(lam / x);
    return norm_cdf(r * (x / mu - 1)) + exp(2 * lam / mu) * norm_cdf(-r * (x / mu + 1));
}
static double mean_wald(const double *par) { return par[0]; }
static double var_wald(const double *par) { return par[0] * par[0] * par[0] / par[1]; }

/* von Mises(mu, kappa) on [-pi, pi]; kappa > 1e6 against the normal it uses. */
DRAW(vonmises, double, repro_fill_vonmises(s, v, n, par[0], par[1]))
static double cdf_vonmises(const double *par, double x)
{
    double mu = par[0], kappa = par[1];
    if (kappa > 1e6)
        return norm_cdf((x - mu) * sqrt(kappa));
    /* F(x) - F(-pi) = (x + pi) / 2pi + sum_j I_j/I_0 (sin(j (x - mu)) + sin(j (pi + mu))) / (j pi) */
    enum { J = 2000 };
    static double r[J + 1];
    static double cached = -1;
    int jmax = (int)(kappa + 20 * sqrt(kappa) + 60);
    if (jmax > J)
        jmax = J;
    if (cached != kappa) {
        bessel_ratios(kappa, r, jmax);
        cached = kappa;
    }
    double s = (x + PI) / (2 * PI);
    for (int j = 1; j <= jmax && r[j] > 1e-18; j++)
        s += r[j] * (sin(j * (x - mu)) + sin(j * (PI + mu))) / (j * PI);
    return s;
}

/* chi-square, t, F */
DRAW(chisquare, double, repro_fill_chisquare(s, v, n, par[0]))
static double cdf_chisquare(const double *par, double x) { return gamma_p(par[0] / 2, x / 2); }
static double mean_df(const double *par) { return par[0]; }
static double var_chisquare(const double *par) { return 2 * par[0]; }
DRAW(standard_t, double, repro_fill_standard_t(s, v, n, par[0]))
static double cdf_standard_t(const double *par, double x)
{
    double df = par[0], tail = 0.5 * beta_i(df / 2, 0.5, df / (df + x * x));
    return x < 0 ? tail : 1 - tail;
}
static double mean_t(const double *par) { return par[0] > 1 ? 0 : NAN; }
static double var_t(const double *par) { return par[0] > 4 ? par[0] / (par[0] - 2) : NAN; }
DRAW(f, double, repro_fill_f(s, v, n, par[0], par[1]))
static double cdf_f(const double *par, double x)
{
    double d1 = par[0], d2 = par[1];
    return x <= 0 ? 0 : beta_i(d1 / 2, d2 / 2, d1 * x / (d1 * x + d2));
}
static double mean_f(const double *par) { return par[1] > 2 ? par[1] / (par[1] - 2) : NAN; }

/* noncentral: Poisson mixtures of the central CDFs */
DRAW(ncchisq, double, repro_fill_noncentral_chisquare(s, v, n, par[0], par[1]))
static double cdf_ncchisq(const double *par, double x)
{
    double df = par[0], h = par[1] / 2, sum = 0;
    if (h == 0)
        return gamma_p(df / 2, x / 2);
    double jmax = h + 30 * sqrt(h) + 60;
    for (double j = 0; j <= jmax; j++)
        sum += pois_pmf(h, j) * gamma_p(df / 2 + j, x / 2);
    return sum;
}
static double mean_ncchisq(const double *par) { return par[0] + par[1]; }
static double var_ncchisq(const double *par) { return 2 * (par[0] + 2 * par[1]); }
DRAW(ncf, double, repro_fill_noncentral_f(s, v, n, par[0], par[1], par[2]))
static double cdf_ncf(const double *par, double x)
{
    double d1 = par[0], d2 = par[1], h = par[2] / 2, sum = 0;
    if (x <= 0)
        return 0;
    double y = d1 * x / (d1 * x + d2), jmax = h + 30 * sqrt(h) + 60;
    for (double j = 0; j <= jmax; j++)
        sum += pois_pmf(h, j) * beta_i(d1 / 2 + j, d2 / 2, y);
    return sum;
}

/* discrete laws */
DRAW(geometric, uint64_t, repro_fill_geometric(s, v, n, par[0]))
static double pmf_geometric(const double *par, double k)
{
    return k < 1 ? 0 : exp((k - 1) * log1p(-par[0])) * par[0];
}
static double mean_geometric(const double *par) { return 1 / par[0]; }
static double var_geometric(const double *par) { return (1 - par[0]) / (par[0] * par[0]); }
DRAW(negbin, uint64_t, repro_fill_negative_binomial(s, v, n, par[0], par[1]))
static double pmf_negbin(const double *par, double k)
{
    double r = par[0], p = par[1];
    return exp(lgamma(k + r) - lgamma(r) - lgamma(k + 1) + r * log(p) + k * log1p(-p));
}
static double mean_negbin(const double *par) { return par[0] * (1 - par[1]) / par[1]; }
static double var_negbin(const double *par)
{
    return par[0] * (1 - par[1]) / (par[1] * par[1]);
}
DRAW(logseries, uint64_t, repro_fill_logseries(s, v, n, par[0]))
static double pmf_logseries(const double *par, double k)
{
    double p = par[0];
    return k < 1 ? 0 : -exp(k * log(p)) / (k * log1p(-p));
}
static double mean_logseries(const double *par)
{
    double p = par[0];
    return -p / ((1 - p) * log1p(-p));
}
static double var_logseries(const double *par)
{
    double p = par[0], l = log1p(-p);
    return -p * (p + l) / ((1 - p) * (1 - p) * l * l);
}
DRAW(zipf, uint64_t, repro_fill_zipf(s, v, n, par[0]))
static double pmf_zipf(const double *par, double k)
{
    static double cached_a = 0, z = 0;
    if (cached_a != par[0]) {
        cached_a = par[0];
        z = zeta(par[0]);
    }
    return k < 1 ? 0 : pow(k, -par[0]) / z;
}
DRAW(hyper, uint64_t,
     repro_fill_hypergeometric(s, v, n, (uint64_t)par[0], (uint64_t)par[1], (uint64_t)par[2]))
static double pmf_hyper(const double *par, double k)
{
    double g = par[0], b = par[1], m = par[2];
    if (k < 0 || k > g || k > m || m - k > b)
        return 0;
    return exp(log_choose(g, k) + log_choose(b, m - k) - log_choose(g + b, m));
}
static double mean_hyper(const double *par) { return par[2] * par[0] / (par[0] + par[1]); }
static double var_hyper(const double *par)
{
    double g = par[0], b = par[1], m = par[2], t = g + b;
    return m * (g / t) * (b / t) * (t - m) / (t - 1);
}
/* integers in [par0, par1] (exactly representable bounds) */
DRAW(integers, int64_t, repro_fill_integers(s, v, n, (int64_t)par[0], (int64_t)par[1]))
static double pmf_integers(const double *par, double k)
{
    return k < par[0] || k > par[1] ? 0 : 1 / (par[1] - par[0] + 1);
}
static double mean_integers(const double *par) { return 0.5 * (par[0] + par[1]); }
static double var_integers(const double *par)
{
    double w = par[1] - par[0] + 1;
    return (w * w - 1) / 12;
}

/* marginals of the vector laws: component par[2] of dirichlet(par[0], par[1], 1) and of
 * multinomial(20, (par[0], par[1], rest)) */
static void draw_dirichlet(repro_stream *s, const double *par, double *out, size_t n)
{
    double alpha[3] = {par[0], par[1], 1.0};
    double *v = malloc(3 * n * sizeof *v);
    assert_non_null(v);
    CHECK_RC(repro_fill_dirichlet(s, v, n, alpha, 3));
    for (size_t i = 0; i < n; i++) {
        double sum = v[3 * i] + v[3 * i + 1] + v[3 * i + 2];
        assert_true(fabs(sum - 1) < 1e-14 && v[3 * i] >= 0 && v[3 * i + 1] >= 0);
        out[i] = v[3 * i + (size_t)par[2]];
    }
    free(v);
}
static double alpha_of(const double *par, double *sum)
{
    *sum = par[0] + par[1] + 1.0;
    return par[2] == 0 ? par[0] : par[2] == 1 ? par[1] : 1.0;
}
static double cdf_dirichlet(const double *par, double x)
{
    double a0, a = alpha_of(par, &a0);
    return beta_i(a, a0 - a, x);
}
static double mean_dirichlet(const double *par)
{
    double a0, a = alpha_of(par, &a0);
    return a / a0;
}
static double var_dirichlet(const double *par)
{
    double a0, a = alpha_of(par, &a0);
    return a * (a0 - a) / (a0 * a0 * (a0 + 1));
}
static void draw_multinomial(repro_stream *s, const double *par, double *out, size_t n)
{
    double p[3] = {par[0], par[1], 1 - par[0] - par[1]};
    uint64_t *v = malloc(3 * n * sizeof *v);
    assert_non_null(v);
    CHECK_RC(repro_fill_multinomial(s, v, n, 20, p, 3));
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(v[3 * i] + v[3 * i + 1] + v[3 * i + 2], 20);
        out[i] = (double)v[3 * i + (size_t)par[2]];
    }
    free(v);
}
static double p_of(const double *par)
{
    return par[2] == 0 ? par[0] : par[2] == 1 ? par[1] : 1 - par[0] - par[1];
}
static double pmf_multinomial(const double *par, double k)
{
    double p = p_of(par);
    return k < 0 || k > 20 ? 0 : exp(log_choose(20, k) + k * log(p) + (20 - k) * log1p(-p));
}
static double mean_multinomial(const double *par) { return 20 * p_of(par); }
static double var_multinomial(const double *par) { return 20 * p_of(par) * (1 - p_of(par)); }

#define KS(nm, a, b, c, fam, mean, var, wp, wf)                                          \
    {nm, {a, b, c}, draw_##fam, cdf_##fam, NULL, mean, var, wp, wf, 0, 0}
#define BINS(nm, a, b, c, fam, mean, var, wp, wf, lo, hi)                                \
    {nm, {a, b, c}, draw_##fam, cdf_##fam, NULL, mean, var, wp, wf, lo, hi}
#define PMF(nm, a, b, c, fam, mean, var, wp, wf)                                         \
    {nm, {a, b, c}, draw_##fam, NULL, pmf_##fam, mean, var, wp, wf, 0, 0}

static const law_case cases[] = {
    KS("normal_float", 1, 0, 0, normal_float_scaled, mean_zero, var_normal_float, 0, 1.02),
    KS("exponential_float", 1, 0, 0, exponential_float_scaled, mean_expo, var_expo, 0, 1.02),
    KS("uniform_float(-2,5)", -2, 5, 0, uniform_float, mean_uniform, var_uniform, 1, 1.01),
    KS("lognormal(0,1)", 0, 1, 0, lognormal, mean_lognormal, no_moment, 1, 1.02),
    KS("lognormal(2,0.01)", 2, 0.01, 0, lognormal, mean_lognormal, no_moment, 1, 1.03),
    KS("lognormal(-1,10)", -1, 10, 0, lognormal, no_moment, no_moment, 1, 1.02),
    KS("standard_cauchy", 1, 0, 0, cauchy, no_moment, no_moment, 0, 1.05),
    KS("laplace(1,2)", 1, 2, 0, laplace, mean_loc, var_laplace, 1, 1.02),
    KS("laplace(0,1e-300)", 0, 1e-300, 0, laplace, no_moment, no_moment, 1, 1.02),
    KS("logistic(0,1)", 0, 1, 0, logistic, mean_loc, var_logistic, 1, 1.02),
    KS("logistic(5,0.001)", 5, 0.001, 0, logistic, mean_loc, var_logistic, 1, 1.02),
    KS("gumbel(0,1)", 0, 1, 0, gumbel, mean_gumbel, var_gumbel, 1, 1.02),
    KS("gumbel(-3,20)", -3, 20, 0, gumbel, mean_gumbel, var_gumbel, 1, 1.02),
    KS("rayleigh(1)", 1, 0, 0, rayleigh, mean_rayleigh, var_rayleigh, 0, 1.02),
    KS("rayleigh(1e-100)", 1e-100, 0, 0, rayleigh, mean_rayleigh, var_rayleigh, 0, 1.02),
    KS("weibull(1.5)", 1.5, 0, 0, weibull, mean_weibull, var_weibull, 0, 1.02),
    KS("weibull(0.1)", 0.1, 0, 0, weibull, no_moment, no_moment, 0, 1.03),
    KS("weibull(50)", 50, 0, 0, weibull, mean_weibull, var_weibull, 0, 1.02),
    KS("pareto(3)", 3, 0, 0, pareto, mean_pareto, no_moment, 0, 1.03),
    KS("pareto(0.05)", 0.05, 0, 0, pareto, no_moment, no_moment, 0, 1.03),
    KS("pareto(1e6)", 1e6, 0, 0, pareto, mean_pareto, no_moment, 0, 1.03),
    KS("power(2)", 2, 0, 0, power, mean_power, var_power, 0, 1.03),
    KS("power(0.01)", 0.01, 0, 0, power, mean_power, var_power, 0, 1.04),
    KS("triangular(0,1,3)", 0, 1, 3, triangular, mean_triangular, var_triangular, 1, 1.05),
    KS("triangular(-1,-1,1)", -1, -1, 1, triangular, mean_triangular, var_triangular, 2, 1.03),
    KS("triangular(2,3,3)", 2, 3, 3, triangular, mean_triangular, var_triangular, 0, 1.01),
    KS("wald(1,2)", 1, 2, 0, wald, mean_wald, var_wald, 1, 1.03),
    KS("wald(10,1)", 10, 1, 0, wald, mean_wald, no_moment, 1, 1.04),
    KS("wald(1,200)", 1, 200, 0, wald, mean_wald, var_wald, 1, 1.04),
    BINS("vonmises(0,4)", 0, 4, 0, vonmises, no_moment, no_moment, 1, 1.06, -PI, PI),
    BINS("vonmises(1,0.5)", 1, 0.5, 0, vonmises, no_moment, no_moment, 1, 1.1, -PI, PI),
    BINS("vonmises(-3,50)", -3, 50, 0, vonmises, no_moment, no_moment, 1, 1.06, -PI, PI),
    BINS("vonmises(2,1e-6)", 2, 1e-6, 0, vonmises, no_moment, no_moment, 1, 3e4, -PI, PI),
    BINS("vonmises(0.5,700)", 0.5, 700, 0, vonmises, no_moment, no_moment, 1, 1.06, 0.3, 0.7),
    KS("vonmises(1,1e7)", 1, 1e7, 0, vonmises, no_moment, no_moment, 1, 1.06),
    KS("chisquare(3)", 3, 0, 0, chisquare, mean_df, var_chisquare, 0, 1.02),
    KS("chisquare(0.05)", 0.05, 0, 0, chisquare, mean_df, no_moment, 0, 1.03),
    KS("chisquare(1e5)", 1e5, 0, 0, chisquare, mean_df, var_chisquare, 0, 1.001),
    KS("standard_t(5)", 5, 0, 0, standard_t, mean_t, var_t, 0, 1.1),
    KS("standard_t(0.8)", 0.8, 0, 0, standard_t, mean_t, var_t, 0, 1.1),
    KS("standard_t(1e4)", 1e4, 0, 0, standard_t, mean_t, var_t, 0, 0.01),
    KS("f(3,7)", 3, 7, 0, f, mean_f, no_moment, 0, 1.05),
    KS("f(0.5,40)", 0.5, 40, 0, f, mean_f, no_moment, 0, 1.1),
    BINS("noncentral_chisquare(3,2)", 3, 2, 0, ncchisq, mean_ncchisq, var_ncchisq, 1, 1.05, 0, 25),
    BINS("noncentral_chisquare(0.5,30)", 0.5, 30, 0, ncchisq, mean_ncchisq, var_ncchisq, 1,
         1.05, 0, 90),
    BINS("noncentral_chisquare(1,0)", 1, 0, 0, ncchisq, mean_ncchisq, var_ncchisq, 0, 1.05, 0, 12),
    BINS("noncentral_f(3,7,2)", 3, 7, 2, ncf, no_moment, no_moment, 2, 1.15, 0, 12),
    BINS("noncentral_f(0.7,20,15)", 0.7, 20, 15, ncf, no_moment, no_moment, 2, 1.08, 0, 60),
    KS("dirichlet(0.5,2,1)[0]", 0.5, 2, 0, dirichlet, mean_dirichlet, var_dirichlet, 0, 1.04),
    KS("dirichlet(0.5,2,1)[2]", 0.5, 2, 2, dirichlet, mean_dirichlet, var_dirichlet, 1, 1.04),
    KS("dirichlet(3,40,1)[1]", 3, 40, 1, dirichlet, mean_dirichlet, var_dirichlet, 1, 1.02),
    PMF("geometric(0.3)", 0.3, 0, 0, geometric, mean_geometric, var_geometric, 0, 1.02),
    PMF("geometric(1e-4)", 1e-4, 0, 0, geometric, mean_geometric, var_geometric, 0, 1.03),
    PMF("geometric(0.999)", 0.999, 0, 0, geometric, mean_geometric, var_geometric, 0, 0.99),
    PMF("negative_binomial(5,0.3)", 5, 0.3, 0, negbin, mean_negbin, var_negbin, 1, 1.02),
    PMF("negative_binomial(0.01,0.001)", 0.01, 0.001, 0, negbin, no_moment, no_moment, 0, 1.3),
    PMF("negative_binomial(1000,0.9)", 1000, 0.9, 0, negbin, mean_negbin, var_negbin, 1, 1.002),
    PMF("logseries(0.6)", 0.6, 0, 0, logseries, mean_logseries, var_logseries, 0, 1.02),
    PMF("logseries(0.9999)", 0.9999, 0, 0, logseries, mean_logseries, no_moment, 0, 0.9999),
    PMF("logseries(1e-5)", 1e-5, 0, 0, logseries, mean_logseries, no_moment, 0, 100),
    PMF("zipf(2)", 2, 0, 0, zipf, no_moment, no_moment, 0, 1.02),
    PMF("zipf(1.1)", 1.1, 0, 0, zipf, no_moment, no_moment, 0, 1.03),
    PMF("zipf(8)", 8, 0, 0, zipf, no_moment, no_moment, 0, 0.9),
    PMF("hypergeometric(5,10,4)", 5, 10, 4, hyper, mean_hyper, var_hyper, 0, 1.4),
    PMF("hypergeometric(100,200,50)", 100, 200, 50, hyper, mean_hyper, var_hyper, 0, 1.05),
    PMF("hypergeometric(1e8,9e8,5e8)", 1e8, 9e8, 5e8, hyper, mean_hyper, var_hyper, 0, 1.0001),
    PMF("hypergeometric(20,5,22)", 20, 5, 22, hyper, mean_hyper, var_hyper, 1, 1.4),
    PMF("integers(-3,4)", -3, 4, 0, integers, mean_integers, var_integers, 1, 1.5),
    PMF("integers(0,2^32-1)", 0, 4294967295.0, 0, integers, mean_integers, var_integers, 1, 1.02),
    PMF("multinomial(20,.2,.5)[0]", 0.2, 0.5, 0, multinomial, mean_multinomial, var_multinomial,
        0, 1.03),
    PMF("multinomial(20,.2,.5)[2]", 0.2, 0.5, 2, multinomial, mean_multinomial, var_multinomial,
        1, 1.03),
    KS("gamma_float(0.5,2)", 0.5, 2, 0, gamma_float, mean_gamma, var_gamma, 0, 1.02),
    KS("gamma_float(30,1e30)", 30, 1e30, 0, gamma_float, mean_gamma, var_gamma, 0, 1.01),
    KS("exponential_scaled(2.5)", 2.5, 0, 0, exponential_scaled, mean_expo, var_expo, 0, 1.02),
    KS("exponential_scaled(1e-300)", 1e-300, 0, 0, exponential_scaled, no_moment, no_moment, 0,
       1.02),
};

/* ---- the checker ------------------------------------------------------------------------- */

/* Chi-square z over bins of the sorted sample x: the bins (from k = 0, or over [lo, hi])
 * merged left to right until each expects >= 20 draws, and one for the rest. */
static double chi_square(const law_case *c, const double *par, const double *x, size_t n)
{
    double chi2 = 0, df = -1, acc_e = 0, acc_o = 0, total_e = 0;
    size_t i = 0;
    int binned = c->lo < c->hi;
    double start = binned ? c->lo : (x[0] < 0 ? floor(x[0]) : 0);
    double m = c->mean(par), v = c->var(par);
    if (!binned && m == m && v == v && m - 12 * sqrt(v) > start) /* no mass below */
        start = floor(m - 12 * sqrt(v));
    double width = binned ? (c->hi - c->lo) / 100 : 1;
    size_t nb = binned ? 100 : 2000000;
    double prev_cdf = binned ? c->cdf(par, c->lo) : 0;
    if (binned) { /* the bin below lo */
        while (i < n && x[i] <= c->lo)
            i++;
        acc_e = prev_cdf * (double)n;
        acc_o = (double)i;
        total_e = acc_e;
    }
    for (size_t b = 0; b < nb && total_e < (double)n * (1 - 1e-9); b++) {
        double top = start + width * (double)(b + 1), e;
        if (binned) {
            double cdf = c->cdf(par, top);
            e = (cdf - prev_cdf) * (double)n;
            prev_cdf = cdf;
        } else {
            e = c->pmf(par, start + (double)b) * (double)n;
        }
        double o = 0;
        while (i < n && (binned ? x[i] <= top : x[i] < top - 0.5))
            i++, o++;
        total_e += e;
        acc_e += e;
        acc_o += o;
        if (acc_e >= 20) {
            chi2 += (acc_o - acc_e) * (acc_o - acc_e) / acc_e;
            df += 1;
            acc_e = acc_o = 0;
        }
    }
    /* the last partial bin and everything beyond */
    acc_e += fmax((double)n - total_e, 0.0);
    acc_o += (double)(n - i);
    if (acc_e > 1e-9)
        chi2 += (acc_o - acc_e) * (acc_o - acc_e) / acc_e, df += 1;
    else if (acc_o > 0)
        chi2 = INFINITY;
    return chi_square_z(chi2, df < 1 ? 1 : df);
}

/* Every check on the sample x (sorted in place); returns how many failed. */
static int check_sample(const law_case *c, double *x, size_t n, const char *label)
{
    const double *par = c->par;
    double m = c->mean(par), v = c->var(par);
    for (size_t i = 0; i < n; i++)
        assert_true(x[i] == x[i]); /* never NaN */
    sample_moments mo = moments_of(x, n);
    double z_mean = 0, z_var = 0;
    double sd = isnan(v) ? sqrt(mo.m2) : sqrt(v);
    if (!isnan(m) && sd > 0) /* sd 0: a sample of one value, left to the fit test */
        z_mean = (mo.mean - m) / (sd / sqrt((double)n));
    if (!isnan(v))
        z_var = variance_z(mo, v, n);
    int fails = (fabs(z_mean) > Z_MAX) + (fabs(z_var) > Z_MAX);
    qsort(x, n, sizeof *x, cmp_double);
    double fit;
    if (c->cdf && !(c->lo < c->hi)) {
        fit = ks_statistic(c->cdf, par, x, n);
        fails += !(fit <= KS_MAX);
    } else {
        fit = chi_square(c, par, x, n);
        fails += !(fit <= CHI_Z_MAX);
    }
    printf("  %-30s %-5s z_mean %8.2f z_var %8.2f %s %8.2f -> %s\n", c->name, label, z_mean,
           z_var, c->cdf && !(c->lo < c->hi) ? "KS  " : "chiz", fit,
           fails ? "rejected" : "accepted");
    return fails;
}

static void test_laws(void **state)
{
    (void)state;
    double *x = malloc(N * sizeof *x);
    assert_non_null(x);
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        law_case c = cases[i];
        repro_stream s = stream_for(2000 + i);
        c.draw(&s, c.par, x, N);
        int fails = check_sample(&c, x, N, "exact");
        law_case w = c;
        w.par[c.wrong_par] *= pow(c.wrong_factor, wrong_scale());
        s = stream_for(2000 + i);
        w.draw(&s, w.par, x, N);
        int wrong_fails = check_sample(&c, x, N, "wrong");
        if (fails != 0 || wrong_fails == 0) {
            printf("FAIL %s: the exact sampler failed %d checks, the wrong variant %d\n",
                   c.name, fails, wrong_fails);
            bad++;
        }
    }
    free(x);
    assert_int_equal(bad, 0);
}

/* ---- word consumption and the _at forms ----------------------------------------------- */

/* A law with fixed parameters, its values as bit patterns (widened to u64). */
typedef struct {
    const char *name;
    unsigned words; /* per value */
    int (*fill)(repro_stream *s, uint64_t *bits, size_t n);
    int (*fill_at)(const repro_stream *s, uint64_t pos, uint64_t *bits, size_t n);
} fixed_law;

/* The bit patterns of n values of `size` bytes (4 or 8) at v, widened to u64. */
static void widen_bits(const void *v, size_t size, uint64_t *bits, size_t n)
{
    const unsigned char *p = v;
    for (size_t i = 0; i < n; i++) {
        uint32_t u32;
        if (size == sizeof u32) {
            memcpy(&u32, p + i * size, size);
            bits[i] = u32;
        } else {
            memcpy(&bits[i], p + i * size, size);
        }
    }
}

#define FIXED(name, type, ...)                                                           \
    static int fill_##name##_bits(repro_stream *s, uint64_t *bits, size_t n)             \
    {                                                                                    \
        type v[64];                                                                      \
        int rc = repro_fill_##name(s, v, n __VA_ARGS__);                                 \
        widen_bits(v, sizeof v[0], bits, n);                                             \
        return rc;                                                                       \
    }                                                                                    \
    static int fill_##name##_at_bits(const repro_stream *s, uint64_t pos, uint64_t *bits, \
                                     size_t n)                                           \
    {                                                                                    \
        type v[64];                                                                      \
        int rc = repro_fill_##name##_at(s, pos, v, n __VA_ARGS__);                       \
        widen_bits(v, sizeof v[0], bits, n);                                             \
        return rc;                                                                       \
    }
FIXED(normal_float, float, )
FIXED(exponential_float, float, )
FIXED(uniform_float, float, , -1.5f, 2.0f)
FIXED(lognormal, double, , 0.5, 2.0)
FIXED(standard_cauchy, double, )
FIXED(exponential_scaled, double, , 2.5)
FIXED(laplace, double, , 1.0, 3.0)
FIXED(logistic, double, , 1.0, 3.0)
FIXED(gumbel, double, , 1.0, 3.0)
FIXED(rayleigh, double, , 2.0)
FIXED(weibull, double, , 1.5)
FIXED(pareto, double, , 2.5)
FIXED(power, double, , 0.7)
FIXED(triangular, double, , -1.0, 0.0, 4.0)
FIXED(wald, double, , 1.0, 2.0)
FIXED(geometric, uint64_t, , 0.2)

static const double mvn_mean[2] = {1.0, -1.0};
static const double mvn_factor[4] = {2.0, 0.0, 1.0, 0.5};
static int fill_mvn_bits(repro_stream *s, uint64_t *bits, size_t n)
{
    /* n values = n / 2 vectors */
    double v[64];
    int rc = repro_fill_multivariate_normal(s, v, n / 2, mvn_mean, mvn_factor, 2);
    memcpy(bits, v, n * sizeof *v);
    return rc;
}
static int fill_mvn_at_bits(const repro_stream *s, uint64_t pos, uint64_t *bits, size_t n)
{
    double v[64];
    int rc = repro_fill_multivariate_normal_at(s, pos, v, n / 2, mvn_mean, mvn_factor, 2);
    memcpy(bits, v, n * sizeof *v);
    return rc;
}

static uint64_t alias_mem[3 + 2 * 5];
static int fill_choice_bits(repro_stream *s, uint64_t *bits, size_t n)
{
    return repro_fill_choice(s, bits, n, alias_mem);
}
static int fill_choice_at_bits(const repro_stream *s, uint64_t pos, uint64_t *bits, size_t n)
{
    return repro_fill_choice_at(s, pos, bits, n, alias_mem);
}

#define F(name, words) {#name, words, fill_##name##_bits, fill_##name##_at_bits}
static const fixed_law fixed_laws[] = {
    F(normal_float, 2), F(exponential_float, 2), F(uniform_float, 1), F(lognormal, 2),
    F(standard_cauchy, 2), F(exponential_scaled, 2), F(laplace, 2), F(logistic, 2), F(gumbel, 2), F(rayleigh, 2),
    F(weibull, 2), F(pareto, 2), F(power, 2), F(triangular, 2), F(wald, 4),
    F(geometric, 2), {"multivariate_normal (per value)", 2, fill_mvn_bits, fill_mvn_at_bits},
    {"choice", 2, fill_choice_bits, fill_choice_at_bits},
};

/* A fill of 36 values from position 5 ends at 5 + 36 words per value; one-value fills
 * (two-value for the multivariate normal's vectors) give the same values; the _at form
 * gives them too without moving the stream, also across the 2^64 wrap. */
static void test_fixed_consumption(void **state)
{
    (void)state;
    const double w[5] = {1.0, 0.0, 3.0, 0.25, 2.0};
    CHECK_RC(repro_alias_init(alias_mem, sizeof alias_mem, w, 5));
    for (size_t l = 0; l < sizeof fixed_laws / sizeof fixed_laws[0]; l++) {
        const fixed_law *f = &fixed_laws[l];
        size_t step = strncmp(f->name, "multivariate", 12) ? 1 : 2;
        static const uint64_t starts[] = {5, UINT64_MAX - 40};
        for (int k = 0; k < 2; k++) {
            uint64_t got[36], one[36], at[36];
            repro_stream s = stream_for(31), t;
            repro_stream_seek(&s, starts[k]);
            t = s;
            CHECK_RC(f->fill(&s, got, 36));
            if (repro_stream_tell(&s) != starts[k] + 36u * f->words)
                fail_msg("%s: %u words per value expected", f->name, f->words);
            for (size_t i = 0; i < 36; i += step)
                CHECK_RC(f->fill(&t, one + i, step));
            assert_memory_equal(got, one, sizeof got);
            assert_int_equal(repro_stream_tell(&t), repro_stream_tell(&s));
            repro_stream u = stream_for(31);
            CHECK_RC(f->fill_at(&u, starts[k], at, 36));
            assert_memory_equal(got, at, sizeof got);
            assert_int_equal(repro_stream_tell(&u), 0);
        }
    }
}

/* integers: the 32-bit path takes 1 word per value at a range of 2^32 or a single
 * value, the 64-bit path 2; the full int64 range; the values stay in range. */
static void test_integers_ranges(void **state)
{
    (void)state;
    int64_t v[4096];
    repro_stream s = stream_for(41);
    CHECK_RC(repro_fill_integers(&s, v, 4096, 7, 7));
    for (int i = 0; i < 4096; i++)
        assert_true(v[i] == 7);
    assert_int_equal(repro_stream_tell(&s), 4096);
    CHECK_RC(repro_fill_integers(&s, v, 4096, INT32_MIN, INT32_MAX)); /* 2^32 values */
    assert_int_equal(repro_stream_tell(&s), 2 * 4096);
    int neg = 0;
    for (int i = 0; i < 4096; i++) {
        assert_true(v[i] >= INT32_MIN && v[i] <= INT32_MAX);
        neg += v[i] < 0;
    }
    assert_true(neg > 1800 && neg < 2300);
    CHECK_RC(repro_fill_integers(&s, v, 4096, INT64_MIN, INT64_MAX));
    assert_int_equal(repro_stream_tell(&s), 4 * 4096);
    neg = 0;
    int big = 0;
    for (int i = 0; i < 4096; i++) {
        neg += v[i] < 0;
        big += v[i] > (INT64_C(1) << 62) || v[i] < -(INT64_C(1) << 62);
    }
    assert_true(neg > 1800 && neg < 2300 && big > 1800 && big < 2300);
    uint64_t before = repro_stream_tell(&s);
    CHECK_RC(repro_fill_integers(&s, v, 4096, -5, INT64_C(1) << 40));
    assert_true(repro_stream_tell(&s) >= before + 2 * 4096);
    for (int i = 0; i < 4096; i++)
        assert_true(v[i] >= -5 && v[i] <= INT64_C(1) << 40);
    /* the _at form: what a copy seeked to the position gives */
    int64_t w[4096];
    repro_stream t = stream_for(41);
    repro_stream_seek(&t, 12345);
    CHECK_RC(repro_fill_integers(&t, v, 4096, -1000, 1000000));
    CHECK_RC(repro_fill_integers_at(&s, 12345, w, 4096, -1000, 1000000));
    assert_memory_equal(v, w, sizeof v);
    /* the 32-bit path's boundary: high - low = 2^32 - 1 takes 1 word, 2^32 takes 2 */
    before = repro_stream_tell(&s);
    CHECK_RC(repro_fill_integers(&s, v, 1, 10, 10 + INT64_C(0xffffffff)));
    assert_int_equal(repro_stream_tell(&s), before + 1);
    CHECK_RC(repro_fill_integers(&s, v, 1, 10, 10 + INT64_C(0x100000000)));
    assert_true(repro_stream_tell(&s) >= before + 3);
}

/* ---- parameter errors: REPRO_ERR_PARAM and nothing drawn ------------------------------- */

static void test_parameter_errors(void **state)
{
    (void)state;
    const double nan = NAN, inf = INFINITY;
    double d[4], a3[3] = {1.0, 2.0, 3.0}, cov[4] = {1, 0, 0, 1}, fac[4];
    float f[4];
    uint64_t k[12];
    int64_t i64[4];
    repro_stream s = stream_for(51);
#define BAD(call) assert_int_equal((call), REPRO_ERR_PARAM)
    BAD(repro_fill_uniform_float(&s, f, 4, 1.0f, 1.0f));
    BAD(repro_fill_uniform_float(&s, f, 4, -(float)inf, 1.0f));
    BAD(repro_fill_integers(&s, i64, 4, 5, 4));
    const double bad_scale[] = {-1.0, nan, inf};
    for (int i = 0; i < 3; i++) {
        double b = bad_scale[i];
        BAD(repro_fill_lognormal(&s, d, 4, 0.0, b));
        BAD(repro_fill_laplace(&s, d, 4, 0.0, b));
        BAD(repro_fill_logistic(&s, d, 4, 0.0, b));
        BAD(repro_fill_gumbel(&s, d, 4, 0.0, b));
        BAD(repro_fill_rayleigh(&s, d, 4, b));
        BAD(repro_fill_exponential_scaled(&s, d, 4, b));
        BAD(repro_fill_exponential_scaled_at(&s, 0, d, 4, b));
        BAD(repro_fill_weibull(&s, d, 4, b));
        BAD(repro_fill_vonmises(&s, d, 4, 0.0, b));
        BAD(repro_fill_laplace(&s, d, 4, b == -1.0 ? inf : b, 1.0));
    }
    const double bad_pos[] = {0.0, -1.0, nan, inf};
    for (int i = 0; i < 4; i++) {
        double b = bad_pos[i];
        BAD(repro_fill_pareto(&s, d, 4, b));
        BAD(repro_fill_gamma_float(&s, f, 4, b, 1.0));
        BAD(repro_fill_gamma_float(&s, f, 0, 1.0, b)); /* checked with nothing to draw too */
        BAD(repro_fill_power(&s, d, 4, b));
        BAD(repro_fill_wald(&s, d, 4, b, 1.0));
        BAD(repro_fill_wald(&s, d, 4, 1.0, b));
        BAD(repro_fill_chisquare(&s, d, 4, b));
        BAD(repro_fill_standard_t(&s, d, 4, b));
        BAD(repro_fill_f(&s, d, 4, b, 1.0));
        BAD(repro_fill_f(&s, d, 4, 1.0, b));
        BAD(repro_fill_noncentral_chisquare(&s, d, 4, b, 1.0));
        BAD(repro_fill_noncentral_f(&s, d, 4, 1.0, b, 1.0));
        BAD(repro_fill_negative_binomial(&s, k, 4, b, 0.5));
        BAD(repro_fill_negative_binomial(&s, k, 4, 1.0, b));
        BAD(repro_fill_geometric(&s, k, 4, b));
        a3[1] = b;
        BAD(repro_fill_dirichlet(&s, d, 4, a3, 3));
    }
    a3[1] = 2.0;
    BAD(repro_fill_chisquare(&s, d, 4, 0x1p-1074)); /* df / 2 underflows */
    BAD(repro_fill_triangular(&s, d, 4, 0.0, 2.0, 1.0));
    BAD(repro_fill_triangular(&s, d, 4, 1.0, 1.0, 1.0));
    BAD(repro_fill_triangular(&s, d, 4, -1e308, 0.0, 1e308)); /* width overflows */
    BAD(repro_fill_noncentral_chisquare(&s, d, 4, 1.0, -1.0));
    BAD(repro_fill_noncentral_chisquare(&s, d, 4, 1.0, 3e15));
    BAD(repro_fill_negative_binomial(&s, k, 4, 1.0, 1e-13)); /* (1 - p) / p > 1e12 */
    BAD(repro_fill_negative_binomial(&s, k, 4, 1e6, 1e-7)); /* mean > 1e12 */
    BAD(repro_fill_geometric(&s, k, 4, 1.5));
    BAD(repro_fill_logseries(&s, k, 4, 1.0));
    BAD(repro_fill_logseries(&s, k, 4, -0.1));
    BAD(repro_fill_logseries(&s, k, 4, nan));
    BAD(repro_fill_zipf(&s, k, 4, 1.0));
    BAD(repro_fill_zipf(&s, k, 4, 1.0 + 0x1p-21));
    BAD(repro_fill_zipf(&s, k, 4, nan));
    BAD(repro_fill_zipf(&s, k, 4, inf));
    BAD(repro_fill_hypergeometric(&s, k, 4, 5, 5, 11));
    BAD(repro_fill_hypergeometric(&s, k, 4, 1000000000, 5, 1));
    BAD(repro_fill_dirichlet(&s, d, 1, a3, 0));
    double p3[3] = {0.5, 0.6, 0.0};
    BAD(repro_fill_multinomial(&s, k, 4, 10, p3, 3)); /* first two sum above 1 */
    p3[1] = -0.1;
    BAD(repro_fill_multinomial(&s, k, 4, 10, p3, 3));
    p3[1] = nan;
    BAD(repro_fill_multinomial(&s, k, 4, 10, p3, 3));
    BAD(repro_fill_multinomial(&s, k, 4, 10, p3, 0));
    BAD(repro_fill_multivariate_normal(&s, d, 2, a3, cov, 0));
    BAD(repro_fill_multivariate_normal(&s, d, 2, (const double[2]){nan, 0}, cov, 2));
    BAD(repro_mvnormal_factor((const double[4]){1, 2, 2, 1}, 2, fac));  /* indefinite */
    BAD(repro_mvnormal_factor((const double[4]){1, 0.5, 0.4, 1}, 2, fac)); /* asymmetric */
    BAD(repro_mvnormal_factor((const double[4]){1, 0, 0, nan}, 2, fac));
    BAD(repro_mvnormal_factor((const double[4]){-1, 0, 0, 1}, 2, fac));
    uint64_t tab[3 + 2 * 3];
    BAD(repro_alias_init(tab, sizeof tab, (const double[3]){0, 0, 0}, 3));
    BAD(repro_alias_init(tab, sizeof tab, (const double[3]){1, -1, 0}, 3));
    BAD(repro_alias_init(tab, sizeof tab, (const double[3]){1, inf, 0}, 3));
    BAD(repro_alias_init(tab, sizeof tab, a3, 0));
    assert_int_equal(repro_alias_init(tab, sizeof tab - 1, a3, 3), REPRO_ERR_BUFFER);
#if SIZE_MAX > 0xFFFFFFFFu /* k = 2^40 is the most allowed (checked before the weights) */
    BAD(repro_alias_init(tab, SIZE_MAX, a3, ((size_t)1 << 40) + 1));
    assert_int_equal(repro_alias_init(tab, sizeof tab, a3, (size_t)1 << 40), REPRO_ERR_BUFFER);
#endif
    memset(tab, 0, sizeof tab);
    assert_int_equal(repro_fill_choice(&s, k, 4, tab), REPRO_ERR_ARG);
    BAD(repro_choice_without_replacement(&s, k, 5, 4));
    uint64_t keys[4];
    const double w4[4] = {1.0, 0.0, 2.0, 0.5};
    BAD(repro_choice_weighted_without_replacement(&s, k, 4, w4, 4, keys)); /* 3 positive */
    BAD(repro_choice_weighted_without_replacement(&s, k, 1, (const double[2]){1, -1}, 2, keys));
    BAD(repro_choice_weighted_without_replacement(&s, k, 1, (const double[2]){1, nan}, 2, keys));
    BAD(repro_choice_weighted_without_replacement(&s, k, 1, (const double[2]){inf, 1}, 2, keys));
    BAD(repro_choice_weighted_without_replacement(&s, k, 1, NULL, 0, keys));
    assert_int_equal(repro_choice_weighted_without_replacement(&s, k, 1, w4, 4, NULL),
                     REPRO_ERR_NULL);
    assert_int_equal(repro_choice_weighted_without_replacement(&s, k, 1, NULL, 4, keys),
                     REPRO_ERR_NULL);
    assert_int_equal(repro_choice_weighted_without_replacement(&s, NULL, 1, w4, 4, keys),
                     REPRO_ERR_NULL);
    assert_int_equal(repro_stream_tell(&s), 0); /* nothing drawn */
    /* NULL and uninitialised streams */
    assert_int_equal(repro_fill_lognormal(NULL, d, 1, 0, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_lognormal_at(NULL, 0, d, 1, 0, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_zipf(&s, NULL, 1, 2.0), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_zipf(&s, NULL, 0, 2.0), REPRO_OK);
    assert_int_equal(repro_fill_negative_binomial(&s, NULL, 0, 1.0, 1.0), REPRO_OK);
    assert_int_equal(repro_fill_dirichlet(&s, d, 1, NULL, 3), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_multinomial(&s, k, 1, 3, NULL, 3), REPRO_ERR_NULL);
    assert_int_equal(repro_fill_choice(&s, k, 1, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_alias_init(NULL, 100, a3, 3), REPRO_ERR_NULL);
    assert_int_equal(repro_mvnormal_factor(NULL, 2, fac), REPRO_ERR_NULL);
    assert_int_equal(repro_choice_without_replacement(&s, NULL, 1, 3), REPRO_ERR_NULL);
    repro_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(repro_fill_gumbel(&z, d, 1, 0, 1), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_fill_gumbel_at(&z, 0, d, 1, 0, 1), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_fill_hypergeometric(&z, k, 1, 1, 1, 1), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_choice_without_replacement(&z, k, 1, 3), REPRO_ERR_ALGORITHM);
    assert_int_equal(repro_stream_tell(&s), 0);
#undef BAD
}

/* ---- exact relations and edge behaviour ------------------------------------------------ */

static void test_float_variants(void **state)
{
    (void)state;
    double d[1000];
    float f[1000];
    repro_stream a = stream_for(61), b = stream_for(61);
    CHECK_RC(repro_fill_normal(&a, d, 1000));
    CHECK_RC(repro_fill_normal_float(&b, f, 1000));
    for (int i = 0; i < 1000; i++)
        assert_true(f[i] == (float)d[i]);
    CHECK_RC(repro_fill_exponential(&a, d, 1000));
    CHECK_RC(repro_fill_exponential_float(&b, f, 1000));
    for (int i = 0; i < 1000; i++)
        assert_true(f[i] == (float)d[i]);
    /* uniform_float stays below b, also when b - a overflows a float */
    CHECK_RC(repro_fill_uniform_float(&b, f, 1000, 1.0f, 1.0000001f));
    for (int i = 0; i < 1000; i++)
        assert_true(f[i] == 1.0f);
    CHECK_RC(repro_fill_uniform_float(&b, f, 1000, -FLT_MAX, FLT_MAX));
    int neg = 0;
    for (int i = 0; i < 1000; i++) {
        assert_true(f[i] >= -FLT_MAX && f[i] < FLT_MAX);
        neg += f[i] < 0;
    }
    assert_true(neg > 400 && neg < 600);
    /* the float gamma: the double gamma rounded, +inf from FLT_MAX + half an ulp on */
    a = stream_for(62), b = stream_for(62);
    CHECK_RC(repro_fill_gamma(&a, d, 1000, 1.0, 0x1p127));
    CHECK_RC(repro_fill_gamma_float(&b, f, 1000, 1.0, 0x1p127));
    int inf = 0;
    for (int i = 0; i < 1000; i++) {
        if (d[i] >= 0x1.ffffffp+127)
            assert_true(f[i] == INFINITY), inf++;
        else
            assert_true(f[i] == (float)d[i] && f[i] <= FLT_MAX);
    }
    assert_true(inf > 50 && inf < 250); /* P(E > 2) = 13.5% */
    assert_true(repro_stream_tell(&a) == repro_stream_tell(&b));
}

/* Chi-square z of outcome counts against weights w (sum total), the outcomes merged
 * in index order until each expects >= 20. */
static double choice_chi_z(const double *obs, const double *w, int k, double total, size_t n)
{
    double chi2 = 0, df = -1, e = 0, o = 0;
    for (int i = 0; i < k; i++) {
        e += (double)n * w[i] / total;
        o += obs[i];
        if (e >= 20 || i == k - 1) {
            chi2 += (o - e) * (o - e) / e;
            df += 1;
            e = o = 0;
        }
    }
    return chi_square_z(chi2, df);
}

/* Weighted choice: frequencies against the weights (chi-square), zero weights never
 * drawn, one outcome always 0, and a table of 1000 outcomes. */
static void test_choice(void **state)
{
    (void)state;
    enum { K = 1000 };
    static double w[K];
    static uint64_t mem[3 + 2 * K], v[200000];
    uint64_t splitmix = 12345;
    for (int i = 0; i < K; i++) { /* weights spread over 8 orders of magnitude, some 0 */
        splitmix = splitmix * 6364136223846793005u + 1442695040888963407u;
        w[i] = i % 10 == 3 ? 0.0 : pow(10.0, (double)(splitmix >> 11) * 0x1p-53 * 8 - 6);
    }
    CHECK_RC(repro_alias_init(mem, sizeof mem, w, K));
    repro_stream s = stream_for(71);
    size_t n = N < 200000 ? N : 200000;
    CHECK_RC(repro_fill_choice(&s, v, n, mem));
    static double obs[K];
    memset(obs, 0, sizeof obs);
    double total = 0;
    for (int i = 0; i < K; i++)
        total += w[i];
    for (size_t i = 0; i < n; i++) {
        assert_true(v[i] < K);
        assert_true(w[v[i]] > 0);
        obs[v[i]] += 1;
    }
    double z = choice_chi_z(obs, w, K, total, n);
    /* the same checker rejects weights with every even-numbered one 10% heavier */
    double total_wrong = 0;
    for (int i = 0; i < K; i++) {
        w[i] *= i % 2 ? 1.0 : 1.0 + 0.1 * wrong_scale();
        total_wrong += w[i];
    }
    double z_wrong = choice_chi_z(obs, w, K, total_wrong, n);
    printf("  choice over 1000 weights: chi z %.2f, against a wrong weight %.2f\n", z, z_wrong);
    assert_true(z < CHI_Z_MAX && z_wrong > CHI_Z_MAX);
    uint64_t one_table[3 + 2];
    CHECK_RC(repro_alias_init(one_table, sizeof one_table, (const double[1]){0.5}, 1));
    CHECK_RC(repro_fill_choice(&s, v, 1000, one_table));
    for (int i = 0; i < 1000; i++)
        assert_int_equal(v[i], 0);
    /* exact binary probabilities 1/8, 3/8, 1/2: counts within 5 sd */
    uint64_t t3[3 + 6];
    CHECK_RC(repro_alias_init(t3, sizeof t3, (const double[3]){1, 3, 4}, 3));
    CHECK_RC(repro_fill_choice(&s, v, n, t3));
    double c3[3] = {0, 0, 0};
    for (size_t i = 0; i < n; i++)
        c3[v[i]] += 1;
    const double p3[3] = {0.125, 0.375, 0.5};
    for (int j = 0; j < 3; j++)
        assert_true(fabs(c3[j] - (double)n * p3[j]) < 5 * sqrt((double)n * p3[j] * (1 - p3[j])));
    /* subnormal weights: T / sum overflowed, a zero weight got 0 * inf = NaN, and the
     * table's construction never ended */
    uint64_t t4[3 + 8];
    CHECK_RC(repro_alias_init(t4, sizeof t4, (const double[4]){0x1p-1074, 0.0, 0x1.8p-1073, 0},
                              4));
    CHECK_RC(repro_fill_choice(&s, v, n, t4));
    double c4[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        c4[v[i]] += 1;
    assert_true(c4[1] == 0 && c4[3] == 0);
    assert_true(fabs(c4[0] - (double)n / 4) < 5 * sqrt((double)n * 3 / 16));
}

/* k distinct values of [0, n), uniformly ordered: every value at every position about
 * equally often. */
static void test_choice_without_replacement(void **state)
{
    (void)state;
    repro_stream s = stream_for(81);
    uint64_t v[1000];
    double pos[10][10];
    memset(pos, 0, sizeof pos);
    for (int r = 0; r < 20000; r++) {
        CHECK_RC(repro_choice_without_replacement(&s, v, 3, 10));
        assert_true(v[0] != v[1] && v[0] != v[2] && v[1] != v[2]);
        for (int j = 0; j < 3; j++) {
            assert_true(v[j] < 10);
            pos[j][v[j]] += 1;
        }
    }
    double chi2 = 0;
    for (int j = 0; j < 3; j++)
        for (int x = 0; x < 10; x++)
            chi2 += (pos[j][x] - 2000) * (pos[j][x] - 2000) / 2000;
    assert_true(chi_square_z(chi2, 27) < CHI_Z_MAX);
    /* k = n: a permutation */
    CHECK_RC(repro_choice_without_replacement(&s, v, 1000, 1000));
    static unsigned char seen[1000];
    memset(seen, 0, sizeof seen);
    for (int i = 0; i < 1000; i++) {
        assert_true(v[i] < 1000 && !seen[v[i]]);
        seen[v[i]] = 1;
    }
    /* the largest population */
    CHECK_RC(repro_choice_without_replacement(&s, v, 1000, UINT64_MAX));
    int high = 0;
    for (int i = 0; i < 1000; i++) {
        assert_true(v[i] < UINT64_MAX);
        high += v[i] >= 0x8000000000000000u;
    }
    assert_true(high > 400 && high < 600);
    CHECK_RC(repro_choice_without_replacement(&s, NULL, 0, 5));
    /* k at or near n, where the late rounds add a value or two each: a sort of all k
     * per round made this O(n^2) (minutes at 2^17), now a search per draw, a merge
     * per round, and near k = n a bitmap.  Known answers: FNV-1a of the values and the end position, from the
     * library before either change (the same rounds, so the same words). */
    static const struct {
        size_t k;
        uint64_t n, fnv;
    } near[] = {{1u << 15, 1u << 15, 0x92253bfeb358bd95u},
                {(1u << 15) - 300, 1u << 15, 0x74aeef9c6de1f569u},
                {20000, 25000, 0xb551d1c1a8d5c99au},
                {100000, 170000, 0x824cf54062a4b5a5u}};
    for (size_t c = 0; c < sizeof near / sizeof near[0]; c++) {
        uint64_t *all = malloc(near[c].k * sizeof *all);
        unsigned char *hit = calloc((size_t)near[c].n, 1);
        assert_non_null(all);
        assert_non_null(hit);
        s = stream_for(82);
        CHECK_RC(repro_choice_without_replacement(&s, all, near[c].k, near[c].n));
        uint64_t h = 0xcbf29ce484222325u;
        for (size_t i = 0; i < near[c].k; i++) {
            assert_true(all[i] < near[c].n && !hit[all[i]]);
            hit[all[i]] = 1;
            h = (h ^ all[i]) * 0x100000001b3u;
        }
        h = (h ^ repro_stream_tell(&s)) * 0x100000001b3u;
        assert_int_equal(h, near[c].fnv);
        free(all);
        free(hit);
    }
}

/* Chi-square z of the counts of ordered triples (a, b, c) against successive draws
 * without replacement with weights w[6]: w_a/W · w_b/(W - w_a) · w_c/(W - w_a - w_b). */
static double triple_chi_z(double obs[6][6][6], const double *w, double reps)
{
    double total = 0, chi2 = 0, df = -1;
    for (int a = 0; a < 6; a++)
        total += w[a];
    for (int a = 0; a < 6; a++)
        for (int b = 0; b < 6; b++)
            for (int c = 0; c < 6; c++) {
                if (a == b || a == c || b == c || w[a] == 0 || w[b] == 0 || w[c] == 0)
                    continue;
                double e = reps * w[a] / total * w[b] / (total - w[a]) * w[c] /
                           (total - w[a] - w[b]);
                chi2 += (obs[a][b][c] - e) * (obs[a][b][c] - e) / e;
                df += 1;
            }
    return chi_square_z(chi2, df);
}

/* Weighted choice without replacement: the ordered triples of 5 positive weights (and
 * a zero one) against the exact probabilities of successive draws, a checker that
 * rejects one weight 10% off; words (2 per weight); a draw of every positive weight;
 * weights from the smallest subnormal to DBL_MAX; k = 0. */
static void test_choice_weighted_without_replacement(void **state)
{
    (void)state;
    const double w[6] = {1.0, 2.0, 0.0, 3.0, 4.0, 10.0};
    static double obs[6][6][6];
    memset(obs, 0, sizeof obs);
    uint64_t v[6], keys[6];
    repro_stream s = stream_for(151);
    size_t reps = N / 2;
    for (size_t r = 0; r < reps; r++) {
        CHECK_RC(repro_choice_weighted_without_replacement(&s, v, 3, w, 6, keys));
        assert_true(v[0] < 6 && v[1] < 6 && v[2] < 6 && w[v[0]] > 0 && w[v[1]] > 0 &&
                    w[v[2]] > 0 && v[0] != v[1] && v[0] != v[2] && v[1] != v[2]);
        obs[v[0]][v[1]][v[2]] += 1;
    }
    assert_true(repro_stream_tell(&s) == 12 * reps);
    double wrong[6];
    memcpy(wrong, w, sizeof wrong);
    wrong[3] *= 1.0 + 0.1 * wrong_scale();
    double z = triple_chi_z(obs, w, (double)reps), z_wrong = triple_chi_z(obs, wrong, (double)reps);
    printf("  weighted choice without replacement, ordered triples: chi z %.2f, against a "
           "wrong weight %.2f\n", z, z_wrong);
    assert_true(z < CHI_Z_MAX && z_wrong > CHI_Z_MAX);
    for (int r = 0; r < 1000; r++) { /* every positive weight: a permutation of them */
        CHECK_RC(repro_choice_weighted_without_replacement(&s, v, 5, w, 6, keys));
        unsigned seen = 0;
        for (int j = 0; j < 5; j++)
            seen |= 1u << v[j];
        assert_int_equal(seen, 0x3b);
    }
    const double extreme[4] = {0x1p-1074, DBL_MAX, 0.0, 1.0};
    for (int r = 0; r < 1000; r++) { /* the heaviest first, almost surely */
        CHECK_RC(repro_choice_weighted_without_replacement(&s, v, 3, extreme, 4, keys));
        assert_true(v[0] == 1 && v[1] == 3 && v[2] == 0);
    }
    uint64_t before = repro_stream_tell(&s);
    CHECK_RC(repro_choice_weighted_without_replacement(&s, NULL, 0, w, 6, NULL));
    assert_true(repro_stream_tell(&s) == before);
}

/* The factor of known matrices, a singular one, and the sample covariance of draws. */
static void test_multivariate_normal(void **state)
{
    (void)state;
    double L[9];
    CHECK_RC(repro_mvnormal_factor((const double[4]){4, 2, 2, 3}, 2, L));
    assert_true(L[0] == 2 && L[1] == 0 && L[2] == 1 && fabs(L[3] - sqrt(2.0)) < 1e-15);
    CHECK_RC(repro_mvnormal_factor((const double[9]){1, 1, 0, 1, 1, 0, 0, 0, 2}, 3, L));
    assert_true(L[0] == 1 && L[3] == 1 && L[4] == 0 && L[7] == 0 &&
                fabs(L[8] - sqrt(2.0)) < 1e-15);
    const double cov[9] = {2.0, -0.6, 0.3, -0.6, 1.0, 0.2, 0.3, 0.2, 0.5};
    const double mean[3] = {1.0, -2.0, 0.0};
    CHECK_RC(repro_mvnormal_factor(cov, 3, L));
    size_t n = N;
    double *x = malloc(3 * n * sizeof *x);
    assert_non_null(x);
    repro_stream s = stream_for(91);
    CHECK_RC(repro_fill_multivariate_normal(&s, x, n, mean, L, 3));
    assert_int_equal(repro_stream_tell(&s), 6 * n);
    for (int i = 0; i < 3; i++) {
        double m = 0;
        for (size_t r = 0; r < n; r++)
            m += x[3 * r + (size_t)i];
        m /= (double)n;
        assert_true(fabs(m - mean[i]) < 5 * sqrt(cov[4 * i] / (double)n));
        for (int j = 0; j <= i; j++) {
            /* sample covariance against cov, z with the variance of a product */
            double c = 0, c2 = 0;
            for (size_t r = 0; r < n; r++) {
                double p = (x[3 * r + (size_t)i] - mean[i]) * (x[3 * r + (size_t)j] - mean[j]);
                c += p;
                c2 += p * p;
            }
            c /= (double)n;
            double sd = sqrt((c2 / (double)n - c * c) / (double)n);
            if (fabs(c - cov[3 * i + j]) > 5 * sd)
                fail_msg("covariance (%d,%d): %g, expected %g", i, j, c, cov[3 * i + j]);
        }
    }
    free(x);
}

/* REPRO_OK never comes with a NaN: a covariance whose factorisation overflows (inf -
 * inf) is not positive semi-definite, and a factor entry above 2^1020 could make
 * L_im z_m infinite with opposite signs in one sum.  Both once returned REPRO_OK (the
 * first with inf and NaN in the factor, the second with NaN values). */
static void test_mvnormal_overflow(void **state)
{
    (void)state;
    static const double cov[16] = {
        0x1.c8492b0ea6fe3p-192,  -0x1.49fcbb2ff3536p-953, -0x1.3238b42cacee2p-764,
        0x1.6843d23204eebp+960,  -0x1.49fcbb2ff3536p-953, 0x1.e5f41c7898e0cp-186,
        0x1.0dbc9ad677d98p-741,  -0x1.1f5237f0086f3p-149, -0x1.3238b42cacee2p-764,
        0x1.0dbc9ad677d98p-741,  0x1.dbed573a4dfdep-217,  0x1.38d404ddffef7p-142,
        0x1.6843d23204eebp+960,  -0x1.1f5237f0086f3p-149, 0x1.38d404ddffef7p-142,
        0x1.08c2ed49d96b2p-187};
    double L[16], x[2 * 1000];
    assert_int_equal(repro_mvnormal_factor(cov, 4, L), REPRO_ERR_PARAM);
    const double mean[2] = {0.0, -DBL_MAX};
    repro_stream s = stream_for(141);
    const double big[4] = {DBL_MAX, 0.0, DBL_MAX, -DBL_MAX};
    assert_int_equal(repro_fill_multivariate_normal(&s, x, 1000, mean, big, 2), REPRO_ERR_PARAM);
    assert_int_equal(repro_fill_multivariate_normal_at(&s, 0, x, 1000, mean, big, 2),
                     REPRO_ERR_PARAM);
    const double above[4] = {1.0, 0.0, 0.0, -0x1.0000000000001p+1020};
    assert_int_equal(repro_fill_multivariate_normal(&s, x, 1000, mean, above, 2),
                     REPRO_ERR_PARAM);
    assert_int_equal(repro_stream_tell(&s), 0);
    /* at the bound: overflows to +-inf happen, NaN never */
    const double edge[4] = {0x1p1020, 0.0, 0x1p1020, -0x1p1020};
    CHECK_RC(repro_fill_multivariate_normal(&s, x, 1000, mean, edge, 2));
    int inf = 0;
    for (int i = 0; i < 2000; i++) {
        if (isnan(x[i]))
            fail_msg("multivariate_normal gave NaN at %d", i);
        inf += isinf(x[i]) != 0;
    }
    assert_true(inf > 0);
}

/* von Mises with any finite mu: the draws do not depend on mu but through mu reduced
 * modulo 2 pi, so a huge mu gives exactly the draws of its remainder (the double
 * nearest to mu - 2 pi round(mu / 2 pi), computed with mpmath at 3000 bits).  The
 * reduction once took k = mu / 2 pi in doubles: beyond |mu| = 2^52 pi every value was
 * clamped to +-pi. */
static void test_vonmises_huge_mu(void **state)
{
    (void)state;
    static const struct { double mu, rem; } huge[] = {
        {1e300, -0x1.1789223108b81p+1},
        {-1e300, 0x1.1789223108b81p+1},
        {DBL_MAX, 0x1.917d1d33c34e3p+1},
        {0x1p60, -0x1.14a6222f5ceffp+1},
        {1e7, 0x1.5a90ca353f9b2p+1},
        {-1e7, -0x1.5a90ca353f9b2p+1},
        {0x1.8p+1001, -0x1.eb285039796f6p-2},
        {1e22, -0x1.052a587928eacp+0},
        {4.5e15, 0x1.1a10aec0dd650p-4},
        {7.0, 0x1.6f0255dde973ep-1},
    };
    static const double kappas[] = {4.0, 1e-9, 1e7};
    for (size_t c = 0; c < sizeof huge / sizeof huge[0]; c++)
        for (size_t k = 0; k < 3; k++) {
            double got[64], want[64];
            repro_stream a = stream_for(131 + k), b = stream_for(131 + k);
            CHECK_RC(repro_fill_vonmises(&a, got, 64, huge[c].mu, kappas[k]));
            CHECK_RC(repro_fill_vonmises(&b, want, 64, huge[c].rem, kappas[k]));
            if (memcmp(got, want, sizeof got) != 0)
                fail_msg("vonmises(%a, %g) is not vonmises(%a, %g)", huge[c].mu, kappas[k],
                         huge[c].rem, kappas[k]);
        }
}

/* Tiny alphas take the log-space path: rows still sum to 1 and the component that
 * wins is each one equally often (alphas equal). */
static void test_dirichlet_tiny(void **state)
{
    (void)state;
    double x[3 * 3000];
    repro_stream s = stream_for(101);
    const double alpha[3] = {1e-3, 1e-3, 1e-3};
    CHECK_RC(repro_fill_dirichlet(&s, x, 3000, alpha, 3));
    int wins[3] = {0, 0, 0};
    for (int i = 0; i < 3000; i++) {
        double sum = x[3 * i] + x[3 * i + 1] + x[3 * i + 2];
        assert_true(fabs(sum - 1) < 1e-15);
        for (int j = 0; j < 3; j++)
            if (x[3 * i + j] > 0.5)
                wins[j]++;
    }
    for (int j = 0; j < 3; j++)
        assert_true(wins[j] > 850 && wins[j] < 1150);
    const double tiny[2] = {1e-310, 1e-310};
    CHECK_RC(repro_fill_dirichlet(&s, x, 1000, tiny, 2));
    for (int i = 0; i < 1000; i++)
        assert_true(x[2 * i] >= 0 && x[2 * i] <= 1 && x[2 * i] + x[2 * i + 1] == 1);
}

/* Multinomial: zero probabilities get nothing, the last category the rest. */
static void test_multinomial_edges(void **state)
{
    (void)state;
    uint64_t v[4 * 1000];
    repro_stream s = stream_for(111);
    CHECK_RC(repro_fill_multinomial(&s, v, 1000, 50, (const double[4]){0.3, 0.0, 0.7, 0.0}, 4));
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(v[4 * i + 1], 0);
        assert_int_equal(v[4 * i + 3], 0);
        assert_int_equal(v[4 * i] + v[4 * i + 2], 50);
    }
    /* pvals summing to 0.5: the last category gets about half */
    CHECK_RC(repro_fill_multinomial(&s, v, 1000, 1000, (const double[3]){0.25, 0.25, 0.0}, 3));
    double last = 0;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(v[3 * i] + v[3 * i + 1] + v[3 * i + 2], 1000);
        last += (double)v[3 * i + 2];
    }
    assert_true(fabs(last / 1000 - 500) < 5);
    uint64_t before = repro_stream_tell(&s);
    CHECK_RC(repro_fill_multinomial(&s, v, 10, 0, (const double[2]){0.5, 0.5}, 2));
    assert_int_equal(repro_stream_tell(&s), before); /* no trials: nothing drawn */
    for (int i = 0; i < 20; i++)
        assert_int_equal(v[i], 0);
}

/* Zipf with a huge a: every value 1 (2^(a - 1) overflows from a = 1025: this once
 * looped for ever, NaN failing every acceptance test), nothing drawn from 1025 on. */
static void test_zipf_large_a(void **state)
{
    (void)state;
    uint64_t k[100];
    repro_stream s = stream_for(121);
    CHECK_RC(repro_fill_zipf(&s, k, 100, 2000.0));
    CHECK_RC(repro_fill_zipf(&s, k, 100, DBL_MAX));
    assert_int_equal(repro_stream_tell(&s), 0);
    for (int i = 0; i < 100; i++)
        assert_int_equal(k[i], 1);
    CHECK_RC(repro_fill_zipf(&s, k, 100, 1024.0));
    for (int i = 0; i < 100; i++)
        assert_int_equal(k[i], 1);
    assert_true(repro_stream_tell(&s) >= 400);
}

/* The log-factorial table of src/math/special.c holds what its definition computes:
 * the sum of logs below 16, Stirling's series (to 1/1188 k^9) from 16 on; and that is
 * within 2e-15 relative of lgamma(k + 1). */
static void test_log_factorial_table(void **state)
{
    (void)state;
    const double ln_sqrt_2pi = 0.91893853320467274178;
    double sum = 0.0;
    for (uint64_t k = 0; k < 300; k++) {
        double x = (double)k, want;
        if (k >= 2)
            sum += repro_math_log(x);
        if (k < 16) {
            want = sum;
        } else {
            double nn = x * x;
            double se = (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - (1.0 / 1680.0 -
                                                                        (1.0 / 1188.0) / nn) /
                                                                           nn) /
                                                          nn) /
                                          nn) /
                        x;
            want = se + ((x + 0.5) * repro_math_log(x) - x + ln_sqrt_2pi);
        }
        double got = repro_dist_log_factorial(k);
        if (memcmp(&got, &want, sizeof got) != 0)
            fail_msg("log(%llu!) is %a, its definition gives %a", (unsigned long long)k, got, want);
        assert_true(fabs(got - lgamma(x + 1)) <= 2e-15 * fmax(1.0, fabs(got)));
    }
}

/* The vector transforms of the laws (src/kernels/laws_vec.h) against the documented
 * formulas evaluated with the public scalar math, value by value, at the active ISA:
 * Pareto (expm1 on every branch of its reduction: small shapes reach k >= 20 and the
 * scalar path past 56 ln2), Weibull (exp) and logistic (log1p's form). */
static double u52_of(uint64_t x)
{
    return ((double)(x >> 12) + 0.5) * 0x1p-52;
}

static void test_law_formulas(void **state)
{
    (void)state;
    enum { M = 3000 };
    static const double shapes[] = {0.3, 0.45, 1.0, 3.0, 50.0};
    double *out = malloc(M * sizeof *out);
    uint64_t *x = malloc(M * sizeof *x);
    assert_true(out && x);
    for (size_t c = 0; c < sizeof shapes / sizeof shapes[0]; c++) {
        double a = shapes[c];
        for (int law = 0; law < 3; law++) {
            repro_stream s, t;
            repro_stream_init(&s, REPRO_PHILOX4X32, repro_seed_from_u64(100 + c));
            t = s;
            int rc = law == 0   ? repro_fill_pareto(&s, out, M, a)
                     : law == 1 ? repro_fill_weibull(&s, out, M, a)
                                : repro_fill_logistic(&s, out, M, a, 1.0 / a);
            assert_int_equal(rc, REPRO_OK);
            repro_fill_u64(&t, x, M);
            for (size_t i = 0; i < M; i++) {
                double u = u52_of(x[i]), want;
                if (law == 0) {
                    want = repro_math_expm1(-repro_math_log(u) / a);
                } else if (law == 1) {
                    want = repro_math_exp(repro_math_log(-repro_math_log(u)) / a);
                } else {
                    double h = x[i] >> 63 ? 1.0 - u : u, d = (2.0 * h - 1.0) / (1.0 - h);
                    double u1 = 1.0 + d, l = u1 == 1.0 ? d : repro_math_log(u1) * d / (u1 - 1.0);
                    want = x[i] >> 63 ? a - 1.0 / a * l : a + 1.0 / a * l;
                }
                if (memcmp(&out[i], &want, sizeof want) != 0)
                    fail_msg("law %d shape %g at %zu: %a, the formula %a", law, a, i, out[i], want);
            }
        }
    }
    free(out);
    free(x);
}

/* The array exp of the laws (src/math/math_array.c) and the exp of every ISA table
 * this CPU runs are repro_math_exp bit for bit: special values, both thresholds, the
 * tiny-argument path, subnormal results, the branch points of the reduction, and
 * every length's remainder. */
static void test_exp_array(void **state)
{
    (void)state;
    static const double special[] = {0.0, -0.0, NAN, INFINITY, -INFINITY, 1e-300, -1e-300,
                                     0x1p-28, -0x1p-28, 0x1.fffffffffffffp-29, 709.782712893384,
                                     709.7827128933841, -745.1332191019411, -745.1332191019412,
                                     -708.3964185322641, -708.4, -744.44, 0.34657359027997264,
                                     1.0397207708399179, -1.0397207708399179, 1e300, -1e300};
    double x[1000], y[1000];
    uint64_t st = 7;
    for (int i = 0; i < 1000; i++) {
        st = st * 6364136223846793005u + 1442695040888963407u;
        double u = (double)(st >> 11) * 0x1p-53;
        x[i] = i < 22 ? special[i] : i % 3 ? (u - 0.5) * 1500.0 : (u - 0.5) * 4.0;
    }
    for (size_t t = 0; repro_isa_name_at(t); t++) {
        const repro_isa_table *isa = repro_isa_lookup(repro_isa_name_at(t));
        for (size_t n = 0; isa && n <= 1000; n += n < 40 ? 1 : 480) {
            memcpy(y, x, sizeof y);
            isa->exp(y, n); /* the scalar table's is the array exp */
            for (size_t i = 0; i < 1000; i++) {
                double want = i < n ? repro_math_exp(x[i]) : x[i];
                if (memcmp(&y[i], &want, sizeof want) != 0)
                    fail_msg("exp of %s (n %zu) at %zu: exp(%a) = %a, the scalar %a",
                             isa->name, n, i, x[i], y[i], want);
            }
        }
    }
}

/* The mixtures' Poisson draw (src/dist/distributions.c: below mean 10 its search starts
 * from an estimate of e^-lambda, settled by the exact one near a boundary) is
 * repro_fill_poisson's value and end position, from single draws and from a chunked
 * run of units: random means on both sides of 10, and means -log(u) of the u the
 * search will meet (and their neighbours), where u lies at a boundary F(0) and the
 * exact search must decide. */
static void test_poisson_draw(void **state)
{
    (void)state;
    uint64_t st = 5;
    for (int c = 0; c < 4000; c++) {
        repro_stream s, t;
        CHECK_RC(repro_stream_init(&s, REPRO_PHILOX4X32, repro_seed_from_u64(7000 + (uint64_t)c)));
        st = st * 6364136223846793005u + 1442695040888963407u;
        double r = (double)(st >> 11) * 0x1p-53, lambda;
        if (c % 4 == 3) {
            t = s;
            double u = repro_next_double(&t);
            lambda = -repro_math_log(u);
            lambda = c % 8 == 3 ? nextafter(lambda, 0.0) : c % 16 == 7 ? nextafter(lambda, 20.0)
                                                                         : lambda;
            if (!(lambda > 0.0 && lambda < 10.0))
                continue;
        } else {
            lambda = c % 4 == 0 ? 10.0 * r : c % 4 == 1 ? 1e-300 + r * 1e-3 : 10.0 + 90.0 * r;
        }
        uint64_t want, got[2];
        t = s;
        CHECK_RC(repro_fill_poisson(&t, &want, 1, lambda));
        for (int chunked = 0; chunked < 2; chunked++) {
            repro_stream v = s;
            repro_units u;
            repro_units_begin(&u, &v, chunked ? 1000 : 1, 1);
            got[chunked] = repro_poisson_draw(&u, lambda);
            repro_units_end(&u);
            if (got[chunked] != want || repro_stream_tell(&v) != repro_stream_tell(&t))
                fail_msg("poisson draw (%s) of mean %a: %llu at %llu, the fill %llu at %llu",
                         chunked ? "run" : "single", lambda, (unsigned long long)got[chunked],
                         (unsigned long long)repro_stream_tell(&v), (unsigned long long)want,
                         (unsigned long long)repro_stream_tell(&t));
        }
    }
}

/* Known values and special cases of the new math functions. */
static void test_math_ext(void **state)
{
    (void)state;
    uint64_t b;
    double x = repro_math_log1p(-2.0);
    memcpy(&b, &x, sizeof b);
    assert_int_equal(b, 0x7ff8000000000000u);
    assert_true(repro_math_log1p(-1.0) == -INFINITY);
    assert_true(repro_math_log1p(INFINITY) == INFINITY);
    assert_true(repro_math_log1p(0x1p-60) == 0x1p-60);
    assert_true(fabs(repro_math_log1p(1.0) - 0.69314718055994531) < 2e-16);
    assert_true(repro_math_expm1(-INFINITY) == -1.0);
    assert_true(repro_math_expm1(1000.0) == INFINITY);
    assert_true(repro_math_expm1(0x1p-60) == 0x1p-60);
    assert_true(fabs(repro_math_expm1(1.0) - 1.7182818284590452) < 5e-16);
    assert_true(repro_math_atan(INFINITY) == 0x1.921fb54442d18p+0);
    assert_true(repro_math_atan(-INFINITY) == -0x1.921fb54442d18p+0);
    assert_true(repro_math_atan(1.0) == 0x1.921fb54442d18p-1);
    assert_true(repro_math_atan(1e-300) == 1e-300);
    x = repro_math_atan(NAN);
    memcpy(&b, &x, sizeof b);
    assert_int_equal(b, 0x7ff8000000000000u);
    assert_true(repro_math_sinpi(0.5) == 1.0 && repro_math_sinpi(-0.5) == -1.0);
    assert_true(repro_math_sinpi(1.0) == 0.0 && repro_math_sinpi(3.0) == 0.0);
    assert_true(signbit(repro_math_sinpi(-0.0)) && signbit(repro_math_sinpi(-2.0)));
    assert_true(repro_math_sinpi(0x1p60) == 0.0);
    assert_true(repro_math_cospi(1.0) == -1.0 && repro_math_cospi(0x1p52 + 1) == -1.0);
    assert_true(repro_math_cospi(0.5) == 0.0 && repro_math_cospi(1e300) == 1.0);
    assert_true(fabs(repro_math_sinpi(1.0 / 6) - 0.5) < 1.2e-16);
    assert_true(fabs(repro_math_cospi(1.0 / 3) - 0.5) < 1.2e-16);
    assert_true(repro_math_sinpi(0x1p-1074) == 0x1.8p-1073); /* pi 2^-1074 rounds to 3 2^-1074 */
    x = repro_math_cospi(INFINITY);
    memcpy(&b, &x, sizeof b);
    assert_int_equal(b, 0x7ff8000000000000u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_math_ext),
        cmocka_unit_test(test_fixed_consumption),
        cmocka_unit_test(test_integers_ranges),
        cmocka_unit_test(test_parameter_errors),
        cmocka_unit_test(test_float_variants),
        cmocka_unit_test(test_choice),
        cmocka_unit_test(test_choice_without_replacement),
        cmocka_unit_test(test_choice_weighted_without_replacement),
        cmocka_unit_test(test_multivariate_normal),
        cmocka_unit_test(test_dirichlet_tiny),
        cmocka_unit_test(test_multinomial_edges),
        cmocka_unit_test(test_vonmises_huge_mu),
        cmocka_unit_test(test_mvnormal_overflow),
        cmocka_unit_test(test_zipf_large_a),
        cmocka_unit_test(test_log_factorial_table),
        cmocka_unit_test(test_law_formulas),
        cmocka_unit_test(test_exp_array),
        cmocka_unit_test(test_poisson_draw),
        cmocka_unit_test(test_laws),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
