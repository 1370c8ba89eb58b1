/* The continuous laws' transforms (src/kernels/laws_vec.h) on one lane: the scalar
 * table's entry, and so the reference every ISA's vectors match. */
#include "kernels/table.h"
#include "kernels/convert.h"

#define RV_BYTES 8
#include "math/math_vec.h"
#include "kernels/laws_vec.h"

void repro_law_ref(enum repro_law_op op, void *buf, size_t n, const double *p)
{
    repro_dist_law_vec(op, buf, n, p);
}
