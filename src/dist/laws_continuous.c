/* Continuous laws of numpy's Generator as transforms of the contract's fills: the
 * float32 variants of normal, exponential and uniform, lognormal, standard_cauchy,
 * exponential with a scale, laplace, logistic, gumbel, weibull, pareto, rayleigh,
 * triangular, power and wald (a fixed number of words per value: each has an _at
 * form), and the float32 gamma and vonmises (rejection).  Every formula is evaluated
 * in the order written, with the library's own log, exp, expm1, log1p, sinpi, cospi
 * and atan (docs/DISTRIBUTIONS.md).  The per-value transforms run on the active ISA's
 * vectors (src/kernels/laws_vec.h) through one chunked driver, repro_law_fill. */
#include "dist/laws.h"
#include "core/philox.h" /* repro_mulhilo64 */
#include "kernels/convert.h" /* repro_u64_to_double_oo */

#define PI_D 0x1.921fb54442d18p+1  /* pi rounded to double (below pi) */
#define TWO_PI_HI 0x1.921fb54400000p+2 /* 2 pi = TWO_PI_HI + TWO_PI_LO; the high part has */
#define TWO_PI_LO 0x1.0b4611a626331p-32 /* 33 trailing zero bits: k TWO_PI_HI exact, |k| < 2^20 */

/* The largest float below x (x finite, > -FLT_MAX). */
static float below_f(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    u = x == 0.0f ? 0x80000001u : x > 0.0f ? u - 1 : u + 1;
    memcpy(&x, &u, sizeof x);
    return x;
}

static int finite_f(float x)
{
    return x - x == 0.0f;
}

/* ---- the transform laws ------------------------------------------------------------ */

static int fill_words(repro_stream *s, double *out, size_t n)
{
    return repro_fill_u64(s, (uint64_t *)(void *)out, n); /* read back through memcpy */
}

/* Chunk by chunk (16 KiB: transformed while in L1, one pass over out), the fill that op
 * transforms into out, then the active ISA's transform in place. */
int repro_law_fill(repro_stream *s, double *out, size_t n, enum repro_law_op op,
                   const double *p)
{
    int (*fill)(repro_stream *, double *, size_t) =
        op == REPRO_LAW_UNIFORM     ? repro_fill_double
        : op == REPRO_LAW_SCALE     ? repro_fill_exponential
        : op == REPRO_LAW_LOGNORMAL ? repro_fill_normal
                                    : fill_words;
    const repro_isa_table *isa = repro_isa_active();
    enum { CHUNK = 2048 };
    int rc = REPRO_OK;
    for (size_t i = 0; rc == REPRO_OK && i < n; i += CHUNK) {
        size_t k = n - i < CHUNK ? n - i : CHUNK;
        rc = fill(s, out + i, k);
        if (rc == REPRO_OK)
            isa->law(op, out + i, k, p);
    }
    return rc;
}

/* ---- float32 variants ------------------------------------------------------------ */

/* The double draws of `fill`, rounded to float: 2 words per value.  Four at a time
 * through vector types (one conversion instruction per register, whatever the
 * compiler's loop vectoriser does at -O2). */
typedef double rounded_d4 __attribute__((vector_size(32)));
typedef float rounded_f4 __attribute__((vector_size(16)));
static int fill_rounded(repro_stream *s, float *out, size_t n,
                        int (*fill)(repro_stream *, double *, size_t))
{
    int rc = repro_fill_check(s, out, n);
    double d[REPRO_LAW_CHUNK];
    for (size_t i = 0; rc == REPRO_OK && i < n; i += REPRO_LAW_CHUNK) {
        size_t k = n - i < REPRO_LAW_CHUNK ? n - i : REPRO_LAW_CHUNK, j = 0;
        rc = fill(s, d, k);
#if defined(__clang__) || __GNUC__ >= 9 /* __builtin_convertvector */
        for (; j + 4 <= k; j += 4) {
            rounded_d4 v;
            memcpy(&v, d + j, sizeof v);
            rounded_f4 f = __builtin_convertvector(v, rounded_f4);
            memcpy(out + i + j, &f, sizeof f);
        }
#endif
        for (; j < k; j++)
            out[i + j] = (float)d[j];
    }
    return rc;
}

static REPRO_NOINLINE int law_normal_float(repro_stream *s, float *out, size_t n)
{
    return fill_rounded(s, out, n, repro_fill_normal);
}

static REPRO_NOINLINE int law_exponential_float(repro_stream *s, float *out, size_t n)
{
    return fill_rounded(s, out, n, repro_fill_exponential);
}

/* repro_fill_gamma's draws rounded to float; at or above FLT_MAX + half its ulp
 * (rounding would overflow) +inf, as IEEE conversion gives, said here because C leaves
 * an out-of-range conversion undefined.  Rejection: no _at form. */
static REPRO_NOINLINE int law_gamma_float(repro_stream *s, float *out, size_t n, double shape,
                                          double scale)
{
    int rc = repro_fill_check(s, out, n);
    double d[REPRO_LAW_CHUNK];
    if (rc == REPRO_OK) /* the parameters, also when n is 0 */
        rc = repro_fill_gamma(s, d, 0, shape, scale);
    for (size_t i = 0; rc == REPRO_OK && i < n; i += REPRO_LAW_CHUNK) {
        size_t k = n - i < REPRO_LAW_CHUNK ? n - i : REPRO_LAW_CHUNK;
        rc = repro_fill_gamma(s, d, k, shape, scale);
        for (size_t j = 0; j < k; j++)
            out[i + j] = d[j] < 0x1.ffffffp+127 ? (float)d[j] : (float)(1.0 / 0.0);
    }
    return rc;
}

/* repro_fill_uniform in float arithmetic on the float draws (1 word per value). */
static REPRO_NOINLINE int law_uniform_float(repro_stream *s, float *out, size_t n, float a,
                                            float b)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!finite_f(a) || !finite_f(b) || !(a < b))
        return REPRO_ERR_PARAM;
    rc = repro_fill_float(s, out, n);
    /* One float operation per assignment: C11 rounds to float there, whatever
     * FLT_EVAL_METHOD (gcc -std=c11 on s390x evaluates float in double, so lo + w * u
     * would round once, as a fused multiply-add).  When b - a overflows, work with
     * halves (exact scaling by 2). */
    float width = b - a;
    int halves = !finite_f(width);
    float ha = 0.5f * a, hb = 0.5f * b;
    float lo = halves ? ha : a, w = halves ? hb - ha : width;
    float below_b = below_f(b);
    for (size_t i = 0; rc == REPRO_OK && i < n; i++) {
        float wu = w * out[i];
        float x = lo + wu;
        if (halves)
            x = 2.0f * x;
        out[i] = x < b ? x : below_b;
    }
    return rc;
}

/* ---- transforms of normals -------------------------------------------------------- */

static REPRO_NOINLINE int law_lognormal(repro_stream *s, double *out, size_t n, double mean,
                                        double sigma)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!repro_law_finite(mean) || !repro_law_finite(sigma) || !(sigma >= 0.0))
        return REPRO_ERR_PARAM;
    const double p[2] = {mean, sigma};
    return repro_law_fill(s, out, n, REPRO_LAW_LOGNORMAL, p);
}

/* ---- transforms of U52 uniforms --------------------------------------------------- */

/* tan(pi (u - 1/2)) = sin(pi t) / cos(pi t), t = u - 1/2 exact in (-1/2, 1/2). */
static REPRO_NOINLINE int law_standard_cauchy(repro_stream *s, double *out, size_t n)
{
    int rc = repro_fill_check(s, out, n);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_CAUCHY, NULL) : rc;
}

/* The scale laws: loc + scale * (a function of U52).  scale >= 0, both finite. */
static int check_loc_scale(const repro_stream *s, const double *out, size_t n, double loc,
                           double scale)
{
    int rc = repro_fill_check(s, out, n);
    if (rc == REPRO_OK &&
        (!repro_law_finite(loc) || !repro_law_finite(scale) || !(scale >= 0.0)))
        rc = REPRO_ERR_PARAM;
    return rc;
}

/* numpy's exponential(scale): scale times the contract's exponential (2 words). */
static REPRO_NOINLINE int law_exponential_scaled(repro_stream *s, double *out, size_t n,
                                                 double scale)
{
    int rc = check_loc_scale(s, out, n, 0.0, scale);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_SCALE, &scale) : rc;
}

/* u < 1/2 (the top bit of x clear): loc + scale log(2u); else loc - scale log(2 - 2u). */
static REPRO_NOINLINE int law_laplace(repro_stream *s, double *out, size_t n, double loc,
                                      double scale)
{
    const double p[2] = {loc, scale};
    int rc = check_loc_scale(s, out, n, loc, scale);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_LAPLACE, p) : rc;
}

/* log(u / (1 - u)) with a = min(u, 1 - u), d = (2a - 1) / (1 - a) (2a - 1 and 1 - a
 * exact): log(a / (1 - a)) = log1p(d) as repro_dist_log1p computes it, the sign
 * restored from u's half. */
static REPRO_NOINLINE int law_logistic(repro_stream *s, double *out, size_t n, double loc,
                                       double scale)
{
    const double p[2] = {loc, scale};
    int rc = check_loc_scale(s, out, n, loc, scale);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_LOGISTIC, p) : rc;
}

/* loc - scale log(e), e = -log(u) in (0, 36.05]. */
static REPRO_NOINLINE int law_gumbel(repro_stream *s, double *out, size_t n, double loc,
                                     double scale)
{
    const double p[2] = {loc, scale};
    int rc = check_loc_scale(s, out, n, loc, scale);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_GUMBEL, p) : rc;
}

/* scale sqrt(-2 log u). */
static REPRO_NOINLINE int law_rayleigh(repro_stream *s, double *out, size_t n, double scale)
{
    int rc = check_loc_scale(s, out, n, 0.0, scale);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_RAYLEIGH, &scale) : rc;
}

/* The shape laws of numpy: a > 0 (weibull: a >= 0), finite. */
static int check_shape(const repro_stream *s, const double *out, size_t n, double a,
                       int zero_ok)
{
    int rc = repro_fill_check(s, out, n);
    if (rc == REPRO_OK && (!repro_law_finite(a) || !(zero_ok ? a >= 0.0 : a > 0.0)))
        rc = REPRO_ERR_PARAM;
    return rc;
}

/* e^(log(e) / a), e = -log(u); a = 0 gives 0 (numpy's convention). */
static REPRO_NOINLINE int law_weibull(repro_stream *s, double *out, size_t n, double a)
{
    int rc = check_shape(s, out, n, a, 1);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_WEIBULL, &a) : rc;
}

/* numpy's pareto (Lomax, Pareto II with minimum 0): expm1(e / a), e = -log(u). */
static REPRO_NOINLINE int law_pareto(repro_stream *s, double *out, size_t n, double a)
{
    int rc = check_shape(s, out, n, a, 0);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_PARETO, &a) : rc;
}

/* u^(1/a) = e^(log(u) / a). */
static REPRO_NOINLINE int law_power(repro_stream *s, double *out, size_t n, double a)
{
    int rc = check_shape(s, out, n, a, 0);
    return rc == REPRO_OK ? repro_law_fill(s, out, n, REPRO_LAW_POWER, &a) : rc;
}

/* Inversion: with base = right - left, f = (mode - left) / base and
 * g = (right - mode) / base: u <= f gives left + base sqrt(u f), else
 * right - base sqrt((1 - u) g); the result clamped to [left, right]. */
static REPRO_NOINLINE int law_triangular(repro_stream *s, double *out, size_t n, double left,
                                         double mode, double right)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    double base = right - left;
    if (!repro_law_finite(left) || !repro_law_finite(right) || !repro_law_finite(base) ||
        !(left <= mode && mode <= right && left < right))
        return REPRO_ERR_PARAM;
    const double p[5] = {left, base, (mode - left) / base, right, (right - mode) / base};
    return repro_law_fill(s, out, n, REPRO_LAW_TRIANGULAR, p);
}

/* Michael, Schucany & Haas (1976), numpy's method in a cancellation-free form: per value
 * a normal z then u = U52 (4 words); y = mean z^2, q = 4 scale / y,
 * c = 1 / (1 + sqrt(1 + q)), x = mean (q c) c (x = mean when q = inf: y = 0);
 * u <= mean / (mean + x) gives x, else mean (mean / x). */
static REPRO_NOINLINE int law_wald(repro_stream *s, double *out, size_t n, double mean,
                                   double scale)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!repro_law_finite(mean) || !repro_law_finite(scale) || !(mean > 0.0) ||
        !(scale > 0.0))
        return REPRO_ERR_PARAM;
    enum { K = REPRO_LAW_CHUNK / 2 };
    const double p[2] = {mean, scale};
    const repro_isa_table *isa = repro_isa_active();
    uint64_t x[2 * K];
    double z[K];
    for (size_t i = 0; rc == REPRO_OK && i < n; i += K) {
        size_t k = n - i < K ? n - i : K;
        rc = repro_fill_u64(s, x, 2 * k);
        for (size_t j = 0; j < k; j++) /* contract section 3's (0,1) double */
            z[j] = repro_u64_to_double_oo(x[2 * j]);
        repro_math_inv_normal_cdf_array(z, z, k);
        for (size_t j = 0; j < k; j++) /* the normals into the pairs' first slots */
            memcpy(&x[2 * j], &z[j], sizeof z[j]);
        isa->law(REPRO_LAW_WALD, x, k, p);
        for (size_t j = 0; j < k; j++)
            memcpy(&out[i + j], &x[2 * j], sizeof out[i + j]);
    }
    return rc;
}

/* ---- von Mises (rejection) ---------------------------------------------------------- */

/* 1/(2 pi) in binary: word j holds bits 64 j + 1 .. 64 j + 64 after the point.  1216
 * bits: a double's last bit is worth at most 2^971, and 192 more are used. */
static const uint64_t INV_2PI[19] = {
    0x28be60db9391054au, 0x7f09d5f47d4d3770u, 0x36d8a5664f10e410u, 0x7f9458eaf7aef158u,
    0x6dc91b8e909374b8u, 0x01924bba82746487u, 0x3f877ac72c4a69cfu, 0xba208d7d4baed121u,
    0x3a671c09ad17df90u, 0x4e64758e60d4ce7du, 0x272117e2ef7e4a0eu, 0xc7fe25fff7816603u,
    0xfbcbc462d6829b47u, 0xdb4d9fb3c9f2c26du, 0xd3d18fd9a797fa8bu, 0x5d49eeb1faf97c5eu,
    0xcf41ce7de294a4bau, 0x9afed7ec47e35742u, 0x1580cc11bf1edaeau};
/* floor(2 pi 2^125): 2 pi in 128 bits, high word first. */
static const uint64_t TWO_PI_128[2] = {0xc90fdaa22168c234u, 0xc4c6628b80dc1cd1u};

/* Bits pos + 1 .. pos + 64 of 1/(2 pi) (pos >= -64); those before the point are 0. */
static uint64_t inv_2pi_bits(int pos)
{
    int q = pos >= 0 ? pos / 64 : -1; /* floor(pos / 64) */
    unsigned r = (unsigned)(pos - 64 * q);
    uint64_t hi = q >= 0 ? INV_2PI[q] : 0, lo = q + 1 < 19 ? INV_2PI[q + 1] : 0;
    return r ? hi << r | lo >> (64 - r) : hi;
}

/* mu - 2 pi k, k the integer nearest to mu / (2 pi), for any finite |mu| > pi, in
 * integers (Payne & Hanek): mu = m 2^e (m < 2^53), f = the fraction of m 2^e / (2 pi)
 * from bits e + 1 .. e + 192 of 1/(2 pi), truncated to 128 bits (error below 2^-127);
 * g = f, or 1 - f when f >= 1/2 (the sign then negative); g times the 128-bit 2 pi
 * rounded to the nearest double (ties to even), the sign of mu applied. */
static double reduce_2pi(double mu)
{
    uint64_t b, h0, h1, h2;
    memcpy(&b, &mu, sizeof b);
    int e = (int)((b >> 52) & 0x7ff) - 1075;
    uint64_t m = (b & 0xfffffffffffffu) | 0x10000000000000u;
    uint64_t l0 = repro_mulhilo64(m, inv_2pi_bits(e), &h0);
    uint64_t l1 = repro_mulhilo64(m, inv_2pi_bits(e + 64), &h1);
    (void)repro_mulhilo64(m, inv_2pi_bits(e + 128), &h2);
    /* the fraction's top 128 bits g1:g0 (the integer part above is dropped) */
    uint64_t g0 = l1 + h2, g1 = l0 + h1 + (g0 < h2);
    int neg = (int)(b >> 63);
    if (g1 >> 63) { /* 1 - f, modulo 2^128 */
        g0 = ~g0 + 1;
        g1 = ~g1 + (g0 == 0);
        neg ^= 1;
    }
    if ((g1 | g0) == 0)
        return 0.0;
    int z = 0; /* normalise g: its top bit at 127 */
    for (; !(g1 >> 63); z++) {
        g1 = g1 << 1 | g0 >> 63;
        g0 <<= 1;
    }
    /* P = g 2pi (256 bits, P3 the top word), in [2^254, 2^256) */
    uint64_t a1, b1, d1, e1;
    uint64_t a0 = repro_mulhilo64(g0, TWO_PI_128[1], &a1);
    uint64_t b0 = repro_mulhilo64(g0, TWO_PI_128[0], &b1);
    uint64_t d0 = repro_mulhilo64(g1, TWO_PI_128[1], &d1);
    uint64_t e0 = repro_mulhilo64(g1, TWO_PI_128[0], &e1);
    uint64_t p1 = a1 + b0, c = p1 < b0;
    p1 += d0;
    c += p1 < d0;
    uint64_t p2 = b1 + d1, cc = p2 < d1;
    p2 += e0;
    cc += p2 < e0;
    p2 += c;
    cc += p2 < c;
    uint64_t p3 = e1 + cc;
    /* the value is P 2^-(253 + z), of exponent 1 + top - z: 53 bits from P's top bit,
     * then round and sticky; mant's leading bit (2^52) adds 1 to the exponent field */
    unsigned top = (unsigned)(p3 >> 63), drop = 10 + top;
    uint64_t mant = p3 >> drop, rest = p3 & (((uint64_t)1 << drop) - 1);
    uint64_t half = (uint64_t)1 << (drop - 1);
    int up = rest > half || (rest == half && ((p2 | p1 | a0) != 0 || (mant & 1)));
    uint64_t bits = ((uint64_t)(1023 + (int)top - z) << 52) + mant + (uint64_t)up;
    bits |= (uint64_t)neg << 63;
    double r;
    memcpy(&r, &bits, sizeof r);
    return r;
}

/* x + k 2 pi brought into [-pi, pi] (|x| <= 3 pi here): one step of 2 pi. */
static double wrap(double x)
{
    if (x > PI_D)
        x = x - TWO_PI_HI - TWO_PI_LO;
    else if (x < -PI_D)
        x = x + TWO_PI_HI + TWO_PI_LO;
    return x < -PI_D ? -PI_D : x > PI_D ? PI_D : x;
}

/* Best & Fisher (1979) as numpy has it, with z = cos(pi t) for t = 2u - 1 uniform in
 * (-1, 1), whose sign then gives the sign of the angle (no third uniform):
 *   kappa < 1e-8: pi t, t = 2 U52 - 1 (uniform on the circle; 2 words).
 *   kappa > 1e6: wrap(mu' + z / sqrt(kappa)), z a normal (the wrapped normal; 2 words).
 *   else, per attempt t = 2 U52 - 1 then v = U52: z = cospi(t), w = (1 + s z) / (s + z),
 *     y = kappa (s - w); accept when y (2 - y) - v >= 0 or log(y / v) + 1 - y >= 0;
 *     then wrap(mu' +- acos(w)), acos(w) = 2 atan(sqrt((1 - w) / (1 + w))) with w
 *     clamped to [-1, 1], minus when t < 0.
 * mu' is mu reduced modulo 2 pi (reduce_2pi) when |mu| > pi. */
static double vonmises_limit(repro_stream *s, double mu, double kappa)
{
    if (kappa < 1e-8)
        return PI_D * (2.0 * repro_u52(repro_next_u64(s)) - 1.0);
    return wrap(mu + repro_next_normal(s) / repro_dist_sqrt(kappa));
}

/* The value of an accepted attempt. */
static double vonmises_value(double mu, double w, double t)
{
    w = w > 1.0 ? 1.0 : w < -1.0 ? -1.0 : w;
    double theta = 2.0 * repro_dist_atan(repro_dist_sqrt((1.0 - w) / (1.0 + w)));
    return wrap(t < 0.0 ? mu - theta : mu + theta);
}

/* The attempts in batches, speculatively: the active ISA computes each attempt of a
 * batch from its own two draws (REPRO_LAW_VONMISES, p = kappa, s), the accepted ones in
 * order give the values, and the stream is sought back to just after the last attempt
 * used: the values and the words consumed are those of one attempt at a time. */
static void vonmises_batches(repro_stream *s, double *out, size_t n, double mu,
                             const double p[2])
{
    enum { M = 256 }; /* attempts per batch: 4 KiB of draws */
    uint64_t a[2 * M];
    const repro_isa_table *isa = repro_isa_active();
    for (size_t k = 0; k < n;) {
        /* every kappa accepts about 2 attempts in 3 or more: 1.5 per value left, so
         * that a short fill draws few attempts it does not use */
        size_t rest = n - k;
        size_t m = rest < M / 2 ? rest + rest / 2 + 2 : M;
        uint64_t start = repro_stream_tell(s);
        repro_fill_u64(s, a, 2 * m);
        isa->law(REPRO_LAW_VONMISES, a, m, p);
        size_t j = 0;
        for (; j < m && k < n; j++) {
            double w, t;
            memcpy(&w, &a[2 * j], sizeof w);
            memcpy(&t, &a[2 * j + 1], sizeof t);
            if (t != 2.0) /* accepted */
                out[k++] = vonmises_value(mu, w, t);
        }
        if (j < m)
            repro_stream_seek(s, start + 4 * (uint64_t)j);
    }
}

static REPRO_NOINLINE int law_vonmises(repro_stream *s, double *out, size_t n, double mu,
                                       double kappa)
{
    int rc = repro_fill_check(s, out, n);
    if (rc != REPRO_OK)
        return rc;
    if (!repro_law_finite(mu) || !repro_law_finite(kappa) || !(kappa >= 0.0))
        return REPRO_ERR_PARAM;
    if (mu > PI_D || mu < -PI_D)
        mu = reduce_2pi(mu);
    if (kappa < 1e-8 || kappa > 1e6) {
        for (size_t i = 0; i < n; i++)
            out[i] = vonmises_limit(s, mu, kappa);
        return REPRO_OK;
    }
    /* The envelope's parameter (numpy's s): 1/kappa + kappa below 1e-5, else
     * (1 + rho^2) / (2 rho), rho = (r - sqrt(2 r)) / (2 kappa), r = 1 + sqrt(1 + 4 kappa^2). */
    double r;
    if (kappa < 1e-5) {
        r = 1.0 / kappa + kappa;
    } else {
        double q = 1.0 + repro_dist_sqrt(1.0 + 4.0 * kappa * kappa);
        double rho = (q - repro_dist_sqrt(2.0 * q)) / (2.0 * kappa);
        r = (1.0 + rho * rho) / (2.0 * rho);
    }
    const double p[2] = {kappa, r};
    vonmises_batches(s, out, n, mu, p);
    return REPRO_OK;
}

/* ---- public entry points ------------------------------------------------------------ */

REPRO_LAW_PUBLIC_AT(normal_float, float, (), ())
REPRO_LAW_PUBLIC_AT(exponential_float, float, (), ())
REPRO_LAW_PUBLIC(gamma_float, float, (, double shape, double scale), (, shape, scale))
REPRO_LAW_PUBLIC_AT(uniform_float, float, (, float a, float b), (, a, b))
REPRO_LAW_PUBLIC_AT(lognormal, double, (, double mean, double sigma), (, mean, sigma))
REPRO_LAW_PUBLIC_AT(standard_cauchy, double, (), ())
REPRO_LAW_PUBLIC_AT(exponential_scaled, double, (, double scale), (, scale))
REPRO_LAW_PUBLIC_AT(laplace, double, (, double loc, double scale), (, loc, scale))
REPRO_LAW_PUBLIC_AT(logistic, double, (, double loc, double scale), (, loc, scale))
REPRO_LAW_PUBLIC_AT(gumbel, double, (, double loc, double scale), (, loc, scale))
REPRO_LAW_PUBLIC_AT(rayleigh, double, (, double scale), (, scale))
REPRO_LAW_PUBLIC_AT(weibull, double, (, double a), (, a))
REPRO_LAW_PUBLIC_AT(pareto, double, (, double a), (, a))
REPRO_LAW_PUBLIC_AT(power, double, (, double a), (, a))
REPRO_LAW_PUBLIC_AT(triangular, double, (, double left, double mode, double right),
                    (, left, mode, right))
REPRO_LAW_PUBLIC_AT(wald, double, (, double mean, double scale), (, mean, scale))
REPRO_LAW_PUBLIC(vonmises, double, (, double mu, double kappa), (, mu, kappa))
