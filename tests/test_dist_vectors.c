/* Golden vectors of every distribution (tests/vectors/dist_*.txt, frozen): each
 * record is redrawn bit for bit by src/vectors/, at the active ISA
 * (tests/run_c_tests.sh runs this once per ISA), as one fill and as single-draw fills
 * (a vector law's draw is its components; normal and exponential, stream draws, also
 * as single draws and through fill_*_at), with the same end position.  Every file of
 * the folder is read, and every law the reader knows has its file. */
#define _POSIX_C_SOURCE 200809L /* opendir */
#include "golden.h"

#include <dirent.h>

#define DIR_PATH "tests/vectors"

/* Records of the file, which must all be draws of its law ("dist_gamma.txt": gamma). */
static void check_law(void *ctx, const vec_record *r)
{
    const char *law = ctx;
    size_t len = strcspn(r->field[3], ":");
    if (r->kind != VEC_DRAWS || strlen(law) != len || strncmp(r->field[3], law, len))
        fail_msg("%s:%u: not a %s record", r->file, r->line, law);
}

static uint64_t check_file(const char *file)
{
    char path[300], law[64];
    size_t len = strlen(file) - strlen("dist_.txt");
    assert_true(len < sizeof law);
    memcpy(law, file + strlen("dist_"), len);
    law[len] = '\0';
    snprintf(path, sizeof path, DIR_PATH "/%s", file);
    vec_tally t = golden_check(path, check_law, law);
    if (vec_tally_records(&t) < 12)
        fail_msg("%s: only %llu records", path, (unsigned long long)vec_tally_records(&t));
    return vec_tally_records(&t);
}

static int is_dist_file(const char *name)
{
    size_t n = strlen(name);
    return n > strlen("dist_.txt") && !strncmp(name, "dist_", 5) &&
           !strcmp(name + n - 4, ".txt");
}

static void test_dist_vectors(void **state)
{
    (void)state;
    DIR *dir = opendir(DIR_PATH);
    unsigned files = 0;
    uint64_t records = 0;
    if (!dir)
        fail_msg("cannot open %s (tests run from the repository root)", DIR_PATH);
    for (struct dirent *e; (e = readdir(dir)) != NULL;)
        if (is_dist_file(e->d_name)) {
            records += check_file(e->d_name);
            files++;
        }
    closedir(dir);
    print_message("%u files, %llu records\n", files, (unsigned long long)records);
    /* normal and exponential (stream draws) and one file per law */
    size_t laws = 0;
    while (vec_law_name(laws))
        laws++;
    assert_int_equal(files, 2 + laws);
}

/* Each law of the reader's table has its file. */
static void test_every_law_has_vectors(void **state)
{
    (void)state;
    for (size_t i = 0; vec_law_name(i); i++) {
        char path[300];
        snprintf(path, sizeof path, DIR_PATH "/dist_%s.txt", vec_law_name(i));
        FILE *f = fopen(path, "r");
        if (!f)
            fail_msg("law %s has no golden vectors (%s)", vec_law_name(i), path);
        fclose(f);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dist_vectors),
        cmocka_unit_test(test_every_law_has_vectors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
