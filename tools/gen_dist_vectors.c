/* Writes the golden vectors of the distributions: OUTDIR/dist_<name>.txt (format in
 * the header written below).  Run through `make dist-vectors`, which never
 * overwrites the frozen copies in tests/vectors/: it compares against them instead.
 * tools/math_check_vectors.py checks the normal and exponential records against
 * mpmath and the independent Python stream reference. */
#include "dist_draw.h"

#include <inttypes.h>
#include <stdio.h>

static const char header[] =
    "# Golden vectors of the %s draws of librepro_rng (contract rr1).\n"
    "# Written once by tools/gen_dist_vectors.c (make dist-vectors), then frozen:\n"
    "# never regenerated to make a failure go away.  Read by tests/test_dist_vectors.c.\n"
    "#\n"
    "# One record per line, fields separated by one space, as tests/vectors/stream_*:\n"
    "#   <algorithm> <seed> <position> <draw> <end position> <value> <value> ...\n"
    "# The values are successive draws of kind <draw> from the stream (algorithm, seed)\n"
    "# seeked to <position> (decimal); <end position> (decimal) is the position after\n"
    "# the last draw (the words consumed, docs/DISTRIBUTIONS.md).  <draw> is\n"
    "#   normal | exponential | gaussian:M:S | uniform:A:B | bernoulli:P | gamma:K:T |\n"
    "#   beta:A:B | poisson:L | binomial:N:P\n"
    "# with the double parameters as C99 hex floats and N decimal.  Values are\n"
    "# lowercase hex: doubles as the 16 digits of their IEEE-754 bits, Poisson and\n"
    "# binomial counts as 16 digits, Bernoulli values as 2 digits.\n";

typedef struct {
    const char *file;
    const char *draws[6];
} family;

static const family families[] = {
    {"normal", {"normal"}},
    {"exponential", {"exponential"}},
    {"gaussian", {"gaussian:0x1.8p+1:0x1p+1", "gaussian:-0x1p+100:0x1p-20"}},
    {"uniform", {"uniform:-0x1p+1:0x1.4p+2", "uniform:0x1p+0:0x1.0000000000001p+0",
                 "uniform:-0x1.fffffffffffffp+1023:0x1.fffffffffffffp+1023"}},
    {"bernoulli", {"bernoulli:0x1.3333333333333p-2", "bernoulli:0x1p-1"}},
    {"gamma", {"gamma:0x1p-1:0x1p+1", "gamma:0x1.8p+1:0x1p+0", "gamma:0x1.f4p+9:0x1.47ae147ae147bp-7",
               "gamma:0x1.0624dd2f1a9fcp-10:0x1p+0"}},
    {"beta", {"beta:0x1p-1:0x1.6666666666666p-1", "beta:0x1p+1:0x1.4p+2",
              "beta:0x1.0624dd2f1a9fcp-10:0x1.0624dd2f1a9fcp-9"}},
    {"poisson", {"poisson:0x1.cp+1", "poisson:0x1.9p+6", "poisson:0x1.e848p+19",
                 "poisson:0x1.c6bf52634p+49", "poisson:0x0p+0"}},
    {"binomial", {"binomial:20:0x1.3333333333333p-2", "binomial:1000:0x1.999999999999ap-2",
                  "binomial:100:0x1.ccccccccccccdp-1", "binomial:1000000000:0x1.5798ee2308c3ap-28",
                  "binomial:1000000000000:0x1p-1"}},
};

static const repro_algorithm algorithms[] = {REPRO_PHILOX4X32, REPRO_PHILOX2X64,
                                             REPRO_PHILOX4X64, REPRO_THREEFRY2X64,
                                             REPRO_THREEFRY4X32, REPRO_THREEFRY4X64};

/* Start, odd (values straddle blocks), and across the wrap at 2^64. */
static const uint64_t positions[] = {0, 5, UINT64_MAX - 6};

/* 37 values: SIMD fills get whole vectors and a remainder. */
#define VALUES 37

static int write_record(FILE *f, repro_algorithm a, repro_seed seed, uint64_t pos,
                        const char *draw)
{
    repro_stream s;
    uint64_t bits[VALUES];
    int digits;
    char hex[65];
    if (repro_stream_init(&s, a, seed) != REPRO_OK)
        return 1;
    repro_stream_seek(&s, pos);
    if (dist_draw(&s, draw, VALUES, bits, &digits) != REPRO_OK) {
        fprintf(stderr, "gen_dist_vectors: draw %s failed\n", draw);
        return 1;
    }
    repro_seed_to_hex(seed, hex);
    fprintf(f, "%s %s %" PRIu64 " %s %" PRIu64, repro_algorithm_name(a), hex, pos, draw,
            repro_stream_tell(&s));
    for (int i = 0; i < VALUES; i++)
        fprintf(f, " %0*" PRIx64, digits, bits[i]);
    fputc('\n', f);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    const repro_seed seeds[] = {repro_seed_from_u64(42), repro_seed_from_string("dist")};
    for (size_t fi = 0; fi < sizeof families / sizeof families[0]; fi++) {
        const family *fam = &families[fi];
        char path[4096];
        snprintf(path, sizeof path, "%s/dist_%s.txt", argv[1], fam->file);
        FILE *f = fopen(path, "w");
        if (!f) {
            perror(path);
            return 1;
        }
        fprintf(f, header, fam->file);
        /* Every algorithm for the contract's own normal and exponential; two for the rest. */
        size_t nalg = fi < 2 ? 6 : 2;
        for (size_t d = 0; d < 6 && fam->draws[d]; d++)
            for (size_t ai = 0; ai < nalg; ai++)
                for (size_t si = 0; si < 2; si++)
                    for (size_t pi = 0; pi < 3; pi++)
                        if (write_record(f, algorithms[nalg == 6 ? ai : ai * 5], seeds[si],
                                         positions[pi], fam->draws[d]))
                            return 1;
        if (fclose(f) != 0) {
            perror(path);
            return 1;
        }
    }
    return 0;
}
