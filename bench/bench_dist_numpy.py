#!/usr/bin/env python3
"""ns per value of every distribution of librepro_rng (its C fills, called through
ctypes on a buffer of --n values, at the best ISA this CPU has) beside numpy's
Generator(PCG64) for the same law and parameters, in the same process and run, timed
in thread CPU time (robust to a shared machine; best of --repeat).  The targets:
every law at least as fast as numpy's PCG64 and normal, exponential and uniform
at least 2x faster; --require exits 1 when a row misses its target.  Vector laws are
timed per vector.

    bench_dist_numpy.py LIBREPRO_RNG_SO [--n N] [--repeat R] [--only SUBSTRING] [--require]
"""
import ctypes
import sys

import numpy as np

from bench_common import best_time, open_stream, parse_args

D, I64, U64, F32, P, SZ = (ctypes.c_double, ctypes.c_int64, ctypes.c_uint64, ctypes.c_float,
                           ctypes.c_void_p, ctypes.c_size_t)


def array_ptr(values, dtype=np.float64):
    a = np.ascontiguousarray(values, dtype=dtype)
    return a, a.ctypes.data


def main():
    args = parse_args(__doc__, repeat=5, only=True)
    lib, stream = open_stream(args.lib)
    lib.repro_alias_size.restype = SZ
    lib.repro_alias_size.argtypes = [SZ]
    lib.repro_alias_init.argtypes = [P, SZ, P, SZ]
    lib.repro_mvnormal_factor.argtypes = [P, SZ, P]
    g = np.random.Generator(np.random.PCG64(42))

    keep = []  # arrays whose pointers are passed

    def ptr(values, dtype=np.float64):
        a, p = array_ptr(values, dtype)
        keep.append(a)
        return p

    w10 = np.arange(1, 11, dtype=np.float64)
    table = ctypes.create_string_buffer(lib.repro_alias_size(10))
    if lib.repro_alias_init(table, len(table), ptr(w10), 10) != 0:
        raise SystemExit("repro_alias_init failed")
    cov3 = np.array([[2.0, -0.6, 0.3], [-0.6, 1.0, 0.2], [0.3, 0.2, 0.5]])
    factor3 = np.empty(9)
    keep.append(factor3)
    if lib.repro_mvnormal_factor(ptr(cov3), 3, factor3.ctypes.data) != 0:
        raise SystemExit("repro_mvnormal_factor failed")
    w4 = np.arange(1, 10 ** 4 + 1, dtype=np.float64) / (10 ** 4 * (10 ** 4 + 1) / 2)
    keys100 = np.empty(100, dtype=np.uint64)
    alpha = ptr([1.0, 2.0, 3.0])
    pvals = ptr([0.2, 0.3, 0.5])
    mean3 = ptr([0.0, 0.0, 0.0])
    target2 = {"normal", "exponential", "uniform"}

    def law(name, *params, dtype=np.float64):
        """The row of a law whose C fill (repro_fill_<name>, double parameters) and
        numpy method have the same name and parameters."""
        method = getattr(g, name)
        return ("%s(%s)" % (name, ",".join("%g" % v for v in params)), "repro_fill_" + name,
                dtype, [(D, float(v)) for v in params], lambda n: method(*params, n), 1)

    # label, C function, out dtype, C parameter types and values, numpy call (size ->
    # array), values per draw (vector laws)
    rows = [
        law("uniform", -2, 5),
        ("normal", "repro_fill_normal", np.float64, [], lambda n: g.standard_normal(n), 1),
        ("exponential", "repro_fill_exponential", np.float64, [],
         lambda n: g.standard_exponential(n), 1),
        ("normal(3,2)", "repro_fill_gaussian", np.float64, [(D, 3.0), (D, 2.0)],
         lambda n: g.normal(3, 2, n), 1),
        ("exponential(2.5)", "repro_fill_exponential_scaled", np.float64, [(D, 2.5)],
         lambda n: g.exponential(2.5, n), 1),
        ("random float32", "repro_fill_float", np.float32, [],
         lambda n: g.random(n, dtype=np.float32), 1),
        ("standard_normal float32", "repro_fill_normal_float", np.float32, [],
         lambda n: g.standard_normal(n, dtype=np.float32), 1),
        ("standard_exponential float32", "repro_fill_exponential_float", np.float32, [],
         lambda n: g.standard_exponential(n, dtype=np.float32), 1),
        ("uniform float32 (numpy: random f32)", "repro_fill_uniform_float", np.float32,
         [(F32, -2.0), (F32, 5.0)], lambda n: g.random(n, dtype=np.float32), 1),
        ("integers(0,100)", "repro_fill_integers", np.int64, [(I64, 0), (I64, 99)],
         lambda n: g.integers(0, 100, n), 1),
        ("integers(-2^40,2^40)", "repro_fill_integers", np.int64,
         [(I64, -2 ** 40), (I64, 2 ** 40 - 1)], lambda n: g.integers(-2 ** 40, 2 ** 40, n), 1),
        ("gamma(0.5)", "repro_fill_gamma", np.float64, [(D, 0.5), (D, 1.0)],
         lambda n: g.standard_gamma(0.5, n), 1),
        ("gamma(3)", "repro_fill_gamma", np.float64, [(D, 3.0), (D, 1.0)],
         lambda n: g.standard_gamma(3, n), 1),
        ("gamma(3) float32", "repro_fill_gamma_float", np.float32, [(D, 3.0), (D, 1.0)],
         lambda n: g.standard_gamma(3, n, dtype=np.float32), 1),
        law("beta", 2, 3),
        law("poisson", 3, dtype=np.uint64),
        law("poisson", 100, dtype=np.uint64),
        ("binomial(20,0.3)", "repro_fill_binomial", np.uint64, [(U64, 20), (D, 0.3)],
         lambda n: g.binomial(20, 0.3, n), 1),
        ("binomial(1000,0.4)", "repro_fill_binomial", np.uint64, [(U64, 1000), (D, 0.4)],
         lambda n: g.binomial(1000, 0.4, n), 1),
        law("lognormal", 0, 1),
        ("standard_cauchy", "repro_fill_standard_cauchy", np.float64, [],
         lambda n: g.standard_cauchy(n), 1),
        law("laplace", 0, 1),
        law("logistic", 0, 1),
        law("gumbel", 0, 1),
        law("rayleigh", 1),
        law("weibull", 2),
        law("pareto", 3),
        law("power", 2),
        law("triangular", 0, 1, 3),
        law("wald", 1, 2),
        law("vonmises", 0, 4),
        law("chisquare", 3),
        law("standard_t", 5),
        law("f", 3, 7),
        law("noncentral_chisquare", 3, 2),
        law("noncentral_f", 3, 7, 2),
        law("negative_binomial", 5, 0.3, dtype=np.uint64),
        law("geometric", 0.1, dtype=np.uint64),
        law("logseries", 0.9, dtype=np.uint64),
        law("zipf", 2, dtype=np.uint64),
        ("hypergeometric(100,200,50)", "repro_fill_hypergeometric", np.uint64,
         [(U64, 100), (U64, 200), (U64, 50)], lambda n: g.hypergeometric(100, 200, 50, n), 1),
        ("hypergeometric(5,10,4)", "repro_fill_hypergeometric", np.uint64,
         [(U64, 5), (U64, 10), (U64, 4)], lambda n: g.hypergeometric(5, 10, 4, n), 1),
        ("choice(10, p=w)", "repro_fill_choice", np.uint64, [(P, ctypes.addressof(table))],
         lambda n: g.choice(10, n, p=w10 / w10.sum()), 1),
        ("dirichlet([1,2,3]) per vector", "repro_fill_dirichlet", np.float64,
         [(P, alpha), (SZ, 3)], lambda n: g.dirichlet([1, 2, 3], n), 3),
        ("multinomial(10,[.2,.3,.5]) per vector", "repro_fill_multinomial", np.uint64,
         [(U64, 10), (P, pvals), (SZ, 3)], lambda n: g.multinomial(10, [0.2, 0.3, 0.5], n), 3),
        ("multivariate_normal(d=3) per vector", "repro_fill_multivariate_normal", np.float64,
         [(P, mean3), (P, factor3.ctypes.data), (SZ, 3)],
         lambda n: g.multivariate_normal([0, 0, 0], cov3, n), 3),
        ("choice(10^9, 1000, replace=False) per value", None, np.uint64, [],
         lambda n: [g.choice(10 ** 9, 1000, replace=False) for _ in range(n // 1000)], 1),
        ("choice(10^4, 100, False, p=w) per value", "weighted", np.uint64, [],
         lambda n: [g.choice(10 ** 4, 100, replace=False, p=w4) for _ in range(n // 100)],
         1),
    ]
    print("ns per value (vector laws: per vector), n = %d per call, best of %d, ISA %s, "
          "numpy %s Generator(PCG64)" % (args.n, args.repeat, lib.repro_isa_name().decode(),
                                         np.__version__))
    print("  %-44s %9s %9s %7s  %s" % ("law", "repro", "numpy", "ratio", "target"))
    ok = True
    for label, fname, dtype, cpar, npcall, width in rows:
        if args.only and args.only not in label:
            continue
        n = args.n // width if width > 1 else args.n
        out = np.empty(n * width, dtype=dtype)
        if fname is None:  # choice without replacement: k = 1000 per call
            fn = lib.repro_choice_without_replacement
            fn.argtypes = [P, P, SZ, U64]
            calls = n // 1000

            def ours(fn=fn, out=out, calls=calls):
                for _ in range(calls):
                    if fn(stream, out.ctypes.data, 1000, 10 ** 9) != 0:
                        raise SystemExit("%s failed" % label)
        elif fname == "weighted":  # k = 100 of 10^4 weights per call
            fn = lib.repro_choice_weighted_without_replacement
            fn.argtypes = [P, P, SZ, P, SZ, P]
            n = max(n // 1000, 1) * 100  # values: a tenth of n, as each costs 10^4 weights
            calls = n // 100

            def ours(fn=fn, out=out, calls=calls):
                for _ in range(calls):
                    if fn(stream, out.ctypes.data, 100, w4.ctypes.data, 10 ** 4,
                          keys100.ctypes.data) != 0:
                        raise SystemExit("%s failed" % label)
        else:
            fn = getattr(lib, fname)
            fn.argtypes = [P, P, SZ] + [t for t, _ in cpar]
            vals = [v for _, v in cpar]

            def ours(fn=fn, out=out, n=n, vals=vals):
                if fn(stream, out.ctypes.data, n, *vals) != 0:
                    raise SystemExit("%s failed" % label)
        t_ours = best_time(ours, args.repeat) / n * 1e9
        t_np = best_time(lambda: npcall(n), args.repeat) / n * 1e9
        need = 2.0 if label.split("(")[0] in target2 else 1.0
        ratio = t_np / t_ours
        ok &= ratio >= need
        print("  %-44s %9.2f %9.2f %6.2fx  >= %gx %s" % (label, t_ours, t_np, ratio, need,
                                                       "" if ratio >= need else "MISSED"))
    return 1 if args.require and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
