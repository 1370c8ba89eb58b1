# numpy / JAX compatibility modes (issue 9): src/compat/, tests/test_compat_*.c
# (built and run by check-c like every cmocka test), the CLI's numpy and jax commands.

## vectors-numpy   rewrite tests/vectors/numpy_*.txt from Debian's numpy (then frozen)
## check-compat    the numpy/jax CLI commands against live numpy and JAX's known answers
## check-numpy-vectors  the frozen numpy vectors still match this machine's numpy

.PHONY: vectors-numpy check-compat check-numpy-vectors

NUMPY_PYTHON ?= /usr/bin/python3

vectors-numpy:
	$(NUMPY_PYTHON) tools/gen_numpy_vectors.py

check-compat: cli
	bash tests/test_compat_cli.sh $(CLI_BIN)

# The header line names the numpy version; the data lines must be identical.
check-numpy-vectors:
	@mkdir -p $(BUILD)/numpy-vectors
	$(NUMPY_PYTHON) tools/gen_numpy_vectors.py $(BUILD)/numpy-vectors
	@for f in numpy_seedseq.txt numpy_philox.txt; do \
	    diff <(grep -v '^#' tests/vectors/$$f) <(grep -v '^#' $(BUILD)/numpy-vectors/$$f) \
	        || { echo "$$f differs from this numpy's output" >&2; exit 1; }; \
	done; echo "numpy vectors: identical"

check: check-compat
