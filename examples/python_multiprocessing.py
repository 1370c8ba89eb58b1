"""Reproducible parallel Monte Carlo with multiprocessing: the same numbers for any
number of worker processes.

Two patterns, both independent of how the work is spread over processes:

1. Tasks with their own streams.  The work is cut into a fixed number of tasks; task k
   draws from Stream(root.path("pi/#k")), whichever worker runs it, and the results
   are combined in task order.
2. One stream split by position.  Worker w fills its slice [start, stop) of one long
   sequence with stream.double(count, at=2*start) (a double takes two 32-bit words);
   the concatenation is exactly one serial fill.  Streams pickle as their saved state,
   so the stream itself is sent to the workers.

Run:  PYTHONPATH=bindings/python python3 examples/python_multiprocessing.py
(or after `pip install bindings/python`); it prints the results for 1, 2 and 4
workers and exits non-zero if they differ.
"""

import argparse
import math
import multiprocessing
import sys

import repro_rng

TASKS = 8
PER_TASK = 20000
SLICE_TOTAL = 50000


def pi_task(job):
    """Points inside the quarter circle, and the float sum of the x values, of task k."""
    root_hex, k = job
    s = repro_rng.Stream(repro_rng.Seed.from_hex(root_hex).path("pi/#%d" % k))
    xy = s.double(2 * PER_TASK)
    xs, ys = xy[0::2], xy[1::2]
    inside = sum(1 for x, y in zip(xs, ys) if x * x + y * y < 1.0)
    return inside, math.fsum(xs)


def slice_task(job):
    """Doubles [start, stop) of the one shared sequence."""
    stream, start, stop = job
    return list(stream.double(stop - start, at=2 * start))


def run(workers, seed=42, start_method=None):
    """The results with this many worker processes (1: no pool at all)."""
    root = repro_rng.Seed(seed)
    pi_jobs = [(root.hex(), k) for k in range(TASKS)]
    shared = repro_rng.Stream(root.path("shared"))
    bounds = [SLICE_TOTAL * w // workers for w in range(workers + 1)]
    slice_jobs = [(shared, bounds[w], bounds[w + 1]) for w in range(workers)]
    if workers == 1:
        pis, slices = list(map(pi_task, pi_jobs)), list(map(slice_task, slice_jobs))
    else:
        ctx = multiprocessing.get_context(start_method)
        with ctx.Pool(workers) as pool:
            pis, slices = pool.map(pi_task, pi_jobs), pool.map(slice_task, slice_jobs)
    inside = sum(p[0] for p in pis)
    values = [v for part in slices for v in part]
    return {
        "pi": 4.0 * inside / (TASKS * PER_TASK),
        "x_sums": [p[1] for p in pis],
        "slice_sum": math.fsum(values),
        "slice_head": values[:3],
        "slice_matches_serial": values == list(shared.double(SLICE_TOTAL)),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--start-method", choices=multiprocessing.get_all_start_methods())
    args = ap.parse_args(argv)
    results = {w: run(w, args.seed, args.start_method) for w in args.workers}
    for w, r in results.items():
        print("workers=%d pi=%.6f slice_sum=%r serial=%s"
              % (w, r["pi"], r["slice_sum"], r["slice_matches_serial"]))
    first = next(iter(results.values()))
    same = all(r == first for r in results.values()) and first["slice_matches_serial"]
    print("identical for %s workers: %s" % (args.workers, "yes" if same else "NO"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
