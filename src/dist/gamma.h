/* Gamma(shape, 1) draws over a run of units (src/dist/units.h), for every law built on
 * them.  Marsaglia & Tsang (2000): shape >= 1, each attempt one normal x and, unless
 * 1 + c x <= 0, one [0,1) double w; shape < 1: Gamma(shape + 1) * b^(1/shape), b one
 * (0,1] double drawn after (their boost).  docs/DISTRIBUTIONS.md fixes the algorithm. */
#ifndef REPRO_DIST_GAMMA_H
#define REPRO_DIST_GAMMA_H

#include "math/special.h"
#include "dist/units.h"

/* The draws inline into each law's loop (a call per value costs more than the
 * code saved). */
#if defined(__GNUC__) || defined(__clang__)
#define REPRO_GAMMA_INLINE static inline __attribute__((always_inline))
#else
#define REPRO_GAMMA_INLINE static inline
#endif

/* A shape's constants, computed once per law call. */
typedef struct repro_gamma_law {
    double shape, d, c;
    double margin; /* of the estimated log test */
    int boost; /* shape < 1 */
} repro_gamma_law;

static inline repro_gamma_law repro_gamma_law_of(double shape)
{
    repro_gamma_law g;
    g.shape = shape;
    g.boost = shape < 1.0;
    g.d = (g.boost ? shape + 1.0 : shape) - 1.0 / 3.0;
    /* Above DBL_MAX / 9, 9d overflows and c is 0 rather than about 1e-154: the same
     * draws, for 1 + c x rounds to 1 either way (|x| < 9). */
    g.c = 1.0 / repro_dist_sqrt(9.0 * g.d);
    g.margin = REPRO_LOG_ESTIMATE_ERR * (1.0 + g.d) + 0x1p-30;
    return g;
}

/* Gamma(shape + 1) for a boosted shape, else Gamma(shape): d v of the first accepted
 * attempt.  Most attempts pass the squeeze and need no log. */
REPRO_GAMMA_INLINE double repro_gamma_mt(repro_units *u, const repro_gamma_law *g)
{
    for (;;) {
        double x = repro_units_normal(u);
        double v = 1.0 + g->c * x;
        if (v <= 0.0)
            continue;
        v = v * v * v;
        double w = repro_units_double(u);
        double x2 = x * x;
        if (w < 1.0 - 0.0331 * (x2 * x2))
            return g->d * v;
        /* log(w) < 0.5 x^2 + d (1 - v + log(v)): decided by the estimates of the logs
         * when they are off by more than their error (d's share scaled) and the
         * roundings; else, and for w below 2^-1022, by the exact logs */
        if (w >= 0x1p-1022) {
            double t = repro_dist_log_estimate(w) -
                       (0.5 * x2 + g->d * (1.0 - v + repro_dist_log_estimate(v)));
            if (t < -g->margin)
                return g->d * v;
            if (t > g->margin)
                continue;
        }
        double l[2]; /* log(w), log(v) */
        repro_dist_log_pair(w, v, l);
        if (l[0] < 0.5 * x2 + g->d * (1.0 - v + l[1]))
            return g->d * v;
    }
}

/* The boost factor of a (0,1] double b: b^(1/shape) as exp(log(b) / shape). */
static inline double repro_gamma_boost(const repro_gamma_law *g, double b)
{
    return repro_dist_exp(repro_dist_log(b) / g->shape);
}

/* One Gamma(shape, 1) draw. */
REPRO_GAMMA_INLINE double repro_gamma_draw(repro_units *u, const repro_gamma_law *g)
{
    double x = repro_gamma_mt(u, g);
    if (g->boost)
        x = x * repro_gamma_boost(g, repro_units_double_oc(u));
    return x;
}

/* Units per draw when the first attempt is accepted (most draws). */
static inline size_t repro_gamma_units(const repro_gamma_law *g)
{
    return g->boost ? 3 : 2;
}

#endif
