"""Permutation images in bulk: runs through repro_permutation_fill, slices and integer
arrays (int64 results, so torch.from_numpy and numpy indexing take them as they are)."""

import array

from ._lib import check, int_arg, lib

try:
    import numpy
except ImportError:
    numpy = None

INT64_LIMIT = 1 << 63
# A strided slice is computed as the fill of its covering run (then every step-th value)
# while step is below this; beyond it one repro_permutation_at call per index is cheaper.
_DENSE_STEP = 64
_BLOCK = 1 << 16  # values per C call: bounds the temporary of a strided slice


def _empty(count):
    """An int64 array of count elements and its address."""
    if numpy is not None:
        out = numpy.empty(count, dtype=numpy.int64)
        return out, out.__array_interface__["data"][0]
    out = array.array("q", [0]) * count
    return out, out.buffer_info()[0] if count else 0


def _check_int64(perm):
    if perm.n > INT64_LIMIT:
        raise ValueError("a permutation of n = %d > 2**63 has images beyond int64: "
                         "use at(i) for single images" % perm.n)


def fill(perm, first, count):
    """Images of first, first + 1, ..., first + count - 1 (an int64 array); the range
    must lie in [0, n)."""
    _check_int64(perm)
    out, addr = _empty(count)
    if count:
        check(lib.repro_permutation_fill(perm._addr, first, addr, count))
    return out


def strided(perm, start, step, count):
    """Images of start + k * step for k < count (an int64 array), step > 0."""
    if step == 1:
        return fill(perm, start, count)
    out, _ = _empty(count)
    if step >= _DENSE_STEP:
        at = lib.repro_permutation_at
        for k in range(count):
            out[k] = at(perm._addr, start + k * step)
        return out
    per_block = max(1, _BLOCK // step)
    for k0 in range(0, count, per_block):
        k1 = min(count, k0 + per_block)
        run = fill(perm, start + k0 * step, (k1 - k0 - 1) * step + 1)
        out[k0:k1] = run[::step]
    return out


def getitem(perm, key):
    """perm[key] for a slice (an int64 array, numpy slice semantics) or a sequence or
    array of integers (an int64 array of the same length; negative indices count
    from the end; IndexError when out of range)."""
    _check_int64(perm)
    n = perm.n
    if isinstance(key, slice):
        start, stop, step = key.indices(n)
        count = len(range(start, stop, step))
        if count == 0:
            return _empty(0)[0]
        if step > 0:
            return strided(perm, start, step, count)
        last = start + (count - 1) * step  # walk up from the smallest index, then reverse
        backwards = strided(perm, last, -step, count)[::-1]
        # a numpy view with a negative stride: torch.from_numpy refuses those
        return backwards.copy() if numpy is not None else backwards
    if isinstance(key, (str, bytes, bytearray, float)) or not hasattr(key, "__len__"):
        raise TypeError("permutation indices must be integers, slices or integer "
                        "arrays, not %s" % type(key).__name__)
    if numpy is not None and isinstance(key, numpy.ndarray):
        if key.dtype.kind not in "iu" or key.ndim != 1:
            raise TypeError("permutation index arrays must be 1-d integer arrays, not "
                            "%d-d %s" % (key.ndim, key.dtype))
        indices = key.tolist()
    else:
        indices = list(key)
    out, _ = _empty(len(indices))
    at = lib.repro_permutation_at
    for k, i in enumerate(indices):
        i = int_arg(i, "permutation index")
        j = i + n if i < 0 else i
        if not 0 <= j < n:
            raise IndexError("permutation index %d out of range for size %d" % (i, n))
        out[k] = at(perm._addr, j)
    return out

