/* check_vectors: the golden-vector files of the cmocka suite, checked by one
 * self-contained C11 program (no cmocka, links statically) so that it runs on every
 * cross target under qemu-user and in consumers built with any flags (x87, -O0,
 * -ffast-math).  Floating-point results are compared by their bits, never with ==,
 * so the consumer's own floating-point mode can neither hide nor cause a difference;
 * expected values are parsed here (strtoull/strtod), never by the library.
 *
 * usage: check_vectors [--require-isa NAME]... FILE...
 * Each FILE is dispatched on its name (table `kinds` at the end); a file without a
 * handler is an error, so a new kind of vector file cannot go unchecked.  Every ISA
 * this CPU and build supports is checked in turn (repro_set_isa), or only the one
 * REPRO_RNG_ISA names when that is set.  Exit status 0 only when every record of
 * every file matched on every ISA and each file held at least one record. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "repro_rng.h"
/* The distribution draws by name, shared with the writer of tests/vectors/dist_*. */
#include "../dist_draw.h"

/* ---- reporting ----------------------------------------------------------------- */
static const char *cur_file;
static unsigned cur_line;
static unsigned long failures;

static void fail_at(const char *what, const char *detail)
{
    if (failures++ < 20)
        fprintf(stderr, "%s:%u: %s: %s\n", cur_file, cur_line, what, detail);
}

/* ---- records: whitespace-separated fields read through a cursor ---------------- */
#define MAX_FIELDS 4096
#define MAX_VALUES 1024
typedef struct {
    char *f[MAX_FIELDS];
    unsigned n, i; /* field count, next field */
    int bad;       /* a field did not parse: the record is malformed */
} rec;

static const char *take(rec *r)
{
    if (r->i >= r->n) {
        r->bad = 1;
        return "";
    }
    return r->f[r->i++];
}

static int take_is(rec *r, const char *word)
{
    if (r->i < r->n && !strcmp(r->f[r->i], word)) {
        r->i++;
        return 1;
    }
    return 0;
}

/* An unsigned number, the whole field; base 0 here means decimal or 0x-hex (never
 * octal, unlike strtoull). */
static uint64_t take_u(rec *r, int base)
{
    const char *s = take(r);
    char *end;
    if (base == 0) {
        base = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') ? 16 : 10;
        s += base == 16 ? 2 : 0;
    }
    errno = 0;
    uint64_t v = strtoull(s, &end, base);
    if (!*s || *s == '-' || *s == '+' || *end || errno == ERANGE)
        r->bad = 1;
    return v;
}

static uint32_t take_u32(rec *r, int base)
{
    uint64_t v = take_u(r, base);
    if (v > UINT32_MAX)
        r->bad = 1;
    return (uint32_t)v;
}

static int64_t take_i64(rec *r)
{
    const char *s = take(r);
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || *end || errno == ERANGE)
        r->bad = 1;
    return (int64_t)v;
}

/* A count followed by that many numbers (the compat files' lists). */
static size_t take_list(rec *r, int base, uint64_t *out)
{
    uint64_t n = take_u(r, base);
    if (n > MAX_VALUES) {
        r->bad = 1;
        return 0;
    }
    for (uint64_t k = 0; k < n; k++)
        out[k] = take_u(r, base);
    return (size_t)n;
}

/* 64 hex digits, parsed here rather than by repro_seed_from_hex. */
static repro_seed take_seed(rec *r)
{
    const char *s = take(r);
    repro_seed seed = {{0, 0, 0, 0}};
    if (strlen(s) != 64 || strspn(s, "0123456789abcdef") != 64) {
        r->bad = 1;
        return seed;
    }
    for (int k = 0; k < 4; k++) {
        char part[17];
        memcpy(part, s + 16 * k, 16);
        part[16] = 0;
        seed.w[k] = strtoull(part, NULL, 16);
    }
    return seed;
}

/* Hex bytes, '-' for none, into a static NUL-terminated buffer. */
static const char *take_bytes(rec *r, size_t *len)
{
    static char buf[MAX_FIELDS * 8];
    const char *s = take(r);
    size_t n = strcmp(s, "-") ? strlen(s) : 0;
    *len = n / 2;
    if (n % 2 || *len >= sizeof buf || strspn(s, "0123456789abcdef") != n) {
        r->bad = 1;
        *len = 0;
    }
    for (size_t k = 0; k < *len; k++) {
        char two[3] = {s[2 * k], s[2 * k + 1], 0};
        buf[k] = (char)strtoul(two, NULL, 16);
    }
    buf[*len] = 0;
    return buf;
}

static repro_algorithm take_algorithm(rec *r)
{
    repro_algorithm a = REPRO_PHILOX4X32;
    if (repro_algorithm_from_name(take(r), &a) != REPRO_OK)
        r->bad = 1;
    return a;
}

/* ---- comparisons ---------------------------------------------------------------- */
static void expect_u64s(const uint64_t *got, const uint64_t *want, size_t n, const char *what)
{
    for (size_t k = 0; k < n; k++)
        if (got[k] != want[k]) {
            fail_at(what, "value differs");
            return;
        }
}

static void expect_seed(repro_seed got, repro_seed want, const char *what)
{
    expect_u64s(got.w, want.w, 4, what);
}

static void expect_rc(int got, int want, const char *what)
{
    if (got != want)
        fail_at(what, repro_error_name(got) ? repro_error_name(got) : "unknown code");
}

/* An error field ("INDEX_SYNTAX") names REPRO_ERR_<group><field>. */
static void expect_error(int rc, const char *group, const char *field, const char *what)
{
    const char *name = repro_error_name(rc);
    size_t gl = strlen(group);
    if (!name || strncmp(name, "REPRO_ERR_", 10) || strncmp(name + 10, group, gl) ||
        strcmp(name + 10 + gl, field))
        fail_at(what, "wrong error code");
}

/* ---- Random123 known answers (tests/kat/kat_vectors.txt) ------------------------ */
/* name rounds counter... key... expected... (hex) */
#define KAT_VARIANTS(X)                                                                \
    X(philox2x32, uint32_t, 2, 1)                                                      \
    X(philox4x32, uint32_t, 4, 2)                                                      \
    X(philox2x64, uint64_t, 2, 1)                                                      \
    X(philox4x64, uint64_t, 4, 2)                                                      \
    X(threefry2x32, uint32_t, 2, 2)                                                    \
    X(threefry4x32, uint32_t, 4, 4)                                                    \
    X(threefry2x64, uint64_t, 2, 2)                                                    \
    X(threefry4x64, uint64_t, 4, 4)

#define KAT_CASE(name, type, NW, NK)                                                   \
    if (take_is(r, #name)) {                                                           \
        type io[(NW) + (NK)], out[NW];                                                 \
        uint64_t got[NW], want[NW];                                                    \
        unsigned rounds = (unsigned)take_u(r, 10);                                     \
        for (unsigned k = 0; k < (NW) + (NK); k++)                                     \
            io[k] = (type)take_u(r, 16);                                               \
        for (unsigned k = 0; k < (NW); k++)                                            \
            want[k] = take_u(r, 16);                                                   \
        if (r->bad)                                                                    \
            return;                                                                    \
        expect_rc(repro_##name(io, io + (NW), rounds, out), REPRO_OK, #name);          \
        for (unsigned k = 0; k < (NW); k++)                                            \
            got[k] = out[k];                                                           \
        expect_u64s(got, want, (NW), #name);                                           \
        return;                                                                        \
    }

static void kat_record(rec *r)
{
    KAT_VARIANTS(KAT_CASE)
    r->bad = 1;
}

/* ---- contract section 2: seeds (tests/vectors/seeds.txt documents the records) -- */
static void seed_record(rec *r)
{
    size_t len, off = 0;
    repro_seed got, parent;
    if (take_is(r, "u64")) {
        uint64_t v = take_u(r, 10);
        expect_seed(repro_seed_from_u64(v), take_seed(r), "u64");
    } else if (take_is(r, "bytes")) {
        const char *m = take_bytes(r, &len);
        expect_seed(repro_seed_from_bytes(m, len), take_seed(r), "bytes");
    } else if (take_is(r, "child")) {
        parent = take_seed(r);
        uint64_t i = take_u(r, 10);
        expect_seed(repro_seed_child(parent, i), take_seed(r), "child");
    } else if (take_is(r, "named")) {
        parent = take_seed(r);
        const char *m = take_bytes(r, &len);
        expect_seed(repro_seed_named(parent, m, len), take_seed(r), "named");
    } else if (take_is(r, "path")) {
        parent = take_seed(r);
        const char *path = take_bytes(r, &len);
        int rc = repro_seed_path_ex(parent, path, &got, &off);
        if (take_is(r, "ok")) {
            expect_rc(rc, REPRO_OK, "path");
            expect_seed(got, take_seed(r), "path");
        } else {
            const char *err = take(r);
            expect_error(rc, "PATH_", err, "path");
            if (off != take_u(r, 10))
                fail_at("path", "wrong error offset");
        }
    } else if (take_is(r, "hex")) {
        const char *text = take_bytes(r, &len);
        int rc = repro_seed_from_hex(text, &got);
        if (take_is(r, "ok")) {
            expect_rc(rc, REPRO_OK, "hex");
            expect_seed(got, take_seed(r), "hex");
        } else {
            expect_error(rc, "HEX_", take(r), "hex");
        }
    } else {
        r->bad = 1;
    }
}

/* ---- contract section 3: words (tests/vectors/ref_words.txt) -------------------- */
/* <algorithm> <seed> <position> <n> <word>...: checked through the bulk random-access
 * path (the active ISA's kernels) and through seek + single draws. */
static void words_record(rec *r)
{
    static uint32_t want[MAX_FIELDS], got[MAX_FIELDS];
    repro_stream s;
    repro_algorithm a = take_algorithm(r);
    repro_seed seed = take_seed(r);
    uint64_t pos = take_u(r, 10), n = take_u(r, 10);
    if (n > MAX_FIELDS)
        r->bad = 1;
    for (uint64_t k = 0; k < n && !r->bad; k++)
        want[k] = take_u32(r, 16);
    if (r->bad)
        return;
    expect_rc(repro_stream_init(&s, a, seed), REPRO_OK, "init");
    expect_rc(repro_fill_u32_at(&s, pos, got, (size_t)n), REPRO_OK, "fill_u32_at");
    if (memcmp(got, want, (size_t)n * sizeof got[0]))
        fail_at(repro_algorithm_name(a), "fill_u32_at differs");
    repro_stream_seek(&s, pos);
    for (uint64_t k = 0; k < n; k++)
        if (repro_next_u32(&s) != want[k]) {
            fail_at(repro_algorithm_name(a), "seek + next_u32 differs");
            break;
        }
}

/* ---- contract section 3 draws and the distributions ------------------------------ */
/* tests/vectors/stream_<algorithm>.txt and dist_*.txt share one record:
 *   <algorithm> <seed> <position> <draw> <end position> <value>...
 * values as hex bit patterns.  A stream draw is checked by single draws, by fill_*_at
 * and by a fill cut in two; a distribution by one fill and by one-value fills; each
 * way must also end at <end position>. */
/* A value's bit pattern, widened to u64 (memcpy into the same-sized unsigned type,
 * so byte order does not matter). */
#define BITS_OF(type, utype)                                                           \
    static uint64_t bits_##type(type v)                                                \
    {                                                                                  \
        utype u;                                                                       \
        memcpy(&u, &v, sizeof u);                                                      \
        return u;                                                                      \
    }
BITS_OF(uint32_t, uint32_t)
BITS_OF(uint64_t, uint64_t)
BITS_OF(float, uint32_t)
BITS_OF(double, uint64_t)
#define BITS(v)                                                                        \
    _Generic((v), uint32_t: bits_uint32_t, uint64_t: bits_uint64_t, float: bits_float,  \
             double: bits_double)(v)

enum { BY_NEXT, BY_FILL, BY_FILL_AT };
typedef int (*draw_fn)(repro_stream *s, int how, uint64_t pos, uint64_t bound,
                       uint64_t *out, size_t n);

/* The variable part is empty, or ", bound" for the bounded draws. */
#define STREAM_DRAW(name, type, ...)                                                 \
    static int draw_##name(repro_stream *s, int how, uint64_t pos, uint64_t bound,     \
                           uint64_t *out, size_t n)                                    \
    {                                                                                  \
        type v[MAX_VALUES];                                                            \
        int rc = REPRO_OK;                                                             \
        (void)bound;                                                                   \
        if (how == BY_NEXT)                                                            \
            for (size_t k = 0; k < n; k++)                                             \
                v[k] = repro_next_##name(s __VA_ARGS__);                                     \
        else if (how == BY_FILL)                                                       \
            rc = repro_fill_##name(s, v, n __VA_ARGS__);                                     \
        else                                                                           \
            rc = repro_fill_##name##_at(s, pos, v, n __VA_ARGS__);                           \
        for (size_t k = 0; k < n; k++)                                                 \
            out[k] = BITS(v[k]);                                                       \
        return rc;                                                                     \
    }
STREAM_DRAW(u32, uint32_t, )
STREAM_DRAW(u64, uint64_t, )
STREAM_DRAW(double, double, )
STREAM_DRAW(double_oc, double, )
STREAM_DRAW(double_oo, double, )
STREAM_DRAW(float, float, )
STREAM_DRAW(normal, double, )
STREAM_DRAW(exponential, double, )
STREAM_DRAW(bounded_u32, uint32_t, , (uint32_t)bound)
STREAM_DRAW(bounded_u64, uint64_t, , bound)

static const struct {
    const char *name;
    draw_fn fn;
    int bounded;
} stream_draws[] = {
    {"u32", draw_u32, 0},           {"u64", draw_u64, 0},
    {"double", draw_double, 0},     {"double_oc", draw_double_oc, 0},
    {"double_oo", draw_double_oo, 0}, {"float", draw_float, 0},
    {"normal", draw_normal, 0},     {"exponential", draw_exponential, 0},
    {"bounded_u32", draw_bounded_u32, 1}, {"bounded_u64", draw_bounded_u64, 1},
};

static void expect_draws(repro_stream *s, const uint64_t *got, const uint64_t *want,
                         size_t n, uint64_t end, const char *how)
{
    expect_u64s(got, want, n, how);
    if (s && repro_stream_tell(s) != end)
        fail_at(how, "wrong end position");
}

static void draw_record(rec *r)
{
    uint64_t want[MAX_VALUES], got[MAX_VALUES];
    repro_stream s, one;
    repro_algorithm a = take_algorithm(r);
    repro_seed seed = take_seed(r);
    uint64_t pos = take_u(r, 10);
    const char *draw = take(r);
    uint64_t end = take_u(r, 10);
    size_t n = 0;
    while (r->i < r->n && n < DIST_DRAW_MAX)
        want[n++] = take_u(r, 16);
    if (r->bad || n == 0 || repro_stream_init(&s, a, seed) != REPRO_OK) {
        r->bad = 1;
        return;
    }
    repro_stream_seek(&s, pos);
    one = s;
    size_t name_len = strcspn(draw, ":"), k = 0;
    while (k < sizeof stream_draws / sizeof stream_draws[0] &&
           (strlen(stream_draws[k].name) != name_len ||
            strncmp(stream_draws[k].name, draw, name_len)))
        k++;
    if (k == sizeof stream_draws / sizeof stream_draws[0]) { /* a distribution */
        int digits;
        expect_rc(dist_draw(&s, draw, n, got, &digits), REPRO_OK, draw);
        expect_draws(&s, got, want, n, end, "distribution fill");
        for (size_t j = 0; j < n; j++)
            expect_rc(dist_draw(&one, draw, 1, &got[j], &digits), REPRO_OK, draw);
        expect_draws(&one, got, want, n, end, "one-value distribution fills");
        return;
    }
    uint64_t bound = 0;
    if (stream_draws[k].bounded != (draw[name_len] == ':')) {
        r->bad = 1;
        return;
    }
    if (stream_draws[k].bounded) {
        char *e;
        bound = strtoull(draw + name_len + 1, &e, 10);
        if (!draw[name_len + 1] || *e)
            r->bad = 1;
    }
    draw_fn fn = stream_draws[k].fn;
    expect_rc(fn(&one, BY_NEXT, 0, bound, got, n), REPRO_OK, draw);
    expect_draws(&one, got, want, n, end, "single draws");
    expect_rc(fn(&s, BY_FILL_AT, pos, bound, got, n), REPRO_OK, draw);
    expect_draws(NULL, got, want, n, end, "fill_at");
    expect_rc(fn(&s, BY_FILL, 0, bound, got, n / 3), REPRO_OK, draw);
    expect_rc(fn(&s, BY_FILL, 0, bound, got + n / 3, n - n / 3), REPRO_OK, draw);
    expect_draws(&s, got, want, n, end, "fill cut in two");
}

/* ---- permutations and shuffles (tests/vectors/perm.txt documents the records) --- */
static void perm_record(rec *r)
{
    if (take_is(r, "perm")) {
        repro_permutation p;
        repro_seed seed = take_seed(r);
        uint64_t n = take_u(r, 10), i = take_u(r, 10), x = take_u(r, 10);
        if (r->bad)
            return;
        expect_rc(repro_permutation_init(&p, seed, n), REPRO_OK, "permutation_init");
        const uint64_t got[2] = {repro_permutation_at(&p, i), repro_permutation_inverse(&p, x)};
        const uint64_t want[2] = {x, i};
        expect_u64s(got, want, 2, "permutation at/inverse");
    } else if (take_is(r, "shuffle")) {
        static uint32_t v[MAX_FIELDS];
        static uint64_t got[MAX_FIELDS], want[MAX_FIELDS];
        repro_stream s;
        repro_algorithm a = take_algorithm(r);
        repro_seed seed = take_seed(r);
        uint64_t count = take_u(r, 10), end = take_u(r, 10);
        if (count > MAX_FIELDS || r->bad || repro_stream_init(&s, a, seed) != REPRO_OK) {
            r->bad = 1;
            return;
        }
        for (uint64_t k = 0; k < count; k++) {
            v[k] = (uint32_t)k;
            want[k] = take_u(r, 10);
        }
        expect_rc(repro_shuffle(&s, v, (size_t)count, sizeof v[0]), REPRO_OK, "shuffle");
        for (uint64_t k = 0; k < count; k++)
            got[k] = v[k];
        expect_draws(&s, got, want, (size_t)count, end, "shuffle");
    } else {
        r->bad = 1;
    }
}

/* ---- numpy (tests/vectors/numpy_*.txt, tools/gen_numpy_vectors.py's format) ----- */
static int take_u32_list(rec *r, uint32_t *out, size_t *n)
{
    uint64_t v[MAX_VALUES];
    *n = take_list(r, 16, v);
    for (size_t k = 0; k < *n; k++) {
        if (v[k] > UINT32_MAX)
            r->bad = 1;
        out[k] = (uint32_t)v[k];
    }
    return !r->bad;
}

/* entropy list, spawn-key list, then the spawn path from the root (list). */
static int take_seedseq(rec *r, repro_numpy_seedseq *ss)
{
    uint32_t entropy[MAX_VALUES], key[MAX_VALUES];
    uint64_t path[MAX_VALUES];
    size_t ne, nk, np;
    if (!take_u32_list(r, entropy, &ne) || !take_u32_list(r, key, &nk))
        return 0;
    np = take_list(r, 16, path);
    for (size_t d = 0; d < np; d++)
        r->bad |= path[d] > 1000; /* spawned one by one: a corrupt index must not hang */
    if (r->bad || repro_numpy_seedseq_init(ss, entropy, ne, key, nk) != REPRO_OK)
        return 0;
    for (size_t d = 0; d < np; d++) {
        repro_numpy_seedseq child;
        for (uint64_t i = 0; i <= path[d]; i++)
            if (repro_numpy_seedseq_spawn(ss, &child) != REPRO_OK)
                return 0;
        *ss = child;
    }
    return 1;
}

static void numpy_seedseq_record(rec *r)
{
    repro_numpy_seedseq ss;
    uint32_t want32[MAX_VALUES], got32[MAX_VALUES];
    uint64_t want64[MAX_VALUES], got64[MAX_VALUES], wide[MAX_VALUES];
    size_t n32, n64;
    if (!take_seedseq(r, &ss) || !take_u32_list(r, want32, &n32))
        return;
    n64 = take_list(r, 16, want64);
    if (r->bad)
        return;
    expect_rc(repro_numpy_seedseq_generate_u32(&ss, got32, n32), REPRO_OK, "seedseq");
    for (size_t k = 0; k < n32; k++) {
        got64[k] = got32[k];
        wide[k] = want32[k];
    }
    expect_u64s(got64, wide, n32, "seedseq generate_state(uint32)");
    expect_rc(repro_numpy_seedseq_generate_u64(&ss, got64, n64), REPRO_OK, "seedseq");
    expect_u64s(got64, want64, n64, "seedseq generate_state(uint64)");
}

/* Draws n u64 (or the bits of n doubles) and compares with the list that follows. */
static void numpy_draws(rec *r, repro_numpy_philox *g, int doubles, const char *what)
{
    uint64_t want[MAX_VALUES], got[MAX_VALUES];
    size_t n = take_list(r, 16, want);
    for (size_t k = 0; k < n; k++) {
        if (doubles) {
            double d = repro_numpy_philox_next_double(g);
            memcpy(&got[k], &d, sizeof d);
        } else {
            got[k] = repro_numpy_philox_next_u64(g);
        }
    }
    if (!r->bad)
        expect_u64s(got, want, n, what);
}

/* S seedseq | K key0 key1 ctr0..3, then u64 list, then A delta0..3 | J jumps | N, then
 * u64 list, then double-bits list. */
static void numpy_philox_record(rec *r)
{
    repro_numpy_philox g;
    if (take_is(r, "S")) {
        repro_numpy_seedseq ss;
        if (!take_seedseq(r, &ss) || repro_numpy_philox_from_seedseq(&g, &ss) != REPRO_OK) {
            r->bad = 1;
            return;
        }
    } else if (take_is(r, "K")) {
        uint64_t key[2], ctr[4];
        for (int k = 0; k < 2; k++)
            key[k] = take_u(r, 16);
        for (int k = 0; k < 4; k++)
            ctr[k] = take_u(r, 16);
        expect_rc(repro_numpy_philox_init(&g, key, ctr), REPRO_OK, "philox init");
    } else {
        r->bad = 1;
        return;
    }
    numpy_draws(r, &g, 0, "philox random_raw");
    if (take_is(r, "A")) {
        uint64_t delta[4];
        for (int k = 0; k < 4; k++)
            delta[k] = take_u(r, 16);
        expect_rc(repro_numpy_philox_advance(&g, delta), REPRO_OK, "philox advance");
    } else if (take_is(r, "J")) {
        repro_numpy_philox src = g;
        expect_rc(repro_numpy_philox_jumped(&src, take_u(r, 16), &g), REPRO_OK, "jumped");
    } else if (!take_is(r, "N")) {
        r->bad = 1;
        return;
    }
    numpy_draws(r, &g, 0, "philox random_raw after advance/jump");
    numpy_draws(r, &g, 1, "philox random");
}

/* ---- JAX (tests/vectors/jax_threefry.txt documents the records) ---------------- */
static repro_jax_key_t take_jax_key(rec *r)
{
    repro_jax_key_t key;
    key.k[0] = take_u32(r, 0);
    key.k[1] = take_u32(r, 0);
    return key;
}

static void expect_jax_key(repro_jax_key_t got, repro_jax_key_t want, const char *what)
{
    const uint64_t g[2] = {got.k[0], got.k[1]}, w[2] = {want.k[0], want.k[1]};
    expect_u64s(g, w, 2, what);
}

static void jax_record(rec *r)
{
    uint64_t got[MAX_VALUES], want[MAX_VALUES];
    if (take_is(r, "threefry")) {
        repro_jax_key_t key = take_jax_key(r);
        uint32_t ctr[2], out[2];
        ctr[0] = take_u32(r, 0);
        ctr[1] = take_u32(r, 0);
        want[0] = take_u32(r, 0);
        want[1] = take_u32(r, 0);
        expect_rc(repro_threefry2x32(ctr, key.k, 20, out), REPRO_OK, "threefry");
        got[0] = out[0];
        got[1] = out[1];
        expect_u64s(got, want, 2, "threefry_2x32");
    } else if (take_is(r, "key")) {
        int x64 = take_is(r, "x64");
        if (!x64 && !take_is(r, "x32"))
            r->bad = 1;
        int64_t seed = take_i64(r);
        repro_jax_key_t key = x64 ? repro_jax_key(seed) : repro_jax_key_x32(seed);
        expect_jax_key(key, take_jax_key(r), "PRNGKey");
    } else if (take_is(r, "fold_in")) {
        repro_jax_key_t key = take_jax_key(r);
        uint32_t data = take_u32(r, 0);
        expect_jax_key(repro_jax_fold_in(key, data), take_jax_key(r), "fold_in");
    } else {
        /* P K0 K1 N v...: split, bits32, bits64, bits64_x32, uniform32, uniform32~ */
        static const char *const ops[] = {"split",     "bits32",    "bits64",
                                           "bits64_x32", "uniform32", "uniform32~"};
        size_t op = 0;
        while (op < 6 && !take_is(r, ops[op]))
            op++;
        int part = (int)take_u(r, 0);
        repro_jax_key_t key = take_jax_key(r), keys[MAX_VALUES];
        uint64_t n = take_u(r, 0);
        uint32_t b32[MAX_VALUES];
        float f32[MAX_VALUES];
        if (op == 6 || n > MAX_VALUES || r->bad) {
            r->bad = 1;
            return;
        }
        switch (op) {
        case 0:
            expect_rc(repro_jax_split(key, (size_t)n, part, keys), REPRO_OK, "split");
            for (size_t k = 0; k < n; k++)
                expect_jax_key(keys[k], take_jax_key(r), "split");
            return;
        case 1:
            expect_rc(repro_jax_random_bits32(key, (size_t)n, part, b32), REPRO_OK, "bits");
            for (size_t k = 0; k < n; k++)
                got[k] = b32[k];
            break;
        case 2:
        case 3:
            expect_rc(repro_jax_random_bits64(key, (size_t)n, part, got), REPRO_OK, "bits");
            for (size_t k = 0; k < n && op == 3; k++)
                got[k] = (uint32_t)got[k]; /* x64 off: JAX keeps the low words */
            break;
        default:
            expect_rc(repro_jax_uniform_f32(key, (size_t)n, part, f32), REPRO_OK, "uniform");
            for (size_t k = 0; k < n; k++) {
                char *end;
                const char *s = take(r);
                if (op == 4) { /* exact float32 reprs: compare the bits */
                    float w = strtof(s, &end);
                    uint32_t gb, wb;
                    memcpy(&gb, &f32[k], sizeof gb);
                    memcpy(&wb, &w, sizeof wb);
                    got[k] = gb;
                    want[k] = wb;
                } else { /* 6 decimals: JAX's own tolerance, 1e-6 */
                    double w = strtod(s, &end), d = (double)f32[k] - w;
                    got[k] = want[k] = 0;
                    if (d > 1e-6 || d < -1e-6)
                        got[k] = 1;
                }
                if (*end)
                    r->bad = 1;
            }
            expect_u64s(got, want, (size_t)n, ops[op]);
            return;
        }
        for (size_t k = 0; k < n; k++)
            want[k] = take_u(r, 0);
        if (!r->bad)
            expect_u64s(got, want, (size_t)n, ops[op]);
    }
}

/* ---- files ---------------------------------------------------------------------- */
typedef struct {
    const char *suffix; /* the file name ends with this */
    void (*record)(rec *r);
} kind;

static const kind kinds[] = {
    {"kat/kat_vectors.txt", kat_record},
    {"vectors/seeds.txt", seed_record},
    {"vectors/ref_words.txt", words_record},
    {"vectors/numpy_seedseq.txt", numpy_seedseq_record},
    {"vectors/numpy_philox.txt", numpy_philox_record},
    {"vectors/jax_threefry.txt", jax_record},
    {"vectors/stream_philox4x32-10.txt", draw_record},
    {"vectors/stream_philox2x64-10.txt", draw_record},
    {"vectors/stream_philox4x64-10.txt", draw_record},
    {"vectors/stream_threefry2x64-20.txt", draw_record},
    {"vectors/stream_threefry4x32-20.txt", draw_record},
    {"vectors/stream_threefry4x64-20.txt", draw_record},
    {"vectors/dist_normal.txt", draw_record},
    {"vectors/dist_exponential.txt", draw_record},
    {"vectors/dist_gaussian.txt", draw_record},
    {"vectors/dist_uniform.txt", draw_record},
    {"vectors/dist_bernoulli.txt", draw_record},
    {"vectors/dist_gamma.txt", draw_record},
    {"vectors/dist_beta.txt", draw_record},
    {"vectors/dist_poisson.txt", draw_record},
    {"vectors/dist_binomial.txt", draw_record},
    {"vectors/perm.txt", perm_record},
};

static const kind *kind_of(const char *path)
{
    size_t len = strlen(path);
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        size_t sl = strlen(kinds[k].suffix);
        if (len >= sl && !strcmp(path + len - sl, kinds[k].suffix))
            return &kinds[k];
    }
    return NULL;
}

/* Returns the number of records checked (failures are counted in `failures`). */
static unsigned long check_file(const char *path)
{
    static char line[1 << 17];
    static rec r;
    const kind *k = kind_of(path);
    unsigned long records = 0;
    cur_file = path;
    cur_line = 0;
    FILE *f = k ? fopen(path, "r") : NULL;
    if (!f) {
        fail_at(path, k ? "cannot open" : "no handler for this kind of vector file");
        return 0;
    }
    while (fgets(line, sizeof line, f)) {
        cur_line++;
        if (!strchr(line, '\n') && !feof(f)) {
            fail_at("line", "too long");
            break;
        }
        r.n = r.i = 0;
        r.bad = 0;
        for (char *t = strtok(line, " \t\r\n"); t && r.n < MAX_FIELDS; t = strtok(NULL, " \t\r\n"))
            r.f[r.n++] = t;
        if (r.n == 0 || r.f[0][0] == '#')
            continue;
        k->record(&r);
        if (r.bad || r.i != r.n)
            fail_at("record", r.bad ? "malformed" : "trailing fields");
        records++;
    }
    fclose(f);
    if (records == 0)
        fail_at(path, "no records");
    return records;
}

int main(int argc, char **argv)
{
    static const char *const isas[] = {"scalar", "sse2", "avx2", "avx512", "neon"};
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
    unsigned long records = 0;
    unsigned nisa = 0;
    for (size_t i = 0; i < sizeof isas / sizeof isas[0]; i++) {
        if (forced ? strcmp(isas[i], forced) != 0 : !repro_isa_supported(isas[i]))
            continue;
        if (!forced && repro_set_isa(isas[i]) != REPRO_OK) {
            fprintf(stderr, "check_vectors: cannot select ISA %s\n", isas[i]);
            return 1;
        }
        nisa++;
        unsigned long isa_records = 0;
        for (int j = 1; j <= nfiles; j++)
            isa_records += check_file(argv[j]);
        printf("check_vectors: ISA %-7s %d files, %lu records\n", isas[i], nfiles,
               isa_records);
        records += isa_records;
    }
    if (nisa == 0) {
        fprintf(stderr, "check_vectors: no ISA checked\n");
        return 1;
    }
    printf("check_vectors: %s (%lu records on %u ISAs, %lu failures)\n",
           failures ? "FAIL" : "PASS", records, nisa, failures);
    return failures ? 1 : 0;
}
