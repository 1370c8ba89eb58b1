#include "repro_rng.h"

const char *repro_version(void) { return REPRO_VERSION_STRING; }

unsigned repro_version_number(void)
{
    return REPRO_VERSION_MAJOR * 10000u + REPRO_VERSION_MINOR * 100u + REPRO_VERSION_PATCH;
}
