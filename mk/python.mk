# Python bindings (bindings/python, ctypes): tests under two interpreters, the
# offline pip install, the benchmark.

## check-python    Python binding tests: python3 (unittest, no numpy) and /usr/bin/python3 (numpy, pytest, torch, cloudpickle)
## check-python-install  pip install bindings/python offline into fresh venvs: the wheel bundles the C library (or, bundle=0, finds the installed one)
## bench-python    Python vs C fill of 10^7 doubles into numpy, per-call overhead of single draws

PYTHON ?= python3
PYTHON_NUMPY ?= /usr/bin/python3
PY_LIBRARY = $(abspath $(BUILD)/lib/$(SHARED_SONAME))
DEB_PACKAGES_EXTRA += python3-venv python3-setuptools python3-wheel python3-cloudpickle python3-torch

.PHONY: check-python check-python-install bench-python

check: check-python check-python-install
bench: bench-python

check-python: $(BUILD)/lib/$(SHARED_SONAME)
	@echo "== Python bindings: $(PYTHON) (unittest)"
	@REPRO_RNG_LIBRARY=$(PY_LIBRARY) bash tests/python/run.sh $(PYTHON) unittest
	@echo "== Python bindings: $(PYTHON_NUMPY) (numpy, torch, cloudpickle required)"
	@REPRO_RNG_LIBRARY=$(PY_LIBRARY) REPRO_RNG_REQUIRE_NUMPY=1 bash tests/python/run.sh $(PYTHON_NUMPY)

check-python-install: $(SHARED_LIBS)
	@bash tests/python/check_install.sh "$(MAKE)" "$(abspath $(BUILD))" $(PYTHON) $(PYTHON_NUMPY)

bench-python: $(BUILD)/lib/$(SHARED_SONAME)
	REPRO_RNG_LIBRARY=$(PY_LIBRARY) PYTHONPATH=bindings/python PYTHONDONTWRITEBYTECODE=1 \
	    $(PYTHON_NUMPY) bench/bench_python.py
