"""Streams (contract sections 3 and 4), distributions, shuffles and permutations."""

import array
import ctypes
import sys
import threading

from . import _permindex, _tensor
from ._lib import FILLS, ReproError, check, int_arg, lib, text_arg, u64_arg
from ._seed import Seed, as_seed

try:  # arrays come back as numpy arrays when numpy is importable
    import numpy
except ImportError:
    numpy = None

STATE_MAX = 128  # REPRO_STATE_MAX: the longest saved state, NUL included

# Output element kinds: numpy dtype, array.array typecode, ctypes scalar type.
_KINDS = {
    "u32": ("uint32", "I" if array.array("I").itemsize == 4 else "L", ctypes.c_uint32),
    "u64": ("uint64", "Q", ctypes.c_uint64),
    "f32": ("float32", "f", ctypes.c_float),
    "f64": ("float64", "d", ctypes.c_double),
}
_SIZES = {"u32": 4, "u64": 8, "f32": 4, "f64": 8}

# The plain draws of contract section 3 (_lib.FILLS): name -> element kind.
_DRAWS = {name: kind for name, (kind, _) in FILLS.items()}
_DRAW_DOCS = {
    "u32": "32-bit words (one word each)",
    "u64": "64-bit words (two words each, the first the low half)",
    "double": "doubles in [0, 1): (x >> 11) * 2**-53",
    "double_oc": "doubles in (0, 1]",
    "double_oo": "doubles in (0, 1)",
    "float": "floats in [0, 1): (y >> 8) * 2**-24",
    "normal": "standard normal N(0, 1) doubles",
    "exponential": "exponential (rate 1) doubles",
}


def new_array(kind, n):
    """A fresh array of n elements of kind and the address of its data."""
    dtype, typecode, _ = _KINDS[kind]
    if n > sys.maxsize // _SIZES[kind]:  # array.array would raise OverflowError
        raise ValueError("%d elements of %s are more than an array can hold"
                         % (n, dtype))
    if numpy is not None:
        a = numpy.empty(n, dtype=dtype)
        return a, a.__array_interface__["data"][0]
    a = array.array(typecode, [0]) * n
    return a, a.buffer_info()[0]


def _count(n):
    n = int_arg(n, "n")
    if n < 0:
        raise ValueError("n must be non-negative, got %d" % n)
    return n


def _buffer_kind(view):
    """The element kind of a buffer ("raw" for bytes), or None when unsupported."""
    fmt = view.format.lstrip("@=" + ("<" if _LITTLE else ">"))
    if fmt == "d" and view.itemsize == 8:
        return "f64"
    if fmt == "f" and view.itemsize == 4:
        return "f32"
    if fmt in ("I", "L", "Q") and view.itemsize in (4, 8):
        return "u32" if view.itemsize == 4 else "u64"
    if fmt in ("B", "b", "c"):
        return "raw"
    return None


_LITTLE = array.array("H", [1]).tobytes()[0] == 1


class _Pinned:
    """The address of a writable, C-contiguous buffer, held without copying."""

    def __init__(self, obj):
        self.view = memoryview(obj)
        if self.view.readonly:
            self.view.release()
            raise TypeError("buffer is read-only")
        if not self.view.c_contiguous:
            self.view.release()
            raise ValueError("buffer must be C-contiguous")
        self.cbuf = (ctypes.c_char * self.view.nbytes).from_buffer(self.view)
        self.address = ctypes.addressof(self.cbuf)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        del self.cbuf
        self.view.release()


def _items_are_views(x):
    """True for arrays whose x[i] is a view into x: numpy's and any with __dlpack__
    (torch, cupy, JAX...), where integer-array indexing makes the copy instead."""
    return (numpy is not None and isinstance(x, numpy.ndarray)) or \
        hasattr(type(x), "__dlpack__")


def _draw_method(name, kind):
    single = getattr(lib, "repro_next_" + name)
    fill = getattr(lib, "repro_fill_" + name)
    fill_at = getattr(lib, "repro_fill_%s_at" % name)

    def draw(self, n=None, *, at=None):
        if at is not None:
            return self._fill_at(fill_at, kind, n, at)
        if n is None:
            with self._lock:
                return single(self._addr)
        return self._fill(fill, kind, n)

    draw.__name__, draw.__qualname__ = name, "Stream." + name  # pickled by reference
    draw.__doc__ = (
        "n %s (an array; a single Python number when n is None): C's repro_fill_%s, "
        "count first.\n\n"
        "at=position draws what a copy seeked to position gives, leaving this stream "
        "as it is (repro_fill_%s_at)." % (_DRAW_DOCS[name], name, name))
    return draw


class Stream:
    """A reproducible stream: (algorithm, seed) and a position (contract section 3).

    Stream(seed, algorithm="philox4x32-10"); seed is a Seed or anything Seed()
    accepts.  The low-level object, as numpy's bit generators: its draws are the
    contract draws u32, u64, double, double_oc, double_oo, float, normal, exponential
    and bounded, each mirroring C's repro_fill_<name> with the count first: n (None:
    one Python number; else an array of n: a numpy array when numpy is importable,
    else array.array).  The laws with parameters (normal with loc and scale, uniform,
    gamma, ...) are on repro_rng.Generator, with numpy's names and order.  Mixing any
    draws consumes the stream in the one contract order, so Python and C give the
    same numbers for the same calls.  A lock serialises the draws of one stream; for
    parallel work use one stream per thread or process, or the at= forms.
    """

    __slots__ = ("_buf", "_addr", "_lock", "__weakref__")
    _SIZE = lib.repro_stream_sizeof()

    def _alloc(self):
        self._buf = (ctypes.c_uint64 * ((self._SIZE + 7) // 8))()
        self._addr = ctypes.addressof(self._buf)
        self._lock = threading.Lock()

    def __init__(self, seed, algorithm="philox4x32-10"):
        seed = as_seed(seed)
        algorithm = text_arg(algorithm, "algorithm")
        alg = ctypes.c_int(0)
        check(lib.repro_algorithm_from_name(algorithm.encode("utf-8"), ctypes.byref(alg)),
              context=algorithm)
        self._alloc()
        check(lib.repro_stream_init(self._addr, alg.value, seed._s))

    # ---- state -------------------------------------------------------------------
    @property
    def algorithm(self):
        """The contract name of the algorithm, e.g. "philox4x32-10"."""
        return lib.repro_algorithm_name(lib.repro_stream_algorithm(self._addr)).decode()

    # Reads take the lock too: the position is two fields that a draw rewrites, and a
    # BitGenerator's state setter rewrites the seed.
    @property
    def seed(self):
        with self._lock:
            return Seed._wrap(lib.repro_stream_seed(self._addr))

    def tell(self):
        """The position: index of the next 32-bit word."""
        with self._lock:
            return lib.repro_stream_tell(self._addr)

    def seek(self, position):
        """Moves to position (an int in [0, 2**64)), O(1)."""
        position = u64_arg(position, "position")
        with self._lock:
            lib.repro_stream_seek(self._addr, position)

    def skip(self, delta):
        """Moves the position forward by delta words (modulo 2**64)."""
        delta = u64_arg(delta, "delta")
        with self._lock:
            lib.repro_stream_skip(self._addr, delta)

    def save(self):
        """The saved state "rr1:<algorithm>:<seed hex>:<position>" (contract 4)."""
        buf = ctypes.create_string_buffer(STATE_MAX)
        with self._lock:
            check(lib.repro_stream_save(self._addr, buf, STATE_MAX))
        return buf.value.decode("ascii")

    @classmethod
    def load(cls, text):
        """A stream from a saved state (str or UTF-8 bytes); ReproError (a ValueError)
        says what and where."""
        if isinstance(text, (bytes, bytearray)):
            # as given: C's parser names the first byte it refuses, UTF-8 or not
            raw = bytes(text)
            text_arg(raw.decode("latin-1"), "saved state")  # the NUL check
        else:
            raw = text_arg(text, "saved state").encode("utf-8")  # C stops at a NUL
        s = cls.__new__(cls)
        s._alloc()
        off = ctypes.c_size_t(0)
        rc = lib.repro_stream_load_ex(s._addr, raw, ctypes.byref(off))
        if rc < 0:
            raise ReproError(rc, off.value, text)
        return s

    def copy(self):
        """An independent stream in the same state."""
        s = type(self).__new__(type(self))
        s._alloc()
        with self._lock:
            ctypes.memmove(s._addr, self._addr, self._SIZE)
        return s

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        return (_load, (self.save(),))  # module-level: see Seed.__reduce__

    def __eq__(self, other):
        if not isinstance(other, Stream):
            return NotImplemented
        return self.save() == other.save()

    __hash__ = None

    def __repr__(self):
        return "repro_rng.Stream.load(%r)" % self.save()

    # ---- drawing -------------------------------------------------------------------
    def _fill(self, fn, kind, n, *params):
        if n is None:
            box = _KINDS[kind][2]()
            with self._lock:
                check(fn(self._addr, ctypes.addressof(box), 1, *params))
            return box.value
        out, ptr = new_array(kind, _count(n))
        with self._lock:
            check(fn(self._addr, ptr, len(out), *params))
        return out

    def _fill_at(self, fn, kind, n, at, *params):
        # The _at functions never modify the stream: no lock needed.
        pos = u64_arg(at, "position")
        if n is None:
            box = _KINDS[kind][2]()
            check(fn(self._addr, pos, ctypes.addressof(box), 1, *params))
            return box.value
        out, ptr = new_array(kind, _count(n))
        check(fn(self._addr, pos, ptr, len(out), *params))
        return out

    for _name, _kind in _DRAWS.items():
        locals()[_name] = _draw_method(_name, _kind)
    del _name, _kind

    def bounded(self, n, bound, *, bits=64, at=None):
        """n uniform integers in [0, bound) by Lemire's method; bound 0 is the full
        range.  bits=64 (C's repro_fill_bounded_u64, count first: two words or more
        each, bound in [0, 2**64)) or bits=32 (repro_fill_bounded_u32: one word or
        more each)."""
        bits = int_arg(bits, "bits")
        if bits == 64:
            kind, fns = "u64", (lib.repro_fill_bounded_u64, lib.repro_fill_bounded_u64_at)
        elif bits == 32:
            kind, fns = "u32", (lib.repro_fill_bounded_u32, lib.repro_fill_bounded_u32_at)
        else:
            raise ValueError("bits must be 32 or 64, got %r" % (bits,))
        bound = u64_arg(bound, "bound")
        if bound >> bits:
            raise ValueError("bound must be below 2**%d, got %d" % (bits, bound))
        if at is not None:
            return self._fill_at(fns[1], kind, n, at, bound)
        return self._fill(fns[0], kind, n, bound)

    def fill(self, buffer, kind=None, *, at=None):
        """Fills a writable, C-contiguous buffer in place (no copy) and returns it.

        bytearray, memoryview, array.array, numpy arrays, ctypes arrays...  The draw
        follows the element type: float64 -> double, float32 -> float, uint32 -> u32,
        uint64 -> u64; kind ("double", "double_oc", "double_oo", "normal",
        "exponential", "float", "u32", "u64") may pick another draw of the same
        element type.  Byte buffers are raw memory: kind (default "u32") decides, and
        the length must be a multiple of its size (values in host byte order, as C
        would write them).  A buffer misaligned for its element type (bytes at an odd
        offset, numpy's unaligned arrays) is filled through an aligned temporary, as C
        needs.  Contiguous CPU torch tensors too (float64, float32, int64
        and int32 for u64 and u32 bits, uint8 as bytes)."""
        with _Pinned(_tensor.as_buffer(buffer)) as pin:
            have = _buffer_kind(pin.view)
            if have is None:
                raise TypeError("cannot fill a buffer of item format %r"
                                % pin.view.format)
            if kind is None:
                kind = {"raw": "u32", "f64": "double", "f32": "float"}.get(have, have)
            text_arg(kind, "fill kind")
            if kind not in _DRAWS:
                raise ValueError("unknown fill kind %r (one of %s)"
                                 % (kind, ", ".join(_DRAWS)))
            want = _DRAWS[kind]
            size = _SIZES[want]
            if have != want and not (have == "raw" and pin.view.nbytes % size == 0):
                raise TypeError("a %r fill needs %s elements, the buffer has format %r"
                                % (kind, _KINDS[want][0], pin.view.format))
            n = pin.view.nbytes // size
            ctype = _KINDS[want][2]
            tmp = None if pin.address % ctypes.alignment(ctype) == 0 else (ctype * n)()
            out = pin.address if tmp is None else ctypes.addressof(tmp)
            if at is None:
                with self._lock:
                    check(getattr(lib, "repro_fill_" + kind)(self._addr, out, n))
            else:
                pos = u64_arg(at, "position")
                check(getattr(lib, "repro_fill_%s_at" % kind)(self._addr, pos, out, n))
            if tmp is not None:
                ctypes.memmove(pin.address, tmp, n * size)
        _tensor.written(buffer)
        return buffer

    # ---- shuffles ----------------------------------------------------------------
    def shuffle(self, x):
        """Shuffles x in place along its first axis, exactly as C repro_shuffle
        shuffles an array of len(x) elements: the same count - 1 draws, whatever x is.

        A writable C-contiguous buffer (bytearray, array.array, numpy array, ...) is
        shuffled by repro_shuffle itself; elements of no bytes (numpy.zeros((5, 0)))
        stay as they are, the draws are still made.  Anything else with len(), item
        access and item assignment gets the order repro_shuffle gives an index array
        0..len-1, permutation(len(x)): numpy arrays of any layout and arrays with
        __dlpack__ (torch tensors...), whose items are views, by integer-array
        indexing (x[...] = x[order], which copies); other sequences (lists...) by
        gathering every x[order[j]] before assigning any.  A read-only buffer or an
        object without those methods raises TypeError, with nothing drawn."""
        try:
            view = memoryview(x)
        except (TypeError, ValueError, BufferError):  # lists, tensors, datetime arrays
            view = None
        if view is not None:
            with view:
                if view.readonly or view.ndim == 0:
                    raise TypeError("cannot shuffle a read-only or 0-dimensional buffer")
                if view.c_contiguous:
                    count = view.shape[0]
                    # Elements of no bytes: nothing to move, the draws of any count.
                    with _Pinned(view if view.nbytes else bytearray(count)) as pin:
                        size = pin.view.nbytes // count if count else 1
                        with self._lock:
                            check(lib.repro_shuffle(self._addr, pin.address, count, size))
                    return
                if view.ndim > 1 and not _items_are_views(x):
                    raise TypeError("cannot shuffle a non-contiguous buffer of %d "
                                    "dimensions" % view.ndim)
        elif not all(hasattr(type(x), m) for m in ("__len__", "__getitem__",
                                                    "__setitem__")):
            raise TypeError("cannot shuffle a %s: it needs len(), item access and item "
                            "assignment" % type(x).__name__)
        order = self.permutation(len(x))
        if _items_are_views(x):
            x[...] = x[order.astype(numpy.intp) if numpy is not None else list(order)]
            return
        items = [x[i] for i in order]
        for j, v in enumerate(items):
            x[j] = v

    def permutation(self, n):
        """0..n-1 shuffled by repro_shuffle (uint64 array): what shuffle() applies."""
        if numpy is not None:
            idx = numpy.arange(_count(n), dtype=numpy.uint64)
        else:
            idx = array.array("Q", range(_count(n)))
        self.shuffle(idx)
        return idx

    def bit_generator(self):
        """A numpy BitGenerator drawing from this stream (shared, not copied):
        numpy.random.Generator(stream.bit_generator())."""
        from ._bitgen import BitGenerator
        return BitGenerator(self)


def _load(text):
    return Stream.load(text)


class Permutation:
    """A seeded bijection of [0, n) evaluated per index in O(1) (repro_permutation).

    Permutation(seed, n) with n in [1, 2**64); p[i] or p.at(i) is the image of i,
    p.inverse(x) the i with p[i] == x.  p[a:b:c] and p[indices] (a sequence or 1-d
    integer array) give int64 arrays, runs through repro_permutation_fill (n <= 2**63).
    Out-of-range indices raise IndexError.  The size is p.n: len(p), like every
    len(), is limited to sys.maxsize and raises OverflowError beyond (n >= 2**63)."""

    __slots__ = ("_buf", "_addr", "_seed", "_n")
    _SIZE = lib.repro_permutation_sizeof()

    def __init__(self, seed, n):
        self._seed = as_seed(seed)
        self._n = u64_arg(n, "permutation size")
        self._buf = (ctypes.c_uint64 * ((self._SIZE + 7) // 8))()
        self._addr = ctypes.addressof(self._buf)
        check(lib.repro_permutation_init(self._addr, self._seed._s, self._n))

    @property
    def n(self):
        """The size, any n in [1, 2**64) (len() stops at sys.maxsize)."""
        return self._n

    @property
    def seed(self):
        return self._seed

    def __len__(self):
        return self._n

    def at(self, i):
        """The image of i, 0 <= i < n."""
        i = int_arg(i, "permutation index")
        if not 0 <= i < self._n:
            raise IndexError("permutation index %d out of range [0, %d)" % (i, self._n))
        return lib.repro_permutation_at(self._addr, i)

    def __getitem__(self, i):
        if isinstance(i, slice) or (hasattr(i, "__len__") and getattr(i, "ndim", 1)):
            return _permindex.getitem(self, i)  # int64 array
        i = int_arg(i, "permutation index")
        return self.at(i + self._n if -self._n <= i < 0 else i)

    def inverse(self, x):
        x = u64_arg(x, "value")
        if x >= self._n:
            raise ValueError("value %d is not in [0, %d)" % (x, self._n))
        return lib.repro_permutation_inverse(self._addr, x)

    def __eq__(self, other):
        if not isinstance(other, Permutation):
            return NotImplemented
        return (self._seed, self._n) == (other._seed, other._n)

    def __hash__(self):
        return hash((self._seed, self._n))

    def __reduce__(self):
        return (Permutation, (self._seed, self._n))

    def __repr__(self):
        return "repro_rng.Permutation(%r, %d)" % (self._seed, self._n)
