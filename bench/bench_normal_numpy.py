#!/usr/bin/env python3
"""Normal variates per second: librepro_rng's repro_fill_normal (the C function,
called through ctypes on a 10^6-value buffer, at every ISA this CPU has) against
numpy's Generator(Philox()).standard_normal and Generator(SFC64()).standard_normal,
in the same process and run, timed in thread CPU time (robust to a shared
machine; best of --repeat).  The targets: >= 4x numpy Philox and >= 2x numpy
SFC64 per value.

    bench_normal_numpy.py LIBREPRO_RNG_SO [--n N] [--repeat R] [--require]

--require exits 1 when the best ISA misses either ratio.
"""
import ctypes
import sys

import numpy as np

from bench_common import best_time, open_stream, parse_args


def main():
    args = parse_args(__doc__, repeat=7)
    lib, stream = open_stream(args.lib)
    lib.repro_fill_normal.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
    lib.repro_set_isa.argtypes = [ctypes.c_char_p]
    lib.repro_isa_supported.argtypes = [ctypes.c_char_p]
    lib.repro_isa_count.restype = ctypes.c_size_t
    lib.repro_isa_name_at.argtypes = [ctypes.c_size_t]
    lib.repro_isa_name_at.restype = ctypes.c_char_p

    out = np.empty(args.n)
    ptr = out.ctypes.data

    def ours():
        if lib.repro_fill_normal(stream, ptr, args.n) != 0:
            raise SystemExit("repro_fill_normal failed")

    rows = []
    for i in range(lib.repro_isa_count()):
        isa = lib.repro_isa_name_at(i)
        if lib.repro_isa_supported(isa) and lib.repro_set_isa(isa) == 0:
            rows.append(("repro_fill_normal philox4x32-10 [%s]" % isa.decode(),
                         best_time(ours, args.repeat)))
    # Sanity: the values really are standard normals.
    if not (abs(out.mean()) < 0.01 and abs(out.std() - 1) < 0.01):
        raise SystemExit("repro_fill_normal output is not N(0,1)")

    numpy_rows = []
    for name, bitgen in (("Philox", np.random.Philox), ("SFC64", np.random.SFC64)):
        g = np.random.Generator(bitgen(42))
        t = best_time(lambda g=g: g.standard_normal(size=args.n, out=out), args.repeat)
        numpy_rows.append(("numpy %s standard_normal" % name, t))

    print("normal variates, n = %d per call, best of %d (numpy %s)"
          % (args.n, args.repeat, np.__version__))
    for name, t in rows + numpy_rows:
        print("  %-44s %7.2f ns/value  %7.1f M/s" % (name, t / args.n * 1e9, args.n / t / 1e6))
    best = min(t for _, t in rows)
    ok = True
    for (name, t), need in zip(numpy_rows, (4.0, 2.0)):
        ratio = t / best
        ok &= ratio >= need
        print("  best repro ISA vs %-26s %5.2fx (target >= %gx): %s"
              % (name, ratio, need, "yes" if ratio >= need else "NO"))
    return 1 if args.require and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
