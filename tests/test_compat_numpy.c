/* numpy compatibility: SeedSequence and Philox against vectors that
 * tools/gen_numpy_vectors.py wrote from numpy itself (format in its docstring; checked
 * by src/vectors/), plus argument checks and invariants. */
#include "golden.h"

#define SEEDSEQ_FILE "tests/vectors/numpy_seedseq.txt"
#define PHILOX_FILE "tests/vectors/numpy_philox.txt"
/* Lines the generator writes; fewer means a truncated copy. */
#define SEEDSEQ_LINES 22
#define PHILOX_LINES 18

/* ---- SeedSequence --------------------------------------------------------------- */

static void test_seedseq_vectors(void **state)
{
    (void)state;
    vec_tally t = golden_check(SEEDSEQ_FILE, NULL, NULL);
    assert_int_equal(t.kind[VEC_NUMPY_SEEDSEQ].records, SEEDSEQ_LINES);
    assert_int_equal(vec_tally_records(&t), SEEDSEQ_LINES);
}

static void test_seedseq_u64_is_u32_pairs(void **state)
{
    (void)state;
    const uint32_t entropy[] = {1, 2, 3, 4, 5};
    repro_numpy_seedseq ss;
    uint32_t w[14];
    uint64_t d[7];
    assert_int_equal(repro_numpy_seedseq_init(&ss, entropy, 5, NULL, 0), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&ss, w, 14), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u64(&ss, d, 7), REPRO_OK);
    for (size_t i = 0; i < 7; i++)
        assert_true(d[i] == ((uint64_t)w[2 * i + 1] << 32 | w[2 * i]));
}

/* spawn gives the same child as init with the extended key, and counts children. */
static void test_seedseq_spawn_is_init_with_key(void **state)
{
    (void)state;
    const uint32_t entropy[] = {12345}, key[] = {7, 2};
    repro_numpy_seedseq root, child, direct;
    uint32_t a[6], b[6];
    assert_int_equal(repro_numpy_seedseq_init(&root, entropy, 1, key, 1), REPRO_OK);
    for (int i = 0; i < 3; i++)
        assert_int_equal(repro_numpy_seedseq_spawn(&root, &child), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_init(&direct, entropy, 1, key, 2), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&child, a, 6), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&direct, b, 6), REPRO_OK);
    assert_memory_equal(a, b, sizeof a);
    /* Child index 2^32 + 5 is two key words, as numpy coerces any int (the vectors'
     * spawn_key (2**40,) case pins that coercion); set through the private count. */
    root.n_children_spawned_ = (UINT64_C(1) << 32) + 5;
    const uint32_t wide_key[] = {7, 5, 1};
    assert_int_equal(repro_numpy_seedseq_spawn(&root, &child), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_init(&direct, entropy, 1, wide_key, 3), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&child, a, 6), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&direct, b, 6), REPRO_OK);
    assert_memory_equal(a, b, sizeof a);
    assert_true(root.n_children_spawned_ == (UINT64_C(1) << 32) + 6);
    /* child may be ss itself: it becomes its own next child. */
    repro_numpy_seedseq self = root, other = root;
    assert_int_equal(repro_numpy_seedseq_spawn(&self, &self), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_spawn(&other, &child), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&self, a, 6), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&child, b, 6), REPRO_OK);
    assert_memory_equal(a, b, sizeof a);
}

static void test_seedseq_errors(void **state)
{
    (void)state;
    uint32_t words[REPRO_NUMPY_SEEDSEQ_MAX_WORDS + 1] = {0};
    uint32_t out32[2];
    uint64_t out64[2];
    repro_numpy_seedseq ss, child;
    assert_int_equal(repro_numpy_seedseq_sizeof(), sizeof ss);
    assert_int_equal(repro_numpy_seedseq_init(NULL, words, 1, NULL, 0), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_init(&ss, NULL, 1, NULL, 0), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_init(&ss, words, 1, NULL, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_init(&ss, words, REPRO_NUMPY_SEEDSEQ_MAX_WORDS + 1,
                                              NULL, 0),
                     REPRO_ERR_COMPAT);
    assert_int_equal(repro_numpy_seedseq_init(&ss, words, 1, words,
                                              REPRO_NUMPY_SEEDSEQ_MAX_WORDS + 1),
                     REPRO_ERR_COMPAT);
    assert_int_equal(repro_numpy_seedseq_init(&ss, words, 1, NULL, 0), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(NULL, out32, 2), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&ss, NULL, 2), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_generate_u64(NULL, out64, 2), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_generate_u64(&ss, NULL, 2), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_spawn(NULL, &child), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_spawn(&ss, NULL), REPRO_ERR_NULL);
    /* A full spawn key leaves no room for a child index; ss must stay unchanged. */
    assert_int_equal(repro_numpy_seedseq_init(&ss, words, 1, words,
                                              REPRO_NUMPY_SEEDSEQ_MAX_WORDS),
                     REPRO_OK);
    repro_numpy_seedseq before = ss;
    assert_int_equal(repro_numpy_seedseq_spawn(&ss, &child), REPRO_ERR_COMPAT);
    assert_memory_equal(&ss, &before, sizeof ss);
}

/* ---- Philox ----------------------------------------------------------------------- */

static void test_philox_vectors(void **state)
{
    (void)state;
    vec_tally t = golden_check(PHILOX_FILE, NULL, NULL);
    assert_int_equal(t.kind[VEC_NUMPY_PHILOX].records, PHILOX_LINES);
    assert_int_equal(vec_tally_records(&t), PHILOX_LINES);
}

/* next_double is the top 53 bits of next_u64 scaled by 2^-53. */
static void test_philox_double_is_scaled_u64(void **state)
{
    (void)state;
    const uint64_t key[2] = {3, 4}, ctr[4] = {5, 6, 7, 8};
    repro_numpy_philox a, b;
    assert_int_equal(repro_numpy_philox_init(&a, key, ctr), REPRO_OK);
    b = a;
    for (int i = 0; i < 9; i++) {
        uint64_t u = repro_numpy_philox_next_u64(&a);
        double d = repro_numpy_philox_next_double(&b);
        assert_true(d >= 0.0 && d < 1.0);
        assert_true((uint64_t)(d * 9007199254740992.0) == u >> 11);
    }
}

/* jumped leaves its source alone and equals advance by (0, 0, jumps, 0). */
static void test_philox_jumped_is_advance(void **state)
{
    (void)state;
    const uint64_t key[2] = {1, 2}, ctr[4] = {0, 0, UINT64_MAX, 0};
    const uint64_t delta[4] = {0, 0, 2, 0};
    repro_numpy_philox g, before, j, a;
    assert_int_equal(repro_numpy_philox_init(&g, key, ctr), REPRO_OK);
    (void)repro_numpy_philox_next_u64(&g);
    before = g;
    assert_int_equal(repro_numpy_philox_jumped(&g, 2, &j), REPRO_OK);
    assert_memory_equal(&g, &before, sizeof g);
    a = g;
    assert_int_equal(repro_numpy_philox_advance(&a, delta), REPRO_OK);
    for (int i = 0; i < 6; i++)
        assert_true(repro_numpy_philox_next_u64(&j) == repro_numpy_philox_next_u64(&a));
}

static void test_philox_errors(void **state)
{
    (void)state;
    const uint64_t key[2] = {0, 0}, ctr[4] = {0, 0, 0, 0};
    repro_numpy_philox g, out;
    repro_numpy_seedseq ss;
    assert_int_equal(repro_numpy_philox_sizeof(), sizeof g);
    assert_int_equal(repro_numpy_philox_init(NULL, key, ctr), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_philox_init(&g, NULL, ctr), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_philox_init(&g, key, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_init(&ss, NULL, 0, NULL, 0), REPRO_OK);
    assert_int_equal(repro_numpy_philox_from_seedseq(NULL, &ss), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_philox_from_seedseq(&g, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_philox_init(&g, key, ctr), REPRO_OK);
    assert_int_equal(repro_numpy_philox_advance(NULL, ctr), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_philox_advance(&g, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_philox_jumped(NULL, 1, &out), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_philox_jumped(&g, 1, NULL), REPRO_ERR_NULL);
    assert_true(repro_numpy_philox_next_u64(NULL) == 0);
    assert_true(repro_numpy_philox_next_double(NULL) == -1.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seedseq_vectors),
        cmocka_unit_test(test_seedseq_u64_is_u32_pairs),
        cmocka_unit_test(test_seedseq_spawn_is_init_with_key),
        cmocka_unit_test(test_seedseq_errors),
        cmocka_unit_test(test_philox_vectors),
        cmocka_unit_test(test_philox_double_is_scaled_u64),
        cmocka_unit_test(test_philox_jumped_is_advance),
        cmocka_unit_test(test_philox_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
