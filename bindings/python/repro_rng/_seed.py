"""Seeds (contract section 2): 256-bit values derived from ints, strings, bytes."""

import ctypes

from ._lib import ReproError, SeedStruct, check, lib, text_arg, u64_arg


def _bytes_of(x, what):
    if isinstance(x, str):
        return x.encode("utf-8")
    if isinstance(x, (bytes, bytearray, memoryview)):
        return bytes(x)
    raise TypeError("%s must be str or bytes, not %s" % (what, type(x).__name__))


class Seed:
    """A 256-bit seed.

    Seed(x) with x an int in [0, 2**64) (repro_seed_from_u64), a str (its UTF-8 bytes)
    or bytes-like (repro_seed_from_bytes); another type raises TypeError, an int out
    of range ValueError.  Seeds are immutable, compare by value and hash, and pickle
    (pickle, cloudpickle) as their hex form.
    """

    __slots__ = ("_s",)

    def __init__(self, x):
        if isinstance(x, Seed):
            s = x._s
        elif isinstance(x, (str, bytes, bytearray, memoryview)):
            data = _bytes_of(x, "seed")
            s = SeedStruct()
            check(lib.repro_seed_from_bytes_ex(data, len(data), ctypes.byref(s)))
        elif isinstance(x, bool) or not hasattr(type(x), "__index__"):
            raise TypeError("seed must be an int, str, bytes-like or Seed, not %s"
                            % type(x).__name__)
        else:
            s = lib.repro_seed_from_u64(u64_arg(x, "seed"))
        self._s = s

    @classmethod
    def _wrap(cls, struct):
        seed = cls.__new__(cls)
        seed._s = struct
        return seed

    @classmethod
    def from_hex(cls, text):
        """The seed whose canonical 64-digit hex form is text (either case)."""
        text = text_arg(text, "hex seed")
        s = SeedStruct()
        check(lib.repro_seed_from_hex(text.encode("utf-8"), ctypes.byref(s)),
              context=text)
        return cls._wrap(s)

    def child(self, index):
        """The child by index (an int in [0, 2**64))."""
        return Seed._wrap(lib.repro_seed_child(self._s, u64_arg(index, "child index")))

    def named(self, name):
        """The child by name (str: its UTF-8 bytes; or bytes)."""
        data = _bytes_of(name, "child name")
        return Seed._wrap(lib.repro_seed_named(self._s, data, len(data)))

    def path(self, path):
        """The descendant named by a path such as "train/#3/dropout" ("" is self);
        a str (its UTF-8 bytes) or bytes.

        Raises ReproError (a ValueError) naming the byte offset of a bad segment."""
        data = _bytes_of(path, "seed path")
        if b"\0" in data:  # C stops at a NUL: never accept what it would not read
            raise ValueError("seed path contains a NUL byte at offset %d"
                             % data.index(b"\0"))
        out, off = SeedStruct(), ctypes.c_size_t(0)
        rc = lib.repro_seed_path_ex(self._s, data, ctypes.byref(out), ctypes.byref(off))
        if rc < 0:
            raise ReproError(rc, off.value, path)
        return Seed._wrap(out)

    def hex(self):
        """The canonical text form: 64 lowercase hex digits."""
        buf = ctypes.create_string_buffer(65)
        lib.repro_seed_to_hex(self._s, buf)
        return buf.value.decode("ascii")

    @property
    def words(self):
        """The four u64 words w[0..3]."""
        return tuple(self._s.w)

    def __eq__(self, other):
        if not isinstance(other, Seed):
            return NotImplemented
        return self.words == other.words

    def __hash__(self):
        return hash(self.words)

    def __repr__(self):
        return "repro_rng.Seed.from_hex(%r)" % self.hex()

    def __str__(self):
        return self.hex()

    def __reduce__(self):
        # A module-level function: cloudpickle would pickle a bound classmethod by
        # value, with the ctypes library it refers to.
        return (_from_hex, (self.hex(),))


def _from_hex(text):
    return Seed.from_hex(text)


def as_seed(x):
    """x itself when it is a Seed, else Seed(x)."""
    return x if isinstance(x, Seed) else Seed(x)
