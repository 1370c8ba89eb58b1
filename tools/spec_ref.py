#!/usr/bin/env python3
"""Independent pure-Python reference of contract rr1 (docs/CONTRACT.md sections 1-3).

Written from the contract text and Random123's published constants only; it shares
no code with the C library, so vectors it writes are an independent source of known
answers for the C tests.  Standard library only (python3 >= 3.8, no numpy).

Usage:
  spec_ref.py selfcheck [KAT_FILE]   check contract section 5 and Random123's KAT lines
                                     (default tests/kat/kat_vectors.txt)
  spec_ref.py seeds                  print seed/path/hex vectors (tests/vectors/seeds.txt)
  spec_ref.py words                  print stream word vectors (tests/vectors/ref_words.txt)
  spec_ref.py verify FILE...         recompute every record of golden stream and
                                     distribution files (tests/vectors/stream_*.txt,
                                     dist_*.txt; the distributions by
                                     tools/spec_dist.py); exit 1 on a mismatch
"""
import os
import struct
import sys

M32 = (1 << 32) - 1
M64 = (1 << 64) - 1

# ---- section 1: block functions (Random123 constants) ---------------------------

THREEFRY_PARITY = {32: 0x1BD11BDA, 64: 0x1BD11BDAA9FC1A22}
# Rotation constants per round mod 8: one per round for 2 words, a pair for 4 words.
THREEFRY_ROT = {
    (32, 2): [13, 15, 26, 6, 17, 29, 16, 24],
    (64, 2): [16, 42, 12, 31, 16, 32, 24, 21],
    (32, 4): [(10, 26), (11, 21), (13, 27), (23, 5), (6, 20), (17, 11), (25, 10), (18, 20)],
    (64, 4): [(14, 16), (52, 57), (23, 40), (5, 37), (25, 33), (46, 12), (58, 22), (32, 32)],
}
PHILOX_M = {
    (32, 2): [0xD256D193],
    (32, 4): [0xD2511F53, 0xCD9E8D57],
    (64, 2): [0xD2B74407B1CE6E93],
    (64, 4): [0xD2E7470EE14C6C93, 0xCA5A826395121157],
}
PHILOX_W = {32: [0x9E3779B9, 0xBB67AE85], 64: [0x9E3779B97F4A7C15, 0xBB67AE8584CAA73B]}


def rotl(x, r, bits):
    return ((x << r) | (x >> (bits - r))) & ((1 << bits) - 1)


def threefry(bits, ctr, key, rounds):
    """Threefry-n x bits: key injection every 4 rounds, key word n = xor of the key
    words and the parity constant; the injection count s is added to the last word."""
    n, mask = len(ctr), (1 << bits) - 1
    ks = list(key) + [THREEFRY_PARITY[bits]]
    for k in key:
        ks[n] ^= k
    x = [(c + k) & mask for c, k in zip(ctr, ks)]
    for r in range(rounds):
        rot = THREEFRY_ROT[(bits, n)][r % 8]
        if n == 2:
            x[0] = (x[0] + x[1]) & mask
            x[1] = rotl(x[1], rot, bits) ^ x[0]
        else:
            # even rounds mix (0,1),(2,3); odd rounds (0,3),(2,1)
            a, b = (1, 3) if r % 2 == 0 else (3, 1)
            x[0] = (x[0] + x[a]) & mask
            x[a] = rotl(x[a], rot[0], bits) ^ x[0]
            x[2] = (x[2] + x[b]) & mask
            x[b] = rotl(x[b], rot[1], bits) ^ x[2]
        if r % 4 == 3:
            s = r // 4 + 1
            x = [(x[i] + ks[(s + i) % (n + 1)]) & mask for i in range(n)]
            x[n - 1] = (x[n - 1] + s) & mask
    return x


def philox(bits, ctr, key, rounds):
    """Philox-n x bits: the key is bumped by the Weyl constants before every round
    but the first."""
    n, mask = len(ctr), (1 << bits) - 1
    mult = PHILOX_M[(bits, n)]
    x, k = list(ctr), list(key)
    for r in range(rounds):
        if r:
            k = [(kk + w) & mask for kk, w in zip(k, PHILOX_W[bits])]
        if n == 2:
            p = mult[0] * x[0]
            x = [(p >> bits) ^ k[0] ^ x[1], p & mask]
        else:
            p0, p1 = mult[0] * x[0], mult[1] * x[2]
            x = [(p1 >> bits) ^ x[1] ^ k[0], p1 & mask, (p0 >> bits) ^ x[3] ^ k[1], p0 & mask]
    return x


BLOCK_FUNCTIONS = {
    "philox2x32": (philox, 32), "philox4x32": (philox, 32),
    "philox2x64": (philox, 64), "philox4x64": (philox, 64),
    "threefry2x32": (threefry, 32), "threefry4x32": (threefry, 32),
    "threefry2x64": (threefry, 64), "threefry4x64": (threefry, 64),
}


def TF(k, x):
    return threefry(64, x, k, 20)


# ---- section 2: seeds ------------------------------------------------------------

def TAG(n):
    return 0x5252563100000000 + n


def le64(b):
    return int.from_bytes(b, "little")


def absorb(h, tb, tf, m):
    L = len(m)
    for j in range((L + 15) // 16):
        B = m[16 * j:16 * j + 16].ljust(16, b"\0")
        P = (le64(B[0:8]), le64(B[8:16]), j, tb)
        h = [a ^ b for a, b in zip(TF(h, P), P)]
    P = (L & M64, L >> 64, 0, tf)
    return [a ^ b for a, b in zip(TF(h, P), P)]


ZERO = [0, 0, 0, 0]


def seed_from_u64(s):
    return TF(ZERO, (s, 0, 0, TAG(1)))


def seed_from_bytes(m):
    return absorb(ZERO, TAG(2), TAG(3), m)


def seed_child(parent, i):
    return TF(parent, (i, 0, 0, TAG(4)))


def seed_named(parent, m):
    return absorb(parent, TAG(5), TAG(6), m)


def seed_hex(w):
    return "".join("%016x" % x for x in w)


def seed_from_hex_text(t):
    return [int(t[16 * i:16 * i + 16], 16) for i in range(4)]


class PathError(Exception):
    def __init__(self, kind, offset):
        super().__init__(kind, offset)
        self.kind, self.offset = kind, offset


def seed_path(root, path):
    """path: bytes.  Errors carry the byte offset of the start of the offending
    segment; the first bad segment from the left is reported."""
    if path == b"":
        return root
    s, off = root, 0
    for seg in path.split(b"/"):
        if seg == b"":
            raise PathError("EMPTY_SEGMENT", off)
        if seg[:1] == b"#":
            digits = seg[1:]
            if not digits or any(c < 0x30 or c > 0x39 for c in digits):
                raise PathError("INDEX_SYNTAX", off)
            v = int(digits)
            if v > M64:
                raise PathError("INDEX_RANGE", off)
            s = seed_child(s, v)
        else:
            s = seed_named(s, seg)
        off += len(seg) + 1
    return s


# ---- section 3: streams ----------------------------------------------------------

def lo(x):
    return x & M32


def hi(x):
    return x >> 32


def _words64(x):
    out = []
    for v in x:
        out += [lo(v), hi(v)]
    return out


# algorithm name -> (u32 words per block, function(seed words, block p) -> u32 words)
ALGORITHMS = {
    "philox4x32-10": (4, lambda w, p: philox(32, [lo(p), hi(p), lo(w[1]), hi(w[1])],
                                              [lo(w[0]), hi(w[0])], 10)),
    "philox2x64-10": (4, lambda w, p: _words64(philox(64, [p, w[1]], [w[0]], 10))),
    "philox4x64-10": (8, lambda w, p: _words64(philox(64, [p, 0, w[2], w[3]], [w[0], w[1]], 10))),
    "threefry2x64-20": (4, lambda w, p: _words64(threefry(64, [p, w[2]], [w[0], w[1]], 20))),
    "threefry4x32-20": (4, lambda w, p: threefry(32, [lo(p), hi(p), lo(w[2]), hi(w[2])],
                                                  [lo(w[0]), hi(w[0]), lo(w[1]), hi(w[1])], 20)),
    "threefry4x64-20": (8, lambda w, p: _words64(threefry(64, [p, 0, 0, 0], list(w), 20))),
}


class Stream:
    """A stream (algorithm, seed) at a position; caches the last block."""

    def __init__(self, alg, seed, position=0):
        self.per, self.fn = ALGORITHMS[alg]
        self.seed, self.pos = list(seed), position & M64
        self.cached = (None, None)

    def u32(self):
        p, i = divmod(self.pos, self.per)
        if self.cached[0] != p:
            self.cached = (p, self.fn(self.seed, p))
        self.pos = (self.pos + 1) & M64
        return self.cached[1][i]

    def u64(self):
        a = self.u32()
        return a | (self.u32() << 32)

    # Values of the floating draws are exact binary fractions: Python's float (an
    # IEEE double) holds them exactly, and struct gives their bit patterns.
    def double(self):
        return (self.u64() >> 11) * 2.0 ** -53

    def double_oc(self):
        return ((self.u64() >> 11) + 1) * 2.0 ** -53

    def double_oo(self):
        return ((self.u64() >> 11) + 0.5) * 2.0 ** -53

    def float(self):
        return (self.u32() >> 8) * 2.0 ** -24

    def _bounded(self, draw, bits, n):
        if n == 0:
            return draw()
        mask = (1 << bits) - 1
        threshold = ((1 << bits) - n) % n
        while True:
            m = draw() * n
            if m & mask >= threshold:
                return m >> bits

    def bounded_u32(self, n):
        return self._bounded(self.u32, 32, n)

    def bounded_u64(self, n):
        return self._bounded(self.u64, 64, n)


def double_bits(v):
    return struct.unpack("<Q", struct.pack("<d", v))[0]


def float_bits(v):
    return struct.unpack("<I", struct.pack("<f", v))[0]


def draw_hex(stream, draw):
    """One draw of the golden-file draw type `draw`, as the file writes it."""
    if draw == "u32":
        return "%08x" % stream.u32()
    if draw == "u64":
        return "%016x" % stream.u64()
    if draw in ("double", "double_oc", "double_oo"):
        return "%016x" % double_bits(getattr(stream, draw)())
    if draw == "float":
        return "%08x" % float_bits(stream.float())
    kind, n = draw.split(":")
    if kind == "bounded_u32":
        return "%08x" % stream.bounded_u32(int(n))
    if kind == "bounded_u64":
        return "%016x" % stream.bounded_u64(int(n))
    raise ValueError("unknown draw type " + draw)


# ---- self check ------------------------------------------------------------------

DEFAULT_KAT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "kat",
                           "kat_vectors.txt")


def selfcheck(kat_file):
    failures = 0

    def expect(what, got, want):
        nonlocal failures
        if got != want:
            failures += 1
            print("FAIL %s: got %s want %s" % (what, got, want))

    s42 = seed_from_u64(42)
    expect("seed from integer 0", seed_hex(seed_from_u64(0)),
           "308789a59df1228a15686cd840606fff2ae30f072c7fcd653a47c1c8e5b08d2e")
    expect("seed42", seed_hex(s42),
           "bdb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02")
    expect("seed from string ''", seed_hex(seed_from_bytes(b"")),
           "aad39caa1643da5cd985d65512dff04a15f033e9b9d4e905028b2ab3201b2630")
    expect("seed from string 'repro'", seed_hex(seed_from_bytes(b"repro")),
           "3b92397031ce641da0bbd3208edee786abafe4e193fef28cbda5292d3b406b7d")
    expect("child 0 of seed42", seed_hex(seed_child(s42, 0)),
           "5f9780decaf933a20d694f4fc2598ac7646b00917abb071ae23c61074781a68e")
    expect("seed42 named 'train'", seed_hex(seed_named(s42, b"train")),
           "0e67b11a3fa7e57ff849ca1e6cb024646a74c81457f98b9080c69b9d39d84dc2")
    expect("path train/#3/dropout", seed_hex(seed_path(s42, b"train/#3/dropout")),
           "6b4c7fd61114c75c3174ffd7372686eab748934e5af71edeca6a5300d73e60f5")
    st = Stream("philox4x32-10", s42)
    expect("philox4x32-10 words 0-3", " ".join("%08x" % st.u32() for _ in range(4)),
           "28b3ffba c8b61e27 a26e04a6 3aaaf4ed")
    st = Stream("threefry4x64-20", s42)
    expect("threefry4x64-20 words 0-3", " ".join("%08x" % st.u32() for _ in range(4)),
           "428ff763 d58cddff 658f972d 70e50230")
    expect("philox4x32-10 first double", repr(Stream("philox4x32-10", s42).double()),
           "0.7840288968661325")

    kat_lines = 0
    with open(kat_file) as f:
        for line in f:
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            name, rounds = fields[0], int(fields[1])
            fn, bits = BLOCK_FUNCTIONS[name]
            n = int(name[-4])  # "...2x32" / "...4x64": the word count
            nkey = n // 2 if name.startswith("philox") else n
            vals = [int(v, 16) for v in fields[2:]]
            ctr, key, want = vals[:n], vals[n:n + nkey], vals[n + nkey:]
            expect("KAT " + line.strip()[:40], fn(bits, ctr, key, rounds), want)
            kat_lines += 1
    expect("KAT line count (Random123 has 60 Philox/Threefry lines)", kat_lines, 60)
    print("spec_ref selfcheck: %d section-5 examples, %d KAT lines, %d failures"
          % (10, kat_lines, failures))
    return failures == 0


# ---- vector generation -----------------------------------------------------------

def _name_bytes(n):
    """A deterministic n-byte name with every byte value represented."""
    return bytes((i * 37 + 11) & 0xFF for i in range(n))


def gen_seeds(out):
    s42 = seed_from_u64(42)
    w = out.write
    w("# Seed vectors of contract rr1 section 2, written by tools/spec_ref.py seeds\n"
      "# (an independent Python reference; checked by tests/test_seed.c).\n"
      "# One record per line, fields separated by one space; byte strings are given\n"
      "# as lowercase hex of their bytes, '-' for the empty string; seeds as the\n"
      "# canonical 64-hex-digit text; integers in decimal.\n"
      "#   u64    <s> <seed>                         seed from integer s\n"
      "#   bytes  <m> <seed>                         seed from bytes m\n"
      "#   child  <parent> <i> <seed>                child by index i\n"
      "#   named  <parent> <m> <seed>                child by name m\n"
      "#   path   <root> <path> ok <seed>            path derivation\n"
      "#   path   <root> <path> <ERROR> <offset>     path error: REPRO_ERR_PATH_<ERROR>,\n"
      "#                                             offset of the offending segment\n"
      "#   hex    <text> ok <seed>                   repro_seed_from_hex(text)\n"
      "#   hex    <text> <ERROR>                     fails with REPRO_ERR_HEX_<ERROR>\n")

    def bx(b):
        return b.hex() if b else "-"

    for s in (0, 1, 42, 2 ** 32 - 1, 2 ** 32, 2 ** 63, M64):
        w("u64 %d %s\n" % (s, seed_hex(seed_from_u64(s))))
    names = [_name_bytes(n) for n in (0, 1, 15, 16, 17, 31, 32, 33, 1000)]
    names += ["repro".encode(), "héllo wörld".encode(), "乱数/#1".encode(),
              "\U0001F3B2 dice".encode(), b"\0", b"a\0b"]
    for m in names:
        w("bytes %s %s\n" % (bx(m), seed_hex(seed_from_bytes(m))))
    parents = [s42, ZERO, [M64] * 4, seed_from_bytes(b"parent")]
    for p in parents:
        for i in (0, 1, 3, 2 ** 32, 2 ** 63, M64 - 1, M64):
            w("child %s %d %s\n" % (seed_hex(p), i, seed_hex(seed_child(p, i))))
        for m in names:
            w("named %s %s %s\n" % (seed_hex(p), bx(m), seed_hex(seed_named(p, m))))
    deep = "/".join("l%d/#%d" % (i, i * 7919) for i in range(40))
    paths = ["", "train", "#0", "#3", "train/#3/dropout", "#18446744073709551615",
             "#000000000000000000000000000000042", "#", "a/#", "##1", "#1a", "#-1",
             "# 1", "#+1", "#18446744073709551616", "a/#99999999999999999999999",
             "/", "/a", "a/", "a//b", "a/b/", "//", "x/#1/", "a b/#2/c d",
             "héllo/#7/wörld", "乱数/#1", "#١", "dots/./..", deep,
             "a/#1x/#18446744073709551616", "a/#18446744073709551616/b//c",
             "a//#x", "\\#5", "#5\\", "trailing\n"]
    for root in (s42, seed_from_bytes(b"root")):
        for p in paths:
            pb = p.encode()
            try:
                rec = "ok " + seed_hex(seed_path(root, pb))
            except PathError as e:
                rec = "%s %d" % (e.kind, e.offset)
            w("path %s %s %s\n" % (seed_hex(root), bx(pb), rec))
    good = seed_hex(s42)
    hexes = [(good, "ok " + good), (good.upper(), "ok " + good),
             ("0" * 64, "ok " + "0" * 64), ("F" * 64, "ok " + "f" * 64),
             ("", "LENGTH"), (good[:63], "LENGTH"), (good + "0", "LENGTH"),
             (good[:10] + "g" + good[11:], "DIGIT"), ("x" + good[1:], "DIGIT"),
             (good[:63] + " ", "DIGIT"), (" " + good[1:], "DIGIT"),
             ("0x" + good[2:], "DIGIT")]
    for t, rec in hexes:
        w("hex %s %s\n" % (bx(t.encode()), rec))


def word_positions(per):
    """Positions that exercise block edges, odd offsets, the 32-bit counter carry
    and the wrap at 2^64."""
    blk = lambda b, k=0: (b * per + k) & M64
    return [0, 1, 3, per - 1, per + 1, blk(7, 5),
            blk(2 ** 32 - 1), blk(2 ** 32 - 1, per - 2), blk(2 ** 32), blk(2 ** 33 + 1, 1),
            blk(2 ** 62 + 12345, 3), M64 - 2 * per + 1, M64 - 2, M64]


def gen_words(out):
    w = out.write
    w("# Stream word vectors of contract rr1 section 3, written by tools/spec_ref.py\n"
      "# words (an independent Python reference; checked by tests/test_stream.c).\n"
      "# One record per line: <algorithm> <seed hex> <position> <n> <word>...\n"
      "# the n u32 words (8 hex digits each) starting at the position, wrapping\n"
      "# modulo 2^64.\n")
    seeds = [seed_from_u64(42), ZERO, [M64] * 4, seed_path(seed_from_u64(7), b"a/#1/b")]
    for alg, (per, _) in ALGORITHMS.items():
        for seed in seeds:
            for pos in word_positions(per):
                st = Stream(alg, seed, pos)
                n = 3 * per + 1
                w("%s %s %d %d %s\n" % (alg, seed_hex(seed), pos, n,
                                        " ".join("%08x" % st.u32() for _ in range(n))))


# ---- golden file verification ----------------------------------------------------

def verify(paths):
    """Golden record: <algorithm> <seed hex> <position> <draw> <end position> <value>...
    (format in the header of each file, written by tools/gen_vectors.c and
    tools/gen_dist_vectors.c; the distributions are recomputed by tools/spec_dist.py)."""
    import spec_dist  # the distributions, from docs/DISTRIBUTIONS.md
    bad = total = 0
    for path in paths:
        with open(path) as f:
            for lineno, line in enumerate(f, 1):
                fields = line.split()
                if not fields or fields[0].startswith("#"):
                    continue
                alg, seed, pos, draw, end = fields[:5]
                st = Stream(alg, seed_from_hex_text(seed), int(pos))
                got = spec_dist.record_values(st, draw, len(fields) - 5)
                if got is None:
                    got = [draw_hex(st, draw) for _ in fields[5:]]
                total += 1
                if got != fields[5:] or st.pos != int(end):
                    bad += 1
                    print("MISMATCH %s:%d" % (path, lineno))
    print("spec_ref verify: %d records, %d mismatches" % (total, bad))
    return bad == 0 and total > 0


def main(argv):
    if len(argv) in (2, 3) and argv[1] == "selfcheck":
        return 0 if selfcheck(argv[2] if len(argv) > 2 else DEFAULT_KAT) else 1
    if len(argv) == 2 and argv[1] == "seeds":
        gen_seeds(sys.stdout)
        return 0
    if len(argv) == 2 and argv[1] == "words":
        gen_words(sys.stdout)
        return 0
    if len(argv) >= 3 and argv[1] == "verify":
        return 0 if verify(argv[2:]) else 1
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
