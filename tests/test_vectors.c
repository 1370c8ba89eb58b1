/* The frozen golden stream vectors (tests/vectors/stream_<algorithm>.txt, format in
 * their headers; checked against tools/spec_ref.py by make check-spec-ref): every
 * record by single draws, by fills whole, cut in two and one value at a time, and by
 * fill_*_at (src/vectors/ checks each), with the end positions. */
#include "golden.h"

/* 7 seeds x 8 positions x 13 draws per algorithm, 16 values each. */
#define RECORDS_PER_FILE 728
#define VALUES_PER_RECORD 16

/* Every record of the file is a draw record of its algorithm with 16 values. */
static void check_shape(void *ctx, const vec_record *r)
{
    const char *algorithm = ctx;
    if (r->kind != VEC_DRAWS || strcmp(r->field[0], algorithm) ||
        r->nfields != 5 + VALUES_PER_RECORD)
        fail_msg("%s:%u: not a %s record of %d values", r->file, r->line, algorithm,
                 VALUES_PER_RECORD);
}

static void test_golden_files(void **state)
{
    (void)state;
    uint64_t total = 0;
    for (uint32_t a = 1; a <= REPRO_ALGORITHM_COUNT; a++) {
        const char *name = repro_algorithm_name((repro_algorithm)a);
        char path[128];
        snprintf(path, sizeof path, "tests/vectors/stream_%s.txt", name);
        vec_tally t = golden_check(path, check_shape, (void *)name);
        if (vec_tally_records(&t) != RECORDS_PER_FILE)
            fail_msg("%s: %llu records, expected %d", path,
                     (unsigned long long)vec_tally_records(&t), RECORDS_PER_FILE);
        total += vec_tally_records(&t);
    }
    assert_int_equal(total, 6 * RECORDS_PER_FILE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_golden_files)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
