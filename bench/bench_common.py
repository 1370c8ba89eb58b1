"""Shared by the Python benchmarks in bench/ (imported from the script's own
directory, which Python puts first on sys.path when a script is run by path): their
timers, and for the ctypes ones (bench_*_numpy.py) the command line and the stream."""

import argparse
import ctypes
import time


def best_of(fns, repeat):
    """The best wall-clock time of each function, runs interleaved so drift hits all
    alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - t0)
    return best


def best_time(fn, repeat):
    """The best thread CPU time of fn over repeat runs, after one warm-up run (page
    faults, dispatch, caches)."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.thread_time()
        fn()
        best = min(best, time.thread_time() - t0)
    return best


def parse_args(doc, repeat, only=False):
    """LIBREPRO_RNG_SO [--n N] [--repeat R] [--only SUBSTRING] [--require]; doc: the
    script's docstring, whose first line describes it."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("lib")
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=repeat)
    if only:
        ap.add_argument("--only", default="")
    ap.add_argument("--require", action="store_true")
    return ap.parse_args()


def open_stream(path):
    """The library at path (ctypes) and a philox4x32-10 stream of seed 42 in a buffer."""

    class Seed(ctypes.Structure):  # repro_seed, passed and returned by value
        _fields_ = [("w", ctypes.c_uint64 * 4)]

    lib = ctypes.CDLL(path)
    lib.repro_stream_sizeof.restype = ctypes.c_size_t
    lib.repro_seed_from_u64.restype = Seed
    lib.repro_seed_from_u64.argtypes = [ctypes.c_uint64]
    lib.repro_stream_init.argtypes = [ctypes.c_void_p, ctypes.c_int, Seed]
    lib.repro_isa_name.restype = ctypes.c_char_p
    stream = ctypes.create_string_buffer(lib.repro_stream_sizeof())
    philox4x32 = 1  # REPRO_PHILOX4X32
    if lib.repro_stream_init(stream, philox4x32, lib.repro_seed_from_u64(42)) != 0:
        raise SystemExit("repro_stream_init failed")
    return lib, stream
