"""Shared helpers for the ML integration tests (run by `make check-ml`)."""

import importlib
import os
import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
try:
    import repro_rng  # noqa: F401  (PYTHONPATH or an installed package)
except ImportError:
    sys.path.insert(0, str(REPO / "bindings" / "python"))

# Set by `make check-ml`: torch, dask, distributed and cloudpickle (Debian packages
# that `make deps` installs) must then be there; a missing one fails, never skips.
REQUIRED = os.environ.get("REPRO_RNG_REQUIRE_ML") == "1"


def require(name):
    """The module; without it, skip the test module (or fail when required)."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        if REQUIRED:
            raise AssertionError("%s is required here (REPRO_RNG_REQUIRE_ML=1; "
                                 "`make deps` installs it): %s" % (name, exc)) from None
        raise unittest.SkipTest("%s is not importable" % name)
