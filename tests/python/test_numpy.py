"""numpy interop: arrays, in-place fills, shuffles, and numpy.random.Generator running
on a repro_rng stream (its raw 64-bit output is the C stream's u64s)."""

import pickle
import threading
import unittest

import support
from repro_rng import Seed, Stream


class NumpyTest(unittest.TestCase):
    def setUp(self):
        self.np = support.numpy_or_skip()


class Arrays(NumpyTest):
    def test_dtypes(self):
        np, s = self.np, Stream(1)
        for arr, dtype in ((s.u32(3), np.uint32), (s.u64(3), np.uint64),
                           (s.double(3), np.float64), (s.float(3), np.float32),
                           (s.normal(3), np.float64), (s.bounded(3, 10), np.uint64),
                           (s.bounded(3, 10, bits=32), np.uint32),
                           (s.permutation(3), np.uint64)):
            self.assertIsInstance(arr, np.ndarray)
            self.assertEqual((arr.dtype, arr.shape), (np.dtype(dtype), (3,)))

    def test_fill_in_place(self):
        np = self.np
        want = Stream(6).double(20)
        a = np.zeros(20)
        self.assertIs(Stream(6).fill(a), a)
        np.testing.assert_array_equal(a, want)
        grid = np.zeros((4, 5))
        Stream(6).fill(grid)
        np.testing.assert_array_equal(grid.ravel(), want)
        base = np.zeros(30)
        Stream(6).fill(base[5:25])  # a contiguous view: written through, no copy
        np.testing.assert_array_equal(base[5:25], want)
        self.assertEqual((base[:5].any(), base[25:].any()), (False, False))
        normals = np.empty(20)
        Stream(6).fill(normals, "normal")
        np.testing.assert_array_equal(normals, Stream(6).normal(20))
        for dtype, draw in ((np.uint32, "u32"), (np.uint64, "u64"), (np.float32, "float")):
            out = np.empty(9, dtype=dtype)
            Stream(6).fill(out)
            np.testing.assert_array_equal(out, getattr(Stream(6), draw)(9))

    def test_fill_rejects(self):
        np, s = self.np, Stream(6)
        with self.assertRaises(ValueError):
            s.fill(np.zeros(10)[::2])
        with self.assertRaises(ValueError):
            s.fill(np.zeros((3, 4), order="F"))
        ro = np.zeros(4)
        ro.setflags(write=False)
        with self.assertRaises(TypeError):
            s.fill(ro)
        with self.assertRaises(TypeError):
            s.fill(np.zeros(4, dtype=np.int64))
        with self.assertRaises(TypeError):
            s.fill(np.zeros(4, dtype=">f8"))  # non-native byte order
        self.assertEqual(s.tell(), 0)

    def test_fill_misaligned(self):
        """numpy arrays may be misaligned (frombuffer at an odd offset): filled
        through an aligned copy, never handed to C as they are."""
        np = self.np
        seen = support.spy_fill_pointers(self)
        raw = bytearray(8 * 20 + 8)
        for off in range(1, 8):
            for dtype, draw in ((np.float64, "double"), (np.uint32, "u32")):
                with self.subTest(offset=off, dtype=dtype):
                    a = np.frombuffer(raw, dtype=dtype, count=20, offset=off)
                    self.assertIs(Stream(6).fill(a), a)
                    np.testing.assert_array_equal(a, getattr(Stream(6), draw)(20))
        self.assertEqual(len(seen), 14)

    def test_shuffle_views_and_layouts(self):
        """Rows of a 2-D array are views: whatever the layout, the result is the
        array indexed by permutation(n), with the draws of any n elements."""
        np, n = self.np, 30
        ref = Stream(3)
        order = ref.permutation(n).astype(np.intp)
        cases = {
            "rows": np.arange(4 * n).reshape(n, 4),
            "strided rows": np.arange(4 * n).reshape(n, 4)[:, ::2],
            "fortran": np.asfortranarray(np.arange(3 * n).reshape(n, 3)),
            "reversed": np.arange(4 * n).reshape(n, 2, 2)[::-1, :, ::-1],
            "objects": np.array([[i, str(i)] for i in range(n)], dtype=object),
            "datetimes": np.arange(n).astype("M8[D]"),
            "records": np.array([(i, float(i)) for i in range(n)],
                                dtype=[("a", "i4"), ("b", "f8")]),
        }
        for name, x in cases.items():
            with self.subTest(name):
                want = x[order]
                s = Stream(3)
                s.shuffle(x)
                np.testing.assert_array_equal(x, want)
                self.assertEqual(s.tell(), ref.tell())

    def test_shuffle_zero_size_and_read_only(self):
        np = self.np
        for shape in ((5, 0), (0, 3), (0,), (1, 0), (5, 0, 2)):
            with self.subTest(shape=shape):
                a, s, ref = np.zeros(shape), Stream(3), Stream(3)
                s.shuffle(a)
                ref.permutation(shape[0])
                self.assertEqual((a.shape, s.tell()), (shape, ref.tell()))
        ro = np.arange(5)
        ro.setflags(write=False)
        s = Stream(3)
        for x in (ro, ro[::2], np.array(3)):
            with self.assertRaises(TypeError):
                s.shuffle(x)
        self.assertEqual(s.tell(), 0)

    def test_shuffle(self):
        np = self.np
        order = Stream(3).permutation(12)
        a = np.arange(12) * 10
        Stream(3).shuffle(a)
        np.testing.assert_array_equal(a, order * 10)
        rows = np.arange(24).reshape(12, 2)
        Stream(3).shuffle(rows)
        np.testing.assert_array_equal(rows[:, 0], order.astype(np.int64) * 2)
        strided = np.arange(24)[::2].copy()[::1]
        view = np.arange(24)[::2]  # not contiguous: reordered through an index array
        Stream(3).shuffle(view)
        np.testing.assert_array_equal(view, strided[order.astype(np.intp)])


class TorchShuffles(NumpyTest):
    """torch tensors: x[i] is a view, so the shuffle gathers copies (a tensor of 1000
    once came back with 507 distinct values)."""

    def test_tensors(self):
        np, torch, n = self.np, support.module_or_skip("torch"), 1000
        ref = Stream(11)
        order = torch.from_numpy(ref.permutation(n).astype(np.int64))
        cases = {"1-d": torch.arange(n), "rows": torch.arange(2 * n).reshape(n, 2),
                 "strided rows": torch.arange(3 * n).reshape(3, n).T,
                 "float": torch.arange(n, dtype=torch.float64) / 7,
                 "every other": torch.arange(2 * n)[::2]}
        for name, x in cases.items():
            with self.subTest(name):
                want = x.clone()[order]
                s = Stream(11)
                s.shuffle(x)
                self.assertTrue(torch.equal(x, want))
                self.assertEqual(s.tell(), ref.tell())
        empty, s, ref5 = torch.zeros((5, 0)), Stream(11), Stream(11)
        s.shuffle(empty)
        ref5.permutation(5)
        self.assertEqual((tuple(empty.shape), s.tell()), ((5, 0), ref5.tell()))
        with self.assertRaises(TypeError):
            s.shuffle(torch.tensor(3))


class BitGeneratorInterop(NumpyTest):
    def test_raw_output_is_the_c_stream(self):
        np = self.np
        s = Stream(Seed(42).path("numpy"), "threefry4x64-20")
        ref = s.copy()
        g = np.random.Generator(s.bit_generator())
        # Full-range uint64 integers are next_uint64 itself in numpy.
        got = g.integers(0, 2**64, size=50, dtype=np.uint64)
        np.testing.assert_array_equal(got, ref.u64(50))
        self.assertEqual(s.tell(), 100)
        np.testing.assert_array_equal(g.bit_generator.random_raw(7), ref.u64(7))
        self.assertEqual(g.bit_generator.random_raw(), ref.u64())
        np.testing.assert_array_equal(g.random(33), ref.double(33))
        u32 = g.integers(0, 2**32, size=9, dtype=np.uint32)  # next_uint32: one word each
        np.testing.assert_array_equal(u32, ref.u32(9))
        np.testing.assert_array_equal(g.random(5, dtype=np.float32), ref.float(5))
        self.assertEqual(s.tell(), ref.tell())

    def test_distributions_run_and_interleave(self):
        np = self.np
        s = Stream(7)
        g = np.random.Generator(s.bit_generator())
        z = g.standard_normal(20000)
        self.assertLess(abs(z.mean()), 0.05)
        self.assertLess(abs(z.std() - 1.0), 0.05)
        pos = s.tell()
        self.assertGreater(pos, 0)
        s.u32()  # the stream and the Generator share one position
        want = s.copy().u64()
        self.assertEqual(g.bit_generator.random_raw(), want)
        self.assertEqual(s.tell(), pos + 3)
        self.assertEqual(g.bit_generator.state["state"], s.save())
        g2 = np.random.Generator(Stream(7).bit_generator())
        np.testing.assert_array_equal(g2.standard_normal(20000), z)

    def test_lock_serialises_threads(self):
        np = self.np
        s = Stream(9)
        g = np.random.Generator(s.bit_generator())
        self.assertIs(g.bit_generator.lock, s.bit_generator().lock)

        def work():
            for _ in range(50):
                g.random(1000)
                s.u64(10)
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(s.tell(), 4 * 50 * (2000 + 20))

    def test_pickle_bit_generator(self):
        s = Stream(5)
        s.u32(3)
        bg = pickle.loads(pickle.dumps(s.bit_generator()))
        self.assertEqual(bg.random_raw(), s.u64())


if __name__ == "__main__":
    unittest.main()
