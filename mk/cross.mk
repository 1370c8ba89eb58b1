# Bit-identity across architectures, compilers, consumers, threads and processes.
# tests/cross/check.sh builds the library with a plain
# `make CC=... AR=...` per target and runs tests/cross/check_vectors.c (no cmocka,
# static) over every golden-vector file, natively or under qemu-user.

## cross-check     golden vectors (+ a 3-thread OpenMP walk) on aarch64 (+NEON, fast-math consumer), s390x, ppc64le, riscv64, armhf, i686 (x87 and SSE consumers), clang for aarch64 and s390x, under qemu
## check-matrix    golden vectors with gcc/clang -O0/-O2/-O3 -march=native, -ffast-math consumers, a no-AVX CPU (qemu64)
## check-cxx       the C header as C++ and the C++ interface repro_rng.hpp (g++, clang++; C++11/17/20)
## check-openmp    examples/openmp_walk.c bit-identical for 1..16 threads, static and dynamic schedules
## check-mpi       examples/mpi_walk.c result file bit-identical for 1..4 MPI ranks

.PHONY: cross-deps cross-deps-cmocka cross-check-cmocka cross-check check-matrix check-cxx check-openmp check-mpi

CROSS_DIR := $(BUILD)/cross
CROSS_TARGETS ?= aarch64 aarch64-neon aarch64-fastmath s390x ppc64le riscv64 armhf i686 i686-sse \
                 clang-aarch64 clang-s390x
MATRIX_TARGETS ?= gcc-O0 gcc-O2 gcc-native clang-O0 clang-O2 clang-native \
                  fastmath-gcc fastmath-clang qemu64
# Every vector file; check_vectors (src/vectors/) fails on a record of no known kind.
CROSS_VECTORS := tests/kat/kat_vectors.txt $(sort $(filter-out %.md,$(wildcard tests/vectors/*)))

# CROSS_DEBS_CI: what .ci/cross.sh installs itself (x86-64 matrix, aarch64, s390x,
# i686, OpenMP, MPI); `make cross-deps` installs that, the other three cross
# compilers and dieharder (mk/quality.mk).  `make test` needs none of them (g++ comes
# with build-essential, clang++ with clang), so they stay out of `make deps`.
CROSS_DEBS_CI := qemu-user-static g++ libomp-14-dev openmpi-bin libopenmpi-dev \
    gcc-aarch64-linux-gnu libc6-dev-arm64-cross gcc-s390x-linux-gnu libc6-dev-s390x-cross \
    gcc-i686-linux-gnu libc6-dev-i386-cross
CROSS_DEBS_ALL := $(CROSS_DEBS_CI) gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross \
    gcc-riscv64-linux-gnu libc6-dev-riscv64-cross gcc-arm-linux-gnueabihf libc6-dev-armhf-cross \
    dieharder

## cross-deps      apt-get install every cross compiler, qemu, OpenMP, MPI, dieharder these checks use (root)
cross-deps:
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(CROSS_DEBS_ALL)

## cross-deps-cmocka  add Debian architectures arm64 s390x i386 armhf ppc64el and their libcmocka-dev (root)
CROSS_CMOCKA_ARCHES ?= aarch64 s390x i686
CROSS_CMOCKA_DEBARCHES := arm64 s390x i386 armhf ppc64el
cross-deps-cmocka:
	for a in $(CROSS_CMOCKA_DEBARCHES); do dpkg --add-architecture $$a; done
	-apt-get update
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
	    $(CROSS_CMOCKA_DEBARCHES:%=libcmocka-dev:%)

## cross-check-cmocka  the whole cmocka suite cross-built and run under qemu (CROSS_CMOCKA_ARCHES; 4 to 10 min each)
cross-check-cmocka:
	@MAKE="$(MAKE)" bash tests/cross/check_cmocka.sh $(CROSS_DIR) $(CROSS_CMOCKA_ARCHES)

cross-check:
	@MAKE="$(MAKE)" bash tests/cross/check.sh $(CROSS_DIR) $(CROSS_TARGETS) -- $(CROSS_VECTORS)

check-matrix:
	@MAKE="$(MAKE)" bash tests/cross/check.sh $(CROSS_DIR) $(MATRIX_TARGETS) -- $(CROSS_VECTORS)

# ---- C++ -------------------------------------------------------------------------
CXX_WARN := -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror

# header_test: the C header as C++; hpp_test: the C++ interface (repro_rng.hpp), also
# under ASan+UBSan.
CXX_TESTS := header_test hpp_test

check-cxx: $(STATIC_LIB)
	@mkdir -p $(BUILD)/cxx
	@set -e; for cxx in g++ clang++; do \
	    for std in c++11 c++14 c++17 c++20; do \
	        for t in $(CXX_TESTS); do \
	            echo "== $$cxx -std=$$std tests/cxx/$$t.cpp"; \
	            $$cxx -std=$$std $(CXX_WARN) -O2 -Iinclude tests/cxx/$$t.cpp \
	                $(STATIC_LIB) -o $(BUILD)/cxx/$$t-$$cxx-$$std; \
	            $(BUILD)/cxx/$$t-$$cxx-$$std; \
	        done; \
	    done; \
	done; \
	echo "== g++ -std=c++17 -fsanitize=address,undefined tests/cxx/hpp_test.cpp"; \
	g++ -std=c++17 $(CXX_WARN) -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -Iinclude tests/cxx/hpp_test.cpp $(STATIC_LIB) -o $(BUILD)/cxx/hpp_test-sanitize; \
	$(BUILD)/cxx/hpp_test-sanitize

check: check-cxx

# ---- threads and processes ------------------------------------------------------
check-openmp: $(STATIC_LIB)
	@bash tests/cross/check_openmp.sh $(BUILD)/openmp $(STATIC_LIB)

check-mpi: $(STATIC_LIB)
	@bash tests/cross/check_mpi.sh $(BUILD)/mpi $(STATIC_LIB)
