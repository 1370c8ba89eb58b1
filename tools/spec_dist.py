"""Independent pure-Python reference of the distributions of contract rr1
(docs/DISTRIBUTIONS.md): the library's deterministic math and every sampler,
written from that page, so that tools/spec_ref.py verify can recompute the golden
files tests/vectors/dist_*.txt without the C library.

Python's float is an IEEE-754 double and its + - * / and math.sqrt round correctly,
with no fused multiply-add; evaluated in the order the page gives, every operation
here rounds exactly as the C library's does, so the values agree bit for bit (a
division by zero, which Python refuses, goes through div()).  Standard library only.
"""
import math
import struct

M64 = (1 << 64) - 1
INF = float("inf")
DBL_MAX = 1.7976931348623157e308


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(u):
    return struct.unpack("<d", struct.pack("<Q", u & M64))[0]


def float_bits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def to_float32(x):
    """x rounded to binary32 (round to nearest even), as a Python float."""
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:  # rounds beyond FLT_MAX
        return math.copysign(INF, x)


NAN = from_bits(0x7FF8000000000000)


def div(a, b):
    """a / b with IEEE's answers for b = 0 (inf of the right sign, NaN for 0 / 0)."""
    if b != 0.0:
        return a / b
    if a != a or a == 0.0:
        return NAN
    neg = (a < 0.0) != (math.copysign(1.0, b) < 0.0)
    return -INF if neg else INF


def h(s):
    return float.fromhex(s)


# ---- deterministic math (DISTRIBUTIONS.md "Deterministic math") -------------------

LN2_HI, LN2_LO = h("0x1.62e42feep-1"), h("0x1.a39ef35793c76p-33")
LG = [h("0x1.5555555555593p-1"), h("0x1.999999997fa04p-2"), h("0x1.2492494229359p-2"),
      h("0x1.c71c51d8e78afp-3"), h("0x1.7466496cb03dep-3"), h("0x1.39a09d078c69fp-3"),
      h("0x1.2f112df3e5244p-3")]


def log(x):
    """fdlibm's e_log.c in the branch-free form of src/math/math_vec.h."""
    if not x > 0.0:
        return -INF if x == 0.0 else NAN
    if bits(x) >= 0x7FF0000000000000:
        return x
    k0 = 0
    if bits(x) < 0x0010000000000000:
        x *= 2.0 ** 54
        k0 = -54
    ix = bits(x)
    hx = ix >> 32
    k = (hx >> 20) - (1023 - k0)
    hx &= 0x000FFFFF
    i = (hx + 0x95F64) & 0x100000
    x = from_bits(((hx | (i ^ 0x3FF00000)) << 32) | (ix & 0xFFFFFFFF))
    k += i >> 20
    f = x - 1.0
    dk = float(k)
    s = f / (2.0 + f)
    z = s * s
    w = z * z
    t1 = w * (LG[1] + w * (LG[3] + w * LG[5]))
    t2 = z * (LG[0] + w * (LG[2] + w * (LG[4] + w * LG[6])))
    r = t2 + t1
    hfsq = 0.5 * f * f
    if ((hx - 0x6147A) | (0x6B851 - hx)) > 0:
        res = dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f)
    else:
        res = dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f)
    if (0x000FFFFF & (2 + hx)) < 3:  # |f| < 2^-20
        if f == 0.0:
            res = dk * LN2_HI + dk * LN2_LO
        else:
            r_small = f * f * (0.5 - 0.33333333333333333 * f)
            res = dk * LN2_HI - ((r_small - dk * LN2_LO) - f)
    return res


EXP_P = [h("0x1.555555555553ep-3"), h("-0x1.6c16c16bebd93p-9"), h("0x1.1566aaf25de2cp-14"),
         h("-0x1.bbd41c5d26bf1p-20"), h("0x1.6376972bea4d0p-25")]
LN2_D = h("0x1.62e42fefa39efp-1")


def exp(x):
    """fdlibm's e_exp.c (src/math/math.c)."""
    if x != x:
        return NAN
    if x > h("0x1.62e42fefa39efp+9"):
        return INF
    if x < h("-0x1.74910d52d3051p+9"):
        return 0.0
    ax = abs(x)
    hi, lo, k = x, 0.0, 0
    if ax > 0.5 * LN2_D:
        if ax < 1.5 * LN2_D:
            k = -1 if x < 0.0 else 1
            hi = x + LN2_HI if x < 0.0 else x - LN2_HI
            lo = -LN2_LO if x < 0.0 else LN2_LO
        else:
            k = int(h("0x1.71547652b82fep+0") * x + (-0.5 if x < 0.0 else 0.5))
            dk = float(k)
            hi = x - dk * LN2_HI
            lo = dk * LN2_LO
        x = hi - lo
    elif ax < 2.0 ** -28:
        return 1.0 + x
    t = x * x
    c = x - t * (EXP_P[0] + t * (EXP_P[1] + t * (EXP_P[2] + t * (EXP_P[3] + t * EXP_P[4]))))
    if k == 0:
        return 1.0 - ((x * c) / (c - 2.0) - x)
    y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi)
    if k >= -1021:
        return from_bits(bits(y) + (k << 52))
    return from_bits(bits(y) + ((k + 1000) << 52)) * 2.0 ** -1000


AS241 = {
    "a": [3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
          1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
          3.3430575583588128105e+4, 2.5090809287301226727e+3],
    "b": [1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
          2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
          5.2264952788528545610e+3],
    "c": [1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
          3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
          2.27238449892691845833e-2, 7.74545014278341407640e-4],
    "d": [1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
          1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
          1.05075007164441684324e-9],
    "e": [6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
          2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
          2.71155556874348757815e-5, 2.01033439929228813265e-7],
    "f": [1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
          7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
          2.04426310338993978564e-15],
}


def poly7(c, r):
    acc = c[7]
    for j in range(6, -1, -1):
        acc = acc * r + c[j]
    return acc


def inv_normal_cdf(u):
    """Wichura's AS241 (PPND16) with this module's log."""
    if not (0.0 < u < 1.0):
        return -INF if u == 0.0 else INF if u == 1.0 else NAN
    q = u - 0.5
    if -0.425 <= q <= 0.425:
        r = 0.180625 - q * q
        return q * poly7(AS241["a"], r) / poly7(AS241["b"], r)
    p = u if q < 0.0 else 1.0 - u
    r = math.sqrt(-log(p))
    if r <= 5.0:
        r -= 1.6
        x = poly7(AS241["c"], r) / poly7(AS241["d"], r)
    else:
        r -= 5.0
        x = poly7(AS241["e"], r) / poly7(AS241["f"], r)
    return -x if q < 0.0 else x


def log1p(x):
    """Goldberg's log1p (x > -1): log(u) x / (u - 1), u = 1 + x."""
    u = 1.0 + x
    if u == 1.0:
        return x
    return div(log(u) * x, u - 1.0)


def log1p_full(x):
    if x != x or x < -1.0:
        return NAN
    if x >= 2.0 ** 53:
        return log(x)
    return log1p(x)


def expm1(x):
    """fdlibm's s_expm1.c."""
    Q = [-3.33333333333331316428e-02, 1.58730158725481460165e-03, -7.93650757867487942473e-05,
         4.00821782732936239552e-06, -2.01099218183624371326e-07]
    ab = bits(x) & 0x7FFFFFFFFFFFFFFF
    neg = x < 0.0
    if ab >= 0x4043687A00000000:
        if ab > 0x7FF0000000000000:
            return NAN
        if neg:
            return -1.0
        if x > h("0x1.62e42fefa39efp+9"):
            return INF
    c, k = 0.0, 0
    if ab >= 0x3FD62E4300000000:
        if ab < 0x3FF0A2B200000000:
            hi = x + LN2_HI if neg else x - LN2_HI
            lo = -LN2_LO if neg else LN2_LO
            k = -1 if neg else 1
        else:
            k = int(h("0x1.71547652b82fep+0") * x + (-0.5 if neg else 0.5))
            t = float(k)
            hi = x - t * LN2_HI
            lo = t * LN2_LO
        x = hi - lo
        c = (hi - x) - lo
    elif ab < 0x3C90000000000000:
        return x
    hfx = 0.5 * x
    hxs = x * hfx
    r1 = 1.0 + hxs * (Q[0] + hxs * (Q[1] + hxs * (Q[2] + hxs * (Q[3] + hxs * Q[4]))))
    t = 3.0 - r1 * hfx
    e = hxs * ((r1 - t) / (6.0 - x * t))
    if k == 0:
        return x - (x * e - hxs)
    e = (x * (e - c) - c)
    e -= hxs
    if k == -1:
        return 0.5 * (x - e) - 0.5
    if k == 1:
        return -2.0 * (e - (x + 0.5)) if x < -0.25 else 1.0 + 2.0 * (x - e)
    if k <= -2 or k > 56:
        y = 1.0 - (e - x)
        y = y * 2.0 * 2.0 ** 1023 if k == 1024 else from_bits(bits(y) + (k << 52))
        return y - 1.0
    if k < 20:
        y = from_bits((0x3FF00000 - (0x200000 >> k)) << 32) - (e - x)
    else:
        y = x - (e + from_bits((0x3FF - k) << 52))
        y += 1.0
    return from_bits(bits(y) + (k << 52))


ATAN_HI = [4.63647609000806093515e-01, 7.85398163397448278999e-01, 9.82793723247329054082e-01,
           1.57079632679489655800e+00]
ATAN_LO = [2.26987774529616870924e-17, 3.06161699786838301793e-17, 1.39033110312309984516e-17,
           6.12323399573676603587e-17]
ATAN_T = [3.33333333333329318027e-01, -1.99999999998764832476e-01, 1.42857142725034663711e-01,
          -1.11111104054623557880e-01, 9.09088713343650656196e-02, -7.69187620504482999495e-02,
          6.66107313738753120669e-02, -5.83357013379057348645e-02, 4.97687799461593236017e-02,
          -3.65315727442169155270e-02, 1.62858201153657823623e-02]


def atan(x):
    """fdlibm's s_atan.c."""
    ab = bits(x) & 0x7FFFFFFFFFFFFFFF
    neg = x < 0.0
    if ab > 0x7FF0000000000000:
        return NAN
    if ab >= 0x4410000000000000:
        z = ATAN_HI[3] + ATAN_LO[3]
        return -z if neg else z
    t = from_bits(ab)
    if t < 0.4375:
        if t < 2.0 ** -27:
            return x
        ident, t = -1, x
    elif t < 0.6875:
        ident, t = 0, (2.0 * t - 1.0) / (2.0 + t)
    elif t < 1.1875:
        ident, t = 1, (t - 1.0) / (t + 1.0)
    elif t < 2.4375:
        ident, t = 2, (t - 1.5) / (1.0 + 1.5 * t)
    else:
        ident, t = 3, -1.0 / t
    T = ATAN_T
    z = t * t
    w = z * z
    s1 = z * (T[0] + w * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * T[10])))))
    s2 = w * (T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * T[9]))))
    if ident < 0:
        return t - t * (s1 + s2)
    r = ATAN_HI[ident] - ((t * (s1 + s2) - ATAN_LO[ident]) - t)
    return -r if neg else r


def _kernel_sin(x, y):
    S = [-1.66666666666666324348e-01, 8.33333333332248946124e-03, -1.98412698298579493134e-04,
         2.75573137070700676789e-06, -2.50507602534068634195e-08, 1.58969099521155010221e-10]
    z = x * x
    v = z * x
    r = S[1] + z * (S[2] + z * (S[3] + z * (S[4] + z * S[5])))
    return x - ((z * (0.5 * y - v * r) - y) - v * S[0])


def _kernel_cos(x, y):
    C = [4.16666666666666019037e-02, -1.38888888888741095749e-03, 2.48015872894767294178e-05,
         -2.75573143513906633035e-07, 2.08757232129817482790e-09, -1.13596475577881948265e-11]
    z = x * x
    w = z * z
    r = z * (C[0] + z * (C[1] + z * C[2])) + w * w * (C[3] + z * (C[4] + z * C[5]))
    hz = 0.5 * z
    v = 1.0 - hz
    return v + (((1.0 - v) - hz) + (z * r - x * y))


PI_HI, PI_LO = h("0x1.921fb54442d18p+1"), h("0x1.1a62633145c07p-53")
PI_A, PI_B = h("0x1.921fb58p+1"), h("-0x1.dde974p-26")


def _pi_times(r):
    """pi r as (hi, lo): Dekker's product of r and PI_HI (Veltkamp split), plus r PI_LO."""
    c = 134217729.0 * r
    rh = c - (c - r)
    rl = r - rh
    p = r * PI_HI
    e = ((rh * PI_A - p) + rh * PI_B + rl * PI_A) + rl * PI_B
    t = e + r * PI_LO
    hi = p + t
    return hi, t - (hi - p)


def _sincospi(x, want_cos):
    ab = bits(x) & 0x7FFFFFFFFFFFFFFF
    neg = bits(x) >> 63
    if ab >= 0x7FF0000000000000:
        return NAN
    a = from_bits(ab)
    if a >= 2.0 ** 52:
        if not want_cos:
            return -0.0 if neg else 0.0
        return -1.0 if a < 2.0 ** 53 and int(a) & 1 else 1.0
    m = int(a)
    f = a - float(m)
    flip_sin = flip_cos = m & 1
    if f > 0.5:
        f = 1.0 - f
        flip_cos ^= 1
    if f < 2.0 ** -500:
        r, lo = _pi_times(f * 2.0 ** 600)
        v = 1.0 if want_cos else r * 2.0 ** -600
    elif f <= 0.25:
        r, lo = _pi_times(f)
        v = _kernel_cos(r, lo) if want_cos else _kernel_sin(r, lo)
    else:
        r, lo = _pi_times(0.5 - f)
        v = _kernel_sin(r, lo) if want_cos else _kernel_cos(r, lo)
    if want_cos:
        return -v if flip_cos else v
    v = -v if flip_sin else v
    return -v if neg else v


def sinpi(x):
    return _sincospi(x, False)


def cospi(x):
    return _sincospi(x, True)


LN_SQRT_2PI = 0.91893853320467274178
LN_2PI = 1.8378770664093454836


def _log_factorial_sum(n):
    lf, j = 0.0, 2.0
    while j <= n:
        lf += log(j)
        j += 1.0
    return lf


def stirlerr(n):
    if n < 16.0:
        return _log_factorial_sum(n) - ((n + 0.5) * log(n) - n + LN_SQRT_2PI)
    nn = n * n
    return (1.0 / 12.0 - (1.0 / 360.0 - (1.0 / 1260.0 - (1.0 / 1680.0 - (1.0 / 1188.0) / nn)
                                         / nn) / nn) / nn) / n


def log_factorial(k):
    x = float(k)
    if k < 16:
        return _log_factorial_sum(x)
    return stirlerr(x) + ((x + 0.5) * log(x) - x + LN_SQRT_2PI)


def bd0(x, m):
    d = x - m
    if abs(d) < 0.1 * (x + m):
        v = d / (x + m)
        s, ej, v2, j = d * v, 2.0 * x * v, v * v, 3.0
        while True:
            ej *= v2
            s1 = s + ej / j
            if s1 == s:
                return s1
            s = s1
            j += 2.0
    return x * log(x / m) + m - x


def log_poisson_pmf(k, lam):
    if k == 0:
        return -lam
    x = float(k)
    return -stirlerr(x) - bd0(x, lam) - LN_SQRT_2PI - 0.5 * log(x)


def log_binomial_pmf(k, n, p, q):
    nf = float(n)
    if k == 0:
        return nf * log1p(-p)
    if k == n:
        return nf * log(p)
    x, y = float(k), float(n - k)
    lc = stirlerr(nf) - stirlerr(x) - stirlerr(y) - bd0(x, nf * p) - bd0(y, nf * q)
    lf = LN_2PI + log(x) + log1p(-x / nf)
    return lc - 0.5 * lf


# ---- draws of a stream (contract section 3) ------------------------------------------

class Draws:
    """The contract's draws on a tools/spec_ref.py Stream."""

    def __init__(self, stream):
        self.s = stream

    def u64(self):
        return self.s.u64()

    def double(self):
        return (self.s.u64() >> 11) * 2.0 ** -53

    def double_oc(self):
        return (float(self.s.u64() >> 11) + 1.0) * 2.0 ** -53

    def double_oo(self):
        return (float(self.s.u64() >> 11) + 0.5) * 2.0 ** -53

    def float(self):
        return (self.s.u32() >> 8) * 2.0 ** -24

    def normal(self):
        return inv_normal_cdf(self.double_oo())

    def exponential(self):
        return -log(self.double_oc())

    def u52(self):
        """((x >> 12) + 1/2) 2^-52: exact."""
        return (float(self.s.u64() >> 12) + 0.5) * 2.0 ** -52

    def bounded32(self, n):
        return self.s.bounded_u32(n & 0xFFFFFFFF)

    def bounded64(self, n):
        return self.s.bounded_u64(n & M64)

    def below(self, bound):
        """repro_shuffle's rule: a 32-bit bounded draw below 2^32, else 64-bit."""
        return self.bounded32(bound) if bound <= 0xFFFFFFFF else self.bounded64(bound)


# ---- the library's first samplers, used by the compound laws -------------------------

def gamma(d, shape, scale):
    """repro_fill_gamma: Marsaglia & Tsang, with the boost below shape 1; times scale."""
    boost = shape < 1.0
    dd = (shape + 1.0 if shape < 1.0 else shape) - 1.0 / 3.0
    c = div(1.0, math.sqrt(9.0 * dd))
    while True:
        x = d.normal()
        v = 1.0 + c * x
        if v <= 0.0:
            continue
        v = v * v * v
        u = d.double()
        x2 = x * x
        if u < 1.0 - 0.0331 * (x2 * x2) or log(u) < 0.5 * x2 + dd * (1.0 - v + log(v)):
            g = dd * v
            break
    if boost:
        g = g * exp(log(d.double_oc()) / shape)
    return g * scale


def _finite(x):
    return x - x == 0.0


def beta(d, a, b):
    """repro_fill_beta: Johnk for a, b <= 1 (in logs when both powers underflow), else
    X / (X + Y) of two gammas (with halves when the sum overflows)."""
    if a > 1.0 or b > 1.0:
        x = gamma(d, a, 1.0)
        y = gamma(d, b, 1.0)
        if not _finite(x + y):
            return (0.5 * x) / (0.5 * x + 0.5 * y)
        return x / (x + y)
    while True:
        lu, lv = log(d.double_oc()), log(d.double_oc())
        lx, ly = lu / a, lv / b
        x, y = exp(lx), exp(ly)
        if x + y > 1.0:
            continue
        if x + y > 0.0:
            return x / (x + y)
        t = ly - lx
        if not _finite(lx) and not _finite(ly):
            m = a if a < b else b
            t = (lv * (m / b) - lu * (m / a)) / m
        return 1.0 / (1.0 + exp(t))


def _invert_discrete(d, pmf0, bound, ratio):
    while True:
        u = d.double()
        pmf = cdf = pmf0
        k = 0
        while u >= cdf and k < bound:
            k += 1
            pmf *= ratio(k)
            cdf += pmf
        if u < cdf:
            return k


def poisson(d, lam):
    """repro_fill_poisson for one value."""
    if lam == 0.0:
        return 0
    if lam < 10.0:
        return _invert_discrete(d, exp(-lam), 110, lambda k: lam / float(k))
    slam = math.sqrt(lam)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    log_inv_alpha = log(1.1239 + 1.1328 / (b - 3.4))
    vr = 0.9277 - 3.6224 / (b - 2.0)
    while True:
        u = d.double() - 0.5
        v = d.double()
        us = 0.5 - abs(u)
        kf = (div(2.0 * a, us) + b) * u + lam + 0.43
        if not (kf >= 0.0 and kf < 2.0 ** 63):
            continue
        k = int(kf)
        if us >= 0.07 and v <= vr:
            return k
        if us < 0.013 and v > us:
            continue
        if log(v) + log_inv_alpha - log(a / (us * us) + b) <= log_poisson_pmf(k, lam):
            return k


def binomial(d, trials, p):
    """repro_fill_binomial for one value."""
    flip = p > 0.5
    pp = 1.0 - p if flip else p
    nf = float(trials)
    if trials == 0 or pp == 0.0:
        k = 0
    elif nf * pp < 10.0:
        q = 1.0 - pp
        k = _invert_discrete(d, exp(nf * log1p(-pp)), min(trials, 110),
                             lambda j: (nf - float(j) + 1.0) / float(j) * (pp / q))
    else:
        k = _btrs(d, trials, pp)
    return trials - k if flip else k


def _btrs(d, trials, p):
    n, q = float(trials), 1.0 - p
    spq = math.sqrt(n * p * q)
    b = 1.15 + 2.53 * spq
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    log_alpha = log((2.83 + 5.1 / b) * spq)
    vr = 0.92 - 4.2 / b
    m = min(int((n + 1.0) * p), trials)
    log_pmf_m = log_binomial_pmf(m, trials, p, q)
    while True:
        u = d.double() - 0.5
        v = d.double()
        us = 0.5 - abs(u)
        kf = (div(2.0 * a, us) + b) * u + c
        if not (kf >= 0.0 and kf < n + 1.0 and kf < 2.0 ** 64):
            continue
        k = int(kf)
        if k > trials:
            continue
        if us >= 0.07 and v <= vr:
            return k
        lhs = log(v) + log_alpha - log(a / (us * us) + b)
        if lhs <= log_binomial_pmf(k, trials, p, q) - log_pmf_m:
            return k


# ---- numpy's other laws (DISTRIBUTIONS.md) ---------------------------------------------

COUNT_MAX = 2 ** 63 - 1
PI_D = PI_HI
TWO_PI_HI, TWO_PI_LO = h("0x1.921fb544p+2"), h("0x1.0b4611a626331p-32")


def _ceil_count(x):
    if not x < 2.0 ** 63:
        return COUNT_MAX
    return max(1, math.ceil(x))


def _float_below(x):
    b = float_bits(x)
    b = 0x80000001 if x == 0.0 else b - 1 if x > 0.0 else b + 1
    return struct.unpack("<f", struct.pack("<I", b))[0]


def _below(x):
    b = bits(x)
    b = 0x8000000000000001 if x == 0.0 else b - 1 if x > 0.0 else b + 1
    return from_bits(b)


def uniform(d, a, b):
    """repro_fill_uniform: a + (b - a) u, halves when b - a overflows, below b."""
    u = d.double()
    width = b - a
    halves = width in (INF, -INF)
    lo = 0.5 * a if halves else a
    w = 0.5 * b - 0.5 * a if halves else width
    x = lo + w * u
    if halves:
        x = 2.0 * x
    return x if x < b else _below(b)


def integers(d, low, high):
    rng = (high - low) & M64
    if rng <= 0xFFFFFFFF:
        v = d.bounded32(rng + 1)
    else:
        v = d.bounded64(rng + 1)
    return ((low + v + 2 ** 63) & M64) - 2 ** 63


def uniform_float(d, a, b):
    u = d.float()
    width = to_float32(b - a)
    halves = width in (INF, -INF)
    lo = to_float32(0.5 * a) if halves else a
    w = to_float32(to_float32(0.5 * b) - to_float32(0.5 * a)) if halves else width
    x = to_float32(lo + to_float32(w * u))
    if halves:
        x = to_float32(2.0 * x)
    return x if x < b else _float_below(b)


def laplace(d, loc, scale):
    x = d.u64()
    u = (float(x >> 12) + 0.5) * 2.0 ** -52
    if x >> 63:
        return loc - scale * log(2.0 - 2.0 * u)
    return loc + scale * log(2.0 * u)


def logistic(d, loc, scale):
    x = d.u64()
    u = (float(x >> 12) + 0.5) * 2.0 ** -52
    a = 1.0 - u if x >> 63 else u
    l = log1p((2.0 * a - 1.0) / (1.0 - a))
    return loc - scale * l if x >> 63 else loc + scale * l


def triangular(d, left, mode, right):
    base = right - left
    f, g = (mode - left) / base, (right - mode) / base
    u = d.u52()
    y = left + base * math.sqrt(u * f) if u <= f else right - base * math.sqrt((1.0 - u) * g)
    return left if y < left else right if y > right else y


def wald(d, mean, scale):
    z = d.normal()
    y = mean * z * z
    q = div(4.0 * scale, y)
    v = mean
    if q != INF:
        c = 1.0 / (1.0 + math.sqrt(1.0 + q))
        v = mean * (q * c) * c
    u = d.u52()
    return v if u <= mean / (mean + v) else mean * div(mean, v)


def _machin_pi(prec):
    """pi 2^prec within a few units: Machin's 16 atan(1/5) - 4 atan(1/239) in integers."""
    def atan_inv(x):
        total = term = (1 << prec) // x
        n, sign = 1, 1
        while term:
            term //= x * x
            n, sign = n + 2, -sign
            total += sign * (term // n)
        return total
    return 16 * atan_inv(5) - 4 * atan_inv(239)


_PI_BIG = _machin_pi(1216 + 128)
INV_2PI_1216 = (1 << (2 * 1216 + 128)) // (2 * _PI_BIG)  # bits 1..1216 of 1/(2 pi)
TWO_PI_128 = (2 * _PI_BIG) >> (1216 + 128 - 125)  # floor(2 pi 2^125)


def reduce_2pi(mu):
    """mu - 2 pi k (k the integer nearest to mu / 2 pi), |mu| > pi: the fraction of
    m 2^e / (2 pi) from bits e + 1 .. e + 192 of 1/(2 pi), its top 128 bits g (1 - g
    and the sign flipped at or above 1/2), g 2 pi rounded to nearest."""
    b = bits(mu)
    e = ((b >> 52) & 0x7FF) - 1075
    m = (b & ((1 << 52) - 1)) | (1 << 52)
    window = (INV_2PI_1216 >> (1024 - e)) & ((1 << 192) - 1)
    g = ((m * window) & ((1 << 192) - 1)) >> 64
    neg = mu < 0.0
    if g >> 127:
        g, neg = (1 << 128) - g, not neg
    r = g * TWO_PI_128 / 2 ** 253  # int / int: correctly rounded
    return -r if neg else r


def _wrap(x):
    if x > PI_D:
        x = x - TWO_PI_HI - TWO_PI_LO
    elif x < -PI_D:
        x = x + TWO_PI_HI + TWO_PI_LO
    return -PI_D if x < -PI_D else PI_D if x > PI_D else x


def vonmises_setup(mu, kappa):
    if mu > PI_D or mu < -PI_D:
        mu = reduce_2pi(mu)
    if kappa < 1e-5:
        r = 1.0 / kappa + kappa if kappa > 0.0 else INF
    else:
        q = 1.0 + math.sqrt(1.0 + 4.0 * kappa * kappa)
        rho = (q - math.sqrt(2.0 * q)) / (2.0 * kappa)
        r = (1.0 + rho * rho) / (2.0 * rho)
    return mu, r


def vonmises(d, mu, kappa, r):
    if kappa < 1e-8:
        return PI_D * (2.0 * d.u52() - 1.0)
    if kappa > 1e6:
        return _wrap(mu + d.normal() / math.sqrt(kappa))
    while True:
        t = 2.0 * d.u52() - 1.0
        z = cospi(t)
        w = (1.0 + r * z) / (r + z)
        y = kappa * (r - w)
        v = d.u52()
        if y * (2.0 - y) - v >= 0.0 or log(y / v) + 1.0 - y >= 0.0:
            break
    w = 1.0 if w > 1.0 else -1.0 if w < -1.0 else w
    theta = 2.0 * atan(math.sqrt(div(1.0 - w, 1.0 + w)))
    return _wrap(mu - theta if t < 0.0 else mu + theta)


def _ratio(x1, x2):
    return x1 / x2 if x2 > 0.0 else INF


def standard_t(d, df):
    hdf = 0.5 * df
    z = d.normal()
    g = gamma(d, hdf, 1.0)
    return 0.0 if z == 0.0 else z * math.sqrt(div(hdf, g))


def noncentral_chisquare(d, df, nonc):
    if nonc == 0.0:
        return gamma(d, 0.5 * df, 2.0)
    if df > 1.0:
        c = gamma(d, 0.5 * (df - 1.0), 2.0)
        z = d.normal() + math.sqrt(nonc)
        return c + z * z
    i = float(poisson(d, 0.5 * nonc))
    return gamma(d, 0.5 * df + i, 2.0)


def negative_binomial(d, n, p):
    if p == 1.0:
        return 0
    y = gamma(d, n, (1.0 - p) / p)
    return poisson(d, y if y < 1e15 else 1e15)


def geometric(d, l1p):
    return _ceil_count(log(d.u52()) / l1p)


def logseries(d, p, r):
    v = d.u52()
    if v >= p:
        return 1
    q = -expm1(r * d.u52())
    if v <= q * q:
        x = 1.0 + log(v) / log(q)
        return int(x) if x < 2.0 ** 63 else COUNT_MAX
    return 1 if v >= q else 2


def zipf(d, am1, b1):
    while True:
        u = d.u52()
        v = d.u52()
        x = exp(-log(u) / am1)
        if not x < 2.0 ** 63:
            continue
        x = float(int(x))
        t1 = expm1(am1 * log1p(1.0 / x))
        if v * x * t1 / b1 <= (1.0 + t1) / (1.0 + b1):
            return int(x)


def _hyper_sequential(d, good, bad, sample):
    total = good + bad
    m = total - sample if sample > total // 2 else sample
    left, left_good = total, good
    while m > 0 and left_good > 0 and left > left_good:
        if d.below(left) < left_good:
            left_good -= 1
        left -= 1
        m -= 1
    if left == left_good:
        left_good -= m
    return left_good if sample > total // 2 else good - left_good


def _hyper_hrua(d, good, bad, sample):
    D1, D2 = 1.7155277699214135, 0.8989161620588988
    total = good + bad
    m = min(sample, total - sample)
    lo, hi = min(good, bad), max(good, bad)
    pop = float(total)
    p, q = float(lo) / pop, float(hi) / pop
    a = float(m) * p + 0.5
    var = float(total - m) * float(m) * p * q / (pop - 1.0)
    c = math.sqrt(var + 0.5)
    hh = D1 * c + D2
    mode = int(float(m + 1) * float(lo + 1) / (pop + 2.0))
    g = (log_factorial(mode) + log_factorial(lo - mode) + log_factorial(m - mode)
         + log_factorial(hi - m + mode))
    bound = float(min(m, lo) + 1)
    top = a + 16.0 * c
    if top < bound:
        bound = float(int(top))
    while True:
        u = d.u52()
        v = d.u52()
        x = a + hh * (v - 0.5) / u
        if x < 0.0 or x >= bound:
            continue
        k = int(x)
        t = g - (log_factorial(k) + log_factorial(lo - k) + log_factorial(m - k)
                 + log_factorial(hi - m + k))
        if u * (4.0 - u) - 3.0 <= t:
            break
        if u * (u - t) >= 1.0:
            continue
        if 2.0 * log(u) <= t:
            break
    if good > bad:
        k = m - k
    if m < sample:
        k = good - k
    return k


def hypergeometric(d, good, bad, sample):
    total = good + bad
    if 10 <= sample <= total - 10:
        return _hyper_hrua(d, good, bad, sample)
    return _hyper_sequential(d, good, bad, sample)


def dirichlet(d, alpha):
    ls, top = [], -DBL_MAX
    for a in alpha:
        if a >= 1.0:
            l = log(gamma(d, a, 1.0))
        else:
            lg = log(gamma(d, a + 1.0, 1.0))
            l = lg + log(d.double_oc()) / a
            if not l >= -DBL_MAX:
                l = -DBL_MAX
        ls.append(l)
        top = l if l > top else top
    xs, total = [], 0.0
    for l in ls:
        x = exp(l - top)
        xs.append(x)
        total += x
    return [x / total for x in xs]


def multinomial(d, trials, pvals):
    k = len(pvals)
    out, left, rest = [0] * k, trials, 1.0
    for j in range(k - 1):
        if left == 0:
            break
        p = 0.0 if pvals[j] == 0.0 else pvals[j] / rest if rest > pvals[j] else 1.0
        out[j] = binomial(d, left, p)
        left -= out[j]
        rest -= pvals[j]
    out[k - 1] += left
    return out


def mvnormal_factor(cov, dim):
    """repro_mvnormal_factor (the inputs are known to be valid here)."""
    big = max([0.0] + [cov[i * dim + i] for i in range(dim)])
    tol = 2.0 ** -40 * big * float(dim)
    L = [0.0] * (dim * dim)
    for j in range(dim):
        piv = cov[j * dim + j]
        for m in range(j):
            piv -= L[j * dim + m] * L[j * dim + m]
        ljj = math.sqrt(piv) if piv > tol else 0.0
        L[j * dim + j] = ljj
        for i in range(j + 1, dim):
            t = cov[i * dim + j]
            for m in range(j):
                t -= L[i * dim + m] * L[j * dim + m]
            L[i * dim + j] = t / ljj if ljj > 0.0 else 0.0
    return L


def mvnormal(d, mean, L, dim):
    z = [d.normal() for _ in range(dim)]
    out = []
    for i in range(dim):
        acc = 0.0
        for m in range(i + 1):
            acc += L[i * dim + m] * z[m]
        out.append(mean[i] + acc)
    return out


def alias_table(weights):
    """repro_alias_init: integer counts c_i, then Vose's pairing in place."""
    k = len(weights)

    def neumaier(ws):
        total, comp = 0.0, 0.0
        for w in ws:
            t = total + w
            comp += (total - t) + w if abs(total) >= w else (w - t) + total
            total = t
        return total + comp

    total = neumaier(weights)
    up = 2.0 ** 1000 if total < 2.0 ** -900 else 1.0  # tiny weights, scaled exactly
    if up != 1.0:
        total = neumaier([w * up for w in weights])
    nbits = 50 - k.bit_length()
    unit, T = 1 << nbits, k << nbits
    scale = float(T) / total
    cnt = [int(min(w * up * scale, float(T))) for w in weights]
    alias = list(range(k))
    s, i = sum(cnt), 0
    while s != T:
        if not (cnt[i] == 0 or (s > T and cnt[i] == 1)):
            if s < T:
                cnt[i] += 1
                s += 1
            else:
                cnt[i] -= 1
                s -= 1
        i = i + 1 if i + 1 < k else 0

    def nxt(i, small):
        while i < k and (cnt[i] >= unit if small else cnt[i] <= unit):
            i += 1
        return i

    sc, lg = nxt(0, True), nxt(0, False)
    cur = sc
    if sc < k:
        sc += 1
    while cur < k and lg < k:
        alias[cur] = lg
        cnt[lg] -= unit - cnt[cur]
        following = k
        if cnt[lg] <= unit:
            if cnt[lg] < unit and lg < sc:
                following = lg
            lg = nxt(lg + 1, False)
        if following == k:
            sc = nxt(sc, True)
            following = sc
            if sc < k:
                sc += 1
        cur = following
    for i in range(k):
        if cnt[i] >= unit:
            cnt[i], alias[i] = unit, i
    return k, 64 - nbits, cnt, alias


def choice(d, table):
    k, shift, thr, alias = table
    p = d.u64() * k
    j, c = p >> 64, p & M64
    return j if (c >> shift) < thr[j] else alias[j]


def _race_key(e, w):
    """E / w as an integer in the order of the values: q = E / m, w = m 2^p with m in
    [1, 2); (biased exponent of q - p + 2100) 2^52 + q's fraction bits (0 for q = 0)."""
    wb = bits(w)
    p, frac = wb >> 52, wb & ((1 << 52) - 1)
    if p == 0:  # subnormal
        p = 1
        while not frac >> 52:
            frac, p = frac << 1, p - 1
        frac &= (1 << 52) - 1
    q = e / from_bits((1023 << 52) | frac)
    if q == 0.0:
        return 0
    qb = bits(q)
    return (((qb >> 52) - p + 2100) << 52) | (qb & ((1 << 52) - 1))


def choice_weighted_without_replacement(d, k, weights):
    """The exponential race: key E_i / w_i per item (an exponential each, in index
    order), the k smallest (ties: the smaller index), ascending."""
    if k == 0:
        return []
    keys = []
    for i, w in enumerate(weights):
        e = d.exponential()
        if w > 0.0:
            keys.append((_race_key(e, w), i))
    return [i for _, i in sorted(keys)[:k]]


def choice_without_replacement(d, k, n):
    out = []
    while len(out) < k:
        out += [d.below(n) for _ in range(k - len(out))]
        out = sorted(set(out))
    for i in range(k - 1, 0, -1):  # repro_shuffle
        j = d.below(i + 1)
        out[i], out[j] = out[j], out[i]
    return out


# ---- golden-file records ----------------------------------------------------------------

def _params(text):
    return text.split(":")[1:]


def _hex64(x):
    return "%016x" % bits(x)


def _count(k):
    return "%016x" % (k & M64)


def _f32(x):
    return "%08x" % float_bits(x)


def record_values(stream, draw, nvalues):
    """The values (as the file writes them) of a record of nvalues values of `draw`, and
    whether draw is one of the laws this module knows."""
    name, par = draw.split(":")[0], _params(draw)
    fl = [float.fromhex(p) if "x" in p or "p" in p else float(p) for p in par]
    d = Draws(stream)

    def each(fn, fmt):
        return [fmt(fn()) for _ in range(nvalues)]

    if name == "normal":
        return each(d.normal, _hex64)
    if name == "exponential":
        return each(d.exponential, _hex64)
    if name == "gaussian":
        return each(lambda: fl[0] + fl[1] * d.normal(), _hex64)
    if name == "uniform":
        return each(lambda: uniform(d, fl[0], fl[1]), _hex64)
    if name == "bernoulli":
        return each(lambda: "%02x" % (d.double() < fl[0]), str)
    if name == "gamma":
        return each(lambda: gamma(d, fl[0], fl[1]), _hex64)
    if name == "beta":
        return each(lambda: beta(d, fl[0], fl[1]), _hex64)
    if name == "gamma_float":
        return each(lambda: to_float32(gamma(d, fl[0], fl[1])), _f32)
    if name == "exponential_scaled":
        return each(lambda: fl[0] * d.exponential(), _hex64)
    if name == "poisson":
        return each(lambda: poisson(d, fl[0]), _count)
    if name == "binomial":
        return each(lambda: binomial(d, int(par[0]), fl[1]), _count)
    if name == "integers":
        return each(lambda: integers(d, int(par[0]), int(par[1])), _count)
    if name == "normal_float":
        return each(lambda: to_float32(d.normal()), _f32)
    if name == "exponential_float":
        return each(lambda: to_float32(d.exponential()), _f32)
    if name == "uniform_float":
        return each(lambda: uniform_float(d, fl[0], fl[1]), _f32)
    if name == "lognormal":
        return each(lambda: exp(fl[0] + fl[1] * d.normal()), _hex64)
    if name == "standard_cauchy":
        return each(lambda: (lambda t: sinpi(t) / cospi(t))(d.u52() - 0.5), _hex64)
    if name == "laplace":
        return each(lambda: laplace(d, fl[0], fl[1]), _hex64)
    if name == "logistic":
        return each(lambda: logistic(d, fl[0], fl[1]), _hex64)
    if name == "gumbel":
        return each(lambda: fl[0] - fl[1] * log(-log(d.u52())), _hex64)
    if name == "rayleigh":
        return each(lambda: fl[0] * math.sqrt(-2.0 * log(d.u52())), _hex64)
    if name == "weibull":
        return each(lambda: (lambda e: 0.0 if fl[0] == 0.0 else exp(log(e) / fl[0]))(
            -log(d.u52())), _hex64)
    if name == "pareto":
        return each(lambda: expm1(-log(d.u52()) / fl[0]), _hex64)
    if name == "power":
        return each(lambda: exp(log(d.u52()) / fl[0]), _hex64)
    if name == "triangular":
        return each(lambda: triangular(d, *fl), _hex64)
    if name == "wald":
        return each(lambda: wald(d, fl[0], fl[1]), _hex64)
    if name == "vonmises":
        mu, r = vonmises_setup(fl[0], fl[1])
        return each(lambda: vonmises(d, mu, fl[1], r), _hex64)
    if name == "chisquare":
        return each(lambda: gamma(d, 0.5 * fl[0], 2.0), _hex64)
    if name == "standard_t":
        return each(lambda: standard_t(d, fl[0]), _hex64)
    if name == "f":
        return each(lambda: _ratio(gamma(d, 0.5 * fl[0], 1.0) / fl[0],
                                   gamma(d, 0.5 * fl[1], 1.0) / fl[1]), _hex64)
    if name == "noncentral_chisquare":
        return each(lambda: noncentral_chisquare(d, fl[0], fl[1]), _hex64)
    if name == "noncentral_f":
        return each(lambda: _ratio(noncentral_chisquare(d, fl[0], fl[2]) / fl[0],
                                   gamma(d, 0.5 * fl[1], 2.0) / fl[1]), _hex64)
    if name == "negative_binomial":
        return each(lambda: negative_binomial(d, fl[0], fl[1]), _count)
    if name == "geometric":
        l1p = log1p_full(-fl[0])
        return each(lambda: geometric(d, l1p), _count)
    if name == "logseries":
        r = log1p_full(-fl[0])
        return each(lambda: logseries(d, fl[0], r), _count)
    if name == "zipf":
        am1 = fl[0] - 1.0
        b1 = expm1(am1 * h("0x1.62e42fefa39efp-1"))
        return each(lambda: 1 if fl[0] >= 1025.0 else zipf(d, am1, b1), _count)
    if name == "hypergeometric":
        g, b, s = (int(p) for p in par)
        return each(lambda: hypergeometric(d, g, b, s), _count)
    if name == "dirichlet":
        return [_hex64(x) for _ in range(nvalues // len(fl)) for x in dirichlet(d, fl)]
    if name == "multinomial":
        k = len(fl) - 1
        return [_count(x) for _ in range(nvalues // k)
                for x in multinomial(d, int(par[0]), fl[1:])]
    if name == "multivariate_normal":
        dim = 1
        while dim * dim + dim < len(fl):
            dim += 1
        L = mvnormal_factor(fl[dim:], dim)
        return [_hex64(x) for _ in range(nvalues // dim) for x in mvnormal(d, fl[:dim], L, dim)]
    if name == "choice":
        table = alias_table(fl)
        return each(lambda: choice(d, table), _count)
    if name == "choice_weighted_without_replacement":
        k = int(par[0])
        return [_count(x) for _ in range(nvalues // k)
                for x in choice_weighted_without_replacement(d, k, fl[1:])]
    if name == "choice_without_replacement":
        return [_count(x) for x in choice_without_replacement(d, nvalues, int(par[0]))]
    return None
