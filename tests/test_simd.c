/* Every SIMD path against the scalar reference, byte for byte: the kernels
 * directly through their tables, and the public fills through repro_set_isa.
 * Each ISA this CPU and build run is compared (repro_isa_lookup), whatever
 * REPRO_RNG_ISA says; the contract's worked examples pin every path to
 * independent known answers too. */
#define _POSIX_C_SOURCE 200809L /* popen */
#include "testutil.h"
#include "kernels/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Room for a table of every ISA of repro_isa_name_at. */
#define MAX_ISAS 16

static const size_t lengths[] = {0,  1,  2,  3,  4,  5,  7,  8,  9,    15,
                                 16, 17, 31, 32, 33, 63, 64, 65, 1000, 4099};
#define N_LENGTHS (sizeof lengths / sizeof lengths[0])
#define MAX_LEN 4099

#define GUARD_WORDS 16
#define GUARD 0xCACACACAu

/* seed42 of the contract's worked examples, and a second, dense one. */
static const uint64_t seed42[4] = {0xbdb95317e606846fu, 0xda8774065644afabu,
                                   0x5e181a00e1a00e09u, 0x2d0c83aec88fcd02u};
static const uint64_t seed_ones[4] = {~0ull, ~0ull, 0xFFFFFFFF00000000u, 0x00000000FFFFFFFFu};

/* Word buffers: 64-byte aligned storage, the output at word offset `off` (1:
 * misaligned by 4 bytes), guard words before and after it. */
typedef struct {
    uint32_t *mem;
    uint32_t *out;
    size_t words, off;
} guarded;

static guarded guarded_new(size_t words, size_t off)
{
    guarded g;
    g.mem = aligned_alloc(64, ((off + words + GUARD_WORDS) * 4 + 63) / 64 * 64);
    assert_non_null(g.mem);
    for (size_t i = 0; i < off + words + GUARD_WORDS; i++)
        g.mem[i] = GUARD;
    g.out = g.mem + off;
    g.words = words;
    g.off = off;
    return g;
}

static void guarded_check(const guarded *g)
{
    for (size_t i = 0; i < g->off; i++)
        assert_int_equal(g->mem[i], GUARD);
    for (size_t i = 0; i < GUARD_WORDS; i++)
        assert_int_equal(g->out[g->words + i], GUARD);
}

/* The SIMD tables this run can compare (every ISA but "scalar", the first); fails
 * when the platform should have one (x86-64: SSE2, AArch64: NEON) and none is found. */
static size_t simd_tables(const repro_isa_table **t)
{
    size_t n = 0;
    assert_true(repro_isa_count() <= MAX_ISAS);
    for (size_t i = 1; i < repro_isa_count(); i++)
        if ((t[n] = repro_isa_lookup(repro_isa_name_at(i))) != NULL)
            n++;
#if defined(__x86_64__) || defined(__aarch64__)
    assert_true(n > 0);
#endif
    return n;
}

/* First blocks: 0..67, around the 32-bit counter carry, just before the 2^64 wrap. */
static size_t block_starts(uint64_t *s)
{
    size_t n = 0;
    for (uint64_t p = 0; p < 68; p++)
        s[n++] = p;
    for (uint64_t d = 0; d < 20; d++)
        s[n++] = (UINT64_C(1) << 32) - 1 - d;
    for (uint64_t d = 1; d < 20; d++)
        s[n++] = 0 - d;
    return n;
}

static void test_blocks(void **state)
{
    (void)state;
    const repro_isa_table *t[MAX_ISAS];
    size_t nt = simd_tables(t);
    uint64_t starts[128];
    size_t ns = block_starts(starts);
    uint32_t *ref = malloc(MAX_LEN * 8 * 4);
    assert_non_null(ref);
    for (size_t it = 0; it < nt; it++)
        for (size_t off = 0; off < 2; off++) {
            guarded g = guarded_new(MAX_LEN * 8, off);
            for (uint32_t a = 1; a <= REPRO_ALGORITHM_COUNT; a++) {
                size_t bw = repro_algorithm_block_words((repro_algorithm)a);
                for (size_t si = 0; si < 2; si++) {
                    const uint64_t *w = si ? seed_ones : seed42;
                    for (size_t s = 0; s < ns; s++)
                        for (size_t l = 0; l < N_LENGTHS; l++) {
                            size_t nb = lengths[l];
                            /* long runs at a few starts keep the test quick */
                            if (nb > 65 && s % 17 != 0)
                                continue;
                            g.words = nb * bw;
                            for (size_t i = 0; i < g.words + GUARD_WORDS; i++)
                                g.out[i] = GUARD;
                            repro_isa_scalar.blocks[a](w, starts[s], nb, ref);
                            t[it]->blocks[a](w, starts[s], nb, g.out);
                            if (memcmp(g.out, ref, g.words * 4) != 0)
                                fail_msg("%s %s: block %llu, %zu blocks, offset %zu",
                                         t[it]->name,
                                         repro_algorithm_name((repro_algorithm)a),
                                         (unsigned long long)starts[s], nb, off);
                            guarded_check(&g);
                        }
                }
            }
            free(g.mem);
        }
    free(ref);
}

/* The contract's worked examples (docs/CONTRACT.md section 5) through every table. */
static void test_worked_examples(void **state)
{
    (void)state;
    const repro_isa_table *t[MAX_ISAS];
    size_t nt = simd_tables(t);
    t[nt++] = &repro_isa_scalar;
    static const uint32_t philox[4] = {0x28b3ffba, 0xc8b61e27, 0xa26e04a6, 0x3aaaf4ed};
    static const uint32_t threefry[4] = {0x428ff763, 0xd58cddff, 0x658f972d, 0x70e50230};
    uint32_t out[64 * 8];
    for (size_t it = 0; it < nt; it++) {
        t[it]->blocks[REPRO_PHILOX4X32](seed42, 0, 64, out);
        assert_memory_equal(out, philox, sizeof philox);
        t[it]->from_u64[REPRO_CONV_DOUBLE](out, 128);
        double d;
        memcpy(&d, out, 8);
        assert_true(d == 0.7840288968661325);
        t[it]->blocks[REPRO_THREEFRY4X64](seed42, 0, 64, out);
        assert_memory_equal(out, threefry, sizeof threefry);
    }
}

/* Input words for the conversions: stream words plus the edge cases of each
 * conversion (zero, all ones, bit 11 and bit 8 alone, 2^53 - 1 after the shift). */
static void conversion_input(uint32_t *w, size_t n)
{
    static const uint32_t edges[] = {0,          0,          0xFFFFFFFF, 0xFFFFFFFF,
                                     0x800,      0,          0xFFFFF800, 0xFFFFFFFF,
                                     0x100,      0x80000000, 0x7FF,      0x00000001,
                                     0xFFFFFFFF, 0x7FFFFFFF, 0xFFFFF7FF, 0xFFFFFFFF};
    repro_isa_scalar.blocks[REPRO_THREEFRY4X64](seed42, 7, (n + 7) / 8, w);
    for (size_t i = 0; i < n; i++)
        if (i % 40 < 16)
            w[i] = edges[i % 40];
}

static void test_conversions(void **state)
{
    (void)state;
    const repro_isa_table *t[MAX_ISAS];
    size_t nt = simd_tables(t);
    uint32_t *in = malloc((2 * MAX_LEN + 8) * 4), *ref = malloc(2 * MAX_LEN * 4);
    assert_non_null(in);
    assert_non_null(ref);
    conversion_input(in, 2 * MAX_LEN);
    for (size_t it = 0; it < nt; it++)
        for (size_t off = 0; off < 2; off++) {
            guarded g = guarded_new(2 * MAX_LEN, off);
            for (int c = 0; c <= REPRO_CONV_COUNT; c++) /* COUNT: u32_to_float */
                for (size_t l = 0; l < N_LENGTHS; l++) {
                    size_t n = lengths[l], words = c < REPRO_CONV_COUNT ? 2 * n : n;
                    repro_convert_fn simd = c < REPRO_CONV_COUNT ? t[it]->from_u64[c]
                                                                 : t[it]->u32_to_float;
                    repro_convert_fn scalar = c < REPRO_CONV_COUNT
                                                  ? repro_isa_scalar.from_u64[c]
                                                  : repro_isa_scalar.u32_to_float;
                    g.words = words;
                    memcpy(ref, in, words * 4);
                    memcpy(g.out, in, words * 4);
                    for (size_t i = 0; i < GUARD_WORDS; i++)
                        g.out[words + i] = GUARD;
                    scalar(ref, n);
                    simd(g.out, n);
                    if (memcmp(g.out, ref, words * 4) != 0)
                        fail_msg("%s conversion %d: %zu values, offset %zu", t[it]->name, c,
                                 n, off);
                    guarded_check(&g);
                }
            free(g.mem);
        }
    free(in);
    free(ref);
}

/* ---- public fills ------------------------------------------------------------ */
#define FILL_AT(name, T, words)                                                          \
    static int fill_##name(repro_stream *s, uint64_t pos, void *out, size_t n, int at)  \
    {                                                                                    \
        if (at)                                                                          \
            return repro_fill_##name##_at(s, pos, (T *)out, n);                          \
        repro_stream_seek(s, pos);                                                       \
        return repro_fill_##name(s, (T *)out, n);                                        \
    }
#define FILL_ENTRY(name, T, words) {#name, fill_##name, words},
REPRO_FILLS(FILL_AT)

static const struct {
    const char *name;
    int (*fill)(repro_stream *, uint64_t, void *, size_t, int);
    size_t words; /* stream words (and u32 output words) per value */
} fills[] = {REPRO_FILLS(FILL_ENTRY)};
#define N_FILLS (sizeof fills / sizeof fills[0])

/* Word positions: 0..67, across the 32-bit block counter carry, across 2^64. */
static size_t word_starts(uint32_t a, uint64_t *s)
{
    uint64_t bw = repro_algorithm_block_words((repro_algorithm)a), n = 0;
    for (uint64_t p = 0; p < 68; p++)
        s[n++] = p;
    for (uint64_t d = 1; d <= 2 * bw + 1; d++)
        s[n++] = (UINT64_C(1) << 32) * bw - d;
    for (uint64_t d = 1; d <= 2 * bw + 1; d++)
        s[n++] = 0 - d;
    return (size_t)n;
}

static void test_public_fills(void **state)
{
    (void)state;
    const repro_isa_table *t[MAX_ISAS];
    size_t nt = simd_tables(t);
    const char *before = repro_isa_name();
    uint32_t *ref = malloc(2 * MAX_LEN * 4);
    assert_non_null(ref);
    uint64_t starts[128];
    guarded g = guarded_new(2 * MAX_LEN, 1);
    for (uint32_t a = 1; a <= REPRO_ALGORITHM_COUNT; a++) {
        repro_stream s;
        repro_seed seed;
        memcpy(seed.w, seed42, sizeof seed.w);
        assert_int_equal(repro_stream_init(&s, (repro_algorithm)a, seed), REPRO_OK);
        size_t ns = word_starts(a, starts);
        for (size_t f = 0; f < N_FILLS; f++)
            for (size_t si = 0; si < ns; si++)
                for (size_t l = 0; l < N_LENGTHS; l++) {
                    size_t n = lengths[l], words = n * fills[f].words;
                    if (n > 65 && si % 17 != 0)
                        continue;
                    int at = (int)((si + l) % 2);
                    assert_int_equal(repro_set_isa("scalar"), REPRO_OK);
                    assert_int_equal(fills[f].fill(&s, starts[si], ref, n, at), REPRO_OK);
                    for (size_t it = 0; it < nt; it++) {
                        assert_int_equal(repro_set_isa(t[it]->name), REPRO_OK);
                        g.words = words;
                        for (size_t i = 0; i < words + GUARD_WORDS; i++)
                            g.out[i] = GUARD;
                        assert_int_equal(fills[f].fill(&s, starts[si], g.out, n, at), REPRO_OK);
                        if (memcmp(g.out, ref, words * 4) != 0)
                            fail_msg("%s %s fill_%s%s: position %llu, %zu values",
                                     t[it]->name, repro_algorithm_name((repro_algorithm)a),
                                     fills[f].name, at ? "_at" : "",
                                     (unsigned long long)starts[si], n);
                        guarded_check(&g);
                        if (!at)
                            assert_true(repro_stream_tell(&s) == starts[si] + words);
                    }
                }
    }
    assert_int_equal(repro_set_isa(before), REPRO_OK);
    free(g.mem);
    free(ref);
}

/* ---- selection API --------------------------------------------------------- */
/* The list of known ISAs: "scalar" first, distinct names, NULL past the end; and
 * every table this build has, whether or not this CPU runs it, has its list name and
 * no empty slot (a forgotten kernel or conversion would be a NULL entry). */
static void test_isa_list_and_tables(void **state)
{
    (void)state;
    const size_t n = repro_isa_count();
    assert_true(n >= 1 && n <= MAX_ISAS);
    assert_string_equal(repro_isa_name_at(0), "scalar");
    assert_null(repro_isa_name_at(n));
    assert_null(repro_isa_name_at(SIZE_MAX));
    assert_null(repro_isa_built(n));
    assert_true(repro_isa_built(0) == &repro_isa_scalar);
    size_t supported = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = repro_isa_name_at(i);
        assert_non_null(name);
        for (size_t j = 0; j < i; j++)
            assert_true(strcmp(name, repro_isa_name_at(j)) != 0);
        supported += (size_t)repro_isa_supported(name);
        const repro_isa_table *t = repro_isa_built(i);
        if (repro_isa_lookup(name))
            assert_true(repro_isa_lookup(name) == t);
        if (!t)
            continue;
        assert_string_equal(t->name, name);
        for (uint32_t a = 1; a <= REPRO_ALGORITHM_COUNT; a++)
            if (!t->blocks[a])
                fail_msg("%s: no kernel for %s", name, repro_algorithm_name((repro_algorithm)a));
        for (int c = 0; c < REPRO_CONV_COUNT; c++)
            if (!t->from_u64[c])
                fail_msg("%s: no conversion %d", name, c);
        assert_true(t->u32_to_float && t->inv_normal && t->neg_log && t->exp);
        assert_true(t->bounded_u32 && t->bounded_u64);
    }
    assert_true(supported >= 1);
}

static void test_set_isa(void **state)
{
    (void)state;
    const char *before = repro_isa_name();
    assert_int_equal(repro_set_isa(NULL), REPRO_ERR_NULL);
    assert_int_equal(repro_set_isa("avx3"), REPRO_ERR_ISA_UNKNOWN);
    assert_int_equal(repro_set_isa(""), REPRO_ERR_ISA_UNKNOWN);
    assert_string_equal(repro_isa_name(), before); /* unchanged by errors */
    assert_int_equal(repro_isa_supported(NULL), 0);
    assert_int_equal(repro_isa_supported("avx3"), 0);
    assert_int_equal(repro_isa_supported("scalar"), 1);
    /* every known name: selectable when supported, else that error */
    for (size_t i = 0; i < repro_isa_count(); i++) {
        const char *name = repro_isa_name_at(i);
        int rc = repro_set_isa(name);
        if (repro_isa_supported(name)) {
            assert_int_equal(rc, REPRO_OK);
            assert_string_equal(repro_isa_name(), name);
        } else {
            assert_int_equal(rc, REPRO_ERR_ISA_UNSUPPORTED);
        }
    }
#if defined(__x86_64__)
    assert_int_equal(repro_isa_supported("sse2"), 1);
    assert_int_equal(repro_set_isa("neon"), REPRO_ERR_ISA_UNSUPPORTED);
#elif defined(__aarch64__)
    assert_int_equal(repro_isa_supported("neon"), 1);
    assert_int_equal(repro_set_isa("avx2"), REPRO_ERR_ISA_UNSUPPORTED);
#endif
    /* "best" is the last (fastest) supported name. */
    const char *best = "scalar";
    for (size_t i = 0; i < repro_isa_count(); i++)
        if (repro_isa_supported(repro_isa_name_at(i)))
            best = repro_isa_name_at(i);
    assert_int_equal(repro_set_isa("best"), REPRO_OK);
    assert_string_equal(repro_isa_name(), best);
    assert_int_equal(repro_set_isa(before), REPRO_OK);
}

/* The laws' transforms (src/kernels/laws_vec.h) against the scalar table's, byte for
 * byte: every op, parameters from ordinary to extreme (overflowing and tiny
 * exponentials, the logarithm's scalar path of von Mises), any words (for the ops on
 * doubles: NaN, infinities, negatives and subnormals too), every length's remainder,
 * a buffer 4 bytes off 8-byte alignment. */
static void test_laws(void **state)
{
    (void)state;
    static const struct {
        enum repro_law_op op;
        double p[5];
    } cases[] = {
        {REPRO_LAW_UNIFORM, {-2.0, 7.0, 1.0, 5.0, 0x1.3ffffffffffffp+2}},
        {REPRO_LAW_UNIFORM, {-0x1p1023, 0x1.8p1023, 2.0, 0x1p1023, 0x1.fffffffffffffp+1022}},
        {REPRO_LAW_SCALE, {2.5}},          {REPRO_LAW_SCALE, {1e308}},
        {REPRO_LAW_LOGNORMAL, {0.0, 1.0}}, {REPRO_LAW_LOGNORMAL, {700.0, 30.0}},
        {REPRO_LAW_LAPLACE, {0.0, 1.0}},   {REPRO_LAW_LAPLACE, {1e300, 1e300}},
        {REPRO_LAW_LOGISTIC, {2.0, 0.5}},  {REPRO_LAW_GUMBEL, {-1.0, 7.0}},
        {REPRO_LAW_RAYLEIGH, {1e-310}},    {REPRO_LAW_WEIBULL, {2.0}},
        {REPRO_LAW_WEIBULL, {0.0}},        {REPRO_LAW_WEIBULL, {1e-300}},
        {REPRO_LAW_WEIBULL, {1e300}},      {REPRO_LAW_POWER, {0.01}},
        {REPRO_LAW_POWER, {1e-300}},
        {REPRO_LAW_TRIANGULAR, {0.0, 3.0, 1.0 / 3.0, 3.0, 2.0 / 3.0}},
        {REPRO_LAW_TRIANGULAR, {-1e300, 2e300, 0.5, 1e300, 0.5}},
        {REPRO_LAW_CAUCHY, {0.0}},         {REPRO_LAW_WALD, {1.0, 2.0}},
        {REPRO_LAW_WALD, {1e-300, 1e300}}, {REPRO_LAW_VONMISES, {4.0, 1.1327}},
        {REPRO_LAW_VONMISES, {1e-6, 1e6}}, {REPRO_LAW_VONMISES, {9e5, 1.0000005}},
    };
    static const uint64_t edges[] = {
        0, ~0ull, 1ull << 63, (1ull << 63) - 1, 1ull << 12, 0x7ff0000000000000u,
        0xfff8000000000000u, 1, 0x0010000000000000u, 0x3ff0000000000000u,
        0xc086232bdd7abcd2u, 0x408633ce8fb9f87eu};
    enum { N = 1000 };
    uint64_t *words = malloc(2 * N * sizeof *words);
    unsigned char *want = malloc(16 * N + 4), *got = malloc(16 * N + 4);
    assert_true(words && want && got);
    uint64_t st = 3;
    for (size_t i = 0; i < 2 * N; i++) {
        st = st * 6364136223846793005u + 1442695040888963407u;
        words[i] = i < sizeof edges / sizeof edges[0] ? edges[i] : st ^ st >> 29;
    }
    const repro_isa_table *t[MAX_ISAS];
    size_t nt = simd_tables(t);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        for (size_t k = 0; k < N_LENGTHS && lengths[k] <= N; k++) {
            int pairs = cases[c].op == REPRO_LAW_WALD || cases[c].op == REPRO_LAW_VONMISES;
            size_t n = lengths[k], bytes = (pairs ? 16 : 8) * n;
            memcpy(want + 4, words, bytes);
            repro_isa_scalar.law(cases[c].op, want + 4, n, cases[c].p);
            for (size_t i = 0; i < nt; i++) {
                memcpy(got + 4, words, bytes);
                t[i]->law(cases[c].op, got + 4, n, cases[c].p);
                if (memcmp(got + 4, want + 4, bytes) != 0)
                    fail_msg("%s: law op %d (case %zu), n %zu differs from scalar", t[i]->name,
                             (int)cases[c].op, c, n);
            }
        }
    free(words);
    free(want);
    free(got);
}

static const char *self_path;

/* Runs this program with REPRO_RNG_ISA=value and --print-isa; returns its
 * stdout+stderr.  Under a user-mode emulator without binfmt_misc, name it in
 * REPRO_TEST_EMULATOR (make check-simd-neon does); if the shell still cannot run
 * the program ("Exec format error"), the test is reported as skipped. */
static char *run_self(const char *value, char *buf, size_t cap)
{
    char cmd[1024];
    const char *emu = getenv("REPRO_TEST_EMULATOR");
    snprintf(cmd, sizeof cmd, "REPRO_RNG_ISA='%s' %s '%s' --print-isa 2>&1", value,
             emu ? emu : "", self_path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(buf, 1, cap - 1, p);
    buf[n] = 0;
    int status = pclose(p);
    if (status != 0 && strstr(buf, "Exec format error"))
        skip();
    assert_int_equal(status, 0);
    return buf;
}

static void test_env_var(void **state)
{
    (void)state;
    const char *best = "scalar";
    char buf[512], want[64];
    for (size_t i = 0; i < repro_isa_count(); i++) {
        const char *name = repro_isa_name_at(i);
        if (!repro_isa_supported(name))
            continue;
        best = name;
        snprintf(want, sizeof want, "%s\n", name);
        assert_string_equal(run_self(name, buf, sizeof buf), want);
    }
    snprintf(want, sizeof want, "%s\n", best);
    assert_string_equal(run_self("best", buf, sizeof buf), want);
    /* unknown: a message on stderr, and the best path */
    run_self("avx9000", buf, sizeof buf);
    assert_non_null(strstr(buf, "REPRO_RNG_ISA=avx9000: unknown ISA"));
    assert_non_null(strstr(buf, want));
    for (size_t i = 0; i < repro_isa_count(); i++)
        if (!repro_isa_supported(repro_isa_name_at(i))) {
            run_self(repro_isa_name_at(i), buf, sizeof buf);
            assert_non_null(strstr(buf, "not supported by this CPU or build"));
            assert_non_null(strstr(buf, want));
        }
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "--print-isa")) {
        puts(repro_isa_name());
        return 0;
    }
    self_path = argv[0];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_worked_examples), cmocka_unit_test(test_blocks),
        cmocka_unit_test(test_conversions),     cmocka_unit_test(test_public_fills),
        cmocka_unit_test(test_isa_list_and_tables), cmocka_unit_test(test_set_isa),
        cmocka_unit_test(test_env_var),         cmocka_unit_test(test_laws),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
