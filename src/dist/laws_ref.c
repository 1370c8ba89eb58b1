/* The continuous laws' transforms (src/dist/laws_vec.h) on one lane: the scalar
 * table's entry, and so the reference every ISA's vectors match. */
#include "internal.h"
#include "stream/convert.h"

#define RV_BYTES 8
#include "dist/math_vec.h"
#include "dist/laws_vec.h"

void repro_law_ref(enum repro_law_op op, void *buf, size_t n, const double *p)
{
    repro_dist_law_vec(op, buf, n, p);
}
