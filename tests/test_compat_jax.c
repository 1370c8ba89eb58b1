/* JAX compatibility: the known answers of tests/vectors/jax_threefry.txt (copied from
 * JAX's own tests, sources cited there), JAX's split/fold_in symmetry for the
 * partitionable mode, consistency between the functions, and argument checks. */
#include "testutil.h"
#include "vecfile.h"

#define JAX_FILE "tests/vectors/jax_threefry.txt"
/* Records in the file; fewer means a truncated copy. */
#define JAX_LINES 30
#define MAXN 16

/* A cursor over one record's fields (numbers decimal, or hexadecimal with 0x). */
typedef struct {
    vec_reader *r;
    size_t i;
} cursor;

static const char *field(cursor *c)
{
    if (c->i >= c->r->nfields)
        fail_msg("%s:%u: missing field %zu", c->r->path, c->r->lineno, c->i);
    return c->r->field[c->i++];
}

static uint64_t num(cursor *c)
{
    return vec_num(c->r, c->i++, 0);
}

static uint32_t num32(cursor *c)
{
    uint64_t v = num(c);
    assert_true(v <= UINT32_MAX);
    return (uint32_t)v;
}

static repro_jax_key_t read_key(cursor *c)
{
    repro_jax_key_t k;
    k.k[0] = num32(c);
    k.k[1] = num32(c);
    return k;
}

static void assert_key(repro_jax_key_t got, repro_jax_key_t want)
{
    assert_int_equal(got.k[0], want.k[0]);
    assert_int_equal(got.k[1], want.k[1]);
}

/* "P K0 K1 N": flag, key and count of a bits/uniform/split record. */
static size_t read_head(cursor *c, int *partitionable, repro_jax_key_t *key)
{
    *partitionable = (int)num(c);
    *key = read_key(c);
    size_t n = (size_t)num(c);
    assert_true(n <= MAXN);
    return n;
}

static void check_threefry(cursor *c)
{
    repro_jax_key_t key = read_key(c);
    uint32_t ctr[2], want[2], got[2];
    for (int k = 0; k < 2; k++)
        ctr[k] = num32(c);
    for (int k = 0; k < 2; k++)
        want[k] = num32(c);
    /* threefry_2x32(key, [c0, c1]) is one block; fold_in reaches exactly that block
     * when c0 == 0. */
    assert_int_equal(repro_threefry2x32(ctr, key.k, 20, got), REPRO_OK);
    assert_memory_equal(got, want, sizeof got);
    if (ctr[0] == 0) {
        repro_jax_key_t f = repro_jax_fold_in(key, ctr[1]);
        assert_memory_equal(f.k, want, sizeof want);
    }
}

static void check_key(cursor *c)
{
    const char *mode = field(c), *text = field(c);
    int x64 = strcmp(mode, "x64") == 0;
    assert_true(x64 || strcmp(mode, "x32") == 0);
    char *end;
    int64_t seed = (int64_t)strtoll(text, &end, 10);
    assert_true(*text && *end == '\0');
    assert_key(x64 ? repro_jax_key(seed) : repro_jax_key_x32(seed), read_key(c));
}

static void check_split(cursor *c)
{
    int part;
    repro_jax_key_t key, got[MAXN];
    size_t n = read_head(c, &part, &key);
    assert_int_equal(repro_jax_split(key, n, part, got), REPRO_OK);
    for (size_t k = 0; k < n; k++)
        assert_key(got[k], read_key(c));
}

static void check_fold_in(cursor *c)
{
    repro_jax_key_t key = read_key(c);
    uint32_t data = num32(c);
    assert_key(repro_jax_fold_in(key, data), read_key(c));
}

/* kind: 32, 64 or -64 (bits64_x32: compare the low words). */
static void check_bits(cursor *c, int kind)
{
    int part;
    repro_jax_key_t key;
    size_t n = read_head(c, &part, &key);
    uint32_t b32[MAXN];
    uint64_t b64[MAXN];
    if (kind == 32)
        assert_int_equal(repro_jax_random_bits32(key, n, part, b32), REPRO_OK);
    else
        assert_int_equal(repro_jax_random_bits64(key, n, part, b64), REPRO_OK);
    for (size_t k = 0; k < n; k++) {
        uint64_t want = num(c);
        uint64_t got = kind == 32 ? b32[k] : kind == 64 ? b64[k] : (uint32_t)b64[k];
        assert_true(got == want);
    }
}

static void check_uniform32(cursor *c, int exact)
{
    int part;
    repro_jax_key_t key;
    size_t n = read_head(c, &part, &key);
    float got[MAXN];
    assert_int_equal(repro_jax_uniform_f32(key, n, part, got), REPRO_OK);
    for (size_t k = 0; k < n; k++) {
        const char *text = field(c);
        char *end;
        if (exact) {
            float want = strtof(text, &end);
            assert_true(got[k] == want);
        } else {
            double want = strtod(text, &end);
            assert_true(got[k] - want <= 1e-6 && want - got[k] <= 1e-6);
        }
        assert_true(*end == '\0');
    }
}

static void check_record(cursor *c)
{
    static const char *const kinds[] = {"threefry", "key", "split", "fold_in", "bits32",
                                        "bits64", "bits64_x32", "uniform32", "uniform32~"};
    const char *kind = field(c);
    size_t k = 0;
    while (k < sizeof kinds / sizeof kinds[0] && strcmp(kind, kinds[k]))
        k++;
    switch (k) {
    case 0: check_threefry(c); break;
    case 1: check_key(c); break;
    case 2: check_split(c); break;
    case 3: check_fold_in(c); break;
    case 4: check_bits(c, 32); break;
    case 5: check_bits(c, 64); break;
    case 6: check_bits(c, -64); break;
    case 7: check_uniform32(c, 1); break;
    case 8: check_uniform32(c, 0); break;
    default: fail_msg("%s:%u: unknown record '%s'", c->r->path, c->r->lineno, kind);
    }
    if (c->i != c->r->nfields)
        fail_msg("%s:%u: %zu fields left over", c->r->path, c->r->lineno,
                 c->r->nfields - c->i);
}

static void test_jax_vectors(void **state)
{
    (void)state;
    vec_reader r;
    int n = 0;
    vec_open(&r, JAX_FILE);
    while (vec_next(&r)) {
        cursor c = {&r, 0};
        check_record(&c);
        n++;
    }
    assert_int_equal(n, JAX_LINES);
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
        cmocka_unit_test(test_partitionable_bits_match_split),
        cmocka_unit_test(test_uniform_is_bits),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
