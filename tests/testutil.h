/* Shared by the cmocka test programs: the cmocka includes in the order it needs,
 * and the public header.  Tests run from the repository root (tests/run_c_tests.sh),
 * so data files are named relative to it. */
#ifndef REPRO_TESTUTIL_H
#define REPRO_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "repro_rng.h"

#endif
