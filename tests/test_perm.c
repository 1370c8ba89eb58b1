/* Random-access permutations: bijection for every n <= 2000 and
 * for runs and samples of huge n, statistics over many seeds (positions, pairs of
 * positions, all orders of small n, parity) that a weakened network fails, argument
 * checks, and the frozen vectors of tests/vectors/perm.txt. */
#include "golden.h"
#include "test_perm_stats.h"

#include "shuffle/permutation.h"

#include <stdlib.h>

#define PERM_FILE "tests/vectors/perm.txt"
/* perm and shuffle records of perm.txt; fewer means a truncated copy. */
#define PERM_RECORDS 120
#define SHUFFLE_RECORDS 12

static repro_permutation make(uint64_t seed, uint64_t n, unsigned rounds)
{
    repro_permutation p;
    assert_int_equal(repro_permutation_init_rounds(&p, repro_seed_from_u64(seed), n, rounds),
                     REPRO_OK);
    return p;
}

/* Every n <= 2000: at() hits each value of [0, n) once, inverse() undoes it, and
 * both reject the first index outside. */
static void test_bijection_every_small_n(void **state)
{
    (void)state;
    static unsigned char seen[2000];
    for (uint64_t n = 1; n <= 2000; n++) {
        const repro_permutation p = make(n, n, REPRO_PERMUTATION_ROUNDS);
        memset(seen, 0, sizeof seen);
        for (uint64_t i = 0; i < n; i++) {
            const uint64_t x = repro_permutation_at(&p, i);
            assert_true(x < n);
            assert_false(seen[x]);
            seen[x] = 1;
            assert_int_equal(repro_permutation_inverse(&p, x), i);
        }
        assert_int_equal(repro_permutation_at(&p, n), REPRO_PERMUTATION_INVALID);
        assert_int_equal(repro_permutation_inverse(&p, n), REPRO_PERMUTATION_INVALID);
    }
}

static int cmp_u64(const void *a, const void *b)
{
    const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Huge n, down to the edges of the bit widths: runs of indices at both ends map
 * inside [0, n) to distinct values that inverse() maps back, and so do random ones. */
static void test_bijection_huge_n(void **state)
{
    (void)state;
    enum { RUN = 4000, RANDOM = 4000 };
    static uint64_t out[2 * RUN];
    repro_stream s;
    assert_int_equal(repro_stream_init(&s, REPRO_PHILOX4X32, repro_seed_from_u64(5)),
                     REPRO_OK);
    uint64_t ns[] = {65,
                     UINT64_C(1) << 32,
                     (UINT64_C(1) << 32) - 1,
                     (UINT64_C(1) << 32) + 1,
                     UINT64_C(1) << 63,
                     (UINT64_C(1) << 63) + 1,
                     UINT64_MAX - 1,
                     UINT64_MAX,
                     0, 0, 0}; /* the zeros become random n */
    for (size_t k = 0; k < sizeof ns / sizeof ns[0]; k++) {
        const uint64_t n = ns[k] ? ns[k] : repro_next_u64(&s) >> (repro_next_u32(&s) % 60);
        if (n < 2 * RUN)
            continue;
        const repro_permutation p = make(k, n, REPRO_PERMUTATION_ROUNDS);
        for (uint64_t j = 0; j < RUN; j++) {
            out[j] = repro_permutation_at(&p, j);
            out[RUN + j] = repro_permutation_at(&p, n - 1 - j);
            assert_true(out[j] < n && out[RUN + j] < n);
            assert_int_equal(repro_permutation_inverse(&p, out[j]), j);
            assert_int_equal(repro_permutation_inverse(&p, out[RUN + j]), n - 1 - j);
        }
        qsort(out, 2 * RUN, sizeof out[0], cmp_u64);
        for (size_t j = 1; j < 2 * RUN; j++)
            assert_true(out[j - 1] < out[j]);
        for (unsigned j = 0; j < RANDOM; j++) {
            const uint64_t i = repro_next_bounded_u64(&s, n);
            const uint64_t x = repro_permutation_at(&p, i);
            assert_true(x < n);
            assert_int_equal(repro_permutation_inverse(&p, x), i);
        }
        assert_int_equal(repro_permutation_at(&p, n), REPRO_PERMUTATION_INVALID);
    }
}

/* For each element of [0, n), its position over `seeds` seeds is uniform (one
 * chi-square per element); returns the largest z. */
static double positions_z(uint64_t n, unsigned seeds, unsigned rounds)
{
    uint64_t *counts = calloc((size_t)(n * n), sizeof *counts);
    assert_non_null(counts);
    for (unsigned s = 0; s < seeds; s++) {
        const repro_permutation p = make(s, n, rounds);
        for (uint64_t i = 0; i < n; i++)
            counts[i * n + repro_permutation_at(&p, i)]++;
    }
    double worst = -INFINITY;
    for (uint64_t i = 0; i < n; i++)
        worst = fmax(worst, chi2_z(counts + i * n, (size_t)n));
    free(counts);
    print_message("positions n=%llu rounds=%u: max z %.2f\n", (unsigned long long)n, rounds,
                  worst);
    return worst;
}

/* The positions of elements i and i+1 jointly, over `seeds` seeds: n(n-1) cells. */
static double pairs_z(uint64_t n, uint64_t i, unsigned seeds, unsigned rounds)
{
    uint64_t *counts = calloc((size_t)(n * n), sizeof *counts);
    assert_non_null(counts);
    for (unsigned s = 0; s < seeds; s++) {
        const repro_permutation p = make(s, n, rounds);
        counts[repro_permutation_at(&p, i) * n + repro_permutation_at(&p, i + 1)]++;
    }
    /* Drop the impossible diagonal: pack the n(n-1) possible cells. */
    size_t cells = 0;
    for (uint64_t a = 0; a < n; a++)
        for (uint64_t b = 0; b < n; b++)
            if (a != b)
                counts[cells++] = counts[a * n + b];
    const double z = chi2_z(counts, cells);
    free(counts);
    print_message("pairs n=%llu i=%llu rounds=%u: z %.2f\n", (unsigned long long)n,
                  (unsigned long long)i, rounds, z);
    return z;
}

/* Small n (the explicit shuffle) and larger n (the network with cycle walking, and
 * without: 128 = 2^7).  A 2-round network, whose first half-output is a function of
 * the input's low half only, fails the pair statistic by far. */
static void test_positions_and_pairs(void **state)
{
    (void)state;
    const unsigned R = REPRO_PERMUTATION_ROUNDS;
    assert_true(positions_z(8, 40000, R) < Z_MAX);
    assert_true(positions_z(100, 4000, R) < Z_MAX);
    assert_true(positions_z(128, 4000, R) < Z_MAX);
    assert_true(pairs_z(8, 0, 100000, R) < Z_MAX);
    assert_true(pairs_z(100, 0, 200000, R) < Z_MAX);
    assert_true(pairs_z(128, 6, 200000, R) < Z_MAX);
    assert_true(pairs_z(100, 0, 200000, 2) > Z_MAX);
    assert_true(pairs_z(128, 6, 200000, 2) > Z_MAX);
}

/* Inside one permutation of a large n, as a data loader sees it: the images of
 * consecutive indices, (at(i), at(i+1)) in 32 x 32 equal bins, spread evenly; the
 * 2-round network fails. */
static double consecutive_z(uint64_t n, unsigned rounds)
{
    enum { B = 32, RUN = 200000 };
    static uint64_t counts[B * B];
    memset(counts, 0, sizeof counts);
    const repro_permutation p = make(3, n, rounds);
    uint64_t prev = repro_permutation_at(&p, 0) / (n / B);
    for (uint64_t i = 1; i <= RUN; i++) {
        const uint64_t bin = repro_permutation_at(&p, i) / (n / B);
        counts[prev * B + bin]++;
        prev = bin;
    }
    const double z = chi2_z(counts, B * B);
    print_message("consecutive n=%llu rounds=%u: z %.2f\n", (unsigned long long)n, rounds, z);
    return z;
}

static void test_consecutive(void **state)
{
    (void)state;
    const uint64_t n = UINT64_C(1) << 30; /* n and n + 32: multiples of B, equal bins */
    assert_true(consecutive_z(n, REPRO_PERMUTATION_ROUNDS) < Z_MAX);
    assert_true(consecutive_z(n + 32, REPRO_PERMUTATION_ROUNDS) < Z_MAX);
    assert_true(consecutive_z(n, 2) > Z_MAX);
}

/* Every order of n = 4 and n = 5 equally often over many seeds. */
static void test_small_orders(void **state)
{
    (void)state;
    static uint64_t counts[120];
    for (unsigned n = 4; n <= 5; n++) {
        const size_t orders = n == 4 ? 24 : 120;
        memset(counts, 0, sizeof counts);
        for (unsigned s = 0; s < 100 * orders; s++) {
            const repro_permutation p = make(s, n, REPRO_PERMUTATION_ROUNDS);
            unsigned v[5];
            for (unsigned i = 0; i < n; i++)
                v[i] = (unsigned)repro_permutation_at(&p, i);
            counts[order_rank(v, n)]++;
        }
        assert_true(chi2_z(counts, orders) < Z_MAX);
    }
}

/* A Feistel network alone is always an even permutation of [0, 2^w); the keyed
 * addition makes odd and even equally likely.  n = 2^7 needs no cycle walking. */
static void test_parity(void **state)
{
    (void)state;
    enum { N = 128, SEEDS = 4000 };
    unsigned even = 0;
    for (unsigned s = 0; s < SEEDS; s++) {
        const repro_permutation p = make(s, N, REPRO_PERMUTATION_ROUNDS);
        unsigned char done[N] = {0};
        unsigned cycles = 0;
        for (uint64_t i = 0; i < N; i++) {
            if (done[i])
                continue;
            cycles++;
            for (uint64_t x = i; !done[x]; x = repro_permutation_at(&p, x))
                done[x] = 1;
        }
        even += (N - cycles) % 2 == 0;
    }
    assert_true(fabs((even - SEEDS / 2.0) / sqrt(SEEDS / 4.0)) < Z_MAX);
}

/* Same seed and n: the same permutation; another seed or another n: another one. */
static void test_keys(void **state)
{
    (void)state;
    enum { N = 1000 };
    const repro_permutation a = make(1, N, REPRO_PERMUTATION_ROUNDS),
                            b = make(1, N, REPRO_PERMUTATION_ROUNDS),
                            c = make(2, N, REPRO_PERMUTATION_ROUNDS),
                            d = make(1, N + 1, REPRO_PERMUTATION_ROUNDS);
    unsigned same_c = 0, same_d = 0;
    for (uint64_t i = 0; i < N; i++) {
        assert_int_equal(repro_permutation_at(&a, i), repro_permutation_at(&b, i));
        same_c += repro_permutation_at(&a, i) == repro_permutation_at(&c, i);
        same_d += repro_permutation_at(&a, i) == repro_permutation_at(&d, i);
    }
    /* about one agreement each for independent permutations */
    assert_true(same_c < 10 && same_d < 10);
}

/* fill() gives what at() gives, for ranges that start and end anywhere (the chunks of
 * 64 and lanes of 4 of the implementation included), on both paths. */
static void test_fill(void **state)
{
    (void)state;
    enum { MAX = 700 };
    static uint64_t out[MAX + 1];
    static const uint64_t ns[] = {1, 7, 64, 65, 1000, (UINT64_C(1) << 20) + 1, UINT64_MAX};
    static const size_t counts[] = {0, 1, 3, 4, 5, 63, 64, 65, 129, MAX};
    for (size_t j = 0; j < sizeof ns / sizeof ns[0]; j++) {
        const repro_permutation p = make(j, ns[j], REPRO_PERMUTATION_ROUNDS);
        for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
            const size_t count = counts[c];
            if (count > ns[j])
                continue;
            const uint64_t starts[3] = {0, (ns[j] - count) / 3, ns[j] - count};
            for (int t = 0; t < 3; t++) {
                out[count] = 12345;
                assert_int_equal(repro_permutation_fill(&p, starts[t], out, count), REPRO_OK);
                for (size_t k = 0; k < count; k++)
                    assert_int_equal(out[k], repro_permutation_at(&p, starts[t] + k));
                assert_int_equal(out[count], 12345);
            }
        }
        out[0] = 12345;
        assert_int_equal(repro_permutation_fill(&p, ns[j], out, 1), REPRO_ERR_ARG);
        assert_int_equal(repro_permutation_fill(&p, ns[j] - 1, out, 2), REPRO_ERR_ARG);
        assert_int_equal(repro_permutation_fill(&p, UINT64_MAX, out, 1), REPRO_ERR_ARG);
        assert_int_equal(repro_permutation_fill(&p, 0, NULL, 1), REPRO_ERR_NULL);
        assert_int_equal(repro_permutation_fill(NULL, 0, out, 1), REPRO_ERR_NULL);
        assert_int_equal(out[0], 12345);
        assert_int_equal(repro_permutation_fill(&p, ns[j], NULL, 0), REPRO_OK);
    }
}

static void test_errors(void **state)
{
    (void)state;
    const repro_seed seed = repro_seed_from_u64(1);
    repro_permutation p, before;
    memset(&p, 0x5A, sizeof p);
    before = p;
    assert_int_equal(repro_permutation_init(NULL, seed, 10), REPRO_ERR_NULL);
    assert_int_equal(repro_permutation_init(&p, seed, 0), REPRO_ERR_ARG);
    assert_int_equal(repro_permutation_init_rounds(&p, seed, 10, 0), REPRO_ERR_ROUNDS);
    assert_int_equal(repro_permutation_init_rounds(&p, seed, 10, 3), REPRO_ERR_ROUNDS);
    assert_int_equal(repro_permutation_init_rounds(&p, seed, 10, 10), REPRO_ERR_ROUNDS);
    assert_memory_equal(&p, &before, sizeof p);
    assert_int_equal(repro_permutation_at(NULL, 0), REPRO_PERMUTATION_INVALID);
    assert_int_equal(repro_permutation_inverse(NULL, 0), REPRO_PERMUTATION_INVALID);
    assert_int_equal(repro_permutation_init(&p, seed, 1), REPRO_OK);
    assert_int_equal(repro_permutation_at(&p, 0), 0);
    assert_int_equal(repro_permutation_inverse(&p, 0), 0);
    assert_int_equal(repro_permutation_at(&p, 1), REPRO_PERMUTATION_INVALID);
    assert_int_equal(repro_permutation_at(&p, UINT64_MAX), REPRO_PERMUTATION_INVALID);
    assert_int_equal(repro_permutation_sizeof(), sizeof(repro_permutation));
    assert_string_not_equal(repro_strerror(REPRO_ERR_ARG), repro_strerror(12345));
}

/* The frozen vectors: permutation images both ways, and whole shuffles with the
 * stream position after them (src/vectors/ checks each record). */
static void test_vectors(void **state)
{
    (void)state;
    vec_tally t = golden_check(PERM_FILE, NULL, NULL);
    assert_int_equal(t.kind[VEC_PERM].records, PERM_RECORDS);
    assert_int_equal(t.kind[VEC_SHUFFLE].records, SHUFFLE_RECORDS);
    assert_int_equal(vec_tally_records(&t), PERM_RECORDS + SHUFFLE_RECORDS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bijection_every_small_n), cmocka_unit_test(test_bijection_huge_n),
        cmocka_unit_test(test_positions_and_pairs),     cmocka_unit_test(test_consecutive),
        cmocka_unit_test(test_small_orders),
        cmocka_unit_test(test_parity),                  cmocka_unit_test(test_keys),
        cmocka_unit_test(test_fill),                    cmocka_unit_test(test_errors),
        cmocka_unit_test(test_vectors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
