#!/usr/bin/env bash
# Runs the Python binding tests under one interpreter, from the repository root:
# pytest when that interpreter has it (and mode is not "unittest"), else unittest.
# Both print a closing summary line and exit non-zero on any failure.
# Usage: tests/python/run.sh PYTHON [auto|unittest]
set -u
py=$1 mode=${2:-auto}
cd "$(dirname "$0")/../.." || exit 1
command -v "$py" >/dev/null || { echo "$py: not found (install Debian's python3-numpy, python3-pytest: make deps)" >&2; exit 1; }
export PYTHONPATH=bindings/python${PYTHONPATH:+:$PYTHONPATH} PYTHONDONTWRITEBYTECODE=1
if [ "$mode" != unittest ] && "$py" -c "import pytest" 2>/dev/null; then
    exec "$py" -m pytest -q -p no:cacheprovider tests/python
fi
exec "$py" -m unittest discover -s tests/python -t tests/python
