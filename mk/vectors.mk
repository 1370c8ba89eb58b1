# Golden stream vectors (tests/vectors/stream_*.txt, written by tools/gen_vectors.c)
# and the independent Python reference of the contract (tools/spec_ref.py) that
# checks them, the seed vectors and the stream-word vectors.

SPEC_PYTHON ?= python3

$(BUILD)/tools/gen_vectors: tools/gen_vectors.c $(VECTORS_OBJ) $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $< $(VECTORS_OBJ) $(STATIC_LIB) $(LDFLAGS) -o $@

.PHONY: vectors check-spec-ref
## vectors         write missing tests/vectors/stream_*.txt; existing (frozen) ones are only compared
vectors: $(BUILD)/tools/gen_vectors
	@rm -rf $(BUILD)/vectors && mkdir -p $(BUILD)/vectors
	@$< $(BUILD)/vectors
	$(call frozen_vectors,vectors,$(BUILD)/vectors,stream_*.txt)

## check-spec-ref  tools/spec_ref.py: contract section 5 examples, Random123 KATs, vector files, every golden record
check-spec-ref:
	@$(SPEC_PYTHON) tools/spec_ref.py selfcheck
	@$(SPEC_PYTHON) tools/spec_ref.py seeds | cmp - tests/vectors/seeds.txt
	@$(SPEC_PYTHON) tools/spec_ref.py words | cmp - tests/vectors/ref_words.txt
	@$(SPEC_PYTHON) tools/spec_ref.py verify tests/vectors/stream_*.txt
	@$(SPEC_PYTHON) tools/spec_ref.py verify tests/vectors/dist_*.txt

check: check-spec-ref
