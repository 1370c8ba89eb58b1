#!/usr/bin/python3
"""Writes tests/vectors/numpy_seedseq.txt and numpy_philox.txt from a real numpy.

Written once with Debian's numpy (/usr/bin/python3, numpy 1.24) into the directory
given as argument by `make vectors-numpy`, which copies a file into tests/vectors/ only
when it is not there yet: the files are frozen, and the same target (or `make
check-numpy-vectors`) compares the existing ones.  tests/test_compat_numpy.c compares
the C library with them.  Every number is hexadecimal; doubles are written as their IEEE-754 bits.

A seed-sequence spec is
    <n> <entropy words...> <n> <spawn key words...> <n> <spawn path...>
with the entropy and spawn key as numpy coerces them to u32 words, and the spawn
path the child indices taken from the root, then from that child, and so on (child
i is reached by spawning i + 1 children one at a time and keeping the last).

numpy_seedseq.txt, one line per case:
    <spec> <n> <generate_state(n, uint32)...> <n> <generate_state(n, uint64)...>
numpy_philox.txt, one line per case:
    <source> <n> <random_raw before the op...> <op> <n> <random_raw...> <n> <random()...>
where <source> is "S <spec>" (Philox(SeedSequence)) or "K <key 2 words> <counter 4
words>" (Philox(key=, counter=)), and <op> is "N" (none), "A <delta 4 words>"
(advance) or "J <jumps>" (continue with jumped(jumps)).
"""
import os
import sys

import numpy as np

if len(sys.argv) != 2:
    sys.exit("usage: gen_numpy_vectors.py OUTDIR   (make vectors-numpy)")
OUT = sys.argv[1]
M32, M64 = (1 << 32) - 1, (1 << 64) - 1


def coerce(x):
    """numpy's own coercion of an int or a list of ints to u32 words
    (bit_generator._coerce_to_uint32_array, not public): taking numpy's function keeps
    our reading of it out of the vectors."""
    from numpy.random import bit_generator
    return [int(w) for w in bit_generator._coerce_to_uint32_array(x)]


def hexs(values):
    return " ".join("%x" % v for v in values)


def seq(values):
    values = list(values)
    return "%x %s" % (len(values), hexs(values)) if values else "0"


def dbits(values):
    return [int(v) for v in np.asarray(values, dtype=np.float64).view(np.uint64)]


def make_ss(entropy, spawn_key, path):
    ss = np.random.SeedSequence(entropy, spawn_key=spawn_key)
    for i in path:
        child = None
        for _ in range(i + 1):
            child = ss.spawn(1)[0]
        ss = child
    return ss


def spec(entropy, spawn_key, path):
    return "%s %s %s" % (seq(coerce(entropy)), seq(coerce(list(spawn_key))), seq(path))


SEEDSEQ_CASES = [
    # (entropy, spawn_key, spawn path)
    (0, (), []), (1, (), []), (12345, (), []), (M32, (), []), (1 << 32, (), []),
    (M64, (), []), ((1 << 100) + 7, (), []), ((1 << 255) - 19, (), []),
    ([], (), []), ([1, 2, 3], (), []), ([1 << 40, 5], (), []),
    ([3, 1, 4, 1, 5, 9, 2, 6], (), []),
    (42, (1, 2), []), (42, (1 << 40,), []), (7, (0,), []), ([], (3,), []),
    (12345, (), [0]), (12345, (), [2]), (12345, (), [2, 1]), (12345, (), [0, 0, 5]),
    ((1 << 100) + 7, (), [1, 3]), ([1, 2, 3, 4, 5, 6], (9,), [4]),
]

PHILOX_SEEDS = [
    # (entropy, spawn_key, path, raw before op, op, raw after, doubles after)
    (0, (), [], 0, ("N",), 12, 9),
    (12345, (), [], 3, ("N",), 10, 10),
    (M64, (), [], 0, ("N",), 5, 5),
    ((1 << 100) + 7, (), [], 1, ("N",), 4, 7),
    ([1, 2, 3], (), [], 0, ("N",), 6, 6),
    (12345, (), [1], 0, ("N",), 6, 6),
    (12345, (), [1, 2], 2, ("N",), 6, 6),
    (12345, (), [], 3, ("A", [5, 0, 0, 0]), 6, 6),
    (12345, (), [], 1, ("A", [M64, 1, 0, 0]), 6, 6),
    (99, (), [], 0, ("A", [M64, M64, M64, M64]), 6, 6),
    (99, (), [], 2, ("J", 1), 6, 6),
    (99, (), [], 0, ("J", 3), 6, 6),
    (99, (), [], 0, ("J", M64), 6, 6),
]

KEYED = [
    # (key, counter, raw before, op, raw after, doubles after)
    ([0, 0], [0, 0, 0, 0], 0, ("N",), 8, 4),
    ([M64, M64], [M64, M64, M64, M64], 0, ("N",), 8, 4),  # counter wraps to 0
    ([0x243F6A8885A308D3, 0x13198A2E03707344], [M64, 0, M64, 0], 1, ("N",), 8, 4),
    ([1, 2], [M64 - 1, M64, M64, 0], 0, ("A", [1, 0, 0, 0]), 8, 4),
]


def philox_run(bg, before, op, after, doubles):
    pre = [int(v) for v in bg.random_raw(before)] if before else []
    if op[0] == "A":
        bg.advance(sum(w << (64 * i) for i, w in enumerate(op[1])))
        optext = "A " + hexs(op[1])
    elif op[0] == "J":
        bg = bg.jumped(op[1])
        optext = "J %x" % op[1]
    else:
        optext = "N"
    raw = [int(v) for v in bg.random_raw(after)]
    gen = np.random.Generator(bg)
    dbl = dbits(gen.random(doubles))
    return "%s %s %s %s" % (seq(pre), optext, seq(raw), seq(dbl))


def main():
    header = "# Written by tools/gen_numpy_vectors.py with numpy %s; frozen.  Format: see the\n" \
             "# script's docstring.\n" % np.__version__
    with open(os.path.join(OUT, "numpy_seedseq.txt"), "w") as f:
        f.write(header)
        for entropy, key, path in SEEDSEQ_CASES:
            ss = make_ss(entropy, key, path)
            u32 = [int(v) for v in ss.generate_state(9, np.uint32)]
            u64 = [int(v) for v in ss.generate_state(5, np.uint64)]
            f.write("%s %s %s\n" % (spec(entropy, key, path), seq(u32), seq(u64)))
    with open(os.path.join(OUT, "numpy_philox.txt"), "w") as f:
        f.write(header)
        for entropy, key, path, before, op, after, doubles in PHILOX_SEEDS:
            bg = np.random.Philox(make_ss(entropy, key, path))
            f.write("S %s %s\n" % (spec(entropy, key, path),
                                   philox_run(bg, before, op, after, doubles)))
        for key, counter, before, op, after, doubles in KEYED:
            bg = np.random.Philox(key=sum(w << (64 * i) for i, w in enumerate(key)),
                                  counter=sum(w << (64 * i) for i, w in enumerate(counter)))
            f.write("K %s %s %s\n" % (hexs(key), hexs(counter),
                                       philox_run(bg, before, op, after, doubles)))
        # Philox(int) is Philox(SeedSequence(int)): the common user call, checked as such.
        bg = np.random.Philox(2024)
        f.write("S %s %s\n" % (spec(2024, (), []), philox_run(bg, 0, ("N",), 5, 5)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
