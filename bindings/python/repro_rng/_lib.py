"""Loading librepro_rng and declaring every C function the bindings call.

Search order (the first library that loads and has our major version wins):
  1. REPRO_RNG_LIBRARY, when set: that file only.  An explicit choice never falls
     back silently to another library.
  2. The repository's build tree, <repo>/build/lib/librepro_rng.so.<MAJOR>, when this
     package is imported from its source checkout (bindings/python/repro_rng).
  3. The installed library: the soname through the dynamic loader (LD_LIBRARY_PATH,
     ld.so cache), ctypes.util.find_library, then the common library folders
     (sys.prefix/lib first, so `make install PREFIX=<venv>` pairs with a pip install
     into that venv).
When nothing loads, ImportError lists every path tried and why each failed.
"""

import ctypes
import ctypes.util
import os
import sys
import sysconfig
from ctypes import (POINTER, Structure, c_char_p, c_double, c_float, c_int, c_int64,
                    c_size_t, c_uint32, c_uint64, c_void_p, py_object)
from pathlib import Path

# The library major version these bindings are written for (REPRO_VERSION_MAJOR).
MAJOR = 0


class SeedStruct(Structure):
    """repro_seed: four u64 words, passed and returned by value."""
    _fields_ = [("w", c_uint64 * 4)]


class JaxKeyStruct(Structure):
    """repro_jax_key_t: two u32 (jax.random.key_data's layout), passed by value."""
    _fields_ = [("k", c_uint32 * 2)]


def _soname():
    if sys.platform == "darwin":
        return "librepro_rng.%d.dylib" % MAJOR
    if sys.platform == "win32":
        return "repro_rng.dll"
    return "librepro_rng.so.%d" % MAJOR


def _libdirs():
    dirs = [Path(sys.prefix) / "lib", Path(sys.base_prefix) / "lib",
            Path("/usr/local/lib"), Path("/usr/local/lib64")]
    multiarch = sysconfig.get_config_var("MULTIARCH")
    if multiarch:
        dirs += [Path("/usr/local/lib") / multiarch, Path("/usr/lib") / multiarch]
    dirs += [Path("/usr/lib64"), Path("/usr/lib")]
    return dirs


def candidates(environ=None):
    """The library paths to try, in order: a list of (path, origin) pairs."""
    environ = os.environ if environ is None else environ
    explicit = environ.get("REPRO_RNG_LIBRARY")
    if explicit:
        return [(explicit, "REPRO_RNG_LIBRARY")]
    out = []
    here = Path(__file__).resolve().parent
    repo = here.parents[2]
    if here == repo / "bindings" / "python" / "repro_rng" and \
            (repo / "include" / "repro_rng.h").is_file():
        out.append((str(repo / "build" / "lib" / _soname()), "repository build tree"))
    out.append((_soname(), "dynamic loader search"))
    found = ctypes.util.find_library("repro_rng")
    if found:
        out.append((found, "ctypes.util.find_library"))
    out += [(str(d / _soname()), "library folder") for d in _libdirs()]
    seen = set()
    return [c for c in out if not (c[0] in seen or seen.add(c[0]))]


def check_major(version, path):
    """Raises ImportError unless version ("M.m.p") has our major number."""
    major = version.split(".")[0]
    if major != str(MAJOR):
        raise ImportError("%s is librepro_rng %s; these bindings need major version %d"
                          % (path, version, MAJOR))


def load(cands=None):
    """Loads the first usable candidate; returns (CDLL, path)."""
    cands = candidates() if cands is None else cands
    failures = []
    for path, origin in cands:
        try:
            lib = ctypes.CDLL(path)
            fn = lib.repro_version
        except (OSError, AttributeError) as exc:
            failures.append("  %s (%s): %s" % (path, origin, exc))
            continue
        fn.restype, fn.argtypes = c_char_p, ()
        try:
            check_major(fn().decode("ascii"), path)
        except ImportError as exc:
            failures.append("  %s (%s): %s" % (path, origin, exc))
            continue
        return lib, path
    raise ImportError("cannot load librepro_rng (major version %d); tried:\n%s\n"
                      "Build it with `make` or set REPRO_RNG_LIBRARY to its path."
                      % (MAJOR, "\n".join(failures)))


# Every C function used, with its argument and result types: name -> (restype, argtypes).
# Stream and permutation objects are passed as addresses (c_void_p), as are output
# buffers.
_p, _u32, _u64, _sz, _d = c_void_p, c_uint32, c_uint64, c_size_t, c_double
_Seed, _pSeed, _Jax = SeedStruct, POINTER(SeedStruct), JaxKeyStruct
SIGNATURES = {
    "repro_version": (c_char_p, ()),
    "repro_strerror": (c_char_p, (c_int,)),
    "repro_error_name": (c_char_p, (c_int,)),
    "repro_seed_from_u64": (_Seed, (_u64,)),
    "repro_seed_from_bytes_checked": (c_int, (c_char_p, _sz, _pSeed)),
    "repro_seed_child": (_Seed, (_Seed, _u64)),
    "repro_seed_named": (_Seed, (_Seed, c_char_p, _sz)),
    "repro_seed_path_ex": (c_int, (_Seed, c_char_p, _pSeed, POINTER(c_size_t))),
    "repro_seed_to_hex": (None, (_Seed, c_char_p)),
    "repro_seed_from_hex": (c_int, (c_char_p, _pSeed)),
    "repro_algorithm_name": (c_char_p, (c_int,)),
    "repro_algorithm_from_name": (c_int, (c_char_p, POINTER(c_int))),
    "repro_stream_sizeof": (_sz, ()),
    "repro_stream_init": (c_int, (_p, c_int, _Seed)),
    "repro_stream_seek": (None, (_p, _u64)),
    "repro_stream_tell": (_u64, (_p,)),
    "repro_stream_skip": (None, (_p, _u64)),
    "repro_stream_algorithm": (c_int, (_p,)),
    "repro_stream_seed": (_Seed, (_p,)),
    "repro_next_u32": (_u32, (_p,)),
    "repro_next_u64": (_u64, (_p,)),
    "repro_next_double": (_d, (_p,)),
    "repro_next_double_oc": (_d, (_p,)),
    "repro_next_double_oo": (_d, (_p,)),
    "repro_next_float": (c_float, (_p,)),
    "repro_next_bounded_u32": (_u32, (_p, _u32)),
    "repro_next_bounded_u64": (_u64, (_p, _u64)),
    "repro_next_normal": (_d, (_p,)),
    "repro_next_exponential": (_d, (_p,)),
    "repro_fill_bounded_u32": (c_int, (_p, _p, _sz, _u32)),
    "repro_fill_bounded_u32_at": (c_int, (_p, _u64, _p, _sz, _u32)),
    "repro_fill_bounded_u64": (c_int, (_p, _p, _sz, _u64)),
    "repro_fill_bounded_u64_at": (c_int, (_p, _u64, _p, _sz, _u64)),
    "repro_stream_save": (c_int, (_p, c_char_p, _sz)),
    "repro_stream_load_ex": (c_int, (_p, c_char_p, POINTER(c_size_t))),
    "repro_fill_gaussian": (c_int, (_p, _p, _sz, _d, _d)),
    "repro_fill_uniform": (c_int, (_p, _p, _sz, _d, _d)),
    "repro_fill_bernoulli": (c_int, (_p, _p, _sz, _d)),
    "repro_fill_gamma": (c_int, (_p, _p, _sz, _d, _d)),
    "repro_fill_beta": (c_int, (_p, _p, _sz, _d, _d)),
    "repro_fill_poisson": (c_int, (_p, _p, _sz, _d)),
    "repro_fill_binomial": (c_int, (_p, _p, _sz, _u64, _d)),
    "repro_shuffle": (c_int, (_p, _p, _sz, _sz)),
    "repro_permutation_sizeof": (_sz, ()),
    "repro_permutation_init": (c_int, (_p, _Seed, _u64)),
    "repro_permutation_at": (_u64, (_p, _u64)),
    "repro_permutation_inverse": (_u64, (_p, _u64)),
    "repro_set_isa": (c_int, (c_char_p,)),
    "repro_isa_name": (c_char_p, ()),
    "repro_isa_supported": (c_int, (c_char_p,)),
    # compatibility modes (compat.py)
    "repro_numpy_seedseq_sizeof": (_sz, ()),
    "repro_numpy_philox_sizeof": (_sz, ()),
    "repro_numpy_seedseq_init": (c_int, (_p, _p, _sz, _p, _sz)),
    "repro_numpy_seedseq_generate_u32": (c_int, (_p, _p, _sz)),
    "repro_numpy_seedseq_generate_u64": (c_int, (_p, _p, _sz)),
    "repro_numpy_seedseq_spawn": (c_int, (_p, _p)),
    "repro_numpy_philox_init": (c_int, (_p, _p, _p)),
    "repro_numpy_philox_from_seedseq": (c_int, (_p, _p)),
    "repro_numpy_philox_next_u64": (_u64, (_p,)),
    "repro_numpy_philox_next_double": (_d, (_p,)),
    "repro_numpy_philox_advance": (c_int, (_p, _p)),
    "repro_numpy_philox_jumped": (c_int, (_p, _u64, _p)),
    "repro_jax_key": (_Jax, (c_int64,)),
    "repro_jax_key_x32": (_Jax, (c_int64,)),
    "repro_jax_split": (c_int, (_Jax, _sz, c_int, _p)),
    "repro_jax_fold_in": (_Jax, (_Jax, _u32)),
    "repro_jax_random_bits32": (c_int, (_Jax, _sz, c_int, _p)),
    "repro_jax_random_bits64": (c_int, (_Jax, _sz, c_int, _p)),
    "repro_jax_uniform_f32": (c_int, (_Jax, _sz, c_int, _p)),
    "repro_jax_uniform_f64": (c_int, (_Jax, _sz, c_int, _p)),
}
# The plain fills all share one shape (contract section 3).
for _name in ("u32", "u64", "double", "double_oc", "double_oo", "float", "normal",
              "exponential"):
    SIGNATURES["repro_fill_" + _name] = (c_int, (_p, _p, _sz))
    SIGNATURES["repro_fill_%s_at" % _name] = (c_int, (_p, _u64, _p, _sz))

# The CPython function used to hand numpy a bitgen_t (see _bitgen.py).
PYTHONAPI_SIGNATURES = {
    "PyCapsule_New": (py_object, (c_void_p, c_char_p, c_void_p)),
}


def _declare(dll, table):
    for name, (restype, argtypes) in table.items():
        fn = getattr(dll, name)
        fn.restype, fn.argtypes = restype, argtypes


lib, path = load()
_declare(lib, SIGNATURES)
_declare(ctypes.pythonapi, PYTHONAPI_SIGNATURES)
pythonapi = ctypes.pythonapi
del _name

U64_LIMIT = 1 << 64


class ReproError(ValueError):
    """An error code from librepro_rng, with repro_strerror's message.

    code: the negative C error code; name: its symbolic name ("REPRO_ERR_PARAM");
    offset: the byte offset of a parse error (seed paths, saved states), else None."""

    def __init__(self, code, offset=None, context=None):
        self.code = code
        raw = lib.repro_error_name(code)
        self.name = raw.decode("ascii") if raw else None
        self.offset = offset
        msg = lib.repro_strerror(code).decode("utf-8", "replace")
        if offset is not None:
            msg += " at byte %d" % offset
        if context:
            msg += " in %r" % (context,)
        super().__init__("%s [%s]" % (msg, self.name or code))


def check(rc, offset=None, context=None):
    """Returns rc when it is not an error code, else raises ReproError."""
    if rc < 0:
        raise ReproError(rc, offset, context)
    return rc


def u64_arg(value, what):
    """value as an int in [0, 2^64), else ValueError (TypeError-free, as documented)."""
    if isinstance(value, bool):
        raise ValueError("%s must be an integer in [0, 2**64), not bool" % what)
    try:
        v = value.__index__()
    except (AttributeError, TypeError):
        raise ValueError("%s must be an integer in [0, 2**64), not %s"
                         % (what, type(value).__name__)) from None
    if not 0 <= v < U64_LIMIT:
        raise ValueError("%s must be in [0, 2**64), got %d" % (what, v))
    return v
