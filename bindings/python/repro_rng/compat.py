"""numpy and JAX compatibility modes: their streams, bit for bit, from librepro_rng.

numpy (numpy.random.SeedSequence and numpy.random.Philox):

    >>> from repro_rng import compat
    >>> bg = compat.Philox(12345)        # numpy.random.Philox(12345)
    >>> bg.random_raw(3)                 # == numpy's bit_generator.random_raw(3)
    >>> bg.random(3)                     # == Generator(Philox(...)).random(3)
    >>> child = compat.SeedSequence(12345).spawn(2)[1]

JAX's threefry2x32 keys (keys are (k0, k1) tuples, jax.random.key_data's layout;
partitionable is the jax_threefry_partitionable flag, True by default since jax 0.5):

    >>> key = compat.jax_key(0)          # jax.random.PRNGKey(0)
    >>> k1, k2 = compat.jax_split(key)
    >>> compat.jax_uniform(k1, 5)        # jax.random.uniform(k1, (5,))

docs/MIGRATION.md describes each function and its limits.
"""

import collections.abc
import copy
import ctypes
import operator

from ._lib import JaxKeyStruct, check, int_arg, lib
from ._stream import _count, new_array

__all__ = ["SeedSequence", "Philox", "jax_key", "jax_split", "jax_fold_in", "jax_bits",
           "jax_uniform"]

_MAX_WORDS = 64  # REPRO_NUMPY_SEEDSEQ_MAX_WORDS


def _words(value, what):
    """numpy's coercion of an int or a sequence of ints (a list, tuple, range or 1-d
    array, nested or not) to u32 words.  Iterators are refused, as numpy does: spawn
    re-reads the entropy, which an iterator no longer holds."""
    if isinstance(value, (bool, str, bytes, float)):
        raise TypeError("%s must be an int or a sequence of ints, not %s"
                        % (what, type(value).__name__))
    # A numpy array's type has __index__ too: look for a sequence first.
    if isinstance(value, collections.abc.Sequence) or getattr(value, "ndim", 0) >= 1:
        return [w for item in value for w in _words(item, what)]
    if hasattr(type(value), "__index__"):
        n = operator.index(value)
        if n < 0:
            raise ValueError("%s must be non-negative, got %d" % (what, n))
        out = [n & 0xFFFFFFFF]
        n >>= 32
        while n:
            out.append(n & 0xFFFFFFFF)
            n >>= 32
        return out
    raise TypeError("%s must be an int or a sequence of ints, not %s"
                    % (what, type(value).__name__))


def _buffer(size):
    buf = (ctypes.c_uint64 * ((size + 7) // 8))()
    return buf, ctypes.addressof(buf)


def _u32_array(words):
    return (ctypes.c_uint32 * max(len(words), 1))(*words)


class _CState:
    """An object whose C state lives in _buf at _addr: a copy gets a buffer of its own
    (copying the attributes alone would leave it on the original's)."""

    def __copy__(self):
        out = type(self).__new__(type(self))
        out.__dict__.update(self.__dict__)
        out._buf, out._addr = _buffer(self._SIZE)
        ctypes.memmove(out._addr, self._addr, self._SIZE)
        return out

    def __deepcopy__(self, memo):
        out = self.__copy__()
        for name, value in self.__dict__.items():
            if name not in ("_buf", "_addr"):
                setattr(out, name, copy.deepcopy(value, memo))
        return out


class SeedSequence(_CState):
    """numpy.random.SeedSequence(entropy, spawn_key=()) with numpy's pool size 4.

    entropy: an int >= 0 or a sequence of them (None, numpy's OS entropy, is not
    offered: a reproduction needs the entropy numpy printed).  At most 64 u32 words
    of entropy and of spawn key."""

    _SIZE = lib.repro_numpy_seedseq_sizeof()

    def __init__(self, entropy, spawn_key=()):
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.n_children_spawned = 0
        e = _words(entropy, "entropy")
        k = _words(list(self.spawn_key), "spawn_key")
        self._buf, self._addr = _buffer(self._SIZE)
        check(lib.repro_numpy_seedseq_init(self._addr, _u32_array(e), len(e),
                                           _u32_array(k), len(k)),
              context="SeedSequence(%r, spawn_key=%r)" % (entropy, self.spawn_key))

    def generate_state(self, n_words, dtype="uint32"):
        """n_words words of state as numpy's generate_state(n_words, dtype)."""
        n = _count(n_words)
        name = getattr(dtype, "__name__", str(dtype))
        if name not in ("uint32", "uint64"):
            raise ValueError("dtype must be uint32 or uint64, got %r" % (dtype,))
        kind = "u32" if name == "uint32" else "u64"
        out, addr = new_array(kind, n)
        fn = getattr(lib, "repro_numpy_seedseq_generate_" + kind)
        check(fn(self._addr, addr, n))
        return out

    def spawn(self, n_children):
        """n_children child sequences (numpy's spawn)."""
        children = []
        for _ in range(_count(n_children)):
            children.append(SeedSequence(self.entropy,
                                         self.spawn_key + (self.n_children_spawned,)))
            self.n_children_spawned += 1
        return children


class Philox(_CState):
    """numpy.random.Philox(seed) or Philox(key=..., counter=...).

    seed: an int, a sequence of ints or a SeedSequence (as numpy: Philox(seed) is
    Philox(SeedSequence(seed))).  random_raw() is numpy's bit_generator.random_raw(),
    random() is numpy.random.Generator(Philox(...)).random()."""

    _SIZE = lib.repro_numpy_philox_sizeof()

    def __init__(self, seed=None, *, key=None, counter=0):
        if (seed is None) == (key is None):
            raise ValueError("give exactly one of seed and key")
        c = _wide(counter, 4, "counter")  # numpy applies it with a seed too
        if key is not None:
            k = _wide(key, 2, "key")
        else:
            ss = seed if isinstance(seed, SeedSequence) else SeedSequence(seed)
            k = ss.generate_state(2, "uint64")
        self._buf, self._addr = _buffer(self._SIZE)
        check(lib.repro_numpy_philox_init(self._addr, (ctypes.c_uint64 * 2)(*k),
                                          (ctypes.c_uint64 * 4)(*c)))

    def random_raw(self, size=None):
        """The next 64-bit outputs: one int, or an array of size."""
        if size is None:
            return lib.repro_numpy_philox_next_u64(self._addr)
        return self._fill("u64", lib.repro_numpy_philox_next_u64, size)

    def random(self, size=None):
        """Generator.random(): doubles in [0, 1), one float or an array of size."""
        if size is None:
            return lib.repro_numpy_philox_next_double(self._addr)
        return self._fill("f64", lib.repro_numpy_philox_next_double, size)

    def _fill(self, kind, fn, size):
        n = _count(size)
        out, _ = new_array(kind, n)
        for i in range(n):
            out[i] = fn(self._addr)
        return out

    def advance(self, delta):
        """Philox.advance(delta): the counter (blocks of 4 outputs) moves by delta."""
        d = _wide(int_arg(delta, "delta") % (1 << 256), 4, "delta")
        check(lib.repro_numpy_philox_advance(self._addr, (ctypes.c_uint64 * 4)(*d)))
        return self

    def jumped(self, jumps=1):
        """Philox.jumped(jumps): a copy advanced by jumps * 2**128 (mod 2**256, so any
        int, as numpy)."""
        return copy.copy(self).advance(int_arg(jumps, "jumps") << 128)


def _wide(value, words, what):
    """An int in [0, 2**(64*words)) as u64 words, least significant first."""
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError("%s must be an int" % what)
    v = value.__index__()
    if not 0 <= v < 1 << (64 * words):
        raise ValueError("%s must be in [0, 2**%d), got %d" % (what, 64 * words, v))
    return [(v >> (64 * i)) & 0xFFFFFFFFFFFFFFFF for i in range(words)]


# ---- JAX ---------------------------------------------------------------------------

def _key_struct(key):
    k0, k1 = key
    for w in (k0, k1):
        if not 0 <= int_arg(w, "a JAX key word") < 1 << 32:
            raise ValueError("a JAX key is two integers in [0, 2**32), got %r" % (key,))
    return JaxKeyStruct((ctypes.c_uint32 * 2)(k0, k1))


def _key_tuple(s):
    return (s.k[0], s.k[1])


def jax_key(seed, x64=True):
    """key_data(jax.random.PRNGKey(seed)) as (k0, k1).  x64: jax_enable_x64 on (a
    64-bit seed is split into its two halves); off (JAX's default), the seed is
    wrapped to 32 bits first.  seed: an int in [-2**63, 2**64)."""
    if isinstance(seed, bool) or not hasattr(seed, "__index__"):
        raise TypeError("seed must be an int")
    s = seed.__index__()
    if not -(1 << 63) <= s < 1 << 64:
        raise ValueError("seed must be in [-2**63, 2**64), got %d" % s)
    if s >= 1 << 63:
        s -= 1 << 64
    fn = lib.repro_jax_key if x64 else lib.repro_jax_key_x32
    return _key_tuple(fn(s))


def _flag(partitionable):
    if not hasattr(type(partitionable), "__index__"):
        raise TypeError("partitionable must be True or False, not %s"
                        % type(partitionable).__name__)
    if partitionable not in (True, False, 0, 1):
        raise ValueError("partitionable must be True or False")
    return int(partitionable)


def jax_split(key, num=2, partitionable=True):
    """key_data(jax.random.split(key, num)) as a list of (k0, k1)."""
    n = _count(num)
    out = (JaxKeyStruct * max(n, 1))()
    check(lib.repro_jax_split(_key_struct(key), n, _flag(partitionable),
                              ctypes.addressof(out)))
    return [_key_tuple(out[i]) for i in range(n)]


def jax_fold_in(key, data):
    """key_data(jax.random.fold_in(key, data)) as (k0, k1); data in [0, 2**32)."""
    if not 0 <= int_arg(data, "data") < 1 << 32:
        raise ValueError("data must be an integer in [0, 2**32)")
    return _key_tuple(lib.repro_jax_fold_in(_key_struct(key), data))


def jax_bits(key, n, width=32, partitionable=True):
    """jax.random.bits(key, (n,), uint32 or uint64) as an array."""
    if int_arg(width, "width") not in (32, 64):
        raise ValueError("width must be 32 or 64")
    return _jax_fill("u%d" % width, "repro_jax_random_bits%d" % width, key, n,
                     partitionable)


def jax_uniform(key, n, dtype="float32", partitionable=True):
    """jax.random.uniform(key, (n,), dtype) in [0, 1) as an array (float64 needs
    jax_enable_x64 in JAX)."""
    name = getattr(dtype, "__name__", str(dtype))
    if name not in ("float32", "float64"):
        raise ValueError("dtype must be float32 or float64, got %r" % (dtype,))
    bits = name[-2:]
    return _jax_fill("f" + bits, "repro_jax_uniform_f" + bits, key, n, partitionable)


def _jax_fill(kind, fn_name, key, n, partitionable):
    n = _count(n)
    out, addr = new_array(kind, n)
    check(getattr(lib, fn_name)(_key_struct(key), n, _flag(partitionable), addr))
    return out
