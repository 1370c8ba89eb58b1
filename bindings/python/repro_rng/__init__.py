"""repro_rng: reproducible counter-based random numbers (ctypes bindings of librepro_rng).

The same seed, path and calls give the same numbers in Python as in C, on every
platform:

    >>> import repro_rng
    >>> rng = repro_rng.default_rng(42, path="train/#3")   # numpy's Generator API
    >>> z = rng.normal(0.0, 2.0, size=(3, 4))               # our laws, same bits as C
    >>> s = repro_rng.Stream(repro_rng.Seed(42).path("train/#3"))
    >>> x = s.double(1000)            # numpy array (array.array without numpy)

See the README in bindings/python for loading rules and the numpy interop.
"""

from ._lib import MAJOR, ReproError, check, text_arg
from ._lib import lib as _clib
from ._lib import path as _clib_path
from ._seed import Seed
from ._stream import Permutation, Stream
from ._bitgen import BitGenerator
from ._generator import Generator, default_rng
from ._everything import seed_everything

__version__ = "0.2.0"
__all__ = ["MAJOR", "Seed", "Stream", "Permutation", "BitGenerator", "Generator",
           "default_rng", "ReproError",
           "seed_everything", "library_path", "library_version", "isa", "set_isa",
           "ALGORITHMS"]

ALGORITHMS = ("philox4x32-10", "philox2x64-10", "philox4x64-10", "threefry2x64-20",
              "threefry4x32-20", "threefry4x64-20")


def library_path():
    """The path of the librepro_rng that was loaded."""
    return _clib_path


def library_version():
    """repro_version() of the loaded library, e.g. "0.1.0"."""
    return _clib.repro_version().decode("ascii")


def isa():
    """The SIMD instruction set the library's bulk fills use ("avx2", "scalar", ...)."""
    return _clib.repro_isa_name().decode("ascii")


def set_isa(name):
    """Selects the ISA for bulk fills ("scalar", "sse2", "avx2", "avx512", "neon" or
    "best"); never changes a number, only speed.  ReproError when unknown or not
    supported by this CPU; TypeError unless a str."""
    name = text_arg(name, "ISA name")
    check(_clib.repro_set_isa(name.encode("utf-8")), context=name)
