/* The few cmocka macros tests/test_simd.c uses, for machines without cmocka
 * (tools/avx512_check.sh on a lent device machine with no package access).
 * A failed assertion prints where and ends its test; the exit status is the
 * number of failed tests, as cmocka's. */
#ifndef REPRO_CMOCKA_SHIM_H
#define REPRO_CMOCKA_SHIM_H

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

struct CMUnitTest {
    const char *name;
    void (*fn)(void **state);
};
#define cmocka_unit_test(f) {#f, f}

static jmp_buf shim_jmp;

#define shim_fail(...)                                                                   \
    do {                                                                                 \
        fprintf(stderr, __VA_ARGS__);                                                    \
        fprintf(stderr, "  (%s:%d)\n", __FILE__, __LINE__);                              \
        longjmp(shim_jmp, 1);                                                            \
    } while (0)
#define assert_true(c)                                                                   \
    do {                                                                                 \
        if (!(c))                                                                        \
            shim_fail("assertion failed: %s", #c);                                       \
    } while (0)
#define assert_int_equal(a, b)                                                           \
    do {                                                                                 \
        long long a_ = (long long)(a), b_ = (long long)(b);                              \
        if (a_ != b_)                                                                    \
            shim_fail("%lld != %lld", a_, b_);                                           \
    } while (0)
#define assert_non_null(p) assert_true((p) != NULL)
#define assert_null(p) assert_true((p) == NULL)
#define assert_memory_equal(a, b, n) assert_true(memcmp(a, b, n) == 0)
#define assert_string_equal(a, b) assert_true(strcmp(a, b) == 0)
#define fail_msg(...) shim_fail(__VA_ARGS__)
#define skip() longjmp(shim_jmp, 2)

static int shim_run(const struct CMUnitTest *t, size_t n)
{
    volatile int failed = 0; /* volatile: kept across longjmp */
    for (volatile size_t i = 0; i < n; i++) {
        int r = setjmp(shim_jmp);
        if (r == 0) {
            t[i].fn(NULL);
            printf("[       OK ] %s\n", t[i].name);
        } else {
            printf("[ %s ] %s\n", r == 1 ? " FAILED" : "SKIPPED", t[i].name);
            failed += r == 1;
        }
    }
    printf("%zu tests, %d failed\n", n, failed);
    return failed;
}
#define cmocka_run_group_tests(t, setup, teardown) shim_run(t, sizeof(t) / sizeof((t)[0]))

#endif
