/* Philox block functions (Salmon et al., SC'11), Random123's constants and schedule.
 * Static inline so the stream code and every kernel share one definition and the
 * compiler unrolls it for a constant round count. */
#ifndef REPRO_CORE_PHILOX_H
#define REPRO_CORE_PHILOX_H

#include <stdint.h>

/* Full unrolling turns the round index arithmetic (rotation table, key-injection
 * test) into constants when the round count is a constant: several times faster.
 * Where the count is not constant (the public raw functions) clang cannot unroll
 * fully and says so; that is expected, hence the silenced diagnostic. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wpass-failed"
#define REPRO_UNROLL _Pragma("unroll")
#elif defined(__GNUC__)
#define REPRO_UNROLL _Pragma("GCC unroll 72")
#else
#define REPRO_UNROLL
#endif

#define REPRO_PHILOX_M2x32 UINT32_C(0xD256D193)
#define REPRO_PHILOX_M4x32_0 UINT32_C(0xD2511F53)
#define REPRO_PHILOX_M4x32_1 UINT32_C(0xCD9E8D57)
#define REPRO_PHILOX_W32_0 UINT32_C(0x9E3779B9)
#define REPRO_PHILOX_W32_1 UINT32_C(0xBB67AE85)
#define REPRO_PHILOX_M2x64 UINT64_C(0xD2B74407B1CE6E93)
#define REPRO_PHILOX_M4x64_0 UINT64_C(0xD2E7470EE14C6C93)
#define REPRO_PHILOX_M4x64_1 UINT64_C(0xCA5A826395121157)
#define REPRO_PHILOX_W64_0 UINT64_C(0x9E3779B97F4A7C15)
#define REPRO_PHILOX_W64_1 UINT64_C(0xBB67AE8584CAA73B)

/* 64x64 -> 128 multiply.  REPRO_NO_INT128 forces the portable path so that tests
 * can cover it on compilers that have __int128. */
#if defined(__SIZEOF_INT128__) && !defined(REPRO_NO_INT128)
__extension__ typedef unsigned __int128 repro_u128; /* __extension__: quiet -Wpedantic */
static inline uint64_t repro_mulhilo64(uint64_t a, uint64_t b, uint64_t *hi)
{
    repro_u128 p = (repro_u128)a * b;
    *hi = (uint64_t)(p >> 64);
    return (uint64_t)p;
}
#else
static inline uint64_t repro_mulhilo64(uint64_t a, uint64_t b, uint64_t *hi)
{
    /* Schoolbook on 32-bit halves; every partial sum below fits in 64 bits. */
    uint64_t a0 = a & 0xFFFFFFFFu, a1 = a >> 32, b0 = b & 0xFFFFFFFFu, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (p01 & 0xFFFFFFFFu) + (p10 & 0xFFFFFFFFu);
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
    return a * b;
}
#endif

static inline uint32_t repro_mulhilo32(uint32_t a, uint32_t b, uint32_t *hi)
{
    uint64_t p = (uint64_t)a * b;
    *hi = (uint32_t)(p >> 32);
    return (uint32_t)p;
}

/* One body for both word sizes W (32, 64): repro_philox2xW_block and
 * repro_philox4xW_block. */
#define REPRO_PHILOX_BLOCKS(W)                                                           \
    static inline void repro_philox2x##W##_block(const uint##W##_t ctr[2],               \
                                                 const uint##W##_t key[1], unsigned rounds, \
                                                 uint##W##_t out[2])                     \
    {                                                                                    \
        uint##W##_t x0 = ctr[0], x1 = ctr[1], k = key[0];                                \
        REPRO_UNROLL                                                                     \
        for (unsigned r = 0; r < rounds; r++) {                                          \
            uint##W##_t hi, lo = repro_mulhilo##W(REPRO_PHILOX_M2x##W, x0, &hi);         \
            x0 = hi ^ k ^ x1;                                                            \
            x1 = lo;                                                                     \
            k += REPRO_PHILOX_W##W##_0;                                                  \
        }                                                                                \
        out[0] = x0;                                                                     \
        out[1] = x1;                                                                     \
    }                                                                                    \
    static inline void repro_philox4x##W##_block(const uint##W##_t ctr[4],               \
                                                 const uint##W##_t key[2], unsigned rounds, \
                                                 uint##W##_t out[4])                     \
    {                                                                                    \
        uint##W##_t x0 = ctr[0], x1 = ctr[1], x2 = ctr[2], x3 = ctr[3], k0 = key[0],     \
                    k1 = key[1];                                                         \
        REPRO_UNROLL                                                                     \
        for (unsigned r = 0; r < rounds; r++) {                                          \
            uint##W##_t hi0, lo0 = repro_mulhilo##W(REPRO_PHILOX_M4x##W##_0, x0, &hi0);  \
            uint##W##_t hi1, lo1 = repro_mulhilo##W(REPRO_PHILOX_M4x##W##_1, x2, &hi1);  \
            x0 = hi1 ^ x1 ^ k0;                                                          \
            x1 = lo1;                                                                    \
            x2 = hi0 ^ x3 ^ k1;                                                          \
            x3 = lo0;                                                                    \
            k0 += REPRO_PHILOX_W##W##_0;                                                 \
            k1 += REPRO_PHILOX_W##W##_1;                                                 \
        }                                                                                \
        out[0] = x0;                                                                     \
        out[1] = x1;                                                                     \
        out[2] = x2;                                                                     \
        out[3] = x3;                                                                     \
    }
REPRO_PHILOX_BLOCKS(32)
REPRO_PHILOX_BLOCKS(64)

#endif
