# The repro-rng command-line tool (src/cli/), its man page and docs checks, and the
# quick-start demo.

## cli             build the repro-rng tool, BUILD/bin/repro-rng (part of all)
## check-cli       the CLI's tests (tests/cli/test_cli.sh) and the docs check (part of check)
## check-docs      every REPRO_API function of the header is documented in docs/API.md (error codes with their values)
## check-cli-cross the CLI tests on big-endian s390x and on aarch64 (NEON) under qemu-user
## demo            build the CLI and run examples/quickstart.sh (per-worker streams)
## install-cli     install repro-rng to BINDIR (install-man: its man page to MANDIR; both part of install)

.PHONY: cli check-cli check-cli-cross check-docs demo install-cli install-man uninstall-cli cli-always

CLI_BIN := $(BUILD)/bin/repro-rng
CLI_SRC := $(wildcard src/cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/obj/%.o)
CLI_CFLAGS := $(BASE_CFLAGS) -Isrc/cli

# Known answers built into `repro-rng selftest` (checked by src/vectors/, which reads
# every kind): Random123's KATs and the golden vectors of contract rr1 (seeds, paths,
# stream words and draws, distributions, permutations and shuffles).
CLI_VECTORS := tests/kat/kat_vectors.txt \
    $(sort $(wildcard tests/vectors/seeds.txt tests/vectors/ref_words.txt \
                      tests/vectors/stream_*.txt tests/vectors/dist_*.txt \
                      tests/vectors/perm.txt))
CLI_EMBED_C := $(BUILD)/gen/cli_embedded.c
CLI_EMBED_LIST := $(BUILD)/gen/cli_embedded.list

all: cli
cli: $(CLI_BIN)

$(BUILD)/obj/src/cli/%.o: src/cli/%.c
	@mkdir -p $(@D)
	$(CC) $(CLI_CFLAGS) -MMD -MP -c $< -o $@

# The list of embedded files is rewritten only when it changes, so that adding or
# removing a vector file regenerates the embedded data.
$(CLI_EMBED_LIST): cli-always
	@mkdir -p $(@D)
	@echo '$(CLI_VECTORS)' | cmp -s - $@ 2>/dev/null || echo '$(CLI_VECTORS)' > $@
cli-always:

$(CLI_EMBED_C): tools/embed_files.sh $(CLI_VECTORS) $(CLI_EMBED_LIST)
	@mkdir -p $(@D)
	sh tools/embed_files.sh $(CLI_VECTORS) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/gen/cli_embedded.o: $(CLI_EMBED_C) src/cli/embedded.h
	@mkdir -p $(@D)
	$(CC) $(CLI_CFLAGS) -c $< -o $@

$(CLI_BIN): $(CLI_OBJ) $(BUILD)/obj/gen/cli_embedded.o $(VECTORS_OBJ) $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/obj/gen/cli_embedded.o $(VECTORS_OBJ) \
	    $(STATIC_LIB)

check-cli: $(CLI_BIN) check-docs
	@bash tests/cli/test_cli.sh $(CLI_BIN)

check-docs:
	@bash tests/check_docs.sh include/repro_rng.h docs/API.md docs/repro-rng.1 src/cli/commands.def

check: check-cli

# Static cross builds of the tool (Debian gcc-<triple>-linux-gnu, qemu-user-static),
# each run through a one-line qemu wrapper by the same test script.
CLI_CROSS_TARGETS ?= s390x aarch64
check-cli-cross:
	@set -e; for t in $(CLI_CROSS_TARGETS); do \
	    d=$(abspath $(BUILD))/cli-$$t; \
	    echo "== repro-rng on $$t (qemu-$$t-static)"; \
	    $(MAKE) --no-print-directory -s BUILD=$$d CC=$$t-linux-gnu-gcc AR=$$t-linux-gnu-ar \
	        LDFLAGS=-static $$d/bin/repro-rng; \
	    printf '#!/bin/sh\nexec qemu-%s-static %s "$$@"\n' $$t $$d/bin/repro-rng > $$d/repro-rng-qemu; \
	    chmod +x $$d/repro-rng-qemu; \
	    bash tests/cli/test_cli.sh $$d/repro-rng-qemu; \
	done

demo: $(CLI_BIN)
	@bash examples/quickstart.sh $(CLI_BIN)

install: install-cli install-man

install-cli: $(CLI_BIN)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(CLI_BIN) $(DESTDIR)$(BINDIR)/

install-man:
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 docs/repro-rng.1 $(DESTDIR)$(MANDIR)/man1/

uninstall: uninstall-cli
uninstall-cli:
	rm -f $(DESTDIR)$(BINDIR)/repro-rng $(DESTDIR)$(MANDIR)/man1/repro-rng.1

-include $(CLI_OBJ:.o=.d)
