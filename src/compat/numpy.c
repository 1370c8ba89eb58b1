/* numpy's SeedSequence and Philox bit generator, bit for bit.  The algorithms are
 * numpy's (numpy/random/bit_generator.pyx, _philox.pyx, src/philox/philox.[ch]);
 * tests/test_compat_numpy.c checks them against vectors written by
 * tools/gen_numpy_vectors.py from a real numpy. */
#include "repro_rng.h"
#include "core/philox.h"

#include <string.h>

/* SeedSequence's hash constants (Melissa O'Neill's seed_seq_fe). */
#define SS_POOL 4
#define SS_INIT_A UINT32_C(0x43b0d7e5)
#define SS_MULT_A UINT32_C(0x931e8875)
#define SS_INIT_B UINT32_C(0x8b51f9dd)
#define SS_MULT_B UINT32_C(0x58f38ded)
#define SS_MIX_MULT_L UINT32_C(0xca01f9dd)
#define SS_MIX_MULT_R UINT32_C(0x4973f715)
#define SS_XSHIFT 16

#define PHILOX_ROUNDS 10
#define PHILOX_BUFFER 4

static uint32_t hashmix(uint32_t value, uint32_t *hash_const)
{
    value ^= *hash_const;
    *hash_const *= SS_MULT_A;
    value *= *hash_const;
    return value ^ (value >> SS_XSHIFT);
}

static uint32_t mix(uint32_t x, uint32_t y)
{
    uint32_t r = SS_MIX_MULT_L * x - SS_MIX_MULT_R * y;
    return r ^ (r >> SS_XSHIFT);
}

/* numpy's get_assembled_entropy: the run entropy, zero-padded to the pool size when
 * there is a spawn key, then the spawn key. */
static size_t assemble(const repro_numpy_seedseq *ss, uint32_t *words)
{
    size_t n = ss->n_entropy_;
    memcpy(words, ss->entropy_, n * sizeof *words);
    if (ss->n_spawn_key_ > 0)
        for (; n < SS_POOL; n++)
            words[n] = 0;
    memcpy(words + n, ss->spawn_key_, ss->n_spawn_key_ * sizeof *words);
    return n + ss->n_spawn_key_;
}

/* numpy's mix_entropy: the pool of ss's entropy and spawn key. */
static void mix_entropy(const repro_numpy_seedseq *ss, uint32_t pool[SS_POOL])
{
    uint32_t words[2 * REPRO_NUMPY_SEEDSEQ_MAX_WORDS + SS_POOL];
    size_t n = assemble(ss, words);
    uint32_t hash_const = SS_INIT_A;
    for (size_t i = 0; i < SS_POOL; i++)
        pool[i] = hashmix(i < n ? words[i] : 0, &hash_const);
    for (size_t src = 0; src < SS_POOL; src++)
        for (size_t dst = 0; dst < SS_POOL; dst++)
            if (src != dst)
                pool[dst] = mix(pool[dst], hashmix(pool[src], &hash_const));
    for (size_t src = SS_POOL; src < n; src++)
        for (size_t dst = 0; dst < SS_POOL; dst++)
            pool[dst] = mix(pool[dst], hashmix(words[src], &hash_const));
}

/* 1 when ss was made by repro_numpy_seedseq_init (or copied from one): word counts in
 * range and the pool of its words.  A zeroed struct fails (the pool of no words is
 * not zero), and so does practically any garbage.  The check repeats init's hashing,
 * 16 hashmix steps plus 4 per word beyond the fourth. */
static int seedseq_valid(const repro_numpy_seedseq *ss)
{
    uint32_t pool[SS_POOL];
    if (ss->n_entropy_ > REPRO_NUMPY_SEEDSEQ_MAX_WORDS ||
        ss->n_spawn_key_ > REPRO_NUMPY_SEEDSEQ_MAX_WORDS)
        return 0;
    mix_entropy(ss, pool);
    return memcmp(pool, ss->pool_, sizeof pool) == 0;
}

int repro_numpy_seedseq_init(repro_numpy_seedseq *ss, const uint32_t *entropy,
                             size_t n_entropy, const uint32_t *spawn_key, size_t n_spawn_key)
{
    if (!ss || (!entropy && n_entropy) || (!spawn_key && n_spawn_key))
        return REPRO_ERR_NULL;
    if (n_entropy > REPRO_NUMPY_SEEDSEQ_MAX_WORDS || n_spawn_key > REPRO_NUMPY_SEEDSEQ_MAX_WORDS)
        return REPRO_ERR_COMPAT;
    memset(ss, 0, sizeof *ss);
    if (n_entropy)
        memcpy(ss->entropy_, entropy, n_entropy * sizeof *entropy);
    if (n_spawn_key)
        memcpy(ss->spawn_key_, spawn_key, n_spawn_key * sizeof *spawn_key);
    ss->n_entropy_ = (uint32_t)n_entropy;
    ss->n_spawn_key_ = (uint32_t)n_spawn_key;
    mix_entropy(ss, ss->pool_);
    return REPRO_OK;
}

/* Word i of generate_state's u32 output: the pool cycled, each word hashed with a
 * running constant.  The constant after i steps is INIT_B * MULT_B^(i+1), so words
 * are produced in order. */
static uint32_t state_word(const repro_numpy_seedseq *ss, size_t i, uint32_t *hash_const)
{
    uint32_t v = ss->pool_[i % SS_POOL] ^ *hash_const;
    *hash_const *= SS_MULT_B;
    v *= *hash_const;
    return v ^ (v >> SS_XSHIFT);
}

int repro_numpy_seedseq_generate_u32(const repro_numpy_seedseq *ss, uint32_t *out, size_t n)
{
    if (!ss || (!out && n > 0))
        return REPRO_ERR_NULL;
    if (!seedseq_valid(ss))
        return REPRO_ERR_COMPAT;
    uint32_t hash_const = SS_INIT_B;
    for (size_t i = 0; i < n; i++)
        out[i] = state_word(ss, i, &hash_const);
    return REPRO_OK;
}

/* generate_state(n, uint64) is the 2n u32 words viewed as little-endian u64. */
int repro_numpy_seedseq_generate_u64(const repro_numpy_seedseq *ss, uint64_t *out, size_t n)
{
    if (!ss || (!out && n > 0))
        return REPRO_ERR_NULL;
    if (!seedseq_valid(ss))
        return REPRO_ERR_COMPAT;
    uint32_t hash_const = SS_INIT_B;
    for (size_t i = 0; i < n; i++) {
        uint64_t lo = state_word(ss, 2 * i, &hash_const);
        uint64_t hi = state_word(ss, 2 * i + 1, &hash_const);
        out[i] = lo | hi << 32;
    }
    return REPRO_OK;
}

int repro_numpy_seedseq_spawn(repro_numpy_seedseq *ss, repro_numpy_seedseq *child)
{
    if (!ss || !child)
        return REPRO_ERR_NULL;
    if (!seedseq_valid(ss))
        return REPRO_ERR_COMPAT;
    /* numpy coerces the child index like any int: one word below 2^32, else two. */
    uint64_t index = ss->n_children_spawned_;
    uint32_t key[REPRO_NUMPY_SEEDSEQ_MAX_WORDS + 2];
    size_t n = ss->n_spawn_key_;
    memcpy(key, ss->spawn_key_, n * sizeof *key);
    key[n++] = (uint32_t)index;
    if (index >> 32)
        key[n++] = (uint32_t)(index >> 32);
    if (n > REPRO_NUMPY_SEEDSEQ_MAX_WORDS)
        return REPRO_ERR_COMPAT;
    repro_numpy_seedseq tmp; /* child may alias ss */
    int rc = repro_numpy_seedseq_init(&tmp, ss->entropy_, ss->n_entropy_, key, n);
    if (rc != REPRO_OK)
        return rc;
    ss->n_children_spawned_ = index + 1;
    *child = tmp;
    return REPRO_OK;
}

int repro_numpy_philox_init(repro_numpy_philox *g, const uint64_t key[2],
                            const uint64_t counter[4])
{
    if (!g || !key || !counter)
        return REPRO_ERR_NULL;
    memset(g, 0, sizeof *g);
    memcpy(g->key_, key, sizeof g->key_);
    memcpy(g->ctr_, counter, sizeof g->ctr_);
    g->buffer_pos_ = PHILOX_BUFFER;
    return REPRO_OK;
}

int repro_numpy_philox_from_seedseq(repro_numpy_philox *g, const repro_numpy_seedseq *ss)
{
    static const uint64_t zero[4] = {0, 0, 0, 0};
    uint64_t key[2];
    int rc = repro_numpy_seedseq_generate_u64(ss, key, 2);
    if (rc != REPRO_OK)
        return rc;
    return repro_numpy_philox_init(g, key, zero);
}

/* After init the buffer position is 4 (empty), after a draw 1 to 4: a zeroed struct
 * (position 0) was never initialised. */
static int philox_valid(const repro_numpy_philox *g)
{
    return g->buffer_pos_ >= 1 && g->buffer_pos_ <= PHILOX_BUFFER;
}

/* numpy's philox_next: the counter is incremented before each block, so the first
 * block of a fresh generator uses counter 1. */
uint64_t repro_numpy_philox_next_u64(repro_numpy_philox *g)
{
    if (!g || !philox_valid(g))
        return 0;
    if (g->buffer_pos_ < PHILOX_BUFFER)
        return g->buffer_[g->buffer_pos_++];
    for (size_t i = 0; i < 4 && ++g->ctr_[i] == 0; i++)
        ;
    repro_philox4x64_block(g->ctr_, g->key_, PHILOX_ROUNDS, g->buffer_);
    g->buffer_pos_ = 1;
    return g->buffer_[0];
}

double repro_numpy_philox_next_double(repro_numpy_philox *g)
{
    if (!g || !philox_valid(g))
        return -1.0;
    return (double)(repro_numpy_philox_next_u64(g) >> 11) * (1.0 / 9007199254740992.0);
}

/* philox_advance (a 256-bit add) plus _reset_state_variables. */
int repro_numpy_philox_advance(repro_numpy_philox *g, const uint64_t delta[4])
{
    if (!g || !delta)
        return REPRO_ERR_NULL;
    if (!philox_valid(g))
        return REPRO_ERR_COMPAT;
    uint64_t carry = 0;
    for (size_t i = 0; i < 4; i++) {
        uint64_t sum = g->ctr_[i] + delta[i];
        uint64_t out = sum + carry;
        carry = (uint64_t)(sum < delta[i]) + (uint64_t)(out < sum);
        g->ctr_[i] = out;
    }
    memset(g->buffer_, 0, sizeof g->buffer_);
    g->buffer_pos_ = PHILOX_BUFFER;
    return REPRO_OK;
}

int repro_numpy_philox_jumped(const repro_numpy_philox *g, uint64_t jumps,
                              repro_numpy_philox *out)
{
    if (!g || !out)
        return REPRO_ERR_NULL;
    if (!philox_valid(g))
        return REPRO_ERR_COMPAT;
    const uint64_t delta[4] = {0, 0, jumps, 0};
    *out = *g;
    return repro_numpy_philox_advance(out, delta);
}

size_t repro_numpy_seedseq_sizeof(void)
{
    return sizeof(repro_numpy_seedseq);
}

size_t repro_numpy_philox_sizeof(void)
{
    return sizeof(repro_numpy_philox);
}
