/* The per-value transforms of the continuous laws of src/dist/laws_continuous.c and
 * of repro_fill_uniform, one body for every width: included after math/math_vec.h by
 * each src/kernels/simd/<isa>.c (its vectors) and by src/kernels/laws_ref.c (one lane, the
 * scalar table).  Each value is computed by the IEEE operations of
 * docs/DISTRIBUTIONS.md in their order, lane by lane, every branch computed and
 * selected per lane: the same bits at every width.  In place on n 8-byte values
 * (any 4-byte aligned buffer); per op, what the values are before (u: the U52 of a
 * u64 draw x, src/dist/laws.h; or a fill's double) and the parameters p:
 *   UNIFORM     doubles u of repro_fill_double; p = lo, w, m, b, below(b):
 *               x = m (lo + w u) (m = 1, or 2 when b - a overflows: exact),
 *               then x < b ? x : below(b)
 *   SCALE       doubles e of repro_fill_exponential; p = scale: scale e
 *   LOGNORMAL   doubles z of repro_fill_normal; p = mean, sigma: e^(mean + sigma z)
 *   LAPLACE     x; p = loc, scale: v = 2 - 2u (x's top bit set) or 2u,
 *               loc -+ scale log(v)
 *   LOGISTIC    x; p = loc, scale: a = 1 - u (top bit) or u, d = (2a - 1) / (1 - a),
 *               u1 = 1 + d, l = d when u1 = 1, else log(u1) d / (u1 - 1); loc -+ scale l
 *   GUMBEL      x; p = loc, scale: loc - scale log(-log(u))
 *   RAYLEIGH    x; p = scale: scale sqrt(-2 log(u))
 *   WEIBULL     x; p = a: e^(log(-log(u)) / a), 0 when a = 0
 *   POWER       x; p = a: e^(log(u) / a)
 *   PARETO      x; p = a: expm1(-log(u) / a)
 *   TRIANGULAR  x; p = left, base, f, right, g: u <= f ? left + base sqrt(u f)
 *               : right - base sqrt((1 - u) g), clamped to [left, right]
 *   CAUCHY      x; tan(pi t) = sinpi(t) / cospi(t), t = u - 1/2 (exact,
 *               2^-53 <= |t| < 1/2)
 *   WALD        n pairs: a normal z (as a double) then a draw x; p = mean, scale:
 *               y = mean z^2, q = 4 scale / y, v = mean (q c) c with
 *               c = 1 / (1 + sqrt(1 + q)) (v = mean when q is not finite), then
 *               u <= mean / (mean + v) ? v : mean (mean / v), into the pair's first slot
 *   VONMISES    n attempts of Best & Fisher's sampler, each two draws x1 then x2,
 *               u = U52(x1), v = U52(x2); p = kappa, s: t = 2u - 1, z = cospi(t),
 *               w = (1 + s z) / (s + z), y = kappa (s - w), accepted when
 *               y (2 - y) - v >= 0 or log(y / v) + 1 - y >= 0; the attempt's two
 *               values become w and t, or w and 2 (not a t) when rejected
 * rv_log's arguments here are positive normal doubles (u >= 2^-53, -log(u) >= 2^-53,
 * 2u, 2 - 2u, 1 + d >= 2^-53): no lane needs the scalar log, von Mises' y / v
 * excepted, which is checked. */
#ifndef REPRO_KERNELS_LAWS_VEC_H
#define REPRO_KERNELS_LAWS_VEC_H

#ifndef REPRO_MATH_MATH_VEC_H
#error "include math/math_vec.h first"
#endif

/* repro_u52 of each lane (src/dist/laws.h): (2^52 + (x >> 12)) - (2^52 - 1/2), scaled. */
RV_INLINE rv_d rv_u52(rv_u x)
{
    rv_d big = (rv_d)((x >> 12) | 0x4330000000000000u);
    return (big - 0x1.fffffffffffffp+51) * 0x1p-52;
}

/* e^x - 1 for lanes with 2^-54 <= x < 56 ln2 (bits below 0x4043687a00000000): fdlibm's
 * s_expm1 as repro_dist_expm1 (src/math/math_ext.c) computes it there, every branch
 * taken and selected per lane.  The reduction x = k ln2 + r: k = 0 up to ln2 / 2
 * (where k = 0 in the general form gives the same r and c = 0), 1 up to 1.5 ln2, else
 * INV_LN2 x + 1/2 truncated (rounded by 1.5 2^52, then one down where that went up). */
RV_INLINE rv_d rv_expm1_core(rv_d x)
{
    const double Q1 = -3.33333333333331316428e-02, Q2 = 1.58730158725481460165e-03,
                 Q3 = -7.93650757867487942473e-05, Q4 = 4.00821782732936239552e-06,
                 Q5 = -2.01099218183624371326e-07, INV_LN2 = 0x1.71547652b82fep+0,
                 MAGIC = 0x1.8p52;
    rv_i bits = (rv_i)x;
    rv_d t = INV_LN2 * x + 0.5;
    rv_d rt = (t + MAGIC) - MAGIC;
    rv_d dk = rt - rv_sel(rt > t, rv_splat(1.0), rv_splat(0.0));
    dk = rv_sel(bits < 0x3ff0a2b200000000, rv_splat(1.0), dk);
    dk = rv_sel(bits >= 0x3fd62e4300000000, dk, rv_splat(0.0)); /* +0.0 */
    rv_i k = (rv_i)(dk + MAGIC) & 0xff;
    rv_d hi = x - dk * REPRO_LN2_HI;
    rv_d lo = dk * REPRO_LN2_LO;
    rv_d r = hi - lo;
    rv_d c = (hi - r) - lo;
    rv_d hfx = 0.5 * r;
    rv_d hxs = r * hfx;
    rv_d r1 = 1.0 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    rv_d t3 = 3.0 - r1 * hfx;
    rv_d e = hxs * ((r1 - t3) / (6.0 - r * t3));
    rv_d k0 = r - (r * e - hxs);
    e = (r * (e - c) - c);
    e -= hxs;
    rv_d k1 = rv_sel(r < -0.25, -2.0 * (e - (r + 0.5)), 1.0 + 2.0 * (r - e));
    /* k >= 2: 2^k (1 - 2^-k - (e - r)) below k = 20, else 2^k ((r - (e + 2^-k)) + 1) */
    rv_d below = (rv_d)((0x3ff00000 - (0x200000 >> k)) << 32) - (e - r);
    rv_d above = r - (e + (rv_d)((0x3ff - k) << 52));
    above += 1.0;
    rv_d y = rv_sel(k < 20, below, above);
    rv_d kn = (rv_d)((rv_i)y + (k << 52));
    return rv_sel(k == 0, k0, rv_sel(k == 1, k1, kn));
}

/* repro_dist_expm1 of each lane: rv_expm1_core where it applies, else the scalar
 * function. */
RV_INLINE rv_d rv_expm1(rv_d x)
{
    rv_i bits = (rv_i)x;
    rv_i ok = (bits >= 0x3c90000000000000) & (bits < 0x4043687a00000000);
    return rv_scalar_lanes(rv_expm1_core(rv_sel(ok, x, rv_splat(0.5))), x, ok,
                           repro_dist_expm1);
}

/* One law's value from the bits v of its input (the draw x, or the double's bits). */
RV_INLINE rv_d rv_law_value(enum repro_law_op op, rv_u v, const double *p)
{
    rv_d u = rv_u52(v);
    rv_i top = (rv_i)v < 0; /* x's top bit: u >= 1/2 */
    switch (op) {
    case REPRO_LAW_UNIFORM: {
        rv_d x = p[2] * (p[0] + p[1] * (rv_d)v);
        return rv_sel(x < p[3], x, rv_splat(p[4]));
    }
    case REPRO_LAW_SCALE:
        return p[0] * (rv_d)v;
    case REPRO_LAW_LOGNORMAL:
        return rv_exp(p[0] + p[1] * (rv_d)v);
    case REPRO_LAW_LAPLACE: {
        rv_d l = rv_log(rv_sel(top, 2.0 - 2.0 * u, 2.0 * u));
        return rv_sel(top, p[0] - p[1] * l, p[0] + p[1] * l);
    }
    case REPRO_LAW_LOGISTIC: {
        rv_d a = rv_sel(top, 1.0 - u, u);
        rv_d d = (2.0 * a - 1.0) / (1.0 - a);
        rv_d u1 = 1.0 + d;
        rv_d l = rv_sel(u1 == 1.0, d, rv_log(u1) * d / (u1 - 1.0));
        return rv_sel(top, p[0] - p[1] * l, p[0] + p[1] * l);
    }
    case REPRO_LAW_GUMBEL:
        return p[0] - p[1] * rv_log(-rv_log(u));
    case REPRO_LAW_RAYLEIGH:
        return p[0] * rv_sqrt(-2.0 * rv_log(u));
    case REPRO_LAW_WEIBULL: /* a = 0: numpy's convention, 0 (the draws still consumed) */
        return p[0] == 0.0 ? rv_splat(0.0) : rv_exp(rv_log(-rv_log(u)) / p[0]);
    case REPRO_LAW_POWER:
        return rv_exp(rv_log(u) / p[0]);
    case REPRO_LAW_PARETO:
        return rv_expm1(-rv_log(u) / p[0]);
    case REPRO_LAW_TRIANGULAR: {
        rv_i low = u <= p[2];
        rv_d r = rv_sqrt(rv_sel(low, u * p[2], (1.0 - u) * p[4]));
        rv_d y = rv_sel(low, p[0] + p[1] * r, p[3] - p[1] * r);
        return rv_sel(y < p[0], rv_splat(p[0]), rv_sel(y > p[3], rv_splat(p[3]), y));
    }
    case REPRO_LAW_CAUCHY:
        return rv_tanpi(u - 0.5);
    case REPRO_LAW_WALD: /* rv_pair_loop */
    case REPRO_LAW_VONMISES:
        break;
    }
    return u;
}

/* cos(pi t) for 2^-52 <= |t| < 1, as repro_dist_sincospi computes it: f = |t|, or
 * 1 - |t| above 1/2 (the sign flipped), then the cosine of pi f (f <= 1/4) or the
 * sine of pi (1/2 - f), both kernels on the same argument. */
RV_INLINE rv_d rv_cospi_unit(rv_d t)
{
    rv_d a = rv_sel(t < 0.0, -t, t);
    rv_i flip = a > 0.5;
    rv_d f = rv_sel(flip, 1.0 - a, a);
    rv_i low = f <= 0.25;
    rv_d lo, r = rv_pi_times(rv_sel(low, f, 0.5 - f), &lo);
    rv_d c = rv_sel(low, rv_kernel_cos(r, lo), rv_kernel_sin(r, lo));
    return rv_sel(flip, -c, c);
}

/* The pair ops: slots 2i and 2i + 1 of b are the bits a and c of value i, in and out,
 * RV_N values at a time, deinterleaved lane by lane (as integers: a NaN's bits pass
 * unchanged). */
RV_INLINE void rv_pair_value(enum repro_law_op op, rv_u *a, rv_u *c, const double *p)
{
    if (op == REPRO_LAW_WALD) {
        const double mean = p[0], scale = p[1];
        rv_d z = (rv_d)*a;
        rv_d y = mean * z * z;
        rv_d q = 4.0 * scale / y;
        rv_d cc = 1.0 / (1.0 + rv_sqrt(1.0 + q));
        rv_d v = rv_sel(q - q == 0.0, mean * (q * cc) * cc, rv_splat(mean)); /* q finite */
        rv_d u = rv_u52(*c);
        *a = (rv_u)rv_sel(u <= mean / (mean + v), v, mean * (mean / v));
        return;
    }
    /* REPRO_LAW_VONMISES */
    const double kappa = p[0], r = p[1];
    rv_d t = 2.0 * rv_u52(*a) - 1.0;
    rv_d z = rv_cospi_unit(t);
    rv_d w = (1.0 + r * z) / (r + z);
    rv_d y = kappa * (r - w);
    rv_d v = rv_u52(*c);
    rv_i accept = y * (2.0 - y) - v >= 0.0;
    if (rv_any(~accept)) {
        rv_d q = y / v;
        rv_i ok = (q >= 0x1p-1022) & (q <= 0x1.fffffffffffffp+1023);
        rv_d lq = rv_scalar_lanes(rv_log(rv_sel(ok, q, rv_splat(1.0))), q, ok, repro_dist_log);
        accept |= lq + 1.0 - y >= 0.0;
    }
    *a = (rv_u)w;
    *c = (rv_u)rv_sel(accept, t, rv_splat(2.0));
}

RV_INLINE void rv_pair_loop(enum repro_law_op op, unsigned char *b, size_t n, const double *p)
{
    for (size_t i = 0; i < n; i += (size_t)RV_N) {
        const size_t m = n - i < (size_t)RV_N ? n - i : (size_t)RV_N;
        rv_u a = {0}, c = {0}; /* zero lanes past n: in the domain, dropped */
        for (size_t l = 0; l < m; l++) {
            uint64_t x[2];
            memcpy(x, b + 16 * (i + l), sizeof x);
            a[l] = x[0];
            c[l] = x[1];
        }
        rv_pair_value(op, &a, &c, p);
        for (size_t l = 0; l < m; l++) {
            uint64_t x[2] = {a[l], c[l]};
            memcpy(b + 16 * (i + l), x, sizeof x);
        }
    }
}

/* The loop of one op (a constant after inlining): whole vectors, then the last
 * values in a zero-padded vector (0 is in every op's domain; its lanes are dropped). */
RV_INLINE void rv_law_loop(enum repro_law_op op, void *buf, size_t n, const double *p)
{
    unsigned char *b = buf;
    if (op == REPRO_LAW_WALD || op == REPRO_LAW_VONMISES) {
        rv_pair_loop(op, b, n, p);
        return;
    }
    size_t i = 0;
    for (; i + (size_t)RV_N <= n; i += (size_t)RV_N) {
        rv_u v;
        memcpy(&v, b + 8 * i, sizeof v);
        rv_d y = rv_law_value(op, v, p);
        memcpy(b + 8 * i, &y, sizeof y);
    }
    if (i < n) {
        rv_u v = {0};
        memcpy(&v, b + 8 * i, 8 * (n - i));
        rv_d y = rv_law_value(op, v, p);
        memcpy(b + 8 * i, &y, 8 * (n - i));
    }
}

RV_INLINE void repro_dist_law_vec(enum repro_law_op op, void *buf, size_t n, const double *p)
{
    /* one loop per op, in which op is a constant */
#define RV_LAW_CASE(name)                                                                \
    case REPRO_LAW_##name:                                                               \
        rv_law_loop(REPRO_LAW_##name, buf, n, p);                                        \
        break;
    switch (op) { REPRO_LAW_OPS(RV_LAW_CASE) }
#undef RV_LAW_CASE
}

#endif
