# libFuzzer targets (tests/fuzz/fuzz_*.c) for the parsers that take untrusted text:
# repro_stream_load, repro_seed_path, repro_seed_from_hex.  Needs clang with
# compiler-rt (Debian libclang-rt-14-dev).  Each target runs FUZZ_SECONDS from the
# seed corpus in tests/fuzz/corpus/<target>/; new inputs go to $(BUILD)/fuzz/work/,
# never into the repository.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 20
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_TARGETS := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_LIB := $(BUILD)/fuzz/lib/librepro_rng.a

.PHONY: fuzz fuzz-build
## fuzz            libFuzzer (ASan+UBSan) on state/path/hex parsing, FUZZ_SECONDS=20 each

# The library once more, instrumented for coverage and sanitizers (scalar only).
$(FUZZ_LIB): $(LIB_SRC) $(wildcard include/*.h src/*/*.h src/*/*/*.h)
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=$(FUZZ_CC) SIMD_ISAS= \
	    CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link $(FUZZ_SAN)" static

$(BUILD)/fuzz/bin/%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_common.h $(FUZZ_LIB)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -O1 -g $(WARNFLAGS) -Iinclude -fsanitize=fuzzer $(FUZZ_SAN) \
	    $< $(FUZZ_LIB) -o $@

fuzz-build: $(FUZZ_TARGETS:%=$(BUILD)/fuzz/bin/%)

fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(BUILD)/fuzz/work/$$t; \
	    echo "== fuzz $$t ($(FUZZ_SECONDS) s)"; \
	    if $(BUILD)/fuzz/bin/$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	        -artifact_prefix=$(BUILD)/fuzz/ $(BUILD)/fuzz/work/$$t tests/fuzz/corpus/$$t \
	        > $(BUILD)/fuzz/$$t.log 2>&1; then \
	        grep -E '^stat::number_of_executed_units' $(BUILD)/fuzz/$$t.log; \
	    else \
	        tail -n 40 $(BUILD)/fuzz/$$t.log; \
	        echo "fuzz $$t FAILED: crash input under $(BUILD)/fuzz/" >&2; exit 1; \
	    fi; \
	done; echo "fuzz: every target ran $(FUZZ_SECONDS) s without a finding"
