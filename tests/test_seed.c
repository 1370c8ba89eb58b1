/* Contract §2: every seed derivation, path and hex form against the vectors that the
 * independent Python reference (tools/spec_ref.py seeds) wrote to
 * tests/vectors/seeds.txt (checked by src/vectors/), plus the argument checks. */
#include "golden.h"

#define SEEDS_FILE "tests/vectors/seeds.txt"

static const repro_seed sentinel = {{0x5e5e5e5e5e5e5e5eu, 1, 2, 3}};

/* Record counts of seeds.txt by kind; a shorter file is a truncated copy. */
enum { K_U64, K_BYTES, K_CHILD, K_NAMED, K_PATH, K_HEX, K_COUNT };
static const char *const kinds[K_COUNT] = {"u64", "bytes", "child", "named", "path", "hex"};
static const unsigned expected_count[K_COUNT] = {7, 15, 28, 60, 70, 12};

static void count_kind(void *ctx, const vec_record *r)
{
    unsigned *count = ctx;
    for (int k = 0; k < K_COUNT; k++)
        count[k] += !strcmp(r->field[0], kinds[k]);
}

static void test_seed_vectors(void **state)
{
    (void)state;
    unsigned count[K_COUNT] = {0}, total = 0;
    vec_tally t = golden_check(SEEDS_FILE, count_kind, count);
    for (int k = 0; k < K_COUNT; k++) {
        if (count[k] != expected_count[k])
            fail_msg("%s: %u %s records, expected %u", SEEDS_FILE, count[k], kinds[k],
                     expected_count[k]);
        total += count[k];
    }
    assert_int_equal(vec_tally_records(&t), total);
}

/* The worked examples of contract section 5, straight from the contract text. */
static void test_spec_examples(void **state)
{
    (void)state;
    char hex[65];
    repro_seed s42 = repro_seed_from_u64(42), out;
    repro_seed_to_hex(repro_seed_from_u64(0), hex);
    assert_string_equal(hex, "308789a59df1228a15686cd840606fff2ae30f072c7fcd653a47c1c8e5b08d2e");
    repro_seed_to_hex(s42, hex);
    assert_string_equal(hex, "bdb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02");
    repro_seed_to_hex(repro_seed_from_string(""), hex);
    assert_string_equal(hex, "aad39caa1643da5cd985d65512dff04a15f033e9b9d4e905028b2ab3201b2630");
    repro_seed_to_hex(repro_seed_from_string("repro"), hex);
    assert_string_equal(hex, "3b92397031ce641da0bbd3208edee786abafe4e193fef28cbda5292d3b406b7d");
    repro_seed_to_hex(repro_seed_child(s42, 0), hex);
    assert_string_equal(hex, "5f9780decaf933a20d694f4fc2598ac7646b00917abb071ae23c61074781a68e");
    repro_seed_to_hex(repro_seed_named(s42, "train", 5), hex);
    assert_string_equal(hex, "0e67b11a3fa7e57ff849ca1e6cb024646a74c81457f98b9080c69b9d39d84dc2");
    assert_int_equal(repro_seed_path(s42, "train/#3/dropout", &out), REPRO_OK);
    repro_seed_to_hex(out, hex);
    assert_string_equal(hex, "6b4c7fd61114c75c3174ffd7372686eab748934e5af71edeca6a5300d73e60f5");
}

/* A path is the composition of its segments ('#' makes an index only as the first
 * byte of a segment), and the empty path is the root. */
static void test_path_composition(void **state)
{
    (void)state;
    repro_seed root = repro_seed_from_string("root"), out = sentinel;
    assert_int_equal(repro_seed_path(root, "", &out), REPRO_OK);
    assert_seed_equal(out, root);
    repro_seed want = repro_seed_named(
        repro_seed_child(repro_seed_named(root, "a b", 3), UINT64_MAX), "x#", 2);
    assert_int_equal(repro_seed_path(root, "a b/#018446744073709551615/x#", &out), REPRO_OK);
    assert_seed_equal(out, want);
}

static void test_null_arguments(void **state)
{
    (void)state;
    repro_seed root = repro_seed_from_u64(1), out = sentinel;
    size_t off = 77;
    assert_int_equal(repro_seed_path(root, NULL, &out), REPRO_ERR_NULL);
    assert_int_equal(repro_seed_path(root, "a", NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_seed_path_ex(root, NULL, &out, &off), REPRO_ERR_NULL);
    assert_int_equal(repro_seed_from_hex(NULL, &out), REPRO_ERR_NULL);
    assert_int_equal(repro_seed_from_hex("00", NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_seed_from_bytes_ex(NULL, 1, &out), REPRO_ERR_NULL);
    assert_int_equal(repro_seed_from_bytes_ex("a", 1, NULL), REPRO_ERR_NULL);
    assert_seed_equal(out, sentinel);
    assert_int_equal(repro_seed_from_bytes_ex(NULL, 0, &out), REPRO_OK);
    /* NULL with length 0, and NULL strings, are the empty byte string */
    repro_seed empty = repro_seed_from_bytes("", 0);
    assert_seed_equal(out, empty);
    assert_seed_equal(repro_seed_from_bytes(NULL, 0), empty);
    assert_seed_equal(repro_seed_from_string(NULL), empty);
    assert_seed_equal(repro_seed_named(root, NULL, 0), repro_seed_named(root, "", 0));
}

static void test_seed_equal(void **state)
{
    (void)state;
    repro_seed a = repro_seed_from_u64(5), b = a;
    assert_int_equal(repro_seed_equal(a, b), 1);
    for (int k = 0; k < 4; k++) {
        b = a;
        b.w[k] ^= UINT64_C(1) << 63;
        assert_int_equal(repro_seed_equal(a, b), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_vectors),   cmocka_unit_test(test_spec_examples),
        cmocka_unit_test(test_path_composition), cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_seed_equal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
