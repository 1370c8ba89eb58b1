/* Every draw of contract §3 behind one interface, for the table-driven tests: a
 * value is its bit pattern in a uint64_t (floats and doubles by their IEEE bits), and
 * next/fill/fill_at take a bound that only the bounded kinds use. */
#ifndef REPRO_DRAWS_H
#define REPRO_DRAWS_H

#include "testutil.h"

#include <stdlib.h>
#include <string.h>

static inline uint64_t bits_u32(uint32_t v) { return v; }
static inline uint64_t bits_u64(uint64_t v) { return v; }
static inline uint64_t bits_double(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}
static inline uint64_t bits_float(float v)
{
    uint32_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}
#define BITS(v)                                                                          \
    _Generic((v), uint32_t: bits_u32, uint64_t: bits_u64, double: bits_double,           \
             float: bits_float)(v)

typedef struct {
    const char *name;
    unsigned words; /* words per value; 0: variable (bounded draws) */
    uint64_t (*next)(repro_stream *s, uint64_t bound);
    int (*fill)(repro_stream *s, uint64_t *out, size_t n, uint64_t bound);
    int (*fill_at)(const repro_stream *s, uint64_t pos, uint64_t *out, size_t n,
                   uint64_t bound);
} kind;

/* Fills into a typed scratch buffer, then widens to bit patterns.  The scratch is
 * one malloc of exactly n values, so ASan sees any write past the end. */
#define WIDEN(type, n, out, CALL)                                                        \
    do {                                                                                 \
        type *tmp = malloc((n) ? (n) * sizeof(type) : 1);                                \
        assert_non_null(tmp);                                                            \
        int rc_ = CALL;                                                                  \
        for (size_t i_ = 0; rc_ == REPRO_OK && i_ < (n); i_++)                           \
            (out)[i_] = BITS(tmp[i_]);                                                   \
        free(tmp);                                                                       \
        return rc_;                                                                      \
    } while (0)

#define KIND(name, type)                                                                 \
    static uint64_t next_##name(repro_stream *s, uint64_t bound)                         \
    {                                                                                    \
        (void)bound;                                                                     \
        return BITS(repro_next_##name(s));                                               \
    }                                                                                    \
    static int fill_##name(repro_stream *s, uint64_t *out, size_t n, uint64_t bound)     \
    {                                                                                    \
        (void)bound;                                                                     \
        WIDEN(type, n, out, repro_fill_##name(s, tmp, n));                               \
    }                                                                                    \
    static int fill_at_##name(const repro_stream *s, uint64_t pos, uint64_t *out,        \
                              size_t n, uint64_t bound)                                  \
    {                                                                                    \
        (void)bound;                                                                     \
        WIDEN(type, n, out, repro_fill_##name##_at(s, pos, tmp, n));                     \
    }
KIND(u32, uint32_t)
KIND(u64, uint64_t)
KIND(double, double)
KIND(double_oc, double)
KIND(double_oo, double)
KIND(float, float)
KIND(normal, double)
KIND(exponential, double)

#define BOUNDED_KIND(W)                                                                  \
    static uint64_t next_bounded_u##W(repro_stream *s, uint64_t bound)                   \
    {                                                                                    \
        return repro_next_bounded_u##W(s, (uint##W##_t)bound);                           \
    }                                                                                    \
    static int fill_bounded_u##W(repro_stream *s, uint64_t *out, size_t n,               \
                                 uint64_t bound)                                         \
    {                                                                                    \
        WIDEN(uint##W##_t, n, out,                                                       \
              repro_fill_bounded_u##W(s, tmp, n, (uint##W##_t)bound));                   \
    }                                                                                    \
    static int fill_at_bounded_u##W(const repro_stream *s, uint64_t pos, uint64_t *out,  \
                                    size_t n, uint64_t bound)                            \
    {                                                                                    \
        WIDEN(uint##W##_t, n, out,                                                       \
              repro_fill_bounded_u##W##_at(s, pos, tmp, n, (uint##W##_t)bound));         \
    }
BOUNDED_KIND(32)
BOUNDED_KIND(64)

#define K(name, words) {#name, words, next_##name, fill_##name, fill_at_##name}
static const kind kinds[] = {
    K(u32, 1),       K(u64, 2),   K(double, 2),      K(double_oc, 2),   K(double_oo, 2),
    K(float, 1),     K(normal, 2), K(exponential, 2), K(bounded_u32, 0), K(bounded_u64, 0),
};
#define NKIND (sizeof kinds / sizeof kinds[0])
enum { U32, U64, DOUBLE, DOUBLE_OC, DOUBLE_OO, FLOAT, NORMAL, EXPONENTIAL, B32, B64 };

/* The kind named as in the golden files ("u32", "bounded_u64", ...), or NULL. */
static inline const kind *kind_find(const char *name, size_t len)
{
    for (size_t i = 0; i < NKIND; i++)
        if (strlen(kinds[i].name) == len && !memcmp(kinds[i].name, name, len))
            return &kinds[i];
    return NULL;
}

#endif
