"""Permutation slices and integer-array indexing: int64 arrays through
repro_permutation_fill, numpy's slice semantics, with or without numpy."""

import array
import unittest

import support
from repro_rng import Permutation, Seed
from repro_rng import _permindex

try:
    import numpy
except ImportError:
    if support.REQUIRE_NUMPY:
        raise
    numpy = None


def as_list(a):
    return list(a.tolist() if hasattr(a, "tolist") else a)


class Slices(unittest.TestCase):
    def setUp(self):
        self.p = Permutation(Seed(3), 1000)
        self.all = [self.p.at(i) for i in range(1000)]

    def test_int64_result(self):
        got = self.p[10:20]
        if numpy is not None:
            self.assertEqual(got.dtype, numpy.int64)
        else:
            self.assertIsInstance(got, array.array)
            self.assertEqual(got.typecode, "q")
        self.assertEqual(as_list(got), self.all[10:20])

    def test_slices_like_lists(self):
        for key in (slice(None), slice(5, 50), slice(3, 900, 7), slice(None, None, 100),
                    slice(900, 3, -7), slice(None, None, -1), slice(-10, None),
                    slice(10, 5), slice(0, 1000, 999), slice(2000, 3000),
                    slice(1, 1000, 64), slice(0, 10 ** 9, 333)):
            self.assertEqual(as_list(self.p[key]), self.all[key], key)

    def test_integer_sequences(self):
        self.assertEqual(as_list(self.p[[5, -1, 3, 5]]),
                         [self.all[5], self.all[-1], self.all[3], self.all[5]])
        self.assertEqual(as_list(self.p[range(990, 1000)]), self.all[990:])
        self.assertEqual(as_list(self.p[[]]), [])
        if numpy is not None:
            idx = numpy.array([7, 0, 999], dtype=numpy.uint16)
            self.assertEqual(self.p[idx].tolist(),
                             [self.all[7], self.all[0], self.all[999]])
            self.assertEqual(self.p[numpy.int64(4)], self.all[4])  # 0-d: one image
        with self.assertRaises(IndexError):
            self.p[[0, 1000]]
        with self.assertRaises(IndexError):
            self.p[[-1001]]
        with self.assertRaises(TypeError):
            self.p[[1.0]]
        with self.assertRaises(TypeError):
            self.p[[True]]
        with self.assertRaises(TypeError):
            self.p["ab"]
        if numpy is not None:
            with self.assertRaises(TypeError):
                self.p[numpy.array([1.0, 2.0])]
            with self.assertRaises(TypeError):
                self.p[numpy.zeros((2, 2), dtype=int)]

    def test_large_n(self):
        n = 10 ** 15
        p = Permutation(Seed(9), n)
        self.assertEqual(as_list(p[n - 3:]), [p.at(n - 3), p.at(n - 2), p.at(n - 1)])
        self.assertEqual(as_list(p[[-1, 0]]), [p.at(n - 1), p.at(0)])
        self.assertEqual(as_list(_permindex.fill(p, 12345, 4)),
                         [p.at(12345 + k) for k in range(4)])
        huge = Permutation(Seed(9), 2 ** 63 + 5)  # images beyond int64
        self.assertGreater(huge.at(0), -1)
        with self.assertRaises(ValueError):
            huge[0:2]

    def test_small_n_every_step(self):
        for n in (1, 2, 63, 64, 65, 200):
            p = Permutation(Seed(n), n)
            ref = [p.at(i) for i in range(n)]
            for step in (1, 2, 3, 63, 64, 65, -1, -64):
                self.assertEqual(as_list(p[::step]), ref[::step], (n, step))


if __name__ == "__main__":
    unittest.main()
