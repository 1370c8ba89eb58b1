/* Run-time ISA selection.  Scalar only for now; the SIMD issue adds the x86 and
 * aarch64 tables and CPU detection here. */
#include "internal.h"

#include <string.h>

const repro_isa_table *repro_isa_active(void) { return &repro_isa_scalar; }

int repro_isa_supported(const char *name)
{
    return name && (strcmp(name, "scalar") == 0 || strcmp(name, "best") == 0);
}

int repro_set_isa(const char *name)
{
    if (!name)
        return REPRO_ERR_NULL;
    if (repro_isa_supported(name))
        return REPRO_OK;
    if (!strcmp(name, "sse2") || !strcmp(name, "avx2") || !strcmp(name, "avx512") ||
        !strcmp(name, "neon"))
        return REPRO_ERR_ISA_UNSUPPORTED;
    return REPRO_ERR_ISA_UNKNOWN;
}

const char *repro_isa_name(void) { return repro_isa_active()->name; }
