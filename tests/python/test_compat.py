"""repro_rng.compat: numpy's SeedSequence/Philox checked live against numpy itself,
JAX's threefry keys against the known answers of tests/vectors/jax_threefry.txt
(copied from JAX's own tests) and published values for the partitionable mode, and
argument errors."""

import struct
import unittest

import support
from repro_rng import ReproError, compat


class NumpyLive(unittest.TestCase):
    """The same calls on numpy and on compat give the same numbers."""

    def setUp(self):
        self.np = support.numpy_or_skip()

    def test_philox_raw_and_random(self):
        np = self.np
        for seed in (0, 12345, 2**64 - 1, 2**100 + 7, [1, 2, 3], [2**40, 5], []):
            with self.subTest(seed=seed):
                ours, theirs = compat.Philox(seed), np.random.Philox(seed)
                self.assertEqual(list(ours.random_raw(7)), list(theirs.random_raw(7)))
                gen = np.random.Generator(theirs)
                self.assertEqual(list(ours.random(9)), list(gen.random(9)))
                self.assertEqual(ours.random_raw(), int(theirs.random_raw()))

    def test_seedseq_spawn_tree(self):
        np = self.np
        ours = compat.SeedSequence(99, spawn_key=(4,)).spawn(3)[2].spawn(2)[1]
        theirs = np.random.SeedSequence(99, spawn_key=(4,)).spawn(3)[2].spawn(2)[1]
        self.assertEqual(ours.spawn_key, theirs.spawn_key)
        for dtype in (np.uint32, np.uint64):
            self.assertEqual(list(ours.generate_state(6, dtype)),
                             list(theirs.generate_state(6, dtype)))
        self.assertEqual(list(compat.Philox(ours).random_raw(5)),
                         list(np.random.Philox(theirs).random_raw(5)))

    def test_key_counter_advance_jumped(self):
        np = self.np
        key, counter = 2**127 + 5, 2**256 - 3
        ours = compat.Philox(key=key, counter=counter)
        theirs = np.random.Philox(key=key, counter=counter)
        ours.random_raw(3), theirs.random_raw(3)
        ours.advance(2**130 + 9), theirs.advance(2**130 + 9)
        self.assertEqual(list(ours.random_raw(6)), list(theirs.random_raw(6)))
        self.assertEqual(list(ours.jumped(3).random_raw(6)),
                         list(theirs.jumped(3).random_raw(6)))

    def test_seed_with_counter(self):
        # numpy applies counter= with a seed too (it once was ignored here).
        np = self.np
        for seed, counter in ((12345, 5), (0, 2**256 - 1), ([1, 2**40], 2**64)):
            with self.subTest(seed=seed, counter=counter):
                self.assertEqual(list(compat.Philox(seed, counter=counter).random_raw(6)),
                                 list(np.random.Philox(seed, counter=counter).random_raw(6)))

    def test_jumped_any_int(self):
        # numpy's jumped(j) advances by j * 2**128 mod 2**256 for any int j.
        np = self.np
        for jumps in (0, -1, -5, 2**64, 2**128 + 3, 2**300 - 1):
            with self.subTest(jumps=jumps):
                ours, theirs = compat.Philox(9), np.random.Philox(9)
                ours.random_raw(2), theirs.random_raw(2)
                self.assertEqual(list(ours.jumped(jumps).random_raw(5)),
                                 list(theirs.jumped(jumps).random_raw(5)))
                self.assertEqual(ours.random_raw(), int(theirs.random_raw()))

    def test_array_entropy(self):
        # numpy arrays of any integer dtype are sequences of ints to numpy.
        np = self.np
        for entropy in (np.array([1, 2**40, 2**64 - 1], dtype=np.uint64),
                        np.array([3, 4], dtype=np.uint32), np.array([], dtype=np.int64)):
            with self.subTest(entropy=entropy):
                ours = compat.SeedSequence(entropy, spawn_key=np.array([2**33]))
                theirs = np.random.SeedSequence(entropy, spawn_key=np.array([2**33]))
                self.assertEqual(list(ours.spawn(2)[1].generate_state(5)),
                                 list(theirs.spawn(2)[1].generate_state(5)))

    def test_randomized_grid(self):
        """SeedSequence, spawn, Philox (seeded or keyed, with counter), raw and double
        draws, advance and jumped, on a fixed pseudo-random grid of cases."""
        import random
        np, rnd = self.np, random.Random(20261202)
        edges = [0, 1, 2**32 - 1, 2**32, 2**63, 2**64 - 1, 2**64]
        for case in range(120):
            kind = case % 3
            if kind == 0:
                seed = rnd.choice(edges + [rnd.getrandbits(rnd.randrange(1, 1000))])
            elif kind == 1:
                seed = [rnd.choice(edges + [rnd.getrandbits(40)])
                        for _ in range(rnd.randrange(6))]
            else:
                seed = [rnd.getrandbits(32) for _ in range(rnd.randrange(60))]
            key = tuple(rnd.choice(edges) for _ in range(rnd.randrange(3)))
            with self.subTest(case=case, seed=seed, spawn_key=key):
                ours = compat.SeedSequence(seed, spawn_key=key)
                theirs = np.random.SeedSequence(seed, spawn_key=key)
                for _ in range(rnd.randrange(3)):
                    i = rnd.randrange(3)
                    ours, theirs = ours.spawn(3)[i], theirs.spawn(3)[i]
                n = rnd.randrange(9)
                for dtype in (np.uint32, np.uint64):
                    self.assertEqual(list(ours.generate_state(n, dtype)),
                                     list(theirs.generate_state(n, dtype)))
                counter = rnd.choice([0, 2**256 - 1, 2**64 - 1, rnd.getrandbits(256)])
                if rnd.random() < 0.5:
                    a, b = compat.Philox(ours, counter=counter), np.random.Philox(
                        theirs, counter=counter)
                else:
                    k = rnd.getrandbits(128)
                    a = compat.Philox(key=k, counter=counter)
                    b = np.random.Philox(key=k, counter=counter)
                for _ in range(4):
                    op, m = rnd.randrange(4), rnd.randrange(11)
                    if op == 0:
                        self.assertEqual(list(a.random_raw(m)), list(b.random_raw(m)))
                    elif op == 1:
                        self.assertEqual(list(a.random(m)),
                                         list(np.random.Generator(b).random(m)))
                    elif op == 2:
                        d = rnd.choice([1, -1, 2**128, rnd.getrandbits(300)])
                        a.advance(d), b.advance(d)
                    else:
                        j = rnd.choice([1, 3, -2, 2**130 + 1])
                        a, b = a.jumped(j), b.jumped(j)


def _float32(text):
    """A float32's shortest repr read back to that float32."""
    return struct.unpack("<f", struct.pack("<f", float(text)))[0]


class JaxKnownAnswers(unittest.TestCase):
    """The lines of tests/vectors/jax_threefry.txt (see its comments for sources)."""

    def test_vectors(self):
        seen = 0
        for rec in support.vector_records("jax_threefry.txt"):
            kind, f = rec[0], rec[1:]
            with self.subTest(line=" ".join(rec)):
                if kind == "key":
                    self.assertEqual(compat.jax_key(int(f[1]), x64=f[0] == "x64"),
                                     (int(f[2]), int(f[3])))
                elif kind == "split":
                    n = int(f[3])
                    want = [(int(f[4 + 2 * i]), int(f[5 + 2 * i])) for i in range(n)]
                    self.assertEqual(compat.jax_split((int(f[1]), int(f[2])), n,
                                                      partitionable=f[0] == "1"), want)
                elif kind == "fold_in":
                    self.assertEqual(compat.jax_fold_in((int(f[0]), int(f[1])), int(f[2])),
                                     (int(f[3]), int(f[4])))
                elif kind in ("bits32", "bits64", "bits64_x32"):
                    width = 32 if kind == "bits32" else 64
                    got = compat.jax_bits((int(f[1]), int(f[2])), int(f[3]), width,
                                          partitionable=f[0] == "1")
                    if kind == "bits64_x32":
                        got = [int(v) & 0xFFFFFFFF for v in got]
                    self.assertEqual([int(v) for v in got], [int(v) for v in f[4:]])
                elif kind.startswith("uniform32"):
                    got = compat.jax_uniform((int(f[1]), int(f[2])), int(f[3]),
                                             partitionable=f[0] == "1")
                    for g, w in zip(got, f[4:]):
                        if kind == "uniform32":  # exact float32 reprs
                            self.assertEqual(_float32(w), g)
                        else:
                            self.assertLessEqual(abs(float(g) - float(w)), 1e-6)
                else:
                    self.assertEqual(kind, "threefry")
                    continue
                seen += 1
        self.assertEqual(seen, 27)

    def test_partitionable_split_is_fold_in(self):
        # JAX's test_threefry_split_fold_in_symmetry, with testPRNGValues' fold_in value.
        self.assertEqual(compat.jax_split(compat.jax_key(0), 5)[4], (2285895361, 433833334))


class JaxPartitionablePublished(unittest.TestCase):
    """Published values for jax_threefry_partitionable = 1, JAX's default since 0.5.0
    and compat's default (JAX's tests have none for it; see tests/test_compat_jax.c)."""

    def test_jax_docs(self):
        # jax-ml/jax jax/random.py module docstring, "PRNG keys"
        # (https://docs.jax.dev/en/latest/jax.random.html): uniform(key(0)) prints
        # 0.947667 (the float32's shortest repr); uniform(split(key(0))[1]) prints
        # 0.00729382 (numpy's 8 decimals, so within 5e-9).
        key = compat.jax_key(0)
        self.assertEqual(float(compat.jax_uniform(key, 1)[0]), _float32("0.947667"))
        subkey = compat.jax_split(key)[1]
        u = float(compat.jax_uniform(subkey, 1)[0])
        self.assertLessEqual(abs(u - 0.00729382), 5e-9)

    def test_jax_js(self):
        # ekzhang/jax-js test/random.test.ts, suite "PRNG correctness": tests
        # "random bits", "random split is consistent with jax", "uniform is
        # consistent with jax" (values taken from jax.random).
        def bits(seed, n):
            return [int(v) for v in compat.jax_bits(compat.jax_key(seed), n)]
        self.assertEqual(bits(0, 1), [4070199207])
        self.assertEqual(bits(10, 4), [169096361, 1572511259, 2689743692, 2228103506])
        self.assertEqual(compat.jax_split(compat.jax_key(1), 3),
                         [(507451445, 1853169794), (1948878966, 4237131848),
                          (2441914641, 3819641963)])
        self.assertEqual([float(v) for v in compat.jax_uniform(compat.jax_key(51), 4)],
                         [_float32(w) for w in ("0.471269", "0.12344253", "0.17550635",
                                                "0.5663593")])


class Errors(unittest.TestCase):
    def test_numpy_errors(self):
        with self.assertRaises(ValueError):
            compat.SeedSequence(-1)
        with self.assertRaises(TypeError):
            compat.SeedSequence(1.5)
        with self.assertRaises(ReproError):
            compat.SeedSequence(2**(32 * 65))
        with self.assertRaises(ValueError):
            compat.Philox(1, key=2)
        with self.assertRaises(ValueError):
            compat.Philox(key=2**128)
        with self.assertRaises(ValueError):
            compat.SeedSequence(1).generate_state(2, "int32")
        # numpy: TypeError for entropy that is not an int or a sized sequence (an
        # iterator was once consumed, so its children lost their entropy).
        for bad in (iter([1, 2]), (w for w in [1, 2]), {1, 2}, 1.5, "12", True):
            with self.assertRaises(TypeError):
                compat.SeedSequence(bad)
        for bad in (1.5, True, "1"):
            with self.assertRaises(TypeError):
                compat.Philox(1).jumped(bad)
            with self.assertRaises(TypeError):
                compat.Philox(1).advance(bad)
            with self.assertRaises(TypeError):
                compat.Philox(1, counter=bad)
        with self.assertRaises(ValueError):
            compat.Philox(1, counter=-1)

    def test_jax_errors(self):
        with self.assertRaises(ValueError):
            compat.jax_split((0, 2**32), 2)
        with self.assertRaises(ValueError):
            compat.jax_bits((0, 0), 3, width=16)
        with self.assertRaises(ValueError):
            compat.jax_uniform((0, 0), 3, partitionable=2)
        with self.assertRaises(ValueError):
            compat.jax_fold_in((0, 0), 2**32)
        key = compat.jax_key(0)
        for call in (lambda: compat.jax_split((0.5, 1)),
                     lambda: compat.jax_split((True, 1)),
                     lambda: compat.jax_fold_in(key, "1"),
                     lambda: compat.jax_fold_in(key, 1.0),
                     lambda: compat.jax_bits(key, 3, width="32"),
                     lambda: compat.jax_bits(key, 3, partitionable="yes"),
                     lambda: compat.jax_uniform(key, 3.0),
                     lambda: compat.jax_split(key, "2")):
            with self.assertRaises(TypeError):
                call()

    def test_copies_are_independent(self):
        """copy and deepcopy give a state of their own (they once shared the
        original's C state, and outlived it)."""
        import copy
        import gc
        for make in (copy.copy, copy.deepcopy):
            g = compat.Philox(7)
            g.random_raw(5)
            c = make(g)
            want = compat.Philox(7)
            want.random_raw(5)
            g.random_raw(3)  # moves the original only
            del g
            gc.collect()
            self.assertEqual([c.random_raw() for _ in range(6)],
                             [want.random_raw() for _ in range(6)])
            ss = compat.SeedSequence(3)
            ss.spawn(2)
            kid = make(ss).spawn(1)[0]
            self.assertEqual(kid.spawn_key, (2,))
            self.assertEqual(ss.n_children_spawned, 2)


if __name__ == "__main__":
    unittest.main()
