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

/* The per-value transforms of the continuous laws (src/dist/laws_vec.h), in place on n
 * 8-byte values of a fill: what each takes (u64 draws, or the doubles of
 * repro_fill_double, _exponential or _normal) and its parameters p are given there. */
#define REPRO_LAW_OPS(X)                                                                 \
    X(UNIFORM) X(SCALE) X(LOGNORMAL) X(LAPLACE) X(LOGISTIC) X(GUMBEL) X(RAYLEIGH)          \
    X(WEIBULL) X(POWER) X(PARETO) X(TRIANGULAR) X(CAUCHY)                                 \
    X(WALD) X(VONMISES) /* these two on n pairs of 8-byte values */
#define REPRO_LAW_ENUM(name) REPRO_LAW_##name,
enum repro_law_op { REPRO_LAW_OPS(REPRO_LAW_ENUM) };
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
 * the scalar one where SIMD cannot win.  Every entry is non-NULL. */
typedef struct repro_isa_table {
    const char *name;
    repro_blocks_fn blocks[REPRO_ALGORITHM_COUNT + 1];
    repro_convert_fn from_u64[REPRO_CONV_COUNT]; /* 2n words -> n 8-byte values */
    repro_convert_fn u32_to_float;               /* n words -> n floats, (y >> 8) * 2^-24 */
    /* In place on n doubles: repro_math_inv_normal_cdf of each, and -repro_math_log. */
    repro_convert_fn inv_normal, neg_log;
    repro_bounded32_fn bounded_u32;
    repro_bounded64_fn bounded_u64;
    repro_law_fn law; /* the laws' transforms, this ISA's vectors */
    /* Bit a set: blocks[a] only forwards to the scalar reference, because SIMD
     * loses there (make bench says so). */
    unsigned scalar_blocks;
} repro_isa_table;

/* The scalar reference of contract §3 (src/stream/blocks_ref.c).  Every SIMD kernel
 * must give exactly these words. */
extern const repro_isa_table repro_isa_scalar;

/* The table chosen by CPU detection, REPRO_RNG_ISA or repro_set_isa (src/dispatch.c). */
const repro_isa_table *repro_isa_active(void);
/* The table of "scalar", "sse2", "avx2", "avx512" or "neon" when this build has it
 * and this CPU runs it, else NULL (tests and benchmarks reach every table). */
const repro_isa_table *repro_isa_lookup(const char *name);

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

/* 1 for the six valid repro_algorithm values. */
static inline int repro_algorithm_valid(uint32_t a)
{
    return a >= REPRO_PHILOX4X32 && a <= REPRO_THREEFRY4X64;
}

/* The argument checks of every fill, the stream's and the distributions': REPRO_ERR_NULL
 * (s NULL, or out NULL with n > 0), REPRO_ERR_ALGORITHM (s never initialised) or
 * REPRO_OK (src/stream/stream.c). */
int repro_fill_check(const repro_stream *s, const void *out, size_t n);

#if defined(__GNUC__) || defined(__clang__)
#define REPRO_NOINLINE __attribute__((noinline))
#else
#define REPRO_NOINLINE
#endif

/* The floating-point environment.  Our bits assume IEEE round-to-nearest with
 * subnormals; a consumer linked with -ffast-math sets flush-to-zero at start-up, and
 * fesetround() changes the rounding.  Each public entry point that rounds or may meet
 * subnormals brackets its work with enter/leave, which restore the caller's modes.
 * The compiler knows nothing of the modes, so the work in between must be pinned
 * between the switches: a call that reads or writes memory (REPRO_NOINLINE with
 * pointer arguments, or a function pointer; the switches clobber memory), or, for a
 * function of registers only (which the optimiser may treat as const and move),
 * its argument and result passed through REPRO_FPENV_FENCE.  Elsewhere (no SSE2 on
 * x86, other architectures) the caller must keep the default environment. */
/* A compiler barrier (no instruction): no memory access crosses it. */
#define REPRO_FPENV_CLOBBER() __asm__ __volatile__("" : : : "memory")
#if defined(__SSE2__) && (defined(__x86_64__) || defined(__i386__))
#include <xmmintrin.h>
typedef unsigned repro_fpenv;
#define REPRO_FPENV_BITS 0xE040u /* MXCSR: FTZ (bit 15), rounding (13-14), DAZ (6) */
static inline repro_fpenv repro_fpenv_enter(void)
{
    unsigned csr = _mm_getcsr();
    if (csr & REPRO_FPENV_BITS)
        _mm_setcsr(csr & ~REPRO_FPENV_BITS);
    REPRO_FPENV_CLOBBER();
    return csr;
}
static inline void repro_fpenv_leave(repro_fpenv saved)
{
    REPRO_FPENV_CLOBBER();
    if (saved & REPRO_FPENV_BITS) /* keep the exception flags our work raised */
        _mm_setcsr((_mm_getcsr() & ~REPRO_FPENV_BITS) | (saved & REPRO_FPENV_BITS));
}
#elif defined(__aarch64__)
typedef uint64_t repro_fpenv;
#define REPRO_FPENV_BITS UINT64_C(0x01C00000) /* FPCR: FZ (bit 24), RMode (22-23) */
static inline repro_fpenv repro_fpenv_enter(void)
{
    uint64_t fpcr;
    __asm__ __volatile__("mrs %0, fpcr" : "=r"(fpcr));
    if (fpcr & REPRO_FPENV_BITS) {
        uint64_t want = fpcr & ~REPRO_FPENV_BITS;
        __asm__ __volatile__("msr fpcr, %0" : : "r"(want));
    }
    REPRO_FPENV_CLOBBER();
    return fpcr;
}
static inline void repro_fpenv_leave(repro_fpenv saved)
{
    REPRO_FPENV_CLOBBER();
    if (saved & REPRO_FPENV_BITS)
        __asm__ __volatile__("msr fpcr, %0" : : "r"(saved));
}
#else
typedef int repro_fpenv;
static inline repro_fpenv repro_fpenv_enter(void) { return 0; }
static inline void repro_fpenv_leave(repro_fpenv saved) { (void)saved; }
#endif
#ifdef REPRO_FPENV_BITS /* a guard exists: pin v between its switches */
#define REPRO_FPENV_FENCE(v) __asm__ __volatile__("" : "+m"(v))
#else
#define REPRO_FPENV_FENCE(v) ((void)0)
#endif

#endif
