# numpy / JAX compatibility modes: src/compat/, tests/test_compat_*.c
# (built and run by check-c like every cmocka test), the CLI's numpy and jax commands.

## vectors-numpy   write missing tests/vectors/numpy_*.txt from Debian's numpy; existing (frozen) ones are only compared
## check-compat    the numpy/jax CLI commands against live numpy and JAX's known answers
## check-numpy-vectors  the frozen numpy vectors still match this machine's numpy (as vectors-numpy)

.PHONY: vectors-numpy check-compat check-numpy-vectors

NUMPY_PYTHON ?= /usr/bin/python3


check-compat: cli
	bash tests/test_compat_cli.sh $(CLI_BIN)

# The header line names the numpy version; the data lines must be identical.
NUMPY_SAME = diff -q <(grep -v '^\#' "$$new") <(grep -v '^\#' "$$old") >/dev/null
vectors-numpy check-numpy-vectors:
	@rm -rf $(BUILD)/numpy-vectors && mkdir -p $(BUILD)/numpy-vectors
	$(NUMPY_PYTHON) tools/gen_numpy_vectors.py $(BUILD)/numpy-vectors
	$(call frozen_vectors,$@,$(BUILD)/numpy-vectors,numpy_*.txt,$(NUMPY_SAME))

check: check-compat
