# Shuffles and random-access permutations (src/shuffle/): golden vectors, their
# independent check, and the permutation benchmark.

## bench-perm      permutation at()/fill() throughput (target: >= 20 M indices/s)
## check-perm-ref  tests/vectors/perm.txt against tools/perm_ref.py (independent Python)
## perm-vectors    write tests/vectors/perm.txt if missing; the existing (frozen) file is only compared

.PHONY: bench-perm check-perm-ref perm-vectors

check: check-perm-ref

check-perm-ref:
	python3 tools/perm_ref.py tests/vectors/perm.txt

$(BUILD)/bench/bench_perm: bench/bench_perm.c $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $< $(STATIC_LIB) $(LDFLAGS) -o $@

bench-perm: $(BUILD)/bench/bench_perm
	$(BUILD)/bench/bench_perm

$(BUILD)/tools/gen_perm_vectors: tools/gen_perm_vectors.c $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $< $(STATIC_LIB) $(LDFLAGS) -o $@

perm-vectors: $(BUILD)/tools/gen_perm_vectors
	@rm -rf $(BUILD)/perm-vectors && mkdir -p $(BUILD)/perm-vectors
	@$< > $(BUILD)/perm-vectors/perm.txt
	$(call frozen_vectors,perm-vectors,$(BUILD)/perm-vectors,perm.txt)
