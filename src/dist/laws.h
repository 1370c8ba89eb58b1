/* Shared by the distributions of src/dist/laws_*.c (numpy's laws beyond the first
 * nine of src/dist/distributions.c): argument checks, the public wrappers and the
 * uniform they share.  They reach the stream only through its public functions
 * (fills and single draws), never its internals.  docs/DISTRIBUTIONS.md gives each
 * algorithm and its word consumption. */
#ifndef REPRO_DIST_LAWS_H
#define REPRO_DIST_LAWS_H

#include "math/fpenv.h"
#include "kernels/table.h"
#include "math/special.h"
#include "stream/stream.h"

#include <string.h>

/* Finite: neither inf nor NaN (x - x is 0 only for finite x). */
static inline int repro_law_finite(double x)
{
    return x - x == 0.0;
}

/* The (0,1) double of a u64 x used by these laws, U52 = ((x >> 12) + 1/2) 2^-52: exact
 * (53 significant bits), symmetric (1 - u is exact and as likely as u), never 0 or 1.
 * Computed as (2^52 + m) - (2^52 - 1/2), the first term from its bits: exact, and
 * free of integer-to-double conversion, so that loops over it vectorise. */
static inline double repro_u52(uint64_t x)
{
    double big;
    uint64_t bits = 0x4330000000000000u | (x >> 12);
    memcpy(&big, &bits, sizeof big);
    return (big - 0x1.fffffffffffffp+51) * 0x1p-52;
}

/* n values of the law of op (src/kernels/laws_vec.h, parameters p, already checked) into
 * out: its fill, transformed by the active ISA.  s and out checked. */
int repro_law_fill(repro_stream *s, double *out, size_t n, enum repro_law_op op,
                   const double *p);

/* Values per chunk of the laws that convert fills in a stack buffer. */
#define REPRO_LAW_CHUNK 512

#define REPRO_LAW_UNPAREN(...) __VA_ARGS__

/* The public functions of a law whose body is
 *   static REPRO_NOINLINE int law_NAME(repro_stream *s, TYPE *out, size_t n PARAMS)
 * (it checks its arguments before drawing anything): repro_fill_NAME runs it in the
 * default floating-point environment (see repro_fpenv_enter).  PARAMS and ARGS are
 * parenthesised lists starting with a comma, e.g. (, double a) and (, a). */
#define REPRO_LAW_PUBLIC(name, type, PARAMS, ARGS)                                       \
    int repro_fill_##name(repro_stream *s, type *out, size_t n REPRO_LAW_UNPAREN PARAMS)  \
    {                                                                                    \
        repro_fpenv env = repro_fpenv_enter();                                           \
        int rc = law_##name(s, out, n REPRO_LAW_UNPAREN ARGS);                           \
        repro_fpenv_leave(env);                                                          \
        return rc;                                                                       \
    }
/* The same for a law that consumes a fixed number of words per value, plus its
 * random-access form repro_fill_NAME_at: what a copy of s seeked to position gives
 * (a repro_stream copy is a full, independent stream). */
#define REPRO_LAW_PUBLIC_AT(name, type, PARAMS, ARGS)                                    \
    REPRO_LAW_PUBLIC(name, type, PARAMS, ARGS)                                           \
    int repro_fill_##name##_at(const repro_stream *s, uint64_t position, type *out,      \
                               size_t n REPRO_LAW_UNPAREN PARAMS)                        \
    {                                                                                    \
        int rc = repro_fill_check(s, out, n);                                            \
        if (rc != REPRO_OK)                                                              \
            return rc;                                                                   \
        repro_stream t = *s;                                                             \
        repro_stream_seek(&t, position);                                                 \
        return repro_fill_##name(&t, out, n REPRO_LAW_UNPAREN ARGS);                     \
    }

#endif
