"""Shared helpers for the Python binding tests (run by `make check-python`)."""

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

# Set by `make check-python` for the interpreter that has numpy: a missing numpy is
# then a failure, never a silently skipped check.
REQUIRE_NUMPY = os.environ.get("REPRO_RNG_REQUIRE_NUMPY") == "1"


def numpy_or_skip():
    """The numpy module; without it, skip the test (or fail when numpy is required)."""
    try:
        import numpy
    except ImportError:
        if REQUIRE_NUMPY:
            raise AssertionError("numpy is required here (REPRO_RNG_REQUIRE_NUMPY=1)")
        raise unittest.SkipTest("numpy is not importable")
    return numpy


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
