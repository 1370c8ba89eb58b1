# ML integrations (bindings/python/repro_rng/torch.py and dask.py): their tests, which
# need torch, dask and distributed (Debian packages: `make deps`), the two examples,
# and the sampler benchmark.

## check-ml        repro_rng.torch / .dask tests (torch, dask, distributed required), examples/torch_train.py, examples/dask_array.py
## bench-torch     EpochSampler vs torch's DistributedSampler, one epoch at n = 10^6

DEB_PACKAGES_EXTRA += python3-torch python3-dask python3-distributed python3-cloudpickle
ML_ENV = REPRO_RNG_LIBRARY=$(PY_LIBRARY) PYTHONPATH=bindings/python:tests/ml PYTHONDONTWRITEBYTECODE=1

.PHONY: check-ml bench-torch

check: check-ml
bench: bench-torch

check-ml: $(BUILD)/lib/$(SHARED_SONAME)
	@echo "== ML integrations: $(PYTHON_NUMPY) (torch, dask, distributed required)"
	@$(ML_ENV) REPRO_RNG_REQUIRE_ML=1 timeout 900 $(PYTHON_NUMPY) -m pytest -q -p no:cacheprovider tests/ml
	@echo "== examples/torch_train.py"
	@$(ML_ENV) timeout 300 $(PYTHON_NUMPY) examples/torch_train.py
	@echo "== examples/dask_array.py"
	@$(ML_ENV) timeout 300 $(PYTHON_NUMPY) examples/dask_array.py

bench-torch: $(BUILD)/lib/$(SHARED_SONAME)
	$(ML_ENV) $(PYTHON_NUMPY) bench/bench_torch.py
