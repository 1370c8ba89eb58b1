"""repro_rng.Generator: numpy 1.24 Generator's API (names, signatures,
size, dtype, out=, broadcasting, exception types) whose values are the library's C
laws: each checked against the C fill called directly (ctypes) on a copy of the stream
at the same position.  The portable tests run without numpy too (Python numbers and
array.array); the numpy ones skip there (they fail under REPRO_RNG_REQUIRE_NUMPY)."""

import copy
import ctypes
import inspect
import math
import pickle
import struct
import unittest
from unittest import mock

import support
from repro_rng import Generator, ReproError, Seed, Stream, default_rng
from repro_rng import _generator, _stream
from repro_rng._lib import lib

# numpy 1.24 Generator's drawing methods: Generator has each of them.
NUMPY_METHODS = (
    "random", "integers", "choice", "bytes", "shuffle", "permutation", "permuted",
    "beta", "binomial", "chisquare", "dirichlet", "exponential", "f", "gamma",
    "geometric", "gumbel", "hypergeometric", "laplace", "logistic", "lognormal",
    "logseries", "multinomial", "multivariate_hypergeometric", "multivariate_normal",
    "negative_binomial", "noncentral_chisquare", "noncentral_f", "normal", "pareto",
    "poisson", "power", "rayleigh", "standard_cauchy", "standard_exponential",
    "standard_gamma", "standard_normal", "standard_t", "triangular", "uniform",
    "vonmises", "wald", "weibull", "zipf")

D, F32, U64, I64, U8 = (ctypes.c_double, ctypes.c_float, ctypes.c_uint64,
                        ctypes.c_int64, ctypes.c_uint8)

# method, numpy's keyword arguments, the C fill, its parameters, its element type.
LAWS = [
    ("random", {}, "double", (), D),
    ("standard_normal", {}, "normal", (), D),
    ("standard_exponential", {}, "exponential", (), D),
    ("exponential", {"scale": 2.5}, "exponential_scaled", (2.5,), D),
    ("standard_gamma", {"shape": 2.5}, "gamma", (2.5, 1.0), D),
    ("normal", {"loc": 1.5, "scale": 2.0}, "gaussian", (1.5, 2.0), D),
    ("uniform", {"low": -1.0, "high": 3.0}, "uniform", (-1.0, 3.0), D),
    ("gamma", {"shape": 0.5, "scale": 3.0}, "gamma", (0.5, 3.0), D),
    ("beta", {"a": 2.0, "b": 5.0}, "beta", (2.0, 5.0), D),
    ("poisson", {"lam": 4.5}, "poisson", (4.5,), U64),
    ("binomial", {"n": 10, "p": 0.3}, "binomial", (10, 0.3), U64),
    ("lognormal", {"mean": 0.5, "sigma": 0.25}, "lognormal", (0.5, 0.25), D),
    ("standard_cauchy", {}, "standard_cauchy", (), D),
    ("laplace", {"loc": 1.0, "scale": 2.0}, "laplace", (1.0, 2.0), D),
    ("logistic", {"loc": -1.0, "scale": 0.5}, "logistic", (-1.0, 0.5), D),
    ("gumbel", {"loc": 2.0, "scale": 3.0}, "gumbel", (2.0, 3.0), D),
    ("rayleigh", {"scale": 2.0}, "rayleigh", (2.0,), D),
    ("weibull", {"a": 1.5}, "weibull", (1.5,), D),
    ("pareto", {"a": 3.0}, "pareto", (3.0,), D),
    ("power", {"a": 2.0}, "power", (2.0,), D),
    ("triangular", {"left": -1.0, "mode": 0.5, "right": 2.0}, "triangular",
     (-1.0, 0.5, 2.0), D),
    ("wald", {"mean": 1.5, "scale": 2.0}, "wald", (1.5, 2.0), D),
    ("vonmises", {"mu": 0.5, "kappa": 2.0}, "vonmises", (0.5, 2.0), D),
    ("chisquare", {"df": 3.0}, "chisquare", (3.0,), D),
    ("standard_t", {"df": 4.0}, "standard_t", (4.0,), D),
    ("f", {"dfnum": 3.0, "dfden": 7.0}, "f", (3.0, 7.0), D),
    ("noncentral_chisquare", {"df": 3.0, "nonc": 1.5}, "noncentral_chisquare",
     (3.0, 1.5), D),
    ("noncentral_f", {"dfnum": 3.0, "dfden": 7.0, "nonc": 1.5}, "noncentral_f",
     (3.0, 7.0, 1.5), D),
    ("negative_binomial", {"n": 3.0, "p": 0.4}, "negative_binomial", (3.0, 0.4), U64),
    ("geometric", {"p": 0.3}, "geometric", (0.3,), U64),
    ("logseries", {"p": 0.6}, "logseries", (0.6,), U64),
    ("zipf", {"a": 2.5}, "zipf", (2.5,), U64),
    ("hypergeometric", {"ngood": 7, "nbad": 5, "nsample": 6}, "hypergeometric",
     (7, 5, 6), U64),
    ("integers", {"low": -5, "high": 17}, "integers", (-5, 16), I64),
    ("bernoulli", {"p": 0.3}, "bernoulli", (0.3,), U8),
]


def c_fill(stream, name, n, *params, ctype=D, width=1):
    """n values (vectors of width) of repro_fill_<name>(stream, out, n, *params),
    called directly."""
    buf = (ctype * (n * width))()
    rc = getattr(lib, "repro_fill_" + name)(stream._addr, buf, n, *params)
    if rc != 0:
        raise AssertionError("repro_fill_%s failed: %d" % (name, rc))
    return list(buf)


def started(seed="generator", algorithm="philox4x32-10"):
    """A stream a few words in, and a copy of it for the reference calls."""
    s = Stream(Seed(seed), algorithm)
    s.u32(3)
    return s, s.copy()


def bits(values):
    """Exact float comparison (0.0 and -0.0 differ)."""
    return [struct.pack("<d", v).hex() if isinstance(v, float) else v for v in values]


class ValuesAreTheCLaws(unittest.TestCase):
    def test_every_law_equals_its_c_fill(self):
        for method, kwargs, fill, params, ctype in LAWS:
            with self.subTest(method=method):
                s, ref = started(method)
                g = Generator(s)
                got = getattr(g, method)(size=6, **kwargs)
                self.assertEqual(bits(list(got)),
                                 bits(c_fill(ref, fill, 6, *params, ctype=ctype)))
                one = getattr(g, method)(**kwargs)
                want = c_fill(ref, fill, 1, *params, ctype=ctype)[0]
                self.assertEqual(bits([one]), bits([want]))
                kind = {D: float, U64: int, I64: int, U8: bool}[ctype]
                if method == "integers" and _generator.numpy is not None:
                    kind = _generator.numpy.int64  # numpy's integers() gives these
                self.assertIsInstance(one, kind)
                self.assertEqual(s.tell(), ref.tell())

    def test_float32(self):
        for method, fill in (("random", "float"), ("standard_normal", "normal_float"),
                             ("standard_exponential", "exponential_float")):
            with self.subTest(method=method):
                s, ref = started(method)
                got = getattr(Generator(s), method)(5, dtype="float32")
                self.assertEqual(list(got), c_fill(ref, fill, 5, ctype=F32))
                self.assertEqual(s.tell(), ref.tell())
        s, ref = started("gamma32")
        got = Generator(s).standard_gamma(2.5, 5, dtype="float32")
        self.assertEqual(list(got), c_fill(ref, "gamma_float", 5, 2.5, 1.0, ctype=F32))
        self.assertEqual(s.tell(), ref.tell())

    def test_vector_laws(self):
        s, ref = started("vectors")
        g = Generator(s)
        alpha = [0.5, 1.0, 2.5]
        self.assertEqual(list(_flat(g.dirichlet(alpha))),
                         c_fill(ref, "dirichlet", 1, (D * 3)(*alpha), 3, width=3))
        pvals = [0.2, 0.3, 0.5]
        self.assertEqual(list(_flat(g.multinomial(20, pvals))),
                         c_fill(ref, "multinomial", 1, 20, (D * 3)(*pvals), 3, ctype=U64,
                                width=3))
        mean, cov = [1.0, -1.0], [[2.0, 0.5], [0.5, 1.0]]
        factor = (D * 4)()
        self.assertEqual(lib.repro_mvnormal_factor((D * 4)(2.0, 0.5, 0.5, 1.0), 2,
                                                   factor), 0)
        self.assertEqual(list(_flat(g.multivariate_normal(mean, cov))),
                         c_fill(ref, "multivariate_normal", 1, (D * 2)(*mean), factor, 2,
                                width=2))
        self.assertEqual(s.tell(), ref.tell())

    def test_choice(self):
        s, ref = started("choice")
        g = Generator(s)
        self.assertEqual(list(g.choice(10, 6)), c_fill(ref, "integers", 6, 0, 9, ctype=I64))
        p = [0.1, 0.0, 0.6, 0.3]
        size = lib.repro_alias_size(4)
        table = (U64 * (size // 8))()
        self.assertEqual(lib.repro_alias_init(table, size, (D * 4)(*p), 4), 0)
        got = g.choice(["a", "b", "c", "d"], 50, p=p)
        idx = c_fill(ref, "choice", 50, table, ctype=U64)
        self.assertEqual(list(got), ["abcd"[i] for i in idx])
        self.assertNotIn("b", list(got))
        got = g.choice(1000, 7, replace=False)
        want = (U64 * 7)()
        self.assertEqual(lib.repro_choice_without_replacement(ref._addr, want, 7, 1000), 0)
        self.assertEqual(list(got), list(want))
        self.assertEqual(len(set(got)), 7)
        self.assertEqual(g.choice(1000, replace=False, shuffle=False),
                         _without_replacement(ref, 1, 1000)[0])
        self.assertEqual(s.tell(), ref.tell())
        # with p: repro_choice_weighted_without_replacement (successive weighted draws)
        got = g.choice(["a", "b", "c", "d"], 3, replace=False, p=p)
        idx, keys = (U64 * 3)(), (U64 * 3)()
        self.assertEqual(lib.repro_choice_weighted_without_replacement(
            ref._addr, idx, 3, (D * 4)(*p), 4, keys), 0)
        self.assertEqual(list(got), ["abcd"[i] for i in idx])
        self.assertEqual(sorted(got), ["a", "c", "d"])  # never the zero weight
        self.assertEqual(g.choice(4, replace=False, p=p), _weighted(ref, 1, p)[0])
        self.assertEqual(s.tell(), ref.tell())

    def test_integers_dtypes(self):
        """Other dtypes take the int64 law's values; uint64 the law over [low, high]
        modulo 2**64: the full range is the bounded draw's full range."""
        s, ref = started("integers")
        g = Generator(s)
        self.assertEqual(list(g.integers(0, 2 ** 64, size=5, dtype="uint64")),
                         list(ref.bounded(5, 0)))
        self.assertEqual(list(g.integers(3, 2 ** 62, size=5, dtype="uint64")),
                         c_fill(ref, "integers", 5, 3, 2 ** 62 - 1, ctype=I64))
        self.assertEqual(list(g.integers(-128, 127, endpoint=True, size=5, dtype="int8")),
                         c_fill(ref, "integers", 5, -128, 127, ctype=I64))
        self.assertEqual(list(g.integers(2, size=9, dtype="bool")),
                         c_fill(ref, "integers", 9, 0, 1, ctype=I64))
        self.assertEqual(list(g.integers(2 ** 63 - 2, 2 ** 63, size=3)),
                         c_fill(ref, "integers", 3, 2 ** 63 - 2, 2 ** 63 - 1, ctype=I64))
        self.assertEqual(s.tell(), ref.tell())

    def test_bytes(self):
        s, ref = started("bytes")
        self.assertEqual(Generator(s).bytes(10), struct.pack("<3I", *ref.u32(3))[:10])
        self.assertEqual(s.tell(), ref.tell())
        self.assertEqual(Generator(s).bytes(0), b"")

    def test_permutation_and_shuffle(self):
        s, ref = started("perm")
        g = Generator(s)
        self.assertEqual(list(g.permutation(20)), list(ref.permutation(20)))
        items = [str(i) for i in range(15)]
        want = list(items)
        ref.shuffle(want)
        self.assertEqual(list(g.permutation(items)), want)
        want = list(items)
        g.shuffle(items)
        ref.shuffle(want)
        self.assertEqual(items, want)
        self.assertEqual(s.tell(), ref.tell())

    def test_multivariate_hypergeometric(self):
        """"marginals": the hypergeometric law color after color; "count": the
        colors of the indices repro_choice_without_replacement draws."""
        colors, nsample = [3, 0, 5, 4], 7
        s, ref = started("mvhg")
        got = _flat(Generator(s).multivariate_hypergeometric(colors, nsample))
        r, left, rest, want = Generator(ref), nsample, sum(colors), []
        for c in colors[:-1]:
            rest -= c
            x = r.hypergeometric(c, rest, left) if left else 0
            want.append(x)
            left -= x
        self.assertEqual(list(got), want + [left])
        self.assertEqual(s.tell(), ref.tell())
        got = _flat(Generator(s).multivariate_hypergeometric(colors, nsample,
                                                             method="count"))
        idx = _without_replacement(ref, nsample, sum(colors))
        ends = [3, 3, 8, 12]
        self.assertEqual(list(got), [sum(1 for i in idx if (ends[c - 1] if c else 0) <= i
                                         < ends[c]) for c in range(4)])
        self.assertEqual(s.tell(), ref.tell())


def _flat(values):
    return values.ravel() if hasattr(values, "ravel") else values


def _weighted(stream, k, p):
    out, keys = (U64 * k)(), (U64 * k)()
    if lib.repro_choice_weighted_without_replacement(stream._addr, out, k, (D * len(p))(*p),
                                                     len(p), keys) != 0:
        raise AssertionError("repro_choice_weighted_without_replacement failed")
    return list(out)


def _without_replacement(stream, k, n):
    out = (U64 * k)()
    if lib.repro_choice_without_replacement(stream._addr, out, k, n) != 0:
        raise AssertionError("repro_choice_without_replacement failed")
    return list(out)


class Errors(unittest.TestCase):
    """numpy's exception types, messages naming the parameter; nothing drawn."""

    CASES = [
        (lambda g: g.normal(0, -1), ValueError, "scale < 0"),
        (lambda g: g.normal(float("nan")), ValueError, "loc"),
        (lambda g: g.normal(10 ** 400), ValueError, "loc"),
        (lambda g: g.normal("1"), TypeError, "loc"),
        (lambda g: g.normal(True), TypeError, "loc"),
        (lambda g: g.normal(0.0, b"1"), TypeError, "scale"),
        (lambda g: g.uniform(0, float("inf")), OverflowError, "high - low"),
        (lambda g: g.uniform(2, 1), ValueError, "high - low < 0"),
        (lambda g: g.uniform(1, 1), ValueError, "high - low == 0"),
        (lambda g: g.uniform(0.0, None), TypeError, "high"),
        (lambda g: g.gamma(-1), ValueError, "shape < 0"),
        (lambda g: g.gamma(1, 0), ValueError, "scale <= 0"),
        (lambda g: g.standard_gamma(0), ValueError, "shape <= 0"),
        (lambda g: g.beta(0, 1), ValueError, "a <= 0"),
        (lambda g: g.beta(1, -1), ValueError, "b <= 0"),
        (lambda g: g.poisson(-1), ValueError, "lam < 0"),
        (lambda g: g.poisson(1e16), ValueError, "lam value too large"),
        (lambda g: g.poisson(1j), TypeError, "lam"),
        (lambda g: g.binomial(-1, 0.5), ValueError, "n < 0"),
        (lambda g: g.binomial(5, 1.5), ValueError, "p < 0, p > 1 or p is NaN"),
        (lambda g: g.binomial(5.5, 0.5), ValueError, "n must be an integer"),
        (lambda g: g.binomial(2 ** 63, 0.5), OverflowError, "n is out of bounds"),
        (lambda g: g.hypergeometric(-2 ** 70, 1, 0), OverflowError, "ngood is out of bounds"),
        (lambda g: g.multinomial(2 ** 64, [0.5, 0.5]), OverflowError, "n is out of bounds"),
        (lambda g: g.binomial("5", 0.5), TypeError, "n"),
        (lambda g: g.bernoulli(1.5), ValueError, "p < 0"),
        (lambda g: g.lognormal(0, -1), ValueError, "sigma < 0"),
        (lambda g: g.laplace(0, -1), ValueError, "scale < 0"),
        (lambda g: g.rayleigh(-1), ValueError, "scale < 0"),
        (lambda g: g.weibull(-1), ValueError, "a < 0"),
        (lambda g: g.pareto(0), ValueError, "a <= 0"),
        (lambda g: g.power(-1), ValueError, "a <= 0"),
        (lambda g: g.triangular(2, 1, 3), ValueError, "left > mode"),
        (lambda g: g.triangular(1, 4, 3), ValueError, "mode > right"),
        (lambda g: g.triangular(1, 1, 1), ValueError, "left == right"),
        (lambda g: g.wald(0, 1), ValueError, "mean <= 0"),
        (lambda g: g.wald(1, 0), ValueError, "scale <= 0"),
        (lambda g: g.vonmises(0, -1), ValueError, "kappa < 0"),
        (lambda g: g.chisquare(0), ValueError, "df <= 0"),
        (lambda g: g.standard_t(-1), ValueError, "df <= 0"),
        (lambda g: g.f(1, 0), ValueError, "dfden <= 0"),
        (lambda g: g.noncentral_chisquare(1, -1), ValueError, "nonc < 0"),
        (lambda g: g.noncentral_f(0, 1, 1), ValueError, "dfnum <= 0"),
        (lambda g: g.negative_binomial(0, 0.5), ValueError, "n <= 0"),
        (lambda g: g.negative_binomial(1, 0), ValueError, "p <= 0"),
        (lambda g: g.geometric(0), ValueError, "p <= 0"),
        (lambda g: g.logseries(1), ValueError, "p < 0, p >= 1"),
        (lambda g: g.zipf(1), ValueError, "a <= 1"),
        (lambda g: g.hypergeometric(1, 1, 3), ValueError, "ngood + nbad < nsample"),
        (lambda g: g.hypergeometric(10 ** 9, 1, 3), ValueError, "less than 1000000000"),
        (lambda g: g.hypergeometric(-1, 1, 0), ValueError, "ngood < 0"),
        (lambda g: g.integers(5, 5), ValueError, "low >= high"),
        (lambda g: g.integers(5, 3, endpoint=True), ValueError, "low > high"),
        (lambda g: g.integers(0, 257, dtype="uint8"), ValueError,
         "high is out of bounds for uint8"),
        (lambda g: g.integers(-1, 5, dtype="uint64"), ValueError,
         "low is out of bounds for uint64"),
        (lambda g: g.integers(0, 2 ** 63, endpoint=True), ValueError,
         "high is out of bounds for int64"),
        (lambda g: g.integers(0.5, 3), ValueError, "low"),
        (lambda g: g.integers(0, 5, dtype="float64"), TypeError, "Unsupported dtype"),
        (lambda g: g.random(dtype="int32"), TypeError, "Unsupported dtype"),
        (lambda g: g.standard_gamma(1.0, dtype="int32"), TypeError, "Unsupported dtype"),
        (lambda g: g.exponential(-1.0), ValueError, "scale < 0"),
        (lambda g: g.exponential(-0.0), ValueError, "scale < 0"),  # numpy's signbit
        (lambda g: g.normal(0.0, -0.0), ValueError, "scale < 0"),
        (lambda g: g.weibull(-0.0), ValueError, "a < 0"),
        (lambda g: g.noncentral_chisquare(1.0, -0.0), ValueError, "nonc < 0"),
        (lambda g: g.exponential(float("inf")), ValueError, "scale"),
        (lambda g: g.random(-1), ValueError, "negative dimensions"),
        (lambda g: g.random(2.5), TypeError, "size"),
        (lambda g: g.random((2, "3")), TypeError, "size"),
        (lambda g: g.choice(0), ValueError, "a must be a positive integer"),
        (lambda g: g.choice(5.0), ValueError, "a must be a sequence or an integer"),
        (lambda g: g.choice(None), ValueError, "a must be a sequence or an integer"),
        (lambda g: g.choice([], 1), ValueError, "a cannot be empty"),
        (lambda g: g.choice(3, 4, replace=False), ValueError, "larger sample"),
        (lambda g: g.choice(3, p=[0.5, 0.5]), ValueError, "same size"),
        (lambda g: g.choice(3, p=[0.5, 0.5, 0.5]), ValueError, "do not sum to 1"),
        (lambda g: g.choice(3, p=[-0.5, 0.5, 1.0]), ValueError, "non-negative"),
        (lambda g: g.choice(2, p=[float("nan"), 1.0]), ValueError, "NaN"),
        (lambda g: g.choice(3, p=[[0.5, 0.5, 0.0]]), ValueError, "1-dimensional"),
        (lambda g: g.choice(3, 3, replace=False, p=[0.5, 0.5, 0.0]),
         ValueError, "Fewer non-zero entries in p than size"),
        (lambda g: g.dirichlet([1, 0]), ValueError, "alpha <= 0"),
        (lambda g: g.dirichlet(1.0), TypeError, "alpha"),
        (lambda g: g.dirichlet([1, float("inf")]), ValueError, "alpha"),
        (lambda g: g.multinomial(-1, [0.5, 0.5]), ValueError, "n < 0"),
        (lambda g: g.multinomial(3, [0.7, 0.7, 0]), ValueError, "sum(pvals[:-1]) > 1.0"),
        (lambda g: g.multinomial(3, [0.5, -0.5, 1]), ValueError, "pvals < 0"),
        (lambda g: g.multinomial(3, []), ValueError, "pvals must have"),
        (lambda g: g.multivariate_normal([0, 0], [[1, 2], [2, 1]]), ValueError,
         "positive-semidefinite"),
        (lambda g: g.multivariate_normal([0, 0], [[1, 0], [0, 1]], check_valid="x"),
         ValueError, "check_valid"),
        (lambda g: g.multivariate_normal([0, 0], [[1, 0], [0, 1]], method="x"),
         ValueError, "method"),
        (lambda g: g.multivariate_normal([0, 0, 0], [[1, 0], [0, 1]]), ValueError,
         "same length"),
        (lambda g: g.multivariate_normal([0, 0], [1, 0]), ValueError, "cov must be"),
        (lambda g: g.multivariate_hypergeometric([1, 2], 5), ValueError,
         "nsample > sum(colors)"),
        (lambda g: g.multivariate_hypergeometric([1, -2], 1), ValueError, "colors"),
        (lambda g: g.multivariate_hypergeometric([1, 2], -1), ValueError, "nsample"),
        (lambda g: g.multivariate_hypergeometric([1, 2], 1.0), ValueError, "nsample"),
        (lambda g: g.multivariate_hypergeometric([10 ** 9, 2], 1), ValueError,
         "marginals"),
        (lambda g: g.multivariate_hypergeometric([1, 2], 1, method="x"), ValueError,
         "method"),
        (lambda g: g.bytes(-1), ValueError, "length"),
        (lambda g: g.bytes(2.0), TypeError, "length"),
        (lambda g: g.spawn(-1), ValueError, "n_children"),
        (lambda g: g.shuffle([1, 2], axis=1), NotImplementedError, "Axis"),
        (lambda g: g.shuffle([1, 2], axis=None), NotImplementedError, "Axis"),
        (lambda g: g.shuffle(5, axis=1), TypeError, "len"),
    ]

    def test_errors(self):
        for i, (call, exc, words) in enumerate(self.CASES):
            with self.subTest(case=i, words=words):
                g = Generator(Stream(1))
                with self.assertRaises(exc) as cm:
                    call(g)
                self.assertIn(words, str(cm.exception))
                self.assertEqual(g.stream.tell(), 0)

    def test_what_numpy_accepts(self):
        """Calls numpy 1.24 accepts: method is not checked (numpy takes any value for
        "inv"), permutation(n < 0) is empty (numpy's arange(n)), an empty alpha gives
        empty vectors; none of them draws from the stream here."""
        g = Generator(Stream(1))
        ref = Generator(Stream(1))
        for method in ("x", None):
            self.assertEqual(g.standard_exponential(method=method),
                             ref.standard_exponential())
        self.assertEqual(len(g.permutation(-1)), 0)
        self.assertEqual(len(g.dirichlet([])), 0)
        self.assertEqual(g.stream.tell(), ref.stream.tell())

    def test_wrong_objects(self):
        with self.assertRaises(TypeError):
            Generator(Seed(1))
        with self.assertRaises(TypeError):
            default_rng(1.5)
        with self.assertRaises(TypeError):
            default_rng(1, path=5)
        with self.assertRaises(TypeError):
            default_rng(1, "a")  # path and algorithm are keyword-only
        with self.assertRaises(ReproError):
            default_rng(1, algorithm="nope")
        with self.assertRaises(ReproError):
            default_rng(1, path="a//b")
        self.assertFalse(hasattr(Generator(Stream(1)), "gaussian"))


class Seeding(unittest.TestCase):
    def test_default_rng(self):
        g = default_rng(7, path="x/#1", algorithm="threefry2x64-20")
        self.assertEqual(g.stream, Stream(Seed(7).path("x/#1"), "threefry2x64-20"))
        self.assertEqual((g.seed, g.path), (Seed(7), "x/#1"))
        for seed in ("text", b"bytes", Seed(3), 0, 2 ** 64 - 1):
            self.assertEqual(default_rng(seed).stream, Stream(seed))
        self.assertEqual(default_rng(5).stream.algorithm, "philox4x32-10")

    def test_fresh_entropy_is_recorded(self):
        a = default_rng()
        self.assertIsInstance(a.seed, Seed)
        self.assertNotEqual(a.seed, default_rng().seed)
        self.assertEqual(list(default_rng(a.seed).random(5)), list(a.random(5)))
        b = default_rng(None, path="run/#4")
        self.assertEqual(list(default_rng(b.seed, path=b.path).normal(size=3)),
                         list(b.normal(size=3)))

    def test_wrap_a_stream(self):
        s = Stream(4)
        s.u32(5)
        g = Generator(s)
        self.assertIs(g.stream, s)
        self.assertEqual((g.seed, g.path), (Seed(4), ""))
        g.random()
        self.assertEqual(s.tell(), 7)  # shared, not copied
        self.assertIs(Generator(s.bit_generator()).stream, s)

    def test_spawn(self):
        g = default_rng(9, path="run")
        kids = g.spawn(3) + g.spawn(2)
        self.assertEqual([k.path for k in kids], ["run/spawn/#%d" % i for i in range(5)])
        for i, k in enumerate(kids):
            self.assertEqual(k.seed, Seed(9))
            self.assertEqual(k.stream, Stream(Seed(9).path("run/spawn/#%d" % i)))
            self.assertEqual(list(default_rng(k.seed, path=k.path).random(3)),
                             list(k.random(3)))
        self.assertEqual(g.stream.tell(), 0)  # spawning draws nothing
        self.assertEqual([k.path for k in Generator(Stream(2, "philox4x64-10")).spawn(2)],
                         ["spawn/#0", "spawn/#1"])
        self.assertEqual(Generator(Stream(2, "philox4x64-10")).spawn(1)[0].stream,
                         Stream(Seed(2).path("spawn/#0"), "philox4x64-10"))
        self.assertEqual(g.spawn(0), [])


class Copies(unittest.TestCase):
    """pickle (every protocol), cloudpickle, copy.deepcopy and copy.copy continue
    exactly, spawn count included, on a stream of their own."""

    def check(self, make_copy):
        g = default_rng("pickle", path="a/b", algorithm="threefry4x64-20")
        g.normal(size=5)
        g.spawn(2)
        h = make_copy(g)
        self.assertIsInstance(h, Generator)
        self.assertIsNot(h.stream, g.stream)
        self.assertEqual(list(h.gamma(2.0, size=5)), list(g.gamma(2.0, size=5)))
        self.assertEqual((h.seed, h.path), (g.seed, g.path))
        self.assertEqual(h.spawn(1)[0].stream, g.spawn(1)[0].stream)
        self.assertEqual(h.spawn(1)[0].path, "a/b/spawn/#3")
        h.random()
        self.assertNotEqual(h.stream.tell(), g.stream.tell())

    def test_pickle(self):
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            with self.subTest(protocol=proto):
                self.check(lambda g: pickle.loads(pickle.dumps(g, proto)))

    def test_copy(self):
        self.check(copy.deepcopy)
        self.check(copy.copy)

    def test_cloudpickle(self):
        cloudpickle = support.module_or_skip("cloudpickle")
        self.check(lambda g: pickle.loads(cloudpickle.dumps(g)))
        self.check(lambda g: pickle.loads(cloudpickle.dumps(g.normal)).__self__)


class NumpyTest(unittest.TestCase):
    def setUp(self):
        self.np = support.numpy_or_skip()


def numpy_signature(np, name):
    """numpy's signature of Generator.<name>, from its docstring's first line (numpy
    1.24's methods are Cython builtins without __signature__)."""
    doc = getattr(np.random.Generator, name).__doc__.strip()
    params = doc[len(name) + 1:doc.index(")")]
    if name == "permuted":  # def permuted(self, x, *, axis=None, out=None): not in its doc
        params = params.replace("x,", "x, *,")
    ns = {"np": np}
    exec("def f(%s): pass" % " ".join(params.split()), ns)
    return inspect.signature(ns["f"])


class Signatures(NumpyTest):
    def test_numpy_methods(self):
        np = self.np
        theirs = {n for n in dir(np.random.Generator) if not n.startswith("_")}
        self.assertEqual(theirs - {"bit_generator", "spawn"}, set(NUMPY_METHODS))
        g = Generator(Stream(0))
        for name in NUMPY_METHODS:
            with self.subTest(name=name):
                want = numpy_signature(np, name)
                got = inspect.signature(getattr(g, name))
                self.assertEqual([(p.name, p.kind, p.default) for p in got.parameters.values()],
                                 [(p.name, p.kind, p.default) for p in want.parameters.values()])
        self.assertEqual(list(inspect.signature(g.spawn).parameters), ["n_children"])
        self.assertEqual(list(inspect.signature(default_rng).parameters),
                         ["seed", "path", "algorithm"])


class Shapes(NumpyTest):
    def test_size_and_types(self):
        np = self.np
        g = default_rng(1)
        self.assertIsInstance(g.normal(), float)
        self.assertIsInstance(g.poisson(), int)
        self.assertIsInstance(g.integers(5), np.int64)
        self.assertIsInstance(g.integers(5, dtype=np.int8), np.int8)
        self.assertIs(type(g.integers(5, dtype=int)), int)  # numpy's Python types
        self.assertIs(type(g.integers(np.array(5), dtype=int)), int)
        self.assertIs(type(g.integers(0, 2, dtype=bool)), bool)
        self.assertIsInstance(g.integers(0, 2, dtype=np.bool_), np.bool_)
        self.assertIsInstance(g.random(dtype=np.float32), float)
        self.assertIsInstance(g.normal(np.array(1.0)), float)  # 0-d: a scalar
        for size, shape in ((None, (1,)), ((), ()), (3, (3,)), ((2, 3), (2, 3)),
                            (np.int64(3), (3,)), ([2, 3], (2, 3)),
                            (np.array([2, 3]), (2, 3)), ((2, 0), (2, 0))):
            with self.subTest(size=size):
                x = g.normal(size=size) if size is not None else g.normal([1.0])
                self.assertEqual((type(x), x.shape, x.dtype),
                                 (np.ndarray, shape, np.dtype(np.float64)))
        for name, kwargs in (("poisson", {}), ("binomial", {"n": 3, "p": 0.5}),
                             ("integers", {"low": 5}), ("geometric", {"p": 0.5}),
                             ("hypergeometric", {"ngood": 3, "nbad": 3, "nsample": 2}),
                             ("negative_binomial", {"n": 2, "p": 0.5}),
                             ("permutation", {"x": 4}), ("choice", {"a": 4})):
            with self.subTest(name=name):
                size = {} if name == "permutation" else {"size": 4}
                self.assertEqual(getattr(g, name)(**kwargs, **size).dtype, np.int64)
        for dtype in ("int8", "uint16", "int32", "uint64", "bool"):
            self.assertEqual(g.integers(0, 2, size=3, dtype=dtype).dtype, np.dtype(dtype))
        self.assertEqual(g.bernoulli(0.5, size=(2, 2)).dtype, np.bool_)
        self.assertEqual(g.random(3, dtype=np.float32).dtype, np.float32)
        self.assertEqual(g.dirichlet([1, 2, 3], size=(4, 5)).shape, (4, 5, 3))
        self.assertEqual(g.multinomial(5, [0.5, 0.5], size=(4,)).shape, (4, 2))
        self.assertEqual(g.multivariate_normal([0, 0, 0], np.eye(3), size=(2, 2)).shape,
                         (2, 2, 3))
        self.assertEqual(g.multivariate_hypergeometric([2, 3], 4, size=(3, 2)).shape,
                         (3, 2, 2))
        self.assertEqual(g.choice(np.arange(12).reshape(3, 4), 5, axis=1).shape, (3, 5))

    def test_numpy_edge_cases(self):
        """numpy 1.24's results and exception types at the edges of its API."""
        np = self.np
        g = Generator(Stream(1))
        for call, exc in ((lambda: g.exponential(np.array([1.0, -0.0])), ValueError),
                          (lambda: g.random(dtype=">f8"), TypeError),
                          (lambda: g.standard_normal(3, dtype=np.dtype(">f4")), TypeError),
                          (lambda: g.integers(5, dtype=">i8"), ValueError),
                          (lambda: g.binomial([2 ** 62, 2 ** 70], 0.5), OverflowError),
                          (lambda: g.permuted(np.arange(3), 0), TypeError),
                          (lambda: g.shuffle(np.arange(3), axis=None), TypeError)):
            with self.assertRaises(exc):
                call()
        self.assertEqual(g.stream.tell(), 0)
        self.assertEqual(g.binomial(np.array([2 ** 62]), 0.0).tolist(), [0])
        self.assertEqual(g.choice(np.array(5), 3).shape, (3,))  # a 0-d array: n = 5
        self.assertTrue(0 <= g.choice(np.int64(5)) < 5)
        self.assertEqual((g.permutation(-3).shape, g.permutation(-3).dtype),
                         ((0,), np.int64))
        for size, shape in ((None, (0,)), (3, (3, 0)), ((2, 2), (2, 2, 0))):
            x = g.dirichlet([], size)
            self.assertEqual((x.shape, x.dtype), (shape, np.float64))

    def test_out(self):
        np = self.np
        s, ref = started("out")
        g = Generator(s)
        out = np.empty((2, 3))
        self.assertIs(g.random(out=out), out)
        self.assertEqual(out.ravel().tolist(), list(ref.double(6)))
        f = np.empty((2, 3), order="F")  # values in row-major order of the index
        self.assertIs(g.standard_normal(out=f), f)
        self.assertEqual(f.ravel(order="C").tolist(), list(ref.normal(6)))
        out32 = np.empty(4, dtype=np.float32)
        g.random(size=4, dtype=np.float32, out=out32)
        self.assertEqual(out32.tolist(), c_fill(ref, "float", 4, ctype=F32))
        shapes = np.empty((3, 2))
        g.standard_gamma([1.0, 2.0], out=shapes)  # parameters broadcast to out
        self.assertEqual(shapes.ravel().tolist(),
                         [c_fill(ref, "gamma", 1, a, 1.0)[0] for a in [1.0, 2.0] * 3])
        self.assertEqual(s.tell(), ref.tell())
        for bad, exc in ((np.empty(3, dtype=np.float32), TypeError),
                         (np.empty(6)[::2], ValueError), ([0.0, 0.0], ValueError),
                         (np.empty(3, dtype=">f8"), (TypeError, ValueError))):
            with self.subTest(bad=bad), self.assertRaises(exc):
                g.random(out=bad)
        with self.assertRaises(ValueError):
            g.random(size=4, out=np.empty(3))
        ro = np.empty(3)
        ro.setflags(write=False)
        with self.assertRaises(ValueError):
            g.random(out=ro)
        self.assertEqual(s.tell(), ref.tell())

    def test_out_torch(self):
        """out= takes a contiguous CPU torch tensor of the method's dtype, written in
        place (the tensor is returned), with numpy's checks."""
        np, torch = self.np, support.module_or_skip("torch")
        s, ref = started("out torch")
        g = Generator(s)
        out = torch.empty((2, 3), dtype=torch.float64)
        self.assertIs(g.random(out=out), out)
        self.assertEqual(out.reshape(-1).tolist(), list(ref.double(6)))
        out32 = torch.zeros(5, dtype=torch.float32)
        self.assertIs(g.standard_normal(size=5, dtype=np.float32, out=out32), out32)
        self.assertEqual(out32.tolist(), c_fill(ref, "normal_float", 5, ctype=F32))
        shapes = torch.empty((3, 2), dtype=torch.float64)
        g.standard_gamma(np.array([1.0, 2.0]), out=shapes)
        self.assertEqual(shapes.reshape(-1).tolist(),
                         [c_fill(ref, "gamma", 1, a, 1.0)[0] for a in [1.0, 2.0] * 3])
        self.assertEqual(s.tell(), ref.tell())
        grad = torch.zeros(3, dtype=torch.float64, requires_grad=True)
        for bad, exc in ((torch.empty(3, dtype=torch.float32), TypeError),
                         (torch.empty(3, dtype=torch.int64), TypeError),
                         (torch.empty((3, 4), dtype=torch.float64).T, ValueError),
                         (torch.empty(6, dtype=torch.float64)[::2], ValueError),
                         (grad, ValueError)):
            with self.subTest(bad=bad), self.assertRaises(exc):
                g.random(out=bad)
        with self.assertRaises(ValueError):
            g.random(size=4, out=torch.empty(3, dtype=torch.float64))
        with torch.no_grad():
            self.assertIs(g.random(out=grad), grad)
        self.assertEqual(grad.tolist(), list(ref.double(3)))
        self.assertEqual(s.tell(), ref.tell())

    def test_permuted_and_axes(self):
        np = self.np
        s, ref = started("axes")
        g = Generator(s)
        x = np.arange(24).reshape(4, 6)
        y = x.copy()
        g.shuffle(y, axis=1)
        np.testing.assert_array_equal(y, x[:, ref.permutation(6).astype(np.intp)])
        p = g.permutation(x, axis=1)
        np.testing.assert_array_equal(p, x[:, ref.permutation(6).astype(np.intp)])
        np.testing.assert_array_equal(g.permuted(x),
                                      x.ravel()[ref.permutation(24).astype(np.intp)]
                                      .reshape(4, 6))
        rows = g.permuted(x, axis=1)
        for i in range(4):  # each row on its own, in row order
            np.testing.assert_array_equal(rows[i], x[i][ref.permutation(6).astype(np.intp)])
        cols = x.copy()
        self.assertIs(g.permuted(cols, axis=0, out=cols), cols)  # in place
        for j in range(6):
            np.testing.assert_array_equal(cols[:, j], x[:, j][ref.permutation(4)
                                                              .astype(np.intp)])
        self.assertEqual(s.tell(), ref.tell())
        picked = g.choice(x, 3, axis=1)
        np.testing.assert_array_equal(picked, x[:, c_fill(ref, "integers", 3, 0, 5,
                                                          ctype=I64)])
        with self.assertRaises(np.AxisError):
            g.permuted(x, axis=2)
        with self.assertRaises(ValueError):
            g.permuted(x, out=np.empty((6, 4), dtype=x.dtype))
        with self.assertRaises(np.AxisError):
            g.permutation(3.0)


class Broadcasting(NumpyTest):
    """Array parameters broadcast as numpy's; value i is the C law with element i's
    parameters, drawn in row-major order."""

    def elementwise(self, ref, method, params, shape):
        np = self.np
        g = Generator(ref)
        flat = [np.broadcast_to(np.asarray(p), shape).ravel().tolist() for p in params]
        return [getattr(g, method)(*args) for args in zip(*flat)]

    def test_common_laws(self):
        np = self.np
        cases = [
            ("normal", ([0.0, 10.0, -5.0], [[1.0], [2.0]])),
            ("uniform", ([[-1.0], [0.0]], [1.0, 2.0, 3.0])),
            ("gamma", ([0.5, 2.0, 9.0], 1.5)),
            ("beta", ([0.5, 2.0], [[0.5], [3.0]])),
            ("poisson", ([[0.5, 20.0, 3.0]],)),
            ("binomial", ([10, 1000], [[0.1], [0.9]])),
            ("integers", ([0, -10], [[5], [100]])),
            ("lognormal", ([0.0, 1.0], 0.5)),
            ("hypergeometric", ([5, 50], 20, [[3], [10]])),
            ("triangular", (0.0, [0.5, 1.0], 1.0)),
            ("standard_gamma", ([1.0, 3.0],)),
            ("exponential", ([[0.5], [2.0], [0.0]],)),
        ]
        for method, params in cases:
            with self.subTest(method=method):
                s, ref = started(method)
                got = getattr(Generator(s), method)(*params)
                shape = np.broadcast_shapes(*(np.shape(p) for p in params))
                self.assertEqual(got.shape, shape)
                self.assertEqual(bits(got.ravel().tolist()),
                                 bits(self.elementwise(ref, method, params, shape)))
                sized = getattr(Generator(s), method)(*params, size=(3,) + shape)
                self.assertEqual(bits(sized.ravel().tolist()),
                                 bits(self.elementwise(ref, method, params,
                                                       (3,) + shape)))
                self.assertEqual(s.tell(), ref.tell())

    def test_runs_of_equal_parameters_keep_zero_signs(self):
        """Runs of equal parameters go to C as one fill; equal means equal bits, so
        loc -0.0 is never drawn as loc 0.0 (-0.0 + -0.0 is -0.0, 0.0 + -0.0 is 0.0)."""
        s, ref = started("zeros")
        loc = [0.0, 0.0, -0.0, -0.0] * 8
        got = Generator(s).normal(loc, 0.0)
        want = self.elementwise(ref, "normal", (loc, 0.0), (32,))
        self.assertEqual(bits(got.tolist()), bits(want))
        self.assertIn(bits([-0.0])[0], bits(want))

    def test_bad_element_draws_nothing(self):
        np = self.np
        for call, exc in ((lambda g: g.normal([1.0, 1.0, 1.0], [1.0, 1.0, -1.0]),
                           ValueError),
                          (lambda g: g.binomial([5, 5, -1], 0.5), ValueError),
                          (lambda g: g.poisson([1.0, float("nan")]), ValueError),
                          (lambda g: g.integers([0, 5], [3, 5]), ValueError),
                          (lambda g: g.normal([0.0, 1.0], size=3), ValueError),
                          (lambda g: g.normal([0.0, 1.0], [1.0, 2.0, 3.0]), ValueError),
                          (lambda g: g.normal(np.array(["a"])), TypeError),
                          (lambda g: g.binomial([1.5], 0.5), ValueError)):
            g = Generator(Stream(1))
            with self.assertRaises(exc):
                call(g)
            self.assertEqual(g.stream.tell(), 0)

    def test_c_checks_every_run_first(self):
        """A run the C law rejects (were a Python check missing: removed here) raises
        before anything of the call is drawn."""
        law = _generator.LAWS["negative_binomial"]
        g = Generator(Stream(1))
        with mock.patch.dict(_generator.LAWS, {"negative_binomial": law._replace(cross=())}):
            with self.assertRaises(ReproError) as cm:
                g.negative_binomial([1.0, 1e12], [0.5, 1e-3])  # C: n (1 - p) / p <= 1e12
        self.assertEqual(cm.exception.name, "REPRO_ERR_PARAM")
        self.assertEqual(g.stream.tell(), 0)


class NumpyInterop(NumpyTest):
    def test_bit_generator(self):
        np = self.np
        g = default_rng(5)
        bg = g.bit_generator
        self.assertIs(g.bit_generator, bg)
        self.assertIs(bg.stream, g.stream)
        npg = np.random.Generator(bg)
        ref = Stream(5)
        self.assertEqual(npg.bit_generator.random_raw(3).tolist(), ref.u64(3).tolist())
        npg.standard_normal(4)  # numpy's algorithm, our words: the stream moves on
        ref.seek(g.stream.tell())
        self.assertEqual(g.random(), ref.double())

    def test_parameters_of_every_kind(self):
        """Reals take ints, floats, Fractions, Decimals and numpy scalars."""
        import decimal
        import fractions
        np = self.np
        want = default_rng(2).normal(1.0, 2.0, size=4).tolist()
        for loc, scale in ((1, 2), (fractions.Fraction(1), 2.0), (decimal.Decimal(1), 2),
                           (np.float32(1), np.int64(2))):
            with self.subTest(loc=loc):
                self.assertEqual(default_rng(2).normal(loc, scale, size=4).tolist(), want)
        self.assertEqual(default_rng(2).binomial(np.uint64(5), np.float64(0.5)),
                         default_rng(2).binomial(5, 0.5))


class Moments(unittest.TestCase):
    """Parameters reach C in numpy's order: a swapped one fails (5-sigma margins)."""

    def test_means_and_variances(self):
        import statistics
        n, g = 20000, default_rng("moments")
        for name, draw, mean, var in (
                ("normal", lambda: g.normal(-2.0, 3.0, n), -2.0, 9.0),
                ("uniform", lambda: g.uniform(-1.0, 3.0, n), 1.0, 16 / 12),
                ("gamma", lambda: g.gamma(2.0, 0.5, n), 1.0, 0.5),
                ("beta", lambda: g.beta(2.0, 5.0, n), 2 / 7, 10 / (49 * 8)),
                ("poisson", lambda: g.poisson(4.5, n), 4.5, 4.5),
                ("binomial", lambda: g.binomial(10, 0.3, n), 3.0, 2.1),
                ("laplace", lambda: g.laplace(1.0, 0.5, n), 1.0, 0.5),
                ("wald", lambda: g.wald(2.0, 8.0, n), 2.0, 1.0),
                ("negative_binomial", lambda: g.negative_binomial(3, 0.25, n), 9.0, 36.0),
                ("hypergeometric", lambda: g.hypergeometric(30, 10, 8, n), 6.0,
                 8 * 0.75 * 0.25 * 32 / 39),
                ("integers", lambda: g.integers(-3, 7, n), 1.5, 99 / 12),
                ("bernoulli", lambda: g.bernoulli(0.3, n), 0.3, 0.21)):
            with self.subTest(name):
                xs = [float(x) for x in draw()]
                m, v = statistics.fmean(xs), statistics.pvariance(xs)
                self.assertLess(abs(m - mean), 5 * math.sqrt(var / n), (m, mean))
                self.assertLess(abs(v - var), 0.1 * var, (v, var))


class WithoutNumpy(unittest.TestCase):
    """Without numpy (forced here when it is present): Python numbers, 1-d
    array.array results, and ImportError for what needs numpy."""

    def setUp(self):
        saved = _generator.numpy, _stream.numpy
        _generator.numpy = _stream.numpy = None

        def restore():
            _generator.numpy, _stream.numpy = saved
        self.addCleanup(restore)

    def test_results(self):
        import array
        s, ref = started("plain")
        g = Generator(s)
        x = g.normal(1.0, 2.0, size=4)
        self.assertIsInstance(x, array.array)
        self.assertEqual((x.typecode, list(x)), ("d", c_fill(ref, "gaussian", 4, 1.0, 2.0)))
        self.assertEqual(list(g.poisson(3.0, (3,))), c_fill(ref, "poisson", 3, 3.0, ctype=U64))
        one = g.integers(10)
        self.assertEqual((type(one), one), (int, c_fill(ref, "integers", 1, 0, 9,
                                                         ctype=I64)[0]))
        full = g.integers(0, 2 ** 64, size=2, dtype="uint64")
        self.assertEqual((full.typecode, list(full)), ("Q", list(ref.bounded(2, 0))))
        self.assertEqual(list(g.random(2, dtype="float32")), c_fill(ref, "float", 2, ctype=F32))
        self.assertEqual(g.choice(["a", "b"], 3, p=[0.0, 1.0]), ["b", "b", "b"])
        ref.u64(3)
        self.assertEqual(list(g.dirichlet([1.0, 1.0])),
                         c_fill(ref, "dirichlet", 1, (D * 2)(1.0, 1.0), 2, width=2))
        self.assertEqual(s.tell(), ref.tell())
        for call in (lambda: g.normal(size=(2, 2)), lambda: g.normal([0.0, 1.0]),
                     lambda: g.random(size=()), lambda: g.permuted([1, 2]),
                     lambda: g.dirichlet([1.0], size=2)):
            with self.assertRaises(ImportError) as cm:
                call()
            self.assertIn("numpy", str(cm.exception))
        with self.assertRaises(ImportError):
            g.random(out=[0.0])
        self.assertEqual(s.tell(), ref.tell())


if __name__ == "__main__":
    unittest.main()
