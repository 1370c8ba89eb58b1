/* The text forms of seeds and positions: hex digits (seeds, saved states) and decimal
 * u64s (path indices, saved positions).  Also the one internal interface of the CLI
 * (src/cli/cli.c), so that it reads its numbers exactly as the library does. */
#ifndef REPRO_SEED_PARSE_H
#define REPRO_SEED_PARSE_H

#include <stddef.h>
#include <stdint.h>

/* The value of hex digit c (either case), or -1. */
static inline int repro_hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* The decimal number at the start of s, read up to the first byte that is not a digit
 * (a NUL, or the end of the len bytes): returns how many digits it has (0: none) and
 * sets *value to it, and *overflow to 1 when it is 2^64 or more (else 0).  The one
 * reader of decimal u64s: path indices, saved positions and the CLI's arguments. */
static inline size_t repro_parse_decimal(const char *s, size_t len, uint64_t *value,
                                         int *overflow)
{
    uint64_t v = 0;
    size_t i = 0;
    *overflow = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        uint64_t d = (uint64_t)(s[i] - '0');
        *overflow |= v > (UINT64_MAX - d) / 10;
        v = v * 10 + d;
    }
    *value = v;
    return i;
}

#endif
