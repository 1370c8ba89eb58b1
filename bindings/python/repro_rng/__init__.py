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

__version__ = "0.3.0"
__all__ = ["MAJOR", "Seed", "Stream", "Permutation", "BitGenerator", "Generator",
           "default_rng", "ReproError",
           "seed_everything", "library_path", "library_version", "isa", "set_isa", "isas",
           "ALGORITHMS"]


def _algorithm_names():
    """The contract names of the library's algorithms, values 1, 2, ... in order."""
    names = []
    while True:
        name = _clib.repro_algorithm_name(len(names) + 1)
        if not name:
            return tuple(names)
        names.append(name.decode("ascii"))


ALGORITHMS = _algorithm_names()


def library_path():
    """The path of the librepro_rng that was loaded."""
    return _clib_path


def library_version():
    """repro_version() of the loaded library, e.g. "0.1.0"."""
    return _clib.repro_version().decode("ascii")


def isa():
    """The SIMD instruction set the library's bulk fills use ("avx2", "scalar", ...)."""
    return _clib.repro_isa_name().decode("ascii")


def isas(supported=True):
    """The ISAs this CPU and build can run, or with supported=False every one the
    library knows by name: "scalar" first, then in order of preference (the fastest
    last).  Each is a name set_isa accepts."""
    names = [_clib.repro_isa_name_at(i) for i in range(_clib.repro_isa_count())]
    return [n.decode("ascii") for n in names if not supported or _clib.repro_isa_supported(n)]


def set_isa(name):
    """Selects the ISA for bulk fills (a name of isas(), or "best"); never changes a
    number, only speed.  ReproError when unknown or not
    supported by this CPU; TypeError unless a str."""
    name = text_arg(name, "ISA name")
    check(_clib.repro_set_isa(name.encode("utf-8")), context=name)
