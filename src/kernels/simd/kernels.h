/* The SIMD kernels, one body for every ISA.  An ISA file (src/kernels/simd/<isa>.c)
 * includes its primitive layer (x86.h or neon.h: the register type rs_vec,
 * RS_LANES64 64-bit lanes per register, and the v_* operations), defines RS_TABLE
 * and RS_ISA_NAME, and includes this file, which defines the ISA's repro_isa_table.
 *
 * Layout: lane i of a register holds block i of a group, so a group is RS_LANES64
 * blocks for the 64-bit algorithms and philox4x32, 2*RS_LANES64 for threefry4x32;
 * the layer's interleaving stores write the group's words in stream order.
 * Whatever does not fill a group goes to the scalar reference, so every kernel
 * gives exactly repro_isa_scalar's words. */
#include "kernels/table.h"
#include "core/philox.h"
#include "core/threefry.h"
#include "kernels/convert.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the SIMD kernels store stream words in little-endian order"
#endif

#define RS_LANES32 (2 * RS_LANES64)

/* Lane e of the counter register: block e of the group.  threefry4x32 packs two
 * counter registers c0, c1 = c0 + 2 with v_split32, which pairs lanes within
 * 128-bit granules; these offsets put its 32-bit lanes in block order. */
static const uint64_t rs_iota[8] = {0, 1, 2, 3, 4, 5, 6, 7};
static const uint64_t rs_iota_split[8] = {0, 1, 4, 5, 8, 9, 12, 13};

/* A group function computes n_groups (1..RS_MAX_GROUPS) consecutive groups,
 * statement by statement in step, so that their dependency chains overlap.  It is
 * always inlined, so n_groups is a constant and the loops below unroll.  Each driver
 * picks its n_groups (RS_BLOCKS' IN_FLIGHT): enough groups to hide the latency of a
 * round. */
#define RS_MAX_GROUPS 4
#define RS_INLINE static inline __attribute__((always_inline))
#ifdef __clang__ /* clang leaves a loop with a count from an inlined argument rolled */
#define RS_UNROLL_EACH _Pragma("clang loop unroll(full)")
#else
#define RS_UNROLL_EACH _Pragma("GCC unroll 4")
#endif
#define RS_EACH(...) RS_UNROLL_EACH for (int u = 0; u < n_groups; u++) { __VA_ARGS__ }

/* ---- Philox ------------------------------------------------------------------ */
/* philox4x32 on 64-bit lanes: a word lives in the low half of a lane (the high
 * half is ignored), so v_mul32x32 yields lo in the low half and hi = product >> 32. */
/* Round 0 multiplies counter word 2, the same for every block: its product p1
 * and the words it yields, (hi(p1) ^ key) and (ctr3 ^ key), are set up once. */
typedef struct { rs_vec k0[10], k1[10], p1, a0, b0; } rs_keys_philox4x32;

static inline void rs_setup_philox4x32(rs_keys_philox4x32 *k, const uint64_t w[4])
{
    uint32_t k0 = (uint32_t)w[0], k1 = (uint32_t)(w[0] >> 32);
    const uint64_t p1 = (uint64_t)(uint32_t)w[1] * REPRO_PHILOX_M4x32_1;
    k->p1 = v_set1_64(p1);
    k->a0 = v_set1_64((p1 >> 32) ^ k0);
    k->b0 = v_set1_64((w[1] >> 32) ^ k1);
    for (int r = 0; r < 10; r++, k0 += REPRO_PHILOX_W32_0, k1 += REPRO_PHILOX_W32_1) {
        k->k0[r] = v_set1_64(k0);
        k->k1[r] = v_set1_64(k1);
    }
}

RS_INLINE void rs_group_philox4x32(const rs_keys_philox4x32 *k, const uint64_t w[4],
                                   const rs_vec *c, uint32_t *out, int n_groups)
{
    (void)w;
    const rs_vec m0 = v_set1_64(REPRO_PHILOX_M4x32_0), m1 = v_set1_64(REPRO_PHILOX_M4x32_1);
    rs_vec x0[RS_MAX_GROUPS], x1[RS_MAX_GROUPS], x2[RS_MAX_GROUPS], x3[RS_MAX_GROUPS];
    RS_EACH(rs_vec p0 = v_mul32x32(c[u], m0);
            x0[u] = v_xor(v_srli64(c[u], 32), k->a0);
            x1[u] = k->p1;
            x2[u] = v_xor(v_srli64(p0, 32), k->b0);
            x3[u] = p0;)
    _Pragma("GCC unroll 8") for (int r = 1; r < 9; r++) {
        RS_EACH(rs_vec p0 = v_mul32x32(x0[u], m0), p1 = v_mul32x32(x2[u], m1);
                /* key first: off the multiply's critical path */
                x0[u] = v_xor(v_srli64(p1, 32), v_xor(x1[u], k->k0[r]));
                x1[u] = p1;
                x2[u] = v_xor(v_srli64(p0, 32), v_xor(x3[u], k->k1[r]));
                x3[u] = p0;)
    }
    /* The last round yields the output pairs (x0, x1) and (x2, x3) packed in
     * 64-bit lanes: the product with its halves swapped is (hi, lo), and the
     * other word and the key go into the low half. */
    const rs_vec lo = v_set1_64(0xFFFFFFFFu);
    RS_EACH(rs_vec p0 = v_mul32x32(x0[u], m0), p1 = v_mul32x32(x2[u], m1);
            v_store_2x64(out + u * 4 * RS_LANES64,
                         v_xor(v_rotl64(p1, 32), v_and(v_xor(x1[u], k->k0[9]), lo)),
                         v_xor(v_rotl64(p0, 32), v_and(v_xor(x3[u], k->k1[9]), lo)));)
}

/* 64x64 -> 128 multiply by a constant from four 32x32 -> 64 products. */
static inline rs_vec rs_mulhilo64(rs_vec a, uint64_t m, rs_vec *hi)
{
    const rs_vec mlo = v_set1_64(m & 0xFFFFFFFFu), mhi = v_set1_64(m >> 32);
    const rs_vec lo32 = v_set1_64(0xFFFFFFFFu);
    rs_vec ahi = v_srli64(a, 32);
    rs_vec ll = v_mul32x32(a, mlo), lh = v_mul32x32(a, mhi);
    rs_vec hl = v_mul32x32(ahi, mlo), hh = v_mul32x32(ahi, mhi);
    rs_vec mid = v_add64(v_add64(v_srli64(ll, 32), v_and(lh, lo32)), v_and(hl, lo32));
    *hi = v_add64(v_add64(hh, v_srli64(lh, 32)), v_add64(v_srli64(hl, 32), v_srli64(mid, 32)));
    return v_or(v_and(ll, lo32), v_slli64(mid, 32));
}

typedef struct { rs_vec k0[10], k1[10]; } rs_keys_philox64;
typedef rs_keys_philox64 rs_keys_philox2x64, rs_keys_philox4x64;

static inline void rs_setup_philox64(rs_keys_philox64 *k, uint64_t k0, uint64_t k1)
{
    for (int r = 0; r < 10; r++, k0 += REPRO_PHILOX_W64_0, k1 += REPRO_PHILOX_W64_1) {
        k->k0[r] = v_set1_64(k0);
        k->k1[r] = v_set1_64(k1);
    }
}

static inline void rs_setup_philox2x64(rs_keys_philox64 *k, const uint64_t w[4])
{
    rs_setup_philox64(k, w[0], 0);
}

static inline void rs_setup_philox4x64(rs_keys_philox64 *k, const uint64_t w[4])
{
    rs_setup_philox64(k, w[0], w[1]);
}

RS_INLINE void rs_group_philox2x64(const rs_keys_philox64 *k, const uint64_t w[4],
                                   const rs_vec *c, uint32_t *out, int n_groups)
{
    rs_vec x0[RS_MAX_GROUPS], x1[RS_MAX_GROUPS];
    RS_EACH(x0[u] = c[u]; x1[u] = v_set1_64(w[1]);)
    _Pragma("GCC unroll 10") for (int r = 0; r < 10; r++) {
        RS_EACH(rs_vec hi, lo = rs_mulhilo64(x0[u], REPRO_PHILOX_M2x64, &hi);
                x0[u] = v_xor(v_xor(hi, k->k0[r]), x1[u]);
                x1[u] = lo;)
    }
    RS_EACH(v_store_2x64(out + u * 4 * RS_LANES64, x0[u], x1[u]);)
}

RS_INLINE void rs_group_philox4x64(const rs_keys_philox64 *k, const uint64_t w[4],
                                   const rs_vec *c, uint32_t *out, int n_groups)
{
    rs_vec x0[RS_MAX_GROUPS], x1[RS_MAX_GROUPS], x2[RS_MAX_GROUPS], x3[RS_MAX_GROUPS];
    RS_EACH(x0[u] = c[u]; x1[u] = v_set1_64(0); x2[u] = v_set1_64(w[2]);
            x3[u] = v_set1_64(w[3]);)
    _Pragma("GCC unroll 10") for (int r = 0; r < 10; r++) {
        RS_EACH(rs_vec hi0, lo0 = rs_mulhilo64(x0[u], REPRO_PHILOX_M4x64_0, &hi0);
                rs_vec hi1, lo1 = rs_mulhilo64(x2[u], REPRO_PHILOX_M4x64_1, &hi1);
                x0[u] = v_xor(v_xor(hi1, x1[u]), k->k0[r]);
                x1[u] = lo1;
                x2[u] = v_xor(v_xor(hi0, x3[u]), k->k1[r]);
                x3[u] = lo0;)
    }
    RS_EACH(v_store_4x64(out + u * 8 * RS_LANES64, x0[u], x1[u], x2[u], x3[u]);)
}

/* ---- Threefry ---------------------------------------------------------------- */
/* The rounds are unrolled by macros so that every rotation count is a constant
 * (read from core/threefry.h's tables).  inj[s-1][i] is the key injection after
 * round 4s: ks[(s+i) mod (N+1)], plus s on the last word. */
#define RS_TF_MIX(ADD, ROTL, a, b, rot)                                                  \
    RS_EACH(a[u] = ADD(a[u], b[u]); b[u] = ROTL(b[u], rot); b[u] = v_xor(b[u], a[u]);)
#define RS_TF4_ROUNDS4(ADD, ROTL, tab, q)                                                 \
    RS_TF_MIX(ADD, ROTL, x0, x1, tab[q][0]) RS_TF_MIX(ADD, ROTL, x2, x3, tab[q][1])       \
    RS_TF_MIX(ADD, ROTL, x0, x3, tab[q + 1][0]) RS_TF_MIX(ADD, ROTL, x2, x1, tab[q + 1][1]) \
    RS_TF_MIX(ADD, ROTL, x0, x1, tab[q + 2][0]) RS_TF_MIX(ADD, ROTL, x2, x3, tab[q + 2][1]) \
    RS_TF_MIX(ADD, ROTL, x0, x3, tab[q + 3][0]) RS_TF_MIX(ADD, ROTL, x2, x1, tab[q + 3][1])
#define RS_TF4_INJECT(ADD, s)                                                            \
    RS_EACH(x0[u] = ADD(x0[u], k->inj[s][0]); x1[u] = ADD(x1[u], k->inj[s][1]);          \
            x2[u] = ADD(x2[u], k->inj[s][2]); x3[u] = ADD(x3[u], k->inj[s][3]);)
/* Threefry-4xW-20 on x0..x3 (already keyed with ks[0..3]). */
#define RS_TF4_20(ADD, ROTL, tab)                                                        \
    RS_TF4_ROUNDS4(ADD, ROTL, tab, 0) RS_TF4_INJECT(ADD, 0)                               \
    RS_TF4_ROUNDS4(ADD, ROTL, tab, 4) RS_TF4_INJECT(ADD, 1)                               \
    RS_TF4_ROUNDS4(ADD, ROTL, tab, 0) RS_TF4_INJECT(ADD, 2)                               \
    RS_TF4_ROUNDS4(ADD, ROTL, tab, 4) RS_TF4_INJECT(ADD, 3)                               \
    RS_TF4_ROUNDS4(ADD, ROTL, tab, 0) RS_TF4_INJECT(ADD, 4)

#define RS_TF2_ROUNDS4(q)                                                                \
    RS_TF_MIX(v_add64, v_rotl64, x0, x1, repro_tf_rot_2x64[q])                           \
    RS_TF_MIX(v_add64, v_rotl64, x0, x1, repro_tf_rot_2x64[q + 1])                       \
    RS_TF_MIX(v_add64, v_rotl64, x0, x1, repro_tf_rot_2x64[q + 2])                       \
    RS_TF_MIX(v_add64, v_rotl64, x0, x1, repro_tf_rot_2x64[q + 3])
#define RS_TF2_INJECT(s) RS_EACH(x0[u] = v_add64(x0[u], k->inj[s][0]); x1[u] = v_add64(x1[u], k->inj[s][1]);)

/* One key schedule body for the 4-word variants (W = 32 or 64 bits). */
#define RS_TF4_SETUP(W, T, SET1, name, key, ctr_tail)                                    \
    typedef struct { rs_vec ks[4], inj[5][4]; } rs_keys_##name;                          \
    static inline void rs_setup_##name(rs_keys_##name *k, const uint64_t w[4])          \
    {                                                                                    \
        const T key_[4] = key;                                                           \
        const T ks[5] = {key_[0], key_[1], key_[2], key_[3],                             \
                         REPRO_THREEFRY_PARITY##W ^ key_[0] ^ key_[1] ^ key_[2] ^ key_[3]}; \
        const T tail[2] = ctr_tail; /* counter words 2 and 3 */                          \
        k->ks[0] = SET1(ks[0]);                                                          \
        k->ks[1] = SET1(ks[1]);                                                          \
        k->ks[2] = SET1((T)(ks[2] + tail[0]));                                           \
        k->ks[3] = SET1((T)(ks[3] + tail[1]));                                           \
        for (unsigned s = 1; s <= 5; s++)                                                \
            for (unsigned i = 0; i < 4; i++)                                             \
                k->inj[s - 1][i] = SET1((T)(ks[(s + i) % 5] + (i == 3 ? s : 0)));       \
    }

#define RS_LIST4(a, b, c, d) {a, b, c, d}
#define RS_LIST2(a, b) {a, b}
RS_TF4_SETUP(64, uint64_t, v_set1_64, threefry4x64, RS_LIST4(w[0], w[1], w[2], w[3]),
             RS_LIST2(0, 0))
RS_TF4_SETUP(32, uint32_t, v_set1_32, threefry4x32,
             RS_LIST4((uint32_t)w[0], (uint32_t)(w[0] >> 32), (uint32_t)w[1],
                      (uint32_t)(w[1] >> 32)),
             RS_LIST2((uint32_t)w[2], (uint32_t)(w[2] >> 32)))

RS_INLINE void rs_group_threefry4x64(const rs_keys_threefry4x64 *k, const uint64_t w[4],
                                     const rs_vec *c, uint32_t *out, int n_groups)
{
    (void)w;
    rs_vec x0[RS_MAX_GROUPS], x1[RS_MAX_GROUPS], x2[RS_MAX_GROUPS], x3[RS_MAX_GROUPS];
    RS_EACH(x0[u] = v_add64(c[u], k->ks[0]); x1[u] = k->ks[1]; x2[u] = k->ks[2];
            x3[u] = k->ks[3];)
    RS_TF4_20(v_add64, v_rotl64, repro_tf_rot_4x64)
    RS_EACH(v_store_4x64(out + u * 8 * RS_LANES64, x0[u], x1[u], x2[u], x3[u]);)
}

/* Counter words 0 and 1 are lo(p) and hi(p) of 2*RS_LANES64 blocks: c holds the
 * first half of the 64-bit counters, c + 2 the second (see rs_iota_split). */
RS_INLINE void rs_group_threefry4x32(const rs_keys_threefry4x32 *k, const uint64_t w[4],
                                     const rs_vec *c, uint32_t *out, int n_groups)
{
    (void)w;
    rs_vec x0[RS_MAX_GROUPS], x1[RS_MAX_GROUPS], x2[RS_MAX_GROUPS], x3[RS_MAX_GROUPS];
    RS_EACH(v_split32(c[u], v_add64(c[u], v_set1_64(2)), &x0[u], &x1[u]);
            x0[u] = v_add32(x0[u], k->ks[0]); x1[u] = v_add32(x1[u], k->ks[1]);
            x2[u] = k->ks[2]; x3[u] = k->ks[3];)
    RS_TF4_20(v_add32, v_rotl32, repro_tf_rot_4x32)
    RS_EACH(v_store_4x32(out + u * 4 * RS_LANES32, x0[u], x1[u], x2[u], x3[u]);)
}

typedef struct { rs_vec ks0, x1, inj[5][2]; } rs_keys_threefry2x64;

static inline void rs_setup_threefry2x64(rs_keys_threefry2x64 *k, const uint64_t w[4])
{
    const uint64_t ks[3] = {w[0], w[1], REPRO_THREEFRY_PARITY64 ^ w[0] ^ w[1]};
    k->ks0 = v_set1_64(ks[0]);
    k->x1 = v_set1_64(w[2] + ks[1]);
    for (unsigned s = 1; s <= 5; s++) {
        k->inj[s - 1][0] = v_set1_64(ks[s % 3]);
        k->inj[s - 1][1] = v_set1_64(ks[(s + 1) % 3] + s);
    }
}

RS_INLINE void rs_group_threefry2x64(const rs_keys_threefry2x64 *k, const uint64_t w[4],
                                     const rs_vec *c, uint32_t *out, int n_groups)
{
    (void)w;
    rs_vec x0[RS_MAX_GROUPS], x1[RS_MAX_GROUPS];
    RS_EACH(x0[u] = v_add64(c[u], k->ks0); x1[u] = k->x1;)
    RS_TF2_ROUNDS4(0) RS_TF2_INJECT(0) RS_TF2_ROUNDS4(4) RS_TF2_INJECT(1)
    RS_TF2_ROUNDS4(0) RS_TF2_INJECT(2) RS_TF2_ROUNDS4(4) RS_TF2_INJECT(3)
    RS_TF2_ROUNDS4(0) RS_TF2_INJECT(4)
    RS_EACH(v_store_2x64(out + u * 4 * RS_LANES64, x0[u], x1[u]);)
}

/* ---- Block drivers ------------------------------------------------------------ */
/* IN_FLIGHT (<= RS_MAX_GROUPS) groups at a time, then single groups, the rest through
 * the scalar reference.  BLOCK_WORDS: words per block, GROUP_BLOCKS: blocks per group,
 * c[u]: the counters of group u. */
#define RS_BLOCKS(name, ALG, BLOCK_WORDS, GROUP_BLOCKS, iota, IN_FLIGHT)                  \
    static void rs_blocks_##name(const uint64_t w[4], uint64_t p, size_t nblocks,       \
                                 uint32_t *out)                                          \
    {                                                                                    \
        if (nblocks < (GROUP_BLOCKS)) { /* not one group: key setup wasted */           \
            repro_isa_scalar.blocks[ALG](w, p, nblocks, out);                            \
            return;                                                                      \
        }                                                                                \
        rs_keys_##name k;                                                                \
        rs_setup_##name(&k, w);                                                          \
        const rs_vec step = v_set1_64(GROUP_BLOCKS);                                     \
        const rs_vec stepu = v_set1_64((IN_FLIGHT) * (GROUP_BLOCKS));                    \
        rs_vec c[RS_MAX_GROUPS];                                                         \
        c[0] = v_add64(v_set1_64(p), v_loadu(iota));                                     \
        for (int u = 1; u < (IN_FLIGHT); u++)                                            \
            c[u] = v_add64(c[u - 1], step);                                              \
        size_t b = 0;                                                                    \
        for (; b + (IN_FLIGHT) * (GROUP_BLOCKS) <= nblocks;                             \
             b += (IN_FLIGHT) * (GROUP_BLOCKS)) {                                       \
            rs_group_##name(&k, w, c, out + b * (BLOCK_WORDS), IN_FLIGHT);               \
            for (int u = 0; u < (IN_FLIGHT); u++)                                        \
                c[u] = v_add64(c[u], stepu);                                             \
        }                                                                                \
        for (; b + (GROUP_BLOCKS) <= nblocks; b += (GROUP_BLOCKS)) {                     \
            rs_group_##name(&k, w, c, out + b * (BLOCK_WORDS), 1);                       \
            c[0] = v_add64(c[0], step);                                                  \
        }                                                                                \
        if (b < nblocks)                                                                 \
            repro_isa_scalar.blocks[ALG](w, p + b, nblocks - b,                         \
                                         out + b * (BLOCK_WORDS));                      \
    }

/* The last argument, groups in flight, is the best of 2..4 in make bench (AVX2 and
 * SSE2 on Zen 3): more spill registers where a round has enough parallel work. */
RS_BLOCKS(philox4x32, REPRO_PHILOX4X32, 4, RS_LANES64, rs_iota, 2)
/* An ISA file defines RS_SCALAR_PHILOX64 where a 64x64 multiply built from four
 * 32x32 products loses to the scalar one (make bench: SSE2); its table then
 * forwards these two algorithms to the scalar reference. */
#ifdef RS_SCALAR_PHILOX64
#define RS_SCALAR_BLOCKS (1u << REPRO_PHILOX2X64 | 1u << REPRO_PHILOX4X64)
#define RS_BLOCKS_SCALAR(name, ALG)                                                      \
    static void rs_blocks_##name(const uint64_t w[4], uint64_t p, size_t nblocks,       \
                                 uint32_t *out)                                          \
    {                                                                                    \
        repro_isa_scalar.blocks[ALG](w, p, nblocks, out);                                \
    }
RS_BLOCKS_SCALAR(philox2x64, REPRO_PHILOX2X64)
RS_BLOCKS_SCALAR(philox4x64, REPRO_PHILOX4X64)
#else
#define RS_SCALAR_BLOCKS 0u
RS_BLOCKS(philox2x64, REPRO_PHILOX2X64, 4, RS_LANES64, rs_iota, 4)
RS_BLOCKS(philox4x64, REPRO_PHILOX4X64, 8, RS_LANES64, rs_iota, 2)
#endif
RS_BLOCKS(threefry2x64, REPRO_THREEFRY2X64, 4, RS_LANES64, rs_iota, 4)
RS_BLOCKS(threefry4x32, REPRO_THREEFRY4X32, 4, RS_LANES32, rs_iota_split, 3)
RS_BLOCKS(threefry4x64, REPRO_THREEFRY4X64, 8, RS_LANES64, rs_iota, 3)

/* ---- Conversions, in place ----------------------------------------------------- */
/* Whole registers of SZ-byte values; the rest through the scalar reference. */
#define RS_CONVERT(name, SZ, conv, scalar)                                               \
    static void rs_convert_##name(void *buf, size_t n)                                   \
    {                                                                                    \
        unsigned char *p = buf;                                                          \
        const size_t per = REPRO_SIMD_BITS / 8 / (SZ);                                   \
        size_t i = 0;                                                                    \
        for (; i + per <= n; i += per)                                                   \
            v_storeu(p + i * (SZ), conv(v_loadu(p + i * (SZ))));                         \
        if (i < n)                                                                       \
            scalar(p + i * (SZ), n - i);                                                 \
    }

static inline rs_vec rs_double_oc(rs_vec x) { return v_add_f64(v_u64_to_unit(x), 0x1p-53); }
/* (v + 0.5) * 2^-53 = v * 2^-53 + 2^-54, rounded once either way. */
static inline rs_vec rs_double_oo(rs_vec x) { return v_add_f64(v_u64_to_unit(x), 0x1p-54); }

RS_CONVERT(double, 8, v_u64_to_unit, repro_convert_double_ref)
RS_CONVERT(double_oc, 8, rs_double_oc, repro_convert_double_oc_ref)
RS_CONVERT(double_oo, 8, rs_double_oo, repro_convert_double_oo_ref)
RS_CONVERT(float, 4, v_u32_to_unit, repro_convert_u32_to_float_ref)

/* Normal and exponential: the uniform doubles as above, then the library's math on
 * vectors of RV_BYTES (src/math/math_vec.h, compiled here with this ISA's flags;
 * bit-identical with the scalar repro_math_inv_normal_cdf and repro_math_log). */
#define RV_BYTES (REPRO_SIMD_BITS / 8)
#include "math/math_vec.h"
static void rs_convert_normal(void *buf, size_t n)
{
    rs_convert_double_oo(buf, n);
    repro_dist_inv_normal_vec(buf, n);
}
/* One pass: the (0,1] doubles, in [2^-53, 1] and so all in rv_log's domain, go
 * straight from the words to the log, in registers. */
static void rs_convert_exponential(void *buf, size_t n)
{
    unsigned char *p = buf;
    size_t i = 0;
    for (; i + (size_t)RV_N <= n; i += (size_t)RV_N) {
        rv_d v = -rv_log((rv_d)rs_double_oc(v_loadu(p + 8 * i)));
        memcpy(p + 8 * i, &v, sizeof v);
    }
    if (i < n)
        repro_convert_exponential_ref(p + 8 * i, n - i);
}
static void rs_inv_normal(void *buf, size_t n) { repro_dist_inv_normal_vec(buf, n); }
static void rs_neg_log(void *buf, size_t n) { repro_dist_neg_log_vec(buf, n); }
static void rs_exp(void *buf, size_t n) { repro_dist_exp_vec(buf, n); }
/* The continuous laws' transforms, on the same vectors. */
#include "kernels/laws_vec.h"
static void rs_law(enum repro_law_op op, void *buf, size_t n, const double *p)
{
    repro_dist_law_vec(op, buf, n, p);
}

/* Little-endian: the words already are the u64 values. */
static void rs_convert_u64(void *buf, size_t n)
{
    (void)buf;
    (void)n;
}

/* ---- Bounded draws (repro_bounded32_fn) ------------------------------------------ */
/* Lemire's multiply in every lane.  A register in which a draw may be rejected (rare:
 * probability t / 2^W per draw) goes to the scalar reference, which compacts it; the
 * others store their values whole.  Value k is stored after draw k is loaded, so out
 * may lie at or before in. */
static size_t rs_bounded_u32(const void *in, void *out, size_t n, uint32_t bound, uint32_t t)
{
    const unsigned char *p = in;
    unsigned char *q = out;
    const rs_vec b = v_set1_64(bound), tv = v_set1_32(t), lo = v_set1_64(0xFFFFFFFFu);
    size_t i = 0, k = 0;
    for (; i + RS_LANES32 <= n; i += RS_LANES32) {
        /* the even words' products in pe, the odd ones' in po: low halves to compare,
         * high halves are the values, both put back in word order */
        rs_vec x = v_loadu(p + 4 * i);
        rs_vec pe = v_mul32x32(x, b), po = v_mul32x32(v_srli64(x, 32), b);
        if (v_any_lt_u32(v_or(v_and(pe, lo), v_slli64(po, 32)), tv)) {
            k += repro_bounded_u32_ref(p + 4 * i, q + 4 * k, RS_LANES32, bound, t);
        } else {
            v_storeu(q + 4 * k, v_or(v_srli64(pe, 32), v_and(po, v_slli64(lo, 32))));
            k += RS_LANES32;
        }
    }
    return k + repro_bounded_u32_ref(p + 4 * i, q + 4 * k, n - i, bound, t);
}

#ifdef RS_SCALAR_PHILOX64 /* the 64x64 multiply from 32x32 products loses here */
#define rs_bounded_u64 repro_bounded_u64_ref
#else
static size_t rs_bounded_u64(const void *in, void *out, size_t n, uint64_t bound, uint64_t t)
{
    const unsigned char *p = in;
    unsigned char *q = out;
    /* A lane is sent to the reference when the high half of its low product is at
     * most t's: every rejection (low < t), and rarely an accepted draw.  t < 2^63
     * (t < b and t <= 2^64 - b), so (t >> 32) + 1 fits the high half; the low halves
     * of th are 0, so those lanes never flag. */
    const rs_vec th = v_set1_64(((t >> 32) + 1) << 32);
    size_t i = 0, k = 0;
    for (; i + RS_LANES64 <= n; i += RS_LANES64) {
        rs_vec x = v_loadu(p + 8 * i), hi;
        if (v_any_lt_u32(rs_mulhilo64(x, bound, &hi), th)) {
            k += repro_bounded_u64_ref(p + 8 * i, q + 8 * k, RS_LANES64, bound, t);
        } else {
            v_storeu(q + 8 * k, hi);
            k += RS_LANES64;
        }
    }
    return k + repro_bounded_u64_ref(p + 8 * i, q + 8 * k, n - i, bound, t);
}
#endif

/* One kernel per algorithm of REPRO_ALGORITHMS: one missing does not compile. */
#define RS_BLOCKS_ENTRY(constant, name, contract, words) [constant] = rs_blocks_##name,
const repro_isa_table RS_TABLE = {
    RS_ISA_NAME,
    {REPRO_ALGORITHMS(RS_BLOCKS_ENTRY)},
    {
        [REPRO_CONV_DOUBLE] = rs_convert_double,
        [REPRO_CONV_DOUBLE_OC] = rs_convert_double_oc,
        [REPRO_CONV_DOUBLE_OO] = rs_convert_double_oo,
        [REPRO_CONV_NORMAL] = rs_convert_normal,
        [REPRO_CONV_EXPONENTIAL] = rs_convert_exponential,
        [REPRO_CONV_U64] = rs_convert_u64,
    },
    rs_convert_float,
    rs_inv_normal,
    rs_neg_log,
    rs_exp,
    rs_bounded_u32,
    rs_bounded_u64,
    rs_law,
    RS_SCALAR_BLOCKS,
};
