"""repro_rng.torch per-item randomness (the same batches for any num_workers),
worker_init_fn, and torch tensors in Stream.fill / Permutation results."""

import pickle
import random
import unittest
import warnings

import ml_support

torch = ml_support.require("torch")
numpy = ml_support.require("numpy")
from torch.utils.data import DataLoader, Dataset, get_worker_info  # noqa: E402

from repro_rng import (Permutation, Seed, Stream, default_rng,  # noqa: E402
                       seed_everything)
from repro_rng.torch import (EpochSampler, item_generator, item_seed,  # noqa: E402
                             item_stream, worker_init_fn)

SEED = 11


class Augmented(Dataset):
    """Each sample's randomness from its own stream and generator."""

    def __init__(self, n, epoch):
        self.n, self.epoch = n, epoch

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        s = item_stream(SEED, self.epoch, i)
        noise = torch.from_numpy(s.normal(3))
        flip = torch.rand(2, generator=item_generator(SEED, self.epoch, i))
        return noise, flip, i


class GlobalDraws(Dataset):
    """What code drawing from the global generators sees in a worker."""

    def __len__(self):
        return 4

    def __getitem__(self, i):
        info = get_worker_info()
        return (info.id if info else -1, random.random(), float(numpy.random.random()),
                float(torch.rand(1)))


class Items(unittest.TestCase):
    def test_item_seed_is_the_documented_path(self):
        self.assertEqual(item_seed(SEED, 2, 17), Seed(SEED).path("item/#2/#17"))
        self.assertEqual(item_stream(SEED, 2, 17), Stream(Seed(SEED).path("item/#2/#17")))
        self.assertEqual(item_stream(SEED, 2, 17, "threefry4x64-20").algorithm,
                         "threefry4x64-20")
        a = torch.rand(4, generator=item_generator(SEED, 2, 17))
        g = torch.Generator()
        g.manual_seed(Seed(SEED).path("item/#2/#17/torch").words[0])
        self.assertTrue(torch.equal(a, torch.rand(4, generator=g)))
        other_epoch = item_generator(SEED, 3, 17)
        self.assertFalse(torch.equal(a, torch.rand(4, generator=other_epoch)))
        with self.assertRaises(ValueError):
            item_stream(SEED, -1, 0)

    def test_same_batches_for_any_num_workers(self):
        def batches(workers):
            warnings.filterwarnings("ignore", "This DataLoader will create")  # 2 CPUs
            loader = DataLoader(Augmented(40, epoch=1), batch_size=6,
                                sampler=EpochSampler(40, SEED, epoch=1),
                                num_workers=workers)
            return [tuple(t.clone() for t in b) for b in loader]
        base = batches(0)
        self.assertEqual(len(base), 7)
        order = torch.cat([b[2] for b in base]).tolist()
        self.assertEqual(order, list(EpochSampler(40, SEED, epoch=1)))
        for workers in (1, 2, 4):
            got = batches(workers)
            self.assertEqual(len(got), len(base))
            for b, ref in zip(got, base):
                for t, r in zip(b, ref):
                    self.assertTrue(torch.equal(t, r), workers)  # bit for bit

    def test_worker_init_fn_seeds_global_generators(self):
        init = worker_init_fn(SEED, path="epoch/#0")
        pickle.loads(pickle.dumps(init))  # any start method can ship it
        loader = DataLoader(GlobalDraws(), batch_size=1, num_workers=2,
                            worker_init_fn=init)
        rows = [tuple(float(x) for x in b) for b in loader]
        for worker in (0, 1):  # batches 0 and 1 are each worker's first
            got = rows[worker]
            self.assertEqual(got[0], worker)
            seed_everything(Seed(SEED).path("epoch/#0"), "worker/#%d" % worker,
                            libraries=("numpy", "torch"))
            self.assertEqual(got[1:], (random.random(), float(numpy.random.random()),
                                       float(torch.rand(1))))
        self.assertNotEqual(rows[0][1:], rows[1][1:])
        with self.assertRaises(TypeError):
            worker_init_fn(SEED, path=3)


class Tensors(unittest.TestCase):
    KINDS = ((torch.float64, "double", "float64"), (torch.float32, "float", "float32"),
             (torch.int64, "u64", "uint64"), (torch.int32, "u32", "uint32"))

    def test_fill_in_place_like_numpy(self):
        for dtype, kind, np_dtype in self.KINDS:
            t = torch.zeros(3, 5, dtype=dtype)
            ptr = t.data_ptr()
            self.assertIs(Stream(SEED).fill(t), t)
            self.assertEqual(t.data_ptr(), ptr)
            ref = Stream(SEED).fill(numpy.zeros(15, dtype=np_dtype))
            self.assertEqual(t.numpy().tobytes(), ref.tobytes(), kind)
            Stream(SEED).fill(t, kind, at=40)
            ref = Stream(SEED).fill(numpy.zeros(15, dtype=np_dtype), kind, at=40)
            self.assertEqual(t.numpy().tobytes(), ref.tobytes(), kind)
        t = torch.zeros(4, dtype=torch.float64)
        Stream(SEED).fill(t, "normal")
        self.assertEqual(t.tolist(), list(Stream(SEED).normal(4)))
        b = torch.zeros(8, dtype=torch.uint8)  # raw bytes: two u32 words
        Stream(SEED).fill(b)
        self.assertEqual(bytes(b.tolist()), Stream(SEED).u32(2).tobytes())
        self.assertEqual(Stream(SEED).fill(torch.zeros(0)).numel(), 0)

    def test_fill_rejects(self):
        s = Stream(SEED)
        with self.assertRaises(TypeError):
            s.fill(torch.zeros(4, dtype=torch.int16))
        with self.assertRaises(TypeError):
            s.fill(torch.zeros(4, dtype=torch.float32), "double")
        with self.assertRaises(ValueError):
            s.fill(torch.zeros(4, 4).t())  # not contiguous
        with self.assertRaises(TypeError):
            s.fill(torch.zeros(4, dtype=torch.uint8), "u64")  # 4 bytes: half a u64
        p = torch.nn.Parameter(torch.zeros(4))
        with self.assertRaises(ValueError):
            s.fill(p)
        self.assertEqual(s.tell(), 0)  # nothing drawn
        with torch.no_grad():
            s.fill(p)  # as torch.nn.init does
        self.assertEqual(p.detach().tolist(), list(Stream(SEED).float(4)))

    def test_fill_counts_as_an_in_place_write(self):
        """Autograd refuses a backward through a graph that saved a tensor's old
        values once it is filled, as after torch's own in-place ops (it used the new
        values silently)."""
        w = torch.ones(3, requires_grad=True)
        x = torch.zeros(3)
        loss = (x * w).sum()  # saves x for the gradient of w
        Stream(SEED).fill(x)
        with self.assertRaisesRegex(RuntimeError, "modified by an inplace operation"):
            loss.backward()
        for fill in (lambda t: Stream(SEED).fill(t, "normal"),
                     lambda t: default_rng(SEED).standard_normal(out=t)):
            t = torch.zeros(2, 2, dtype=torch.float64)
            fill(t)
            self.assertEqual(t._version, 1)
        with torch.inference_mode():  # no version counter: filled, nothing to count
            t = torch.zeros(4)
        self.assertEqual(Stream(SEED).fill(t).tolist(), list(Stream(SEED).float(4)))
        t = torch.zeros(4)
        with self.assertRaises(TypeError):  # refused before any write: not counted
            Stream(SEED).fill(t, "double")
        self.assertEqual(t._version, 0)

    def test_fill_rejects_other_layouts(self):
        """A sparse tensor has no dense memory (was a RuntimeError from torch); a
        negative view reads its memory negated (its values came out negated)."""
        s = Stream(SEED)
        with self.assertRaisesRegex(ValueError, "strided"):
            s.fill(torch.zeros(4).to_sparse())
        with self.assertRaisesRegex(ValueError, "negative"):
            s.fill(torch._neg_view(torch.zeros(4)))
        with self.assertRaisesRegex(ValueError, "negative"):
            default_rng(SEED).random(dtype=numpy.float32,
                                     out=torch._neg_view(torch.zeros(4)))
        self.assertEqual(s.tell(), 0)

    def test_permutation_results_are_int64(self):
        p = Permutation(SEED, 1000)
        idx = p[10:20]
        self.assertEqual(idx.dtype, numpy.int64)
        t = torch.from_numpy(idx)  # no cast needed
        self.assertEqual(t.tolist(), [p.at(i) for i in range(10, 20)])
        picked = p[torch.tensor([3, 1, 999])]
        self.assertEqual(picked.tolist(), [p.at(3), p.at(1), p.at(999)])
        self.assertEqual(torch.from_numpy(p[::-7]).tolist(),
                         [p.at(i) for i in range(999, -1, -7)])


if __name__ == "__main__":
    unittest.main()
