/* repro-rng selftest: checks this build on this machine against the known answers
 * built into the binary (Random123's kat_vectors and the golden vectors of
 * tests/vectors/, embedded at build time by tools/embed_files.sh), on every ISA the
 * CPU can run.  The records are read and checked by src/vectors/, as in the tests;
 * the expected values are parsed there, never by the library. */
#include "cli.h"
#include "embedded.h"
#include "vectors/vectors.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_DETAILS = 5 };

typedef struct {
    int verbose;
    unsigned checks, failed;
    uint64_t records, values;
} totals;

/* One file's report: its first failures, and every record with --verbose. */
typedef struct {
    const char *name;
    unsigned details;
    int verbose;
} file_report;

static void report_record(void *ctx, const vec_record *r)
{
    file_report *fr = ctx;
    if (!r->ok && fr->details++ < MAX_DETAILS)
        cli_printf("  FAIL %s:%u (%s): %s\n", fr->name, r->line, vec_kind_label(r->kind),
                   r->msg);
    else if (fr->verbose)
        cli_printf("  %s %s:%u\n", r->ok ? "ok  " : "FAIL", fr->name, r->line);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Checks every record of one file; prints one line per record kind found in it
 * (and per record with --verbose, and the first failures). */
static void check_file(const cli_text_file *file, const char *isa, totals *t)
{
    vec_tally tally;
    memset(&tally, 0, sizeof tally);
    file_report fr = {cli_quote(file->name), 0, t->verbose};
    vec_check_text(file->name, (const char *)file->data, file->size, &tally, report_record,
                   &fr);
    for (int k = 0; k < VEC_NKINDS; k++) {
        const vec_count *c = &tally.kind[k];
        if (c->records == 0)
            continue;
        cli_printf("%s %-6s %-26s %-20s %5" PRIu64 " records, %6" PRIu64 " values",
                   c->failed ? "FAIL" : "ok  ", isa, cli_quote(base_name(file->name)),
                   vec_kind_label((vec_kind)k), c->records, c->values);
        if (c->failed)
            cli_printf(", %" PRIu64 " FAILED", c->failed);
        cli_printf("\n");
        t->checks++;
        t->failed += c->failed != 0;
        t->records += c->records;
        t->values += c->values;
    }
}

int cmd_selftest(int argc, char **argv)
{
    cli_opt opts[] = {
        {"isa", "NAME", "check only this ISA (default: every ISA this CPU can run)", NULL, 0},
        {"verbose", NULL, "also print one line per record", NULL, 0},
        {"list", NULL, "list the embedded vector files and exit (takes no other option)", NULL, 0},
        {"file", "FILE", "check the records of FILE instead of the embedded files", NULL, 0},
    };
    cli_spec spec = {"selftest", "[options]",
                     "Checks this library build on this machine against the known answers\n"
                     "built into the program: Random123's kat_vectors and the golden vectors\n"
                     "of contract rr1 (seeds, paths, stream words, draws, distributions,\n"
                     "permutations, shuffles), once per ISA that this CPU and build can run.\n"
                     "Prints one line per file, record kind and ISA; exit status 1 when\n"
                     "anything differs.",
                     opts, CLI_COUNT(opts), NULL, NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (cli_find(&spec, "list")->count) {
        if ((rc = cli_alone(&spec, "list")) != CLI_OK)
            return rc;
        for (const cli_text_file *f = cli_embedded_files; f->name; f++)
            cli_printf("%s (%zu bytes)\n", f->name, f->size);
        return CLI_OK;
    }
    const char *path = cli_find(&spec, "file")->value;
    cli_text_file files[2] = {{0, 0, 0}, {0, 0, 0}};
    const cli_text_file *checked = cli_embedded_files;
    char *data = NULL;
    if (path) {
        size_t size;
        if (!(data = vec_read_file(path, &size)))
            return cli_fail("selftest", "--file '%s': cannot read it", cli_quote(path));
        files[0] = (cli_text_file){path, (const unsigned char *)data, size};
        checked = files;
        if (vec_count_records(data, size) == 0) {
            free(data);
            return cli_usage(&spec, "no records in '%s'", cli_quote(path));
        }
    }
    const char *only = cli_find(&spec, "isa")->value;
    if (only && !repro_isa_supported(only))
        return cli_usage(&spec, "--isa '%s': not an ISA this CPU and build can run",
                         cli_quote(only));
    totals t = {cli_find(&spec, "verbose")->count > 0, 0, 0, 0, 0};
    char ran[256] = "";
    cli_printf("repro-rng %s selftest: library %s, contract rr%d\n", REPRO_VERSION_STRING,
               repro_version(), REPRO_CONTRACT_VERSION);
    for (size_t i = 0; i < repro_isa_count(); i++) {
        const char *isa = repro_isa_name_at(i);
        if ((only && strcmp(only, isa)) || !repro_isa_supported(isa))
            continue;
        if (repro_set_isa(isa) != REPRO_OK || strcmp(repro_isa_name(), isa)) {
            cli_printf("FAIL %-6s could not select this ISA\n", isa);
            t.checks++, t.failed++;
            continue;
        }
        if (strlen(ran) + 1 + strlen(isa) < sizeof ran)
            strcat(strcat(ran, " "), isa);
        for (const cli_text_file *f = checked; f->name; f++)
            check_file(f, isa, &t);
    }
    free(data);
    repro_set_isa("best");
    if (t.records == 0) {
        cli_printf("FAIL no vectors were checked\n");
        t.failed++;
    }
    cli_printf("selftest: %u checks, %u failed; %" PRIu64 " records, %" PRIu64
               " values compared; ISAs:%s\n",
               t.checks, t.failed, t.records, t.values, ran);
    cli_printf("%s\n", t.failed ? "selftest FAILED" : "selftest passed");
    rc = cli_flush();
    if (t.failed)
        return cli_fail("selftest", "%u of %u checks FAILED: this build or machine does not "
                        "give the bits of contract rr1", t.failed, t.checks);
    return rc;
}
