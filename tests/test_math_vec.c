/* The vectorised conversions of src/math/math_vec.h give exactly the scalar
 * functions' bits (compiled here at SSE2's width), on stream-like doubles and on the
 * edges: both tails, the branch boundaries, 0, 1, subnormals, NaN, out of range.
 * The SIMD fills themselves are compared with the scalar functions in
 * tests/test_math.c at every ISA, and the public math arrays (every ISA's own
 * kernels) here. */
#include "testutil.h"
#include "vectors/bits.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* SSE2's width: the baseline CPU's own vectors (wider ones are checked through
 * the fills at their ISAs). */
#define RV_BYTES 16
#include "math/math_vec.h"

#define COUNT 200003 /* not a multiple of the chunk or the vector width */

/* Inputs: stream doubles in (0,1) and (0,1], neighbours of the branch points, and
 * special values, shuffled in among them. */
static double *inputs(void)
{
    double *u = malloc(COUNT * sizeof *u);
    assert_non_null(u);
    uint64_t k = 12345;
    const double edges[] = {0.0, -0.0, 1.0, 0.5, 0.075, 0.925, 0x1p-1074, 0x1p-1022,
                            0x1.fffffffffffffp-1023, 0x1p-54, 0x1.fffffffffffffp-1, -1.0, 2.0,
                            NAN, INFINITY, 1.3887943864964021e-11, 1 - 1.3887943864964021e-11};
    for (size_t i = 0; i < COUNT; i++) {
        k = k * 6364136223846793005u + 1442695040888963407u;
        switch (k >> 61) {
        case 0: /* an edge, or a neighbour of one */
            u[i] = edges[(k >> 20) % (sizeof edges / sizeof edges[0])];
            if (u[i] > 0 && u[i] < 1)
                u[i] = vec_bits_double(vec_double_bits(u[i]) + (k >> 8) % 5 - 2);
            break;
        case 1: /* the stream's (0,1] doubles */
            u[i] = ((double)(k >> 11) + 1.0) * 0x1p-53;
            break;
        case 2: /* deep lower tail */
            u[i] = vec_bits_double((k >> 2) % vec_double_bits(0.075));
            break;
        default: /* the stream's (0,1) doubles */
            u[i] = ((double)(k >> 11) + 0.5) * 0x1p-53;
        }
    }
    return u;
}

static void test_inv_normal_vec(void **state)
{
    (void)state;
    double *u = inputs(), *x = malloc(COUNT * sizeof *x);
    assert_non_null(x);
    memcpy(x, u, COUNT * sizeof *x);
    repro_dist_inv_normal_vec(x, COUNT);
    for (size_t i = 0; i < COUNT; i++)
        if (vec_double_bits(x[i]) != vec_double_bits(repro_math_inv_normal_cdf(u[i])))
            fail_msg("inv_normal_vec(%a) = %a, scalar %a", u[i], x[i],
                     repro_math_inv_normal_cdf(u[i]));
    free(u);
    free(x);
}

static void test_neg_log_vec(void **state)
{
    (void)state;
    double *u = inputs(), *x = malloc(COUNT * sizeof *x);
    assert_non_null(x);
    for (size_t i = 0; i < COUNT; i += 7) /* also values above 1 */
        u[i] = u[i] * 1e300;
    memcpy(x, u, COUNT * sizeof *x);
    repro_dist_neg_log_vec(x, COUNT);
    for (size_t i = 0; i < COUNT; i++)
        if (vec_double_bits(x[i]) != vec_double_bits(-repro_math_log(u[i])))
            fail_msg("neg_log_vec(%a) = %a, scalar %a", u[i], x[i], -repro_math_log(u[i]));
    free(u);
    free(x);
}

/* The public arrays at the active ISA (tests/run_c_tests.sh runs this once per ISA):
 * the same edge-laden inputs through the kernels of every width, out of place and in
 * place, bit for bit against the scalar functions. */
static void test_math_arrays(void **state)
{
    (void)state;
    double *u = inputs(), *x = malloc(COUNT * sizeof *x), *y = malloc(COUNT * sizeof *y);
    assert_non_null(x);
    assert_non_null(y);
    for (size_t i = 0; i < COUNT; i += 7) /* also values above 1, for log */
        u[i] = u[i] * 1e300;
    for (size_t i = 0; i < COUNT; i++)
        x[i] = y[i] = vec_bits_double(0xCACACACACACACACAu); /* kernels must write each */
    assert_int_equal(repro_math_inv_normal_cdf_array(u, x, COUNT), REPRO_OK);
    memcpy(y, u, COUNT * sizeof *y);
    assert_int_equal(repro_math_log_array(y, y, COUNT), REPRO_OK);
    for (size_t i = 0; i < COUNT; i++) {
        if (vec_double_bits(x[i]) != vec_double_bits(repro_math_inv_normal_cdf(u[i])))
            fail_msg("inv_normal_cdf_array(%a) = %a at %s, scalar %a", u[i], x[i],
                     repro_isa_name(), repro_math_inv_normal_cdf(u[i]));
        if (vec_double_bits(y[i]) != vec_double_bits(repro_math_log(u[i])))
            fail_msg("log_array(%a) = %a at %s, scalar %a", u[i], y[i], repro_isa_name(),
                     repro_math_log(u[i]));
    }
    /* short arrays (below a vector, a chunk), at an odd offset */
    for (size_t n = 0; n < 40; n++) {
        assert_int_equal(repro_math_inv_normal_cdf_array(u + 3, x + 1, n), REPRO_OK);
        for (size_t i = 0; i < n; i++)
            assert_true(vec_double_bits(x[1 + i]) ==
                        vec_double_bits(repro_math_inv_normal_cdf(u[3 + i])));
    }
    assert_int_equal(repro_math_log_array(NULL, x, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_math_inv_normal_cdf_array(u, NULL, 1), REPRO_ERR_NULL);
    assert_int_equal(repro_math_log_array(NULL, NULL, 0), REPRO_OK);
    free(u);
    free(x);
    free(y);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inv_normal_vec),
        cmocka_unit_test(test_neg_log_vec),
        cmocka_unit_test(test_math_arrays),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
