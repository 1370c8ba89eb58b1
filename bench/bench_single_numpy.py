"""numpy's Generator on a repro_rng stream against its own bit generators (make
bench-single).

numpy.random.Generator(stream.bit_generator()) draws through the stream's C
callbacks (repro_bitgen_next_u64 / u32 / double, reading the stream's buffer).  For each
Generator method below (METHODS), the ns per value on a philox4x32-10 stream and
on numpy's PCG64, SFC64 and Philox, in one process, runs interleaved so that drift
hits all alike; thread CPU time, the median of --repeat runs.  The ratio stream /
PCG64 must be at most 1 (no slower).  Then repro_fill_bounded_u32(bound 1000) through
Stream.bounded against numpy's integers(0, 1000) on PCG64 (the target: faster).

    bench_single_numpy.py [--n N] [--repeat R]

Needs numpy; the bindings come from PYTHONPATH (bindings/python) and the library from
REPRO_RNG_LIBRARY, as make bench-single sets them.
"""

import argparse
import statistics
import time

import numpy as np

import repro_rng

METHODS = [
    ("random", lambda g, n: g.random(n)),
    ("standard_normal", lambda g, n: g.standard_normal(n)),
    ("integers(0, 1000)", lambda g, n: g.integers(0, 1000, n)),
    ("standard_exponential", lambda g, n: g.standard_exponential(n)),
    ("gamma(2.0)", lambda g, n: g.gamma(2.0, size=n)),
    ("poisson(3.0)", lambda g, n: g.poisson(3.0, n)),
]


def median_times(fns, repeat):
    """Median thread CPU time of each function; runs interleaved."""
    for fn in fns:
        fn()  # warm up: page faults, first-call costs
    times = [[] for _ in fns]
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.thread_time()
            fn()
            times[i].append(time.thread_time() - t0)
    return [statistics.median(t) for t in times]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10**6)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    n = args.n

    generators = [
        ("repro_rng stream", np.random.Generator(
            repro_rng.Stream(repro_rng.Seed(42)).bit_generator())),
        ("PCG64", np.random.Generator(np.random.PCG64(42))),
        ("SFC64", np.random.Generator(np.random.SFC64(42))),
        ("Philox", np.random.Generator(np.random.Philox(42))),
    ]
    print("numpy %s Generator methods, ns per value (n = %d, median of %d runs, thread "
          "CPU time; ISA %s)" % (np.__version__, n, args.repeat, repro_rng.isa()))
    print("%-22s" % "method" + "".join("%18s" % name for name, _ in generators) +
          "%16s" % "stream/PCG64")
    worst = 0.0
    for label, call in METHODS:
        fns = [lambda g=g: call(g, n) for _, g in generators]
        ns = [t / n * 1e9 for t in median_times(fns, args.repeat)]
        ratio = ns[0] / ns[1]
        worst = max(worst, ratio)
        print("%-22s" % label + "".join("%18.2f" % v for v in ns) + "%15.2fx" % ratio)
    print("  numpy Generator on a stream, slowest method against PCG64: %.2fx (target "
          "<= 1.0)  %s" % (worst, "MET" if worst <= 1.0 else "NOT MET"))

    stream = repro_rng.Stream(repro_rng.Seed(42))
    pcg = np.random.Generator(np.random.PCG64(42))
    ours, theirs = median_times([lambda: stream.bounded(n, 1000, bits=32),
                                 lambda: pcg.integers(0, 1000, n, dtype=np.uint32)],
                                args.repeat)
    print("  repro_fill_bounded_u32(1000) %.2f ns/value against numpy integers(0, 1000) "
          "on PCG64 %.2f: %.2fx faster (target > 1)  %s"
          % (ours / n * 1e9, theirs / n * 1e9, theirs / ours,
             "MET" if ours < theirs else "NOT MET"))


if __name__ == "__main__":
    main()
