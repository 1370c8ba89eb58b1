"""numpy interop: a bit generator that numpy.random.Generator accepts.

numpy.random.Generator needs two attributes of its bit generator: `capsule`, a
PyCapsule named "BitGenerator" holding a bitgen_t, and `lock`.  bitgen_t is

    struct { void *state;
             uint64_t (*next_uint64)(void *); uint32_t (*next_uint32)(void *);
             double (*next_double)(void *);   uint64_t (*next_raw)(void *); }

Its function pointers point straight at repro_next_u64 / repro_next_u32 /
repro_next_double (each takes the stream as its one pointer argument), with the
stream as state: numpy then draws at C speed, with no Python callback per number, and
its raw 64-bit output is the stream's u64 draws by construction.  The stream is shared
with the Stream object (and so is its lock): numpy's draws advance stream.tell().
"""

import ctypes

from ._lib import lib, pythonapi

_CAPSULE_NAME = b"BitGenerator"  # must outlive every capsule: a module constant


class _BitgenT(ctypes.Structure):
    _fields_ = [("state", ctypes.c_void_p), ("next_uint64", ctypes.c_void_p),
                ("next_uint32", ctypes.c_void_p), ("next_double", ctypes.c_void_p),
                ("next_raw", ctypes.c_void_p)]


def _address(fn):
    return ctypes.cast(fn, ctypes.c_void_p).value


class BitGenerator:
    """numpy.random.Generator(BitGenerator(stream)) draws from stream.

    next_uint64 and next_raw consume two words (repro_next_u64), next_uint32 one word
    (repro_next_u32), next_double two words (repro_next_double, [0,1)), all in the
    contract order, so numpy's draws interleave with the Stream's own."""

    def __init__(self, stream):
        self.stream = stream
        self.lock = stream._lock
        self._bitgen = _BitgenT(stream._addr, _address(lib.repro_next_u64),
                                _address(lib.repro_next_u32),
                                _address(lib.repro_next_double),
                                _address(lib.repro_next_u64))
        self.capsule = pythonapi.PyCapsule_New(ctypes.addressof(self._bitgen),
                                               _CAPSULE_NAME, None)

    def random_raw(self, size=None, output=True):
        """Raw 64-bit draws, as numpy's BitGenerator.random_raw."""
        out = self.stream.u64(size)
        return out if output else None

    @property
    def state(self):
        return {"bit_generator": "repro_rng", "state": self.stream.save()}

    def __reduce__(self):
        return (_from_stream, (self.stream,))

    def __repr__(self):
        return "repro_rng.BitGenerator(%r)" % (self.stream,)


def _from_stream(stream):
    return stream.bit_generator()
