"""seed_everything: distinct, documented seeds for each generator, and the record."""

import json
import random
import sys
import unittest

import support
import repro_rng
from repro_rng import Seed, seed_everything


class SeedEverything(unittest.TestCase):
    def test_python_random(self):
        rec = seed_everything(42, "exp/#1")
        got = [random.random() for _ in range(5)]
        base = Seed(42).path("exp/#1")
        self.assertEqual(rec["root"], Seed(42).hex())
        self.assertEqual(rec["path"], "exp/#1")
        self.assertEqual(rec["seed"], base.hex())
        self.assertEqual(rec["random"], base.named("random").words[0])
        random.seed(rec["random"])
        self.assertEqual([random.random() for _ in range(5)], got)
        seed_everything(42, "exp/#1")
        self.assertEqual([random.random() for _ in range(5)], got)
        seed_everything(42, "exp/#2")
        self.assertNotEqual([random.random() for _ in range(5)], got)

    def test_record_lists_exactly_what_was_set(self):
        rec = seed_everything("root")
        expected = {"root", "path", "seed", "random", "deterministic", "version",
                    "contract", "isa"}
        for name in ("numpy", "torch", "tensorflow"):
            if name in sys.modules:  # seeded only when already imported
                expected.add(name)
        self.assertEqual(set(rec), expected)
        seeds = [rec[k] for k in expected & {"random", "numpy", "torch", "tensorflow"}]
        self.assertEqual(len(set(seeds)), len(seeds))  # a distinct seed for each
        self.assertEqual((rec["version"], rec["contract"], rec["isa"], rec["deterministic"]),
                         (repro_rng.library_version(), "rr1", repro_rng.isa(), False))
        self.assertEqual(json.loads(json.dumps(rec)), rec)  # for MLflow / W&B params

    def test_libraries_argument(self):
        for bad in (["numpy", "jax"], "scipy"):
            with self.assertRaises(ValueError):
                seed_everything(1, libraries=bad)
        with self.assertRaises(TypeError):
            seed_everything(1, libraries=[3])

    def test_numpy_legacy_global(self):
        np = support.numpy_or_skip()
        rec = seed_everything(7)
        got = np.random.random(4)
        self.assertEqual(rec["numpy"], Seed(7).named("numpy").words[0] & 0xFFFFFFFF)
        np.random.seed(rec["numpy"])
        np.testing.assert_array_equal(np.random.random(4), got)

    def test_bad_path(self):
        with self.assertRaises(ValueError):
            seed_everything(1, "a//b")


if __name__ == "__main__":
    unittest.main()
