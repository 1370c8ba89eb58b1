/* Bit patterns of floating-point values: golden vectors and tests compare and write
 * doubles and floats by their IEEE-754 bits, never with == (which would equate 0.0
 * and -0.0 and never match a NaN) nor through decimal text.  memcpy between types of
 * the same size: exact whatever the byte order. */
#ifndef REPRO_VECTORS_BITS_H
#define REPRO_VECTORS_BITS_H

#include <stdint.h>
#include <string.h>

static inline uint64_t vec_double_bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static inline double vec_bits_double(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

static inline uint32_t vec_float_bits(float x)
{
    uint32_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

#endif
