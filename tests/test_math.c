/* repro_math_log / exp / inv_normal_cdf: the documented special values, known
 * answers (correctly rounded values computed with mpmath at 300+ bits, listed as hex
 * floats), and invariants.  tools/math_accuracy.py (make check-math) measures the
 * error over 10^6 points per function. */
#include "testutil.h"
#include "vectors/bits.h"

#include <math.h>
#include <string.h>

/* Distance in ulps between two finite doubles of the same sign. */
static uint64_t ulp_distance(double a, double b)
{
    if (a == b)
        return 0;
    assert_true((a < 0) == (b < 0));
    uint64_t x = vec_double_bits(a), y = vec_double_bits(b);
    return x > y ? x - y : y - x;
}

typedef struct {
    double x, expected;
} known;

static void check_known(double (*fn)(double), const known *k, size_t n, uint64_t max_ulp,
                        const char *name)
{
    for (size_t i = 0; i < n; i++) {
        double got = fn(k[i].x);
        uint64_t d = ulp_distance(got, k[i].expected);
        if (d > max_ulp)
            fail_msg("%s(%a) = %a, expected %a (%llu ulp)", name, k[i].x, got, k[i].expected,
                     (unsigned long long)d);
    }
}

static void test_log_special(void **state)
{
    (void)state;
    assert_true(isinf(repro_math_log(0.0)) && repro_math_log(0.0) < 0);
    assert_true(isinf(repro_math_log(-0.0)) && repro_math_log(-0.0) < 0);
    assert_true(isnan(repro_math_log(-1.0)));
    assert_true(isnan(repro_math_log(-5e-324)));
    assert_true(isnan(repro_math_log(-INFINITY)));
    assert_true(isnan(repro_math_log(NAN)));
    assert_true(isinf(repro_math_log(INFINITY)) && repro_math_log(INFINITY) > 0);
    assert_true(vec_double_bits(repro_math_log(1.0)) == 0); /* +0 exactly */
    /* The NaN is always the same quiet NaN (reproducible bits). */
    assert_true(vec_double_bits(repro_math_log(-1.0)) ==
                vec_double_bits(repro_math_log(NAN)));
}

static void test_log_known(void **state)
{
    (void)state;
    static const known k[] = {
        {0x0.0000000000001p-1022, -0x1.74385446d71c3p+9}, /* smallest subnormal */
        {0x0.0000000000003p-1022, -0x1.73abb4f301b42p+9},
        {0x0.8p-1022, -0x1.628b76e3a7b61p+9},
        {0x1p-1022, -0x1.6232bdd7abcd2p+9},
        {0x1.fffffffffffffp+1023, 0x1.62e42fefa39efp+9},
        {2.0, 0x1.62e42fefa39efp-1},
        {10.0, 0x1.26bb1bbb55516p+1},
        {0.5, -0x1.62e42fefa39efp-1},
        {0x1.0000000000001p+0, 0x1.fffffffffffffp-53},
        {0x1.fffffffffffffp-1, -0x1p-53},
        {0x1.6a09e667f3bcdp+0, 0x1.62e42fefa39f0p-2}, /* sqrt(2): branch boundary */
        {1e-300, -0x1.5963447f87fb5p+9},
        {3.0, 0x1.193ea7aad030bp+0},
        {0.1, -0x1.26bb1bbb55515p+1},
        {1234.5678, 0x1.c7951d51791d7p+2},
    };
    check_known(repro_math_log, k, sizeof k / sizeof k[0], 1, "log");
}

static void test_exp_special_and_known(void **state)
{
    (void)state;
    assert_true(repro_math_exp(0.0) == 1.0 && repro_math_exp(-0.0) == 1.0);
    assert_true(isnan(repro_math_exp(NAN)));
    assert_true(isinf(repro_math_exp(INFINITY)));
    assert_true(vec_double_bits(repro_math_exp(-INFINITY)) == 0);
    assert_true(isinf(repro_math_exp(710.0)));
    assert_true(vec_double_bits(repro_math_exp(-746.0)) == 0);
    static const known k[] = {
        {1.0, 0x1.5bf0a8b145769p+1},
        {-1.0, 0x1.78b56362cef38p-2},
        {0x1p-30, 0x1.0000000400000p+0},
        {-745.0, 0x0.0000000000001p-1022}, /* subnormal results */
        {-744.0, 0x0.0000000000002p-1022},
        {-709.0, 0x0.8bfe55de02338p-1022},
        {-708.5, 0x0.e6cf6d08897acp-1022},
        {709.0, 0x1.d422d2be5dc9bp+1022},
        {0x1.62e42fefa39efp+9, 0x1.fffffffffff2ap+1023}, /* largest finite result */
        {0.5, 0x1.a61298e1e069cp+0},
        {-0.3, 0x1.7b4c869c37c05p-1},
        {20.0, 0x1.ceb088b68e804p+28},
        {-20.0, 0x1.1b48655f37267p-29},
    };
    check_known(repro_math_exp, k, sizeof k / sizeof k[0], 1, "exp");
}

static void test_inv_normal_special(void **state)
{
    (void)state;
    double lo = repro_math_inv_normal_cdf(0.0), hi = repro_math_inv_normal_cdf(1.0);
    assert_true(isinf(lo) && lo < 0);
    assert_true(isinf(hi) && hi > 0);
    assert_true(isnan(repro_math_inv_normal_cdf(-0x1p-1074)));
    assert_true(isnan(repro_math_inv_normal_cdf(1.0 + 0x1p-52)));
    assert_true(isnan(repro_math_inv_normal_cdf(NAN)));
    assert_true(isnan(repro_math_inv_normal_cdf(INFINITY)));
    assert_true(isnan(repro_math_inv_normal_cdf(-INFINITY)));
    assert_true(repro_math_inv_normal_cdf(0.5) == 0.0);
}

static void test_inv_normal_known(void **state)
{
    (void)state;
    static const known k[] = {
        {0x0.0000000000001p-1022, -0x1.33bd3f27fcd03p+5}, /* 2^-1074 */
        {0x1p-1022, -0x1.2c27b05bf1a0bp+5},
        {1e-300, -0x1.286074064c26ep+5},
        {1e-100, -0x1.546010d755221p+4},
        {1e-20, -0x1.2865170b43a4cp+3},
        {1e-10, -0x1.97203597a2155p+2},
        {0.001, -0x1.8b8cbb7204471p+1},
        {0.025, -0x1.f5c0331eeff85p+0},
        {0.075, -0x1.7085226d3e524p+0}, /* branch boundary */
        {0.1, -0x1.4813c36e26d32p+0},
        {0.3, -0x1.0c7e39582c5fbp-1},
        {0.7, 0x1.0c7e39582c5fap-1},
        {0.925, 0x1.7085226d3e525p+0},
        {0.975, 0x1.f5c0331eeff83p+0},
        {0.999, 0x1.8b8cbb7204470p+1},
        {0x1.fffffffffffffp-1, 0x1.06b48528cea52p+3}, /* 1 - 2^-53 */
        {0x1.ffffffffffffep-1, 0x1.04074bdbf8864p+3},
    };
    check_known(repro_math_inv_normal_cdf, k, sizeof k / sizeof k[0], 8, "inv_normal_cdf");
}

/* Phi^-1(1 - u) = -Phi^-1(u) bit for bit when 1 - u is exact (u = k 2^-53): both
 * branches compute with the same |q| or the same tail probability. */
static void test_inv_normal_antisymmetric(void **state)
{
    (void)state;
    uint64_t k = 1;
    for (int i = 0; i < 20000; i++) {
        k = k * 6364136223846793005u + 1442695040888963407u;
        uint64_t m = (k >> 11) % (((uint64_t)1 << 52) - 1) + 1; /* 1 .. 2^52 - 1 */
        double u = (double)m * 0x1p-53;
        double a = repro_math_inv_normal_cdf(u), b = repro_math_inv_normal_cdf(1.0 - u);
        if (a != -b)
            fail_msg("inv_normal_cdf(%a) = %a but inv_normal_cdf(1 - u) = %a", u, a, b);
    }
}

/* Increasing on a grid much coarser than the error bound, tails included. */
static void test_inv_normal_monotone(void **state)
{
    (void)state;
    double prev = -INFINITY;
    for (double u = 0x1p-1074; u < 0.25; u *= 1.5) {
        double x = repro_math_inv_normal_cdf(u);
        assert_true(x > prev);
        prev = x;
    }
    for (double u = 0.25; u < 1.0; u += 1.0 / 4096) {
        double x = repro_math_inv_normal_cdf(u);
        assert_true(x > prev);
        prev = x;
    }
    for (double t = 0x1p-13; t >= 0x1p-53; t *= 0.5) {
        double x = repro_math_inv_normal_cdf(1.0 - t);
        assert_true(x > prev);
        prev = x;
    }
}

/* The stream conversions of contract section 3 use exactly these functions. */
static void test_stream_uses_math(void **state)
{
    (void)state;
    repro_stream a, b;
    repro_seed seed = repro_seed_from_u64(42);
    assert_int_equal(repro_stream_init(&a, REPRO_PHILOX4X32, seed), REPRO_OK);
    b = a;
    for (int i = 0; i < 1000; i++) {
        uint64_t x = repro_next_u64(&a);
        double u = ((double)(x >> 11) + 0.5) * 0x1p-53;
        assert_true(vec_double_bits(repro_next_normal(&b)) ==
                    vec_double_bits(repro_math_inv_normal_cdf(u)));
        x = repro_next_u64(&a);
        u = ((double)(x >> 11) + 1.0) * 0x1p-53;
        assert_true(vec_double_bits(repro_next_exponential(&b)) ==
                    vec_double_bits(-repro_math_log(u)));
    }
}

/* The bulk fills (SIMD at the active ISA: tests/run_c_tests.sh runs this once per
 * ISA) give exactly the scalar functions' bits on 10^5 values, odd start included. */
static void test_fills_match_scalar(void **state)
{
    (void)state;
    enum { N = 100001 };
    static uint64_t w[N];
    static double z[N], e[N];
    repro_stream s;
    assert_int_equal(repro_stream_init(&s, REPRO_THREEFRY4X64, repro_seed_from_u64(7)), REPRO_OK);
    assert_int_equal(repro_fill_u64_at(&s, 3, w, N), REPRO_OK);
    assert_int_equal(repro_fill_normal_at(&s, 3, z, N), REPRO_OK);
    assert_int_equal(repro_fill_exponential_at(&s, 3, e, N), REPRO_OK);
    for (size_t i = 0; i < N; i++) {
        double u = ((double)(w[i] >> 11) + 0.5) * 0x1p-53;
        double v = ((double)(w[i] >> 11) + 1.0) * 0x1p-53;
        if (vec_double_bits(z[i]) != vec_double_bits(repro_math_inv_normal_cdf(u)) ||
            vec_double_bits(e[i]) != vec_double_bits(-repro_math_log(v)))
            fail_msg("value %zu at ISA %s differs from the scalar functions", i,
                     repro_isa_name());
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_log_special),
        cmocka_unit_test(test_log_known),
        cmocka_unit_test(test_exp_special_and_known),
        cmocka_unit_test(test_inv_normal_special),
        cmocka_unit_test(test_inv_normal_known),
        cmocka_unit_test(test_inv_normal_antisymmetric),
        cmocka_unit_test(test_inv_normal_monotone),
        cmocka_unit_test(test_stream_uses_math),
        cmocka_unit_test(test_fills_match_scalar),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
