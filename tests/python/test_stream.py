"""Streams through the bindings: the golden words of tests/vectors/ref_words.txt,
every draw derived from those words by the formulas of contract section 3, fills, random
access, saved states, pickling, buffers, distributions, shuffles, permutations."""

import array
import ctypes
import math
import pickle
import statistics
import unittest

import support
import repro_rng
from repro_rng import ALGORITHMS, Permutation, ReproError, Seed, Stream, _lib

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


_FORMATS = {"double": "d", "u64": "Q", "u32": "I", "float": "f"}


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
    """Each draw against contract section 3's formula applied to the stream's words."""

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
        """Contract section 3's bounded draw, from raw words; returns (value, words used)."""
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
    KINDS = tuple(_lib.FILLS)

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

    def test_misaligned_buffers_reach_c_aligned(self):
        """C writes through typed pointers, which must be aligned for their type: a
        misaligned buffer is filled through an aligned copy (same values), an aligned
        one in place."""
        seen = support.spy_fill_pointers(self)
        whole = bytearray(64)
        base = ctypes.addressof((ctypes.c_char * 64).from_buffer(whole))
        for off in range(8):
            for kind, size in (("double", 8), ("u64", 8), ("u32", 4), ("float", 4)):
                with self.subTest(offset=off, kind=kind):
                    whole[:] = bytes(64)
                    s = Stream(5)
                    s.fill(memoryview(whole)[off:off + 48], kind)
                    got = memoryview(whole)[off:off + 48].cast(_FORMATS[kind])
                    self.assertEqual(list(got), list(getattr(Stream(5), kind)(48 // size)))
                    self.assertEqual((bytes(whole[:off]), bytes(whole[off + 48:])),
                                     (bytes(off), bytes(16 - off)))
                    self.assertEqual(s.tell(), 12)
                    s.fill(memoryview(whole)[off:off + 48], kind, at=4)
                    want = getattr(Stream(5), kind)(48 // size, at=4)
                    self.assertEqual(list(got), list(want))
                    got.release()
                    aligned = (base + off) % size == 0
                    self.assertEqual(seen[-1] == base + off, aligned)
        self.assertEqual(len(seen), 64)

    def test_count_errors(self):
        s = Stream(1)
        with self.assertRaises(ValueError):
            s.u32(-1)
        for bad in (1.5, "3", True):
            with self.subTest(bad=bad), self.assertRaises(TypeError):
                s.u32(bad)
        for bad, error in ((-1, ValueError), (2**64, ValueError), (0.0, TypeError),
                           ("1", TypeError)):
            with self.assertRaises(error):
                s.seek(bad)
            with self.assertRaises(error):
                s.u32(1, at=bad)
        self.assertEqual(s.tell(), 0)


class ArgumentErrors(unittest.TestCase):
    """Wrong types raise TypeError, wrong values ValueError, everywhere, before
    anything is drawn."""

    def test_types_and_values(self):
        s = Stream(2)
        p = Permutation(1, 10)
        type_errors = [
            lambda: s.bounded(3, "5"),
            lambda: s.bounded(3, 5, bits="32"), lambda: s.bounded(3, 5, at="1"),
            lambda: s.u32(3.0), lambda: s.skip("1"), lambda: s.fill(bytearray(8), 3),
            lambda: s.fill([0.0]), lambda: s.permutation("3"), lambda: Stream.load(5),
            lambda: Stream("1", 5), lambda: Stream(1.5), lambda: Stream(None),
            lambda: p["1"], lambda: p[1.0], lambda: p[None], lambda: p.at(None),
            lambda: p.inverse("3"), lambda: Permutation(1, 10.0),
            lambda: repro_rng.BitGenerator("rr1"), lambda: s.shuffle(5),
            lambda: s.shuffle("abc"), lambda: s.shuffle(b"abc"),
            lambda: s.shuffle((1, 2)), lambda: s.shuffle(range(3)),
            lambda: s.shuffle({1, 2})]
        value_errors = [
            lambda: s.u32(-1), lambda: s.skip(-1),
            lambda: s.seek(2**64), lambda: s.bounded(3, 2**64),
            lambda: s.bounded(3, 5, bits=16),
            lambda: s.fill(bytearray(8), "bogus"),
            lambda: Stream.load("rr1:\0"), lambda: Stream(1, ""),
            lambda: Permutation(1, 0), lambda: Permutation(1, -1), lambda: p.inverse(10)]
        for i, call in enumerate(type_errors):
            with self.subTest(type_error=i), self.assertRaises(TypeError):
                call()
        for i, call in enumerate(value_errors):
            with self.subTest(value_error=i), self.assertRaises(ValueError):
                call()
        self.assertEqual(s.tell(), 0)


class Isa(unittest.TestCase):
    def test_isa_never_changes_numbers(self):
        before = repro_rng.isa()
        want = list(Stream(12).double(1000))
        known, here = repro_rng.isas(supported=False), repro_rng.isas()
        self.assertEqual(known[0], "scalar")
        self.assertEqual(len(set(known)), len(known))
        self.assertEqual([n for n in known if n in here], here)  # in the library's order
        self.assertIn(before, here)
        try:
            for name in here:
                with self.subTest(isa=name):
                    repro_rng.set_isa(name)
                    self.assertEqual(repro_rng.isa(), name)
                    self.assertEqual(list(Stream(12).double(1000)), want)
            for name in set(known) - set(here):
                with self.subTest(isa=name), self.assertRaises(ReproError) as cm:
                    repro_rng.set_isa(name)
                self.assertEqual(cm.exception.name, "REPRO_ERR_ISA_UNSUPPORTED")
        finally:
            repro_rng.set_isa(before)
        self.assertEqual(repro_rng.isa(), before)
        with self.assertRaises(ReproError) as cm:
            repro_rng.set_isa("mmx")
        self.assertEqual(cm.exception.name, "REPRO_ERR_ISA_UNKNOWN")
        for bad, error in (("scalar\0junk", ValueError), (None, TypeError),
                           (b"scalar", TypeError)):
            with self.subTest(bad=bad), self.assertRaises(error):
                repro_rng.set_isa(bad)
        self.assertEqual(repro_rng.isa(), before)


class ArrayFallback(unittest.TestCase):
    """Without numpy the arrays are array.array (forced here when numpy is present)."""

    def test_array_array_results(self):
        from repro_rng import _stream
        saved, _stream.numpy = _stream.numpy, None
        try:
            s = Stream(1)
            got = [(s.u32(3), "u32", 4), (s.u64(3), "u64", 8), (s.double(3), "double", 8),
                   (s.float(3), "float", 4), (s.bounded(3, 9, bits=32), "b32", 4),
                   (s.permutation(4), "perm", 8)]
        finally:
            _stream.numpy = saved
        t = Stream(1)
        want = [t.u32(3), t.u64(3), t.double(3), t.float(3), t.bounded(3, 9, bits=32),
                t.permutation(4)]
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
        with self.assertRaises(TypeError):
            Stream(1, 1)
        with self.assertRaises(ValueError):
            Stream(-1)
        with self.assertRaises(ValueError):  # C would stop reading at the NUL
            Stream(1, "philox4x32-10\0junk")

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
        # bytes that are not UTF-8: the parser's error and offset, not a decode error
        for raw in (b"rr1:\xff" + good.encode()[4:], good.encode()[:-1] + b"\xff"):
            with self.subTest(raw=raw), self.assertRaises(ReproError) as cm:
                Stream.load(raw)
            self.assertEqual(cm.exception.offset, raw.index(b"\xff"))
        with self.assertRaises(ValueError):
            Stream.load(good.encode() + b"\0junk")


class LowLevel(unittest.TestCase):
    def test_laws_with_parameters_left_for_generator(self):
        """Stream keeps the count-first contract draws (C's repro_fill_<name>); a
        law with parameters is a Generator method, in numpy's order."""
        for name in ("gaussian", "uniform", "bernoulli", "gamma", "beta", "poisson",
                     "binomial"):
            self.assertFalse(hasattr(Stream, name), name)
            self.assertTrue(hasattr(repro_rng.Generator, name if name != "gaussian"
                                    else "normal"), name)
        for name in ("u32", "u64", "double", "double_oc", "double_oo", "float",
                     "normal", "exponential", "bounded"):
            self.assertIn("repro_fill_", getattr(Stream, name).__doc__ or "", name)


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

    def test_any_mutable_sequence(self):
        """Anything with len() and item access and assignment: the order of
        permutation(len), the draws of any shuffle of as many elements."""
        import collections
        n = 40
        ref = Stream(8)
        order = ints(ref.permutation(n))
        objs = [object() for _ in range(n)]

        class Cells:  # a user-defined mutable sequence
            def __init__(self, items):
                self.items = list(items)

            def __len__(self):
                return len(self.items)

            def __getitem__(self, i):
                return self.items[i]

            def __setitem__(self, i, v):
                self.items[i] = v

        strided = memoryview(bytearray(range(2 * n)))[::2]  # a non-contiguous buffer
        cases = [(list(objs), objs), (collections.deque(range(n)), range(n)),
                 (Cells(range(n)), range(n)), (strided, range(0, 2 * n, 2))]
        for x, items in cases:
            with self.subTest(type=type(x).__name__):
                items = list(items)
                s = Stream(8)
                s.shuffle(x)
                got = x.items if isinstance(x, Cells) else list(x)
                self.assertEqual(got, [items[i] for i in order])  # objects: by identity
                self.assertEqual(s.tell(), ref.tell())

    def test_zero_size_elements(self):
        """Elements of no bytes (numpy's zeros((5, 0))): nothing moves, the draws are
        those of any 5 elements, as repro_shuffle would make for one-byte ones."""
        for count in (0, 1, 5):
            with self.subTest(count=count):
                x = (ctypes.c_char * 0 * count)()
                s, ref = Stream(3), Stream(3)
                s.shuffle(x)
                ref.shuffle(bytearray(count))
                self.assertEqual((len(x), s.tell()), (count, ref.tell()))


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
        for bad in (10, -11, 2**64, -2**64):
            with self.subTest(index=bad), self.assertRaises(IndexError):
                p[bad]
        for bad in (10, -1, 2**64):
            with self.subTest(at=bad), self.assertRaises(IndexError):
                p.at(bad)
        self.assertEqual([p[i] for i in range(-10, 0)], [p.at(i) for i in range(10)])
        self.assertEqual(list(p), [p.at(i) for i in range(10)])
        with self.assertRaises(ValueError):
            p.inverse(10)
        with self.assertRaises(ReproError):
            Permutation(SEED42, 0)
        big = Permutation(1, 2**64 - 1)
        self.assertLess(big.at(2**64 - 2), 2**64 - 1)
        self.assertEqual(big[-1], big.at(2**64 - 2))
        self.assertEqual((big.n, p.n, len(p)), (2**64 - 1, 10, 10))
        with self.assertRaises(OverflowError):  # len() is limited to sys.maxsize
            len(big)
        self.assertIn("sys.maxsize", Permutation.__doc__)
        self.assertEqual(big.inverse(big.at(12345)), 12345)
        self.assertEqual(pickle.loads(pickle.dumps(p)), p)
        self.assertEqual([pickle.loads(pickle.dumps(p))[i] for i in range(10)],
                         [p[i] for i in range(10)])
        other = Permutation(Seed(43), 10)
        self.assertNotEqual([p[i] for i in range(10)], [other[i] for i in range(10)])


if __name__ == "__main__":
    unittest.main()
