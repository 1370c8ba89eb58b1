/* Internal interfaces shared between the library's folders.  Nothing here is
 * exported: the library is built with -fvisibility=hidden and only REPRO_API
 * symbols of include/repro_rng.h are visible. */
#ifndef REPRO_INTERNAL_H
#define REPRO_INTERNAL_H

#include "repro_rng.h"

/* Writes nblocks consecutive blocks of the stream with this seed, starting at block
 * index `block` (wrapping modulo 2^64), as u32 words in stream order (contract §3):
 * repro_algorithm_block_words(a) * nblocks words.  out needs no alignment. */
typedef void (*repro_blocks_fn)(const uint64_t seed[4], uint64_t block, size_t nblocks,
                                uint32_t *out);

/* In-place conversion of n values whose raw stream words are in buf, in stream order
 * (u32 fills: n words; u64-based fills: 2n words, the low half of each u64 first).
 * The result overwrites the words: value i occupies the bytes of its own words.
 * buf needs no alignment beyond that of the u32 words. */
typedef void (*repro_convert_fn)(void *buf, size_t n);

/* The u64-based conversions of contract §3, in the order of the table below. */
enum repro_conv {
    REPRO_CONV_DOUBLE,      /* [0,1)  (x >> 11) * 2^-53 */
    REPRO_CONV_DOUBLE_OC,   /* (0,1]  ((x >> 11) + 1) * 2^-53 */
    REPRO_CONV_DOUBLE_OO,   /* (0,1)  ((x >> 11) + 0.5) * 2^-53 */
    REPRO_CONV_NORMAL,      /* inv_normal_cdf(double_oo) */
    REPRO_CONV_EXPONENTIAL, /* -log(double_oc) */
    REPRO_CONV_U64,         /* words -> host-order u64 (a no-op on little-endian) */
    REPRO_CONV_COUNT
};

/* One ISA's kernels, indexed by repro_algorithm (entry 0 unused); an entry may be
 * the scalar one where SIMD cannot win.  Every entry is non-NULL. */
typedef struct repro_isa_table {
    const char *name;
    repro_blocks_fn blocks[REPRO_ALGORITHM_COUNT + 1];
    repro_convert_fn from_u64[REPRO_CONV_COUNT]; /* 2n words -> n 8-byte values */
    repro_convert_fn u32_to_float;               /* n words -> n floats, (y >> 8) * 2^-24 */
} repro_isa_table;

/* The scalar reference of contract §3 (src/stream/blocks_ref.c).  Every SIMD kernel
 * must give exactly these words. */
extern const repro_isa_table repro_isa_scalar;

/* The table chosen by CPU detection, REPRO_RNG_ISA or repro_set_isa (src/dispatch.c). */
const repro_isa_table *repro_isa_active(void);
/* The table of "scalar", "sse2", "avx2", "avx512" or "neon" when this build has it
 * and this CPU runs it, else NULL (tests and benchmarks reach every table). */
const repro_isa_table *repro_isa_lookup(const char *name);

/* 1 for the six valid repro_algorithm values. */
static inline int repro_algorithm_valid(uint32_t a)
{
    return a >= REPRO_PHILOX4X32 && a <= REPRO_THREEFRY4X64;
}

#endif
