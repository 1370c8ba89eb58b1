/* The golden-vector files in the cmocka tests: read and checked by src/vectors/ (as
 * by `repro-rng selftest` and tests/cross/check_vectors.c) at the active ISA;
 * tests/run_c_tests.sh runs each program once per ISA. */
#ifndef REPRO_GOLDEN_H
#define REPRO_GOLDEN_H

#include "testutil.h"
#include "vectors/vectors.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    vec_each_fn each;
    void *ctx;
    unsigned failed;
} golden_state;

static void golden_record(void *ctx, const vec_record *r)
{
    golden_state *g = ctx;
    if (!r->ok && g->failed++ < 10)
        print_error("%s:%u: %s: %s\n", r->file, r->line, vec_kind_label(r->kind), r->msg);
    if (g->each)
        g->each(g->ctx, r);
}

/* Checks every record of the file (each, if not NULL, is called after each record
 * with ctx); fails the test if the file cannot be read or any record fails.
 * Returns the tally, for the test's record counts. */
static inline vec_tally golden_check(const char *path, vec_each_fn each, void *ctx)
{
    golden_state g = {each, ctx, 0};
    vec_tally t;
    memset(&t, 0, sizeof t);
    if (vec_check_file(path, &t, golden_record, &g) != 0)
        fail_msg("%s: cannot be read (tests run from the repository root), or out of memory",
                 path);
    if (vec_tally_failed(&t) > 0)
        fail_msg("%s: %llu of %llu records failed", path,
                 (unsigned long long)vec_tally_failed(&t),
                 (unsigned long long)vec_tally_records(&t));
    return t;
}

#endif
