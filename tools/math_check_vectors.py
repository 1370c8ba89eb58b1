#!/usr/bin/env python3
"""Checks the frozen normal and exponential golden vectors (tests/vectors/dist_normal.txt,
dist_exponential.txt) independently of the C library: the uniform doubles come from
the Python reference of the contract (tools/spec_ref.py), the exact values from mpmath,
and every recorded value must be within the contract's bound (normal 8 ulp,
exponential 1 ulp) with the right end position.

    math_check_vectors.py [FILE...]
"""
import os
import struct
import sys

import mpmath

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spec_ref  # noqa: E402
from math_accuracy import PREC, exact_inv_normal, ulp_error  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DEFAULT = [os.path.join(ROOT, "tests", "vectors", f)
           for f in ("dist_normal.txt", "dist_exponential.txt")]


def check(path):
    worst, values = 0.0, 0
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            alg, seed, pos, draw, end, *vals = line.split()
            s = spec_ref.Stream(alg, spec_ref.seed_from_hex_text(seed), int(pos))
            for v in vals:
                got = struct.unpack("<d", struct.pack("<Q", int(v, 16)))[0]
                if draw == "normal":
                    u = s.double_oo()
                    exact, limit = exact_inv_normal(u, got), 8.0
                elif draw == "exponential":
                    exact, limit = -mpmath.log(mpmath.mpf(s.double_oc())), 1.0
                else:
                    raise SystemExit("%s:%d: not a normal or exponential record" % (path, lineno))
                err = ulp_error(got, exact)
                worst = max(worst, err)
                values += 1
                if err > limit:
                    raise SystemExit("%s:%d: %r is %.2f ulp from %s" % (path, lineno, got, err,
                                                                     mpmath.nstr(exact, 20)))
            if s.pos != int(end):
                raise SystemExit("%s:%d: end position %d, reference %d" % (path, lineno,
                                                                         int(end), s.pos))
    print("%s: %d values, max %.3f ulp from mpmath" % (os.path.relpath(path), values, worst))


def main():
    mpmath.mp.prec = PREC
    for path in sys.argv[1:] or DEFAULT:
        check(path)


if __name__ == "__main__":
    main()
