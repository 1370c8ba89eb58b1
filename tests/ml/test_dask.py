"""repro_rng.dask.random_array: element i is value i of one stream whatever the
chunking, the scheduler and the worker processes (a real distributed.LocalCluster)."""

import unittest

import ml_support

numpy = ml_support.require("numpy")
dask = ml_support.require("dask")
ml_support.require("dask.array")
distributed = ml_support.require("distributed")
cloudpickle = ml_support.require("cloudpickle")

from repro_rng import ReproError, Seed, Stream, default_rng  # noqa: E402
from repro_rng._lib import lib  # noqa: E402
from repro_rng.dask import DRAWS, LAWS, random_array  # noqa: E402

SHAPE = (37, 23, 5)
N = 37 * 23 * 5
CHUNKINGS = [SHAPE, (5, 23, 5), (7, 4, 5), (10, 23, 2), (1, 3, 1), "auto",
             ((30, 7), (1, 22), (5,))]


class BitsCase(unittest.TestCase):
    def assertSameBits(self, got, want, msg=None):
        """dtype, shape and every byte equal (a plain comparison: unittest's diff of
        two long byte strings would take minutes)."""
        self.assertEqual((got.dtype, got.shape), (want.dtype, want.shape), msg)
        if got.tobytes() != want.tobytes():
            word = "u%d" % got.itemsize
            bad = numpy.flatnonzero(got.reshape(-1).view(word)
                                    != want.reshape(-1).view(word))
            self.fail("%s: %d of %d values differ, the first at flat index %d"
                      % (msg, bad.size, got.size, bad[0]))


class Local(BitsCase):
    """The synchronous scheduler: every kind and law against the serial stream."""

    def test_every_kind_every_chunking(self):
        for kind in DRAWS:
            ref = getattr(Stream(Seed(7).path("x")), kind)(N).reshape(SHAPE)
            for chunks in CHUNKINGS:
                got = random_array(7, SHAPE, chunks, kind, path="x").compute(
                    scheduler="sync")
                self.assertSameBits(got, ref, (kind, chunks))

    def test_algorithm(self):
        ref = Stream(Seed(3), "threefry2x64-20").u64(60).reshape(6, 10)
        got = random_array(3, (6, 10), (4, 3), "u64", algorithm="threefry2x64-20")
        self.assertSameBits(got.compute(scheduler="sync"), ref)

    def test_laws(self):
        """Chunked laws equal one serial fill of the law's C function."""
        params = {"normal": (1.5, 2.0), "uniform": (-1, 3), "bernoulli": (0.3,),
                  "lognormal": (0.5, 0.25), "standard_cauchy": (), "laplace": (1, 2),
                  "logistic": (-1, 0.5), "gumbel": (2, 3), "rayleigh": (2,),
                  "weibull": (1.5,), "pareto": (3,), "power": (0.5,),
                  "triangular": (-1, 0, 2), "wald": (1, 2), "geometric": (0.2,),
                  "exponential": (2.5,)}
        self.assertEqual(set(params), set(LAWS))
        for law, (fill, dtype, _, _) in LAWS.items():
            ref = numpy.empty(SHAPE, dtype=dtype)
            stream = Stream(Seed(7))
            getattr(lib, "repro_fill_" + fill)(stream._addr, ref.ctypes.data, N,
                                               *map(float, params[law]))
            for chunks in (SHAPE, (5, 3, 2), (1, 23, 1)):
                got = random_array(7, SHAPE, chunks, law=law, params=params[law])
                self.assertSameBits(got.compute(scheduler="sync"), ref, (law, chunks))
            # the same values as repro_rng.Generator's method of that name
            rng = getattr(default_rng(7), law)(*params[law], size=SHAPE)
            self.assertSameBits(rng, ref, law)
        rng = default_rng(7, path="a/#2", algorithm="threefry4x32-20")
        got = random_array(7, (40, 30), (7, 9), law="normal", params=(1, 2), path="a/#2",
                           algorithm="threefry4x32-20")
        self.assertSameBits(got.compute(scheduler="sync"),
                            rng.normal(1, 2, size=(40, 30)))

    def test_edge_shapes(self):
        zero_d = random_array(3, (), (), "normal").compute(scheduler="sync")
        self.assertEqual(zero_d.shape, ())
        self.assertEqual(float(zero_d), Stream(Seed(3)).normal())
        self.assertEqual(random_array(3, (0, 4), (2, 2)).compute().shape, (0, 4))
        one_d = random_array(3, 10, 3, "u32").compute(scheduler="sync")
        self.assertEqual(one_d.tolist(), Stream(Seed(3)).u32(10).tolist())

    def test_tall_thin_chunks(self):
        """2000x1 chunks of a column: each chunk is one contiguous run."""
        shape = (200000, 1)
        got = random_array(1, shape, (2000, 1), "normal").compute(scheduler="sync")
        self.assertSameBits(got, Stream(Seed(1)).normal(200000).reshape(shape))

    def test_errors(self):
        with self.assertRaises(ValueError):
            random_array(1, (4,), 2, "gamma")
        with self.assertRaises(TypeError):
            random_array(1, (4,), 2, 5)
        with self.assertRaises(ValueError):
            random_array(1, (4,), 2, law="gamma", params=(1.0,))
        with self.assertRaises(ValueError):
            random_array(1, (4,), 2, law="normal", params=(1.0,))
        with self.assertRaises(ReproError):  # checked here, not on a worker
            random_array(1, (4,), 2, law="bernoulli", params=(1.5,))
        with self.assertRaises(TypeError):
            random_array(1, (4,), 2, law="uniform", params=("0", 1))
        with self.assertRaises(ValueError):
            random_array(1, (4,), 2, "normal", law="normal", params=(0, 1))
        with self.assertRaises(ValueError):
            random_array(1, (-1,), 2)
        with self.assertRaises(TypeError):
            random_array(1, (2.5,), 2)
        with self.assertRaises(ValueError):
            random_array(1, (1 << 32, (1 << 32) + 1), (1 << 30, 1 << 30), "u32")
        random_array(1, (1 << 32, 1 << 31), (1 << 30, 1 << 30), "u64")  # 2**64 words: ok

    def test_bad_chunks_fail_when_built(self):
        """Chunks that dask's normalize_chunks lets through (negative or unknown
        sizes) failed later on a worker; a 0 chunk size was a ZeroDivisionError."""
        for chunks in (0, (0, 2), ((7, -1),), ((float("nan"),),)):
            shape = (6, 4) if isinstance(chunks, tuple) and len(chunks) == 2 else (6,)
            with self.assertRaisesRegex(ValueError, "chunks", msg=chunks):
                random_array(1, shape, chunks)
        with self.assertRaisesRegex(TypeError, "params"):
            random_array(1, (4,), 2, law="rayleigh", params=2.0)
        got = random_array(1, numpy.array([3, 4]), (2, 3), "u32")  # any integer sequence
        self.assertSameBits(got.compute(scheduler="sync"),
                            Stream(Seed(1)).u32(12).reshape(3, 4))
        self.assertEqual(random_array(3, (0,), 0).compute(scheduler="sync").shape, (0,))

    def test_graph_pickles(self):
        x = random_array(5, (20, 30), (7, 11), "exponential")
        graph = cloudpickle.loads(cloudpickle.dumps(dict(x.__dask_graph__())))
        y = dask.array.Array(graph, x.name, x.chunks, dtype=x.dtype)
        self.assertSameBits(y.compute(scheduler="sync"),
                            Stream(Seed(5)).exponential(600).reshape(20, 30))
        self.assertEqual(x.name, random_array(5, (20, 30), (7, 11), "exponential").name)
        self.assertNotEqual(x.name, random_array(6, (20, 30), (7, 11), "exponential").name)


class Cluster(BitsCase):
    """Two worker processes on 127.0.0.1: four chunkings, one array."""

    def test_local_cluster_two_processes(self):
        shape = (300, 200)
        ref = Stream(Seed(42).path("noise")).normal(60000).reshape(shape)
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1,
                                      processes=True, host="127.0.0.1",
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster, timeout=60) as client:
            pids = client.run(lambda: __import__("os").getpid())
            self.assertEqual(len(set(pids.values())), 2)
            workers = set()
            for chunks in ((300, 200), (7, 200), (61, 13), (300, 1)):
                x = random_array(42, shape, chunks, "normal", path="noise")
                with distributed.get_task_stream(client) as tasks:
                    got = client.compute(x).result(timeout=120)
                self.assertSameBits(got, ref, chunks)
                workers |= {t["worker"] for t in tasks.data}
            self.assertEqual(workers, set(pids))  # both processes made chunks


if __name__ == "__main__":
    unittest.main()
