/* Deterministic elementary functions (contract §3): only IEEE-754 double +, -, *, /
 * and sqrt, each expression evaluated in the order written (the Makefile forbids
 * FMA contraction), so every platform gets the same bits.  No libm.
 *
 * log and exp follow the published fdlibm algorithms (Sun, 1993): argument
 * reduction by powers of two and ln 2 split in a high and a low part, then a
 * minimax polynomial; both are within 1 ulp.  The inverse normal CDF is Wichura's
 * AS241 (PPND16) rational approximation; tools/math_accuracy.py measures all three
 * against mpmath. */
#include "math/fpenv.h"
#include "math/special.h"

/* The vector log and exp of src/math/math_vec.h on one lane are the scalar ones. */
#define RV_BYTES 8
#include "math/math_vec.h"
#include "math/bits.h"



static REPRO_NOINLINE double math_log(double x)
{
    if (!(x > 0.0)) {
        if (x == 0.0)
            return repro_bits_double(REPRO_BITS_NINF);
        return repro_bits_double(REPRO_BITS_NAN); /* negative or NaN */
    }
    if (repro_double_bits(x) >= REPRO_BITS_PINF)
        return x; /* +inf */
    int64_t k0 = 0;
    if (repro_double_bits(x) < 0x0010000000000000u) { /* subnormal: scale into the normal range */
        x *= 0x1p54;
        k0 = -54;
    }
    rv_d v = {x};
    return rv_log_k(v, k0)[0];
}

static REPRO_NOINLINE double math_exp(double x)
{
    static const double O_THRESHOLD = 0x1.62e42fefa39efp+9;  /* ln(DBL_MAX) */
    static const double U_THRESHOLD = -0x1.74910d52d3051p+9; /* ln(2^-1075) */
    if (x != x)
        return repro_bits_double(REPRO_BITS_NAN);
    if (x > O_THRESHOLD)
        return repro_bits_double(REPRO_BITS_PINF);
    if (x < U_THRESHOLD)
        return 0.0;
    if ((x < 0.0 ? -x : x) < 0x1p-28)
        return 1.0 + x;
    rv_d v = {x};
    return rv_exp_core(v)[0];
}

/* Wichura, Algorithm AS241 (Applied Statistics 37(3), 1988), PPND16. */
const double repro_as241_a[8] = {3.3871328727963666080e0, 1.3314166789178437745e+2,
    1.9715909503065514427e+3, 1.3731693765509461125e+4,
    4.5921953931549871457e+4, 6.7265770927008700853e+4,
    3.3430575583588128105e+4, 2.5090809287301226727e+3};
const double repro_as241_b[8] = {1.0, 4.2313330701600911252e+1,
    6.8718700749205790830e+2, 5.3941960214247511077e+3,
    2.1213794301586595867e+4, 3.9307895800092710610e+4,
    2.8729085735721942674e+4, 5.2264952788528545610e+3};
const double repro_as241_c[8] = {1.42343711074968357734e0, 4.63033784615654529590e0,
    5.76949722146069140550e0, 3.64784832476320460504e0,
    1.27045825245236838258e0, 2.41780725177450611770e-1,
    2.27238449892691845833e-2, 7.74545014278341407640e-4};
const double repro_as241_d[8] = {1.0, 2.05319162663775882187e0,
    1.67638483018380384940e0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2,
    5.47593808499534494600e-4, 1.05075007164441684324e-9};
const double repro_as241_e[8] = {6.65790464350110377720e0, 5.46378491116411436990e0,
    1.78482653991729133580e0, 2.96560571828504891230e-1,
    2.65321895265761230930e-2, 1.24266094738807843860e-3,
    2.71155556874348757815e-5, 2.01033439929228813265e-7};
const double repro_as241_f[8] = {1.0, 5.99832206555887937690e-1,
    1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5,
    1.42151175831644588870e-7, 2.04426310338993978564e-15};

/* Horner evaluation of c[0] + c[1] r + ... + c[7] r^7, highest degree first. */
static double poly7(const double c[8], double r)
{
    return REPRO_HORNER7(c, r, c[7]);
}

static REPRO_NOINLINE double math_inv_normal_cdf(double u)
{
    if (!(u > 0.0 && u < 1.0)) {
        if (u == 0.0)
            return repro_bits_double(REPRO_BITS_NINF);
        if (u == 1.0)
            return repro_bits_double(REPRO_BITS_PINF);
        return repro_bits_double(REPRO_BITS_NAN);
    }
    double q = u - 0.5;
    if (q >= -0.425 && q <= 0.425) {
        double r = 0.180625 - q * q;
        return q * poly7(repro_as241_a, r) / poly7(repro_as241_b, r);
    }
    double p = q < 0.0 ? u : 1.0 - u; /* 1 - u is exact for u >= 0.5 */
    double r = repro_dist_sqrt(-repro_math_log(p));
    double x;
    if (r <= 5.0) {
        r -= 1.6;
        x = poly7(repro_as241_c, r) / poly7(repro_as241_d, r);
    } else {
        r -= 5.0;
        x = poly7(repro_as241_e, r) / poly7(repro_as241_f, r);
    }
    return q < 0.0 ? -x : x;
}

/* The public entry points run in the default floating-point environment whatever the
 * caller's (see repro_fpenv_enter). */
#define REPRO_MATH_PUBLIC(f)                                                             \
    double repro_math_##f(double x)                                                      \
    {                                                                                    \
        repro_fpenv env = repro_fpenv_enter();                                           \
        REPRO_FPENV_FENCE(x);                                                            \
        double r = math_##f(x);                                                          \
        REPRO_FPENV_FENCE(r);                                                            \
        repro_fpenv_leave(env);                                                          \
        return r;                                                                        \
    }
REPRO_MATH_PUBLIC(log)
REPRO_MATH_PUBLIC(exp)
REPRO_MATH_PUBLIC(inv_normal_cdf)

double repro_dist_log(double x) { return math_log(x); }
double repro_dist_exp(double x) { return math_exp(x); }
double repro_dist_inv_normal_cdf(double u) { return math_inv_normal_cdf(u); }
