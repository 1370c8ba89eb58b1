# CMake: the package `make install` writes for find_package(repro_rng), and
# the checks of it and of the top-level CMakeLists.txt (add_subdirectory/FetchContent).
# Building and installing the library never needs CMake; only check-cmake does.

## check-cmake     CMake consumers: find_package of DESTDIR installs, add_subdirectory of the tree (same symbols, golden vectors)
## install-cmake   repro_rngConfig.cmake, ...ConfigVersion.cmake, ...Targets.cmake into CMAKEDIR (part of install)

.PHONY: check-cmake install-cmake uninstall-cmake

DEB_PACKAGES_EXTRA += cmake

CMAKEDIR ?= $(LIBDIR)/cmake/repro_rng
CMAKE_PACKAGE_FILES := repro_rngConfig repro_rngConfigVersion repro_rngTargets
# Pointer size of what CC builds, for the version file's 32/64-bit check.
CC_SIZEOF_VOID_P = $(shell echo __SIZEOF_POINTER__ | $(CC) $(CFLAGS) -E -P -x c - | tail -n 1)

# The package names LIBDIR and INCLUDEDIR relative to CMAKEDIR (lexically: -s), so a
# DESTDIR-staged or moved tree works where it lies.
install: install-cmake
install-cmake:
	install -d $(DESTDIR)$(CMAKEDIR)
	@set -e; \
	lib=$$(realpath -m -s --relative-to='$(CMAKEDIR)' '$(LIBDIR)'); \
	inc=$$(realpath -m -s --relative-to='$(CMAKEDIR)' '$(INCLUDEDIR)'); \
	for f in $(CMAKE_PACKAGE_FILES); do \
	    $(INSTALL_SED) -e "s|@LIBDIR_REL@|$$lib|g" -e "s|@INCLUDEDIR_REL@|$$inc|g" \
	        -e 's|@SIZEOF_VOID_P@|$(CC_SIZEOF_VOID_P)|g' \
	        cmake/$$f.cmake.in > '$(DESTDIR)$(CMAKEDIR)'/$$f.cmake; \
	    chmod 644 '$(DESTDIR)$(CMAKEDIR)'/$$f.cmake; \
	done

uninstall: uninstall-cmake
uninstall-cmake:
	rm -f $(CMAKE_PACKAGE_FILES:%=$(DESTDIR)$(CMAKEDIR)/%.cmake)

check: check-cmake
check-cmake: all
	@command -v cmake >/dev/null || { echo "cmake not found: install Debian's cmake (or run 'sudo make deps')" >&2; exit 1; }
	@CC="$(CC)" bash tests/check_cmake.sh "$(MAKE)" "$(abspath $(BUILD))" $(CROSS_VECTORS)
