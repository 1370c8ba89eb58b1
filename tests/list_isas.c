/* Prints, one per line, every ISA this CPU and build can run: the ISAs that
 * tests/run_c_tests.sh runs the suite under. */
#include <stdio.h>

#include "repro_rng.h"

int main(void)
{
    static const char *const names[] = {"scalar", "sse2", "avx2", "avx512", "neon"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (repro_isa_supported(names[i]))
            puts(names[i]);
    return 0;
}
