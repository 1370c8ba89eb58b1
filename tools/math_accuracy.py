#!/usr/bin/env python3
"""Measures the library's deterministic math (repro_math_log, _exp,
_inv_normal_cdf, _log1p, _expm1, _atan, _sinpi, _cospi) against mpmath at 90 bits and
fails when an error bound of the contract is exceeded: log, exp, expm1, atan, sinpi
and cospi within 1 ulp, log1p within 2.5 ulp, the inverse normal CDF within 8 ulp
(and relative error below 2e-15).

The points (fixed seed, so every run checks the same ones) span each whole domain:
random bit patterns over all exponents, subnormals, values next to 1, both tails of
(0, 1) down to 2^-1074 and up to 1 - 2^-53, the branch boundaries of the algorithms,
and the doubles the stream conversions of contract section 3 produce.

    math_accuracy.py DRIVER [--points N] [--jobs J] [--only FUNC]

DRIVER is the program built from tools/math_driver.c (make check-math builds it).
"""
import argparse
import multiprocessing
import random
import struct
import subprocess
import sys

import mpmath

PREC = 90
LIMITS = {"log": 1.0, "exp": 1.0, "inv_normal_cdf": 8.0, "log1p": 2.5, "expm1": 1.0,
          "atan": 1.0, "sinpi": 1.0, "cospi": 1.0}
INV_NORMAL_MAX_REL = 2e-15
LN_MAX = 709.782712893383973096   # above: exp overflows
LN_MIN = -745.133219101941108420  # below: exp underflows to 0


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def to_bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def neighbours(x, k=3):
    """x and the k doubles on each side of it (x > 0)."""
    b = to_bits(x)
    return [from_bits(b + d) for d in range(-k, k + 1) if b + d > 0]


def random_double(rng, lo, hi):
    """A double with uniformly random bit pattern in [lo, hi] (0 < lo < hi)."""
    return from_bits(rng.randint(to_bits(lo), to_bits(hi)))


def points_log(rng, n):
    pts = [1.0, 2.0, 0.5, 5e-324, 2.0**-1022, 1.7976931348623157e308]
    pts += neighbours(1.0, 50) + neighbours(2.0**0.5) + neighbours(2.0**-0.5)
    pts += [2.0**e for e in range(-1074, 1024)]
    while len(pts) < n:
        kind = rng.randrange(5)
        if kind == 0:  # any positive finite double
            pts.append(random_double(rng, 5e-324, 1.7976931348623157e308))
        elif kind == 1:  # subnormal
            pts.append(from_bits(rng.randint(1, 2**52 - 1)))
        elif kind == 2:  # next to 1, relative distance 2^-1 .. 2^-53
            d = rng.random() * 2.0 ** -rng.randint(1, 53)
            pts.append(1.0 + d if rng.random() < 0.5 else 1.0 - d)
        elif kind == 3:  # what the exponential conversion feeds in: (0, 1]
            pts.append(((rng.getrandbits(64) >> 11) + 1) * 2.0**-53)
        else:  # moderate range
            pts.append(random_double(rng, 1e-5, 1e5))
    return pts[:n]


def points_exp(rng, n):
    pts = [0.0, -0.0, 1.0, -1.0, LN_MAX, LN_MIN, 0.5 * 0.6931471805599453,
           1.5 * 0.6931471805599453, -708.3964185322641, -744.44007192138126]
    pts += neighbours(LN_MAX) + [x for x in neighbours(-LN_MIN)]
    while len(pts) < n:
        kind = rng.randrange(4)
        if kind == 0:
            pts.append(rng.uniform(LN_MIN, LN_MAX))
        elif kind == 1:  # small |x|, all magnitudes
            x = random_double(rng, 2.0**-60, 1.0)
            pts.append(x if rng.random() < 0.5 else -x)
        elif kind == 2:  # results in the subnormal range
            pts.append(rng.uniform(LN_MIN, -708.4))
        else:
            pts.append(rng.uniform(-5.0, 5.0))
    return [x for x in pts[:n] if LN_MIN <= x <= LN_MAX]


def points_inv_normal(rng, n):
    r5 = float(mpmath.exp(-25))  # the boundary of AS241's two tail branches
    pts = [5e-324, 1e-323, 2.0**-1022, 2.0**-1000, 0.5, 1 - 2.0**-53, 1 - 2.0**-52,
           2.0**-54, 2.0**-53]
    for b in (0.075, 0.925, r5, 1 - r5, 0.5):
        pts += neighbours(b, 20)
    while len(pts) < n:
        kind = rng.randrange(5)
        if kind == 0:  # the stream's doubles in (0,1): ((x >> 11) + 0.5) * 2^-53
            pts.append(((rng.getrandbits(64) >> 11) + 0.5) * 2.0**-53)
        elif kind == 1:  # lower tail, every magnitude down to 2^-1074
            pts.append(random_double(rng, 5e-324, 0.075))
        elif kind == 2:  # upper tail: 1 - t, t down to 2^-53
            pts.append(1.0 - random_double(rng, 2.0**-53, 0.075))
        elif kind == 3:  # central branch
            pts.append(random_double(rng, 0.075, 0.925))
        else:  # around the r = 5 branch boundary
            pts.append(random_double(rng, r5 * 0.5, r5 * 2.0))
    return [u for u in pts[:n] if 0.0 < u < 1.0]


def signed_tiny(rng, lo_exp, hi_exp):
    """A random double of either sign with |x| in [2^lo_exp, 2^hi_exp)."""
    x = random_double(rng, 2.0**lo_exp, 2.0**hi_exp if hi_exp < 1024 else 1.7976931348623157e308)
    return x if rng.random() < 0.5 else -x


def points_log1p(rng, n):
    pts = [0.0, -0.0, 1.0, -0.5, 2.0**53, 2.0**53 - 1, 2.0**54, 1e308, -1 + 2.0**-53,
           2.0**-1074, -(2.0**-1074)]
    pts += neighbours(1.0) + [-x for x in neighbours(0.5)] + neighbours(2.0**53)
    while len(pts) < n:
        kind = rng.randrange(5)
        if kind == 0:  # near 0, every magnitude
            pts.append(signed_tiny(rng, -1074, -1))
        elif kind == 1:  # (-1, -1/2)
            pts.append(-random_double(rng, 0.5, 1.0 - 2.0**-53))
        elif kind == 2:  # moderate
            pts.append(random_double(rng, 0.5, 1e6))
        elif kind == 3:  # any positive double
            pts.append(random_double(rng, 5e-324, 1.7976931348623157e308))
        else:  # what the samplers feed in: -p, p in (0, 1)
            pts.append(-random_double(rng, 2.0**-60, 1.0 - 2.0**-53))
    return pts[:n]


def points_expm1(rng, n):
    pts = [0.0, -0.0, 1.0, -1.0, 40.0, -40.0, LN_MAX, -LN_MIN, 2.0**-1074, 2.0**-54,
           -(2.0**-54), 0.5 * 0.6931471805599453]
    pts += neighbours(LN_MAX) + neighbours(40.0) + [-x for x in neighbours(40.0)]
    while len(pts) < n:
        kind = rng.randrange(4)
        if kind == 0:
            pts.append(signed_tiny(rng, -1074, 0))
        elif kind == 1:
            pts.append(rng.uniform(-745.0, LN_MAX))
        elif kind == 2:
            pts.append(rng.uniform(-2.0, 2.0))
        else:
            pts.append(rng.uniform(-50.0, 50.0))
    return [x for x in pts[:n] if x <= LN_MAX]


def points_atan(rng, n):
    pts = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.0**66, 1e308, 2.0**-27, 2.0**-1074]
    for b in (0.4375, 0.6875, 1.1875, 2.4375, 2.0**66, 2.0**-27):
        pts += neighbours(b, 10) + [-x for x in neighbours(b, 3)]
    while len(pts) < n:
        kind = rng.randrange(3)
        if kind == 0:
            pts.append(signed_tiny(rng, -1074, 1024))
        elif kind == 1:
            pts.append(rng.uniform(-4.0, 4.0))
        else:
            pts.append(signed_tiny(rng, -30, 70))
    return pts[:n]


def points_sincospi(rng, n):
    pts = [0.0, -0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, -0.5, 1e300, 2.0**52, 2.0**52 + 1,
           2.0**53, 2.0**-1074, 2.0**52 - 0.5, 3.0 + 2.0**-51]
    for b in (0.25, 0.5, 0.75, 1.0, 1.25, 2.0, 1e6 + 0.5):
        pts += neighbours(b, 5)
    while len(pts) < n:
        kind = rng.randrange(5)
        if kind == 0:
            pts.append(rng.uniform(-4.0, 4.0))
        elif kind == 1:  # any finite double
            pts.append(signed_tiny(rng, -1074, 1024))
        elif kind == 2:  # next to integers and half-integers
            k = rng.randrange(-1000, 1000) / 2.0
            pts.append(k + signed_tiny(rng, -60, -2))
        elif kind == 3:  # large, still with a fraction
            pts.append(signed_tiny(rng, 10, 52))
        else:  # what the samplers feed in: the (0,1) grid
            pts.append(((rng.getrandbits(52)) + 0.5) * 2.0**-52)
    return pts[:n]


def ulp_error(got, exact):
    if got != got or got in (float("inf"), float("-inf")):
        return float("inf")
    if exact == 0:
        return 0.0 if got == 0 else float("inf")
    e = mpmath.frexp(exact)[1]  # |exact| in [2^(e-1), 2^e)
    ulp = mpmath.ldexp(1, max(e - 53, -1074))
    return float(abs(mpmath.mpf(got) - exact) / ulp)


def exact_inv_normal(u, x):
    """Phi^-1(u) to about 80 bits by Newton steps from our result x (a finite x is
    within 1e-13 of it, so a few steps converge).  For u > 1/2 the equation is
    written with the upper tail 1 - u (exact in double), so nothing cancels near 1.
    A non-finite x counts as an infinite error anyway."""
    if x != x or abs(x) == float("inf"):
        return mpmath.mpf(0)
    y = mpmath.mpf(x)
    for _ in range(20):
        if u > 0.5:
            step = (mpmath.ncdf(-y) - (mpmath.mpf(1) - mpmath.mpf(u))) / mpmath.npdf(y)
        else:
            step = (mpmath.mpf(u) - mpmath.ncdf(y)) / mpmath.npdf(y)
        y += step
        if abs(step) <= abs(y) * mpmath.mpf(2) ** -80:
            break
    return y


def check_chunk(args):
    func, pairs = args
    mpmath.mp.prec = PREC
    worst = (0.0, None, None)
    worst_rel = 0.0
    for x, got in pairs:
        if func == "log":
            exact = mpmath.log(mpmath.mpf(x))
        elif func == "exp":
            exact = mpmath.exp(mpmath.mpf(x))
        elif func == "log1p":
            exact = mpmath.log1p(mpmath.mpf(x))
        elif func == "expm1":
            exact = mpmath.expm1(mpmath.mpf(x))
        elif func == "atan":
            exact = mpmath.atan(mpmath.mpf(x))
        elif func == "sinpi":
            exact = mpmath.sinpi(mpmath.mpf(x))
        elif func == "cospi":
            exact = mpmath.cospi(mpmath.mpf(x))
        else:
            exact = exact_inv_normal(x, got)
            if exact != 0:
                worst_rel = max(worst_rel, float(abs((mpmath.mpf(got) - exact) / exact)))
        err = ulp_error(got, exact)
        if err > worst[0]:
            worst = (err, x, got)
    return worst, worst_rel


def run_driver(driver, func, pts):
    data = struct.pack("<%dd" % len(pts), *pts)
    out = subprocess.run([driver, func], input=data, stdout=subprocess.PIPE,
                         check=True).stdout
    return list(struct.unpack("<%dd" % len(pts), out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("driver")
    ap.add_argument("--points", type=int, default=1_000_000, help="per function")
    ap.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    ap.add_argument("--only", choices=sorted(LIMITS))
    ap.add_argument("--seed", type=int, default=20261127)
    args = ap.parse_args()
    gens = {"log": points_log, "exp": points_exp, "inv_normal_cdf": points_inv_normal,
            "log1p": points_log1p, "expm1": points_expm1, "atan": points_atan,
            "sinpi": points_sincospi, "cospi": points_sincospi}
    failed = False
    with multiprocessing.Pool(args.jobs) as pool:
        for func in sorted(LIMITS):
            if args.only and func != args.only:
                continue
            pts = gens[func](random.Random(args.seed), args.points)
            got = run_driver(args.driver, func, pts)
            pairs = list(zip(pts, got))
            chunks = [(func, pairs[i:i + 2000]) for i in range(0, len(pairs), 2000)]
            results = pool.map(check_chunk, chunks)
            err, x, y = max((r[0] for r in results), key=lambda w: w[0])
            rel = max(r[1] for r in results)
            ok = err <= LIMITS[func] and (func != "inv_normal_cdf" or rel < INV_NORMAL_MAX_REL)
            extra = ", max rel. error %.3g" % rel if func == "inv_normal_cdf" else ""
            print("%-15s %8d points: max %.3f ulp (limit %g) at x=%r -> %r%s  %s"
                  % (func, len(pts), err, LIMITS[func], x, y, extra, "ok" if ok else "FAIL"))
            failed |= not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
