"""seed_everything: one root seed for every random number generator in the process."""

import importlib
import os
import random
import sys

from ._lib import lib
from ._seed import as_seed
from ._stream import Stream

_U64, _U32, _I63 = (1 << 64) - 1, (1 << 32) - 1, (1 << 63) - 1

# The generators seeded when their module is in use: (name, value mask, setter).
_OPTIONAL = (
    ("numpy", _U32, lambda m, v: m.random.seed(v)),       # the legacy global state
    ("torch", _U64, lambda m, v: m.manual_seed(v)),        # CPU and every device
    ("tensorflow", _I63, lambda m, v: m.random.set_seed(v)),
)
_NAMES = tuple(name for name, _, _ in _OPTIONAL)


def _deterministic_torch(torch):
    """torch's switches for reproducible kernels (CUDA's cuBLAS needs the workspace
    setting before its first use; on the CPU only use_deterministic_algorithms acts)."""
    os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")
    torch.use_deterministic_algorithms(True)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


def _contract():
    """The contract the loaded library implements: the prefix of its saved states."""
    return Stream(0).save().split(":", 1)[0]


def seed_everything(seed, path="", *, libraries=None, deterministic=False):
    """Seeds Python's `random`, and numpy's legacy global state, torch and tensorflow
    when they are already imported (or named in libraries, which imports them), each
    from its own child of as_seed(seed).path(path): the child named "random",
    "numpy", "torch" or "tensorflow".  Each library gets the child's first 64-bit
    word, cut to what its seeding function accepts (numpy's legacy seed: the low 32
    bits; tensorflow: the low 63 bits).  Nothing is imported that the program did not
    import, so a program without torch never pays for loading it.

    deterministic=True also sets torch's deterministic-algorithm switches
    (torch.use_deterministic_algorithms(True), cudnn.deterministic, no cudnn
    benchmark, CUBLAS_WORKSPACE_CONFIG unless set); it implies torch.

    Returns the record of what was set, JSON-serialisable for experiment tracking
    (MLflow / W&B parameters): {"root": hex, "path": path, "seed": hex of the derived
    seed, "random": int, "numpy" / "torch" / "tensorflow": int for those seeded,
    "deterministic": bool, "version": the library version, "contract": "rr1",
    "isa": the SIMD level of the bulk fills}."""
    wanted = set(_library_names(libraries))
    if deterministic:
        wanted.add("torch")
    root = as_seed(seed)
    base = root.path(path)
    record = {"root": root.hex(), "path": path, "seed": base.hex()}

    def value(name, mask):
        record[name] = base.named(name).words[0] & mask
        return record[name]

    random.seed(value("random", _U64))
    for name, mask, setter in _OPTIONAL:
        module = sys.modules.get(name)
        if module is None and name in wanted:
            module = importlib.import_module(name)
        if module is not None:
            setter(module, value(name, mask))
    if deterministic:
        _deterministic_torch(sys.modules["torch"])
    record["deterministic"] = bool(deterministic)
    record["version"] = lib.repro_version().decode("ascii")
    record["contract"] = _contract()
    record["isa"] = lib.repro_isa_name().decode("ascii")
    return record


def _library_names(libraries):
    if libraries is None:
        return ()
    if isinstance(libraries, str):
        libraries = (libraries,)
    names = tuple(libraries)
    for name in names:
        if not isinstance(name, str):
            raise TypeError("libraries must be names (str), not %s" % type(name).__name__)
        if name not in _NAMES:
            raise ValueError("libraries names %r; seed_everything knows %s"
                             % (name, ", ".join(_NAMES)))
    return names
