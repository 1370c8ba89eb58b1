"""repro_rng.Generator: numpy.random.Generator's API on the library's own laws.

The methods have numpy 1.24's names, parameters, defaults and order, and its
semantics for size (None, an int or a tuple), dtype, out=, broadcasting of array-like
parameters and exception types.  The values are not numpy's (its algorithms use the
platform's libm): each comes from a C fill repro_fill_<law> of the library
(docs/DISTRIBUTIONS.md), so they are the same bits in C, in Python and on every
platform.  out= also takes a contiguous CPU torch tensor of the method's dtype,
written in place through its numpy view (torch is never imported here).  The values
of a call are drawn in row-major (C) order; with array parameters, value i is the C
fill of one value with element i's parameters, so a call is exactly the C fills of
its runs of equal parameters, in that order.

Without numpy, Generator still draws: size None gives a Python number, an int or a
1-tuple an array.array; a shape of another length, array-like parameters, out= and
permuted() raise ImportError saying that they need numpy.
"""

import array
import bisect
import collections
import ctypes
import itertools
import math
import os
import struct

from . import _tensor
from ._bitgen import BitGenerator
from ._lib import ReproError, check, int_arg, lib, real_arg, text_arg
from ._seed import Seed, as_seed
from ._stream import Stream

try:
    import numpy
except ImportError:
    numpy = None

_MAX = 1.7976931348623157e308  # DBL_MAX: finite means abs(x) <= _MAX (NaN fails too)
_I64_MIN, _I64_MAX = -(1 << 63), (1 << 63) - 1
_U64_MASK = (1 << 64) - 1
_F64 = numpy.float64 if numpy is not None else "float64"  # numpy's defaults
_I64 = numpy.int64 if numpy is not None else "int64"

# Result kinds: numpy dtype, array.array typecode, ctypes scalar, Python type.  The
# integer laws' C fills write uint64 or int64: the parameter bounds keep them in int64.
_RESULTS = {
    "f64": ("float64", "d", ctypes.c_double, float),
    "f32": ("float32", "f", ctypes.c_float, float),
    "i64": ("int64", "q", ctypes.c_int64, int),
    "bool": ("bool", "B", ctypes.c_uint8, bool),
}

# integers(): dtype -> its range.
_INT_RANGES = {"bool": (0, 1)}
for _bits in (8, 16, 32, 64):
    _INT_RANGES["int%d" % _bits] = (-(1 << (_bits - 1)), (1 << (_bits - 1)) - 1)
    _INT_RANGES["uint%d" % _bits] = (0, (1 << _bits) - 1)
del _bits


class _Rule(collections.namedtuple("_Rule", "exc message ok")):
    """Raise exc(message.format(name)) unless ok(value) holds for every element
    (ok(*values) over all parameters for a law's cross rules)."""


def _finite(x):
    return abs(x) <= _MAX


def _positive_sign(x):
    """numpy's x >= 0 test: no sign bit, so -0.0 fails (NaN is checked first)."""
    if isinstance(x, (int, float)):
        return math.copysign(1.0, x) > 0
    return ~numpy.signbit(x)


_FINITE = _Rule(ValueError, "{0} must be finite", _finite)
# numpy's messages:
_NONNEG = _Rule(ValueError, "{0} < 0", lambda x: _positive_sign(x))  # -0.0 too
_POSITIVE = _Rule(ValueError, "{0} <= 0", lambda x: x > 0)
_PROB = _Rule(ValueError, "{0} < 0, {0} > 1 or {0} is NaN", lambda x: (x >= 0) & (x <= 1))
_PROB_OPEN = _Rule(ValueError, "{0} <= 0, {0} > 1 or {0} contains NaNs",
                   lambda x: (x > 0) & (x <= 1))
_LOC = (_FINITE,)
_SCALE = (_FINITE, _NONNEG)
_SHAPE = (_FINITE, _POSITIVE)
_GAMMA = (_FINITE, _NONNEG, _POSITIVE)  # numpy says "shape < 0" (it takes 0)
_NONC = (_FINITE, _NONNEG, _Rule(ValueError, "{0} value too large (at most 2e15)",
                                 lambda x: x <= 2e15))

_SUM_TOL = math.sqrt(2.220446049250313e-16)  # numpy's tolerance on sum(p) == 1
_REQUIRED = object()  # a parameter without default


class _Param(collections.namedtuple("_Param", "name default integer rules")):
    """A law parameter: a real (C double) or an integer (int64), checked by rules."""


def _real(name, default=_REQUIRED, rules=()):
    return _Param(name, default, False, tuple(rules))


def _int(name, default=_REQUIRED, rules=()):
    return _Param(name, default, True, tuple(rules))


# A numpy method drawn by one C fill, repro_fill_<fill>(s, out, n, *params, *extra):
#   params: its parameters in numpy's order; cross: rules over all of them; result:
#   the kind of its values; dtype: numpy gives it dtype= and out=, float32 drawn by
#   repro_fill_<fill32> (None: not provided); doc: what it draws.
_Law = collections.namedtuple("_Law", "fill params result cross extra dtype fill32 doc")


def _law(fill, params=(), result="f64", cross=(), extra=(), dtype=False, fill32=None,
         doc=""):
    return _Law(fill, tuple(params), result, tuple(cross), tuple(extra), dtype, fill32,
                doc)


def _loc_scale(fill, what):
    return _law(fill, [_real("loc", 0.0, _LOC), _real("scale", 1.0, _SCALE)],
                doc="%s values: repro_fill_%s(loc, scale)." % (what, fill))


# Adding a numpy method backed by a C law is one entry here (and the C function's
# declaration in _lib.SIGNATURES).
LAWS = {
    "random": _law("double", dtype=True, fill32="float",
                   doc="Uniform floats in [0, 1): repro_fill_double (float32: "
                       "repro_fill_float)."),
    "standard_normal": _law("normal", dtype=True, fill32="normal_float",
                            doc="Standard normal values: repro_fill_normal (float32: "
                                "repro_fill_normal_float)."),
    "standard_exponential": _law("exponential", dtype=True, fill32="exponential_float",
                                 doc="Standard exponential values: "
                                     "repro_fill_exponential."),
    "standard_gamma": _law("gamma", [_real("shape", rules=_GAMMA)], extra=(1.0,),
                           dtype=True, fill32="gamma_float",
                           doc="Gamma(shape, 1) values: repro_fill_gamma(shape, 1) "
                               "(float32: repro_fill_gamma_float, those draws "
                               "rounded to float)."),
    "exponential": _law("exponential_scaled", [_real("scale", 1.0, _SCALE)],
                        doc="Exponential values of mean scale: "
                            "repro_fill_exponential_scaled."),
    "normal": _law("gaussian", [_real("loc", 0.0, _LOC), _real("scale", 1.0, _SCALE)],
                   doc="Normal values loc + scale * N: repro_fill_gaussian."),
    "uniform": _law(
        "uniform", [_real("low", 0.0), _real("high", 1.0)],
        cross=[_Rule(OverflowError, "high - low range exceeds valid bounds",
                     lambda lo, hi: _finite(lo) & _finite(hi)),
               _Rule(ValueError, "high - low < 0", lambda lo, hi: hi >= lo),
               _Rule(ValueError, "high - low == 0: values are drawn from [low, high), "
                                 "low < high", lambda lo, hi: hi > lo)],
        doc="Uniform values in [low, high): repro_fill_uniform."),
    "gamma": _law("gamma", [_real("shape", rules=_GAMMA), _real("scale", 1.0, _GAMMA)],
                  doc="Gamma(shape, scale) values: repro_fill_gamma."),
    "beta": _law("beta", [_real("a", rules=_SHAPE), _real("b", rules=_SHAPE)],
                 doc="Beta(a, b) values: repro_fill_beta."),
    "poisson": _law("poisson", [_real("lam", 1.0, [
        _Rule(ValueError, "lam < 0 or lam is NaN", lambda x: x >= 0),
        _Rule(ValueError, "lam value too large (at most 1e15)", lambda x: x <= 1e15)])],
        result="i64", doc="Poisson(lam) counts: repro_fill_poisson."),
    "binomial": _law("binomial", [_int("n", rules=[_NONNEG]), _real("p", rules=[_PROB])],
                     result="i64", doc="Binomial(n, p) counts: repro_fill_binomial."),
    "lognormal": _law("lognormal", [_real("mean", 0.0, _LOC),
                                    _real("sigma", 1.0, _SCALE)],
                      doc="exp(mean + sigma N): repro_fill_lognormal."),
    "standard_cauchy": _law("standard_cauchy",
                            doc="Standard Cauchy values: repro_fill_standard_cauchy."),
    "laplace": _loc_scale("laplace", "Laplace"),
    "logistic": _loc_scale("logistic", "Logistic"),
    "gumbel": _loc_scale("gumbel", "Gumbel"),
    "rayleigh": _law("rayleigh", [_real("scale", 1.0, _SCALE)],
                     doc="Rayleigh values: repro_fill_rayleigh."),
    "weibull": _law("weibull", [_real("a", rules=_SCALE)],
                    doc="Weibull(a) values (a = 0 gives 0): repro_fill_weibull."),
    "pareto": _law("pareto", [_real("a", rules=_SHAPE)],
                   doc="Pareto II (Lomax) values, numpy's pareto: repro_fill_pareto."),
    "power": _law("power", [_real("a", rules=_SHAPE)],
                  doc="Power(a) values in [0, 1]: repro_fill_power."),
    "triangular": _law(
        "triangular", [_real("left"), _real("mode"), _real("right")],
        cross=[_Rule(ValueError, "left, mode and right must be finite, and right - left "
                                 "too", lambda a, m, b: _finite(a) & _finite(m)
                     & _finite(b) & _finite(b - a)),
               _Rule(ValueError, "left > mode", lambda a, m, b: a <= m),
               _Rule(ValueError, "mode > right", lambda a, m, b: m <= b),
               _Rule(ValueError, "left == right", lambda a, m, b: a < b)],
        doc="Triangular(left, mode, right) values: repro_fill_triangular."),
    "wald": _law("wald", [_real("mean", rules=_SHAPE), _real("scale", rules=_SHAPE)],
                 doc="Wald (inverse Gaussian) values: repro_fill_wald."),
    "vonmises": _law("vonmises", [_real("mu", rules=_LOC), _real("kappa", rules=_SCALE)],
                     doc="von Mises values in [-pi, pi]: repro_fill_vonmises."),
    "chisquare": _law("chisquare", [_real("df", rules=_SHAPE)],
                      doc="Chi-square(df) values: repro_fill_chisquare."),
    "standard_t": _law("standard_t", [_real("df", rules=_SHAPE)],
                       doc="Student's t(df) values: repro_fill_standard_t."),
    "f": _law("f", [_real("dfnum", rules=_SHAPE), _real("dfden", rules=_SHAPE)],
              doc="F(dfnum, dfden) values: repro_fill_f."),
    "noncentral_chisquare": _law(
        "noncentral_chisquare", [_real("df", rules=_SHAPE), _real("nonc", rules=_NONC)],
        doc="Noncentral chi-square values: repro_fill_noncentral_chisquare."),
    "noncentral_f": _law(
        "noncentral_f", [_real("dfnum", rules=_SHAPE), _real("dfden", rules=_SHAPE),
                         _real("nonc", rules=_NONC)],
        doc="Noncentral F values: repro_fill_noncentral_f."),
    "negative_binomial": _law(
        "negative_binomial", [_real("n", rules=_SHAPE), _real("p", rules=[_PROB_OPEN])],
        cross=[_Rule(ValueError, "n (1 - p) / p too large (the library's limit: it and "
                                 "(1 - p) / p at most 1e12)",
                     lambda n, p: ((1 - p) / p <= 1e12) & (n * ((1 - p) / p) <= 1e12))],
        result="i64", doc="Failures before the n-th success: "
                          "repro_fill_negative_binomial."),
    "geometric": _law("geometric", [_real("p", rules=[_PROB_OPEN])], result="i64",
                      doc="Geometric(p) trial counts >= 1: repro_fill_geometric."),
    "logseries": _law("logseries", [_real("p", rules=[
        _Rule(ValueError, "p < 0, p >= 1 or p is NaN", lambda x: (x >= 0) & (x < 1))])],
        result="i64", doc="Logarithmic series values: repro_fill_logseries."),
    "zipf": _law("zipf", [_real("a", rules=[
        _Rule(ValueError, "a <= 1 or a is NaN", lambda x: x > 1), _FINITE,
        _Rule(ValueError, "a - 1 < 2**-20 (the library's limit)",
              lambda x: x - 1 >= 2.0 ** -20)])],
        result="i64", doc="Zipf(a) values: repro_fill_zipf."),
    "hypergeometric": _law(
        "hypergeometric",
        [_int("ngood", rules=[_NONNEG]), _int("nbad", rules=[_NONNEG]),
         _int("nsample", rules=[_NONNEG])],
        cross=[_Rule(ValueError, "both ngood and nbad must be less than 1000000000",
                     lambda g, b, s: (g < 10 ** 9) & (b < 10 ** 9)),
               _Rule(ValueError, "ngood + nbad < nsample", lambda g, b, s: g + b >= s)],
        result="i64", doc="Hypergeometric counts: repro_fill_hypergeometric."),
    # Not a numpy method: the library's Bernoulli law (numpy users write binomial(1, p)).
    "bernoulli": _law("bernoulli", [_real("p", rules=[_PROB])], result="bool",
                      doc="True with probability p: repro_fill_bernoulli (an "
                          "extension, not a numpy method)."),
}


# ---- arguments ----------------------------------------------------------------------
def _needs_numpy(what):
    return ImportError("%s needs numpy, which is not importable here: without it, "
                       "Generator takes scalar parameters and gives Python numbers or "
                       "1-d array.array results" % what)


def _is_array_like(x):
    """Lists, tuples, numpy arrays and what numpy converts (__array__...)."""
    if isinstance(x, (bool, int, float, str, bytes)):
        return False
    if numpy is not None and isinstance(x, numpy.generic):
        return False
    return isinstance(x, (list, tuple)) or hasattr(x, "__array__") or \
        hasattr(x, "__array_interface__")


def _as_array(value, what):
    if numpy is None:
        raise _needs_numpy("an array-like %s" % what)
    return numpy.asarray(value)


def _integer(x, what):
    """An integer parameter as a Python int: ints, numpy integers and integral floats
    (numpy takes those); TypeError for other types, ValueError for a fraction."""
    if isinstance(x, float) or (numpy is not None and isinstance(x, numpy.floating)):
        if not (_finite(x) and float(x).is_integer()):
            raise ValueError("%s must be an integer, got %r" % (what, x))
        return int(x)
    return int_arg(x, what)


def _integers(arr, what):
    """An integer array (integers, or integral floats) as an object array of Python
    ints: exact comparisons and arithmetic whatever the range."""
    if arr.dtype.kind == "f":
        if not numpy.all(numpy.isfinite(arr) & (arr == numpy.floor(arr))):
            raise ValueError("%s must be integers" % what)
        return numpy.vectorize(int, otypes=[object])(arr)
    if arr.dtype.kind == "O":  # Python ints beyond int64 (checked by the caller)
        return numpy.vectorize(lambda v: _integer(v, what), otypes=[object])(arr)
    if arr.dtype.kind not in "iu":
        raise TypeError("%s must be integers, not an array of %s" % (what, arr.dtype))
    return arr.astype(object)


def _param(spec, value):
    """A parameter as a Python float or int, or a numpy array (float64, or int64 for
    an integer parameter)."""
    if type(value) is float and not spec.integer:  # the common case, first
        return value
    if _is_array_like(value):
        arr = _as_array(value, spec.name)
        if arr.ndim == 0:
            return _param(spec, arr[()])
        if spec.integer:
            ints = _integers(arr, spec.name)
            if not _holds((ints >= _I64_MIN) & (ints <= _I64_MAX)):
                raise OverflowError("%s is out of bounds for int64" % spec.name)
            return ints.astype(numpy.int64)
        if arr.dtype.kind not in "iuf":
            raise TypeError("%s must be real numbers, not an array of %s"
                            % (spec.name, arr.dtype))
        return arr.astype(numpy.float64)
    if spec.integer:
        v = _integer(value, spec.name)
        if not _I64_MIN <= v <= _I64_MAX:
            raise OverflowError("%s is out of bounds for int64" % spec.name)
        return v
    return real_arg(value, spec.name)


def _real_list(values, what):
    """A 1-d sequence of reals as a list of floats; None when it has more
    dimensions."""
    if numpy is not None:
        arr = numpy.asarray(values)
        if arr.ndim != 1:
            return None
        if arr.dtype.kind not in "iuf":
            raise TypeError("%s must be real numbers, not an array of %s"
                            % (what, arr.dtype))
        return arr.astype(numpy.float64).tolist()
    if not isinstance(values, (list, tuple)):
        raise TypeError("%s must be a sequence of real numbers" % what)
    if any(isinstance(v, (list, tuple)) for v in values):
        return None
    return [real_arg(v, what) for v in values]


def _holds(ok):
    if ok is True or ok is False:
        return ok
    return bool(numpy.all(ok)) if numpy is not None and isinstance(ok, numpy.ndarray) \
        else bool(ok)


def _is_scalar(p):
    return isinstance(p, (int, float))


def _shapes(params):
    """The shapes of the array parameters."""
    return [p.shape for p in params if not _is_scalar(p)]


def _shape(size):
    """size as a tuple of dimensions, or None (numpy's rules: an integer or a
    sequence of integers, none negative)."""
    if size is None:
        return None
    if _is_array_like(size):
        seq = size.tolist() if hasattr(size, "tolist") else size
        dims = tuple(int_arg(d, "size") for d in
                     (seq if isinstance(seq, (list, tuple)) else [seq]))  # 0-d: an int
    else:
        dims = (int_arg(size, "size"),)
    if any(d < 0 for d in dims):
        raise ValueError("negative dimensions are not allowed")
    return dims


def _axis(axis, ndim):
    """axis in [0, ndim) (negative ones count from the end); numpy's AxisError (a
    ValueError and an IndexError) when out of range."""
    axis = int_arg(axis, "axis")
    if not -ndim <= axis < ndim:
        raise getattr(numpy, "exceptions", numpy).AxisError(axis, ndim)
    return axis % ndim


def _count(shape):
    n = 1
    for d in shape:
        n *= d
    return n


_DTYPE_NAMES = {}


def _dtype_name(dtype, method, allowed):
    """numpy's name of a dtype= argument; TypeError unless in allowed."""
    try:
        name = _DTYPE_NAMES[dtype]  # numpy.dtype(...).name takes microseconds
    except (KeyError, TypeError):  # new, or unhashable
        if numpy is not None:
            dt = numpy.dtype(dtype)
            name = dt.name if dt.isnative else dt.str  # ">f8": refused below
        else:  # names, the Python types numpy maps, and types named as numpy's
            name = {float: "float64", int: "int64", bool: "bool"}.get(dtype) or \
                getattr(dtype, "__name__", dtype)
        if isinstance(name, str) and len(_DTYPE_NAMES) < 64:
            try:
                _DTYPE_NAMES[dtype] = name
            except TypeError:
                pass
    if name not in allowed:
        if name[:1] in "<>":  # numpy: ValueError for integers, TypeError for floats
            raise (ValueError if method == "integers" else TypeError)(
                "Unsupported dtype %r for %s: a non-native byte order" % (name, method))
        raise TypeError("Unsupported dtype %r for %s" % (name, method))
    return name


def _tensor_array(out):
    """A torch tensor given as out=: its numpy view (the same memory), after
    Stream.fill's checks of tensors (on the CPU, contiguous, a dtype the library
    writes, not requiring grad in grad mode)."""
    if numpy is None:
        raise _needs_numpy("out=")
    _tensor.as_buffer(out)
    return out.detach().numpy()


def _check_out(out, kind, shape):
    """numpy's checks of out=: a contiguous, writable, aligned, native array of the
    method's dtype, of shape size when both are given.  Returns its shape."""
    if numpy is None:
        raise _needs_numpy("out=")
    if not isinstance(out, numpy.ndarray):
        raise ValueError("Supplied output array must be contiguous, writable, aligned, "
                         "and in machine byte-order: a numpy array, not %s"
                         % type(out).__name__)
    want = numpy.dtype(_RESULTS[kind][0])
    if out.dtype != want:
        raise TypeError("Supplied output array has the wrong type. Expected %s, got %s"
                        % (want, out.dtype))
    f = out.flags
    if not ((f.c_contiguous or f.f_contiguous) and f.writeable and f.aligned
            and out.dtype.isnative):
        raise ValueError("Supplied output array must be contiguous, writable, aligned, "
                         "and in machine byte-order.")
    if shape is not None and shape != out.shape:
        raise ValueError("size must match out.shape when used together")
    return out.shape


def _address(a):
    if numpy is not None and isinstance(a, numpy.ndarray):
        return a.__array_interface__["data"][0]
    return a.buffer_info()[0]


def _empty(kind, shape):
    """A new array of kind: numpy's of shape, else a 1-d array.array."""
    dtype, typecode = _RESULTS[kind][:2]
    if numpy is not None:
        return numpy.empty(shape, dtype=dtype)
    if len(shape) != 1:
        raise _needs_numpy("size=%r (a shape of %d dimensions)" % (shape, len(shape)))
    return array.array(typecode, [0]) * shape[0]


def _runs(flats, n):
    """(start, count, values) of each run of equal parameters (equal bits: -0.0 and
    0.0 can draw different values) in the flattened, broadcast parameter arrays."""
    change = numpy.zeros(max(n - 1, 0), dtype=bool)
    for f in flats:
        bits = f.view(numpy.uint64)
        change |= bits[1:] != bits[:-1]
    starts = [0] + (numpy.flatnonzero(change) + 1).tolist() if n else []
    counts = numpy.diff(starts + [n]).tolist()
    return list(zip(starts, counts, zip(*[f[starts].tolist() for f in flats])))


# ---- the generator ------------------------------------------------------------------
class Generator:
    """numpy.random.Generator's methods drawing the library's laws from a Stream.

    Generator(stream) wraps a repro_rng.Stream (or a repro_rng.BitGenerator: its
    stream); draws advance it in the contract order, so C code making the same fills
    on the same stream gets the same bits.  repro_rng.default_rng(seed, path=...)
    makes one on a new stream.  pickle, cloudpickle and copy.deepcopy give a Generator
    that continues exactly where this one is, on a stream of its own.  Draws are
    serialised by the stream's lock."""

    __slots__ = ("_stream", "_seed", "_path", "_spawned", "_bitgen")

    def __init__(self, stream):
        if isinstance(stream, BitGenerator):
            stream = stream.stream
        if not isinstance(stream, Stream):
            raise TypeError("Generator needs a repro_rng.Stream, not %s"
                            % type(stream).__name__)
        self._stream, self._seed, self._path, self._spawned = stream, stream.seed, "", 0
        self._bitgen = None

    @classmethod
    def _make(cls, stream, seed, path, spawned):
        g = cls(stream)
        g._seed, g._path, g._spawned = seed, path, spawned
        return g

    @property
    def stream(self):
        """The Stream drawn from (shared, not copied)."""
        return self._stream

    @property
    def seed(self):
        """The root Seed: default_rng(rng.seed, path=rng.path, algorithm=...) starts
        the same stream again; for default_rng(None), the entropy it drew."""
        return self._seed

    @property
    def path(self):
        """The seed path from seed to the stream's seed ("" for Generator(stream))."""
        return self._path

    @property
    def bit_generator(self):
        """The numpy-compatible bit generator on this stream (shared):
        numpy.random.Generator(rng.bit_generator) runs numpy's algorithms on our
        words."""
        if self._bitgen is None:
            self._bitgen = BitGenerator(self._stream)
        return self._bitgen

    def spawn(self, n_children):
        """n_children new Generators on the seeds of the paths "<path>/spawn/#k",
        k counting this Generator's children over all its spawn calls (pickles keep
        the count), each at position 0 with this stream's algorithm."""
        n = int_arg(n_children, "n_children")
        if n < 0:
            raise ValueError("n_children must be non-negative, got %d" % n)
        with self._stream._lock:
            first, self._spawned = self._spawned, self._spawned + n
        algorithm = self._stream.algorithm
        prefix = self._path + "/" if self._path else ""
        children = []
        for k in range(first, first + n):
            path = "%sspawn/#%d" % (prefix, k)
            children.append(Generator._make(Stream(self._seed.path(path), algorithm),
                                            self._seed, path, 0))
        return children

    def __reduce__(self):
        return (_restore, (self._stream.save(), self._seed.hex(), self._path,
                           self._spawned))

    def __deepcopy__(self, memo):
        return Generator._make(self._stream.copy(), self._seed, self._path, self._spawned)

    def __repr__(self):
        return "repro_rng.Generator(%r)" % (self._stream,)

    # ---- the engine -----------------------------------------------------------------
    def _draw(self, name, args, size, dtype=None, out=None):
        """The values of LAWS[name] for these parameters, size, dtype and out (a numpy
        array, or a torch tensor, written through its numpy view and returned)."""
        if _tensor.is_tensor(out):
            tensor = out
            self._draw(name, args, size, dtype, _tensor_array(out))
            _tensor.written(tensor)
            return tensor
        law = LAWS[name]
        kind, fill = law.result, law.fill
        if law.dtype:
            if _dtype_name(dtype, name, ("float64", "float32")) == "float32":
                if law.fill32 is None:
                    raise TypeError("Unsupported dtype 'float32' for %s: the library "
                                    "has no float32 form of this law" % name)
                kind, fill = "f32", law.fill32
        params = [_param(spec, a) for spec, a in zip(law.params, args)]
        shape = self._target_shape(_shapes(params), size, out, kind)
        for spec, value in zip(law.params, params):
            for rule in spec.rules:
                if not _holds(rule.ok(value)):
                    raise rule.exc(rule.message.format(spec.name))
        for rule in law.cross:
            if not _holds(rule.ok(*params)):
                raise rule.exc(rule.message)
        return self._fill(getattr(lib, "repro_fill_" + fill), kind,
                          params + list(law.extra), shape, out)

    @staticmethod
    def _target_shape(shapes, size, out=None, kind=None):
        """The result's shape (None: one Python number), by numpy's rules: size, else
        out's shape, else the broadcast shape of the array parameters' shapes, which
        must broadcast to it."""
        shape = _shape(size)
        if out is not None:
            shape = _check_out(out, kind, shape)
        if shapes:
            both = numpy.broadcast_shapes(*shapes)
            if shape is None:
                shape = both
            elif numpy.broadcast_shapes(shape, both) != shape:
                raise ValueError("shape mismatch: objects cannot be broadcast to a "
                                 "single shape: size %r, parameters of shapes %s"
                                 % (shape, ", ".join(map(str, shapes))))
        return shape

    def _fill(self, fn, kind, params, shape, out=None):
        """The values of fn, repro_fill_<law>(s, out, n, *params), as one Python
        number (shape None), or in a new array of shape, or in out."""
        stream = self._stream
        if shape is None:
            box = _RESULTS[kind][2]()
            with stream._lock:
                check(fn(stream._addr, ctypes.addressof(box), 1, *params))
            return _RESULTS[kind][3](box.value)
        n = _count(shape)
        direct = out is not None and out.flags.c_contiguous
        result = out if direct else _empty(kind, shape)
        base = _address(result)
        if all(_is_scalar(p) for p in params):
            with stream._lock:
                check(fn(stream._addr, base, n, *params))
        else:
            flats = [numpy.broadcast_to(p, shape).reshape(-1) if not _is_scalar(p)
                     else numpy.full(n, p) for p in params]
            runs, step = _runs(flats, n), result.itemsize
            with stream._lock:
                for _, _, values in runs:  # C's own checks first: nothing drawn on error
                    check(fn(stream._addr, None, 0, *values))
                for start, count, values in runs:
                    check(fn(stream._addr, base + start * step, count, *values))
        if out is not None and not direct:
            out[...] = result
            return out
        return result

    # ---- the methods that need more than one table entry ---------------------------
    def standard_exponential(self, size=None, dtype=_F64, method="zig", out=None):
        """Standard exponential values: repro_fill_exponential (float32:
        repro_fill_exponential_float).  method (numpy's: "zig", else inversion)
        changes nothing: the library has one algorithm."""
        return self._draw("standard_exponential", (), size, dtype, out)

    def integers(self, low, high=None, size=None, dtype=_I64, endpoint=False):
        """Uniform integers in [low, high), or [low, high] with endpoint=True; high
        None: [0, low).  repro_fill_integers(low, high inclusive): exact, unbiased.
        Other dtypes than int64 take its values (in their range); uint64 takes
        repro_fill_integers(low - 2**63, high - 2**63) with the top bit flipped: the
        law is low + a bounded draw of high - low + 1 values modulo 2**64, so these
        are its values over [low, high].  Without numpy: Python ints, array.array
        "q" ("Q" for uint64)."""
        name = _dtype_name(dtype, "integers", _INT_RANGES)
        if high is None:
            low, high = 0, low
        lo, hi = (_integers(_as_array(v, w), w) if _is_array_like(v) else _integer(v, w)
                  for v, w in ((low, "low"), (high, "high")))
        if not _holds(lo <= hi if endpoint else lo < hi):
            raise ValueError("low > high" if endpoint else "low >= high")
        if not endpoint:
            hi = hi - 1
        least, most = _INT_RANGES[name]
        for v, w in ((lo, "low"), (hi, "high")):
            if not _holds((v >= least) & (v <= most)):
                raise ValueError("%s is out of bounds for %s" % (w, name))
        shift = 1 << 63 if name == "uint64" else 0
        params = [v - shift if isinstance(v, int) else (v - shift).astype(numpy.int64)
                  for v in (lo, hi)]
        shape = self._target_shape(_shapes(params), size)
        values = self._fill(lib.repro_fill_integers, "i64", params, shape)
        if shape is None:
            if shift:
                values = (values + shift) & _U64_MASK
            if numpy is None or dtype in (int, bool):  # numpy gives these types
                return bool(values) if name == "bool" else values
            return numpy.dtype(name).type(values)
        if numpy is None:
            return array.array("Q", [(v + shift) & _U64_MASK for v in values]) \
                if shift else values
        if shift:
            return values.view(numpy.uint64) ^ numpy.uint64(shift)
        return values if name == "int64" else values.astype(name)

    def bytes(self, length):
        """length random bytes: the little-endian bytes of ceil(length / 4) u32 draws
        (repro_fill_u32), the last word cut to length."""
        length = int_arg(length, "length")
        if length < 0:
            raise ValueError("length must be non-negative, got %d" % length)
        words = self._stream.u32((length + 3) // 4)
        if numpy is not None:
            return words.astype("<u4").tobytes()[:length]
        return struct.pack("<%dI" % len(words), *words)[:length]

    def shuffle(self, x, axis=0):
        """Shuffles x in place along axis: Stream.shuffle, repro_shuffle's order of
        len(x) elements (whatever x holds).  axis only for numpy arrays."""
        if numpy is not None and isinstance(x, numpy.ndarray):
            if x.ndim == 0:
                raise TypeError("len() of unsized object: cannot shuffle a "
                                "0-dimensional array")
            axis = _axis(axis, x.ndim)
            if axis:
                x = numpy.swapaxes(x, 0, axis)  # a view: shuffled through
        else:
            len(x)  # numpy's order: TypeError for an unsized x before the axis check
            if axis != 0:
                raise NotImplementedError("Axis argument is only supported on ndarray "
                                      "objects")
        self._stream.shuffle(x)

    def permutation(self, x, axis=0):
        """An integer x: 0 .. x-1 in shuffled order (int64).  Else a copy of x
        shuffled along axis.  Both by repro_shuffle.  Without numpy: an array.array
        for an integer, a list for a sequence."""
        if not _is_array_like(x):
            try:
                n = int_arg(x, "x")
            except TypeError:
                if numpy is None:
                    raise
                n = None
            if n is not None:
                n = max(n, 0)  # numpy's arange(x): empty for x < 0
                idx = numpy.arange(n, dtype=numpy.int64) if numpy is not None \
                    else array.array("q", range(n))
                self._stream.shuffle(idx)
                return idx
        if numpy is None:
            if int_arg(axis, "axis") != 0:
                raise NotImplementedError("Axis argument is only supported on ndarray "
                                          "objects")
            items = list(x)
            self._stream.shuffle(items)
            return items
        arr = numpy.array(x)  # a copy
        _axis(axis, arr.ndim)
        self.shuffle(arr, axis)
        return arr

    def permuted(self, x, *, axis=None, out=None):
        """x shuffled along axis, each 1-d slice on its own, in row-major order of
        the other axes, each by repro_shuffle; axis None: the flattened array as one.
        Into out when given (it may be x itself), else into a new array."""
        if numpy is None:
            raise _needs_numpy("permuted()")
        x = numpy.asarray(x)
        if x.ndim == 0:
            raise TypeError("len() of unsized object")
        if out is None:
            out = x.copy()
        else:
            if not isinstance(out, numpy.ndarray):
                raise TypeError("out must be a numpy array")
            if out.shape != x.shape:
                raise ValueError("out must have the same shape as x")
            numpy.copyto(out, x, casting="safe")
        if axis is None:
            flat = out.reshape(-1)  # a view when it can be, else a copy
            self._stream.shuffle(flat)
            if not numpy.shares_memory(flat, out):
                out[...] = flat.reshape(out.shape)
            return out
        axis = _axis(axis, out.ndim)
        lanes = numpy.moveaxis(out, axis, -1)  # views
        for index in numpy.ndindex(lanes.shape[:-1]):
            self._stream.shuffle(lanes[index])
        return out

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        """Items of a (an integer n: 0 .. n-1; else a's items along axis) at random
        indices: with replacement, uniform integers(0, n) or, with weights p,
        repro_fill_choice through an alias table (repro_alias_init); without
        replacement, repro_choice_without_replacement or, with p,
        repro_choice_weighted_without_replacement (successive draws, each weighted by
        the p of the items left), both already in random order (shuffle=False
        changes nothing).  Without numpy: a an integer or a sequence (then a list of
        its items)."""
        population = None
        if numpy is not None and isinstance(a, numpy.ndarray) and a.ndim == 0:
            a = a[()]  # a 0-d array is its scalar, as in numpy
        if _is_array_like(a) or isinstance(a, (str, bytes)):
            if numpy is None:
                if int_arg(axis, "axis") != 0:
                    raise NotImplementedError("axis needs numpy")
                population = list(a)
                n = len(population)
            else:
                population = numpy.asarray(a)
                if population.ndim == 0:
                    raise ValueError("a must be a sequence or an integer, not %s"
                                     % type(a))
                axis = _axis(axis, population.ndim)
                n = population.shape[axis]
        else:
            try:
                n = int_arg(a, "a")
            except TypeError:
                raise ValueError("a must be a sequence or an integer, not %s"
                                 % type(a)) from None
        shape = _shape(size)
        k = 1 if shape is None else _count(shape)
        if n <= 0 and k > 0:
            raise ValueError("a must be a positive integer unless no samples are taken"
                             if population is None else
                             "a cannot be empty unless no samples are taken")
        table = self._alias(p, n) if p is not None and replace else None
        if table is not None:
            idx = self._fill(lib.repro_fill_choice, "i64", [ctypes.addressof(table)],
                             shape)
        elif replace:
            idx = self.integers(0, n, size=shape) if k else _empty("i64", shape)
            if shape is None:
                idx = int(idx)
        else:
            if k > n:
                raise ValueError("Cannot take a larger sample than population when "
                                 "replace is False")
            idx = _empty("i64", (k,))
            weights, positive = (None, n) if p is None else self._weights(p, n)
            if positive < k:
                raise ValueError("Fewer non-zero entries in p than size")
            with self._stream._lock:
                if weights is None:
                    check(lib.repro_choice_without_replacement(self._stream._addr,
                                                               _address(idx), k, n))
                else:
                    check(lib.repro_choice_weighted_without_replacement(
                        self._stream._addr, _address(idx), k, _address(weights), n,
                        (ctypes.c_uint64 * k)()))
            idx = int(idx[0]) if shape is None else \
                (idx.reshape(shape) if numpy is not None else idx)
        if population is None:
            return idx
        if numpy is None:
            return population[idx] if shape is None else [population[i] for i in idx]
        return population.take(idx, axis=axis)

    # ---- laws of vectors: values of shape size + (k,) ---------------------------------
    def _vectors(self, fn, kind, size, k, params):
        """n = prod(size) vectors of k values of fn, repro_fill_<law>(s, out, n,
        *params): an array of shape size + (k,) (without numpy: size None, one
        array.array of k).  k = 0: empty vectors, nothing drawn (numpy's dirichlet)."""
        shape = _shape(size)
        if shape is not None and numpy is None:
            raise _needs_numpy("size= with a law of vectors")
        n = 1 if shape is None else _count(shape)
        out = _empty(kind, (n * k,))
        if k:
            with self._stream._lock:
                check(fn(self._stream._addr, _address(out), n, *params))
        return out if numpy is None else out.reshape((shape or ()) + (k,))

    def dirichlet(self, alpha, size=None):
        """Dirichlet(alpha) vectors (shape size + (len(alpha),)):
        repro_fill_dirichlet."""
        if not hasattr(alpha, "__len__"):
            raise TypeError("alpha must be a sequence, not %s" % type(alpha).__name__)
        values = _real_list(alpha, "alpha")
        if values is None:
            raise ValueError("object too deep for desired array")
        if not all(v > 0 for v in values):
            raise ValueError("alpha <= 0")
        if not all(_finite(v) for v in values):
            raise ValueError("alpha must be finite")
        k = len(values)
        return self._vectors(lib.repro_fill_dirichlet, "f64", size, k,
                             ((ctypes.c_double * k)(*values), k))

    def multinomial(self, n, pvals, size=None):
        """Counts of n trials over k = pvals.shape[-1] outcomes (the last one gets 1
        minus the others' sum): repro_fill_multinomial.  n and the rows of pvals
        broadcast: shape size + (k,), else their broadcast shape + (k,); each vector
        is drawn with its own n and row, in row-major order."""
        trials = _param(_int("n"), n)
        if not _holds(trials >= 0):
            raise ValueError("n < 0")
        bad = ValueError("pvals must have at least 1 dimension and the last dimension "
                         "of pvals must be greater than 0.")
        if numpy is None:
            row = _real_list(pvals, "pvals")
            if row is None:
                raise _needs_numpy("pvals of more than one dimension")
            rows, lead = [row], ()
        else:
            arr = numpy.asarray(pvals)
            if arr.dtype.kind not in "iuf":
                raise TypeError("pvals must be real numbers, not an array of %s"
                                % arr.dtype)
            if arr.ndim == 0 or arr.shape[-1] == 0:
                raise bad
            rows, lead = arr.astype(numpy.float64).reshape(-1, arr.shape[-1]).tolist(), \
                arr.shape[:-1]
        k = len(rows[0]) if rows else 0
        if k == 0:
            raise bad
        for row in rows:
            if not all(0 <= v <= 1 for v in row):
                raise ValueError("pvals < 0, pvals > 1 or pvals contains NaNs")
            if math.fsum(row[:-1]) > 1.0 + 1e-12:
                raise ValueError("sum(pvals[:-1]) > 1.0")
        fill, cps = lib.repro_fill_multinomial, [(ctypes.c_double * k)(*r) for r in rows]
        if _is_scalar(trials) and not lead:
            return self._vectors(fill, "i64", size, k, (trials, cps[0], k))
        shapes = ([] if _is_scalar(trials) else [trials.shape]) + [lead]
        batch = self._target_shape(shapes, size)
        ns = numpy.broadcast_to(trials, batch).reshape(-1).tolist()
        which = numpy.broadcast_to(numpy.arange(len(rows)).reshape(lead), batch)
        pairs = list(zip(ns, [cps[i] for i in which.reshape(-1).tolist()]))
        out = numpy.empty(batch + (k,), dtype=numpy.int64)
        base, addr = _address(out), self._stream._addr
        with self._stream._lock:
            for t, cp in pairs:  # C's own checks first: nothing drawn on error
                check(fill(addr, None, 0, t, cp, k))
            for i, (t, cp) in enumerate(pairs):
                check(fill(addr, base + 8 * k * i, 1, t, cp, k))
        return out

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8,
                            *, method="svd"):
        """mean + L z vectors (shape size + (len(mean),)), L the library's Cholesky
        factor of cov (repro_mvnormal_factor: the same L whatever method says; numpy's
        "svd", "eigh" and "cholesky" are checked names) and z standard normals:
        repro_fill_multivariate_normal.  A cov the library cannot factor (not
        symmetric positive semi-definite within 2**-40 d max cov_ii) raises
        ValueError whatever check_valid and tol say (they are checked, not used)."""
        if check_valid not in ("warn", "raise", "ignore"):
            raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
        if method not in ("svd", "eigh", "cholesky"):
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        real_arg(tol, "tol")
        mu = _real_list(mean, "mean")
        if mu is None:
            raise ValueError("mean must be 1 dimensional")
        d = len(mu)
        if numpy is not None:
            c = numpy.asarray(cov)
            if c.ndim != 2 or c.shape[0] != c.shape[1]:
                raise ValueError("cov must be 2 dimensional and square")
            entries = _real_list(c.reshape(-1), "cov")
            side = c.shape[0]
        else:
            if not (isinstance(cov, (list, tuple)) and
                    all(isinstance(r, (list, tuple)) and len(r) == len(cov) for r in cov)):
                raise ValueError("cov must be 2 dimensional and square")
            entries, side = [real_arg(v, "cov") for r in cov for v in r], len(cov)
        if side != d:
            raise ValueError("mean and cov must have same length")
        if d == 0:
            raise ValueError("mean must have at least one element")
        factor = (ctypes.c_double * (d * d))()
        try:
            check(lib.repro_mvnormal_factor((ctypes.c_double * (d * d))(*entries), d,
                                            factor))
        except ReproError:
            raise ValueError("covariance is not symmetric positive-semidefinite (the "
                             "library's Cholesky factor needs it: a factorisation that "
                             "overflows is not), or too large (d > 65535)") from None
        return self._vectors(lib.repro_fill_multivariate_normal, "f64", size, d,
                             ((ctypes.c_double * d)(*mu), factor, d))

    def multivariate_hypergeometric(self, colors, nsample, size=None,
                                    method="marginals"):
        """Counts of each color among nsample items drawn without replacement from
        colors[i] items of color i (shape size + (len(colors),)), built from the
        library's draws with integer arithmetic only:
        "marginals" (sum(colors) < 10**9): for i = 0 .. k-2, while items are left
          to draw, x_i = repro_fill_hypergeometric(colors[i], sum(colors[i+1:]),
          left), left -= x_i; the last color gets what is left;
        "count": repro_choice_without_replacement(nsample of sum(colors)), each index
          counted in the color whose cumulative range holds it."""
        if method not in ("count", "marginals"):
            raise ValueError('method must be "count" or "marginals".')
        counts = None
        if _is_array_like(colors):
            if numpy is not None:
                arr = numpy.asarray(colors)
                if arr.ndim == 1 and (arr.dtype.kind in "iu" or arr.size == 0):
                    counts = [int(c) for c in arr.tolist()]
            elif all(isinstance(c, int) and not isinstance(c, bool) for c in colors):
                counts = list(colors)
        if counts is None or any(not 0 <= c <= _I64_MAX for c in counts):
            raise ValueError("colors must be a one-dimensional sequence of nonnegative "
                             "integers not exceeding %d." % _I64_MAX)
        if isinstance(nsample, float) or (numpy is not None and
                                          isinstance(nsample, numpy.floating)):
            raise ValueError("nsample must be an integer")
        nsample = int_arg(nsample, "nsample")
        if nsample < 0:
            raise ValueError("nsample must be nonnegative.")
        total = sum(counts)
        if nsample > total:
            raise ValueError("nsample > sum(colors)")
        if method == "marginals" and total >= 10 ** 9:
            raise ValueError('When method is "marginals", sum(colors) must be less '
                             "than 1000000000.")
        shape = _shape(size)
        if shape is not None and numpy is None:
            raise _needs_numpy("size= with a law of vectors")
        draw = self._marginals if method == "marginals" else self._counted
        values = []
        with self._stream._lock:
            for _ in range(1 if shape is None else _count(shape)):
                values += draw(counts, total, nsample)
        if numpy is None:
            return array.array("q", values)
        return numpy.array(values, dtype=numpy.int64).reshape((shape or ()) +
                                                              (len(counts),))

    def _marginals(self, counts, total, nsample):
        """One vector of multivariate_hypergeometric(method="marginals"); the
        stream's lock is held."""
        box, addr = ctypes.c_uint64(), self._stream._addr
        values, left, rest = [], nsample, total
        for c in counts[:-1]:
            rest -= c
            x = 0
            if left:  # none left: the other counts are 0, nothing drawn
                check(lib.repro_fill_hypergeometric(addr, ctypes.addressof(box), 1, c,
                                                    rest, left))
                x = box.value
            values.append(x)
            left -= x
        return values + [left] if counts else []

    def _counted(self, counts, total, nsample):
        """One vector of multivariate_hypergeometric(method="count"); the stream's
        lock is held."""
        idx = _empty("i64", (nsample,))
        check(lib.repro_choice_without_replacement(self._stream._addr, _address(idx),
                                                   nsample, total))
        ends = list(itertools.accumulate(counts))  # color i holds [ends[i-1], ends[i])
        if numpy is not None:
            return numpy.bincount(numpy.searchsorted(ends, idx, side="right"),
                                  minlength=len(counts)).tolist()
        values = [0] * len(counts)
        for i in idx:
            values[bisect.bisect_right(ends, i)] += 1
        return values

    @staticmethod
    def _alias(p, n):
        """The alias table of weights p (after numpy's checks) for repro_fill_choice:
        a ctypes buffer."""
        weights = Generator._weights(p, n)[0]
        size = lib.repro_alias_size(n)
        table = (ctypes.c_uint64 * ((size + 7) // 8))()
        check(lib.repro_alias_init(table, size, _address(weights), n))
        return table

    @staticmethod
    def _weights(p, n):
        """The probabilities p after numpy's checks: an array of n doubles (numpy's,
        else an array.array) and how many of them are positive."""
        if numpy is not None:  # the checks vectorised: p may be long
            arr = numpy.asarray(p)
            if arr.ndim != 1:
                raise ValueError("p must be 1-dimensional")
            if arr.dtype.kind not in "iuf":
                raise TypeError("p must be real numbers, not an array of %s" % arr.dtype)
            w = numpy.ascontiguousarray(arr, dtype=numpy.float64)
            nan, negative = bool(numpy.isnan(w).any()), bool((w < 0).any())
            positive, total = int(numpy.count_nonzero(w > 0)), float(w.sum())
        else:
            values = _real_list(p, "p")
            if values is None:
                raise ValueError("p must be 1-dimensional")
            w = array.array("d", values)
            nan, negative = any(v != v for v in values), any(v < 0 for v in values)
            positive = sum(1 for v in values if v > 0)
            total = math.fsum(values) if not (nan or negative) else 0.0
        if len(w) != n:
            raise ValueError("a and p must have same size")
        if nan:
            raise ValueError("probabilities contain NaN")
        if negative:
            raise ValueError("probabilities are not non-negative")
        if abs(total - 1.0) > _SUM_TOL:
            raise ValueError("probabilities do not sum to 1")
        return w, positive


def _method(name, law):
    """The method of LAWS[name], with numpy's signature (for inspect and help())."""
    ns, head, shown = {"_F64": _F64}, [], []
    for i, spec in enumerate(law.params):
        if spec.default is _REQUIRED:
            head.append(spec.name)
            shown.append(spec.name)
        else:
            ns["_d%d" % i] = spec.default
            head.append("%s=_d%d" % (spec.name, i))
            shown.append("%s=%r" % (spec.name, spec.default))
    if law.dtype:
        tail, call = ["size=None", "dtype=_F64", "out=None"], "size, dtype, out"
        shown += ["size=None", "dtype=np.float64", "out=None"]
    else:
        tail, call = ["size=None"], "size"
        shown.append("size=None")
    args = "".join(spec.name + ", " for spec in law.params)
    exec("def %s(self, %s):\n    return self._draw(%r, (%s), %s)\n"
         % (name, ", ".join(head + tail), name, args, call), ns)
    fn = ns[name]
    fn.__qualname__, fn.__module__ = "Generator." + name, __name__
    fn.__doc__ = "%s(%s)\n\n%s" % (name, ", ".join(shown), law.doc)
    return fn


for _name, _entry in LAWS.items():
    if _name not in Generator.__dict__:  # not written out (standard_exponential)
        setattr(Generator, _name, _method(_name, _entry))
del _name, _entry


def _restore(state, seed_hex, path, spawned):
    """Unpickles a Generator (module-level: cloudpickle pickles it by reference)."""
    return Generator._make(Stream.load(state), Seed.from_hex(seed_hex), path, spawned)


def default_rng(seed=None, *, path="", algorithm="philox4x32-10"):
    """A Generator on Stream(Seed(seed).path(path), algorithm).

    seed: an int in [0, 2**64), a str, bytes or a Seed; None draws 32 bytes of fresh
    entropy from the OS (os.urandom) into a Seed, kept as rng.seed, so that
    default_rng(rng.seed, path=rng.path, algorithm=...) repeats the run."""
    root = Seed(os.urandom(32)) if seed is None else as_seed(seed)
    path = text_arg(path, "path")
    return Generator._make(Stream(root.path(path), algorithm), root, path, 0)
