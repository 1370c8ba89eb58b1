/* Shared by the libFuzzer targets: the input as a NUL-terminated string (the
 * functions under test take C strings), and a check that aborts so libFuzzer
 * records the input. */
#ifndef REPRO_FUZZ_COMMON_H
#define REPRO_FUZZ_COMMON_H

#include "repro_rng.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_CHECK(cond)                                                                 \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);  \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/* A malloc'd copy of the input with a NUL appended (exactly sized, so ASan catches
 * any read past the terminator). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    FUZZ_CHECK(s != NULL);
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
