/* Writes the golden vectors of the distributions: OUTDIR/dist_<name>.txt (format in
 * the header written below).  Run through `make dist-vectors`, which never
 * overwrites the frozen copies in tests/vectors/: it compares against them instead.
 * tools/math_check_vectors.py checks the normal and exponential records against
 * mpmath and the independent Python stream reference. */
#include "vectors/vectors.h"

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

/* The header of the files of numpy's other laws (their draws: LAWS in
 * src/vectors/draws.c; this text is frozen with the files). */
static const char header_laws[] =
    "# Golden vectors of the %s draws of librepro_rng (contract rr1).\n"
    "# Written once by tools/gen_dist_vectors.c (make dist-vectors), then frozen:\n"
    "# never regenerated to make a failure go away.  Read by tests/test_dist_vectors.c,\n"
    "# tests/cross/check_vectors.c and repro-rng selftest; tools/spec_ref.py verify\n"
    "# recomputes every record independently of the library.\n"
    "#\n"
    "# One record per line, fields separated by one space, as tests/vectors/stream_*:\n"
    "#   <algorithm> <seed> <position> <draw> <end position> <value> <value> ...\n"
    "# The values are successive draws of kind <draw> from the stream (algorithm, seed)\n"
    "# seeked to <position> (decimal); <end position> (decimal) is the position after\n"
    "# the last draw (the words consumed, docs/DISTRIBUTIONS.md).  <draw> is the law's\n"
    "# name and its parameters after ':' (its C call: LAWS in src/vectors/draws.c; its\n"
    "# algorithm: docs/DISTRIBUTIONS.md): doubles as C99 hex floats, integers decimal.\n"
    "# A vector law's draw gives its components in order; choice_without_replacement:N\n"
    "# is one call's values, choice_weighted_without_replacement:K:WEIGHT... calls of K\n"
    "# values.  Values are lowercase hex: doubles as the 16 digits of their IEEE-754\n"
    "# bits, floats as 8, integers as the 16 digits of their 64-bit two's complement.\n";

typedef struct {
    const char *file;
    const char *draws[6];
    int laws; /* numpy's other laws: header_laws */
} family;

static const family families[] = {
    {"normal", {"normal"}, 0},
    {"exponential", {"exponential"}, 0},
    {"gaussian", {"gaussian:0x1.8p+1:0x1p+1", "gaussian:-0x1p+100:0x1p-20"}, 0},
    {"uniform", {"uniform:-0x1p+1:0x1.4p+2", "uniform:0x1p+0:0x1.0000000000001p+0",
                 "uniform:-0x1.fffffffffffffp+1023:0x1.fffffffffffffp+1023"}, 0},
    {"bernoulli", {"bernoulli:0x1.3333333333333p-2", "bernoulli:0x1p-1"}, 0},
    {"gamma", {"gamma:0x1p-1:0x1p+1", "gamma:0x1.8p+1:0x1p+0", "gamma:0x1.f4p+9:0x1.47ae147ae147bp-7",
               "gamma:0x1.0624dd2f1a9fcp-10:0x1p+0"}, 0},
    {"beta", {"beta:0x1p-1:0x1.6666666666666p-1", "beta:0x1p+1:0x1.4p+2",
              "beta:0x1.0624dd2f1a9fcp-10:0x1.0624dd2f1a9fcp-9"}, 0},
    {"poisson", {"poisson:0x1.cp+1", "poisson:0x1.9p+6", "poisson:0x1.e848p+19",
                 "poisson:0x1.c6bf52634p+49", "poisson:0x0p+0"}, 0},
    {"binomial", {"binomial:20:0x1.3333333333333p-2", "binomial:1000:0x1.999999999999ap-2",
                  "binomial:100:0x1.ccccccccccccdp-1", "binomial:1000000000:0x1.5798ee2308c3ap-28",
                  "binomial:1000000000000:0x1p-1"}, 0},
    {"integers", {"integers:-5:1000000", "integers:-9223372036854775808:9223372036854775807",
                  "integers:0:4294967295", "integers:7:7", "integers:-3:4294967293"}, 1},
    {"normal_float", {"normal_float"}, 1},
    {"exponential_float", {"exponential_float"}, 1},
    {"uniform_float", {"uniform_float:-0x1p+1:0x1.4p+2",
                       "uniform_float:-0x1.fffffep+127:0x1.fffffep+127"}, 1},
    {"lognormal", {"lognormal:0x0p+0:0x1p+0", "lognormal:-0x1p+1:0x1.4p+3"}, 1},
    {"standard_cauchy", {"standard_cauchy"}, 1},
    {"laplace", {"laplace:0x1p+0:0x1p+1", "laplace:0x0p+0:0x1.56e1fc2f8f359p-997"}, 1},
    {"logistic", {"logistic:0x0p+0:0x1p+0", "logistic:0x1.4p+2:0x1.0624dd2f1a9fcp-10"}, 1},
    {"gumbel", {"gumbel:0x0p+0:0x1p+0", "gumbel:-0x1.8p+1:0x1.4p+4"}, 1},
    {"rayleigh", {"rayleigh:0x1p+0", "rayleigh:0x1.bff2ee48e053p-333"}, 1},
    {"weibull", {"weibull:0x1.8p+0", "weibull:0x1.999999999999ap-4", "weibull:0x0p+0"}, 1},
    {"pareto", {"pareto:0x1.8p+1", "pareto:0x1.999999999999ap-5"}, 1},
    {"power", {"power:0x1p+1", "power:0x1.47ae147ae147bp-7"}, 1},
    {"triangular", {"triangular:0x0p+0:0x1p+0:0x1.8p+1", "triangular:0x1p+1:0x1.8p+1:0x1.8p+1"}, 1},
    {"wald", {"wald:0x1p+0:0x1p+1", "wald:0x1.4p+3:0x1p+0"}, 1},
    {"vonmises", {"vonmises:0x0p+0:0x1p+2", "vonmises:-0x1.8p+1:0x1.9p+5",
                  "vonmises:0x1p+1:0x1.12e0be826d695p-30", "vonmises:0x1p+0:0x1.312dp+23",
                  "vonmises:0x1.cp+2:0x1p-1"}, 1},
    {"chisquare", {"chisquare:0x1.8p+1", "chisquare:0x1.999999999999ap-5"}, 1},
    {"standard_t", {"standard_t:0x1.4p+2", "standard_t:0x1.999999999999ap-1"}, 1},
    {"f", {"f:0x1.8p+1:0x1.cp+2", "f:0x1p-1:0x1.4p+5"}, 1},
    {"noncentral_chisquare", {"noncentral_chisquare:0x1.8p+1:0x1p+1",
                              "noncentral_chisquare:0x1p-1:0x1.ep+4",
                              "noncentral_chisquare:0x1p+0:0x0p+0"}, 1},
    {"noncentral_f", {"noncentral_f:0x1.8p+1:0x1.cp+2:0x1p+1",
                      "noncentral_f:0x1.6666666666666p-1:0x1.4p+4:0x1.ep+3"}, 1},
    {"negative_binomial", {"negative_binomial:0x1.4p+2:0x1.3333333333333p-2",
                           "negative_binomial:0x1.47ae147ae147bp-7:0x1.0624dd2f1a9fcp-10",
                           "negative_binomial:0x1.f4p+9:0x1.ccccccccccccdp-1",
                           "negative_binomial:0x1p+1:0x1p+0"}, 1},
    {"geometric", {"geometric:0x1.3333333333333p-2", "geometric:0x1.a36e2eb1c432dp-14",
                   "geometric:0x1p+0"}, 1},
    {"logseries", {"logseries:0x1.3333333333333p-1", "logseries:0x1.fff2e48e8a71ep-1",
                   "logseries:0x0p+0"}, 1},
    {"zipf", {"zipf:0x1p+1", "zipf:0x1.199999999999ap+0"}, 1},
    {"hypergeometric", {"hypergeometric:5:10:4", "hypergeometric:100:200:50",
                        "hypergeometric:20:5:22", "hypergeometric:100000000:900000000:500000000"}, 1},
    {"dirichlet", {"dirichlet:0x1p-1:0x1p+1:0x1p+0",
                   "dirichlet:0x1.0624dd2f1a9fcp-10:0x1.0624dd2f1a9fcp-10:0x1.0624dd2f1a9fcp-10"}, 1},
    {"multinomial", {"multinomial:20:0x1.999999999999ap-3:0x1p-1:0x1.3333333333333p-2",
                     "multinomial:1000:0x1p-2:0x1p-2:0x0p+0"}, 1},
    {"multivariate_normal", {"multivariate_normal:0x1p+0:-0x1p+0:0x1p+2:0x1p+1:0x1p+1:0x1.8p+1",
                             "multivariate_normal:0x0p+0:0x0p+0:0x1p+0:0x1p+0:0x1p+0:0x1p+0"}, 1},
    {"choice", {"choice:0x1p+0:0x0p+0:0x1.8p+1:0x1p-2:0x1p+1", "choice:0x1p+0"}, 1},
    {"choice_without_replacement", {"choice_without_replacement:1000",
                                    "choice_without_replacement:18446744073709551615"}, 1},
    {"exponential_scaled", {"exponential_scaled:0x1p+0", "exponential_scaled:0x1.8p+1",
                            "exponential_scaled:0x1.0624dd2f1a9fcp-10",
                            "exponential_scaled:0x1.fffffffffffffp+1023",
                            "exponential_scaled:0x0p+0"}, 1},
    {"gamma_float", {"gamma_float:0x1p-1:0x1p+1", "gamma_float:0x1.8p+1:0x1p+0",
                     "gamma_float:0x1p+0:0x1p+127", "gamma_float:0x1.0624dd2f1a9fcp-10:0x1p+0"}, 1},
    {"choice_weighted_without_replacement",
     {"choice_weighted_without_replacement:3:0x1p+0:0x0p+0:0x1.8p+1:0x1p-2:0x1p+1",
      "choice_weighted_without_replacement:4:0x1p+0:0x1p+0:0x1p+0:0x1p+0",
      "choice_weighted_without_replacement:2:0x0.0000000000001p-1022:0x1.fffffffffffffp+1023:"
      "0x1p-1000:0x0p+0"}, 1},
};

#define ALGORITHM(constant, name, contract, words) constant,
static const repro_algorithm algorithms[] = {REPRO_ALGORITHMS(ALGORITHM)};

/* Start, odd (values straddle blocks), and across the wrap at 2^64. */
static const uint64_t positions[] = {0, 5, UINT64_MAX - 6};

/* 37 draws: SIMD fills get whole vectors and a remainder. */
#define VALUES 37

static int write_record(FILE *f, repro_algorithm a, repro_seed seed, uint64_t pos,
                        const char *text)
{
    repro_stream s;
    vec_draw d;
    uint64_t bits[VALUES * VEC_MAX_PARAMS];
    char hex[65];
    if (vec_parse_draw(text, &d) || repro_stream_init(&s, a, seed) != REPRO_OK) {
        fprintf(stderr, "gen_dist_vectors: bad draw %s\n", text);
        return 1;
    }
    /* VALUES draws of a vector law's width, or one call's VALUES values */
    size_t width = vec_draw_width(&d, VALUES);
    size_t n = width == VALUES ? VALUES : VALUES * width;
    repro_stream_seek(&s, pos);
    if (n > sizeof bits / sizeof bits[0] || vec_draw_fill(&s, &d, bits, n) != REPRO_OK) {
        fprintf(stderr, "gen_dist_vectors: draw %s failed\n", text);
        return 1;
    }
    repro_seed_to_hex(seed, hex);
    fprintf(f, "%s %s %" PRIu64 " %s %" PRIu64, repro_algorithm_name(a), hex, pos, text,
            repro_stream_tell(&s));
    for (size_t i = 0; i < n; i++)
        fprintf(f, " %0*" PRIx64, vec_draw_digits(&d), bits[i]);
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
        fprintf(f, fam->laws ? header_laws : header, fam->file);
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
