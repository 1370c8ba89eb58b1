# Deterministic math (src/math/) and distributions (src/dist/): accuracy check,
# statistical and golden-vector tests, numpy benchmark.

# sqrt must compile to the IEEE instruction, never a libm call (errno handling).
$(BUILD)/obj/src/math/%.o $(BUILD)/obj/src/dist/%.o: LIB_CFLAGS += -fno-math-errno

# mpmath runs several times faster with gmpy2 underneath (Debian python3-gmpy2).
DEB_PACKAGES_EXTRA += python3-gmpy2

# Python with mpmath for the accuracy tool: Debian's (with gmpy2, faster) when present.
MATH_PYTHON ?= $(shell /usr/bin/python3 -c 'import mpmath' 2>/dev/null && echo /usr/bin/python3 || echo python3)
MATH_POINTS ?= 1000000

$(BUILD)/tools/math_driver: tools/math_driver.c $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $< $(STATIC_LIB) $(LDFLAGS) -o $@

.PHONY: check-math check-math-quick check-dist-vectors
## check-math      accuracy of repro_math_* vs mpmath, 10^6 points each (MATH_POINTS=)
check-math: $(BUILD)/tools/math_driver
	$(MATH_PYTHON) tools/math_accuracy.py $< --points $(MATH_POINTS)

# The same measurement on 5 * 10^4 points per function (about 15 s), part of check.
## check-math-quick  check-math on 5*10^4 points per function (run by make check)
check-math-quick: $(BUILD)/tools/math_driver
	@$(MATH_PYTHON) tools/math_accuracy.py $< --points 50000

## check-dist-vectors  frozen normal/exponential vectors vs tools/spec_ref.py + mpmath
check-dist-vectors:
	@$(MATH_PYTHON) tools/math_check_vectors.py

check: check-math-quick check-dist-vectors

# Golden vectors of the distributions: written once, then frozen (compared only).
$(BUILD)/tools/gen_dist_vectors: tools/gen_dist_vectors.c $(VECTORS_OBJ) $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $< $(VECTORS_OBJ) $(STATIC_LIB) $(LDFLAGS) -o $@

.PHONY: dist-vectors
## dist-vectors    write missing tests/vectors/dist_*.txt; existing (frozen) ones are only compared
dist-vectors: $(BUILD)/tools/gen_dist_vectors
	@rm -rf $(BUILD)/dist-vectors && mkdir -p $(BUILD)/dist-vectors
	@$< $(BUILD)/dist-vectors
	$(call frozen_vectors,dist-vectors,$(BUILD)/dist-vectors,dist_*.txt)

# numpy's normals against repro_fill_normal, same process (Debian python3-numpy).
BENCH_PYTHON ?= /usr/bin/python3
.PHONY: bench-dist
## bench-dist      repro_fill_normal (every ISA) vs numpy Philox/SFC64, and every law vs numpy PCG64
bench-dist: shared
	$(BENCH_PYTHON) bench/bench_normal_numpy.py $(SHARED_REAL)
	$(BENCH_PYTHON) bench/bench_dist_numpy.py $(SHARED_REAL)

bench: bench-dist

# The vector math header is compiled into the kernels (SIMD tables, the laws' scalar
# transforms) and its test: sqrt must be the instruction there too.
$(BUILD)/obj/src/kernels/%.o: LIB_CFLAGS += -fno-math-errno
$(BUILD)/tests/test_math_vec: BASE_CFLAGS += -fno-math-errno

# Under valgrind the statistical tests run 10^5 draws per case instead of 10^6.
check-valgrind: export REPRO_TEST_FAST := 1
