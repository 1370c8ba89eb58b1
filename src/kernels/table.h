/* The kernels' interface (src/kernels/): one table of block and conversion functions
 * per ISA, the scalar reference among them, and the choice of the active one.  Used by
 * the stream (src/stream/), the array math (src/kernels/arrays.c) and the
 * distributions (src/dist/); the tests and
 * benchmarks reach every table through repro_isa_lookup.  Internal: nothing here is
 * exported. */
#ifndef REPRO_KERNELS_TABLE_H
#define REPRO_KERNELS_TABLE_H

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

/* Bounded draws (contract §3, Lemire) from n raw draws of W bits in stream order (W =
 * 32: n words; W = 64: n u64 draws, 2n words, the low half first), with bound b >= 1 and
 * threshold t = (2^W - b) mod b: for each draw x whose product x * b has a low half
 * >= t, in order, the high half.  Written to out, which may be in itself or lie
 * before it (value j is written after draw j is read: compaction in place).  Returns
 * how many values: n less the rejections. */
typedef size_t (*repro_bounded32_fn)(const void *in, void *out, size_t n, uint32_t bound,
                                     uint32_t t);
typedef size_t (*repro_bounded64_fn)(const void *in, void *out, size_t n, uint64_t bound,
                                     uint64_t t);

/* The per-value transforms of the continuous laws (src/kernels/laws_vec.h), in place on n
 * 8-byte values of a fill: what each takes (u64 draws, or the doubles of
 * repro_fill_double, _exponential or _normal) and its parameters p are given there. */
#define REPRO_LAW_OPS(X)                                                                 \
    X(UNIFORM) X(SCALE) X(LOGNORMAL) X(LAPLACE) X(LOGISTIC) X(GUMBEL) X(RAYLEIGH)          \
    X(WEIBULL) X(POWER) X(PARETO) X(TRIANGULAR) X(CAUCHY)                                 \
    X(WALD) X(VONMISES) /* these two on n pairs of 8-byte values */
#define REPRO_LAW_ENUM(name) REPRO_LAW_##name,
enum repro_law_op { REPRO_LAW_OPS(REPRO_LAW_ENUM) };
#undef REPRO_LAW_ENUM
typedef void (*repro_law_fn)(enum repro_law_op op, void *buf, size_t n, const double *p);

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
 * the scalar one where SIMD cannot win.  Every entry is non-NULL
 * (test_simd checks every table the build has). */
typedef struct repro_isa_table {
    const char *name;
    repro_blocks_fn blocks[REPRO_ALGORITHM_COUNT + 1];
    repro_convert_fn from_u64[REPRO_CONV_COUNT]; /* 2n words -> n 8-byte values */
    repro_convert_fn u32_to_float;               /* n words -> n floats, (y >> 8) * 2^-24 */
    /* In place on n doubles: repro_math_inv_normal_cdf of each, -repro_math_log, and
     * repro_math_exp. */
    repro_convert_fn inv_normal, neg_log, exp;
    repro_bounded32_fn bounded_u32;
    repro_bounded64_fn bounded_u64;
    repro_law_fn law; /* the laws' transforms, this ISA's vectors */
    /* Bit a set: blocks[a] only forwards to the scalar reference, because SIMD
     * loses there (make bench says so). */
    unsigned scalar_blocks;
} repro_isa_table;

/* The scalar reference of contract §3 (src/kernels/blocks_ref.c).  Every SIMD kernel
 * must give exactly these words. */
extern const repro_isa_table repro_isa_scalar;

/* The table chosen by CPU detection, REPRO_RNG_ISA or repro_set_isa
 * (src/kernels/dispatch.c). */
const repro_isa_table *repro_isa_active(void);
/* The table of a name of repro_isa_name_at when this build has it and this CPU runs
 * it, else NULL (tests and benchmarks reach every table). */
const repro_isa_table *repro_isa_lookup(const char *name);
/* The table of repro_isa_name_at(i) when this build has it, whether or not this CPU
 * runs it, else NULL: the tests check that no slot of any table is empty. */
const repro_isa_table *repro_isa_built(size_t i);

#endif
