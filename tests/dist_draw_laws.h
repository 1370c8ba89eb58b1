/* The draws of numpy's other laws in the golden files tests/vectors/dist_<law>.txt,
 * shared by their writer (tools/gen_dist_vectors.c) and every reader (through
 * tests/dist_draw.h: tests/test_dist_vectors.c, tests/cross/check_vectors.c; and the
 * CLI's selftest).  A draw is the law's name, then its parameters, each after a ':':
 * doubles (and floats) as C99 hex floats, integers in decimal:
 *   integers:LOW:HIGH  normal_float  exponential_float  uniform_float:A:B
 *   lognormal:MEAN:SIGMA  standard_cauchy  laplace:LOC:SCALE  logistic:LOC:SCALE
 *   gumbel:LOC:SCALE  rayleigh:SCALE  weibull:A  pareto:A  power:A
 *   triangular:LEFT:MODE:RIGHT  wald:MEAN:SCALE  vonmises:MU:KAPPA  chisquare:DF
 *   standard_t:DF  f:DFNUM:DFDEN  noncentral_chisquare:DF:NONC
 *   noncentral_f:DFNUM:DFDEN:NONC  negative_binomial:N:P  geometric:P  logseries:P
 *   zipf:A  hypergeometric:NGOOD:NBAD:NSAMPLE  dirichlet:ALPHA...  multinomial:N:P...
 *   multivariate_normal:MEAN...:COV... (d means, then the d x d covariance row by row,
 *     through repro_mvnormal_factor)  choice:WEIGHT... (through repro_alias_init)
 *   choice_without_replacement:N (the record's values are one call's k values)
 * A draw of a vector law gives `width` values (its components); n values are n / width
 * draws. */
#ifndef REPRO_DIST_DRAW_LAWS_H
#define REPRO_DIST_DRAW_LAWS_H

#include "repro_rng.h"

#include <stdlib.h>
#include <string.h>

#define DIST_LAW_PARAMS 12

typedef struct {
    double d[DIST_LAW_PARAMS];
    long long i[DIST_LAW_PARAMS];
    unsigned long long u[DIST_LAW_PARAMS];
    size_t n;
} dist_law_params;

/* Parses ":p1:p2..." (p at the first ':' or at the end) as doubles, and as integers
 * where they are whole decimal numbers.  Returns 0 on a malformed list. */
static int dist_law_parse(const char *p, dist_law_params *par)
{
    par->n = 0;
    while (*p == ':') {
        char *end;
        if (par->n == DIST_LAW_PARAMS)
            return 0;
        par->d[par->n] = strtod(p + 1, &end);
        if (end == p + 1)
            return 0;
        par->i[par->n] = strtoll(p + 1, NULL, 10);
        par->u[par->n] = strtoull(p + 1, NULL, 10);
        par->n++;
        p = end;
    }
    return *p == '\0';
}

/* Values per draw of `name` with these parameters (0: not one of these laws). */
static size_t dist_law_width(const char *name, const dist_law_params *par, size_t n)
{
    if (!strcmp(name, "dirichlet"))
        return par->n;
    if (!strcmp(name, "multinomial"))
        return par->n - 1;
    if (!strcmp(name, "multivariate_normal")) {
        size_t d = 1;
        while (d * d + d < par->n)
            d++;
        return d;
    }
    if (!strcmp(name, "choice_without_replacement"))
        return n;
    return 1;
}

/* Values' bit patterns widened to u64 (floats: their 32 bits, written as 8 digits). */
#define DIST_LAW_BITS(type, utype, count, digits_)                                     \
    for (size_t i_ = 0; rc == REPRO_OK && i_ < (count); i_++) {                        \
        utype u_;                                                                      \
        memcpy(&u_, &((type *)(void *)tmp)[i_], sizeof u_);                            \
        bits[i_] = u_;                                                                 \
    }                                                                                  \
    *digits = (digits_)

/* n values of the draw `name` (parameters at p) from s into bits; REPRO_ERR_ARG for an
 * unknown name or malformed parameters.  n <= 256. */
static int dist_draw_law(repro_stream *s, const char *name, const char *p, size_t n,
                         uint64_t *bits, int *digits)
{
    dist_law_params par;
    uint64_t tmp[256], table[3 + 2 * DIST_LAW_PARAMS];
    double factor[DIST_LAW_PARAMS];
    const double *d = par.d;
    int rc = REPRO_ERR_ARG;
    if (!dist_law_parse(p, &par) || n > 256)
        return REPRO_ERR_ARG;
    size_t np = par.n, w = dist_law_width(name, &par, n);
    if (w == 0 || n % w != 0)
        return REPRO_ERR_ARG;
    size_t draws = n / w;
    double *dt = (double *)(void *)tmp;
    float *ft = (float *)(void *)tmp;
#define LAW(nm, count, call)                                                           \
    else if (!strcmp(name, nm) && np == (count)) rc = (call)
    if (0)
        ;
    LAW("integers", 2, repro_fill_integers(s, (int64_t *)(void *)tmp, n, par.i[0], par.i[1]));
    LAW("normal_float", 0, repro_fill_normal_float(s, ft, n));
    LAW("exponential_float", 0, repro_fill_exponential_float(s, ft, n));
    LAW("uniform_float", 2, repro_fill_uniform_float(s, ft, n, (float)d[0], (float)d[1]));
    LAW("lognormal", 2, repro_fill_lognormal(s, dt, n, d[0], d[1]));
    LAW("standard_cauchy", 0, repro_fill_standard_cauchy(s, dt, n));
    LAW("laplace", 2, repro_fill_laplace(s, dt, n, d[0], d[1]));
    LAW("logistic", 2, repro_fill_logistic(s, dt, n, d[0], d[1]));
    LAW("gumbel", 2, repro_fill_gumbel(s, dt, n, d[0], d[1]));
    LAW("rayleigh", 1, repro_fill_rayleigh(s, dt, n, d[0]));
    LAW("weibull", 1, repro_fill_weibull(s, dt, n, d[0]));
    LAW("pareto", 1, repro_fill_pareto(s, dt, n, d[0]));
    LAW("power", 1, repro_fill_power(s, dt, n, d[0]));
    LAW("triangular", 3, repro_fill_triangular(s, dt, n, d[0], d[1], d[2]));
    LAW("wald", 2, repro_fill_wald(s, dt, n, d[0], d[1]));
    LAW("vonmises", 2, repro_fill_vonmises(s, dt, n, d[0], d[1]));
    LAW("chisquare", 1, repro_fill_chisquare(s, dt, n, d[0]));
    LAW("standard_t", 1, repro_fill_standard_t(s, dt, n, d[0]));
    LAW("f", 2, repro_fill_f(s, dt, n, d[0], d[1]));
    LAW("noncentral_chisquare", 2, repro_fill_noncentral_chisquare(s, dt, n, d[0], d[1]));
    LAW("noncentral_f", 3, repro_fill_noncentral_f(s, dt, n, d[0], d[1], d[2]));
    LAW("negative_binomial", 2, repro_fill_negative_binomial(s, tmp, n, d[0], d[1]));
    LAW("geometric", 1, repro_fill_geometric(s, tmp, n, d[0]));
    LAW("logseries", 1, repro_fill_logseries(s, tmp, n, d[0]));
    LAW("zipf", 1, repro_fill_zipf(s, tmp, n, d[0]));
    LAW("hypergeometric", 3, repro_fill_hypergeometric(s, tmp, n, par.u[0], par.u[1], par.u[2]));
    LAW("dirichlet", w, repro_fill_dirichlet(s, dt, draws, d, w));
    LAW("multinomial", w + 1, repro_fill_multinomial(s, tmp, draws, par.u[0], d + 1, w));
    LAW("multivariate_normal", w * w + w,
        (rc = repro_mvnormal_factor(d + w, w, factor)) != REPRO_OK
            ? rc
            : repro_fill_multivariate_normal(s, dt, draws, d, factor, w));
    LAW("choice", np,
        (rc = repro_alias_init(table, sizeof table, d, np)) != REPRO_OK
            ? rc
            : repro_fill_choice(s, tmp, n, table));
    LAW("choice_without_replacement", 1, repro_choice_without_replacement(s, tmp, n, par.u[0]));
#undef LAW
    if (!strcmp(name, "normal_float") || !strcmp(name, "exponential_float") ||
        !strcmp(name, "uniform_float")) {
        DIST_LAW_BITS(float, uint32_t, n, 8);
    } else {
        DIST_LAW_BITS(uint64_t, uint64_t, n, 16);
    }
    return rc;
}

#endif
