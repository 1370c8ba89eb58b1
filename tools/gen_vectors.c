/* Writes the golden stream vectors of contract rr1: OUTDIR/stream_<algorithm>.txt,
 * one per algorithm (format in the header written below).  Run through
 * `make vectors`, which never overwrites the frozen copies in tests/vectors/: it
 * compares against them instead.  tools/spec_ref.py verify recomputes every record
 * independently. */
#include "repro_rng.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define VALUES_PER_RECORD 16

static const char header[] =
    "# Golden stream vectors of contract rr1 (SPEC.md section 3) for %s.\n"
    "# Written once by tools/gen_vectors.c (make vectors), checked against the\n"
    "# independent tools/spec_ref.py, then frozen: never regenerated to make a\n"
    "# failure go away.  Read by tests/test_vectors.c and other language bindings.\n"
    "#\n"
    "# One record per line, fields separated by one space:\n"
    "#   <algorithm> <seed> <position> <draw> <end position> <value> <value> ...\n"
    "# The values are successive draws of kind <draw> from the stream (algorithm, seed)\n"
    "# seeked to <position> (decimal); <end position> (decimal) is the stream's position\n"
    "# after the last draw.  <seed> is the 64-hex-digit canonical text of section 2.\n"
    "# <draw> is one of\n"
    "#   u32 u64 double double_oc double_oo float bounded_u32:N bounded_u64:N\n"
    "# (double: [0,1), double_oc: (0,1], double_oo: (0,1), float: [0,1); bounded: [0,N),\n"
    "# N decimal, N = 0 the full range).  Values are lowercase hex: u32 and float 8\n"
    "# digits, u64 and double 16 digits; floats and doubles as their IEEE-754 bits.\n";

typedef struct {
    const char *name;
    uint64_t bound;
    int is_bounded;
} draw;

static const draw draws[] = {
    {"u32", 0, 0},
    {"u64", 0, 0},
    {"double", 0, 0},
    {"double_oc", 0, 0},
    {"double_oo", 0, 0},
    {"float", 0, 0},
    {"bounded_u32", 0, 1},
    {"bounded_u32", 1, 1},
    {"bounded_u32", 6, 1},
    {"bounded_u32", UINT64_C(2147483649), 1}, /* 2^31+1: about half the words rejected */
    {"bounded_u64", 0, 1},
    {"bounded_u64", 1000, 1},
    {"bounded_u64", UINT64_C(9223372036854775809), 1}, /* 2^63+1 */
};

/* Positions: start, odd, mid-block, the 32-bit counter carry of the 4x32
 * algorithms, deep, and near the wrap at 2^64 (the draws run across it). */
static const uint64_t positions[] = {
    0, 1, 3, 7, (UINT64_C(4) << 32) - 3, UINT64_C(0x4000000000000005),
    UINT64_MAX - 4, UINT64_MAX,
};

/* One draw of d's kind as the file's hex text (at most 16 digits). */
static void format_draw(char out[17], repro_stream *s, const draw *d)
{
    uint64_t u;
    uint32_t v;
    double x;
    float y;
    if (!strcmp(d->name, "u32")) {
        snprintf(out, 17, "%08" PRIx32, repro_next_u32(s));
    } else if (!strcmp(d->name, "u64")) {
        snprintf(out, 17, "%016" PRIx64, repro_next_u64(s));
    } else if (!strcmp(d->name, "float")) {
        y = repro_next_float(s);
        memcpy(&v, &y, sizeof v);
        snprintf(out, 17, "%08" PRIx32, v);
    } else if (!strcmp(d->name, "bounded_u32")) {
        snprintf(out, 17, "%08" PRIx32, repro_next_bounded_u32(s, (uint32_t)d->bound));
    } else if (!strcmp(d->name, "bounded_u64")) {
        snprintf(out, 17, "%016" PRIx64, repro_next_bounded_u64(s, d->bound));
    } else {
        x = !strcmp(d->name, "double")      ? repro_next_double(s)
            : !strcmp(d->name, "double_oc") ? repro_next_double_oc(s)
                                            : repro_next_double_oo(s);
        memcpy(&u, &x, sizeof u);
        snprintf(out, 17, "%016" PRIx64, u);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: gen_vectors OUTDIR\n");
        return 2;
    }
    repro_seed s42 = repro_seed_from_u64(42), path;
    if (repro_seed_path(s42, "train/#3/dropout", &path) != REPRO_OK)
        return 1;
    const struct {
        const char *derivation;
        repro_seed seed;
    } seeds[] = {
        {"seed from integer 0", repro_seed_from_u64(0)},
        {"seed from integer 42", s42},
        {"seed from string \"repro\"", repro_seed_from_string("repro")},
        {"path \"train/#3/dropout\" from seed 42", path},
        {"child 18446744073709551615 of seed 42", repro_seed_child(s42, UINT64_MAX)},
        {"all zero words", {{0, 0, 0, 0}}},
        {"all one bits", {{UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX}}},
    };
    for (uint32_t a = REPRO_PHILOX4X32; a <= REPRO_THREEFRY4X64; a++) {
        const char *name = repro_algorithm_name((repro_algorithm)a);
        char file[4096];
        snprintf(file, sizeof file, "%s/stream_%s.txt", argv[1], name);
        FILE *f = fopen(file, "w");
        if (!f) {
            perror(file);
            return 1;
        }
        fprintf(f, header, name);
        for (size_t si = 0; si < sizeof seeds / sizeof seeds[0]; si++) {
            char hex[65];
            repro_seed_to_hex(seeds[si].seed, hex);
            fprintf(f, "# seed %s = %s\n", hex, seeds[si].derivation);
            for (size_t pi = 0; pi < sizeof positions / sizeof positions[0]; pi++)
                for (size_t di = 0; di < sizeof draws / sizeof draws[0]; di++) {
                    const draw *d = &draws[di];
                    repro_stream s;
                    repro_stream_init(&s, (repro_algorithm)a, seeds[si].seed);
                    repro_stream_seek(&s, positions[pi]);
                    fprintf(f, "%s %s %" PRIu64 " %s", name, hex, positions[pi], d->name);
                    if (d->is_bounded)
                        fprintf(f, ":%" PRIu64, d->bound);
                    char values[VALUES_PER_RECORD][17];
                    for (int i = 0; i < VALUES_PER_RECORD; i++)
                        format_draw(values[i], &s, d);
                    fprintf(f, " %" PRIu64, repro_stream_tell(&s));
                    for (int i = 0; i < VALUES_PER_RECORD; i++)
                        fprintf(f, " %s", values[i]);
                    fputc('\n', f);
                }
        }
        if (fclose(f) != 0) {
            perror(file);
            return 1;
        }
    }
    return 0;
}
