/* Writes the golden stream vectors of contract rr1: OUTDIR/stream_<algorithm>.txt,
 * one per algorithm (format in the header written below).  Run through
 * `make vectors`, which never overwrites the frozen copies in tests/vectors/: it
 * compares against them instead.  tools/spec_ref.py verify recomputes every record
 * independently. */
#include "vectors/vectors.h"

#include <inttypes.h>
#include <stdio.h>

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

/* Each draw once; the bounded ones with a bound that is the full range, trivial,
 * small, 2^31+1 (about half the words rejected) and 2^63+1. */
static const char *const draws[] = {
    "u32", "u64", "double", "double_oc", "double_oo", "float",
    "bounded_u32:0", "bounded_u32:1", "bounded_u32:6", "bounded_u32:2147483649",
    "bounded_u64:0", "bounded_u64:1000", "bounded_u64:9223372036854775809",
};

/* Positions: start, odd, mid-block, the 32-bit counter carry of the 4x32
 * algorithms, deep, and near the wrap at 2^64 (the draws run across it). */
static const uint64_t positions[] = {
    0, 1, 3, 7, (UINT64_C(4) << 32) - 3, UINT64_C(0x4000000000000005),
    UINT64_MAX - 4, UINT64_MAX,
};

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
    for (uint32_t a = 1; a <= REPRO_ALGORITHM_COUNT; a++) {
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
                    vec_draw d;
                    repro_stream s;
                    uint64_t values[VALUES_PER_RECORD];
                    if (vec_parse_draw(draws[di], &d) || !d.stream)
                        return 1;
                    repro_stream_init(&s, (repro_algorithm)a, seeds[si].seed);
                    repro_stream_seek(&s, positions[pi]);
                    for (int i = 0; i < VALUES_PER_RECORD; i++)
                        values[i] = d.stream->next(&s, d.bound);
                    fprintf(f, "%s %s %" PRIu64 " %s %" PRIu64, name, hex, positions[pi],
                            draws[di], repro_stream_tell(&s));
                    for (int i = 0; i < VALUES_PER_RECORD; i++)
                        fprintf(f, " %0*" PRIx64, vec_draw_digits(&d), values[i]);
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
