"""The C suite's golden vectors through the bindings, bit for bit:
tests/vectors/stream_*.txt (every draw of contract section 3), dist_*.txt (the
distributions, through Generator) and perm.txt (permutations and shuffles).  Formats:
the comments at the top of each file."""

import array
import struct
import unittest

import support
from repro_rng import ALGORITHMS, Generator, Permutation, Seed, Stream, _lib

PLAIN = set(_lib.FILLS)
DISTRIBUTIONS = ("normal", "exponential", "gaussian", "uniform", "bernoulli", "gamma",
                 "beta", "poisson", "binomial")
GENERATOR_NAMES = {"gaussian": "normal"}  # the C law's name -> numpy's


def bits(value, draw):
    """The value as the vector files write it: lowercase hex of its bits."""
    if draw in ("double", "double_oc", "double_oo", "normal", "exponential", "gaussian",
                "uniform", "gamma", "beta"):
        return struct.pack(">d", float(value)).hex()
    if draw == "float":
        return struct.pack(">f", float(value)).hex()
    width = {"u32": 8, "bounded_u32": 8, "bernoulli": 2}.get(draw, 16)
    return "%0*x" % (width, int(value))


def draw_call(stream, spec, n, single=False):
    """The binding call for a <draw> field: n values (one when single).  The plain
    draws are Stream's (count first, as C's fills); the laws with parameters are
    Generator's, with numpy's names (gaussian is normal) and parameter order."""
    name, *params = spec.split(":")
    count = None if single else n
    if name in PLAIN:
        return getattr(stream, name)(count)
    if name in ("bounded_u32", "bounded_u64"):
        return stream.bounded(count, int(params[0]), bits=int(name[-2:]))
    if name == "binomial":
        params = [int(params[0]), float.fromhex(params[1])]
    else:
        params = [float.fromhex(p) for p in params]
    method = getattr(Generator(stream), GENERATOR_NAMES.get(name, name))
    return method(*params, size=count)


class GoldenVectors(unittest.TestCase):
    def check_file(self, name):
        records = support.vector_records(name)
        for alg, seed_hex, pos, spec, end, *values in records:
            draw = spec.split(":")[0]
            with self.subTest(file=name, alg=alg, pos=pos, draw=spec):
                s = Stream(Seed.from_hex(seed_hex), alg)
                s.seek(int(pos))
                got = draw_call(s, spec, len(values))
                self.assertEqual([bits(v, draw) for v in got], values)
                self.assertEqual(s.tell(), int(end))
                s.seek(int(pos))
                singles = [draw_call(s, spec, 1, single=True) for _ in values]
                self.assertEqual([bits(v, draw) for v in singles], values)
                self.assertEqual(s.tell(), int(end))
                if draw in PLAIN:  # random access gives the same, stream untouched
                    t = Stream(Seed.from_hex(seed_hex), alg)
                    got = getattr(t, draw)(len(values), at=int(pos))
                    self.assertEqual([bits(v, draw) for v in got], values)
                    self.assertEqual(t.tell(), 0)
        return len(records)

    def test_streams(self):
        for alg in ALGORITHMS:
            self.assertGreater(self.check_file("stream_%s.txt" % alg), 0)

    def test_distributions(self):
        for dist in DISTRIBUTIONS:
            self.assertGreater(self.check_file("dist_%s.txt" % dist), 0)

    def test_permutations_and_shuffles(self):
        kinds = set()
        for rec in support.vector_records("perm.txt"):
            kinds.add(rec[0])
            with self.subTest(record=" ".join(rec)[:100]):
                if rec[0] == "perm":
                    n, i, x = int(rec[2]), int(rec[3]), int(rec[4])
                    p = Permutation(Seed.from_hex(rec[1]), n)
                    self.assertEqual(p.at(i), x)
                    self.assertEqual(p.inverse(x), i)
                elif rec[0] == "shuffle":
                    alg, seed = rec[1], Seed.from_hex(rec[2])
                    count, end = int(rec[3]), int(rec[4])
                    want = [int(v) for v in rec[5:]]
                    buf = array.array("I", range(count))  # as C: a u32 array
                    s = Stream(seed, alg)
                    s.shuffle(buf)
                    self.assertEqual(list(buf), want)
                    self.assertEqual(s.tell(), end)
                    items = [str(v) for v in range(count)]  # a list: the same order
                    s = Stream(seed, alg)
                    s.shuffle(items)
                    self.assertEqual(items, [str(v) for v in want])
                    self.assertEqual(s.tell(), end)
                else:
                    self.fail("unknown record kind %r" % rec[0])
        self.assertEqual(kinds, {"perm", "shuffle"})


if __name__ == "__main__":
    unittest.main()
