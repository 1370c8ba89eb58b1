/* JAX's threefry2x32 PRNG (jax/_src/prng.py: threefry_seed, threefry_2x32,
 * _threefry_split_original / _foldlike, threefry_fold_in,
 * _threefry_random_bits_original / _partitionable; jax/_src/random.py: _uniform),
 * bit for bit.  Known answers from JAX's own tests: tests/test_compat_jax.c. */
#include "repro_rng.h"
#include "core/threefry.h"

#include <string.h>

#define JAX_ROUNDS 20
/* Beyond this many words JAX's original layout splits the key first (not
 * implemented here; such calls are refused). */
#define JAX_MAX_COUNT UINT32_C(0xFFFFFFFF)

static void block(repro_jax_key_t key, uint32_t c0, uint32_t c1, uint32_t out[2])
{
    const uint32_t ctr[2] = {c0, c1};
    repro_threefry2x32_block(ctr, key.k, JAX_ROUNDS, out);
}

repro_jax_key_t repro_jax_key(int64_t seed)
{
    uint64_t u = (uint64_t)seed;
    repro_jax_key_t k = {{(uint32_t)(u >> 32), (uint32_t)u}};
    return k;
}

repro_jax_key_t repro_jax_key_x32(int64_t seed)
{
    repro_jax_key_t k = {{0, (uint32_t)(uint64_t)seed}};
    return k;
}

/* threefry_fold_in: threefry_2x32(key, threefry_seed(uint32(data))) = one block on
 * the counter pair (0, data). */
repro_jax_key_t repro_jax_fold_in(repro_jax_key_t key, uint32_t data)
{
    repro_jax_key_t k;
    block(key, 0, data, k.k);
    return k;
}

/* Consumers of generated words: store them, or convert them in the same pass. */
typedef void (*put32_fn)(void *dst, size_t i, uint32_t w);
typedef void (*put64_fn)(void *dst, size_t i, uint64_t w);

/* threefry_2x32(key, iota(m)), the original layout: the m counters, padded with one
 * 0 when m is odd, are cut into halves [0, h) and [h, 2h); pair j hashes counters
 * (j, h + j), and the output is every pair's first word, then every pair's second
 * word (the padding's output dropped). */
static void iota_words(repro_jax_key_t key, size_t m, put32_fn put, void *dst)
{
    size_t h = m / 2 + m % 2;
    for (size_t j = 0; j < h; j++) {
        uint32_t w[2];
        block(key, (uint32_t)j, h + j < m ? (uint32_t)(h + j) : 0, w);
        put(dst, j, w[0]);
        if (h + j < m)
            put(dst, h + j, w[1]);
    }
}

/* The partitionable layout: element i hashes its 64-bit index as (hi, lo). */
static void index_block(repro_jax_key_t key, uint64_t i, uint32_t w[2])
{
    block(key, (uint32_t)(i >> 32), (uint32_t)i, w);
}

static int check(const void *out, size_t n, int partitionable)
{
    if (!out && n > 0)
        return REPRO_ERR_NULL;
    if (partitionable != 0 && partitionable != 1)
        return REPRO_ERR_COMPAT;
    return REPRO_OK;
}

static void put_key_word(void *dst, size_t i, uint32_t w)
{
    ((repro_jax_key_t *)dst)[i / 2].k[i % 2] = w;
}

int repro_jax_split(repro_jax_key_t key, size_t num, int partitionable, repro_jax_key_t *out)
{
    int rc = check(out, num, partitionable);
    if (rc != REPRO_OK)
        return rc;
    if (partitionable) {
        for (size_t i = 0; i < num; i++)
            index_block(key, i, out[i].k);
        return REPRO_OK;
    }
    /* _threefry_split_original: threefry_2x32(key, iota(2 num)) reshaped to (num, 2). */
    if (num > JAX_MAX_COUNT / 2)
        return REPRO_ERR_COMPAT;
    iota_words(key, 2 * num, put_key_word, out);
    return REPRO_OK;
}

/* jax.random.bits(key, (n,), uint32): partitionable, the XOR of the element's two
 * words; original, threefry_2x32(key, iota(n)). */
static int words32(repro_jax_key_t key, size_t n, int partitionable, put32_fn put, void *dst)
{
    int rc = check(dst, n, partitionable);
    if (rc != REPRO_OK)
        return rc;
    if (partitionable) {
        for (size_t i = 0; i < n; i++) {
            uint32_t w[2];
            index_block(key, i, w);
            put(dst, i, w[0] ^ w[1]);
        }
        return REPRO_OK;
    }
    if (n >= JAX_MAX_COUNT)
        return REPRO_ERR_COMPAT;
    iota_words(key, n, put, dst);
    return REPRO_OK;
}

/* jax.random.bits(key, (n,), uint64): (hi << 32) | lo, where partitionable (hi, lo)
 * are the element's two words; original, hi and lo are the two halves of
 * threefry_2x32(key, iota(2n)), i.e. the words of pair i = counters (i, n + i). */
static int words64(repro_jax_key_t key, size_t n, int partitionable, put64_fn put, void *dst)
{
    int rc = check(dst, n, partitionable);
    if (rc != REPRO_OK)
        return rc;
    if (!partitionable && n > JAX_MAX_COUNT / 2)
        return REPRO_ERR_COMPAT;
    for (size_t i = 0; i < n; i++) {
        uint32_t w[2];
        if (partitionable)
            index_block(key, i, w);
        else
            block(key, (uint32_t)i, (uint32_t)(n + i), w);
        put(dst, i, (uint64_t)w[0] << 32 | w[1]);
    }
    return REPRO_OK;
}

static void put_u32(void *dst, size_t i, uint32_t w)
{
    ((uint32_t *)dst)[i] = w;
}

static void put_u64(void *dst, size_t i, uint64_t w)
{
    ((uint64_t *)dst)[i] = w;
}

/* _uniform with minval 0, maxval 1: the top mantissa-width bits as the mantissa of a
 * number in [1,2), minus 1 (exact); JAX's "* (1 - 0) + 0" and max(0, .) change
 * nothing. */
static void put_f32(void *dst, size_t i, uint32_t w)
{
    uint32_t u = w >> 9 | UINT32_C(0x3F800000);
    float f;
    memcpy(&f, &u, sizeof f);
    ((float *)dst)[i] = f - 1.0f;
}

static void put_f64(void *dst, size_t i, uint64_t w)
{
    uint64_t u = w >> 12 | UINT64_C(0x3FF0000000000000);
    double d;
    memcpy(&d, &u, sizeof d);
    ((double *)dst)[i] = d - 1.0;
}

int repro_jax_random_bits32(repro_jax_key_t key, size_t n, int partitionable, uint32_t *out)
{
    return words32(key, n, partitionable, put_u32, out);
}

int repro_jax_random_bits64(repro_jax_key_t key, size_t n, int partitionable, uint64_t *out)
{
    return words64(key, n, partitionable, put_u64, out);
}

int repro_jax_uniform_f32(repro_jax_key_t key, size_t n, int partitionable, float *out)
{
    return words32(key, n, partitionable, put_f32, out);
}

int repro_jax_uniform_f64(repro_jax_key_t key, size_t n, int partitionable, double *out)
{
    return words64(key, n, partitionable, put_f64, out);
}
