/* `make bench`: fill rates of every algorithm x fill x ISA for a 16 KiB (cache)
 * and a 256 MiB (memory) buffer, median of 5 runs, next to Random123's scalar
 * code and memset measured in the same run; seed derivations per second; a
 * summary against the speed targets (summary()).  Writes a CSV (argv[1]).
 * Rates are per CPU-second of the benchmark thread (see now()).
 * `--quick` skips the 256 MiB buffer.  Never run from the test suite: the
 * numbers depend on the machine and its load. */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <Random123/philox.h>
#include <Random123/threefry.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "repro_rng.h"
#include "kernels/table.h" /* repro_isa_lookup: which kernels forward to scalar */
#include "bench_util.h" /* seed_words, now(), cmp_double */

#define RUNS 5
#define SMALL (16u << 10)
#define LARGE (256u << 20)
#define SMALL_RUN_S 0.004 /* a 16 KiB run repeats the fill for at least this long */

/* ---- what is timed -------------------------------------------------------------- */
typedef struct job {
    int (*fill)(repro_stream *s, void *out, size_t n); /* a library fill, or NULL */
    void (*r123)(uint32_t *out, size_t nblocks);        /* a Random123 loop, or NULL */
    repro_algorithm alg;
    unsigned value_bytes, block_words;
} job;

static volatile unsigned char sink;

static void run_once(const job *j, repro_stream *s, void *buf, size_t bytes)
{
    if (j->fill) {
        if (j->fill(s, buf, bytes / j->value_bytes) != REPRO_OK)
            abort();
    } else if (j->r123) {
        j->r123(buf, bytes / 4 / j->block_words);
    } else {
        memset(buf, (int)(bytes & 0x7F), bytes);
    }
    sink = ((unsigned char *)buf)[bytes - 1];
}

/* Median seconds per fill of `bytes` over RUNS runs. */
static double time_job(const job *j, void *buf, size_t bytes)
{
    repro_stream s;
    repro_seed seed;
    memcpy(seed.w, seed_words, sizeof seed.w);
    if (repro_stream_init(&s, j->alg ? j->alg : REPRO_PHILOX4X32, seed) != REPRO_OK)
        abort();
    size_t reps = 1;
    double t0 = now();
    run_once(j, &s, buf, bytes); /* warm-up, and the repetition count */
    double once = now() - t0;
    if (bytes < LARGE && once < SMALL_RUN_S)
        reps = (size_t)(SMALL_RUN_S / (once > 1e-9 ? once : 1e-9)) + 1;
    double t[RUNS];
    for (int r = 0; r < RUNS; r++) {
        t0 = now();
        for (size_t i = 0; i < reps; i++)
            run_once(j, &s, buf, bytes);
        t[r] = (now() - t0) / (double)reps;
    }
    qsort(t, RUNS, sizeof t[0], cmp_double);
    return t[RUNS / 2];
}

/* ---- library fills ---------------------------------------------------------------- */
#define FILL(name, T, words)                                                             \
    static int fill_##name(repro_stream *s, void *out, size_t n)                         \
    {                                                                                    \
        return repro_fill_##name(s, (T *)out, n);                                        \
    }
#define FILL_ENTRY(name, T, words) {#name, fill_##name, sizeof(T)},
REPRO_FILLS(FILL)

static const struct {
    const char *name;
    int (*fill)(repro_stream *, void *, size_t);
    unsigned bytes;
} fills[] = {REPRO_FILLS(FILL_ENTRY)};
#define N_FILLS (sizeof fills / sizeof fills[0])

/* Also timed on the 256 MiB buffer: u32 and double show the memory-bound rates; the
 * others would repeat them (or, normal and exponential, the 16 KiB rate of their
 * conversions) and push the run past three minutes. */
static int fill_large(const char *name) { return !strcmp(name, "u32") || !strcmp(name, "double"); }

/* ---- Random123's scalar code, with the stream layout of contract section 3 ------------ */
#define LO(x) ((uint32_t)(x))
#define HI(x) ((uint32_t)((x) >> 32))
#define R123_LOOP(fn, rounds, key_init, ctr_init)                                       \
    static void r123_##fn(uint32_t *out, size_t nblocks)                                 \
    {                                                                                    \
        const uint64_t *w = seed_words;                                                  \
        fn##_key_t k = {key_init};                                                       \
        for (uint64_t p = 0; p < nblocks; p++) {                                         \
            fn##_ctr_t c = {ctr_init};                                                   \
            fn##_ctr_t r = fn##_R(rounds, c, k);                                         \
            memcpy(out + p * (sizeof r.v / 4), r.v, sizeof r.v);                         \
        }                                                                                \
    }
#define L4(a, b, c, d) {a, b, c, d}
#define L2(a, b) {a, b}
#define L1(a) {a}
R123_LOOP(philox4x32, 10, L2(LO(w[0]), HI(w[0])), L4(LO(p), HI(p), LO(w[1]), HI(w[1])))
R123_LOOP(philox2x64, 10, L1(w[0]), L2(p, w[1]))
R123_LOOP(philox4x64, 10, L2(w[0], w[1]), L4(p, 0, w[2], w[3]))
R123_LOOP(threefry2x64, 20, L2(w[0], w[1]), L2(p, w[2]))
R123_LOOP(threefry4x32, 20, L4(LO(w[0]), HI(w[0]), LO(w[1]), HI(w[1])),
          L4(LO(p), HI(p), LO(w[2]), HI(w[2])))
R123_LOOP(threefry4x64, 20, L4(w[0], w[1], w[2], w[3]), L4(p, 0, 0, 0))

#define R123_ENTRY(constant, name, contract, words) [constant] = r123_##name,
static void (*const r123_loops[REPRO_ALGORITHM_COUNT + 1])(uint32_t *, size_t) = {
    REPRO_ALGORITHMS(R123_ENTRY)};

/* ---- results ------------------------------------------------------------------------ */
typedef struct {
    char alg[24], fill[16], impl[16];
    size_t bytes;
    double gbps, ns;
} result;

static result results[1024];
static size_t n_results;
static FILE *csv;

static double record(const char *alg, const char *fill, const char *impl, size_t bytes,
                     unsigned value_bytes, double sec)
{
    result *r = &results[n_results++];
    snprintf(r->alg, sizeof r->alg, "%s", alg);
    snprintf(r->fill, sizeof r->fill, "%s", fill);
    snprintf(r->impl, sizeof r->impl, "%s", impl);
    r->bytes = bytes;
    r->gbps = (double)bytes / sec / 1e9;
    r->ns = sec * 1e9 / (double)(bytes / value_bytes);
    printf("%-16s %-12s %-9s %9zu  %8.2f GB/s  %8.3f ns/value\n", alg, fill, impl, bytes,
           r->gbps, r->ns);
    fprintf(csv, "%s,%s,%s,%zu,%.4f,%.4f,%d\n", alg, fill, impl, bytes, r->gbps, r->ns, RUNS);
    fflush(stdout);
    return r->gbps;
}

static double find(const char *alg, const char *fill, const char *impl, size_t bytes)
{
    for (size_t i = 0; i < n_results; i++)
        if (!strcmp(results[i].alg, alg) && !strcmp(results[i].fill, fill) &&
            !strcmp(results[i].impl, impl) && results[i].bytes == bytes)
            return results[i].gbps;
    return 0;
}

/* Random123 and the library's scalar path must give the same words. */
static int check_r123(repro_algorithm a, uint32_t *x, uint32_t *y)
{
    repro_stream s;
    repro_seed seed;
    memcpy(seed.w, seed_words, sizeof seed.w);
    repro_stream_init(&s, a, seed);
    repro_fill_u32(&s, x, 1024);
    r123_loops[a](y, 1024 / repro_algorithm_block_words(a));
    return memcmp(x, y, 4096) == 0;
}

/* Best SIMD rate for alg/fill/bytes, and its ISA. */
static double best_simd(const char *alg, const char *fill, size_t bytes, const char **isa)
{
    double best = 0;
    *isa = "none";
    for (size_t i = 1; i < repro_isa_count(); i++) {
        double g = find(alg, fill, repro_isa_name_at(i), bytes);
        if (g > best) {
            best = g;
            *isa = repro_isa_name_at(i);
        }
    }
    return best;
}

static void summary(void)
{
    printf("\n== summary (16 KiB buffer; against the targets)\n");
    for (repro_algorithm a = 1; a <= REPRO_ALGORITHM_COUNT; a++) {
        const char *an = repro_algorithm_name(a), *isa;
        double scalar = find(an, "u32", "scalar", SMALL), r123 = find(an, "u32", "random123", SMALL);
        printf("%-16s u32: scalar %.2f GB/s = x%.2f Random123's scalar loop (%.2f GB/s)\n", an,
               scalar, scalar / r123, r123);
        for (size_t i = 1; i < repro_isa_count(); i++) {
            const char *in = repro_isa_name_at(i);
            double g = find(an, "u32", in, SMALL);
            const repro_isa_table *t = repro_isa_lookup(in);
            const char *note = "";
            if (t && t->scalar_blocks >> a & 1)
                note = "  <- SIMD loses here: this ISA runs the scalar kernel";
            else if (g < 1.15 * scalar)
                note = "  <- less than 1.15x scalar";
            if (g > 0)
                printf("%-16s u32: %-6s %.2f GB/s = x%.2f scalar, x%.2f Random123%s\n", an,
                       in, g, g / scalar, g / r123, note);
        }
        double u64 = best_simd(an, "u64", SMALL, &isa), dbl = best_simd(an, "double", SMALL, &isa);
        printf("%-16s double/u64 fill (best ISA): %.2f (target >= 0.7)\n", an, dbl / u64);
    }
    const char *isa;
    double p = best_simd("philox4x32-10", "u32", SMALL, &isa);
    double pr = find("philox4x32-10", "u32", "random123", SMALL);
    double t = best_simd("threefry4x64-20", "u32", SMALL, &isa);
    printf("philox4x32-10 u32 fill %.2f GB/s: target >= 6 GB/s %s, >= 4x Random123 (x%.2f) %s\n",
           p, p >= 6 ? "MET" : "NOT MET", p / pr, p >= 4 * pr ? "MET" : "NOT MET");
    printf("threefry4x64-20 u32 fill %.2f GB/s: target >= 6 GB/s %s\n", t,
           t >= 6 ? "MET" : "NOT MET");
}

static void bench_derivation(void)
{
    repro_seed parent;
    memcpy(parent.w, seed_words, sizeof parent.w);
    const size_t n = 1u << 20;
    double t[RUNS];
    uint64_t acc = 0;
    for (int r = 0; r < RUNS; r++) {
        double t0 = now();
        for (size_t i = 0; i < n; i++)
            acc ^= repro_seed_child(parent, i).w[i & 3];
        t[r] = now() - t0;
    }
    sink = (unsigned char)acc;
    qsort(t, RUNS, sizeof t[0], cmp_double);
    double rate = (double)n / t[RUNS / 2] / 1e6;
    printf("repro_seed_child: %.2f M derivations/s on one core (target >= 10) %s\n", rate,
           rate >= 10 ? "MET" : "NOT MET");
    fprintf(csv, "seed_child,derivation,scalar,0,0,%.4f,%d\n", 1e3 / rate, RUNS);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s RESULTS.csv [--quick]   (make bench: BUILD/bench/)\n",
                argv[0]);
        return 2;
    }
    const char *path = argv[1];
    int quick = argc > 2 && !strcmp(argv[2], "--quick");
    csv = fopen(path, "w");
    if (!csv) {
        perror(path);
        return 1;
    }
    fprintf(csv, "algorithm,fill,impl,buffer_bytes,gb_per_s,ns_per_value,median_of\n");
    unsigned char *buf = aligned_alloc(64, LARGE);
    if (!buf)
        return 1;
    memset(buf, 1, LARGE); /* fault the pages in before timing */
    double t0 = now();

    for (repro_algorithm a = 1; a <= REPRO_ALGORITHM_COUNT; a++)
        if (!check_r123(a, (uint32_t *)(void *)buf, (uint32_t *)(void *)(buf + 8192))) {
            fprintf(stderr, "%s: Random123 and the library disagree\n", repro_algorithm_name(a));
            return 1;
        }
    printf("%-16s %-12s %-9s %9s  %13s  %17s\n", "algorithm", "fill", "impl", "bytes", "rate",
           "time");
    for (int large = 0; large <= !quick; large++) {
        size_t bytes = large ? LARGE : SMALL;
        job mem = {NULL, NULL, 0, 1, 1};
        record("memset", "bytes", "libc", bytes, 1, time_job(&mem, buf, bytes));
        for (repro_algorithm a = 1; a <= REPRO_ALGORITHM_COUNT; a++) {
            const char *an = repro_algorithm_name(a);
            unsigned bw = repro_algorithm_block_words(a);
            job r = {NULL, r123_loops[a], a, 4, bw};
            record(an, "u32", "random123", bytes, 4, time_job(&r, buf, bytes));
            for (size_t f = 0; f < N_FILLS; f++) {
                if (large && !fill_large(fills[f].name))
                    continue;
                for (size_t i = 0; i < repro_isa_count(); i++) {
                    if (repro_set_isa(repro_isa_name_at(i)) != REPRO_OK)
                        continue;
                    job j = {fills[f].fill, NULL, a, fills[f].bytes, bw};
                    record(an, fills[f].name, repro_isa_name_at(i), bytes, fills[f].bytes,
                           time_job(&j, buf, bytes));
                }
            }
        }
    }
    repro_set_isa("best");
    bench_derivation();
    summary();
    printf("(%.0f s of CPU time; CSV: %s)\n", now() - t0, path);
    fclose(csv);
    free(buf);
    return 0;
}
