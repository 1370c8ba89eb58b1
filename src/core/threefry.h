/* Threefry block functions (Salmon et al., SC'11; Threefish of Skein), Random123's
 * rotation tables and key schedule.  Static inline, shared by the stream code. */
#ifndef REPRO_CORE_THREEFRY_H
#define REPRO_CORE_THREEFRY_H

#include <stdint.h>

#include "core/philox.h" /* REPRO_UNROLL */

#define REPRO_THREEFRY_PARITY32 UINT32_C(0x1BD11BDA)
#define REPRO_THREEFRY_PARITY64 UINT64_C(0x1BD11BDAA9FC1A22)

static const unsigned repro_tf_rot_2x32[8] = {13, 15, 26, 6, 17, 29, 16, 24};
static const unsigned repro_tf_rot_4x32[8][2] = {{10, 26}, {11, 21}, {13, 27}, {23, 5},
                                                 {6, 20},  {17, 11}, {25, 10}, {18, 20}};
static const unsigned repro_tf_rot_2x64[8] = {16, 42, 12, 31, 16, 32, 24, 21};
static const unsigned repro_tf_rot_4x64[8][2] = {{14, 16}, {52, 57}, {23, 40}, {5, 37},
                                                 {25, 33}, {46, 12}, {58, 22}, {32, 32}};

static inline uint32_t repro_rotl32(uint32_t x, unsigned r)
{
    return (x << (r & 31)) | (x >> ((32 - r) & 31));
}
static inline uint64_t repro_rotl64(uint64_t x, unsigned r)
{
    return (x << (r & 63)) | (x >> ((64 - r) & 63));
}

/* One body for both word widths: after every fourth round the key schedule word
 * s is injected (ks[(s+i) mod (N+1)] into word i, plus s into the last word). */
#define REPRO_THREEFRY2(W, T)                                                            \
    static inline void repro_threefry2x##W##_block(const T ctr[2], const T key[2],      \
                                                   unsigned rounds, T out[2])            \
    {                                                                                    \
        T ks[3] = {key[0], key[1], REPRO_THREEFRY_PARITY##W ^ key[0] ^ key[1]};          \
        T x0 = ctr[0] + ks[0], x1 = ctr[1] + ks[1];                                      \
        REPRO_UNROLL                                                                     \
        for (unsigned r = 0; r < rounds; r++) {                                          \
            x0 += x1;                                                                    \
            x1 = repro_rotl##W(x1, repro_tf_rot_2x##W[r % 8]);                           \
            x1 ^= x0;                                                                    \
            if (r % 4 == 3) {                                                            \
                unsigned s = (r + 1) / 4;                                                \
                x0 += ks[s % 3];                                                         \
                x1 += ks[(s + 1) % 3] + (T)s;                                            \
            }                                                                            \
        }                                                                                \
        out[0] = x0;                                                                     \
        out[1] = x1;                                                                     \
    }

#define REPRO_THREEFRY4(W, T)                                                            \
    static inline void repro_threefry4x##W##_block(const T ctr[4], const T key[4],      \
                                                   unsigned rounds, T out[4])            \
    {                                                                                    \
        T ks[5] = {key[0], key[1], key[2], key[3],                                       \
                   REPRO_THREEFRY_PARITY##W ^ key[0] ^ key[1] ^ key[2] ^ key[3]};        \
        T x0 = ctr[0] + ks[0], x1 = ctr[1] + ks[1], x2 = ctr[2] + ks[2],                 \
          x3 = ctr[3] + ks[3];                                                           \
        REPRO_UNROLL                                                                     \
        for (unsigned r = 0; r < rounds; r++) {                                          \
            const unsigned *rot = repro_tf_rot_4x##W[r % 8];                             \
            if (r % 2 == 0) {                                                            \
                x0 += x1; x1 = repro_rotl##W(x1, rot[0]); x1 ^= x0;                      \
                x2 += x3; x3 = repro_rotl##W(x3, rot[1]); x3 ^= x2;                      \
            } else {                                                                     \
                x0 += x3; x3 = repro_rotl##W(x3, rot[0]); x3 ^= x0;                      \
                x2 += x1; x1 = repro_rotl##W(x1, rot[1]); x1 ^= x2;                      \
            }                                                                            \
            if (r % 4 == 3) {                                                            \
                unsigned s = (r + 1) / 4;                                                \
                x0 += ks[s % 5];                                                         \
                x1 += ks[(s + 1) % 5];                                                   \
                x2 += ks[(s + 2) % 5];                                                   \
                x3 += ks[(s + 3) % 5] + (T)s;                                            \
            }                                                                            \
        }                                                                                \
        out[0] = x0;                                                                     \
        out[1] = x1;                                                                     \
        out[2] = x2;                                                                     \
        out[3] = x3;                                                                     \
    }

REPRO_THREEFRY2(32, uint32_t)
REPRO_THREEFRY2(64, uint64_t)
REPRO_THREEFRY4(32, uint32_t)
REPRO_THREEFRY4(64, uint64_t)

#endif
