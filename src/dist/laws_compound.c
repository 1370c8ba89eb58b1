/* Laws of numpy's Generator built from the library's gamma, Poisson, binomial and
 * normal draws: chisquare, standard_t, f, noncentral_chisquare, noncentral_f,
 * negative_binomial, dirichlet, multinomial and multivariate_normal (with its
 * covariance factor).  Gammas and the normals beside them come from a run of units
 * (src/dist/gamma.h, the algorithm of repro_fill_gamma), Poisson draws from the same
 * run by repro_fill_poisson's sampler, binomial draws by repro_fill_binomial's, so each
 * sub-draw is exactly the published one.
 * docs/DISTRIBUTIONS.md gives each algorithm and its words. */
#include "dist/gamma.h"
#include "dist/laws.h"
#include "dist/binomial.h"

/* Degrees of freedom: finite, > 0, with df / 2 > 0 (the gamma shape). */
static int df_ok(double df)
{
    return repro_law_finite(df) && 0.5 * df > 0.0;
}

/* ---- chi-square, Student's t, F ------------------------------------------------------ */

/* Gamma(df / 2, 2). */
static REPRO_NOINLINE int law_chisquare(repro_stream *s, double *out, size_t n, double df)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!df_ok(df))
        return REPRO_ERR_PARAM;
    return repro_fill_gamma(s, out, n, 0.5 * df, 2.0);
}

/* Per value a normal z then g ~ Gamma(df / 2, 1): z sqrt((df / 2) / g) (0 when z = 0,
 * so that an underflowed g gives +-inf, never NaN). */
static REPRO_NOINLINE int law_standard_t(repro_stream *s, double *out, size_t n, double df)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!df_ok(df))
        return REPRO_ERR_PARAM;
    double h = 0.5 * df;
    const repro_gamma_law g = repro_gamma_law_of(h);
    repro_units u;
    repro_units_begin(&u, s, n, 1 + repro_gamma_units(&g));
    for (size_t i = 0; i < n; i++) {
        double z = repro_units_normal(&u);
        double x = repro_gamma_draw(&u, &g);
        out[i] = z == 0.0 ? 0.0 : z * repro_dist_sqrt(h / x);
    }
    repro_units_end(&u);
    return REPRO_OK;
}

/* x1 / x2 of two positive draws, +inf when x2 underflowed to 0. */
static double ratio(double x1, double x2)
{
    return x2 > 0.0 ? x1 / x2 : 1.0 / 0.0;
}

/* Per value g1 ~ Gamma(dfnum / 2, 1) then g2 ~ Gamma(dfden / 2, 1):
 * (g1 / dfnum) / (g2 / dfden). */
static REPRO_NOINLINE int law_f(repro_stream *s, double *out, size_t n, double dfnum,
                                double dfden)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!df_ok(dfnum) || !df_ok(dfden))
        return REPRO_ERR_PARAM;
    const repro_gamma_law g1 = repro_gamma_law_of(0.5 * dfnum),
                          g2 = repro_gamma_law_of(0.5 * dfden);
    repro_units u;
    repro_units_begin(&u, s, n, repro_gamma_units(&g1) + repro_gamma_units(&g2));
    for (size_t i = 0; i < n; i++) {
        double x1 = repro_gamma_draw(&u, &g1);
        double x2 = repro_gamma_draw(&u, &g2);
        out[i] = ratio(x1 / dfnum, x2 / dfden);
    }
    repro_units_end(&u);
    return REPRO_OK;
}

/* ---- noncentral chi-square and F ------------------------------------------------------- */

/* Largest noncentrality: the df <= 1 branch draws Poisson(nonc / 2). */
#define NONC_MAX 2e15

/* numpy's algorithm: nonc = 0: Gamma(df / 2, 2).  df > 1: c ~ Gamma((df - 1) / 2, 2)
 * then a normal z: c + (z + sqrt(nonc))^2.  df <= 1: i ~ Poisson(nonc / 2) then
 * Gamma(df / 2 + i, 2).  The constants of the first two, computed once per call. */
typedef struct {
    double df, nonc, root; /* root = sqrt(nonc) */
    repro_gamma_law g;     /* of the first two cases */
} noncentral;

static noncentral noncentral_of(double df, double nonc)
{
    noncentral c;
    c.df = df;
    c.nonc = nonc;
    c.root = repro_dist_sqrt(nonc);
    c.g = repro_gamma_law_of(nonc == 0.0 || df <= 1.0 ? 0.5 * df : 0.5 * (df - 1.0));
    return c;
}

/* Units per value on the usual path. */
static size_t noncentral_units(const noncentral *c)
{
    return repro_gamma_units(&c->g) + (c->nonc != 0.0 && c->df > 1.0);
}

REPRO_GAMMA_INLINE double noncentral_chisquare1(repro_units *u, const noncentral *c)
{
    if (c->nonc == 0.0)
        return repro_gamma_draw(u, &c->g) * 2.0;
    if (c->df > 1.0) {
        double x = repro_gamma_draw(u, &c->g) * 2.0;
        double z = repro_units_normal(u) + c->root;
        return x + z * z;
    }
    double i = (double)repro_poisson_draw(u, 0.5 * c->nonc);
    const repro_gamma_law g = repro_gamma_law_of(0.5 * c->df + i);
    return repro_gamma_draw(u, &g) * 2.0;
}

static int nonc_ok(double df, double nonc)
{
    return df_ok(df) && repro_law_finite(nonc) && nonc >= 0.0 && nonc <= NONC_MAX;
}

static REPRO_NOINLINE int law_noncentral_chisquare(repro_stream *s, double *out, size_t n,
                                                   double df, double nonc)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!nonc_ok(df, nonc))
        return REPRO_ERR_PARAM;
    const noncentral c = noncentral_of(df, nonc);
    repro_units u;
    repro_units_begin(&u, s, n, noncentral_units(&c));
    for (size_t i = 0; i < n; i++)
        out[i] = noncentral_chisquare1(&u, &c);
    repro_units_end(&u);
    return REPRO_OK;
}

/* Per value x1 ~ noncentral_chisquare(dfnum, nonc) then x2 ~ Gamma(dfden / 2, 2):
 * (x1 / dfnum) / (x2 / dfden). */
static REPRO_NOINLINE int law_noncentral_f(repro_stream *s, double *out, size_t n,
                                           double dfnum, double dfden, double nonc)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!nonc_ok(dfnum, nonc) || !df_ok(dfden))
        return REPRO_ERR_PARAM;
    const noncentral c = noncentral_of(dfnum, nonc);
    const repro_gamma_law g = repro_gamma_law_of(0.5 * dfden);
    repro_units u;
    repro_units_begin(&u, s, n, noncentral_units(&c) + repro_gamma_units(&g));
    for (size_t i = 0; i < n; i++) {
        double x1 = noncentral_chisquare1(&u, &c);
        double x2 = repro_gamma_draw(&u, &g) * 2.0;
        out[i] = ratio(x1 / dfnum, x2 / dfden);
    }
    repro_units_end(&u);
    return REPRO_OK;
}

/* ---- negative binomial ------------------------------------------------------------------ */

/* Gamma's scale (1 - p) / p and the mean n (1 - p) / p are at most this, so that the
 * Poisson mean stays below its limit 1e15 but with probability below 1e-300. */
#define NEGBIN_MAX 1e12

/* numpy's Poisson-gamma mixture: y ~ Gamma(n, (1 - p) / p), then Poisson(min(y, 1e15)).
 * p = 1: 0, nothing drawn. */
static REPRO_NOINLINE int law_negative_binomial(repro_stream *s, uint64_t *out, size_t n,
                                                double r, double p)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!repro_law_finite(r) || !(r > 0.0) || !(p > 0.0 && p <= 1.0))
        return REPRO_ERR_PARAM;
    double theta = (1.0 - p) / p;
    if (!(theta <= NEGBIN_MAX && r * theta <= NEGBIN_MAX))
        return REPRO_ERR_PARAM;
    if (p == 1.0) {
        for (size_t i = 0; i < n; i++) /* not memset: out may be NULL (n == 0) */
            out[i] = 0;
        return REPRO_OK;
    }
    const repro_gamma_law g = repro_gamma_law_of(r);
    repro_units u;
    /* A Poisson draw takes 1 unit per attempt below mean 10, else 2: the normals'
     * places mod any stride soon cover all, which one run per chunk converts cheapest. */
    repro_units_begin(&u, s, (uint64_t)n * (repro_gamma_units(&g) + 2), 1);
    for (size_t i = 0; i < n; i++) {
        double y = repro_gamma_draw(&u, &g) * theta;
        out[i] = repro_poisson_draw(&u, y < 1e15 ? y : 1e15);
    }
    repro_units_end(&u);
    return REPRO_OK;
}

/* ---- Dirichlet ------------------------------------------------------------------------- */

/* Components whose gamma constants are computed once per call; later ones compute
 * theirs per draw. */
#define DIRICHLET_LAWS 32

/* Normalised gammas, in logs so that tiny alphas neither underflow to 0 / 0 nor lose
 * the ratio between components: per component in order, alpha >= 1: l = log(g),
 * g ~ Gamma(alpha, 1); alpha < 1: g ~ Gamma(alpha + 1, 1) then u = U(0,1] (contract
 * section 3), l = log(g) + log(u) / alpha (Marsaglia & Tsang's boost, in logs), raised
 * to -DBL_MAX when it overflows.  Then x_j = exp(l_j - max l) / (sum of those, in
 * index order).  Done a run of vectors at a time, each step over the whole run: the
 * draws (g in place, u aside), the logs and exps by the ISA's vector log and exp;
 * the same operations on the same values as one component at a time. */
static REPRO_NOINLINE int law_dirichlet(repro_stream *s, double *out, size_t n,
                                        const double *alpha, size_t k)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!alpha)
        return REPRO_ERR_NULL;
    if (k == 0 || n > (size_t)-1 / sizeof(double) / k)
        return REPRO_ERR_PARAM;
    for (size_t j = 0; j < k; j++)
        if (!repro_law_finite(alpha[j]) || !(alpha[j] > 0.0))
            return REPRO_ERR_PARAM;
    repro_gamma_law laws[DIRICHLET_LAWS];
    size_t per_vector = 0;
    for (size_t j = 0; j < k; j++) {
        /* alpha < 1: Gamma(alpha + 1) boosted in logs here, so not by the law */
        repro_gamma_law g = repro_gamma_law_of(alpha[j] < 1.0 ? alpha[j] + 1.0 : alpha[j]);
        if (j < DIRICHLET_LAWS)
            laws[j] = g;
        per_vector += alpha[j] < 1.0 ? 3 : 2;
    }
    const repro_isa_table *isa = repro_isa_active();
    repro_units u;
    /* Without a boost every component is a normal then a double (2 units): normals
     * fall on even units, which one run per chunk converts (rather than one per
     * component). */
    if (per_vector == 2 * k)
        repro_units_begin(&u, s, (uint64_t)n * k, 2);
    else
        repro_units_begin(&u, s, n, per_vector);
    size_t run = REPRO_LAW_CHUNK / k ? REPRO_LAW_CHUNK / k : 1;
    double w[REPRO_LAW_CHUNK];
    for (size_t v0 = 0; v0 < n; v0 += run) {
        size_t nv = n - v0 < run ? n - v0 : run;
        double *x = out + v0 * k;
        /* the draws and logs, a chunk of components at a time */
        for (size_t c0 = 0; c0 < nv * k; c0 += REPRO_LAW_CHUNK) {
            size_t m = nv * k - c0 < REPRO_LAW_CHUNK ? nv * k - c0 : REPRO_LAW_CHUNK;
            size_t j = c0 % k;
            for (size_t c = c0; c < c0 + m; c++) {
                repro_gamma_law g;
                if (j >= DIRICHLET_LAWS)
                    g = repro_gamma_law_of(alpha[j] < 1.0 ? alpha[j] + 1.0 : alpha[j]);
                x[c] = repro_gamma_mt(&u, j < DIRICHLET_LAWS ? &laws[j] : &g);
                w[c - c0] = alpha[j] < 1.0 ? repro_units_double_oc(&u) : 1.0;
                j = j + 1 == k ? 0 : j + 1;
            }
            isa->neg_log(x + c0, m);
            if (per_vector > 2 * k) /* some alpha < 1 */
                isa->neg_log(w, m);
            j = c0 % k;
            for (size_t c = c0; c < c0 + m; c++) {
                double l = -x[c];
                if (alpha[j] < 1.0) {
                    l = l + -w[c - c0] / alpha[j];
                    if (!(l >= -0x1.fffffffffffffp+1023))
                        l = -0x1.fffffffffffffp+1023;
                }
                x[c] = l;
                j = j + 1 == k ? 0 : j + 1;
            }
        }
        for (size_t v = 0; v < nv; v++) {
            double *xv = x + v * k, top = -0x1.fffffffffffffp+1023;
            for (size_t j = 0; j < k; j++)
                top = xv[j] > top ? xv[j] : top;
            for (size_t j = 0; j < k; j++)
                xv[j] = xv[j] - top;
        }
        isa->exp(x, nv * k);
        for (size_t v = 0; v < nv; v++) {
            double *xv = x + v * k, sum = 0.0;
            for (size_t j = 0; j < k; j++)
                sum += xv[j];
            for (size_t j = 0; j < k; j++)
                xv[j] = xv[j] / sum;
        }
    }
    repro_units_end(&u);
    return REPRO_OK;
}

/* ---- multinomial ------------------------------------------------------------------------ */

#define MULTINOMIAL_CACHE 32 /* entries: the hash below takes 5 bits */

/* numpy's conditional binomials: left = trials, rest = 1; for j < k - 1 in order:
 * x_j ~ Binomial(left, p_j / rest) (0 when p_j = 0, 1 when rest <= p_j), left -= x_j, stop
 * when left = 0, rest -= p_j; the last component gets what is left.  Binomials with
 * p 0 or 1 (or left 0) draw nothing.  pvals: finite, >= 0, the first k - 1 summing to
 * at most 1 + 1e-12 (numpy's tolerance). */
static REPRO_NOINLINE int law_multinomial(repro_stream *s, uint64_t *out, size_t n,
                                          uint64_t trials, const double *pvals, size_t k)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!pvals)
        return REPRO_ERR_NULL;
    if (k == 0 || n > (size_t)-1 / sizeof(uint64_t) / k)
        return REPRO_ERR_PARAM;
    double sum = 0.0;
    for (size_t j = 0; j < k; j++) {
        if (!repro_law_finite(pvals[j]) || !(pvals[j] >= 0.0))
            return REPRO_ERR_PARAM;
        if (j + 1 < k)
            sum += pvals[j];
    }
    if (!(sum <= 1.0 + 1e-12))
        return REPRO_ERR_PARAM;
    /* The binomial constants by (j, left), direct-mapped: p_j depends on j alone, so
     * with few trials the vectors' binomials repeat, and a hit saves their setup (a
     * log and an exp, or BTRS's). */
    struct {
        size_t j;
        uint64_t left;
        repro_binomial z;
    } seen[MULTINOMIAL_CACHE];
    for (size_t c = 0; c < MULTINOMIAL_CACHE; c++)
        seen[c].j = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        uint64_t *x = out + i * k, left = trials;
        double rest = 1.0;
        memset(x, 0, k * sizeof *x);
        for (size_t j = 0; j + 1 < k && left > 0; j++) {
            double p = pvals[j] == 0.0 ? 0.0 : rest > pvals[j] ? pvals[j] / rest : 1.0;
            size_t c = (size_t)(((uint64_t)j * 0x9e3779b97f4a7c15u ^
                                 left * 0xc2b2ae3d27d4eb4fu) >> 59);
            if (seen[c].j != j || seen[c].left != left) {
                seen[c].j = j, seen[c].left = left;
                repro_binomial_init(&seen[c].z, left, p);
            }
            x[j] = repro_binomial_draw(s, &seen[c].z);
            left -= x[j];
            rest -= pvals[j];
        }
        x[k - 1] += left;
    }
    return REPRO_OK;
}

/* ---- multivariate normal ---------------------------------------------------------------- */

/* Relative size, against the largest variance, below which a pivot of the factorisation
 * is taken as 0 (a singular covariance), and above which a negative one, or an
 * asymmetry, is an error. */
#define MVN_TOL 0x1p-40
/* d * d elements fit a 32-bit size_t. */
#define MVN_MAX_DIM 65535u
/* Largest factor entry: |L z| < 2^1020 * 8.3 stays finite (|z| < 8.3 for the contract's
 * normal), so a sum may overflow to +-inf but never meets both: no NaN. */
#define MVN_MAX_FACTOR 0x1p1020

static int factor_ok(double x)
{
    return x <= MVN_MAX_FACTOR && x >= -MVN_MAX_FACTOR;
}

int repro_mvnormal_factor(const double *cov, size_t d, double *factor)
{
    if ((!cov || !factor) && d > 0)
        return REPRO_ERR_NULL;
    if (d > MVN_MAX_DIM)
        return REPRO_ERR_PARAM;
    double big = 0.0;
    for (size_t i = 0; i < d * d; i++)
        if (!repro_law_finite(cov[i]))
            return REPRO_ERR_PARAM;
    for (size_t i = 0; i < d; i++)
        big = cov[i * d + i] > big ? cov[i * d + i] : big;
    repro_fpenv env = repro_fpenv_enter();
    double tol = MVN_TOL * big * (double)d;
    int rc = REPRO_OK;
    for (size_t i = 0; rc == REPRO_OK && i < d; i++)
        for (size_t j = 0; j < i; j++) {
            double a = cov[i * d + j], b = cov[j * d + i], diff = a - b;
            if ((diff < 0.0 ? -diff : diff) > tol)
                rc = REPRO_ERR_PARAM;
        }
    /* Cholesky, column by column, from the lower triangle: pivot
     * s = c_jj - sum_{m<j} L_jm^2 (m ascending); s <= tol: L_jj = 0 and the column below
     * it 0 (then s >= -tol, and each c_ij - sum L_im L_jm within sqrt(tol c_ii), else not
     * positive semi-definite); else L_jj = sqrt(s), L_ij = (c_ij - sum L_im L_jm) / L_jj.
     * A sum or an L_ij that is not finite (or above MVN_MAX_FACTOR) comes only from a
     * matrix far from positive semi-definite (there |L_ij| <= sqrt(c_ii)): an error. */
    for (size_t j = 0; rc == REPRO_OK && j < d; j++) {
        double piv = cov[j * d + j];
        for (size_t m = 0; m < j; m++)
            piv -= factor[j * d + m] * factor[j * d + m];
        double ljj = piv > tol ? repro_dist_sqrt(piv) : 0.0;
        if (piv < -tol || !repro_law_finite(piv))
            rc = REPRO_ERR_PARAM;
        factor[j * d + j] = ljj;
        for (size_t i = j + 1; rc == REPRO_OK && i < d; i++) {
            double t = cov[i * d + j];
            for (size_t m = 0; m < j; m++)
                t -= factor[i * d + m] * factor[j * d + m];
            if (!repro_law_finite(t)) {
                rc = REPRO_ERR_PARAM;
            } else if (ljj > 0.0) {
                factor[i * d + j] = t / ljj;
                if (!factor_ok(factor[i * d + j]))
                    rc = REPRO_ERR_PARAM;
            } else {
                factor[i * d + j] = 0.0;
                if (t * t > tol * (cov[i * d + i] > 0.0 ? cov[i * d + i] : 0.0) + tol * tol)
                    rc = REPRO_ERR_PARAM;
            }
        }
        for (size_t i = 0; i < j; i++)
            factor[i * d + j] = 0.0;
    }
    repro_fpenv_leave(env);
    return rc;
}

/* Per vector d normals z (2d words): x_i = mean_i + sum_{m<=i} L_im z_m (m ascending). */
static REPRO_NOINLINE int law_multivariate_normal(repro_stream *s, double *out, size_t n,
                                                  const double *mean, const double *factor,
                                                  size_t d)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if ((!mean || !factor) && d > 0)
        return REPRO_ERR_NULL;
    if (d == 0 || d > MVN_MAX_DIM || n > (size_t)-1 / sizeof(double) / d)
        return REPRO_ERR_PARAM;
    for (size_t i = 0; i < d; i++)
        if (!repro_law_finite(mean[i]))
            return REPRO_ERR_PARAM;
    for (size_t i = 0; i < d * d; i++)
        if (!factor_ok(factor[i]))
            return REPRO_ERR_PARAM;
    /* The normals of a run of vectors go to out itself first, in one fill (x_i needs
     * z_0 .. z_i of its own vector only). */
    size_t run = REPRO_LAW_CHUNK / d ? REPRO_LAW_CHUNK / d : 1;
    for (size_t v0 = 0; v0 < n; v0 += run) {
        size_t nv = n - v0 < run ? n - v0 : run;
        repro_fill_normal(s, out + v0 * d, nv * d);
        for (size_t v = v0; v < v0 + nv; v++) {
            double *x = out + v * d;
            for (size_t i = d; i-- > 0;) { /* from the last: z_i read before x_i is set */
                double acc = 0.0;
                for (size_t m = 0; m <= i; m++)
                    acc += factor[i * d + m] * x[m];
                x[i] = mean[i] + acc;
            }
        }
    }
    return REPRO_OK;
}

/* ---- public entry points ----------------------------------------------------------------- */

REPRO_LAW_PUBLIC(chisquare, double, (, double df), (, df))
REPRO_LAW_PUBLIC(standard_t, double, (, double df), (, df))
REPRO_LAW_PUBLIC(f, double, (, double dfnum, double dfden), (, dfnum, dfden))
REPRO_LAW_PUBLIC(noncentral_chisquare, double, (, double df, double nonc), (, df, nonc))
REPRO_LAW_PUBLIC(noncentral_f, double, (, double dfnum, double dfden, double nonc),
                 (, dfnum, dfden, nonc))
REPRO_LAW_PUBLIC(negative_binomial, uint64_t, (, double n_successes, double p),
                 (, n_successes, p))
REPRO_LAW_PUBLIC(dirichlet, double, (, const double *alpha, size_t k), (, alpha, k))
REPRO_LAW_PUBLIC(multinomial, uint64_t, (, uint64_t trials, const double *pvals, size_t k),
                 (, trials, pvals, k))
REPRO_LAW_PUBLIC_AT(multivariate_normal, double,
                    (, const double *mean, const double *factor, size_t d),
                    (, mean, factor, d))
