/* Known answers: every Philox and Threefry line of Random123's kat_vectors, through
 * the public block functions, plus their argument checks. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KAT_FILE "tests/kat/kat_vectors.txt"
/* Random123's file has 60 Philox/Threefry lines; fewer means a truncated copy. */
#define KAT_EXPECTED_LINES 60

typedef struct {
    const char *name;
    unsigned n, bits, key_words;
} variant;

static const variant variants[] = {
    {"philox2x32", 2, 32, 1},   {"philox4x32", 4, 32, 2},   {"philox2x64", 2, 64, 1},
    {"philox4x64", 4, 64, 2},   {"threefry2x32", 2, 32, 2}, {"threefry4x32", 4, 32, 4},
    {"threefry2x64", 2, 64, 2}, {"threefry4x64", 4, 64, 4},
};

/* Runs the variant on 64-bit-held words; returns the function's error code.  The
 * output buffers start filled with 0xCA so a function that writes nothing fails. */
static int run_variant(const variant *v, const uint64_t *ctr, const uint64_t *key,
                       unsigned rounds, uint64_t *out)
{
    uint32_t c32[4], k32[4], o32[4];
    uint64_t o64[4];
    int rc;
    memset(o32, 0xCA, sizeof o32);
    memset(o64, 0xCA, sizeof o64);
    for (unsigned i = 0; i < 4; i++) {
        c32[i] = (uint32_t)ctr[i];
        k32[i] = (uint32_t)key[i];
    }
    if (!strcmp(v->name, "philox2x32"))
        rc = repro_philox2x32(c32, k32, rounds, o32);
    else if (!strcmp(v->name, "philox4x32"))
        rc = repro_philox4x32(c32, k32, rounds, o32);
    else if (!strcmp(v->name, "philox2x64"))
        rc = repro_philox2x64(ctr, key, rounds, o64);
    else if (!strcmp(v->name, "philox4x64"))
        rc = repro_philox4x64(ctr, key, rounds, o64);
    else if (!strcmp(v->name, "threefry2x32"))
        rc = repro_threefry2x32(c32, k32, rounds, o32);
    else if (!strcmp(v->name, "threefry4x32"))
        rc = repro_threefry4x32(c32, k32, rounds, o32);
    else if (!strcmp(v->name, "threefry2x64"))
        rc = repro_threefry2x64(ctr, key, rounds, o64);
    else
        rc = repro_threefry4x64(ctr, key, rounds, o64);
    for (unsigned i = 0; i < v->n; i++)
        out[i] = v->bits == 32 ? o32[i] : o64[i];
    return rc;
}

static const variant *find_variant(const char *name)
{
    for (size_t i = 0; i < sizeof variants / sizeof variants[0]; i++)
        if (!strcmp(variants[i].name, name))
            return &variants[i];
    return NULL;
}

static void test_kat_file(void **state)
{
    (void)state;
    FILE *f = fopen(KAT_FILE, "r");
    assert_non_null(f);
    char line[512];
    unsigned checked = 0, per_variant[8] = {0};
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '#' || *p == '\n' || *p == '\0')
            continue;
        char name[32];
        unsigned rounds;
        int used;
        assert_int_equal(sscanf(p, "%31s %u%n", name, &rounds, &used), 2);
        p += used;
        const variant *v = find_variant(name);
        assert_non_null(v);
        uint64_t ctr[4] = {0}, key[4] = {0}, want[4] = {0}, got[4];
        uint64_t *dst[3] = {ctr, key, want};
        unsigned count[3] = {v->n, v->key_words, v->n};
        for (unsigned part = 0; part < 3; part++)
            for (unsigned i = 0; i < count[part]; i++) {
                char *end;
                dst[part][i] = strtoull(p, &end, 16);
                assert_true(end != p);
                p = end;
            }
        assert_int_equal(run_variant(v, ctr, key, rounds, got), REPRO_OK);
        for (unsigned i = 0; i < v->n; i++) {
            if (got[i] != want[i])
                fail_msg("%s rounds %u word %u: got %llx want %llx", name, rounds, i,
                         (unsigned long long)got[i], (unsigned long long)want[i]);
        }
        per_variant[v - variants]++;
        checked++;
    }
    fclose(f);
    assert_int_equal(checked, KAT_EXPECTED_LINES);
    for (unsigned i = 0; i < 8; i++)
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
