"""Pickling and copying: Seed, Stream, Permutation, BitGenerator, the draw methods and
numpy Generators on a stream, by pickle and by cloudpickle (what dask's distributed
scheduler and Ray use); a copy continues exactly where the original is."""

import copy
import pickle
import unittest

import support
from repro_rng import BitGenerator, Permutation, ReproError, Seed, Stream
from repro_rng._stream import _DRAWS

PROTOCOLS = range(pickle.HIGHEST_PROTOCOL + 1)


def started_stream():
    s = Stream(Seed(42).path("pickle"), "threefry2x64-20")
    s.u32(5)
    return s


class Picklers:
    """The checks, run once with pickle and once with cloudpickle (self.dumps)."""

    def roundtrip(self, obj):
        return pickle.loads(self.dumps(obj))

    def test_seed(self):
        s = Seed(1).path("a/#2")
        self.assertEqual(self.roundtrip(s), s)
        self.assertEqual(self.roundtrip(Seed(1)), Seed(1))

    def test_stream_continues(self):
        s = started_stream()
        t = self.roundtrip(s)
        self.assertEqual((t.save(), t.algorithm), (s.save(), "threefry2x64-20"))
        self.assertEqual(list(t.u64(9)), list(s.u64(9)))

    def test_permutation(self):
        p = Permutation(Seed(3), 1000)
        q = self.roundtrip(p)
        self.assertEqual([q[i] for i in range(50)], [p[i] for i in range(50)])

    def test_bit_generator_continues(self):
        s = started_stream()
        bg = self.roundtrip(s.bit_generator())
        self.assertIsInstance(bg, BitGenerator)
        self.assertEqual(list(bg.random_raw(6)), list(s.u64(6)))
        bg.random_raw(3)  # the copy has a stream of its own
        self.assertEqual((s.tell(), bg.stream.tell()), (5 + 12, 5 + 18))

    def test_draw_methods(self):
        for name in _DRAWS:
            with self.subTest(name=name):
                method = getattr(Stream, name)
                self.assertIs(self.roundtrip(method), method)
                s = started_stream()
                bound = self.roundtrip(getattr(s, name))
                self.assertEqual(list(bound(4)), list(getattr(s, name)(4)))


class Pickle(Picklers, unittest.TestCase):
    def dumps(self, obj):
        for proto in PROTOCOLS[:-1]:
            pickle.loads(pickle.dumps(obj, proto))  # every protocol loads
        return pickle.dumps(obj, PROTOCOLS[-1])


class CloudPickle(Picklers, unittest.TestCase):
    def setUp(self):
        self.cloudpickle = support.module_or_skip("cloudpickle")

    def dumps(self, obj):
        return self.cloudpickle.dumps(obj)


class DrawMethodNames(unittest.TestCase):
    def test_qualnames(self):
        for name in _DRAWS:
            fn = getattr(Stream, name)
            self.assertEqual((fn.__name__, fn.__qualname__, fn.__module__),
                             (name, "Stream." + name, "repro_rng._stream"))


class BitGeneratorState(unittest.TestCase):
    """BitGenerator.state reads and sets the shared stream, as numpy's bit generators'
    state property does."""

    def test_set_state_rewinds_and_switches(self):
        s = started_stream()
        bg = s.bit_generator()
        state = bg.state
        self.assertEqual(state, {"bit_generator": "repro_rng", "state": s.save()})
        first = list(bg.random_raw(4))
        bg.state = state
        self.assertEqual(s.tell(), 5)  # the stream it shares moved back too
        self.assertEqual(list(bg.random_raw(4)), first)
        other = Stream(7, "philox4x64-10")
        other.u32(3)
        bg.state = other.bit_generator().state
        self.assertEqual((s.algorithm, s.tell()), ("philox4x64-10", 3))
        self.assertEqual(list(bg.random_raw(5)), list(other.u64(5)))

    def test_bad_states_change_nothing(self):
        s = started_stream()
        bg = s.bit_generator()
        before = s.save()
        for bad, error in (("rr1:x", TypeError), (None, TypeError),
                           ({"bit_generator": "PCG64", "state": before}, ValueError),
                           ({"bit_generator": "repro_rng"}, ValueError),
                           ({"bit_generator": "repro_rng", "state": 5}, TypeError),
                           ({"bit_generator": "repro_rng", "state": "rr1:bogus"},
                            ReproError)):
            with self.subTest(bad=bad), self.assertRaises(error):
                bg.state = bad
        self.assertEqual(s.save(), before)

    def test_needs_a_stream(self):
        with self.assertRaises(TypeError):
            BitGenerator(Seed(1))
        with self.assertRaises(TypeError):
            Stream(1).bit_generator().random_raw(1.5)


class NumpyGenerators(unittest.TestCase):
    """numpy.random.Generator(stream.bit_generator()) pickled, deep-copied and
    cloudpickled continues exactly where the original is."""

    def setUp(self):
        self.np = support.numpy_or_skip()

    def check_copies_continue(self, make_copies):
        np = self.np
        s = started_stream()
        g = np.random.Generator(s.bit_generator())
        g.standard_normal(7)
        g.integers(0, 10, 3)
        copies = make_copies(g)
        pos = s.tell()
        want = Stream.load(s.save())
        want_normals = np.random.Generator(want.bit_generator()).standard_normal(50)
        for c in copies:
            self.assertEqual(c.bit_generator.state, g.bit_generator.state)
            np.testing.assert_array_equal(c.standard_normal(50), want_normals)
        self.assertEqual(s.tell(), pos)  # copies never move the original
        np.testing.assert_array_equal(g.standard_normal(50), want_normals)

    def test_pickle_and_deepcopy(self):
        self.check_copies_continue(
            lambda g: [pickle.loads(pickle.dumps(g, p)) for p in PROTOCOLS]
            + [copy.deepcopy(g), copy.copy(g)])

    def test_cloudpickle(self):
        cloudpickle = support.module_or_skip("cloudpickle")
        self.check_copies_continue(lambda g: [pickle.loads(cloudpickle.dumps(g))])

    def test_legacy_random_state(self):
        """RandomState keeps a cached normal (an odd count leaves one): it pickles too."""
        np = self.np
        rs = np.random.RandomState(started_stream().bit_generator())
        rs.standard_normal(3)
        c = pickle.loads(pickle.dumps(rs))
        np.testing.assert_array_equal(c.standard_normal(9), rs.standard_normal(9))


if __name__ == "__main__":
    unittest.main()
