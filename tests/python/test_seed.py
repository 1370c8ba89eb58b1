"""Seeds: contract section 2 through the bindings (contract section 5 examples, the
golden vectors of tests/vectors/seeds.txt), errors, equality, hashing, pickling."""

import pickle
import unittest

import support
from repro_rng import ReproError, Seed

SEED42 = "bdb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02"


def _bytes(field):
    return b"" if field == "-" else bytes.fromhex(field)


class SpecExamples(unittest.TestCase):
    """The worked examples of contract section 5, typed in from the contract."""

    def test_examples(self):
        s42 = Seed(42)
        cases = [
            (Seed(0), "308789a59df1228a15686cd840606fff2ae30f072c7fcd653a47c1c8e5b08d2e"),
            (s42, SEED42),
            (Seed(""), "aad39caa1643da5cd985d65512dff04a15f033e9b9d4e905028b2ab3201b2630"),
            (Seed("repro"),
             "3b92397031ce641da0bbd3208edee786abafe4e193fef28cbda5292d3b406b7d"),
            (s42.child(0),
             "5f9780decaf933a20d694f4fc2598ac7646b00917abb071ae23c61074781a68e"),
            (s42.named("train"),
             "0e67b11a3fa7e57ff849ca1e6cb024646a74c81457f98b9080c69b9d39d84dc2"),
            (s42.path("train/#3/dropout"),
             "6b4c7fd61114c75c3174ffd7372686eab748934e5af71edeca6a5300d73e60f5"),
        ]
        for seed, want in cases:
            self.assertEqual(seed.hex(), want)

    def test_path_is_the_chain_of_children(self):
        s42 = Seed(42)
        self.assertEqual(s42.path("train/#3/dropout"),
                         s42.named("train").child(3).named("dropout"))
        self.assertEqual(s42.path(""), s42)


class GoldenVectors(unittest.TestCase):
    """Every record of tests/vectors/seeds.txt."""

    def test_seeds_txt(self):
        counts = {}
        for rec in support.vector_records("seeds.txt"):
            kind = rec[0]
            counts[kind] = counts.get(kind, 0) + 1
            with self.subTest(record=" ".join(rec)[:120]):
                if kind == "u64":
                    self.assertEqual(Seed(int(rec[1])).hex(), rec[2])
                elif kind == "bytes":
                    self.assertEqual(Seed(_bytes(rec[1])).hex(), rec[2])
                    text = _bytes(rec[1])
                    try:
                        as_str = text.decode("utf-8")
                    except UnicodeDecodeError:
                        continue
                    self.assertEqual(Seed(as_str).hex(), rec[2])
                elif kind == "child":
                    self.assertEqual(Seed.from_hex(rec[1]).child(int(rec[2])).hex(), rec[3])
                elif kind == "named":
                    self.assertEqual(Seed.from_hex(rec[1]).named(_bytes(rec[2])).hex(),
                                     rec[3])
                elif kind == "path":
                    root, path = Seed.from_hex(rec[1]), _bytes(rec[2])
                    if rec[3] == "ok":
                        self.assertEqual(root.path(path).hex(), rec[4])
                    else:
                        with self.assertRaises(ReproError) as cm:
                            root.path(path)
                        self.assertEqual(cm.exception.name, "REPRO_ERR_PATH_" + rec[3])
                        self.assertEqual(cm.exception.offset, int(rec[4]))
                        self.assertIn("at byte %s" % rec[4], str(cm.exception))
                elif kind == "hex":
                    text = _bytes(rec[1]).decode("ascii")
                    if rec[2] == "ok":
                        self.assertEqual(Seed.from_hex(text).hex(), rec[3])
                    else:
                        with self.assertRaises(ReproError) as cm:
                            Seed.from_hex(text)
                        self.assertEqual(cm.exception.name, "REPRO_ERR_HEX_" + rec[2])
                else:
                    self.fail("unknown record kind %r" % kind)
        for kind in ("u64", "bytes", "child", "named", "path", "hex"):
            self.assertGreater(counts.get(kind, 0), 0, kind)


class Errors(unittest.TestCase):
    def test_integer_range_and_types(self):
        self.assertEqual(Seed(2**64 - 1).hex(),
                         "71ff5d88727ccd88c92d2691150ec84ea4500b90e2c1512cf9a498b7943877b9")
        for bad in (-1, 2**64):
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                Seed(bad)
            with self.subTest(bad=bad), self.assertRaises(ValueError):
                Seed(1).child(bad)
        for bad in (1.0, None, True, [1], object()):  # wrong types
            with self.subTest(bad=bad), self.assertRaises(TypeError):
                Seed(bad)
        for bad in (0.5, "3", True):
            with self.subTest(bad=bad), self.assertRaises(TypeError):
                Seed(1).child(bad)

    def test_named_and_path_types(self):
        with self.assertRaises(TypeError):
            Seed(1).named(3)
        with self.assertRaises(TypeError):
            Seed(1).path(3)
        with self.assertRaises(TypeError):
            Seed.from_hex(None)
        with self.assertRaises(ValueError):  # C would stop reading at the NUL
            Seed(1).path("a\0b")

    def test_path_error_message(self):
        with self.assertRaises(ReproError) as cm:
            Seed(42).path("train//x")
        e = cm.exception
        self.assertIsInstance(e, ValueError)
        self.assertEqual((e.code, e.name, e.offset), (-20, "REPRO_ERR_PATH_EMPTY_SEGMENT", 6))
        self.assertIn("train//x", str(e))

    def test_hex_errors(self):
        with self.assertRaises(ReproError) as cm:
            Seed.from_hex("abc")
        self.assertEqual(cm.exception.name, "REPRO_ERR_HEX_LENGTH")
        with self.assertRaises(ValueError):
            Seed.from_hex(SEED42 + "\0")
        with self.assertRaises(TypeError):
            Seed.from_hex(b"00")


class Semantics(unittest.TestCase):
    def test_str_is_utf8_bytes(self):
        self.assertEqual(Seed("héllo"), Seed("héllo".encode("utf-8")))
        self.assertEqual(Seed(bytearray(b"ab")), Seed(b"ab"))
        self.assertEqual(Seed(memoryview(b"ab")), Seed(b"ab"))
        self.assertEqual(Seed(1).named("x"), Seed(1).named(b"x"))

    def test_equality_hashing(self):
        a, b = Seed(7), Seed(7)
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        self.assertNotEqual(a, Seed(8))
        self.assertNotEqual(a, a.hex())
        self.assertEqual(len({a, b, Seed(8), Seed("7")}), 3)
        self.assertEqual(Seed.from_hex(a.hex().upper()), a)

    def test_children_distinct(self):
        root = Seed(1)
        kids = {root.child(i) for i in range(200)}
        kids |= {root.named(str(i)) for i in range(200)}
        self.assertEqual(len(kids), 400)

    def test_pickle_and_repr(self):
        s = Seed(42).path("a/#1")
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            self.assertEqual(pickle.loads(pickle.dumps(s, proto)), s)
        import repro_rng
        self.assertEqual(eval(repr(s), {"repro_rng": repro_rng}), s)
        self.assertEqual(str(s), s.hex())
        self.assertEqual(len(s.words), 4)
        self.assertEqual("%016x" % s.words[0], s.hex()[:16])


if __name__ == "__main__":
    unittest.main()
