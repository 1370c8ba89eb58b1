# SIMD dispatch checks and the C benchmarks (simd area).
.PHONY: bench bench-single check-tsan check-simd-qemu check-simd-neon

## bench           fill rates per algorithm x fill x ISA, Random123 and memset, seed derivations: BUILD/bench/results.csv (+ chart)
BENCH_BIN := $(BUILD)/bench/bench_fill
# The benchmark builds with the library's flags; Random123's headers come from the
# system include path (Debian librandom123-dev).
$(BENCH_BIN): bench/bench_fill.c bench/bench_util.h $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $< $(STATIC_LIB) $(LDFLAGS) -lm -o $@

bench: $(BENCH_BIN)
	$(BENCH_BIN) $(BUILD)/bench/results.csv
	@if command -v gnuplot >/dev/null; then \
	    bash bench/plot.sh $(BUILD)/bench/results.csv $(BUILD)/bench/results.svg; \
	 else echo "gnuplot not installed: no chart"; fi

## bench-single    one draw at a time: next_* inlined and through a pointer beside Random123's hand loop and the fills; numpy's Generator on a stream vs PCG64/SFC64/Philox
BENCH_SINGLE_BIN := $(BUILD)/bench/bench_single
$(BENCH_SINGLE_BIN): bench/bench_single.c bench/bench_util.h $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $< $(STATIC_LIB) $(LDFLAGS) -lm -o $@

# The numpy part runs the bindings on this build's shared library (mk/python.mk).
bench-single: $(BENCH_SINGLE_BIN) $(BUILD)/lib/$(SHARED_SONAME)
	$(BENCH_SINGLE_BIN)
	REPRO_RNG_LIBRARY=$(PY_LIBRARY) PYTHONPATH=bindings/python PYTHONDONTWRITEBYTECODE=1 \
	    $(PYTHON_NUMPY) bench/bench_single_numpy.py

## check-tsan      the dispatch thread test (and the SIMD suite) under ThreadSanitizer
check-tsan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/tsan CFLAGS="-O2 -g -fsanitize=thread" \
	    LDFLAGS="-fsanitize=thread" $(BUILD)/tsan/tests/test_simd_threads $(BUILD)/tsan/tests/test_simd
	TSAN_OPTIONS="halt_on_error=1 abort_on_error=1" $(BUILD)/tsan/tests/test_simd_threads
	TSAN_OPTIONS="halt_on_error=1 abort_on_error=1" $(BUILD)/tsan/tests/test_simd

## check-simd-qemu the x86 dispatch under qemu -cpu qemu64 (no AVX: sse2 is best) and -cpu max
check-simd-qemu: $(BUILD)/tests/test_simd $(BUILD)/tests/list_isas
	@bash tests/check_simd_qemu.sh $(BUILD)/tests

## check-simd-neon the SIMD suite built for aarch64, NEON against scalar under qemu-aarch64
# Needs gcc-aarch64-linux-gnu, qemu-user-static and libcmocka-dev:arm64
# (dpkg --add-architecture arm64 first).
NEON_BUILD := $(BUILD)/neon
check-simd-neon:
	@$(MAKE) --no-print-directory BUILD=$(NEON_BUILD) CC=aarch64-linux-gnu-gcc AR=aarch64-linux-gnu-ar static
	aarch64-linux-gnu-gcc $(BASE_CFLAGS) -Itests tests/test_simd.c $(NEON_BUILD)/lib/librepro_rng.a \
	    -lcmocka -lm -lpthread -o $(NEON_BUILD)/test_simd
	export REPRO_TEST_EMULATOR="qemu-aarch64-static -L /usr/aarch64-linux-gnu"; \
	for isa in scalar neon; do REPRO_RNG_ISA=$$isa $$REPRO_TEST_EMULATOR $(NEON_BUILD)/test_simd || exit 1; done

DEB_PACKAGES_EXTRA += qemu-user-static gcc-aarch64-linux-gnu
test: check-tsan check-simd-qemu
