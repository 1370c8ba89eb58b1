# Statistical quality with dieharder; tests/cross/quality.sh says
# what is fed in and what passes.  The raw words come from `repro-rng raw`.

## quality         dieharder -a on each algorithm and on 64 interleaved sibling streams (21-30 min EACH on a Zen 4 core, 36 on Zen 3: 7 streams, 2.5-4 h; not in CI; results in docs/QUALITY.md)
## quality-quick   the dieharder subset -d 0 -d 15 -d 100 -d 101 -d 206 on the same 7 streams (about 2.5 min on 2 busy cores)

.PHONY: quality quality-quick
QUALITY_QUICK_TESTS := 0 15 100 101 206

quality: $(BUILD)/bin/repro-rng
	@bash tests/cross/quality.sh $(BUILD)/quality $(BUILD)/bin/repro-rng all

quality-quick: $(BUILD)/bin/repro-rng
	@bash tests/cross/quality.sh $(BUILD)/quality-quick $(BUILD)/bin/repro-rng $(QUALITY_QUICK_TESTS)
