/* The frozen golden stream vectors (tests/vectors/stream_<algorithm>.txt, format in
 * their headers; checked against tools/spec_ref.py by make check-spec-ref): every
 * record by single draws, by one fill, by fill_*_at, and by a fill cut in two. */
#include "draws.h"
#include "vecfile.h"

#include <stdio.h>

/* 7 seeds x 8 positions x 13 draws per algorithm, 16 values each. */
#define RECORDS_PER_FILE 728
#define VALUES_PER_RECORD 16

static void check_record(const vec_reader *r, repro_algorithm a)
{
    const char *draw = r->field[3], *colon = strchr(draw, ':');
    const kind *k = kind_find(draw, colon ? (size_t)(colon - draw) : strlen(draw));
    if (!k || (k->words == 0) != (colon != NULL))
        fail_msg("%s:%u: bad draw '%s'", r->path, r->lineno, draw);
    uint64_t bound = 0;
    if (colon) {
        char *end;
        bound = strtoull(colon + 1, &end, 10);
        assert_true(*end == '\0' && colon[1] != '\0');
    }
    const repro_seed seed = vec_seed(r, 1);
    const uint64_t pos = vec_num(r, 2, 10), end = vec_num(r, 4, 10);
    const size_t n = r->nfields - 5;
    assert_int_equal(n, VALUES_PER_RECORD);
    uint64_t want[VALUES_PER_RECORD], got[VALUES_PER_RECORD];
    for (size_t i = 0; i < n; i++)
        want[i] = vec_num(r, 5 + i, 16);

    repro_stream s;
    assert_int_equal(repro_stream_init(&s, a, seed), REPRO_OK);
    repro_stream_seek(&s, pos);
    for (size_t i = 0; i < n; i++)
        got[i] = k->next(&s, bound);
    if (memcmp(got, want, sizeof got) || repro_stream_tell(&s) != end)
        fail_msg("%s:%u: single draws differ", r->path, r->lineno);

    memset(got, 0, sizeof got);
    assert_int_equal(k->fill_at(&s, pos, got, n, bound), REPRO_OK);
    if (memcmp(got, want, sizeof got))
        fail_msg("%s:%u: fill_at differs", r->path, r->lineno);

    repro_stream_seek(&s, pos);
    memset(got, 0, sizeof got);
    assert_int_equal(k->fill(&s, got, 5, bound), REPRO_OK);
    assert_int_equal(k->fill(&s, got + 5, n - 5, bound), REPRO_OK);
    if (memcmp(got, want, sizeof got) || repro_stream_tell(&s) != end)
        fail_msg("%s:%u: fills differ", r->path, r->lineno);
}

static void test_golden_files(void **state)
{
    (void)state;
    unsigned total = 0;
    for (uint32_t a = REPRO_PHILOX4X32; a <= REPRO_THREEFRY4X64; a++) {
        const char *name = repro_algorithm_name((repro_algorithm)a);
        char path[128];
        snprintf(path, sizeof path, "tests/vectors/stream_%s.txt", name);
        unsigned records = 0;
        vec_reader r;
        vec_open(&r, path);
        while (vec_next(&r)) {
            if (r.nfields < 5 || strcmp(r.field[0], name))
                fail_msg("%s:%u: not a %s record", path, r.lineno, name);
            check_record(&r, (repro_algorithm)a);
            records++;
        }
        if (records != RECORDS_PER_FILE)
            fail_msg("%s: %u records, expected %d", path, records, RECORDS_PER_FILE);
        total += records;
    }
    assert_int_equal(total, 6 * RECORDS_PER_FILE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_golden_files)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
