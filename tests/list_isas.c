/* Prints, one per line, every ISA this CPU and build can run: the ISAs that
 * tests/run_c_tests.sh runs the suite under. */
#include <stdio.h>

#include "repro_rng.h"

int main(void)
{
    for (size_t i = 0; i < repro_isa_count(); i++)
        if (repro_isa_supported(repro_isa_name_at(i)))
            puts(repro_isa_name_at(i));
    return 0;
}
