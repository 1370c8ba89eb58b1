"""Shared helpers for the Python binding tests (run by `make check-python`)."""

import ctypes
import importlib
import os
import sys
import unittest
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "tests" / "vectors"
try:
    import repro_rng  # noqa: F401  (PYTHONPATH or an installed package)
except ImportError:
    sys.path.insert(0, str(REPO / "bindings" / "python"))

# Set by `make check-python` for the interpreter that has Debian's numpy and the
# optional packages the tests use (python3-torch, python3-cloudpickle; `make deps`
# installs them): a missing one is then a failure, never a silently skipped check.
REQUIRE_NUMPY = os.environ.get("REPRO_RNG_REQUIRE_NUMPY") == "1"


def module_or_skip(name):
    """The module; without it, skip the test (or fail when REQUIRE_NUMPY)."""
    try:
        return importlib.import_module(name)
    except ImportError:
        if REQUIRE_NUMPY:
            raise AssertionError("%s is required here (REPRO_RNG_REQUIRE_NUMPY=1; "
                                 "install python3-%s: make deps)" % (name, name))
        raise unittest.SkipTest("%s is not importable" % name)


def numpy_or_skip():
    return module_or_skip("numpy")


def vector_records(name):
    """The records of tests/vectors/<name>: lists of fields, comments skipped.
    A missing or empty file is a failure."""
    path = VECTORS / name
    if not path.is_file():
        raise AssertionError("golden vector file %s is missing" % path)
    records = [line.split() for line in path.read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    if not records:
        raise AssertionError("golden vector file %s has no records" % path)
    return records


def spy_fill_pointers(test):
    """Wraps the bindings' repro_fill_* calls: each asserts its output pointer is
    aligned for the element type; returns the list of pointers seen."""
    from repro_rng import _stream
    real, seen = _stream.lib, []

    class Spy:
        def __getattr__(self, name):
            fn = getattr(real, name)
            if not name.startswith("repro_fill_"):
                return fn
            kind = name[len("repro_fill_"):].replace("_at", "")
            draw = _stream._DRAWS.get(kind)
            align = ctypes.alignment(_stream._KINDS[draw][2]) if draw else 1

            def call(*args):
                test.assertEqual(args[-2] % align, 0, "%s: misaligned pointer" % name)
                seen.append(args[-2])
                return fn(*args)
            return call
    _stream.lib = Spy()
    test.addCleanup(setattr, _stream, "lib", real)
    return seen
