/* The draws of the distribution golden files (tests/vectors/dist_*.txt), shared by
 * their writer (tools/gen_dist_vectors.c) and their reader (tests/test_dist_vectors.c)
 * so that both name and parse a draw the same way.  A draw is
 *   normal | exponential | gaussian:M:S | uniform:A:B | bernoulli:P | gamma:K:T |
 *   beta:A:B | poisson:L | binomial:N:P
 * with doubles as C99 hex floats (exact) and N decimal, or one of numpy's other laws
 * (tests/dist_draw_laws.h). */
#ifndef REPRO_DIST_DRAW_H
#define REPRO_DIST_DRAW_H

#include "repro_rng.h"
#include "dist_draw_laws.h"

#include <stdlib.h>
#include <string.h>

/* Draws n values of `draw` from s as bit patterns (doubles: their IEEE bits, counts
 * and Bernoulli bits: the value) into bits; *digits is how many hex digits the file
 * writes per value.  Returns the library's code, or REPRO_ERR_ARG for a malformed
 * draw.  n <= DIST_DRAW_MAX. */
#define DIST_DRAW_MAX 256
static int dist_draw(repro_stream *s, const char *draw, size_t n, uint64_t *bits, int *digits)
{
    char name[32];
    size_t len = strcspn(draw, ":");
    double par[2] = {0, 0};
    int npar = 0;
    const char *p = draw + len;
    if (len >= sizeof name || n > DIST_DRAW_MAX)
        return REPRO_ERR_ARG;
    memcpy(name, draw, len);
    name[len] = '\0';
    int rc_law = dist_draw_law(s, name, p, n, bits, digits);
    if (rc_law != REPRO_ERR_ARG)
        return rc_law;
    while (*p == ':' && npar < 2) {
        char *end;
        par[npar++] = strtod(p + 1, &end);
        if (end == p + 1)
            return REPRO_ERR_ARG;
        p = end;
    }
    if (*p != '\0')
        return REPRO_ERR_ARG;
    double d[DIST_DRAW_MAX];
    uint8_t b[DIST_DRAW_MAX];
    int rc = REPRO_ERR_ARG, is_double = 1;
    *digits = 16;
    if (!strcmp(name, "normal") && npar == 0)
        rc = repro_fill_normal(s, d, n);
    else if (!strcmp(name, "exponential") && npar == 0)
        rc = repro_fill_exponential(s, d, n);
    else if (!strcmp(name, "gaussian") && npar == 2)
        rc = repro_fill_gaussian(s, d, n, par[0], par[1]);
    else if (!strcmp(name, "uniform") && npar == 2)
        rc = repro_fill_uniform(s, d, n, par[0], par[1]);
    else if (!strcmp(name, "gamma") && npar == 2)
        rc = repro_fill_gamma(s, d, n, par[0], par[1]);
    else if (!strcmp(name, "beta") && npar == 2)
        rc = repro_fill_beta(s, d, n, par[0], par[1]);
    else if (!strcmp(name, "poisson") && npar == 1) {
        rc = repro_fill_poisson(s, bits, n, par[0]);
        is_double = 0;
    } else if (!strcmp(name, "binomial") && npar == 2) {
        rc = repro_fill_binomial(s, bits, n, (uint64_t)par[0], par[1]);
        is_double = 0;
    } else if (!strcmp(name, "bernoulli") && npar == 1) {
        rc = repro_fill_bernoulli(s, b, n, par[0]);
        for (size_t i = 0; rc == REPRO_OK && i < n; i++)
            bits[i] = b[i];
        is_double = 0;
        *digits = 2;
    }
    for (size_t i = 0; rc == REPRO_OK && is_double && i < n; i++)
        memcpy(&bits[i], &d[i], sizeof d[i]);
    return rc;
}

/* Values per draw of `draw` in a record of n values: the vector laws' width, else 1. */
static size_t dist_draw_width(const char *draw, size_t n)
{
    char name[32];
    size_t len = strcspn(draw, ":");
    dist_law_params par;
    if (len >= sizeof name || !dist_law_parse(draw + len, &par))
        return 1;
    memcpy(name, draw, len);
    name[len] = '\0';
    size_t w = dist_law_width(name, &par, n);
    return w ? w : 1;
}

#endif
