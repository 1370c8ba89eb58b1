/* Contract §3: the counter and key of block p for each stream algorithm, and the
 * order in which a block's output becomes u32 words.  This scalar code is the
 * reference every SIMD kernel is tested against. */
#include "kernels/table.h"
#include "kernels/convert.h"
#include "math/special.h" /* repro_dist_exp_array */
#include "core/philox.h"
#include "core/threefry.h"

#include <string.h>

static inline uint32_t lo32(uint64_t x) { return (uint32_t)x; }
static inline uint32_t hi32(uint64_t x) { return (uint32_t)(x >> 32); }

/* 64-bit output words yield their low half first: on a little-endian host, their
 * own bytes (plain stores: the vectorised word shuffle gcc makes of the loop waits
 * on a failed store-to-load forward every block, 1.5x slower for philox4x64). */
static inline void put64(uint32_t *out, const uint64_t *x, unsigned n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (unsigned i = 0; i < n; i++) {
        uint64_t v = x[i];
        memcpy(out + 2 * i, &v, sizeof v);
    }
#else
    for (unsigned i = 0; i < n; i++) {
        out[2 * i] = lo32(x[i]);
        out[2 * i + 1] = hi32(x[i]);
    }
#endif
}

static void blocks_philox4x32(const uint64_t w[4], uint64_t p, size_t nb, uint32_t *out)
{
    const uint32_t key[2] = {lo32(w[0]), hi32(w[0])};
    for (size_t b = 0; b < nb; b++, p++, out += 4) {
        const uint32_t ctr[4] = {lo32(p), hi32(p), lo32(w[1]), hi32(w[1])};
        repro_philox4x32_block(ctr, key, 10, out);
    }
}

static void blocks_philox2x64(const uint64_t w[4], uint64_t p, size_t nb, uint32_t *out)
{
    const uint64_t key[1] = {w[0]};
    for (size_t b = 0; b < nb; b++, p++, out += 4) {
        const uint64_t ctr[2] = {p, w[1]};
        uint64_t x[2];
        repro_philox2x64_block(ctr, key, 10, x);
        put64(out, x, 2);
    }
}

static void blocks_philox4x64(const uint64_t w[4], uint64_t p, size_t nb, uint32_t *out)
{
    const uint64_t key[2] = {w[0], w[1]};
    for (size_t b = 0; b < nb; b++, p++, out += 8) {
        const uint64_t ctr[4] = {p, 0, w[2], w[3]};
        uint64_t x[4];
        repro_philox4x64_block(ctr, key, 10, x);
        put64(out, x, 4);
    }
}

static void blocks_threefry2x64(const uint64_t w[4], uint64_t p, size_t nb, uint32_t *out)
{
    const uint64_t key[2] = {w[0], w[1]};
    for (size_t b = 0; b < nb; b++, p++, out += 4) {
        const uint64_t ctr[2] = {p, w[2]};
        uint64_t x[2];
        repro_threefry2x64_block(ctr, key, 20, x);
        put64(out, x, 2);
    }
}

static void blocks_threefry4x32(const uint64_t w[4], uint64_t p, size_t nb, uint32_t *out)
{
    const uint32_t key[4] = {lo32(w[0]), hi32(w[0]), lo32(w[1]), hi32(w[1])};
    for (size_t b = 0; b < nb; b++, p++, out += 4) {
        const uint32_t ctr[4] = {lo32(p), hi32(p), lo32(w[2]), hi32(w[2])};
        repro_threefry4x32_block(ctr, key, 20, out);
    }
}

static void blocks_threefry4x64(const uint64_t w[4], uint64_t p, size_t nb, uint32_t *out)
{
    for (size_t b = 0; b < nb; b++, p++, out += 8) {
        const uint64_t ctr[4] = {p, 0, 0, 0};
        uint64_t x[4];
        repro_threefry4x64_block(ctr, w, 20, x);
        put64(out, x, 4);
    }
}

/* One per algorithm of REPRO_ALGORITHMS: one missing does not compile. */
#define BLOCKS_ENTRY(constant, name, contract, words) [constant] = blocks_##name,
const repro_isa_table repro_isa_scalar = {
    "scalar",
    {REPRO_ALGORITHMS(BLOCKS_ENTRY)},
    {
    [REPRO_CONV_DOUBLE] = repro_convert_double_ref,
    [REPRO_CONV_DOUBLE_OC] = repro_convert_double_oc_ref,
    [REPRO_CONV_DOUBLE_OO] = repro_convert_double_oo_ref,
    [REPRO_CONV_NORMAL] = repro_convert_normal_ref,
    [REPRO_CONV_EXPONENTIAL] = repro_convert_exponential_ref,
    [REPRO_CONV_U64] = repro_convert_u64_ref,
    },
    repro_convert_u32_to_float_ref,
    repro_inv_normal_ref,
    repro_neg_log_ref,
    repro_dist_exp_array, /* 16-byte vectors: every baseline has them */
    repro_bounded_u32_ref,
    repro_bounded_u64_ref,
    repro_law_ref,
    0u,
};
