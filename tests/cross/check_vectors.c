/* check_vectors: the golden-vector files checked by a self-contained C11 program (no
 * cmocka, links statically) so that it runs on every cross target under qemu-user and
 * in consumers built with any flags (x87, -O0, -ffast-math).  The records are read
 * and checked by src/vectors/, the reader `repro-rng selftest` and the cmocka tests
 * use too; this program is built with it, with the consumer's flags.
 *
 * usage: check_vectors [--require-isa NAME]... FILE...
 * A record of no known kind is a failure, so a new kind of vector file cannot go
 * unchecked.  Every ISA this CPU and build supports is checked in turn
 * (repro_set_isa), or only the one REPRO_RNG_ISA names when that is set.  Exit status
 * 0 only when every record of every file matched on every ISA and each file held at
 * least one record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vectors/vectors.h"

static unsigned long failures;

static void report(const char *where, unsigned line, const char *what)
{
    if (failures++ < 20)
        fprintf(stderr, "%s:%u: %s\n", where, line, what);
}

static void report_record(void *ctx, const vec_record *r)
{
    (void)ctx;
    if (!r->ok) {
        char what[300];
        snprintf(what, sizeof what, "%s: %s", vec_kind_label(r->kind), r->msg);
        report(r->file, r->line, what);
    }
}

/* Returns the number of records checked (failures are counted in `failures`). */
static uint64_t check_file(const char *path)
{
    vec_tally t;
    memset(&t, 0, sizeof t);
    if (vec_check_file(path, &t, report_record, NULL) != 0)
        report(path, 0, "cannot be read, or out of memory");
    else if (vec_tally_records(&t) == 0)
        report(path, 0, "no records");
    return vec_tally_records(&t);
}

int main(int argc, char **argv)
{
    const char *forced = getenv("REPRO_RNG_ISA");
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--require-isa") && i + 1 < argc) {
            if (!repro_isa_supported(argv[++i])) {
                fprintf(stderr, "check_vectors: required ISA %s not supported by this "
                                "build and CPU\n", argv[i]);
                return 1;
            }
        } else {
            argv[++nfiles] = argv[i]; /* file names compacted to argv[1..] */
        }
    }
    if (nfiles == 0) {
        fprintf(stderr, "usage: check_vectors [--require-isa NAME]... FILE...\n");
        return 2;
    }
    if (forced && strcmp(repro_isa_name(), forced) != 0) {
        fprintf(stderr, "check_vectors: REPRO_RNG_ISA=%s but the library uses %s\n",
                forced, repro_isa_name());
        return 1;
    }
    unsigned long long records = 0;
    unsigned nisa = 0;
    for (size_t i = 0; i < repro_isa_count(); i++) {
        const char *isa = repro_isa_name_at(i);
        if (forced ? strcmp(isa, forced) != 0 : !repro_isa_supported(isa))
            continue;
        if (!forced && repro_set_isa(isa) != REPRO_OK) {
            fprintf(stderr, "check_vectors: cannot select ISA %s\n", isa);
            return 1;
        }
        nisa++;
        unsigned long long isa_records = 0;
        for (int j = 1; j <= nfiles; j++)
            isa_records += check_file(argv[j]);
        printf("check_vectors: ISA %-7s %d files, %llu records\n", isa, nfiles,
               isa_records);
        records += isa_records;
    }
    if (nisa == 0) {
        fprintf(stderr, "check_vectors: no ISA checked\n");
        return 1;
    }
    printf("check_vectors: %s (%llu records on %u ISAs, %lu failures)\n",
           failures ? "FAIL" : "PASS", records, nisa, failures);
    return failures ? 1 : 0;
}
