/* Golden vectors of every distribution (tests/vectors/dist_*.txt, frozen): each
 * record is redrawn bit for bit, at the active ISA (tests/run_c_tests.sh runs this
 * once per ISA), as one fill and as single-value fills, with the same end position. */
#include "testutil.h"
#include "vecfile.h"
#include "dist_draw.h"

static const char *const files[] = {
    "tests/vectors/dist_normal.txt",   "tests/vectors/dist_exponential.txt",
    "tests/vectors/dist_gaussian.txt", "tests/vectors/dist_uniform.txt",
    "tests/vectors/dist_bernoulli.txt", "tests/vectors/dist_gamma.txt",
    "tests/vectors/dist_beta.txt",     "tests/vectors/dist_poisson.txt",
    "tests/vectors/dist_binomial.txt",
};

static void check_file(const char *path)
{
    vec_reader r;
    unsigned records = 0;
    vec_open(&r, path);
    while (vec_next(&r)) {
        repro_algorithm a = REPRO_PHILOX4X32;
        if (r.nfields < 6 || repro_algorithm_from_name(r.field[0], &a) != REPRO_OK)
            fail_msg("%s:%u: bad record", path, r.lineno);
        repro_stream s, one;
        assert_int_equal(repro_stream_init(&s, a, vec_seed(&r, 1)), REPRO_OK);
        repro_stream_seek(&s, vec_num(&r, 2, 10));
        one = s;
        const char *draw = r.field[3];
        uint64_t end = vec_num(&r, 4, 10);
        size_t n = r.nfields - 5;
        uint64_t got[DIST_DRAW_MAX], single;
        int digits;
        assert_true(n <= DIST_DRAW_MAX);
        if (dist_draw(&s, draw, n, got, &digits) != REPRO_OK)
            fail_msg("%s:%u: draw %s failed", path, r.lineno, draw);
        for (size_t i = 0; i < n; i++) {
            uint64_t want = vec_num(&r, 5 + i, 16);
            if (got[i] != want)
                fail_msg("%s:%u: %s value %zu is %016llx, the file has %016llx", path,
                         r.lineno, draw, i, (unsigned long long)got[i],
                         (unsigned long long)want);
            assert_int_equal(dist_draw(&one, draw, 1, &single, &digits), REPRO_OK);
            assert_int_equal(single, want);
        }
        if (repro_stream_tell(&s) != end || repro_stream_tell(&one) != end)
            fail_msg("%s:%u: end position %llu, the file has %llu", path, r.lineno,
                     (unsigned long long)repro_stream_tell(&s), (unsigned long long)end);
        records++;
    }
    assert_true(records >= 12);
}

static void test_dist_vectors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        check_file(files[i]);
}

/* The random-access forms of the contract's normal and exponential agree with the
 * frozen records too. */
static void test_at_forms(void **state)
{
    (void)state;
    for (int f = 0; f < 2; f++) {
        vec_reader r;
        vec_open(&r, files[f]);
        while (vec_next(&r)) {
            repro_algorithm a;
            assert_int_equal(repro_algorithm_from_name(r.field[0], &a), REPRO_OK);
            repro_stream s;
            assert_int_equal(repro_stream_init(&s, a, vec_seed(&r, 1)), REPRO_OK);
            double d[DIST_DRAW_MAX];
            size_t n = r.nfields - 5;
            int rc = f == 0 ? repro_fill_normal_at(&s, vec_num(&r, 2, 10), d, n)
                            : repro_fill_exponential_at(&s, vec_num(&r, 2, 10), d, n);
            assert_int_equal(rc, REPRO_OK);
            for (size_t i = 0; i < n; i++) {
                uint64_t b;
                memcpy(&b, &d[i], sizeof b);
                assert_int_equal(b, vec_num(&r, 5 + i, 16));
            }
            assert_int_equal(repro_stream_tell(&s), 0);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dist_vectors),
        cmocka_unit_test(test_at_forms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
