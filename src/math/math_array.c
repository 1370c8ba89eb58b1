/* e^x and tan(pi t) over arrays (tests/test_dist_laws.c checks them against the
 * scalar functions; the laws' own transforms are src/kernels/laws_vec.h): the exp,
 * sin and cos kernels of src/math/math_vec.h (the bodies of repro_math_exp,
 * repro_math_sinpi and repro_math_cospi) on 16-byte vectors, the width every
 * baseline of the library's architectures runs (SSE2 on x86, NEON on aarch64; plain
 * scalar code where there is none): the same operations in the same order, so the same
 * bits as the scalar functions, several values at a time (the ISA tables' exp is the
 * same body at their widths).  Lanes outside a vector body's domain go through the
 * scalar functions. */
#include "math/special.h"

#define RV_BYTES 16
#include "math/math_vec.h"

void repro_dist_exp_array(void *x, size_t n)
{
    repro_dist_exp_vec(x, n);
}

/* In place: t[i] = sinpi(t[i]) / cospi(t[i]) (rv_tanpi where it applies). */
void repro_dist_tanpi_array(double *t, size_t n)
{
    size_t i = 0;
    for (; i + (size_t)RV_N <= n; i += (size_t)RV_N) {
        rv_d x;
        memcpy(&x, t + i, sizeof x);
        rv_d f = rv_sel(x < 0.0, -x, x);
        rv_i ok = (f >= 0x1p-500) & (f < 0.5); /* NaN fails both */
        rv_d v = rv_tanpi(rv_sel(ok, x, rv_splat(0.25)));
        if (rv_any(~ok))
            for (int l = 0; l < RV_N; l++)
                if (!ok[l])
                    v[l] = repro_dist_sinpi(x[l]) / repro_dist_cospi(x[l]);
        memcpy(t + i, &v, sizeof v);
    }
    for (; i < n; i++)
        t[i] = repro_dist_sinpi(t[i]) / repro_dist_cospi(t[i]);
}

/* out[0] = repro_dist_log(a), out[1] = repro_dist_log(b): one vector log for both
 * when both are positive normal finite (else the scalar function for each). */
void repro_dist_log_pair(double a, double b, double out[2])
{
    rv_d x = rv_splat(1.0);
    x[0] = a;
    x[1] = b;
    rv_i ok = (x >= 0x1p-1022) & (x <= 0x1.fffffffffffffp+1023);
    if (ok[0] && ok[1]) {
        rv_d l = rv_log(x);
        out[0] = l[0];
        out[1] = l[1];
    } else {
        out[0] = repro_dist_log(a);
        out[1] = repro_dist_log(b);
    }
}
