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

static inline void assert_seed_equal(repro_seed got, repro_seed want)
{
    for (int k = 0; k < 4; k++)
        assert_int_equal(got.w[k], want.w[k]);
}

#endif
