/* Contract §4: saved state "rr1:<algorithm>:<seed hex>:<position>".  Round trips
 * for every algorithm, the exact text, and every malformed class rejected with its
 * own code and offset, leaving the target stream untouched. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#define ALGORITHM(constant, name, contract, words) constant,
static const repro_algorithm algorithms[] = {REPRO_ALGORITHMS(ALGORITHM)};
static const char *const names[] = {"philox4x32-10",   "philox2x64-10",   "philox4x64-10",
                                    "threefry2x64-20", "threefry4x32-20", "threefry4x64-20"};

/* The expected text, formatted here from the contract, not by the library. */
static void expected_text(char *buf, size_t cap, const char *name, repro_seed s, uint64_t pos)
{
    snprintf(buf, cap, "rr1:%s:%016llx%016llx%016llx%016llx:%llu", name,
             (unsigned long long)s.w[0], (unsigned long long)s.w[1],
             (unsigned long long)s.w[2], (unsigned long long)s.w[3], (unsigned long long)pos);
}

static void test_round_trip(void **state)
{
    (void)state;
    const uint64_t positions[] = {0, 1, 12345, UINT64_C(0x8000000000000001), UINT64_MAX};
    const repro_seed seeds[] = {repro_seed_from_u64(42), {{0, 0, 0, 0}},
                                {{UINT64_MAX, 1, UINT64_C(0xa0b0c0d0e0f00102), 7}}};
    for (size_t a = 0; a < 6; a++)
        for (size_t si = 0; si < 3; si++)
            for (size_t pi = 0; pi < 5; pi++) {
                repro_stream s, t;
                char buf[REPRO_STATE_MAX], want[REPRO_STATE_MAX];
                assert_int_equal(repro_stream_init(&s, algorithms[a], seeds[si]), REPRO_OK);
                repro_stream_seek(&s, positions[pi] - 1);
                repro_next_u32(&s); /* save from a stream with a warm cache */
                int len = repro_stream_save(&s, buf, sizeof buf);
                expected_text(want, sizeof want, names[a], seeds[si], positions[pi]);
                assert_string_equal(buf, want);
                assert_int_equal(len, (int)strlen(want));
                memset(&t, 0x5A, sizeof t);
                assert_int_equal(repro_stream_load(&t, buf), REPRO_OK);
                assert_int_equal(repro_stream_algorithm(&t), algorithms[a]);
                assert_int_equal(repro_stream_tell(&t), positions[pi]);
                repro_seed got = repro_stream_seed(&t);
                assert_int_equal(repro_seed_equal(got, seeds[si]), 1);
                for (int i = 0; i < 10; i++)
                    assert_int_equal(repro_next_u64(&t), repro_next_u64(&s));
            }
}

static void test_load_accepts(void **state)
{
    (void)state;
    repro_stream s;
    char text[REPRO_STATE_MAX];
    /* upper-case hex digits and leading zeros in the position */
    assert_int_equal(
        repro_stream_load(&s, "rr1:threefry4x32-20:"
                              "ABCDEF0123456789abcdef0123456789ABCDEF0123456789abcdef0123456789"
                              ":000000000000000000000000018446744073709551615"),
        REPRO_OK);
    assert_int_equal(repro_stream_algorithm(&s), REPRO_THREEFRY4X32);
    assert_int_equal(repro_stream_tell(&s), UINT64_MAX);
    assert_int_equal(repro_stream_seed(&s).w[0], UINT64_C(0xABCDEF0123456789));
    assert_int_equal(repro_stream_seed(&s).w[3], UINT64_C(0xabcdef0123456789));
    assert_int_equal(repro_stream_save(&s, text, sizeof text), 105);
    assert_string_equal(text, "rr1:threefry4x32-20:"
                              "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
                              ":18446744073709551615");
}

#define HEX64 "bdb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02"
#define P "rr1:philox4x32-10:"

static void test_malformed(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        int code;
        size_t offset;
    } cases[] = {
        {"", REPRO_ERR_STATE_EMPTY, 0},
        {"rr2:philox4x32-10:" HEX64 ":0", REPRO_ERR_STATE_VERSION, 0},
        {"RR1:philox4x32-10:" HEX64 ":0", REPRO_ERR_STATE_VERSION, 0},
        {" rr1:philox4x32-10:" HEX64 ":0", REPRO_ERR_STATE_VERSION, 0},
        {"rr1", REPRO_ERR_STATE_VERSION, 0},
        {"rr", REPRO_ERR_STATE_VERSION, 0},
        {"rr1:", REPRO_ERR_STATE_ALGORITHM, 4},
        {"rr1::" HEX64 ":0", REPRO_ERR_STATE_ALGORITHM, 4},
        {"rr1:philox4x32:" HEX64 ":0", REPRO_ERR_STATE_ALGORITHM, 4},
        {"rr1:philox4x32-100:" HEX64 ":0", REPRO_ERR_STATE_ALGORITHM, 4},
        {"rr1:PHILOX4X32-10:" HEX64 ":0", REPRO_ERR_STATE_ALGORITHM, 4},
        {"rr1:bogus", REPRO_ERR_STATE_ALGORITHM, 4},
        {"rr1:philox4x32-10", REPRO_ERR_STATE_FIELD, 17},
        {P HEX64, REPRO_ERR_STATE_FIELD, 82},
        {P, REPRO_ERR_STATE_HEX_LENGTH, 18},
        {P ":0", REPRO_ERR_STATE_HEX_LENGTH, 18},
        {P "0123:0", REPRO_ERR_STATE_HEX_LENGTH, 18},
        {P HEX64 "0:0", REPRO_ERR_STATE_HEX_LENGTH, 18},
        {P "bdb95317e6g6846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02:0",
         REPRO_ERR_STATE_HEX_DIGIT, 28},
        {P "bdb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd0 :0",
         REPRO_ERR_STATE_HEX_DIGIT, 81},
        {P "0xb95317e606846fda8774065644afab5e181a00e1a00e092d0c83aec88fcd02:0",
         REPRO_ERR_STATE_HEX_DIGIT, 19},
        {P HEX64 ":", REPRO_ERR_STATE_POSITION, 83},
        {P HEX64 ":-1", REPRO_ERR_STATE_POSITION, 83},
        {P HEX64 ":+1", REPRO_ERR_STATE_POSITION, 83},
        {P HEX64 ": 1", REPRO_ERR_STATE_POSITION, 83},
        {P HEX64 ":x", REPRO_ERR_STATE_POSITION, 83},
        {P HEX64 ":18446744073709551616", REPRO_ERR_STATE_POSITION, 83},
        {P HEX64 ":99999999999999999999999999", REPRO_ERR_STATE_POSITION, 83},
        {P HEX64 ":12x", REPRO_ERR_STATE_TRAILING, 85},
        {P HEX64 ":1:", REPRO_ERR_STATE_TRAILING, 84},
        {P HEX64 ":1:2", REPRO_ERR_STATE_TRAILING, 84},
        {P HEX64 ":1\n", REPRO_ERR_STATE_TRAILING, 84},
        {P HEX64 ":1 ", REPRO_ERR_STATE_TRAILING, 84},
    };
    repro_stream s, before;
    assert_int_equal(repro_stream_init(&s, REPRO_THREEFRY2X64, repro_seed_from_u64(9)), REPRO_OK);
    repro_stream_seek(&s, 1000);
    repro_next_u32(&s);
    before = s;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t off = 999;
        int rc = repro_stream_load_ex(&s, cases[i].text, &off);
        if (rc != cases[i].code || off != cases[i].offset)
            fail_msg("case %zu \"%s\": got %s at %zu, want %s at %zu", i, cases[i].text,
                     repro_error_name(rc), off, repro_error_name(cases[i].code),
                     cases[i].offset);
        assert_int_equal(repro_stream_load(&s, cases[i].text), cases[i].code);
        assert_memory_equal(&s, &before, sizeof s);
    }
}

/* Each state error has its own message. */
static void test_messages(void **state)
{
    (void)state;
    for (int a = REPRO_ERR_STATE_EMPTY; a >= REPRO_ERR_STATE_TRAILING; a--) {
        assert_non_null(repro_error_name(a));
        for (int b = a - 1; b >= REPRO_ERR_STATE_TRAILING; b--)
            assert_string_not_equal(repro_strerror(a), repro_strerror(b));
        assert_string_not_equal(repro_strerror(a), repro_strerror(-12345));
    }
}

static void test_arguments(void **state)
{
    (void)state;
    repro_stream s, zero;
    char buf[REPRO_STATE_MAX];
    size_t off = 5;
    assert_int_equal(repro_stream_init(&s, REPRO_THREEFRY4X64, repro_seed_from_u64(1)), REPRO_OK);
    repro_stream_seek(&s, UINT64_MAX);
    assert_int_equal(repro_stream_load(NULL, "x"), REPRO_ERR_NULL);
    assert_int_equal(repro_stream_load(&s, NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_stream_load_ex(&s, NULL, &off), REPRO_ERR_NULL);
    assert_int_equal(repro_stream_save(NULL, buf, sizeof buf), REPRO_ERR_NULL);
    assert_int_equal(repro_stream_save(&s, NULL, 10), REPRO_ERR_NULL);
    /* the longest state fits REPRO_STATE_MAX; one byte less than needed fails */
    int len = repro_stream_save(&s, buf, sizeof buf);
    assert_int_equal(len, 4 + 15 + 1 + 64 + 1 + 20);
    assert_true(len < REPRO_STATE_MAX);
    memset(buf, 'x', sizeof buf);
    assert_int_equal(repro_stream_save(&s, buf, (size_t)len), REPRO_ERR_BUFFER);
    assert_int_equal(buf[0], '\0');
    buf[0] = 'x';
    assert_int_equal(repro_stream_save(&s, buf, 0), REPRO_ERR_BUFFER);
    assert_int_equal(buf[0], 'x');
    assert_int_equal(repro_stream_save(&s, buf, (size_t)len + 1), len);
    /* a stream that was never initialised has no algorithm to save */
    memset(&zero, 0, sizeof zero);
    assert_int_equal(repro_stream_save(&zero, buf, sizeof buf), REPRO_ERR_ALGORITHM);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip), cmocka_unit_test(test_load_accepts),
        cmocka_unit_test(test_malformed),  cmocka_unit_test(test_messages),
        cmocka_unit_test(test_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
