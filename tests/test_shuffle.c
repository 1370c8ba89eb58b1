/* repro_shuffle: the documented draw rule against a reference
 * written here, element sizes from 1 byte to more than the swap buffer, uniformity of
 * all 24 orders of 4 elements (which a classic biased shuffle fails), determinism and
 * argument checks.  The frozen vectors are in tests/test_perm.c. */
#include "test_perm_stats.h"

#include <string.h>

enum { COUNT = 1000 };

static repro_stream stream(repro_algorithm a, uint64_t seed)
{
    repro_stream s;
    assert_int_equal(repro_stream_init(&s, a, repro_seed_from_u64(seed)), REPRO_OK);
    return s;
}

/* The rule of include/repro_rng.h, for counts below 2^32: for i = count-1 down to 1,
 * swap v[i] with v[bounded_u32(i+1)]. */
static void reference(repro_stream *s, unsigned *v, unsigned count)
{
    for (unsigned i = 0; i < count; i++)
        v[i] = i;
    for (unsigned i = count - 1; i >= 1; i--) {
        const unsigned j = repro_next_bounded_u32(s, i + 1), t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}

/* Every element size moves whole elements along the reference order and consumes
 * the same words: element k holds k in its first two bytes and a k-dependent pattern
 * in the others. */
static void test_reference_and_sizes(void **state)
{
    (void)state;
    static const size_t sizes[] = {1, 2, 3, 8, 24, 100, 200};
    static unsigned ref[COUNT];
    static unsigned char buf[COUNT * 200];
    for (int a = 1; a <= REPRO_ALGORITHM_COUNT; a++)
        for (size_t t = 0; t < sizeof sizes / sizeof sizes[0]; t++) {
            const size_t size = sizes[t];
            const unsigned count = size == 1 ? 256 : COUNT;
            repro_stream r = stream((repro_algorithm)a, 7);
            reference(&r, ref, count);
            for (unsigned k = 0; k < count; k++)
                for (size_t b = 0; b < size; b++)
                    buf[k * size + b] = (unsigned char)(b == 0 ? k : b == 1 ? k >> 8 : k * 7 + b);
            repro_stream s = stream((repro_algorithm)a, 7);
            assert_int_equal(repro_shuffle(&s, buf, count, size), REPRO_OK);
            assert_int_equal(repro_stream_tell(&s), repro_stream_tell(&r));
            for (unsigned i = 0; i < count; i++) {
                const unsigned char *e = buf + i * size;
                const unsigned k = ref[i];
                assert_int_equal(e[0], k & 0xFF);
                for (size_t b = 1; b < size; b++)
                    assert_int_equal(e[b], (unsigned char)(b == 1 ? k >> 8 : k * 7 + b));
            }
        }
}

/* All 24 orders of 4 elements, over consecutive shuffles of one stream.  The classic
 * mistake (swap each i with any j in [0, n): 4^4 equally likely paths onto 24
 * orders) uses the same draws and must fail. */
static void test_uniform_orders(void **state)
{
    (void)state;
    enum { SHUFFLES = 240000 };
    uint64_t good[24] = {0}, biased[24] = {0};
    repro_stream s = stream(REPRO_PHILOX4X32, 11);
    for (unsigned t = 0; t < SHUFFLES; t++) {
        unsigned v[4] = {0, 1, 2, 3}, w[4] = {0, 1, 2, 3};
        assert_int_equal(repro_shuffle(&s, v, 4, sizeof v[0]), REPRO_OK);
        good[order_rank(v, 4)]++;
        for (unsigned i = 0; i < 4; i++) {
            const unsigned j = repro_next_bounded_u32(&s, 4), x = w[i];
            w[i] = w[j];
            w[j] = x;
        }
        biased[order_rank(w, 4)]++;
    }
    const double z_good = chi2_z(good, 24), z_biased = chi2_z(biased, 24);
    print_message("orders of 4: z %.2f, biased shuffle z %.2f\n", z_good, z_biased);
    assert_true(z_good < Z_MAX);
    assert_true(z_biased > Z_MAX);
}

/* The same stream state gives the same order; another seed another one. */
static void test_deterministic(void **state)
{
    (void)state;
    static unsigned a[COUNT], b[COUNT], c[COUNT];
    for (unsigned k = 0; k < COUNT; k++)
        a[k] = b[k] = c[k] = k;
    repro_stream s1 = stream(REPRO_THREEFRY2X64, 3), s2 = stream(REPRO_THREEFRY2X64, 3),
                 s3 = stream(REPRO_THREEFRY2X64, 4);
    assert_int_equal(repro_shuffle(&s1, a, COUNT, sizeof a[0]), REPRO_OK);
    assert_int_equal(repro_shuffle(&s2, b, COUNT, sizeof b[0]), REPRO_OK);
    assert_int_equal(repro_shuffle(&s3, c, COUNT, sizeof c[0]), REPRO_OK);
    assert_memory_equal(a, b, sizeof a);
    assert_memory_not_equal(a, c, sizeof a);
}

/* Errors draw nothing and touch nothing; fewer than two elements draw nothing. */
static void test_errors(void **state)
{
    (void)state;
    unsigned v[3] = {0, 1, 2};
    repro_stream s = stream(REPRO_PHILOX4X32, 1);
    assert_int_equal(repro_shuffle(NULL, v, 3, sizeof v[0]), REPRO_ERR_NULL);
    assert_int_equal(repro_shuffle(&s, NULL, 3, sizeof v[0]), REPRO_ERR_NULL);
    assert_int_equal(repro_shuffle(&s, v, 3, 0), REPRO_ERR_ARG);
    assert_int_equal(repro_shuffle(&s, v, SIZE_MAX / 2 + 1, 2), REPRO_ERR_ARG);
    assert_int_equal(repro_stream_tell(&s), 0);
    assert_int_equal(repro_shuffle(&s, NULL, 0, sizeof v[0]), REPRO_OK);
    assert_int_equal(repro_shuffle(&s, v, 1, sizeof v[0]), REPRO_OK);
    assert_int_equal(repro_stream_tell(&s), 0);
    assert_true(v[0] == 0 && v[1] == 1 && v[2] == 2);
    assert_int_equal(repro_shuffle(&s, v, 2, sizeof v[0]), REPRO_OK);
    assert_int_equal(repro_stream_tell(&s), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_and_sizes), cmocka_unit_test(test_uniform_orders),
        cmocka_unit_test(test_deterministic),       cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
