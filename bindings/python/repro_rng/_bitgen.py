"""numpy interop: a bit generator that numpy.random.Generator accepts.

numpy.random.Generator needs two attributes of its bit generator: `capsule`, a
PyCapsule named "BitGenerator" holding a bitgen_t, and `lock`.  bitgen_t is

    struct { void *state;
             uint64_t (*next_uint64)(void *); uint32_t (*next_uint32)(void *);
             double (*next_double)(void *);   uint64_t (*next_raw)(void *); }

Its function pointers point straight at repro_bitgen_next_u64 / _u32 / _double
(repro_next_u64 / u32 / double with numpy's signature and no NULL check), with the
stream as state: numpy then draws at C speed, with no Python callback per number (each
a read from the stream's buffer of blocks the SIMD kernels computed), and
its raw 64-bit output is the stream's u64 draws by construction.  The stream is shared
with the Stream object (and so is its lock): numpy's draws advance stream.tell().

Pickling and copying follow numpy's protocol for bit generators (__reduce__ gives a
constructor, its name argument and the state; the state property has a setter), which
numpy's Generator and RandomState build their own pickling on: a pickled or copied
Generator continues where the original is, on a stream of its own.
"""

import ctypes
import math

from ._lib import int_arg, lib, pythonapi
from ._stream import Stream

_CAPSULE_NAME = b"BitGenerator"  # must outlive every capsule: a module constant


class _BitgenT(ctypes.Structure):
    _fields_ = [("state", ctypes.c_void_p), ("next_uint64", ctypes.c_void_p),
                ("next_uint32", ctypes.c_void_p), ("next_double", ctypes.c_void_p),
                ("next_raw", ctypes.c_void_p)]


def _address(fn):
    return ctypes.cast(fn, ctypes.c_void_p).value


class BitGenerator:
    """numpy.random.Generator(BitGenerator(stream)) draws from stream.

    next_uint64 and next_raw consume two words (as repro_next_u64), next_uint32 one
    word (repro_next_u32), next_double two words (repro_next_double, [0,1)), all in the
    contract order, so numpy's draws interleave with the Stream's own."""

    def __init__(self, stream):
        if not isinstance(stream, Stream):
            raise TypeError("BitGenerator needs a repro_rng.Stream, not %s"
                            % type(stream).__name__)
        self.stream = stream
        self.lock = stream._lock
        self._bitgen = _BitgenT(stream._addr, _address(lib.repro_bitgen_next_u64),
                                _address(lib.repro_bitgen_next_u32),
                                _address(lib.repro_bitgen_next_double),
                                _address(lib.repro_bitgen_next_u64))
        self.capsule = pythonapi.PyCapsule_New(ctypes.addressof(self._bitgen),
                                               _CAPSULE_NAME, None)

    def random_raw(self, size=None, output=True):
        """Raw 64-bit draws, as numpy's BitGenerator.random_raw: size None (one int),
        an int or a shape tuple."""
        if isinstance(size, tuple):
            shape = tuple(int_arg(d, "size") for d in size)
            out = self.stream.u64(math.prod(shape)).reshape(shape)
        else:
            out = self.stream.u64(size)
        return out if output else None

    @property
    def state(self):
        """{"bit_generator": "repro_rng", "state": the stream's saved state}.
        Setting it (a dict such as this gives) moves the shared stream to that state,
        algorithm included: TypeError for a non-dict or a non-str state, ValueError
        (ReproError for a bad saved state) for a wrong one, the stream then unchanged."""
        return {"bit_generator": _NAME, "state": self.stream.save()}

    @state.setter
    def state(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict, not %s" % type(value).__name__)
        if value.get("bit_generator") != _NAME or "state" not in value:
            raise ValueError("state must be a dict of a %s bit generator, with its "
                             "\"state\"" % _NAME)
        loaded = Stream.load(value["state"])
        with self.lock:
            ctypes.memmove(self.stream._addr, loaded._addr, Stream._SIZE)

    def __reduce__(self):
        return (_ctor, (_NAME,), self.state)

    def __setstate__(self, state):
        self.state = state

    def __repr__(self):
        return "repro_rng.BitGenerator(%r)" % (self.stream,)


_NAME = "repro_rng"


def _ctor(name):
    """numpy's pickling constructor for a bit generator (its state is set after)."""
    if name != _NAME:
        raise ValueError("not a %s bit generator: %r" % (_NAME, name))
    return BitGenerator(Stream(0))
