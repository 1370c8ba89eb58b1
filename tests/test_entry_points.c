/* Argument conventions that hold for every entry point of the public header,
 * checked on all of them rather than one module at a time:
 *  - an object that was never initialised (a zeroed struct; for streams and the numpy
 *    objects also 0xAB garbage) gives an error and leaves the output and the object
 *    untouched, as the fills always did: streams (fills, bounded fills, distributions,
 *    shuffle, save; the single draws, which have no error channel, draw nothing),
 *    permutations and the numpy compat objects;
 *  - NULL with a count of 0 is accepted wherever a pointer comes with a count;
 *  - output buffers need only the alignment of their type (no SIMD alignment): every
 *    fill at every type-aligned offset of a cache line gives the single draws' values
 *    (tests/run_c_tests.sh runs this at every ISA). */
#include "testutil.h"

#include <string.h>

#define SENTINEL 0x5A
#define BUF_BYTES 512

static _Alignas(64) unsigned char buf[BUF_BYTES];

static void buf_reset(void)
{
    memset(buf, SENTINEL, sizeof buf);
}

static void buf_untouched(void)
{
    for (size_t i = 0; i < sizeof buf; i++)
        assert_int_equal(buf[i], SENTINEL);
}

/* The invalid streams: zeroed (never initialised) and garbage. */
static repro_stream invalid_stream(int garbage)
{
    repro_stream s;
    memset(&s, garbage ? 0xAB : 0, sizeof s);
    return s;
}

/* rc is REPRO_ERR_ALGORITHM, and neither the output nor the stream changed. */
#define EXPECT_UNTOUCHED(s, before, call)                                                \
    do {                                                                                 \
        buf_reset();                                                                     \
        assert_int_equal((call), REPRO_ERR_ALGORITHM);                                   \
        buf_untouched();                                                                 \
        assert_memory_equal(&(s), &(before), sizeof(s));                                 \
    } while (0)

/* numpy's other laws, the alias-table choice, the multivariate normal and both
 * choices without replacement, with valid parameters (the stream is what is wrong). */
static void numpy_laws_untouched(repro_stream *s, const repro_stream *before, size_t n)
{
    static uint64_t table[3 + 2 * 3];
    static const double w3[3] = {1.0, 2.0, 0.5}, mean[2] = {0.0, 1.0},
                        factor[4] = {1.0, 0.0, 0.5, 1.0};
    uint64_t keys[8];
    assert_int_equal(repro_alias_init(table, sizeof table, w3, 3), REPRO_OK);
    double *d = (double *)(void *)buf;
    float *f = (float *)(void *)buf;
    uint64_t *u = (uint64_t *)(void *)buf;
    int64_t *i = (int64_t *)(void *)buf;
#define U(call) EXPECT_UNTOUCHED(*s, *before, call)
    U(repro_fill_integers(s, i, n, -3, 9));
    U(repro_fill_integers_at(s, 0, i, n, -3, 9));
    U(repro_fill_normal_float(s, f, n));
    U(repro_fill_normal_float_at(s, 0, f, n));
    U(repro_fill_exponential_float(s, f, n));
    U(repro_fill_exponential_float_at(s, 0, f, n));
    U(repro_fill_gamma_float(s, f, n, 2.0, 1.0));
    U(repro_fill_uniform_float(s, f, n, 0.0f, 1.0f));
    U(repro_fill_uniform_float_at(s, 0, f, n, 0.0f, 1.0f));
    U(repro_fill_lognormal(s, d, n, 0.0, 1.0));
    U(repro_fill_lognormal_at(s, 0, d, n, 0.0, 1.0));
    U(repro_fill_standard_cauchy(s, d, n));
    U(repro_fill_standard_cauchy_at(s, 0, d, n));
    U(repro_fill_exponential_scaled(s, d, n, 2.0));
    U(repro_fill_exponential_scaled_at(s, 0, d, n, 2.0));
    U(repro_fill_laplace(s, d, n, 0.0, 1.0));
    U(repro_fill_laplace_at(s, 0, d, n, 0.0, 1.0));
    U(repro_fill_logistic(s, d, n, 0.0, 1.0));
    U(repro_fill_logistic_at(s, 0, d, n, 0.0, 1.0));
    U(repro_fill_gumbel(s, d, n, 0.0, 1.0));
    U(repro_fill_gumbel_at(s, 0, d, n, 0.0, 1.0));
    U(repro_fill_rayleigh(s, d, n, 1.0));
    U(repro_fill_rayleigh_at(s, 0, d, n, 1.0));
    U(repro_fill_weibull(s, d, n, 1.5));
    U(repro_fill_weibull_at(s, 0, d, n, 1.5));
    U(repro_fill_pareto(s, d, n, 2.0));
    U(repro_fill_pareto_at(s, 0, d, n, 2.0));
    U(repro_fill_power(s, d, n, 2.0));
    U(repro_fill_power_at(s, 0, d, n, 2.0));
    U(repro_fill_triangular(s, d, n, 0.0, 1.0, 3.0));
    U(repro_fill_triangular_at(s, 0, d, n, 0.0, 1.0, 3.0));
    U(repro_fill_wald(s, d, n, 1.0, 2.0));
    U(repro_fill_wald_at(s, 0, d, n, 1.0, 2.0));
    U(repro_fill_vonmises(s, d, n, 1.0, 4.0));
    U(repro_fill_chisquare(s, d, n, 3.0));
    U(repro_fill_standard_t(s, d, n, 5.0));
    U(repro_fill_f(s, d, n, 3.0, 7.0));
    U(repro_fill_noncentral_chisquare(s, d, n, 3.0, 2.0));
    U(repro_fill_noncentral_f(s, d, n, 3.0, 7.0, 2.0));
    U(repro_fill_negative_binomial(s, u, n, 5.0, 0.3));
    U(repro_fill_geometric(s, u, n, 0.3));
    U(repro_fill_geometric_at(s, 0, u, n, 0.3));
    U(repro_fill_logseries(s, u, n, 0.6));
    U(repro_fill_zipf(s, u, n, 2.0));
    U(repro_fill_hypergeometric(s, u, n, 5, 10, 4));
    U(repro_fill_dirichlet(s, d, n, w3, 3));
    U(repro_fill_multinomial(s, u, n, 20, w3, 2));
    U(repro_fill_multivariate_normal(s, d, n, mean, factor, 2));
    U(repro_fill_multivariate_normal_at(s, 0, d, n, mean, factor, 2));
    U(repro_fill_choice(s, u, n, table));
    U(repro_fill_choice_at(s, 0, u, n, table));
    U(repro_choice_without_replacement(s, u, n, 100));
    U(repro_choice_weighted_without_replacement(s, u, n ? 3 : 0, w3, 3, keys));
#undef U
}

static void test_uninitialised_stream(void **state)
{
    (void)state;
    for (int garbage = 0; garbage < 2; garbage++) {
        repro_stream s = invalid_stream(garbage);
        const repro_stream before = s;
        for (size_t n = 0; n <= 8; n += 8) { /* n == 0 is an error too: s is wrong */
#define FILL_UNTOUCHED(name, type, words)                                               \
    EXPECT_UNTOUCHED(s, before, repro_fill_##name(&s, (type *)buf, n));                  \
    EXPECT_UNTOUCHED(s, before, repro_fill_##name##_at(&s, 0, (type *)buf, n));
            REPRO_FILLS(FILL_UNTOUCHED)
#undef FILL_UNTOUCHED
            EXPECT_UNTOUCHED(s, before, repro_fill_bounded_u32(&s, (uint32_t *)buf, n, 7));
            EXPECT_UNTOUCHED(s, before,
                             repro_fill_bounded_u32_at(&s, 0, (uint32_t *)buf, n, 7));
            EXPECT_UNTOUCHED(s, before, repro_fill_bounded_u64(&s, (uint64_t *)buf, n, 7));
            EXPECT_UNTOUCHED(s, before,
                             repro_fill_bounded_u64_at(&s, 0, (uint64_t *)buf, n, 7));
            EXPECT_UNTOUCHED(s, before, repro_fill_gaussian(&s, (double *)buf, n, 0.0, 1.0));
            EXPECT_UNTOUCHED(s, before, repro_fill_uniform(&s, (double *)buf, n, 0.0, 1.0));
            EXPECT_UNTOUCHED(s, before, repro_fill_bernoulli(&s, buf, n, 0.5));
            EXPECT_UNTOUCHED(s, before, repro_fill_gamma(&s, (double *)buf, n, 2.0, 1.0));
            EXPECT_UNTOUCHED(s, before, repro_fill_beta(&s, (double *)buf, n, 2.0, 3.0));
            EXPECT_UNTOUCHED(s, before, repro_fill_poisson(&s, (uint64_t *)buf, n, 3.0));
            EXPECT_UNTOUCHED(s, before, repro_fill_binomial(&s, (uint64_t *)buf, n, 9, 0.5));
            numpy_laws_untouched(&s, &before, n);
            /* a regression: the shuffle once rotated the array and returned REPRO_OK */
            EXPECT_UNTOUCHED(s, before, repro_shuffle(&s, buf, n, 4));
            EXPECT_UNTOUCHED(s, before, repro_shuffle(&s, buf, n, 1));
        }
        EXPECT_UNTOUCHED(s, before, repro_shuffle(&s, buf, BUF_BYTES, 1));
        EXPECT_UNTOUCHED(s, before, repro_stream_save(&s, (char *)buf, sizeof buf));
        /* Single draws have no error channel: from a zeroed stream they draw nothing
         * and return 0 (2^-53 and 2^-54 for the (0,1] and (0,1) doubles).  (A garbage
         * struct is beyond what the inline ones check.) */
        if (garbage)
            continue;
        assert_int_equal(repro_next_u32(&s), 0);
        assert_true(repro_next_u64(&s) == 0);
        assert_int_equal(repro_next_bounded_u32(&s, 7), 0);
        assert_true(repro_next_bounded_u64(&s, (uint64_t)1 << 40) == 0);
        assert_true(repro_next_double(&s) == 0.0);
        assert_true(repro_next_double_oc(&s) == 0x1p-53);
        assert_true(repro_next_double_oo(&s) == 0x1p-54);
        assert_true(repro_next_float(&s) == 0.0f);
        assert_true(repro_next_normal(&s) == 0.0);
        assert_true(repro_next_exponential(&s) == 0.0);
        assert_memory_equal(&s, &before, sizeof s);
    }
}

/* The position functions have no error channel: with NULL they do nothing (tell gives
 * 0, algorithm 0, seed all zeros), and on a zeroed stream they move the position only,
 * after which a draw still fails without drawing. */
static void test_position_without_stream(void **state)
{
    (void)state;
    repro_stream_seek(NULL, 5);
    repro_stream_skip(NULL, 5);
    assert_true(repro_stream_tell(NULL) == 0);
    assert_int_equal(repro_stream_algorithm(NULL), 0);
    const repro_seed zero = {{0, 0, 0, 0}};
    assert_true(repro_seed_equal(repro_stream_seed(NULL), zero));

    repro_stream s = invalid_stream(0);
    repro_stream_seek(&s, UINT64_MAX);
    repro_stream_skip(&s, 3);
    assert_true(repro_stream_tell(&s) == 2);
    assert_int_equal(repro_stream_algorithm(&s), 0);
    assert_true(repro_seed_equal(repro_stream_seed(&s), zero));
    const repro_stream before = s;
    EXPECT_UNTOUCHED(s, before, repro_fill_u32(&s, (uint32_t *)buf, 8));
    assert_int_equal(repro_next_u32(&s), 0);
    assert_memory_equal(&s, &before, sizeof s);
}

static void test_uninitialised_permutation(void **state)
{
    (void)state;
    repro_permutation p;
    memset(&p, 0, sizeof p);
    const repro_permutation before = p;
    assert_true(repro_permutation_at(&p, 0) == REPRO_PERMUTATION_INVALID);
    assert_true(repro_permutation_inverse(&p, 0) == REPRO_PERMUTATION_INVALID);
    for (size_t count = 0; count < 2; count++) {
        buf_reset();
        assert_int_equal(repro_permutation_fill(&p, 0, (uint64_t *)buf, count), REPRO_ERR_ARG);
        buf_untouched();
    }
    assert_memory_equal(&p, &before, sizeof p);
}

static void test_uninitialised_compat(void **state)
{
    (void)state;
    for (int garbage = 0; garbage < 2; garbage++) {
        repro_numpy_seedseq ss, child;
        repro_numpy_philox g, out;
        memset(&ss, garbage ? 0xAB : 0, sizeof ss);
        memset(&g, garbage ? 0xAB : 0, sizeof g);
        memset(&child, SENTINEL, sizeof child);
        memset(&out, SENTINEL, sizeof out);
        const repro_numpy_seedseq ss0 = ss, child0 = child;
        const repro_numpy_philox g0 = g, out0 = out;
        static const uint64_t delta[4] = {1, 0, 0, 0};

        buf_reset();
        assert_int_equal(repro_numpy_seedseq_generate_u32(&ss, (uint32_t *)buf, 4),
                         REPRO_ERR_COMPAT);
        assert_int_equal(repro_numpy_seedseq_generate_u64(&ss, (uint64_t *)buf, 4),
                         REPRO_ERR_COMPAT);
        buf_untouched();
        assert_int_equal(repro_numpy_seedseq_spawn(&ss, &child), REPRO_ERR_COMPAT);
        assert_int_equal(repro_numpy_philox_from_seedseq(&out, &ss), REPRO_ERR_COMPAT);
        assert_memory_equal(&ss, &ss0, sizeof ss);
        assert_memory_equal(&child, &child0, sizeof child);
        assert_memory_equal(&out, &out0, sizeof out);

        assert_true(repro_numpy_philox_next_u64(&g) == 0);
        assert_true(repro_numpy_philox_next_double(&g) == -1.0);
        assert_int_equal(repro_numpy_philox_advance(&g, delta), REPRO_ERR_COMPAT);
        assert_int_equal(repro_numpy_philox_jumped(&g, 1, &out), REPRO_ERR_COMPAT);
        assert_memory_equal(&g, &g0, sizeof g);
        assert_memory_equal(&out, &out0, sizeof out);
    }
    /* A valid sequence stays valid through copies and spawns. */
    repro_numpy_seedseq ss, child;
    repro_numpy_philox g;
    uint32_t w[2];
    assert_int_equal(repro_numpy_seedseq_init(&ss, NULL, 0, NULL, 0), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_spawn(&ss, &child), REPRO_OK);
    repro_numpy_seedseq copy = child;
    assert_int_equal(repro_numpy_seedseq_generate_u32(&copy, w, 2), REPRO_OK);
    assert_int_equal(repro_numpy_philox_from_seedseq(&g, &copy), REPRO_OK);
}

/* Every function taking a pointer with a count accepts NULL with a count of 0. */
static void test_null_with_zero_count(void **state)
{
    (void)state;
    repro_stream s;
    assert_int_equal(repro_stream_init(&s, REPRO_PHILOX4X32, repro_seed_from_u64(1)), REPRO_OK);
    repro_seed seed = repro_seed_from_u64(2);
    repro_permutation p;
    assert_int_equal(repro_permutation_init(&p, seed, 100), REPRO_OK);
    repro_numpy_seedseq ss;
    const repro_jax_key_t key = repro_jax_key(0);

    assert_int_equal(repro_fill_u32(&s, NULL, 0), REPRO_OK);
    assert_int_equal(repro_fill_u64_at(&s, 3, NULL, 0), REPRO_OK);
    assert_int_equal(repro_fill_double(&s, NULL, 0), REPRO_OK);
    assert_int_equal(repro_fill_float_at(&s, 3, NULL, 0), REPRO_OK);
    assert_int_equal(repro_fill_normal(&s, NULL, 0), REPRO_OK);
    assert_int_equal(repro_fill_exponential_at(&s, 3, NULL, 0), REPRO_OK);
    assert_int_equal(repro_fill_bounded_u32(&s, NULL, 0, 5), REPRO_OK);
    assert_int_equal(repro_fill_bounded_u64_at(&s, 3, NULL, 0, 5), REPRO_OK);
    assert_int_equal(repro_fill_gaussian(&s, NULL, 0, 0.0, 1.0), REPRO_OK);
    assert_int_equal(repro_fill_uniform(&s, NULL, 0, 0.0, 1.0), REPRO_OK);
    assert_int_equal(repro_fill_bernoulli(&s, NULL, 0, 0.5), REPRO_OK);
    assert_int_equal(repro_fill_gamma(&s, NULL, 0, 2.0, 1.0), REPRO_OK);
    assert_int_equal(repro_fill_beta(&s, NULL, 0, 2.0, 3.0), REPRO_OK);
    assert_int_equal(repro_fill_poisson(&s, NULL, 0, 3.0), REPRO_OK);
    assert_int_equal(repro_fill_binomial(&s, NULL, 0, 9, 0.5), REPRO_OK);
    assert_int_equal(repro_shuffle(&s, NULL, 0, 8), REPRO_OK);
    assert_int_equal(repro_stream_tell(&s), 0);
    /* the state never fits in 0 bytes */
    assert_int_equal(repro_stream_save(&s, NULL, 0), REPRO_ERR_BUFFER);
    assert_int_equal(repro_permutation_fill(&p, 0, NULL, 0), REPRO_OK);
    assert_int_equal(repro_permutation_fill(&p, 100, NULL, 0), REPRO_OK);
    assert_int_equal(repro_math_log_array(NULL, NULL, 0), REPRO_OK);
    assert_int_equal(repro_math_inv_normal_cdf_array(NULL, NULL, 0), REPRO_OK);
    assert_int_equal(repro_seed_from_bytes_ex(NULL, 0, &seed), REPRO_OK);
    assert_true(repro_seed_equal(seed, repro_seed_from_bytes("", 0)));
    assert_true(repro_seed_equal(repro_seed_named(seed, NULL, 0),
                                 repro_seed_named(seed, "", 0)));

    assert_int_equal(repro_numpy_seedseq_init(&ss, NULL, 0, NULL, 0), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u32(&ss, NULL, 0), REPRO_OK);
    assert_int_equal(repro_numpy_seedseq_generate_u64(&ss, NULL, 0), REPRO_OK);
    for (int flag = 0; flag < 2; flag++) {
        assert_int_equal(repro_jax_split(key, 0, flag, NULL), REPRO_OK);
        assert_int_equal(repro_jax_random_bits32(key, 0, flag, NULL), REPRO_OK);
        assert_int_equal(repro_jax_random_bits64(key, 0, flag, NULL), REPRO_OK);
        assert_int_equal(repro_jax_uniform_f32(key, 0, flag, NULL), REPRO_OK);
        assert_int_equal(repro_jax_uniform_f64(key, 0, flag, NULL), REPRO_OK);
    }
    /* The other checks still apply with nothing to write. */
    assert_int_equal(repro_numpy_seedseq_generate_u32(NULL, NULL, 0), REPRO_ERR_NULL);
    assert_int_equal(repro_numpy_seedseq_generate_u64(NULL, NULL, 0), REPRO_ERR_NULL);
    assert_int_equal(repro_jax_split(key, 0, 2, NULL), REPRO_ERR_COMPAT);
    assert_int_equal(repro_jax_random_bits32(key, 0, -1, NULL), REPRO_ERR_COMPAT);
    assert_int_equal(repro_jax_random_bits64(key, 0, 2, NULL), REPRO_ERR_COMPAT);
    assert_int_equal(repro_jax_uniform_f32(key, 0, 2, NULL), REPRO_ERR_COMPAT);
    assert_int_equal(repro_jax_uniform_f64(key, 0, 2, NULL), REPRO_ERR_COMPAT);
    assert_int_equal(repro_fill_gamma(&s, NULL, 0, -1.0, 1.0), REPRO_ERR_PARAM);
    assert_int_equal(repro_permutation_fill(&p, 101, NULL, 0), REPRO_ERR_ARG);
    /* and a NULL with a count is still an error */
    assert_int_equal(repro_numpy_seedseq_generate_u32(&ss, NULL, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_jax_split(key, 1, 1, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_jax_uniform_f64(key, 1, 0, NULL), REPRO_ERR_NULL);
}

/* Output at byte offset k * sizeof(T) of a 64-byte aligned buffer, k = 0 .. 64 /
 * sizeof(T) - 1: aligned for T, not for any vector.  N values leave a tail at every
 * vector width; the expected values are the single draws of s2, END the position of
 * s1 after the fill. */
#define N_ALIGNED 37
#define CHECK_TYPE_ALIGNED(T, FILL_CALL, NEXT, END)                                      \
    do {                                                                                 \
        for (size_t k = 0; k < 64 / sizeof(T); k++) {                                    \
            repro_stream s1, s2;                                                         \
            assert_int_equal(repro_stream_init(&s1, a, seed), REPRO_OK);                 \
            s2 = s1;                                                                     \
            repro_stream_seek(&s1, 5);                                                   \
            repro_stream_seek(&s2, 5);                                                   \
            buf_reset();                                                                 \
            T *out = (T *)(void *)(buf + k * sizeof(T));                                 \
            assert_int_equal(FILL_CALL, REPRO_OK);                                       \
            for (size_t i = 0; i < k * sizeof(T); i++)                                   \
                assert_int_equal(buf[i], SENTINEL);                                      \
            for (size_t i = (k + N_ALIGNED) * sizeof(T); i < sizeof buf; i++)            \
                assert_int_equal(buf[i], SENTINEL);                                      \
            for (size_t i = 0; i < N_ALIGNED; i++) {                                     \
                T want = NEXT;                                                           \
                assert_memory_equal(&out[i], &want, sizeof want);                        \
            }                                                                            \
            assert_true(repro_stream_tell(&s1) == (END));                                \
        }                                                                                \
    } while (0)

static void test_type_aligned_outputs(void **state)
{
    (void)state;
    const repro_seed seed = repro_seed_from_u64(42);
    for (int ai = 1; ai <= REPRO_ALGORITHM_COUNT; ai++) {
        const repro_algorithm a = (repro_algorithm)ai;
#define AFTER repro_stream_tell(&s2)
#define FILL_ALIGNED(name, type, words)                                                  \
    CHECK_TYPE_ALIGNED(type, repro_fill_##name(&s1, out, N_ALIGNED), repro_next_##name(&s2), \
                       AFTER);
        REPRO_FILLS(FILL_ALIGNED)
#undef FILL_ALIGNED
        CHECK_TYPE_ALIGNED(uint32_t, repro_fill_bounded_u32(&s1, out, N_ALIGNED, 1000),
                           repro_next_bounded_u32(&s2, 1000), AFTER);
        CHECK_TYPE_ALIGNED(uint64_t, repro_fill_bounded_u64(&s1, out, N_ALIGNED, 1000),
                           repro_next_bounded_u64(&s2, 1000), AFTER);
#undef AFTER
        /* the _at forms leave s1 where it was */
        CHECK_TYPE_ALIGNED(double, repro_fill_normal_at(&s1, 5, out, N_ALIGNED),
                           repro_next_normal(&s2), 5);
        CHECK_TYPE_ALIGNED(uint64_t, repro_fill_u64_at(&s1, 5, out, N_ALIGNED),
                           repro_next_u64(&s2), 5);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_uninitialised_stream),
        cmocka_unit_test(test_position_without_stream),
        cmocka_unit_test(test_uninitialised_permutation),
        cmocka_unit_test(test_uninitialised_compat),
        cmocka_unit_test(test_null_with_zero_count),
        cmocka_unit_test(test_type_aligned_outputs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
