# librepro_rng - reproducible counter-based random numbers.  `make help` lists the
# targets.  Out-of-tree builds: `make BUILD=/tmp/b` (every output goes under BUILD).
# Feature areas add their targets in mk/*.mk, included at the end.

.DEFAULT_GOAL := all
SHELL := /bin/bash

VERSION := $(shell sed -n 's/^\#define REPRO_VERSION_STRING "\(.*\)"/\1/p' include/repro_rng.h)
MAJOR := $(word 1,$(subst ., ,$(VERSION)))
MINOR := $(word 2,$(subst ., ,$(VERSION)))
# The soname carries the part of the version whose change may break the ABI: the major
# from 1.0 on; before 1.0 a minor release may break it too (0.2 and 0.3 grew repro_stream), so
# there it is major.minor (docs/guides/stability.md).
ABI := $(if $(filter 0,$(MAJOR)),$(MAJOR).$(MINOR),$(MAJOR))

PREFIX ?= /usr/local
EXEC_PREFIX ?= $(PREFIX)
LIBDIR ?= $(EXEC_PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR ?= $(EXEC_PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR ?=

BUILD ?= build
CFLAGS ?= -O2 -g
LDFLAGS ?=
# Warnings are errors in the checks (check, test and every check-*, test-*,
# cross-check* target, which CI runs), not in a plain build or install: a packager's
# newer compiler may warn where ours do not, and that must not fail a release build
# (README, Decisions).  WERROR=0|1 decides either way; it is exported, so the builds
# a check starts (tests/cross/check.sh, check_install.sh) follow it.  Objects already
# built are not rebuilt for it (CI builds in an empty BUILD).
WERROR ?= $(if $(filter check check-% test test-% cross-check%,$(MAKECMDGOALS)),1,0)
export WERROR
WARNFLAGS := -Wall -Wextra -Wpedantic -Wconversion -Wshadow $(if $(filter 1,$(WERROR)),-Werror)

MACHINE := $(shell $(CC) -dumpmachine 2>/dev/null)
ARCH := $(firstword $(subst -, ,$(MACHINE)))

# The contract needs these whatever CFLAGS says: no FMA contraction, no fast-math,
# and SSE2 arithmetic rather than x87 excess precision on 32-bit x86.
FPFLAGS := -ffp-contract=off -fno-fast-math
ifneq ($(filter i386 i486 i586 i686,$(ARCH)),)
FPFLAGS += -msse2 -mfpmath=sse
endif

BASE_CFLAGS := -std=c11 $(CFLAGS) $(WARNFLAGS) $(FPFLAGS) -Iinclude -Isrc $(CPPFLAGS) $(EXTRA_CPPFLAGS)
LIB_CFLAGS := $(BASE_CFLAGS) -fPIC -fvisibility=hidden

# The library: every src/<module>/*.c but the CLI's and the golden-vector reader's
# (tests/check_layers.sh keeps the modules in one direction, README Architecture).
# SIMD kernels: one file per ISA in src/kernels/simd/, built only for its architecture,
# each with its own flags (the rest of the library stays baseline, so it runs anywhere).
SIMD_ISAS_x86_64 := sse2 avx2 avx512
SIMD_ISAS_aarch64 := neon
SIMD_ISAS ?= $(SIMD_ISAS_$(ARCH))
SIMD_FLAGS_sse2 := -msse2
SIMD_FLAGS_avx2 := -mavx2
SIMD_FLAGS_avx512 := -mavx512f -mavx512vl -mavx512dq -mavx512bw
SIMD_FLAGS_neon :=
SIMD_SRC := $(filter $(SIMD_ISAS:%=src/kernels/simd/%.c),$(wildcard src/kernels/simd/*.c))
SIMD_DEFS := $(foreach f,$(SIMD_SRC),-DREPRO_HAVE_$(shell echo $(basename $(notdir $(f))) | tr a-z A-Z))

LIB_SRC := $(filter-out src/cli/% src/vectors/%,$(wildcard src/*/*.c)) $(SIMD_SRC)
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)

# The reader and checker of the golden-vector files (src/vectors/): linked into the CLI,
# the tests and the tools, never into the library (it is no part of the API).
VECTORS_OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(wildcard src/vectors/*.c))

STATIC_LIB := $(BUILD)/lib/librepro_rng.a
SHARED_REAL := $(BUILD)/lib/librepro_rng.so.$(VERSION)
SHARED_SONAME := librepro_rng.so.$(ABI)
SHARED_LIBS := $(SHARED_REAL) $(BUILD)/lib/$(SHARED_SONAME) $(BUILD)/lib/librepro_rng.so

.PHONY: all lib static shared check check-c check-noint128 check-exports check-install \
        check-layers check-sanitize check-valgrind check-clang test test-cross deps install uninstall \
        install-static install-shared install-includes install-pc clean help

all: lib
lib: static shared
static: $(STATIC_LIB)
shared: $(SHARED_LIBS)

$(BUILD)/obj/src/kernels/simd/%.o: src/kernels/simd/%.c
	@mkdir -p $(@D)
	$(CC) $(LIB_CFLAGS) $(SIMD_FLAGS_$*) -MMD -MP -c $< -o $@

$(BUILD)/obj/src/kernels/dispatch.o: LIB_CFLAGS += $(SIMD_DEFS)
# The external definitions of the header's inline draws call one another (double ->
# u64): inline those calls, rather than go through the PLT for an interposition no one
# makes (numpy's bit generator calls these through pointers, once per value).
$(BUILD)/obj/src/stream/inline.o: LIB_CFLAGS += -fno-semantic-interposition
$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(LIB_CFLAGS) -MMD -MP -c $< -o $@

$(STATIC_LIB): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	$(AR) rcs $@ $^

$(SHARED_REAL): $(LIB_OBJ)
	@mkdir -p $(@D)
	$(CC) -shared -Wl,-soname,$(SHARED_SONAME) -Wl,--no-undefined $(CFLAGS) $(LDFLAGS) -o $@ $^

$(BUILD)/lib/$(SHARED_SONAME) $(BUILD)/lib/librepro_rng.so: $(SHARED_REAL)
	ln -sf $(notdir $<) $@

# ---- tests ---------------------------------------------------------------------
# Every tests/test_*.c is one cmocka program linked with the static library (so it
# can also reach internal, hidden functions).  tests/run_c_tests.sh runs each once
# per ISA this CPU has and prints the totals.
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_LIBS := -lcmocka -lm -lpthread

$(BUILD)/tests/%: tests/%.c $(VECTORS_OBJ) $(STATIC_LIB) $(wildcard tests/*.h src/vectors/*.h)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -Itests $< $(VECTORS_OBJ) $(STATIC_LIB) $(LDFLAGS) $(TEST_LIBS) -o $@

$(BUILD)/tests/list_isas: tests/list_isas.c $(STATIC_LIB)
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $< $(STATIC_LIB) $(LDFLAGS) -o $@

CMOCKA_PROBE := printf '\#include <stdarg.h>\n\#include <stddef.h>\n\#include <stdint.h>\n\#include <setjmp.h>\n\#include <cmocka.h>\nint main(void){return 0;}\n' | $(CC) -x c - -lcmocka -o /dev/null 2>/dev/null

check-c: lib
	@$(CMOCKA_PROBE) || { echo "cmocka not found: install Debian's libcmocka-dev (or run 'sudo make deps')" >&2; exit 1; }
	@$(MAKE) --no-print-directory $(TEST_BIN) $(BUILD)/tests/list_isas
	@CHECK_RUNNER="$(CHECK_RUNNER)" bash tests/run_c_tests.sh $(BUILD)/tests $(TEST_BIN:$(BUILD)/tests/%=%)

# The whole C suite again with the portable 64x64->128 multiply.
check-noint128:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/noint128 EXTRA_CPPFLAGS=-DREPRO_NO_INT128 check-c

check-exports: shared
	@bash tests/check_exports.sh $(SHARED_REAL) include/repro_rng.h

check-install:
	@bash tests/check_install.sh "$(MAKE)" "$(CC)" "$(CXX)"

# The modules of src/ depend on one another in one direction (README, Architecture):
# from their includes and their objects' symbols, so every object is built first.
check-layers: all $(VECTORS_OBJ)
	@CC="$(CC)" bash tests/check_layers.sh --self-test
	@bash tests/check_layers.sh $(BUILD)

check: check-c check-noint128 check-exports check-install check-layers

check-sanitize:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/sanitize \
	    CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" check-c

check-valgrind:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/valgrind CFLAGS="-O1 -g" \
	    CHECK_RUNNER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible" check-c

check-clang:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/clang CC=clang check-c

# The bit-identity stage: compiler matrix, aarch64 (+NEON), s390x, i686 under qemu,
# C++, OpenMP and MPI (.ci/cross.sh installs its own packages).
test-cross:
	BUILD=$(abspath $(BUILD))/ci-cross bash .ci/cross.sh

# Everything CI runs (the README's test command).
test: check check-clang check-sanitize check-valgrind test-cross

# Debian packages the build and the tests need (run as root).
DEB_PACKAGES := build-essential clang libcmocka-dev pkg-config valgrind \
                librandom123-dev librandom123-doc python3 python3-numpy python3-pytest \
                python3-mpmath libclang-rt-14-dev
# A failed index (a mirror mid-sync, a foreign architecture's list) need not stop
# it: apt-get install below fails by itself if a package cannot be had.
deps:
	apt-get update || echo "deps: apt-get update reported errors; going on with the lists it has" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(DEB_PACKAGES) $(DEB_PACKAGES_EXTRA)

# ---- golden vectors --------------------------------------------------------------
# The files of tests/vectors/ are frozen.  Their writers (make vectors, dist-vectors,
# perm-vectors, vectors-numpy) write under $(BUILD), then
#   $(call frozen_vectors,TARGET,DIR,PATTERN[,SAME])
# holds each file DIR/PATTERN against its copy in tests/vectors/: SAME (a shell test
# of "$$new" and "$$old"; cmp -s by default) must pass, or TARGET fails, overwriting
# nothing; a file not there yet is copied in (check it, commit it: then it is frozen).
define frozen_vectors
@for new in $(2)/$(3); do \
    old=tests/vectors/$${new##*/}; \
    if [ ! -e "$$old" ]; then \
        cp "$$new" "$$old" && echo "$(1): wrote $$old (new: run make check, commit it; then it is frozen)"; \
    elif ! $(or $(4),cmp -s "$$new" "$$old"); then \
        echo "$(1): $$old is frozen and differs from what is written now ($$new)" >&2; exit 1; \
    fi; \
done; echo "$(1): tests/vectors/$(3) match what is written now"
endef

# ---- install -------------------------------------------------------------------
# Files that name install paths (the pkg-config file; the CMake package, mk/cmake.mk)
# are written by `make install` itself from the PREFIX, LIBDIR and INCLUDEDIR it is
# given, so a build made with the defaults installs correctly anywhere (with or
# without DESTDIR).  INSTALL_SED fills a template's @...@ (& | \ escaped for sed).
sed_escape = $(subst |,\|,$(subst &,\&,$(subst \,\\,$(1))))
INSTALL_SED = sed -e 's|@PREFIX@|$(call sed_escape,$(PREFIX))|g' \
    -e 's|@LIBDIR@|$(call sed_escape,$(LIBDIR))|g' \
    -e 's|@INCLUDEDIR@|$(call sed_escape,$(INCLUDEDIR))|g' \
    -e 's|@VERSION@|$(VERSION)|g' -e 's|@ABI@|$(ABI)|g'
INSTALL_HEADERS := include/repro_rng.h include/repro_rng.hpp

install: install-static install-shared install-includes install-pc

install-static: $(STATIC_LIB)
	install -d $(DESTDIR)$(LIBDIR)
	install -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/

install-shared: $(SHARED_LIBS)
	install -d $(DESTDIR)$(LIBDIR)
	install -m 755 $(SHARED_REAL) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SHARED_REAL)) $(DESTDIR)$(LIBDIR)/$(SHARED_SONAME)
	ln -sf $(notdir $(SHARED_REAL)) $(DESTDIR)$(LIBDIR)/librepro_rng.so

install-includes:
	install -d $(DESTDIR)$(INCLUDEDIR)
	install -m 644 $(INSTALL_HEADERS) $(DESTDIR)$(INCLUDEDIR)/

install-pc: pkgconfig/repro_rng.pc.in
	install -d $(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL_SED) $< > $(DESTDIR)$(PKGCONFIGDIR)/repro_rng.pc
	chmod 644 $(DESTDIR)$(PKGCONFIGDIR)/repro_rng.pc

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/librepro_rng.a $(DESTDIR)$(LIBDIR)/librepro_rng.so \
	      $(DESTDIR)$(LIBDIR)/$(SHARED_SONAME) $(DESTDIR)$(LIBDIR)/$(notdir $(SHARED_REAL)) \
	      $(INSTALL_HEADERS:include/%=$(DESTDIR)$(INCLUDEDIR)/%) $(DESTDIR)$(PKGCONFIGDIR)/repro_rng.pc

clean:
	rm -rf $(BUILD)

help:
	@echo "librepro_rng $(VERSION) - targets:"
	@echo "  all (default)   static and shared library (and what mk/*.mk add)"
	@echo "  check           C test suite (every ISA), portable-multiply build, exports, install, layers"
	@echo "  check-c         the cmocka suite only; CHECK_RUNNER=... wraps each program"
	@echo "  check-layers    the modules of src/ depend on one another in one direction (no cycle)"
	@echo "  check-clang     the cmocka suite built with clang"
	@echo "  check-sanitize  the cmocka suite under ASan+UBSan"
	@echo "  check-valgrind  the cmocka suite under valgrind (no errors, no leaks)"
	@echo "  test            everything CI runs: check, check-clang, check-sanitize, check-valgrind, ..."
	@echo "  deps            apt-get install the Debian packages the tests need (root)"
	@echo "  install         libraries, C and C++ headers, pkg-config file, CMake package (PREFIX=$(PREFIX) LIBDIR= INCLUDEDIR= DESTDIR=)"
	@echo "  uninstall       remove what install put there"
	@echo "  clean           remove $(BUILD)/"
	@grep -h "^## " mk/*.mk 2>/dev/null | sed "s/^## /  /" || true

-include $(LIB_OBJ:.o=.d) $(VECTORS_OBJ:.o=.d)
include $(sort $(wildcard mk/*.mk))
