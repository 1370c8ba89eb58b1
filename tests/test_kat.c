/* Known answers: every Philox and Threefry line of Random123's kat_vectors, through
 * the public block functions (src/vectors/ checks them), plus their argument checks. */
#include "golden.h"

#define KAT_FILE "tests/kat/kat_vectors.txt"
/* Random123's file has 60 Philox/Threefry lines; fewer means a truncated copy. */
#define KAT_EXPECTED_LINES 60

static const char *const variants[] = {"philox2x32",   "philox4x32",   "philox2x64",
                                       "philox4x64",   "threefry2x32", "threefry4x32",
                                       "threefry2x64", "threefry4x64"};
#define NVARIANTS (sizeof variants / sizeof variants[0])

static void count_variant(void *ctx, const vec_record *r)
{
    unsigned *per_variant = ctx;
    for (size_t i = 0; i < NVARIANTS; i++)
        per_variant[i] += !strcmp(r->field[0], variants[i]);
}

static void test_kat_file(void **state)
{
    (void)state;
    unsigned per_variant[NVARIANTS] = {0};
    vec_tally t = golden_check(KAT_FILE, count_variant, per_variant);
    assert_int_equal(t.kind[VEC_KAT].records, KAT_EXPECTED_LINES);
    assert_int_equal(vec_tally_records(&t), KAT_EXPECTED_LINES);
    for (size_t i = 0; i < NVARIANTS; i++)
        assert_true(per_variant[i] >= 6); /* every variant at two or more round counts */
}

/* out may alias ctr: the documented in-place use. */
static void test_in_place(void **state)
{
    (void)state;
    uint32_t x[4] = {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344};
    const uint32_t key[2] = {0xa4093822, 0x299f31d0};
    assert_int_equal(repro_philox4x32(x, key, 10, x), REPRO_OK);
    assert_int_equal(x[0], 0xd16cfe09);
    assert_int_equal(x[3], 0x24126ea1);
}

static void test_round_limits(void **state)
{
    (void)state;
    const uint32_t c32[4] = {0}, k32[4] = {0};
    const uint64_t c64[4] = {0}, k64[4] = {0};
    uint32_t o32[4];
    uint64_t o64[4];
    for (unsigned r = 0; r <= 80; r++) {
        int philox_ok = r >= 1 && r <= 16, tf_ok = r >= 1 && r <= 72;
        int want_p = philox_ok ? REPRO_OK : REPRO_ERR_ROUNDS;
        int want_t = tf_ok ? REPRO_OK : REPRO_ERR_ROUNDS;
        assert_int_equal(repro_philox2x32(c32, k32, r, o32), want_p);
        assert_int_equal(repro_philox4x32(c32, k32, r, o32), want_p);
        assert_int_equal(repro_philox2x64(c64, k64, r, o64), want_p);
        assert_int_equal(repro_philox4x64(c64, k64, r, o64), want_p);
        assert_int_equal(repro_threefry2x32(c32, k32, r, o32), want_t);
        assert_int_equal(repro_threefry4x32(c32, k32, r, o32), want_t);
        assert_int_equal(repro_threefry2x64(c64, k64, r, o64), want_t);
        assert_int_equal(repro_threefry4x64(c64, k64, r, o64), want_t);
    }
}

static void test_null_pointers(void **state)
{
    (void)state;
    const uint32_t c[4] = {0}, k[4] = {0};
    uint32_t o[4];
    assert_int_equal(repro_philox4x32(NULL, k, 10, o), REPRO_ERR_NULL);
    assert_int_equal(repro_philox4x32(c, NULL, 10, o), REPRO_ERR_NULL);
    assert_int_equal(repro_philox4x32(c, k, 10, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_threefry4x64(NULL, NULL, 20, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_philox2x32(c, k, 10, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_threefry2x32(NULL, k, 20, o), REPRO_ERR_NULL);
    /* a failed call leaves the output untouched */
    memset(o, 0xCA, sizeof o);
    assert_int_equal(repro_philox4x32(c, k, 0, o), REPRO_ERR_ROUNDS);
    assert_int_equal(o[0], 0xCACACACA);
}

static void test_errors_have_messages(void **state)
{
    (void)state;
    for (int e = 0; e >= -64; e--) {
        const char *name = repro_error_name(e);
        if (name) {
            assert_string_not_equal(repro_strerror(e), "unknown error code");
            assert_true(strncmp(name, "REPRO_", 6) == 0);
        } else {
            assert_string_equal(repro_strerror(e), "unknown error code");
        }
    }
    assert_string_equal(repro_error_name(REPRO_ERR_ROUNDS), "REPRO_ERR_ROUNDS");
    assert_string_equal(repro_strerror(12345), "unknown error code");
}

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(repro_version(), REPRO_VERSION_STRING);
    assert_int_equal(repro_version_number(),
                     REPRO_VERSION_MAJOR * 10000 + REPRO_VERSION_MINOR * 100 +
                         REPRO_VERSION_PATCH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kat_file),      cmocka_unit_test(test_in_place),
        cmocka_unit_test(test_round_limits),  cmocka_unit_test(test_null_pointers),
        cmocka_unit_test(test_errors_have_messages), cmocka_unit_test(test_version),
    };
    return cmocka_run_group_tests_name("kat", tests, NULL, NULL);
}
