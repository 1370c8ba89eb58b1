/* The binomial draw of repro_fill_binomial with its per-parameter constants apart,
 * for the laws that draw binomials of changing parameters (multinomial), and the
 * Poisson draw of repro_fill_poisson for the mixtures: the same values and words as
 * the fills.  Internal (hidden). */
#ifndef REPRO_DIST_BINOMIAL_H
#define REPRO_DIST_BINOMIAL_H

#include "repro_rng.h"
#include "dist/units.h"

/* The constants of Hormann's (1993) transformed rejection, PTRS (Poisson) or BTRS
 * (binomial), which share their shape: per attempt two doubles in [0,1), U then V
 * (4 words); u = U - 0.5, us = 0.5 - |u|, kf = (2a / us + b) u + c1 + c2, rejected
 * unless 0 <= kf < kf_end and k = floor(kf) <= kmax; accepted when us >= 0.07 and
 * V <= vr; PTRS then rejects when us < 0.013 and V > us; else accepted when
 * log(V) + log(alpha) - log(a / us^2 + b) <= log pmf(k) (BTRS: - log pmf(mode)). */
typedef struct {
    double a, b, c1, c2, vr, alpha, kf_end;
    uint64_t kmax;
    int binomial;
    double lambda, log_lambda_est;    /* PTRS */
    uint64_t trials;                  /* BTRS: */
    double p, q, log_pmf_m;
} repro_tr;

/* The constants of Binomial(trials, p), 0 <= p <= 1 (docs/DISTRIBUTIONS.md): drawn
 * for min(p, 1 - p) (flip), by inversion from pmf0 = (1 - p)^n (pmf ratio
 * (n - k + 1) / k * ratio, at most bound steps) or BTRS. */
typedef struct {
    uint64_t trials, bound;
    int flip, method; /* method: 0 none (the value is 0), 1 inversion, 2 BTRS */
    double nf, ratio, pmf0;
    repro_tr tr;
} repro_binomial;

void repro_binomial_init(repro_binomial *z, uint64_t trials, double p);
/* One value, in the default floating-point environment (inside a fill's guard). */
uint64_t repro_binomial_draw(repro_stream *s, const repro_binomial *z);

/* One Poisson(lambda) value of repro_fill_poisson, 0 <= lambda <= 1e15, from a run of
 * units (the words and values of a fill of one at the units' position), inside a
 * fill's floating-point guard: for the mixtures, whose means change per value. */
uint64_t repro_poisson_draw(repro_units *u, double lambda);

#endif
