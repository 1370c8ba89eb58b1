"""Loading librepro_rng and declaring every C function the bindings call.

Search order (the first library that loads and has our ABI version wins):
  1. REPRO_RNG_LIBRARY, when set: that file only (a bare name is in the working
     directory).  An explicit choice never falls back silently to another library.
  2. The copy bundled with the package, repro_rng/librepro_rng.so.<ABI>, which
     `pip install bindings/python` builds and installs (build_backend/).
  3. The repository's build tree, <repo>/build/lib/librepro_rng.so.<ABI>, when this
     package is imported from its source checkout (bindings/python/repro_rng).
  4. The installed library: the soname through the dynamic loader (LD_LIBRARY_PATH,
     ld.so cache), ctypes.util.find_library, then the common library folders
     (sys.prefix/lib first, so `make install PREFIX=<venv>` pairs with a pip install
     into that venv).
When nothing loads, ImportError lists every path tried and why each failed.
"""

import ctypes
import ctypes.util
import operator
import os
import sys
import sysconfig
from ctypes import (POINTER, Structure, c_char_p, c_double, c_float, c_int, c_int64,
                    c_size_t, c_uint32, c_uint64, c_void_p, py_object)
from pathlib import Path

# The library version these bindings are written for (REPRO_VERSION_MAJOR, _MINOR).
# Its ABI, which the soname carries, is the major version from 1.0 on, and before 1.0
# major.minor: a 0.x minor release may break the ABI (docs/guides/stability.md).
MAJOR = 0
MINOR = 3
ABI = "%d.%d" % (MAJOR, MINOR) if MAJOR == 0 else "%d" % MAJOR


class SeedStruct(Structure):
    """repro_seed: four u64 words, passed and returned by value."""
    _fields_ = [("w", c_uint64 * 4)]


class JaxKeyStruct(Structure):
    """repro_jax_key_t: two u32 (jax.random.key_data's layout), passed by value."""
    _fields_ = [("k", c_uint32 * 2)]


def _soname():
    if sys.platform == "darwin":
        return "librepro_rng.%s.dylib" % ABI
    if sys.platform == "win32":
        return "repro_rng.dll"
    return "librepro_rng.so.%s" % ABI


def _libdirs():
    dirs = [Path(sys.prefix) / "lib", Path(sys.base_prefix) / "lib",
            Path("/usr/local/lib"), Path("/usr/local/lib64")]
    multiarch = sysconfig.get_config_var("MULTIARCH")
    if multiarch:
        dirs += [Path("/usr/local/lib") / multiarch, Path("/usr/lib") / multiarch]
    dirs += [Path("/usr/lib64"), Path("/usr/lib")]
    return dirs


def candidates(environ=None, package_dir=None):
    """The library paths to try, in order: a list of (path, origin) pairs.
    package_dir: the package's folder (default: where this file is)."""
    environ = os.environ if environ is None else environ
    explicit = environ.get("REPRO_RNG_LIBRARY")
    if explicit:
        # A path: dlopen would look a bare name up in the loader's search path instead.
        if not os.path.dirname(explicit):
            explicit = os.path.join(os.curdir, explicit)
        return [(explicit, "REPRO_RNG_LIBRARY")]
    out = []
    here = Path(__file__).resolve().parent if package_dir is None else Path(package_dir)
    if (here / _soname()).is_file():  # a wheel built by build_backend bundles it
        out.append((str(here / _soname()), "bundled with the package"))
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
    """Raises ImportError unless version ("M.m.p") has our ABI version (the major, and
    before 1.0 the minor too)."""
    if version.split(".")[:len(ABI.split("."))] != ABI.split("."):
        raise ImportError("%s is librepro_rng %s; these bindings need version %s.x"
                          % (path, version, ABI))


def check_symbols(dll, path):
    """Raises ImportError naming every function of SIGNATURES that dll lacks (a
    library of our major version, but older or partial)."""
    missing = [name for name in SIGNATURES if not hasattr(dll, name)]
    if missing:
        raise ImportError("%s lacks %d function(s) these bindings call: %s"
                          % (path, len(missing), ", ".join(missing)))


def load(cands=None):
    """Loads the first usable candidate (our major version, every function of
    SIGNATURES present); returns (CDLL, path)."""
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
            check_symbols(lib, path)
        except ImportError as exc:
            failures.append("  %s (%s): %s" % (path, origin, exc))
            continue
        return lib, path
    raise ImportError("cannot load librepro_rng (version %s.x); tried:\n%s\n"
                      "Build it with `make` or set REPRO_RNG_LIBRARY to its path."
                      % (ABI, "\n".join(failures)))


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
    "repro_seed_from_bytes_ex": (c_int, (c_char_p, _sz, _pSeed)),
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
    "repro_bitgen_next_u64": (_u64, (_p,)),
    "repro_bitgen_next_u32": (_u32, (_p,)),
    "repro_bitgen_next_double": (_d, (_p,)),
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
    "repro_permutation_fill": (c_int, (_p, _u64, _p, _sz)),
    "repro_set_isa": (c_int, (c_char_p,)),
    "repro_isa_name": (c_char_p, ()),
    "repro_isa_supported": (c_int, (c_char_p,)),
    "repro_isa_count": (_sz, ()),
    "repro_isa_name_at": (c_char_p, (_sz,)),
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
# The plain draws of contract section 3, the header's REPRO_FILLS in its order (test_loader
# checks that the two agree): name -> (element kind, stream words per value).  Each has
# repro_next_<name>, repro_fill_<name> and repro_fill_<name>_at, the fills of one shape.
FILLS = {
    "u32": ("u32", 1), "u64": ("u64", 2), "double": ("f64", 2), "double_oc": ("f64", 2),
    "double_oo": ("f64", 2), "float": ("f32", 1), "normal": ("f64", 2),
    "exponential": ("f64", 2),
}
for _name in FILLS:
    SIGNATURES["repro_fill_" + _name] = (c_int, (_p, _p, _sz))
    SIGNATURES["repro_fill_%s_at" % _name] = (c_int, (_p, _u64, _p, _sz))
# The laws of numpy's Generator (_generator.py): repro_fill_<law>(s, out, n, *params).
for _name, _params in {
        "normal_float": (), "exponential_float": (), "gamma_float": (_d, _d),
        "standard_cauchy": (), "exponential_scaled": (_d,),
        "integers": (c_int64, c_int64), "lognormal": (_d, _d), "laplace": (_d, _d),
        "logistic": (_d, _d), "gumbel": (_d, _d), "rayleigh": (_d,), "weibull": (_d,),
        "pareto": (_d,), "power": (_d,), "triangular": (_d, _d, _d), "wald": (_d, _d),
        "vonmises": (_d, _d), "chisquare": (_d,), "standard_t": (_d,), "f": (_d, _d),
        "noncentral_chisquare": (_d, _d), "noncentral_f": (_d, _d, _d),
        "negative_binomial": (_d, _d), "geometric": (_d,), "logseries": (_d,),
        "zipf": (_d,), "hypergeometric": (_u64, _u64, _u64), "choice": (_p,),
        "dirichlet": (_p, _sz), "multinomial": (_u64, _p, _sz),
        "multivariate_normal": (_p, _p, _sz)}.items():
    SIGNATURES["repro_fill_" + _name] = (c_int, (_p, _p, _sz) + _params)
SIGNATURES.update({
    "repro_alias_size": (_sz, (_sz,)),
    "repro_alias_init": (c_int, (_p, _sz, _p, _sz)),
    "repro_choice_without_replacement": (c_int, (_p, _p, _sz, _u64)),
    "repro_choice_weighted_without_replacement": (c_int, (_p, _p, _sz, _p, _sz, _p)),
    "repro_mvnormal_factor": (c_int, (_p, _sz, _p)),
})
del _params

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


# Argument checks shared by the bindings, before anything reaches C: a wrong type is a
# TypeError, a wrong value a ValueError (as ReproError is).
def int_arg(value, what):
    """value as a Python int: an int or an integer type (anything with __index__, such
    as numpy's integers), never a bool (numpy's bools have __index__ too); else
    TypeError."""
    if isinstance(value, bool) or not hasattr(type(value), "__index__") or \
            getattr(getattr(value, "dtype", None), "kind", None) == "b":
        raise TypeError("%s must be an integer, not %s" % (what, type(value).__name__))
    return operator.index(value)


def u64_arg(value, what):
    """value as an int in [0, 2**64): TypeError for a non-integer, else ValueError
    when out of range."""
    v = int_arg(value, what)
    if not 0 <= v < U64_LIMIT:
        raise ValueError("%s must be in [0, 2**64), got %d" % (what, v))
    return v


def real_arg(value, what):
    """value as a float: an int, a float or another real number (Fraction, Decimal,
    numpy's scalars), never a bool or a string (TypeError); an int beyond the doubles
    is a ValueError."""
    kind = type(value)
    if isinstance(value, (bool, str, bytes)) or not (hasattr(kind, "__float__")
                                                     or hasattr(kind, "__index__")):
        raise TypeError("%s must be a real number, not %s" % (what, kind.__name__))
    try:
        return float(value)
    except OverflowError:
        raise ValueError("%s is too large for a double" % what) from None


def text_arg(value, what):
    """value itself when it is a str without NUL (C would stop reading at a NUL):
    TypeError for another type, ValueError for a NUL."""
    if not isinstance(value, str):
        raise TypeError("%s must be a str, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise ValueError("%s contains a NUL character at index %d"
                         % (what, value.index("\0")))
    return value
