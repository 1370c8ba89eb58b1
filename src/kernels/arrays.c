/* repro_math_log_array and repro_math_inv_normal_cdf_array: the active ISA's in-place
 * -log and inverse normal CDF (the vector bodies of src/math/math_vec.h, compiled per
 * ISA), so that the array forms run at the speed of the fills and give the bits of
 * repro_math_log and repro_math_inv_normal_cdf. */
#include "kernels/table.h"
#include "math/fpenv.h"

#include <string.h>

/* The arrays: chunk by chunk (in L1), copied to out, then the active ISA's in-place
 * conversion, called through its pointer (opaque, so pinned inside the FP guard). */
static int math_array(const double *in, double *out, size_t n, int negate_log)
{
    if (n > 0 && (!in || !out))
        return REPRO_ERR_NULL;
    const repro_isa_table *isa = repro_isa_active();
    repro_convert_fn conv = negate_log ? isa->neg_log : isa->inv_normal;
    enum { CHUNK = 2048 };
    repro_fpenv env = repro_fpenv_enter();
    for (size_t i = 0; i < n; i += CHUNK) {
        size_t k = n - i < CHUNK ? n - i : CHUNK;
        if (out != in)
            memcpy(out + i, in + i, k * sizeof *out);
        conv(out + i, k);
        if (negate_log) /* log = -(-log): a sign flip, exact */
            for (size_t j = i; j < i + k; j++)
                out[j] = -out[j];
    }
    repro_fpenv_leave(env);
    return REPRO_OK;
}

int repro_math_log_array(const double *x, double *out, size_t n)
{
    return math_array(x, out, n, 1);
}

int repro_math_inv_normal_cdf_array(const double *u, double *out, size_t n)
{
    return math_array(u, out, n, 0);
}
