/* The deterministic math the distributions of src/dist/laws_*.c need beyond log, exp
 * and the inverse normal CDF (src/math/math.c): log1p, expm1, atan, sin(pi x) and
 * cos(pi x).  Same rules: IEEE-754 double +, -, *, / and sqrt only, in the order
 * written, no FMA contraction, no libm; tools/math_accuracy.py measures each against
 * mpmath (bounds in include/repro_rng.h and docs/DISTRIBUTIONS.md).
 *
 * log1p is Goldberg's (1991) correction of log near 0: the rounding error of 1 + x
 * cancels in a quotient.  expm1 is fdlibm's s_expm1.c algorithm.  atan is
 * fdlibm's s_atan.c algorithm (reduction to |t| < 7/16 around atan(0.5), atan(1),
 * atan(1.5) or atan(inf), then an odd polynomial of degree 23).  sinpi and cospi need
 * no reduction by an inexact pi: x mod 2 is exact in floating point; the reduced
 * argument (|r| <= 1/4) is multiplied by pi as a double-double (Dekker's product) and
 * handed to fdlibm's sin and cos kernels (__kernel_sin, __kernel_cos) with its tail;
 * those two and the product are in src/math/math_vec.h. */
#include "math/fpenv.h"
#include "math/special.h"

#include <string.h>

#define RV_BYTES 8
#include "math/math_vec.h"
#include "math/bits.h"

#define ABS_MASK 0x7fffffffffffffffu

/* ---- log1p and expm1 ------------------------------------------------------------ */

double repro_dist_log1p_full(double x)
{
    if (x != x)
        return repro_bits_double(REPRO_BITS_NAN);
    if (x >= 0x1p53) /* 1 + x rounds to x (or to x + 1): log(x) is within 1/x of it */
        return repro_dist_log(x);
    if (x < -1.0)
        return repro_bits_double(REPRO_BITS_NAN);
    return repro_dist_log1p(x); /* -inf at -1 */
}

/* fdlibm's s_expm1.c: x = k ln2 + r (ln2 in two parts, c the correction of the
 * reduction), a rational approximation of e^r - 1, and a reconstruction per k that
 * keeps the subtraction of 1 exact. */
double repro_dist_expm1(double x)
{
    static const double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03,
                        Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06,
                        Q5 = -2.01099218183624371326e-07;
    static const double O_THRESHOLD = 0x1.62e42fefa39efp+9, INV_LN2 = 0x1.71547652b82fep+0;
    uint64_t ax_bits = repro_double_bits(x) & ABS_MASK;
    int neg = x < 0.0;
    if (ax_bits >= 0x4043687a00000000u) { /* |x| >= 56 ln2 (about 38.8) */
        if (ax_bits > 0x7ff0000000000000u)
            return repro_bits_double(REPRO_BITS_NAN);
        if (neg) /* e^x < 2^-56: -1 (also -inf) */
            return -1.0;
        if (x > O_THRESHOLD)
            return repro_bits_double(0x7ff0000000000000u);
    }
    double hi, lo, c = 0.0;
    int k = 0;
    if (ax_bits >= 0x3fd62e4300000000u) { /* |x| > ln2 / 2 */
        if (ax_bits < 0x3ff0a2b200000000u) { /* |x| < 1.5 ln2 */
            hi = neg ? x + REPRO_LN2_HI : x - REPRO_LN2_HI;
            lo = neg ? -REPRO_LN2_LO : REPRO_LN2_LO;
            k = neg ? -1 : 1;
        } else {
            k = (int)(INV_LN2 * x + (neg ? -0.5 : 0.5)); /* truncation = rounding */
            double t = (double)k;
            hi = x - t * REPRO_LN2_HI; /* exact */
            lo = t * REPRO_LN2_LO;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if (ax_bits < 0x3c90000000000000u) { /* |x| < 2^-54: x */
        return x;
    }
    double hfx = 0.5 * x;
    double hxs = x * hfx;
    double r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    double t = 3.0 - r1 * hfx;
    double e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0)
        return x - (x * e - hxs);
    e = (x * (e - c) - c);
    e -= hxs;
    if (k == -1)
        return 0.5 * (x - e) - 0.5;
    if (k == 1)
        return x < -0.25 ? -2.0 * (e - (x + 0.5)) : 1.0 + 2.0 * (x - e);
    double y;
    if (k <= -2 || k > 56) { /* e^x - 1 = 2^k (1 - (e - x)) - 1, the 1 below the rounding */
        y = 1.0 - (e - x);
        if (k == 1024) /* 2^1024 overflows: two steps */
            y = y * 2.0 * 0x1p1023;
        else
            y = repro_bits_double(repro_double_bits(y) + ((uint64_t)(int64_t)k << 52));
        return y - 1.0;
    }
    if (k < 20) { /* 2^k (1 - 2^-k - (e - x)) */
        y = repro_bits_double((uint64_t)(0x3ff00000 - (0x200000 >> k)) << 32) - (e - x);
    } else { /* 2^k ((x - (e + 2^-k)) + 1) */
        y = x - (e + repro_bits_double((uint64_t)(0x3ff - k) << 52));
        y += 1.0;
    }
    return repro_bits_double(repro_double_bits(y) + ((uint64_t)k << 52));
}

/* ---- atan ------------------------------------------------------------------------ */

/* atan(0.5), atan(1), atan(1.5), atan(inf): high parts and low parts. */
static const double ATAN_HI[4] = {4.63647609000806093515e-01, 7.85398163397448278999e-01,
                                  9.82793723247329054082e-01, 1.57079632679489655800e+00};
static const double ATAN_LO[4] = {2.26987774529616870924e-17, 3.06161699786838301793e-17,
                                  1.39033110312309984516e-17, 6.12323399573676603587e-17};
/* atan(t) = t - t (T0 t^2 + T1 t^4 + ... + T10 t^22) on |t| < 7/16. */
static const double ATAN_T[11] = {
    3.33333333333329318027e-01,  -1.99999999998764832476e-01, 1.42857142725034663711e-01,
    -1.11111104054623557880e-01, 9.09088713343650656196e-02,  -7.69187620504482999495e-02,
    6.66107313738753120669e-02,  -5.83357013379057348645e-02, 4.97687799461593236017e-02,
    -3.65315727442169155270e-02, 1.62858201153657823623e-02};

double repro_dist_atan(double x)
{
    uint64_t ax_bits = repro_double_bits(x) & ABS_MASK;
    int neg = x < 0.0;
    if (ax_bits > 0x7ff0000000000000u)
        return repro_bits_double(REPRO_BITS_NAN);
    if (ax_bits >= 0x4410000000000000u) { /* |x| >= 2^66, inf included */
        double z = ATAN_HI[3] + ATAN_LO[3];
        return neg ? -z : z;
    }
    double t = repro_bits_double(ax_bits);
    int id;
    if (t < 0.4375) {
        if (t < 0x1p-27) /* atan(x) rounds to x */
            return x;
        id = -1;
        t = x;
    } else if (t < 0.6875) {
        id = 0;
        t = (2.0 * t - 1.0) / (2.0 + t);
    } else if (t < 1.1875) {
        id = 1;
        t = (t - 1.0) / (t + 1.0);
    } else if (t < 2.4375) {
        id = 2;
        t = (t - 1.5) / (1.0 + 1.5 * t);
    } else {
        id = 3;
        t = -1.0 / t;
    }
    const double *T = ATAN_T;
    double z = t * t;
    double w = z * z;
    /* The even and odd terms as two Horner chains in w = t^4. */
    double s1 = z * (T[0] + w * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * T[10])))));
    double s2 = w * (T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * T[9]))));
    if (id < 0)
        return t - t * (s1 + s2);
    double r = ATAN_HI[id] - ((t * (s1 + s2) - ATAN_LO[id]) - t);
    return neg ? -r : r;
}

/* ---- sin(pi x) and cos(pi x) ----------------------------------------------------- */

/* fdlibm's kernels and the product by pi: the bodies of src/math/math_vec.h on one
 * lane (so that the vector tan(pi t) of the Cauchy sampler, rv_tanpi, is the same
 * code). */
static double kernel_sin(double x, double y)
{
    rv_d vx = {x}, vy = {y};
    return rv_kernel_sin(vx, vy)[0];
}

static double kernel_cos(double x, double y)
{
    rv_d vx = {x}, vy = {y};
    return rv_kernel_cos(vx, vy)[0];
}

static double pi_times(double r, double *lo)
{
    rv_d vr = {r}, vlo;
    rv_d hi = rv_pi_times(vr, &vlo);
    *lo = vlo[0];
    return hi[0];
}

/* sin(pi x) into *sn and cos(pi x) into *cs, either pointer NULL when not wanted:
 * x = 2m + f exactly (|x| < 2^52; above, x is an integer), then the octant of f. */
void repro_dist_sincospi(double x, double *sn, double *cs)
{
    uint64_t ax_bits = repro_double_bits(x) & ABS_MASK;
    int neg = (int)(repro_double_bits(x) >> 63); /* -0 too: sin(pi (-0)) = -0 */
    double vs = 0.0, vc = 1.0;
    if (ax_bits >= 0x7ff0000000000000u) { /* inf or NaN */
        vs = vc = repro_bits_double(REPRO_BITS_NAN);
        neg = 0;
    } else if (ax_bits >= 0x4330000000000000u) { /* an integer: +-0, cos +-1 by parity */
        double a = repro_bits_double(ax_bits);
        vc = a < 0x1p53 && ((uint64_t)a & 1u) ? -1.0 : 1.0;
    } else {
        double a = repro_bits_double(ax_bits);
        uint64_t m = (uint64_t)a; /* floor: a >= 0 */
        double f = a - (double)m; /* exact, in [0, 1) */
        /* sin(pi (m + f)) = (-1)^m sin(pi f), cos likewise. */
        int flip_sin = (int)(m & 1u), flip_cos = (int)(m & 1u);
        if (f > 0.5) { /* sin(pi f) = sin(pi (1 - f)), cos(pi f) = -cos(pi (1 - f)) */
            f = 1.0 - f; /* exact */
            flip_cos ^= 1;
        }
        double r, lo;
        if (f < 0x1p-500) { /* sin(pi f) = pi f, scaled so that Dekker's terms stay normal */
            r = pi_times(f * 0x1p600, &lo);
            vs = r * 0x1p-600;
        } else if (f <= 0.25) {
            r = pi_times(f, &lo);
            vs = sn ? kernel_sin(r, lo) : 0.0;
            vc = cs ? kernel_cos(r, lo) : 1.0;
        } else { /* sin(pi f) = cos(pi (1/2 - f)), cos(pi f) = sin(pi (1/2 - f)) */
            r = pi_times(0.5 - f, &lo); /* 0.5 - f exact */
            vs = sn ? kernel_cos(r, lo) : 0.0;
            vc = cs ? kernel_sin(r, lo) : 1.0;
        }
        vs = flip_sin ? -vs : vs;
        vc = flip_cos ? -vc : vc;
    }
    if (sn)
        *sn = neg ? -vs : vs;
    if (cs)
        *cs = vc;
}

double repro_dist_sinpi(double x)
{
    double v;
    repro_dist_sincospi(x, &v, NULL);
    return v;
}

double repro_dist_cospi(double x)
{
    double v;
    repro_dist_sincospi(x, NULL, &v);
    return v;
}

/* ---- public entry points ---------------------------------------------------------- */

#define REPRO_MATH_EXT_PUBLIC(f, inner)                                                   \
    double repro_math_##f(double x)                                                      \
    {                                                                                    \
        repro_fpenv env = repro_fpenv_enter();                                           \
        REPRO_FPENV_FENCE(x);                                                            \
        double r = inner(x);                                                             \
        REPRO_FPENV_FENCE(r);                                                            \
        repro_fpenv_leave(env);                                                          \
        return r;                                                                        \
    }
REPRO_MATH_EXT_PUBLIC(log1p, repro_dist_log1p_full)
REPRO_MATH_EXT_PUBLIC(expm1, repro_dist_expm1)
REPRO_MATH_EXT_PUBLIC(atan, repro_dist_atan)
REPRO_MATH_EXT_PUBLIC(sinpi, repro_dist_sinpi)
REPRO_MATH_EXT_PUBLIC(cospi, repro_dist_cospi)
