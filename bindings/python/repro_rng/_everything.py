"""seed_everything: one root seed for every random number generator in the process."""

import importlib
import random

from ._seed import as_seed

_U64, _U32, _I63 = (1 << 64) - 1, (1 << 32) - 1, (1 << 63) - 1

# The generators seeded when their module imports: (name, value mask, setter).
_OPTIONAL = (
    ("numpy", _U32, lambda m, v: m.random.seed(v)),       # the legacy global state
    ("torch", _U64, lambda m, v: m.manual_seed(v)),        # CPU and every device
    ("tensorflow", _I63, lambda m, v: m.random.set_seed(v)),
)


def seed_everything(seed, path=""):
    """Seeds Python's `random`, numpy's legacy global state and, when importable,
    torch and tensorflow, each from its own child of as_seed(seed).path(path):
    the child named "random", "numpy", "torch" or "tensorflow".  Each library gets the
    child's first 64-bit word, cut to what its seeding function accepts (numpy's
    legacy seed: the low 32 bits; tensorflow: the low 63 bits).

    Returns the record of what was set, for experiment tracking:
    {"root": hex, "path": path, "seed": hex of the derived seed, "random": int,
     "numpy": int, "torch": int, "tensorflow": int}, the last three only when the
    library could be imported."""
    root = as_seed(seed)
    base = root.path(path)
    record = {"root": root.hex(), "path": path, "seed": base.hex()}

    def value(name, mask):
        record[name] = base.named(name).words[0] & mask
        return record[name]

    random.seed(value("random", _U64))
    for name, mask, setter in _OPTIONAL:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        setter(module, value(name, mask))
    return record
