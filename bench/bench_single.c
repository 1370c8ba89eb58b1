/* `make bench-single`: the cost of one draw at a time.  For each single
 * draw of a philox4x32-10 stream at the active ISA: ns per call inlined (the header's
 * inline draws, as any C consumer compiles them; the others are calls anyway), ns per
 * call through a function pointer (what numpy's bit generator and ctypes do), next to
 * Random123's idiomatic hand loop (one philox4x32_R(10, ...) block per four words,
 * converted as the contract does) and to the bulk fill's cost per value (a 16 KiB
 * buffer, in L1).  Every loop stores its values into a ring of 1024 values, so none is
 * bound by an arithmetic chain of its own.  Median of RUNS runs, each at least MIN_RUN_S
 * of this thread's CPU time (robust to a shared machine, not immune: caches and a
 * hyperthread sibling are shared).  Then the floor (the u64 and double loops around a
 * draw that generates nothing: what no single-call design can beat, plus the fill's
 * cost) and the targets (single draws against the hand loop and the fills), MET or NOT
 * MET.  Never run from the test suite: the numbers depend on the machine. */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <Random123/philox.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "repro_rng.h"
#include "bench_util.h" /* seed_words, now(), cmp_double */

#define RUNS 11
#define MIN_RUN_S 0.005
#define RING 1024 /* values kept by each timed loop (a power of two) */
#define FILL_VALUES 2048 /* 16 KiB of u64 / double values per fill call */
#define BOUND 1000u /* the bounded draws' n, as numpy's integers(0, 1000) */

static repro_stream new_stream(void)
{
    repro_seed seed;
    memcpy(seed.w, seed_words, sizeof seed.w);
    repro_stream s;
    if (repro_stream_init(&s, REPRO_PHILOX4X32, seed) != REPRO_OK)
        abort();
    return s;
}

/* One timed loop: n values into the ring (s: the stream it draws from, if any). */
typedef void (*loop_fn)(repro_stream *s, size_t n);

static unsigned char ring[RING * 8];
static unsigned char fill_buf[FILL_VALUES * 8];

/* The count of values for which fn runs at least MIN_RUN_S (and a warm-up). */
static size_t calibrate(loop_fn fn, repro_stream *s)
{
    size_t n = 1u << 14;
    for (;;) {
        double t0 = now();
        fn(s, n);
        if (now() - t0 >= MIN_RUN_S)
            return n;
        n *= 2;
    }
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof t[0], cmp_double);
    return t[n / 2];
}

/* Median ns per value of each of the k loops fn[i] (NULL: skipped, 0), over RUNS
 * rounds that run each loop once in turn, so that the machine's load drifting
 * between loops hits all of them alike. */
static void time_loops(const loop_fn *fn, int k, double *ns)
{
    repro_stream s[4];
    size_t n[4];
    double t[4][RUNS];
    for (int i = 0; i < k; i++) {
        s[i] = new_stream();
        n[i] = fn[i] ? calibrate(fn[i], &s[i]) : 0;
    }
    for (int r = 0; r < RUNS; r++)
        for (int i = 0; i < k; i++) {
            if (!fn[i])
                continue;
            double t0 = now();
            fn[i](&s[i], n[i]);
            t[i][r] = (now() - t0) * 1e9 / (double)n[i];
        }
    for (int i = 0; i < k; i++)
        ns[i] = fn[i] ? median(t[i], RUNS) : 0;
}

/* ---- the library's single draws: inlined, and through a pointer ---------------------- */
#define SINGLE(name, T, CALL)                                                             \
    static void inline_##name(repro_stream *s, size_t n)                                 \
    {                                                                                    \
        T *out = (T *)(void *)ring;                                                      \
        for (size_t i = 0; i < n; i++)                                                   \
            out[i & (RING - 1)] = CALL;                                                  \
    }                                                                                    \
    static T (*volatile ptr_fn_##name)(repro_stream *);                                  \
    static void pointer_##name(repro_stream *s, size_t n)                                \
    {                                                                                    \
        T *out = (T *)(void *)ring;                                                      \
        T (*f)(repro_stream *) = ptr_fn_##name;                                          \
        for (size_t i = 0; i < n; i++)                                                   \
            out[i & (RING - 1)] = f(s);                                                  \
    }
SINGLE(u32, uint32_t, repro_next_u32(s))
SINGLE(u64, uint64_t, repro_next_u64(s))
SINGLE(double, double, repro_next_double(s))
SINGLE(float, float, repro_next_float(s))
SINGLE(normal, double, repro_next_normal(s))
SINGLE(exponential, double, repro_next_exponential(s))
SINGLE(bounded_u32, uint32_t, repro_next_bounded_u32(s, BOUND))

static uint32_t bounded_u32_1000(repro_stream *s) { return repro_next_bounded_u32(s, BOUND); }

/* ---- the bulk fills, per value ------------------------------------------------------ */
#define FILL(name, T, CALL)                                                               \
    static void fill_##name(repro_stream *s, size_t n)                                   \
    {                                                                                    \
        T *out = (T *)(void *)fill_buf;                                                  \
        const size_t per = sizeof fill_buf / sizeof(T);                                  \
        for (size_t i = 0; i < n; i += per)                                              \
            if (CALL != REPRO_OK)                                                        \
                abort();                                                                 \
    }
FILL(u32, uint32_t, repro_fill_u32(s, out, per))
FILL(u64, uint64_t, repro_fill_u64(s, out, per))
FILL(double, double, repro_fill_double(s, out, per))
FILL(float, float, repro_fill_float(s, out, per))
FILL(normal, double, repro_fill_normal(s, out, per))
FILL(exponential, double, repro_fill_exponential(s, out, per))
FILL(bounded_u32, uint32_t, repro_fill_bounded_u32(s, out, per, BOUND))

/* ---- Random123's idiomatic hand loop: a counter, one block per four words ------------- */
#define LO(x) ((uint32_t)(x))
#define HI(x) ((uint32_t)((x) >> 32))
#define R123(name, T, PER, ...)                                                           \
    static void r123_##name(repro_stream *s, size_t n)                                   \
    {                                                                                    \
        (void)s;                                                                         \
        T *out = (T *)(void *)ring;                                                      \
        philox4x32_key_t k = {{LO(seed_words[0]), HI(seed_words[0])}};                    \
        philox4x32_ctr_t c = {{0, 0, LO(seed_words[1]), HI(seed_words[1])}};              \
        for (size_t i = 0; i < n; i += PER) {                                            \
            philox4x32_ctr_t r = philox4x32_R(10, c, k);                                 \
            c.v[0]++;                                                                    \
            const T v[PER] = {__VA_ARGS__};                                              \
            for (size_t j = 0; j < PER; j++)                                             \
                out[(i + j) & (RING - 1)] = v[j];                                        \
        }                                                                                \
    }
#define W64(a, b) ((uint64_t)r.v[a] | (uint64_t)r.v[b] << 32)
R123(u32, uint32_t, 4, r.v[0], r.v[1], r.v[2], r.v[3])
R123(u64, uint64_t, 2, W64(0, 1), W64(2, 3))
R123(double, double, 2, REPRO_DOUBLE_FROM_U64_(W64(0, 1)), REPRO_DOUBLE_FROM_U64_(W64(2, 3)))
R123(float, float, 4, REPRO_FLOAT_FROM_U32_(r.v[0]), REPRO_FLOAT_FROM_U32_(r.v[1]),
     REPRO_FLOAT_FROM_U32_(r.v[2]), REPRO_FLOAT_FROM_U32_(r.v[3]))

/* ---- the floor of any single-call draw ---------------------------------------------
 * The leanest buffered draw possible: an offset in memory checked against a bound, one
 * read, the offset stored back, and behind an opaque call a refill that only rewinds
 * (it generates nothing).  A draw through a call keeps its state in memory, so each
 * value costs that store beside the consumer's own; this loop's time plus the fill's
 * per value is the least a single draw of any design can cost in the same loop. */
#define FLOOR_VALUES 512
typedef struct {
    uint64_t off, end;
    uint64_t values[FLOOR_VALUES];
} floor_state;
static floor_state floor_buffer = {0, FLOOR_VALUES, {0}};
static floor_state *volatile floor_ptr = &floor_buffer;
static void rewind_floor(floor_state *f) { f->off = 0; }
static void (*volatile floor_refill)(floor_state *) = rewind_floor;

static inline uint64_t floor_next(floor_state *f)
{
    uint64_t off = f->off;
    if (off >= f->end) {
        floor_refill(f);
        off = f->off;
    }
    f->off = off + 1;
    return f->values[off];
}
#define FLOOR(name, T, CONVERT)                                                           \
    static void floor_##name(repro_stream *s, size_t n)                                  \
    {                                                                                    \
        (void)s;                                                                         \
        T *out = (T *)(void *)ring;                                                      \
        floor_state *f = floor_ptr;                                                      \
        for (size_t i = 0; i < n; i++)                                                   \
            out[i & (RING - 1)] = CONVERT(floor_next(f));                                \
    }
#define AS_U64(x) (x)
FLOOR(u64, uint64_t, AS_U64)
FLOOR(double, double, REPRO_DOUBLE_FROM_U64_)

/* ---- the table -------------------------------------------------------------------- */
static const struct {
    const char *name;
    loop_fn in, ptr, r123, fill;
} draws[] = {
    {"u32", inline_u32, pointer_u32, r123_u32, fill_u32},
    {"u64", inline_u64, pointer_u64, r123_u64, fill_u64},
    {"double", inline_double, pointer_double, r123_double, fill_double},
    {"float", inline_float, pointer_float, r123_float, fill_float},
    {"normal", inline_normal, pointer_normal, NULL, fill_normal},
    {"exponential", inline_exponential, pointer_exponential, NULL, fill_exponential},
    {"bounded_u32", inline_bounded_u32, pointer_bounded_u32, NULL, fill_bounded_u32},
};
#define N_DRAWS (sizeof draws / sizeof draws[0])

static void verdict(const char *what, double ratio, double target, int at_least)
{
    int met = at_least ? ratio >= target : ratio <= target;
    printf("  %-62s %6.2f (target %s %.1f)  %s\n", what, ratio, at_least ? ">=" : "<=", target,
           met ? "MET" : "NOT MET");
}

int main(void)
{
    ptr_fn_u32 = repro_next_u32;
    ptr_fn_u64 = repro_next_u64;
    ptr_fn_double = repro_next_double;
    ptr_fn_float = repro_next_float;
    ptr_fn_normal = repro_next_normal;
    ptr_fn_exponential = repro_next_exponential;
    ptr_fn_bounded_u32 = bounded_u32_1000;

    /* the hand loop draws the stream's words: check before timing it */
    repro_stream s = new_stream();
    uint32_t want[8];
    if (repro_fill_u32(&s, want, 8) != REPRO_OK)
        abort();
    r123_u32(NULL, 8);
    if (memcmp(ring, want, sizeof want) != 0) {
        fprintf(stderr, "bench_single: Random123's loop and the stream disagree\n");
        return 1;
    }

    double t_in[N_DRAWS], t_ptr[N_DRAWS], t_r123[N_DRAWS], t_fill[N_DRAWS];
    printf("philox4x32-10, ISA %s, ns per value (median of %d runs, thread CPU time)\n",
           repro_isa_name(), RUNS);
    printf("%-12s %8s %9s %10s %9s   %11s %9s\n", "draw", "inline", "pointer", "Random123",
           "fill", "Random123/", "inline/");
    printf("%-12s %8s %9s %10s %9s   %11s %9s\n", "", "", "", "loop", "per value", "inline",
           "fill");
    for (size_t d = 0; d < N_DRAWS; d++) {
        const loop_fn fn[4] = {draws[d].in, draws[d].ptr, draws[d].r123, draws[d].fill};
        double ns[4];
        time_loops(fn, 4, ns);
        t_in[d] = ns[0];
        t_ptr[d] = ns[1];
        t_r123[d] = ns[2];
        t_fill[d] = ns[3];
        char r123[16] = "-", ratio[16] = "-";
        if (draws[d].r123) {
            snprintf(r123, sizeof r123, "%.2f", t_r123[d]);
            snprintf(ratio, sizeof ratio, "%.2fx", t_r123[d] / t_in[d]);
        }
        printf("%-12s %8.2f %9.2f %10s %9.2f   %11s %8.2fx\n", draws[d].name, t_in[d],
               t_ptr[d], r123, t_fill[d], ratio, t_in[d] / t_fill[d]);
        fflush(stdout);
    }
    printf("(bounded_u32: n = %u; \"fill\" is repro_fill_bounded_u32, per value)\n", BOUND);

    enum { U32, U64, DOUBLE, FLOAT, NORMAL, EXPONENTIAL, BOUNDED };
    printf("\n== the floor: the same loops around the leanest possible buffered draw, which "
           "generates nothing\n");
    static const struct {
        const char *name;
        loop_fn floor, in, r123, fill;
    } floors[] = {{"u64", floor_u64, inline_u64, r123_u64, fill_u64},
                  {"double", floor_double, inline_double, r123_double, fill_double}};
    for (size_t d = 0; d < sizeof floors / sizeof floors[0]; d++) {
        const loop_fn fn[4] = {floors[d].floor, floors[d].in, floors[d].r123, floors[d].fill};
        double ns[4];
        time_loops(fn, 4, ns);
        const double best = ns[0] + ns[3];
        printf("  %-7s floor %.2f + fill %.2f = %.2f ns (inline %.2f): at best Random123 loop "
               "(%.2f) / next = %.2fx, next / fill = %.2fx\n",
               floors[d].name, ns[0], ns[3], best, ns[1], ns[2], ns[2] / best, best / ns[3]);
    }
    printf("\n== targets (numpy's integers on PCG64: make bench-single's Python part)\n");
    verdict("repro_next_double: Random123 loop / next_double", t_r123[DOUBLE] / t_in[DOUBLE], 3,
            1);
    verdict("repro_next_double: next_double / fill_double per value", t_in[DOUBLE] / t_fill[DOUBLE],
            1.5, 0);
    verdict("repro_next_u64: Random123 loop / next_u64", t_r123[U64] / t_in[U64], 3, 1);
    verdict("repro_next_u64: next_u64 / fill_u64 per value", t_in[U64] / t_fill[U64], 1.5, 0);
    verdict("repro_next_normal: next_normal / fill_normal per value",
            t_in[NORMAL] / t_fill[NORMAL], 3, 0);
    verdict("repro_fill_bounded_u32(n=1000) / fill_u32 per value", t_fill[BOUNDED] / t_fill[U32],
            2.5, 0);
    return 0;
}
