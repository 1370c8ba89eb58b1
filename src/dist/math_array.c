/* e^x and tan(pi t) over arrays for the distributions of src/dist/laws_*.c: the exp,
 * sin and cos kernels of src/dist/math_vec.h (the bodies of repro_math_exp,
 * repro_math_sinpi and repro_math_cospi) on 16-byte vectors, the width every
 * baseline of the library's architectures runs (SSE2 on x86, NEON on aarch64; plain
 * scalar code where there is none): the same operations in the same order, so the same
 * bits as the scalar functions, several values at a time.  Lanes outside a vector
 * body's domain go through the scalar functions. */
#include "internal.h"
#include "dist/special.h"

#define RV_BYTES 16
#include "dist/math_vec.h"

/* Lanes rv_exp_core takes: ln(2^-1075) <= x <= ln(DBL_MAX), |x| >= 2^-28. */
RV_INLINE rv_i exp_core_lanes(rv_d x)
{
    rv_d ax = rv_sel(x < 0.0, -x, x);
    return (x >= -0x1.74910d52d3051p+9) & (x <= 0x1.62e42fefa39efp+9) & (ax >= 0x1p-28);
}

void repro_dist_exp_array(double *x, size_t n)
{
    size_t i = 0;
    /* two vectors per step: their latency chains overlap */
    for (; i + 2 * (size_t)RV_N <= n; i += 2 * (size_t)RV_N) {
        rv_d a, b;
        memcpy(&a, x + i, sizeof a);
        memcpy(&b, x + i + RV_N, sizeof b);
        rv_i oka = exp_core_lanes(a), okb = exp_core_lanes(b);
        /* other lanes get a harmless 1/2 (a NaN or huge x would overflow the integer
         * conversion inside), then the scalar function */
        rv_d ea = rv_exp_core(rv_sel(oka, a, rv_splat(0.5)));
        rv_d eb = rv_exp_core(rv_sel(okb, b, rv_splat(0.5)));
        if (rv_any(~oka) || rv_any(~okb)) {
            for (int l = 0; l < RV_N; l++) {
                if (!oka[l])
                    ea[l] = repro_dist_exp(a[l]);
                if (!okb[l])
                    eb[l] = repro_dist_exp(b[l]);
            }
        }
        memcpy(x + i, &ea, sizeof ea);
        memcpy(x + i + RV_N, &eb, sizeof eb);
    }
    for (; i < n; i++)
        x[i] = repro_dist_exp(x[i]);
}

/* In place: t[i] = sinpi(t[i]) / cospi(t[i]) for t[i] in (-1/2, 1/2): f = |t| and, as
 * repro_dist_sincospi takes it, sin and cos of pi f (f <= 1/4) or cos and sin of
 * pi (1/2 - f), both kernels on the same argument, the sine's sign from t. */
void repro_dist_tanpi_array(double *t, size_t n)
{
    size_t i = 0;
    for (; i + (size_t)RV_N <= n; i += (size_t)RV_N) {
        rv_d x;
        memcpy(&x, t + i, sizeof x);
        rv_i neg = x < 0.0;
        rv_d f = rv_sel(neg, -x, x);
        rv_i ok = (f >= 0x1p-500) & (f < 0.5); /* NaN fails both */
        rv_i low = f <= 0.25;
        rv_d g = rv_sel(ok, rv_sel(low, f, 0.5 - f), rv_splat(0.25));
        rv_d lo, r = rv_pi_times(g, &lo);
        rv_d ks = rv_kernel_sin(r, lo), kc = rv_kernel_cos(r, lo);
        rv_d sn = rv_sel(low, ks, kc), cs = rv_sel(low, kc, ks);
        rv_d v = rv_sel(neg, -sn, sn) / cs;
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
