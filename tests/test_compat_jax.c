/* JAX compatibility: the known answers of tests/vectors/jax_threefry.txt (copied from
 * JAX's own tests, sources cited there), published values and JAX's split/fold_in
 * symmetry for the partitionable mode, consistency between the functions, and
 * argument checks. */
#include "golden.h"

#define JAX_FILE "tests/vectors/jax_threefry.txt"
/* Records in the file; fewer means a truncated copy. */
#define JAX_LINES 30

static void assert_key(repro_jax_key_t got, repro_jax_key_t want)
{
    assert_int_equal(got.k[0], want.k[0]);
    assert_int_equal(got.k[1], want.k[1]);
}

/* Every record by src/vectors/; threefry_2x32 records whose first counter word is 0
 * also through fold_in, which reaches exactly that block. */
static void test_jax_vectors(void **state)
{
    (void)state;
    vec_tally t = golden_check(JAX_FILE, NULL, NULL);
    assert_int_equal(t.kind[VEC_JAX].records, JAX_LINES);
    assert_int_equal(vec_tally_records(&t), JAX_LINES);
}

/* JAX's test_threefry_split_fold_in_symmetry (partitionable): fold_in(key, i) ==
 * split(key, n)[i].  With testPRNGValues' fold_in(key(0), 4) known answer this pins
 * partitionable split(key(0), 5)[4] to [2285895361, 433833334]. */
static void test_partitionable_split_is_fold_in(void **state)
{
    (void)state;
    const repro_jax_key_t k0 = {{0, 0}}, want = {{2285895361u, 433833334u}};
    repro_jax_key_t s[5];
    assert_int_equal(repro_jax_split(k0, 5, 1, s), REPRO_OK);
    assert_key(s[4], want);
    repro_jax_key_t k72 = repro_jax_key(72);
    assert_int_equal(repro_jax_split(k72, 3, 1, s), REPRO_OK);
    for (uint32_t i = 0; i < 3; i++)
        assert_key(s[i], repro_jax_fold_in(k72, i));
}

/* Published values for partitionable = 1 (JAX's default since 0.5.0).  JAX's own
 * tests/random_test.py has none (it skips its value tests in this mode); these come
 * from JAX's documentation and from jax-js's tests. */

/* JAX's jax.random module docstring (jax-ml/jax jax/random.py, section "PRNG keys",
 * rendered at https://docs.jax.dev/en/latest/jax.random.html):
 *   random.uniform(random.key(0))  -> Array(0.947667, dtype=float32)
 *   key, subkey = random.split(key); random.uniform(subkey)
 *                                  -> Array(0.00729382, dtype=float32)
 * numpy prints at most 8 decimals: 0.947667 is the float32's shortest repr (exact);
 * 0.00729382 is rounded, so within 5e-9, which still fixes all 23 mantissa bits
 * (neighbouring values are 2^-23 apart). */
static void test_partitionable_jax_docs(void **state)
{
    (void)state;
    const repro_jax_key_t k0 = repro_jax_key(0);
    repro_jax_key_t keys[2];
    float u;
    assert_int_equal(repro_jax_uniform_f32(k0, 1, 1, &u), REPRO_OK);
    assert_true(u == 0.947667f);
    assert_int_equal(repro_jax_split(k0, 2, 1, keys), REPRO_OK);
    assert_int_equal(repro_jax_uniform_f32(keys[1], 1, 1, &u), REPRO_OK);
    double d = (double)u - 0.00729382;
    assert_true(d <= 5e-9 && d >= -5e-9);
}

/* ekzhang/jax-js test/random.test.ts, suite "PRNG correctness" (values its authors
 * took from jax.random with JAX's default flags): tests "random bits" (bits(key(0))
 * and bits(key(10), (4,)), uint32), "random split is consistent with jax"
 * (split(key(1), 3)) and "uniform is consistent with jax" (uniform(key(51), (4,)),
 * float32, printed as shortest reprs, so exact). */
static void test_partitionable_jax_js(void **state)
{
    (void)state;
    const uint32_t bits0 = 4070199207u;
    const uint32_t bits10[4] = {169096361u, 1572511259u, 2689743692u, 2228103506u};
    const repro_jax_key_t split1[3] = {{{507451445u, 1853169794u}},
                                       {{1948878966u, 4237131848u}},
                                       {{2441914641u, 3819641963u}}};
    const float uniform51[4] = {0.471269f, 0.12344253f, 0.17550635f, 0.5663593f};
    uint32_t b[4];
    repro_jax_key_t keys[3];
    float u[4];
    assert_int_equal(repro_jax_random_bits32(repro_jax_key(0), 1, 1, b), REPRO_OK);
    assert_int_equal(b[0], bits0);
    assert_int_equal(repro_jax_random_bits32(repro_jax_key(10), 4, 1, b), REPRO_OK);
    assert_memory_equal(b, bits10, sizeof bits10);
    assert_int_equal(repro_jax_split(repro_jax_key(1), 3, 1, keys), REPRO_OK);
    for (size_t i = 0; i < 3; i++)
        assert_key(keys[i], split1[i]);
    assert_int_equal(repro_jax_uniform_f32(repro_jax_key(51), 4, 1, u), REPRO_OK);
    for (size_t i = 0; i < 4; i++)
        assert_true(u[i] == uniform51[i]);
}

/* prng.py's partitionable layout: element i of bits64 is the two words of
 * split's key i, bits32 their XOR. */
static void test_partitionable_bits_match_split(void **state)
{
    (void)state;
    const repro_jax_key_t key = {{0, 1701}};
    repro_jax_key_t s[7];
    uint32_t b32[7];
    uint64_t b64[7];
    assert_int_equal(repro_jax_split(key, 7, 1, s), REPRO_OK);
    assert_int_equal(repro_jax_random_bits32(key, 7, 1, b32), REPRO_OK);
    assert_int_equal(repro_jax_random_bits64(key, 7, 1, b64), REPRO_OK);
    for (size_t i = 0; i < 7; i++) {
        assert_true(b64[i] == ((uint64_t)s[i].k[0] << 32 | s[i].k[1]));
        assert_true(b32[i] == (s[i].k[0] ^ s[i].k[1]));
    }
}

/* uniform is bits with the mantissa trick, in both modes; a prefix of n draws is
 * the n-draw result only in the partitionable mode. */
static void test_uniform_is_bits(void **state)
{
    (void)state;
    const repro_jax_key_t key = {{42, 43}};
    for (int part = 0; part <= 1; part++) {
        uint32_t b32[9];
        uint64_t b64[9];
        float f[9];
        double d[9];
        assert_int_equal(repro_jax_random_bits32(key, 9, part, b32), REPRO_OK);
        assert_int_equal(repro_jax_random_bits64(key, 9, part, b64), REPRO_OK);
        assert_int_equal(repro_jax_uniform_f32(key, 9, part, f), REPRO_OK);
        assert_int_equal(repro_jax_uniform_f64(key, 9, part, d), REPRO_OK);
        for (size_t i = 0; i < 9; i++) {
            assert_true(f[i] >= 0.0f && f[i] < 1.0f);
            assert_true(d[i] >= 0.0 && d[i] < 1.0);
            assert_true((uint32_t)(f[i] * 8388608.0f) == b32[i] >> 9);
            assert_true((uint64_t)(d[i] * 4503599627370496.0) == b64[i] >> 12);
        }
        uint32_t prefix[4];
        assert_int_equal(repro_jax_random_bits32(key, 4, part, prefix), REPRO_OK);
        assert_true((memcmp(prefix, b32, sizeof prefix) == 0) == (part == 1));
    }
}

static void test_errors(void **state)
{
    (void)state;
    const repro_jax_key_t key = {{1, 2}};
    repro_jax_key_t keys[2];
    uint32_t b32[2];
    uint64_t b64[2];
    float f[2];
    double d[2];
    assert_int_equal(repro_jax_split(key, 2, 0, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_jax_random_bits32(key, 2, 1, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_jax_random_bits64(key, 2, 1, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_jax_uniform_f32(key, 2, 0, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_jax_uniform_f64(key, 2, 0, NULL), REPRO_ERR_NULL);
    for (int bad = -1; bad <= 2; bad += 3) {
        assert_int_equal(repro_jax_split(key, 2, bad, keys), REPRO_ERR_COMPAT);
        assert_int_equal(repro_jax_random_bits32(key, 2, bad, b32), REPRO_ERR_COMPAT);
        assert_int_equal(repro_jax_random_bits64(key, 2, bad, b64), REPRO_ERR_COMPAT);
        assert_int_equal(repro_jax_uniform_f32(key, 2, bad, f), REPRO_ERR_COMPAT);
        assert_int_equal(repro_jax_uniform_f64(key, 2, bad, d), REPRO_ERR_COMPAT);
    }
    /* The original layout's single-block limit: refused before anything is written. */
    assert_int_equal(repro_jax_random_bits32(key, UINT32_MAX, 0, b32), REPRO_ERR_COMPAT);
    assert_int_equal(repro_jax_random_bits64(key, (size_t)UINT32_MAX / 2 + 1, 0, b64), REPRO_ERR_COMPAT);
    assert_int_equal(repro_jax_split(key, (size_t)UINT32_MAX / 2 + 1, 0, keys),
                     REPRO_ERR_COMPAT);
    /* n == 0 is an empty result. */
    assert_int_equal(repro_jax_random_bits32(key, 0, 0, b32), REPRO_OK);
    assert_int_equal(repro_jax_split(key, 0, 1, keys), REPRO_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jax_vectors),
        cmocka_unit_test(test_partitionable_split_is_fold_in),
        cmocka_unit_test(test_partitionable_jax_docs),
        cmocka_unit_test(test_partitionable_jax_js),
        cmocka_unit_test(test_partitionable_bits_match_split),
        cmocka_unit_test(test_uniform_is_bits),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
