"""Python binding costs (make bench-python).

1. Filling 10^7 doubles into a numpy array from Python (Stream.fill, and Stream.double
   allocating its array) against the C fill time: repro_fill_double itself, timed
   around one direct foreign call (about a microsecond, noise next to the fill).
   Runs alternate and the best of each is compared: the binding must stay within 1.2x.
   Stream.double(10**7) allocates its array: it is compared with the C fill into a
   fresh array (first-touch page faults included on both sides).
2. The per-call overhead of a single draw (stream.u64(), .double(), .u32()): time per
   call against the bare ctypes call of repro_next_u64 and against the C cost of one
   draw inside a fill.

Needs numpy.  Exits 1 when the fill ratio is above 1.2.
"""

import sys
import timeit

import numpy

import repro_rng
from repro_rng import _lib

from bench_common import best_of

N = 10**7
REPEAT = 7
CALLS = 200000
LIMIT = 1.2


def main():
    s = repro_rng.Stream(42)
    out = numpy.empty(N)
    out.fill(0.0)  # fault the pages in before timing
    address = out.__array_interface__["data"][0]
    c_fill = _lib.lib.repro_fill_double
    gen = numpy.random.Generator(s.bit_generator())

    def c_time(addr=address):
        if c_fill(s._addr, addr, N) != 0:
            raise RuntimeError("repro_fill_double failed")

    def c_fresh():
        fresh = numpy.empty(N)
        c_time(fresh.__array_interface__["data"][0])

    t_c, t_fill, t_cfresh, t_alloc, t_gen = best_of(
        [c_time, lambda: s.fill(out), c_fresh, lambda: s.double(N),
         lambda: gen.random(out=out)], REPEAT)
    ratio = t_fill / t_c
    print("librepro_rng %s (%s), ISA for fills: %s"
          % (repro_rng.library_version(), repro_rng.library_path(), repro_rng.isa()))
    print("fill 10^7 doubles, best of %d:" % REPEAT)
    print("  C repro_fill_double          %8.2f ms  (%.2f ns/double)" % (t_c * 1e3, t_c / N * 1e9))
    print("  Python Stream.fill(ndarray)  %8.2f ms  ratio %.3f" % (t_fill * 1e3, ratio))
    print("  C fill into a fresh array    %8.2f ms" % (t_cfresh * 1e3))
    print("  Python Stream.double(10**7)  %8.2f ms  ratio %.3f to the C fresh fill"
          % (t_alloc * 1e3, t_alloc / t_cfresh))
    print("  numpy Generator.random(out)  %8.2f ms  ratio %.3f (stream.bit_generator(): one"
          " C single draw per value)"
          % (t_gen * 1e3, t_gen / t_c))

    bare = _lib.lib.repro_next_u64
    addr = s._addr
    print("single draws, %d calls, best of %d:" % (CALLS, REPEAT))
    per_call = {}
    for label, stmt in (("ctypes repro_next_u64(addr)", lambda: bare(addr)),
                        ("stream.u64()", s.u64), ("stream.double()", s.double),
                        ("stream.u32()", s.u32), ("numpy Generator.random()", gen.random)):
        t = min(timeit.repeat(stmt, number=CALLS, repeat=REPEAT)) / CALLS
        per_call[label] = t
        print("  %-28s %7.0f ns/call" % (label, t * 1e9))
    overhead = per_call["stream.u64()"] - per_call["ctypes repro_next_u64(addr)"]
    print("  C cost of one double in a fill: %.1f ns; Stream overhead over bare ctypes: %.0f ns"
          % (t_c / N * 1e9, overhead * 1e9))
    ok = ratio <= LIMIT
    print("fill within %.1fx of C: %s (%.3f)" % (LIMIT, "yes" if ok else "NO", ratio))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
