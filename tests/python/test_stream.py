"""Streams through the bindings: the golden words of tests/vectors/ref_words.txt,
every draw derived from those words by the formulas of SPEC section 3, fills, random
access, saved states, pickling, buffers, distributions, shuffles, permutations."""

import array
import ctypes
import math
import pickle
import statistics
import unittest

import support
import repro_rng
from repro_rng import ALGORITHMS, Permutation, ReproError, Seed, Stream

M64 = (1 << 64) - 1
SEED42 = Seed(42)


def words_of(alg, seed, pos, n):
    """n u32 words from pos, read with the plain u32 draw (itself checked against the
    golden vectors in test_golden_words)."""
    s = Stream(seed, alg)
    s.seek(pos)
    return ints(s.u32(n))


def ints(values):
    """Python ints (numpy's fixed-width scalars would wrap in the formulas below)."""
    return [int(v) for v in values]


def u64s(words):
    return [words[i] | words[i + 1] << 32 for i in range(0, len(words) - 1, 2)]


class SpecExamples(unittest.TestCase):
    def test_section6_words(self):
        self.assertEqual(["%08x" % w for w in Stream(SEED42).u32(4)],
                         ["28b3ffba", "c8b61e27", "a26e04a6", "3aaaf4ed"])
        self.assertEqual(["%08x" % w for w in Stream(42, "threefry4x64-20").u32(4)],
                         ["428ff763", "d58cddff", "658f972d", "70e50230"])
        self.assertEqual(repr(Stream(SEED42).double()), "0.7840288968661325")


class GoldenWords(unittest.TestCase):
    def test_golden_words(self):
        algs = set()
        for alg, seed_hex, pos, n, *words in support.vector_records("ref_words.txt"):
            pos, n, want = int(pos), int(n), [int(w, 16) for w in words]
            algs.add(alg)
            with self.subTest(alg=alg, seed=seed_hex[:8], pos=pos):
                s = Stream(Seed.from_hex(seed_hex), alg)
                s.seek(pos)
                self.assertEqual(list(s.u32(n)), want)
                self.assertEqual(s.tell(), (pos + n) & M64)
                fresh = Stream(Seed.from_hex(seed_hex), alg)
                self.assertEqual(list(fresh.u32(n, at=pos)), want)
                self.assertEqual(fresh.tell(), 0)
                self.assertEqual(fresh.u32(at=(pos + 1) & M64), want[1])
        self.assertEqual(algs, set(ALGORITHMS))


class DerivedDraws(unittest.TestCase):
    """Each draw against SPEC section 3's formula applied to the stream's words."""

    def setUp(self):
        self.cases = [(alg, Seed(3).named(alg), pos) for alg in ALGORITHMS
                      for pos in (0, 5, 2**64 - 3)]

    def test_u64_double_float(self):
        for alg, seed, pos in self.cases:
            with self.subTest(alg=alg, pos=pos):
                w = words_of(alg, seed, pos, 16)
                x = u64s(w)
                s = Stream(seed, alg)
                for name, want in (
                        ("u64", x),
                        ("double", [(v >> 11) * 2.0**-53 for v in x]),
                        ("double_oc", [((v >> 11) + 1) * 2.0**-53 for v in x]),
                        ("double_oo", [((v >> 11) + 0.5) * 2.0**-53 for v in x]),
                        ("float", [(y >> 8) * 2.0**-24 for y in w])):
                    s.seek(pos)
                    self.assertEqual(list(getattr(s, name)(len(want))), want, name)
                    s.seek(pos)
                    singles = [getattr(s, name)() for _ in want]
                    self.assertEqual(singles, want, name)
                    self.assertEqual(list(getattr(s, name)(len(want), at=pos)), want)

    def test_normal_exponential(self):
        inv_cdf = statistics.NormalDist().inv_cdf
        for alg, seed, pos in self.cases:
            x = u64s(words_of(alg, seed, pos, 16))
            s = Stream(seed, alg)
            s.seek(pos)
            for v, got in zip(x, s.normal(8)):
                want = inv_cdf(((v >> 11) + 0.5) * 2.0**-53)
                self.assertAlmostEqual(got, want, delta=4e-15 * max(1.0, abs(want)))
            s.seek(pos)
            for v, got in zip(x, s.exponential(8)):
                want = -math.log(((v >> 11) + 1) * 2.0**-53)
                self.assertAlmostEqual(got, want, delta=4e-16 * max(1.0, want))
            self.assertEqual(s.tell(), (pos + 16) & M64)

    def test_mixed_draws_consume_in_order(self):
        w = words_of("philox4x32-10", SEED42, 0, 9)
        s = Stream(SEED42)
        self.assertEqual(s.u32(), w[0])
        self.assertEqual(s.u64(), w[1] | w[2] << 32)
        self.assertEqual(s.float(), (w[3] >> 8) * 2.0**-24)
        self.assertEqual(list(s.u32(2)), w[4:6])
        self.assertEqual(s.double(), ((w[6] | w[7] << 32) >> 11) * 2.0**-53)
        self.assertEqual(s.tell(), 8)

    def lemire(self, words, bound, bits):
        """SPEC section 3's bounded draw, from raw words; returns (value, words used)."""
        step = bits // 32
        top = 1 << bits
        i = 0
        while True:
            y = words[i] if bits == 32 else words[i] | words[i + 1] << 32
            i += step
            if bound == 0:
                return y, i
            m = y * bound
            if m % top >= (top - bound) % bound:
                return m >> bits, i

    def test_bounded(self):
        for bits, bounds in ((32, (0, 1, 3, 7, 2**31 + 1, 2**32 - 1)),
                             (64, (0, 1, 3, 10**12, 2**63 + 1, 2**64 - 1))):
            for bound in bounds:
                with self.subTest(bits=bits, bound=bound):
                    w = words_of("philox4x32-10", SEED42, 0, 400)
                    used, want = 0, []
                    for _ in range(40):
                        v, k = self.lemire(w[used:], bound, bits)
                        want.append(v)
                        used += k
                    s = Stream(SEED42)
                    self.assertEqual(list(s.bounded(40, bound, bits=bits)), want)
                    self.assertEqual(s.tell(), used)
                    s.seek(0)
                    self.assertEqual([s.bounded(None, bound, bits=bits) for _ in want], want)
                    self.assertEqual(list(s.bounded(40, bound, bits=bits, at=0)), want)
        s = Stream(1)
        for bits, bad in ((32, 2**32), (64, 2**64), (64, -1)):
            with self.assertRaises(ValueError):
                s.bounded(1, bad, bits=bits)
        with self.assertRaises(ValueError):
            s.bounded(1, 5, bits=16)


class Fills(unittest.TestCase):
    KINDS = ("u32", "u64", "double", "double_oc", "double_oo", "float", "normal",
             "exponential")

    def test_fill_equals_singles_and_sizes(self):
        for kind in self.KINDS:
            a, b = Stream(9, "philox4x64-10"), Stream(9, "philox4x64-10")
            a.seek(3)
            b.seek(3)
            got = getattr(a, kind)(37)
            self.assertEqual(len(got), 37)
            self.assertEqual(list(got), [getattr(b, kind)() for _ in range(37)], kind)
            self.assertEqual(a.tell(), b.tell())
            self.assertEqual(len(getattr(a, kind)(0)), 0)

    def test_fill_buffers_in_place(self):
        ref = Stream(5)
        doubles = list(ref.double(6))
        ref.seek(0)
        words = ints(ref.u32(12))
        for make in (lambda: array.array("d", [0.0] * 6), lambda: (ctypes.c_double * 6)(),
                     lambda: memoryview(bytearray(48)).cast("d")):
            buf = make()
            s = Stream(5)
            self.assertIs(s.fill(buf), buf)
            self.assertEqual(list(buf), doubles)
            self.assertEqual(s.tell(), 12)
        raw = bytearray(48)
        Stream(5).fill(raw)
        self.assertEqual(list(memoryview(raw).cast("I")), words)
        raw = bytearray(48)
        Stream(5).fill(raw, "double")
        self.assertEqual(list(memoryview(raw).cast("d")), doubles)
        buf = array.array("I", [0] * 12)
        Stream(5).fill(buf)
        self.assertEqual(list(buf), words)
        buf = array.array("Q", [0] * 6)
        Stream(5).fill(buf)
        self.assertEqual(list(buf), u64s(words))
        buf = array.array("f", [0.0] * 12)
        Stream(5).fill(buf)
        self.assertEqual(list(buf), [(y >> 8) * 2.0**-24 for y in words])
        buf = array.array("d", [0.0] * 3)
        s = Stream(5)
        s.fill(buf, "double", at=6)
        self.assertEqual(list(buf), doubles[3:])
        self.assertEqual(s.tell(), 0)
        mv = memoryview(bytearray(24)).cast("d")  # a view into part of a bigger buffer
        whole = bytearray(40)
        Stream(5).fill(memoryview(whole)[8:32])
        self.assertEqual(whole[:8], bytes(8))
        self.assertEqual(list(memoryview(whole[8:32]).cast("I")), words[:6])
        self.assertEqual(len(mv), 3)

    def test_empty(self):
        s = Stream(5)
        for buf in (bytearray(), array.array("d"), memoryview(bytearray()).cast("Q")):
            self.assertIs(s.fill(buf), buf)
        empty = []
        s.shuffle(empty)
        s.shuffle(bytearray())
        self.assertEqual((empty, len(s.permutation(0)), s.tell()), ([], 0, 0))

    def test_fill_errors(self):
        s = Stream(5)
        with self.assertRaises(TypeError):
            s.fill(b"12345678")                      # read-only
        with self.assertRaises(ValueError):
            s.fill(memoryview(bytearray(64)).cast("d")[::2])  # not contiguous
        with self.assertRaises(TypeError):
            s.fill(array.array("d", [0.0]), "u32")   # element type mismatch
        with self.assertRaises(TypeError):
            s.fill(bytearray(6))                     # 6 bytes: not whole u32 words
        with self.assertRaises(TypeError):
            s.fill(array.array("i", [0]))            # signed ints: no such draw
        with self.assertRaises(ValueError):
            s.fill(bytearray(8), "bogus")
        self.assertEqual(s.tell(), 0)

    def test_count_errors(self):
        s = Stream(1)
        for bad in (-1, 1.5, "3", True):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                s.u32(bad)
        for bad in (-1, 2**64, 0.0):
            with self.assertRaises(ValueError):
                s.seek(bad)
            with self.assertRaises(ValueError):
                s.u32(1, at=bad)


class Isa(unittest.TestCase):
    def test_isa_never_changes_numbers(self):
        before = repro_rng.isa()
        want = list(Stream(12).double(1000))
        try:
            repro_rng.set_isa("scalar")
            self.assertEqual(repro_rng.isa(), "scalar")
            self.assertEqual(list(Stream(12).double(1000)), want)
        finally:
            repro_rng.set_isa(before)
        self.assertEqual(repro_rng.isa(), before)
        with self.assertRaises(ReproError) as cm:
            repro_rng.set_isa("mmx")
        self.assertEqual(cm.exception.name, "REPRO_ERR_ISA_UNKNOWN")


class ArrayFallback(unittest.TestCase):
    """Without numpy the arrays are array.array (forced here when numpy is present)."""

    def test_array_array_results(self):
        from repro_rng import _stream
        saved, _stream.numpy = _stream.numpy, None
        try:
            s = Stream(1)
            got = [(s.u32(3), "u32", 4), (s.u64(3), "u64", 8), (s.double(3), "double", 8),
                   (s.float(3), "float", 4), (s.bounded(3, 9, bits=32), "b32", 4),
                   (s.bernoulli(3, 0.5), "bernoulli", 1), (s.permutation(4), "perm", 8)]
        finally:
            _stream.numpy = saved
        t = Stream(1)
        want = [t.u32(3), t.u64(3), t.double(3), t.float(3), t.bounded(3, 9, bits=32),
                t.bernoulli(3, 0.5), t.permutation(4)]
        for (arr, name, size), ref in zip(got, want):
            self.assertIsInstance(arr, array.array, name)
            self.assertEqual(arr.itemsize, size, name)
            self.assertEqual(list(arr), [v for v in ref], name)


class StreamState(unittest.TestCase):
    def test_seek_tell_skip_wrap(self):
        s = Stream(1, "threefry4x32-20")
        self.assertEqual((s.tell(), s.algorithm, s.seed), (0, "threefry4x32-20", Seed(1)))
        s.seek(2**64 - 1)
        w = s.u32(3)
        self.assertEqual(s.tell(), 2)
        self.assertEqual(list(w[1:]), list(Stream(1, "threefry4x32-20").u32(2)))
        s.skip(2**64 - 1)
        self.assertEqual(s.tell(), 1)

    def test_unknown_algorithm(self):
        with self.assertRaises(ReproError) as cm:
            Stream(1, "mt19937")
        self.assertEqual(cm.exception.name, "REPRO_ERR_ALGORITHM")
        self.assertIn("mt19937", str(cm.exception))
        with self.assertRaises(ValueError):
            Stream(1, 1)
        with self.assertRaises(ValueError):
            Stream(-1)

    def test_save_load_pickle_copy(self):
        s = Stream(SEED42, "philox2x64-10")
        s.u32(7)
        text = s.save()
        self.assertEqual(text, "rr1:philox2x64-10:%s:7" % SEED42.hex())
        for t in (Stream.load(text), pickle.loads(pickle.dumps(s)), s.copy(),
                  eval(repr(s), {"repro_rng": repro_rng})):
            self.assertEqual(t, s)
            self.assertEqual(t.tell(), 7)
            self.assertEqual(list(t.u64(5)), list(s.copy().u64(5)))
        c = s.copy()
        c.u32()
        self.assertNotEqual(c, s)  # copies are independent
        self.assertEqual(s.tell(), 7)

    def test_load_errors(self):
        good = Stream(3).save()
        cases = [("", "REPRO_ERR_STATE_EMPTY"), ("rr2" + good[3:], "REPRO_ERR_STATE_VERSION"),
                 ("rr1:nope:" + SEED42.hex() + ":0", "REPRO_ERR_STATE_ALGORITHM"),
                 ("rr1:philox4x32-10:%s0:0" % SEED42.hex(), "REPRO_ERR_STATE_HEX_LENGTH"),
                 (good + "x", "REPRO_ERR_STATE_TRAILING"),
                 (good[:-1] + "18446744073709551616", "REPRO_ERR_STATE_POSITION")]
        for text, name in cases:
            with self.subTest(text=text), self.assertRaises(ReproError) as cm:
                Stream.load(text)
            self.assertEqual(cm.exception.name, name)
            self.assertIsNotNone(cm.exception.offset)
        with self.assertRaises(ValueError):
            Stream.load(good + "\0junk")
        self.assertEqual(Stream.load(good.encode()), Stream(3))


class Distributions(unittest.TestCase):
    def test_gaussian_is_scaled_normal(self):
        a, b = Stream(11), Stream(11)
        self.assertEqual(list(a.gaussian(50, 3.0, 2.5)), [3.0 + 2.5 * z for z in b.normal(50)])
        self.assertEqual(a.gaussian(), b.normal())
        self.assertEqual(a.tell(), b.tell())

    def test_bernoulli_is_u_below_p(self):
        a, b = Stream(11), Stream(11)
        self.assertEqual(list(a.bernoulli(300, 0.3)), [int(u < 0.3) for u in b.double(300)])

    def test_parameters_reach_c_in_order(self):
        """Moments with 5-sigma margins: a swapped or dropped parameter fails."""
        n = 20000
        s = Stream(Seed("moments"))

        def moments(xs):
            xs = [float(x) for x in xs]
            return statistics.fmean(xs), statistics.pvariance(xs)

        for name, draw, mean, var in (
                ("gamma", lambda: s.gamma(n, 2.0, 0.5), 1.0, 0.5),
                ("beta", lambda: s.beta(n, 2.0, 5.0), 2 / 7, 10 / (49 * 8)),
                ("poisson", lambda: s.poisson(n, 4.5), 4.5, 4.5),
                ("binomial", lambda: s.binomial(n, 10, 0.3), 3.0, 2.1),
                ("uniform", lambda: s.uniform(n, -1.0, 3.0), 1.0, 16 / 12),
                ("gaussian", lambda: s.gaussian(n, -2.0, 3.0), -2.0, 9.0)):
            with self.subTest(name):
                m, v = moments(draw())
                self.assertLess(abs(m - mean), 5 * math.sqrt(var / n), (m, mean))
                self.assertLess(abs(v - var), 0.1 * var, (v, var))

    def test_single_values_and_types(self):
        s = Stream(2)
        self.assertIsInstance(s.poisson(None, 3.0), int)
        self.assertIsInstance(s.gamma(None, 2.0), float)
        self.assertIn(s.bernoulli(None, 0.5), (0, 1))

    def test_parameter_errors_draw_nothing(self):
        s = Stream(2)
        for call in (lambda: s.gaussian(3, 0.0, -1.0), lambda: s.uniform(3, 1.0, 1.0),
                     lambda: s.bernoulli(3, 1.5), lambda: s.gamma(3, 0.0),
                     lambda: s.beta(3, 1.0, -1.0), lambda: s.poisson(3, -1.0),
                     lambda: s.binomial(3, 5, float("nan")),
                     lambda: s.gaussian(3, float("inf"), 1.0)):
            with self.assertRaises(ReproError) as cm:
                call()
            self.assertEqual(cm.exception.name, "REPRO_ERR_PARAM")
            self.assertTrue(str(cm.exception))
        self.assertEqual(s.tell(), 0)
        with self.assertRaises(ValueError):
            s.binomial(3, -1, 0.5)
        with self.assertRaises(TypeError):
            s.gamma(3, None)


class Shuffles(unittest.TestCase):
    def reference(self, stream, items):
        """Fisher-Yates by the rule in include/repro_rng.h: i from count-1 down to 1,
        j = the bounded draw in [0, i+1) (32-bit while the bound fits)."""
        items = list(items)
        for i in range(len(items) - 1, 0, -1):
            j = stream.bounded(None, i + 1, bits=32)
            items[i], items[j] = items[j], items[i]
        return items

    def test_list_buffer_and_reference_agree(self):
        for n in (0, 1, 2, 10, 257):
            with self.subTest(n=n):
                ref_stream = Stream(Seed(4).child(n))
                want = self.reference(ref_stream, range(n))
                lst = list(range(n))
                s = Stream(Seed(4).child(n))
                s.shuffle(lst)
                self.assertEqual(lst, want)
                self.assertEqual(s.tell(), ref_stream.tell())
                for buf in (array.array("Q", range(n)), array.array("d", range(n))):
                    s = Stream(Seed(4).child(n))
                    s.shuffle(buf)
                    self.assertEqual([int(v) for v in buf], want)
                self.assertEqual([int(v) for v in Stream(Seed(4).child(n)).permutation(n)],
                                 want)

    def test_shuffle_objects_and_rows(self):
        names = ["a", "b", "c", "d", "e"]
        order = ints(Stream(8).permutation(5))
        Stream(8).shuffle(names)
        self.assertEqual(names, ["abcde"[i] for i in order])
        rows = bytearray(b"aabbccddee")  # a 5x2 buffer shuffles its rows
        Stream(8).shuffle(memoryview(rows).cast("B", (5, 2)))
        self.assertEqual(bytes(rows), b"".join(b"abcde"[i:i + 1] * 2 for i in order))
        with self.assertRaises(TypeError):
            Stream(8).shuffle((1, 2, 3))


class Permutations(unittest.TestCase):
    def test_bijection_and_inverse(self):
        p = Permutation(SEED42, 1000)
        images = [p[i] for i in range(1000)]
        self.assertEqual(sorted(images), list(range(1000)))
        self.assertNotEqual(images, list(range(1000)))
        self.assertEqual([p.inverse(x) for x in images], list(range(1000)))
        self.assertEqual(p[-1], p.at(999))
        self.assertEqual(len(p), 1000)

    def test_errors_and_identity(self):
        p = Permutation(SEED42, 10)
        with self.assertRaises(IndexError):
            p.at(10)
        with self.assertRaises(ValueError):
            p.inverse(10)
        with self.assertRaises(ReproError):
            Permutation(SEED42, 0)
        big = Permutation(1, 2**64 - 1)
        self.assertLess(big.at(2**64 - 2), 2**64 - 1)
        self.assertEqual(big.inverse(big.at(12345)), 12345)
        self.assertEqual(pickle.loads(pickle.dumps(p)), p)
        self.assertEqual([pickle.loads(pickle.dumps(p))[i] for i in range(10)],
                         [p[i] for i in range(10)])
        other = Permutation(Seed(43), 10)
        self.assertNotEqual([p[i] for i in range(10)], [other[i] for i in range(10)])


if __name__ == "__main__":
    unittest.main()
