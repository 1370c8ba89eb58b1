"""Dask arrays of random numbers that do not change with the chunking.

    from repro_rng.dask import random_array
    x = random_array(42, (10000, 3000), chunks=(1000, 1000), kind="normal")

Element i of the array in row-major (C) order is value i of one stream, so any
chunking, any number of workers and any scheduler give the same array, equal to
Stream(Seed(seed).path(path), algorithm).<kind>(N).  Importing this module imports
dask.array; `import repro_rng` never does.  See docs/guides/dask.md.
"""

import itertools
import math

import dask.array
import numpy
from dask.base import tokenize
from dask.highlevelgraph import HighLevelGraph

from ._lib import FILLS, check, int_arg, lib, real_arg, text_arg
from ._seed import as_seed
from ._stream import Stream

__all__ = ["random_array", "DRAWS", "LAWS"]

# The plain draws (contract section 3, _lib.FILLS): name -> (numpy dtype, words per value).
_DTYPES = {"u32": "uint32", "u64": "uint64", "f32": "float32", "f64": "float64"}
DRAWS = {name: (_DTYPES[kind], words) for name, (kind, words) in FILLS.items()}
# The laws of numpy's Generator (repro_rng.Generator's names and parameters) that
# take a fixed number of words per value (docs/DISTRIBUTIONS.md): name -> (the C fill
# repro_fill_<fill>, numpy dtype, words per value, parameter names).  The others
# reject and draw again (gamma, beta, poisson, binomial, vonmises, ...): their value i
# has no fixed position, so they cannot be chunked this way.
LAWS = {
    "normal": ("gaussian", "float64", 2, ("loc", "scale")),
    "uniform": ("uniform", "float64", 2, ("low", "high")),
    "bernoulli": ("bernoulli", "bool", 2, ("p",)),
    "lognormal": ("lognormal", "float64", 2, ("mean", "sigma")),
    "standard_cauchy": ("standard_cauchy", "float64", 2, ()),
    "laplace": ("laplace", "float64", 2, ("loc", "scale")),
    "logistic": ("logistic", "float64", 2, ("loc", "scale")),
    "gumbel": ("gumbel", "float64", 2, ("loc", "scale")),
    "rayleigh": ("rayleigh", "float64", 2, ("scale",)),
    "weibull": ("weibull", "float64", 2, ("a",)),
    "pareto": ("pareto", "float64", 2, ("a",)),
    "power": ("power", "float64", 2, ("a",)),
    "triangular": ("triangular", "float64", 2, ("left", "mode", "right")),
    "wald": ("wald", "float64", 4, ("mean", "scale")),
    "geometric": ("geometric", "int64", 2, ("p",)),
    "exponential": ("exponential_scaled", "float64", 2, ("scale",)),
}


def _fill_runs(stream, kind, law, params, words, firsts, addr, run, step):
    """Run k (k < len(firsts)) of `run` values, from value firsts[k] of the stream, to
    address addr + k * step.  One C call per run (two for a law): this loop is the
    cost of chunks made of many short runs."""
    s = stream._addr
    if law is None:
        fill_at = getattr(lib, "repro_fill_%s_at" % kind)
        for k, first in enumerate(firsts):
            rc = fill_at(s, first * words, addr + k * step, run)
            if rc < 0:
                check(rc)
        return
    # A law: seek this task's own stream, then fill (what an _at form gives, contract
    # section 3.4; not every law has one).
    fill, seek = getattr(lib, "repro_fill_" + LAWS[law][0]), lib.repro_stream_seek
    for k, first in enumerate(firsts):
        seek(s, first * words)
        check(fill(s, addr + k * step, run, *params))


def _block(state, kind, law, params, words, dtype, shape, starts, sizes):
    """One chunk: the values at its elements' row-major indices in the whole array."""
    stream = Stream.load(state)
    out = numpy.empty(sizes, dtype=dtype)
    if out.size == 0:
        return out
    addr = out.__array_interface__["data"][0]
    # The chunk is made of runs contiguous in the flat order: the axes from `inner` on
    # are whole in it, so a run spans axis inner - 1 and all later ones.
    inner = len(shape)
    while inner > 0 and sizes[inner - 1] == shape[inner - 1]:
        inner -= 1
    strides = [math.prod(shape[a + 1:]) for a in range(len(shape))]
    if inner == 0:  # the whole array (0-d included)
        _fill_runs(stream, kind, law, params, words, [0], addr, out.size, 0)
        return out
    axis = inner - 1
    run = sizes[axis] * strides[axis]
    firsts = numpy.full(1, starts[axis] * strides[axis], dtype=numpy.int64)
    for a in range(axis):  # every combination of the indices before axis, row-major
        along = (starts[a] + numpy.arange(sizes[a], dtype=numpy.int64)) * strides[a]
        firsts = (firsts[:, None] + along[None, :]).reshape(-1)
    _fill_runs(stream, kind, law, params, words, firsts.tolist(), addr, run,
               run * out.itemsize)
    return out


def random_array(seed, shape, chunks, kind="double", *, law=None, params=(), path="",
                 algorithm="philox4x32-10"):
    """A dask.array.Array whose element at row-major flat index i is value i of
    Stream(Seed(seed).path(path), algorithm).<kind>(N), whatever chunks (anything
    dask.array accepts: (1000, 1000), "auto", ((2, 3), (5,)), ...).

    kind: u32, u64, double, double_oc, double_oo, float, normal, exponential.
    law / params instead of kind: one of LAWS, a law of repro_rng.Generator (numpy's
    names and parameter order) with a fixed number of words per value, element i
    being value i of the stream's fill of that law, e.g. law="normal",
    params=(loc, scale).  ValueError for an unknown kind or law, bad parameters or
    chunks (checked here, not later on a worker); TypeError for a wrong type."""
    if isinstance(shape, numpy.ndarray):
        shape = shape.tolist()
    shape = tuple(shape) if isinstance(shape, (tuple, list)) else (shape,)
    shape = tuple(_dim(d) for d in shape)
    if law is None:
        if text_arg(kind, "kind") not in DRAWS:
            raise ValueError("unknown kind %r (one of %s)" % (kind, ", ".join(DRAWS)))
        dtype, words = DRAWS[kind]
        params = ()
    else:
        if kind != "double":
            raise ValueError("give kind or law, not both")
        if text_arg(law, "law") not in LAWS:
            raise ValueError("unknown law %r (one of %s; laws that reject and draw "
                             "again cannot be split by position)" % (law, ", ".join(LAWS)))
        fill, dtype, words, names = LAWS[law]
        if not hasattr(params, "__len__"):
            raise TypeError("params must be a sequence, not %s" % type(params).__name__)
        params = tuple(params)
        if len(params) != len(names):
            raise ValueError("law %r takes params (%s), got %d values"
                             % (law, ", ".join(names), len(params)))
        params = tuple(real_arg(p, name) for p, name in zip(params, names))
    count = math.prod(shape)
    if count * words > 1 << 64:
        raise ValueError("%d values of %d words each exceed the stream's 2**64 words"
                         % (count, words))
    stream = Stream(as_seed(seed).path(path), algorithm)
    state = stream.save()
    if law is not None:  # the C checks of the parameters, on one throwaway value
        probe = numpy.empty(1, dtype=dtype)
        check(getattr(lib, "repro_fill_" + fill)(
            stream._addr, probe.__array_interface__["data"][0], 1, *params), context=law)
    chunks = _chunks(chunks, shape, dtype)
    name = "repro-random-" + tokenize(state, kind, law, params, shape, chunks)
    offsets = [list(itertools.accumulate(c, initial=0)) for c in chunks]
    graph = {}
    for key in itertools.product(*(range(len(c)) for c in chunks)):
        starts = tuple(offsets[a][k] for a, k in enumerate(key))
        sizes = tuple(chunks[a][k] for a, k in enumerate(key))
        graph[(name,) + key] = (_block, state, kind, law, params, words, dtype, shape,
                                starts, sizes)
    hlg = HighLevelGraph.from_collections(name, graph, dependencies=())
    return dask.array.Array(hlg, name, chunks, dtype=dtype)


def _dim(d):
    d = int_arg(d, "shape entries")
    if d < 0:
        raise ValueError("shape entries must be >= 0, got %d" % d)
    return d


def _chunks(chunks, shape, dtype):
    """dask's normalize_chunks, which lets negative and unknown (NaN) sizes through,
    and divides by a 0 size: a ValueError here rather than a failure on a worker."""
    try:
        blocks = dask.array.core.normalize_chunks(chunks, shape, dtype=numpy.dtype(dtype))
    except ZeroDivisionError:
        blocks = None
    if blocks is None or not all(hasattr(type(b), "__index__") and b >= 0
                                 for c in blocks for b in c):
        raise ValueError("chunks must give known sizes >= 0 (> 0 along a non-empty "
                         "axis), got %r" % (chunks,))
    return tuple(tuple(int(b) for b in c) for c in blocks)
