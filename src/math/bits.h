/* A double's IEEE-754 bits and back, for the math that reads and builds values by
 * their bits (exact whatever the byte order). */
#ifndef REPRO_MATH_BITS_H
#define REPRO_MATH_BITS_H

#include <stdint.h>
#include <string.h>

/* Fixed bit patterns, so that special results are identical everywhere (a NaN's
 * payload from arithmetic could differ between CPUs). */
#define REPRO_BITS_NAN 0x7ff8000000000000u
#define REPRO_BITS_PINF 0x7ff0000000000000u
#define REPRO_BITS_NINF 0xfff0000000000000u

static inline uint64_t repro_double_bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

static inline double repro_bits_double(uint64_t u)
{
    double x;
    memcpy(&x, &u, sizeof x);
    return x;
}

#endif
