/* e^x over arrays and two logs at once, for the gamma-based laws (tests/test_dist_laws.c
 * checks the array exp against the scalar function, the gamma vectors the logs; the
 * transform laws' own vectors are src/kernels/laws_vec.h): the exp and log kernels of
 * src/math/math_vec.h (the bodies of repro_math_exp and repro_math_log) on 16-byte vectors, the width every
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
