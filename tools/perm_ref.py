#!/usr/bin/env python3
"""Independent Python reference of repro_shuffle and repro_permutation.

Follows their construction in docs/CONTRACT.md section 3.5 (it shares no code with
the C library); block functions, seeds and stream draws come from tools/spec_ref.py.  Recomputes every record of
tests/vectors/perm.txt, so that file is checked against the documented construction
and not only against the code that wrote it.

Usage: perm_ref.py [FILE]   (default tests/vectors/perm.txt); exit 1 on a mismatch.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spec_ref as R  # noqa: E402

M64 = R.M64
PERM_TAG = 0x525256315045524D  # "RRV1PERM"
M1, M2 = 0xBF58476D1CE4E5B9, 0x94D049BB133111EB  # splitmix64's multipliers
SMALL_N = 64


def shuffle(stream, v):
    """Fisher-Yates: for i = count-1 down to 1, swap v[i] and v[bounded(i+1)]."""
    for i in range(len(v) - 1, 0, -1):
        j = stream.bounded_u32(i + 1) if i + 1 < 1 << 32 else stream.bounded_u64(i + 1)
        v[i], v[j] = v[j], v[i]


def round_f(k, y, m):
    x = ((y + k) * M1) & M64
    x ^= x >> 32
    return ((x * M2) & M64) >> (64 - m)


class Permutation:
    def __init__(self, seed, n):
        self.n = n
        self.K = [w for j in range(3) for w in R.TF(seed, (j, n, 0, PERM_TAG))]
        if n <= SMALL_N:
            self.order = list(range(n))
            shuffle(R.Stream("philox4x32-10", self.K[0:4]), self.order)
        else:
            w = (n - 1).bit_length()
            self.u, self.v, self.mod = w // 2, w - w // 2, 1 << w

    def P(self, x):
        a, b = x >> self.v, x & ((1 << self.v) - 1)
        for r in range(0, 8, 2):
            a ^= round_f(self.K[r], b, self.u)
            b ^= round_f(self.K[r + 1], a, self.v)
        return ((a << self.v | b) + self.K[8]) % self.mod

    def P_inv(self, y):
        x = (y - self.K[8]) % self.mod
        a, b = x >> self.v, x & ((1 << self.v) - 1)
        for r in range(6, -1, -2):
            b ^= round_f(self.K[r + 1], a, self.v)
            a ^= round_f(self.K[r], b, self.u)
        return a << self.v | b

    def walk(self, x, step):
        x = step(x)
        while x >= self.n:
            x = step(x)
        return x

    def at(self, i):
        return self.order[i] if self.n <= SMALL_N else self.walk(i, self.P)

    def inverse(self, x):
        return self.order.index(x) if self.n <= SMALL_N else self.walk(x, self.P_inv)


def check(path):
    bad = records = 0
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            records += 1
            if fields[0] == "perm":
                seed = R.seed_from_hex_text(fields[1])
                n, i, x = (int(t) for t in fields[2:5])
                p = Permutation(seed, n)
                ok = p.at(i) == x and p.inverse(x) == i
            elif fields[0] == "shuffle":
                stream = R.Stream(fields[1], R.seed_from_hex_text(fields[2]))
                count, position = int(fields[3]), int(fields[4])
                v = list(range(count))
                shuffle(stream, v)
                ok = stream.pos == position and v == [int(t) for t in fields[5:]]
            else:
                ok = False
            if not ok:
                bad += 1
                print("%s:%d: mismatch: %s" % (path, lineno, line.strip()[:120]))
    print("%s: %d records, %d mismatches" % (path, records, bad))
    return bad == 0 and records > 0


if __name__ == "__main__":
    sys.exit(0 if check(sys.argv[1] if len(sys.argv) > 1 else "tests/vectors/perm.txt") else 1)
