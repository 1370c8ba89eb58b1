/* Statistics shared by tests/test_perm.c and tests/test_shuffle.c: chi-square of
 * counts against equal expectations, as a normal z-score (Wilson-Hilferty), and the
 * rank of a small permutation among all n! orders.  Every statistic is computed with
 * fixed seeds, so a z-score is the same on every run: the thresholds below (z < 5,
 * p < 3e-7 for a correct generator) only decide whether the code is right. */
#ifndef REPRO_TEST_PERM_STATS_H
#define REPRO_TEST_PERM_STATS_H

#include "testutil.h"

#include <math.h>

/* A correct generator stays below this; the tests' deliberately biased variants must
 * exceed it, which shows the statistic can fail. */
#define Z_MAX 5.0

/* z-score of the chi-square of cells counts, each expected total/cells. */
static inline double chi2_z(const uint64_t *counts, size_t cells)
{
    double total = 0, chi2 = 0;
    for (size_t c = 0; c < cells; c++)
        total += (double)counts[c];
    const double e = total / (double)cells, k = (double)(cells - 1);
    for (size_t c = 0; c < cells; c++)
        chi2 += ((double)counts[c] - e) * ((double)counts[c] - e) / e;
    return (cbrt(chi2 / k) - (1 - 2 / (9 * k))) / sqrt(2 / (9 * k));
}

/* Rank in [0, n!) of the order v[0..n-1] of {0..n-1} (its Lehmer code). */
static inline size_t order_rank(const unsigned *v, unsigned n)
{
    size_t rank = 0;
    for (unsigned i = 0; i < n; i++) {
        unsigned smaller = 0;
        for (unsigned j = i + 1; j < n; j++)
            smaller += v[j] < v[i];
        rank = rank * (n - i) + smaller;
    }
    return rank;
}

#endif
