/* The reader of the golden-vector files and the check of each record kind
 * (vectors.h).  Every way the library can give a record's values is compared with
 * it: single draws, one fill, fills cut in pieces, the random-access *_at form, and
 * the stream position after each. */
#include "vectors.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_FIELDS = 4096, MAX_VALUES = 1024, MAX_BYTES = 4096 };

/* The record under check: a cursor over its fields, and scratch space. */
typedef struct {
    vec_record r;
    char *f[MAX_FIELDS];
    size_t next; /* the next field to take */
    int bad;     /* a field is missing or does not parse: the record is malformed */
    char bytes[MAX_BYTES + 1];
    uint64_t want[MAX_VALUES], got[MAX_VALUES];
} rec;

/* ---- outcome ------------------------------------------------------------------------ */
/* Records the first difference; the record fails. */
static void fail(rec *c, const char *fmt, ...)
{
    if (!c->r.ok)
        return;
    c->r.ok = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->r.msg, sizeof c->r.msg, fmt, ap);
    va_end(ap);
}

static void compare(rec *c, const char *how, const uint64_t *got, const uint64_t *want,
                    size_t n)
{
    for (size_t i = 0; i < n; i++, c->r.values++)
        if (got[i] != want[i]) {
            fail(c, "%s: value %zu is %" PRIx64 ", the file has %" PRIx64, how, i, got[i],
                 want[i]);
            return;
        }
}

static int expect_ok(rec *c, int rc, const char *what)
{
    if (rc != REPRO_OK)
        fail(c, "%s: %s", what, vec_strerror(rc));
    return rc == REPRO_OK;
}

static void expect_end(rec *c, const repro_stream *s, uint64_t end, const char *how)
{
    if (repro_stream_tell(s) != end)
        fail(c, "%s: end position %" PRIu64 ", the file has %" PRIu64, how,
             repro_stream_tell(s), end);
}

static void expect_seed(rec *c, const char *what, repro_seed got, repro_seed want)
{
    c->r.values++;
    for (int k = 0; k < 4; k++)
        if (got.w[k] != want.w[k]) {
            char hex[65];
            repro_seed_to_hex(got, hex);
            fail(c, "%s: got %s", what, hex);
            return;
        }
}

/* An error field ("INDEX_SYNTAX") names REPRO_ERR_<group><field>; the codes are
 * listed here rather than taken from repro_error_name. */
static void expect_error(rec *c, int rc, const char *group, const char *field,
                         const char *what)
{
    static const struct {
        const char *name;
        int code;
    } codes[] = {
        {"PATH_EMPTY_SEGMENT", REPRO_ERR_PATH_EMPTY_SEGMENT},
        {"PATH_INDEX_SYNTAX", REPRO_ERR_PATH_INDEX_SYNTAX},
        {"PATH_INDEX_RANGE", REPRO_ERR_PATH_INDEX_RANGE},
        {"HEX_LENGTH", REPRO_ERR_HEX_LENGTH},
        {"HEX_DIGIT", REPRO_ERR_HEX_DIGIT},
    };
    size_t gl = strlen(group), k = 0;
    while (k < sizeof codes / sizeof codes[0] &&
           (strncmp(codes[k].name, group, gl) || strcmp(codes[k].name + gl, field)))
        k++;
    if (k == sizeof codes / sizeof codes[0]) {
        c->bad = 1;
        return;
    }
    c->r.values++;
    if (rc != codes[k].code)
        fail(c, "%s: got %s, want REPRO_ERR_%s", what,
             repro_error_name(rc) ? repro_error_name(rc) : "an unknown code", codes[k].name);
}

/* ---- fields -------------------------------------------------------------------------- */
static const char *take(rec *c)
{
    if (c->next >= c->r.nfields) {
        c->bad = 1;
        return "";
    }
    return c->f[c->next++];
}

static int take_is(rec *c, const char *word)
{
    if (c->next < c->r.nfields && !strcmp(c->f[c->next], word)) {
        c->next++;
        return 1;
    }
    return 0;
}

/* base 10, 16, or 0: decimal or 0x-hex */
static uint64_t take_u(rec *c, int base)
{
    uint64_t v = 0;
    if (vec_parse_u64(take(c), base, &v))
        c->bad = 1;
    return v;
}

static uint32_t take_u32(rec *c, int base)
{
    uint64_t v = take_u(c, base);
    if (v > UINT32_MAX)
        c->bad = 1;
    return (uint32_t)v;
}

static int64_t take_i64(rec *c)
{
    int64_t v = 0;
    if (vec_parse_i64(take(c), &v))
        c->bad = 1;
    return v;
}

/* n numbers, each at most max, into out; n at most MAX_VALUES. */
static size_t take_values(rec *c, uint64_t n, int base, uint64_t max, uint64_t *out)
{
    if (n > MAX_VALUES) {
        c->bad = 1;
        return 0;
    }
    for (uint64_t k = 0; k < n; k++)
        if ((out[k] = take_u(c, base)) > max)
            c->bad = 1;
    return (size_t)n;
}

/* A count, then that many numbers (the compat files' lists). */
static size_t take_list(rec *c, int base, uint64_t *out)
{
    return take_values(c, take_u(c, base), base, UINT64_MAX, out);
}

int vec_parse_seed(const char *s, repro_seed *out)
{
    if (strlen(s) != 64 || strspn(s, "0123456789abcdef") != 64)
        return -1;
    for (int k = 0; k < 4; k++) {
        char part[17];
        memcpy(part, s + 16 * k, 16);
        part[16] = '\0';
        out->w[k] = (uint64_t)strtoull(part, NULL, 16);
    }
    return 0;
}

static repro_seed take_seed(rec *c)
{
    repro_seed seed = {{0, 0, 0, 0}};
    if (vec_parse_seed(take(c), &seed))
        c->bad = 1;
    return seed;
}

/* Lowercase hex bytes, '-' for none, NUL-terminated in c->bytes. */
static const char *take_bytes(rec *c, size_t *len)
{
    const char *s = take(c);
    size_t n = strcmp(s, "-") ? strlen(s) : 0;
    *len = n / 2;
    if (n % 2 || *len > MAX_BYTES || strspn(s, "0123456789abcdef") != n) {
        c->bad = 1;
        *len = 0;
    }
    for (size_t k = 0; k < *len; k++) {
        char two[3] = {s[2 * k], s[2 * k + 1], '\0'};
        c->bytes[k] = (char)strtoul(two, NULL, 16);
    }
    c->bytes[*len] = '\0';
    return c->bytes;
}

/* The bytes as a C string: no NUL inside. */
static const char *take_text(rec *c)
{
    size_t len;
    const char *t = take_bytes(c, &len);
    if (memchr(t, '\0', len))
        c->bad = 1;
    return t;
}

static repro_algorithm take_algorithm(rec *c)
{
    repro_algorithm a = REPRO_PHILOX4X32;
    if (repro_algorithm_from_name(take(c), &a) != REPRO_OK)
        c->bad = 1;
    return a;
}

/* A stream of (algorithm, seed) at position pos. */
static int open_stream(rec *c, repro_stream *s, repro_algorithm a, repro_seed seed,
                       uint64_t pos)
{
    if (!expect_ok(c, repro_stream_init(s, a, seed), "stream_init"))
        return 0;
    repro_stream_seek(s, pos);
    return 1;
}

/* ---- Random123 known answers (tests/kat/kat_vectors.txt) ------------------------------ */
typedef int (*block32_fn)(const uint32_t *, const uint32_t *, unsigned, uint32_t *);
typedef int (*block64_fn)(const uint64_t *, const uint64_t *, unsigned, uint64_t *);
static const struct {
    const char *name;
    size_t n, key_words;
    block32_fn f32;
    block64_fn f64;
} blocks[] = {
    {"philox2x32", 2, 1, repro_philox2x32, NULL},
    {"philox4x32", 4, 2, repro_philox4x32, NULL},
    {"philox2x64", 2, 1, NULL, repro_philox2x64},
    {"philox4x64", 4, 2, NULL, repro_philox4x64},
    {"threefry2x32", 2, 2, repro_threefry2x32, NULL},
    {"threefry4x32", 4, 4, repro_threefry4x32, NULL},
    {"threefry2x64", 2, 2, NULL, repro_threefry2x64},
    {"threefry4x64", 4, 4, NULL, repro_threefry4x64},
};
#define NBLOCKS (sizeof blocks / sizeof blocks[0])

/* name rounds counter... key... output...; the outputs start as 0xCA bytes, so that a
 * function that writes nothing fails. */
static void check_kat(rec *c)
{
    const char *name = take(c);
    size_t b = 0;
    while (strcmp(blocks[b].name, name))
        b++;
    const size_t n = blocks[b].n, k = blocks[b].key_words;
    uint64_t rounds = take_u(c, 10), v[12];
    for (size_t i = 0; i < 2 * n + k; i++)
        v[i] = blocks[b].f32 ? take_u32(c, 16) : take_u(c, 16);
    if (c->bad || rounds > 1000)
        return;
    const uint64_t *ctr = v, *key = v + n, *want = v + n + k;
    uint64_t got[4];
    int rc;
    if (blocks[b].f32) {
        uint32_t c32[4], k32[4], o32[4];
        memset(o32, 0xCA, sizeof o32);
        for (size_t i = 0; i < n; i++)
            c32[i] = (uint32_t)ctr[i];
        for (size_t i = 0; i < k; i++)
            k32[i] = (uint32_t)key[i];
        rc = blocks[b].f32(c32, k32, (unsigned)rounds, o32);
        for (size_t i = 0; i < n; i++)
            got[i] = o32[i];
    } else {
        memset(got, 0xCA, sizeof got);
        rc = blocks[b].f64(ctr, key, (unsigned)rounds, got);
    }
    if (expect_ok(c, rc, name))
        compare(c, name, got, want, n);
}

/* ---- contract section 2: seeds (tests/vectors/seeds.txt) ------------------------------- */
static const repro_seed sentinel = {{UINT64_C(0x5e5e5e5e5e5e5e5e), 1, 2, 3}};

static void check_seed(rec *c)
{
    size_t len;
    if (take_is(c, "u64")) {
        uint64_t x = take_u(c, 10);
        repro_seed want = take_seed(c);
        if (!c->bad)
            expect_seed(c, "seed_from_u64", repro_seed_from_u64(x), want);
    } else if (take_is(c, "bytes")) {
        const char *m = take_bytes(c, &len);
        repro_seed want = take_seed(c), out = sentinel;
        if (c->bad)
            return;
        expect_seed(c, "seed_from_bytes", repro_seed_from_bytes(m, len), want);
        if (expect_ok(c, repro_seed_from_bytes_ex(m, len, &out), "from_bytes_ex"))
            expect_seed(c, "seed_from_bytes_ex", out, want);
        if (strlen(m) == len) /* no NUL inside: a C string too */
            expect_seed(c, "seed_from_string", repro_seed_from_string(m), want);
    } else if (take_is(c, "child")) {
        repro_seed parent = take_seed(c);
        uint64_t i = take_u(c, 10);
        repro_seed want = take_seed(c);
        if (!c->bad)
            expect_seed(c, "seed_child", repro_seed_child(parent, i), want);
    } else if (take_is(c, "named")) {
        repro_seed parent = take_seed(c);
        const char *m = take_bytes(c, &len);
        repro_seed want = take_seed(c);
        if (!c->bad)
            expect_seed(c, "seed_named", repro_seed_named(parent, m, len), want);
    }
}

/* path <root> <path> ok <seed> | path <root> <path> <ERROR> <offset>: through
 * repro_seed_path_ex and repro_seed_path; on an error neither output is written. */
static void check_path(rec *c)
{
    take(c);
    repro_seed root = take_seed(c), out = sentinel, out2 = sentinel;
    const char *path = take_text(c);
    if (c->bad)
        return;
    size_t off = 12345;
    int rc = repro_seed_path_ex(root, path, &out, &off);
    int rc2 = repro_seed_path(root, path, &out2);
    if (take_is(c, "ok")) {
        repro_seed want = take_seed(c);
        if (c->bad || !expect_ok(c, rc, "seed_path_ex") || !expect_ok(c, rc2, "seed_path"))
            return;
        if (off != 12345)
            fail(c, "seed_path_ex wrote an error offset on success");
        expect_seed(c, "seed_path_ex", out, want);
        expect_seed(c, "seed_path", out2, want);
        return;
    }
    const char *err = take(c);
    uint64_t want_off = take_u(c, 10);
    if (c->bad)
        return;
    expect_error(c, rc, "PATH_", err, "seed_path_ex");
    expect_error(c, rc2, "PATH_", err, "seed_path");
    if (off != want_off)
        fail(c, "seed_path_ex: error offset %zu, the file has %" PRIu64, off, want_off);
    expect_seed(c, "seed_path_ex output on an error", out, sentinel);
    expect_seed(c, "seed_path output on an error", out2, sentinel);
}

/* hex <text> ok <seed> (and repro_seed_to_hex gives <seed> back) | hex <text> <ERROR> */
static void check_hex(rec *c)
{
    take(c);
    const char *text = take_text(c);
    repro_seed out = sentinel;
    if (c->bad)
        return;
    int rc = repro_seed_from_hex(text, &out);
    if (take_is(c, "ok")) {
        repro_seed want = take_seed(c);
        if (c->bad || !expect_ok(c, rc, "seed_from_hex"))
            return;
        expect_seed(c, "seed_from_hex", out, want);
        char hex[65];
        repro_seed_to_hex(out, hex);
        c->r.values++;
        if (strcmp(hex, c->f[c->next - 1]))
            fail(c, "seed_to_hex: got %s", hex);
        return;
    }
    const char *err = take(c);
    if (c->bad)
        return;
    expect_error(c, rc, "HEX_", err, "seed_from_hex");
    expect_seed(c, "seed_from_hex output on an error", out, sentinel);
}

/* ---- contract section 3: words (tests/vectors/ref_words.txt) --------------------------- */
/* <algorithm> <seed> <position> <n> <word>...: seek + single draws, the bulk
 * random-access path and a fill, each from the position. */
static void check_words(rec *c)
{
    static const char *const how[3] = {"next_u32", "fill_u32_at", "fill_u32"};
    repro_algorithm a = take_algorithm(c);
    repro_seed seed = take_seed(c);
    uint64_t pos = take_u(c, 10);
    size_t n = take_values(c, take_u(c, 10), 16, UINT32_MAX, c->want);
    repro_stream s, t;
    if (c->bad || !open_stream(c, &s, a, seed, pos))
        return;
    uint32_t w[MAX_VALUES];
    for (int way = 0; way < 3; way++) {
        int rc = REPRO_OK;
        t = s;
        if (way == 0)
            for (size_t k = 0; k < n; k++)
                w[k] = repro_next_u32(&t);
        else if (way == 1)
            rc = repro_fill_u32_at(&s, pos, w, n);
        else
            rc = repro_fill_u32(&t, w, n);
        if (!expect_ok(c, rc, how[way]))
            return;
        for (size_t k = 0; k < n; k++)
            c->got[k] = w[k];
        compare(c, how[way], c->got, c->want, n);
        if (way != 1)
            expect_end(c, &t, pos + n, how[way]);
    }
}

/* ---- contract section 3 draws and the distributions ----------------------------------- */
/* A stream draw: single draws, one fill, a fill cut in two, one-value fills (each
 * ending at the record's end position), and fill_at (which leaves the stream as it
 * was). */
static void check_stream_draw(rec *c, const repro_stream *s, const vec_draw *d, uint64_t pos,
                              uint64_t end, size_t n)
{
    const vec_stream_draw *k = d->stream;
    repro_stream t = *s;
    uint64_t *got = c->got;
    for (size_t i = 0; i < n; i++)
        got[i] = k->next(&t, d->bound);
    compare(c, "single draws", got, c->want, n);
    expect_end(c, &t, end, "single draws");
    t = *s;
    if (expect_ok(c, k->fill(&t, got, n, d->bound), "fill")) {
        compare(c, "one fill", got, c->want, n);
        expect_end(c, &t, end, "one fill");
    }
    t = *s;
    if (expect_ok(c, k->fill(&t, got, n / 3, d->bound), "fill") &&
        expect_ok(c, k->fill(&t, got + n / 3, n - n / 3, d->bound), "fill")) {
        compare(c, "fill cut in two", got, c->want, n);
        expect_end(c, &t, end, "fill cut in two");
    }
    t = *s;
    for (size_t i = 0; i < n; i++)
        if (!expect_ok(c, k->fill(&t, &got[i], 1, d->bound), "fill"))
            return;
    compare(c, "one-value fills", got, c->want, n);
    expect_end(c, &t, end, "one-value fills");
    memcpy(&t, s, sizeof t); /* every byte, for the comparison below */
    if (expect_ok(c, k->fill_at(&t, pos, got, n, d->bound), "fill_at"))
        compare(c, "fill_at", got, c->want, n);
    if (memcmp(&t, s, sizeof t))
        fail(c, "fill_at changed the stream");
}

/* A distribution: one fill, and one draw per fill (a vector law's draw is its
 * components), each ending at the record's end position. */
static void check_law(rec *c, const repro_stream *s, const vec_draw *d, uint64_t end, size_t n)
{
    size_t w = vec_draw_width(d, n);
    if (w == 0 || n % w) {
        c->bad = 1;
        return;
    }
    repro_stream t = *s;
    if (expect_ok(c, vec_draw_fill(&t, d, c->got, n), "fill")) {
        compare(c, "one fill", c->got, c->want, n);
        expect_end(c, &t, end, "one fill");
    }
    t = *s;
    for (size_t i = 0; i < n; i += w)
        if (!expect_ok(c, vec_draw_fill(&t, d, c->got + i, w), "fill"))
            return;
    compare(c, "one draw per fill", c->got, c->want, n);
    expect_end(c, &t, end, "one draw per fill");
}

/* <algorithm> <seed> <position> <draw> <end position> <value>... (value bits in hex):
 * tests/vectors/stream_<algorithm>.txt and dist_*.txt. */
static void check_draws(rec *c)
{
    repro_algorithm a = take_algorithm(c);
    repro_seed seed = take_seed(c);
    uint64_t pos = take_u(c, 10);
    const char *draw = take(c);
    uint64_t end = take_u(c, 10);
    size_t n = 0;
    vec_draw d;
    while (c->next < c->r.nfields && n < MAX_VALUES)
        c->want[n++] = take_u(c, 16);
    repro_stream s;
    if (vec_parse_draw(draw, &d) || n == 0)
        c->bad = 1;
    if (c->bad || !open_stream(c, &s, a, seed, pos))
        return;
    if (d.stream)
        check_stream_draw(c, &s, &d, pos, end, n);
    else
        check_law(c, &s, &d, end, n);
}

/* ---- permutations and shuffles (tests/vectors/perm.txt) -------------------------------- */
/* perm <seed> <n> <i> <x>: at(i) == x and inverse(x) == i */
static void check_perm(rec *c)
{
    take(c);
    repro_seed seed = take_seed(c);
    uint64_t n = take_u(c, 10), i = take_u(c, 10), x = take_u(c, 10);
    repro_permutation p;
    if (c->bad || !expect_ok(c, repro_permutation_init(&p, seed, n), "permutation_init"))
        return;
    c->got[0] = repro_permutation_at(&p, i);
    c->got[1] = repro_permutation_inverse(&p, x);
    c->want[0] = x;
    c->want[1] = i;
    compare(c, "permutation at, inverse", c->got, c->want, 2);
}

/* shuffle <algorithm> <seed> <count> <end position> <v>...: repro_shuffle of the u32
 * array 0..count-1 with a fresh stream. */
static void check_shuffle(rec *c)
{
    take(c);
    repro_algorithm a = take_algorithm(c);
    repro_seed seed = take_seed(c);
    uint64_t count = take_u(c, 10), end = take_u(c, 10);
    size_t n = take_values(c, count, 10, UINT32_MAX, c->want);
    repro_stream s;
    if (c->bad || !open_stream(c, &s, a, seed, 0))
        return;
    uint32_t v[MAX_VALUES];
    for (size_t k = 0; k < n; k++)
        v[k] = (uint32_t)k;
    if (!expect_ok(c, repro_shuffle(&s, v, n, sizeof v[0]), "shuffle"))
        return;
    for (size_t k = 0; k < n; k++)
        c->got[k] = v[k];
    compare(c, "shuffle", c->got, c->want, n);
    expect_end(c, &s, end, "shuffle");
}

/* ---- numpy (tests/vectors/numpy_*.txt, tools/gen_numpy_vectors.py's format) ----------- */
static size_t take_u32_list(rec *c, uint32_t *out)
{
    uint64_t v[MAX_VALUES];
    size_t n = take_list(c, 16, v);
    for (size_t k = 0; k < n; k++) {
        if (v[k] > UINT32_MAX)
            c->bad = 1;
        out[k] = (uint32_t)v[k];
    }
    return n;
}

/* entropy list, spawn-key list, then the spawn path from the root (list). */
static int take_seedseq(rec *c, repro_numpy_seedseq *ss)
{
    uint32_t entropy[MAX_VALUES], key[MAX_VALUES];
    uint64_t path[MAX_VALUES];
    size_t ne = take_u32_list(c, entropy), nk = take_u32_list(c, key);
    size_t np = take_list(c, 16, path);
    for (size_t d = 0; d < np; d++)
        c->bad |= path[d] > 1000; /* spawned one by one: a corrupt index must not hang */
    if (c->bad ||
        !expect_ok(c, repro_numpy_seedseq_init(ss, entropy, ne, key, nk), "seedseq_init"))
        return 0;
    for (size_t d = 0; d < np; d++) {
        repro_numpy_seedseq child;
        for (uint64_t i = 0; i <= path[d]; i++)
            if (!expect_ok(c, repro_numpy_seedseq_spawn(ss, &child), "seedseq_spawn"))
                return 0;
        *ss = child;
    }
    return 1;
}

/* <spec> <n> <generate_state(n, uint32)...> <n> <generate_state(n, uint64)...> */
static void check_seedseq(rec *c)
{
    repro_numpy_seedseq ss;
    uint32_t want32[MAX_VALUES], got32[MAX_VALUES];
    if (!take_seedseq(c, &ss))
        return;
    size_t n32 = take_u32_list(c, want32), n64 = take_list(c, 16, c->want);
    if (c->bad)
        return;
    if (expect_ok(c, repro_numpy_seedseq_generate_u32(&ss, got32, n32), "generate_u32"))
        for (size_t k = 0; k < n32; k++, c->r.values++)
            if (got32[k] != want32[k]) {
                fail(c, "generate_state(uint32) word %zu: got %" PRIx32, k, got32[k]);
                break;
            }
    if (expect_ok(c, repro_numpy_seedseq_generate_u64(&ss, c->got, n64), "generate_u64"))
        compare(c, "generate_state(uint64)", c->got, c->want, n64);
}

/* Draws a list's length of u64 (or the bits of doubles) and compares with the list. */
static void numpy_draws(rec *c, repro_numpy_philox *g, int doubles, const char *what)
{
    size_t n = take_list(c, 16, c->want);
    for (size_t k = 0; k < n; k++)
        c->got[k] = doubles ? vec_double_bits(repro_numpy_philox_next_double(g))
                            : repro_numpy_philox_next_u64(g);
    if (!c->bad)
        compare(c, what, c->got, c->want, n);
}

/* S <spec> | K <key0> <key1> <ctr0..3>, then a u64 list, then A <delta0..3> | J <jumps>
 * | N, then a u64 list and a double-bits list. */
static void check_philox(rec *c)
{
    repro_numpy_philox g;
    if (take_is(c, "S")) {
        repro_numpy_seedseq ss;
        if (!take_seedseq(c, &ss) ||
            !expect_ok(c, repro_numpy_philox_from_seedseq(&g, &ss), "philox_from_seedseq"))
            return;
    } else {
        take(c); /* K */
        uint64_t key[2], ctr[4];
        for (int k = 0; k < 2; k++)
            key[k] = take_u(c, 16);
        for (int k = 0; k < 4; k++)
            ctr[k] = take_u(c, 16);
        if (c->bad || !expect_ok(c, repro_numpy_philox_init(&g, key, ctr), "philox_init"))
            return;
    }
    numpy_draws(c, &g, 0, "random_raw");
    if (take_is(c, "A")) {
        uint64_t delta[4];
        for (int k = 0; k < 4; k++)
            delta[k] = take_u(c, 16);
        if (c->bad || !expect_ok(c, repro_numpy_philox_advance(&g, delta), "philox_advance"))
            return;
    } else if (take_is(c, "J")) {
        repro_numpy_philox src = g;
        uint64_t jumps = take_u(c, 16);
        if (c->bad || !expect_ok(c, repro_numpy_philox_jumped(&src, jumps, &g), "jumped"))
            return;
    } else if (!take_is(c, "N")) {
        c->bad = 1;
        return;
    }
    numpy_draws(c, &g, 0, "random_raw after advance or jump");
    numpy_draws(c, &g, 1, "random");
}

/* ---- JAX (tests/vectors/jax_threefry.txt documents the records) ------------------------ */
static const char *const jax_tags[] = {"threefry", "key",       "fold_in",   "split",
                                       "bits32",   "bits64",    "bits64_x32", "uniform32",
                                       "uniform32~"};
#define NJAX (sizeof jax_tags / sizeof jax_tags[0])

/* numbers decimal, or hexadecimal after 0x */
static repro_jax_key_t take_jax_key(rec *c)
{
    repro_jax_key_t key;
    key.k[0] = take_u32(c, 0);
    key.k[1] = take_u32(c, 0);
    return key;
}

static void expect_jax_key(rec *c, const char *what, repro_jax_key_t got, repro_jax_key_t want)
{
    const uint64_t g[2] = {got.k[0], got.k[1]}, w[2] = {want.k[0], want.k[1]};
    compare(c, what, g, w, 2);
}

/* <tag> <partitionable> <key0> <key1> <n> <value>... of split, bits and uniform */
static void check_jax_array(rec *c, size_t op)
{
    int part = (int)take_u(c, 0);
    repro_jax_key_t key = take_jax_key(c), keys[MAX_VALUES];
    uint64_t n = take_u(c, 0);
    uint32_t b32[MAX_VALUES];
    float f32[MAX_VALUES];
    if (n > MAX_VALUES || c->bad) {
        c->bad = 1;
        return;
    }
    switch (op) {
    case 3: /* split */
        if (expect_ok(c, repro_jax_split(key, (size_t)n, part, keys), "split"))
            for (size_t k = 0; k < n; k++)
                expect_jax_key(c, "split", keys[k], take_jax_key(c));
        return;
    case 4:
        if (!expect_ok(c, repro_jax_random_bits32(key, (size_t)n, part, b32), "bits32"))
            return;
        for (size_t k = 0; k < n; k++)
            c->got[k] = b32[k];
        break;
    case 5:
    case 6:
        if (!expect_ok(c, repro_jax_random_bits64(key, (size_t)n, part, c->got), "bits64"))
            return;
        for (size_t k = 0; k < n && op == 6; k++)
            c->got[k] = (uint32_t)c->got[k]; /* x64 off: JAX keeps the low words */
        break;
    default: /* uniform32: exact float32 reprs; uniform32~: 6 decimals, JAX's 1e-6 */
        if (!expect_ok(c, repro_jax_uniform_f32(key, (size_t)n, part, f32), "uniform_f32"))
            return;
        for (size_t k = 0; k < n; k++) {
            const char *s = take(c);
            char *end;
            if (op == 7) {
                c->got[k] = vec_float_bits(f32[k]);
                c->want[k] = vec_float_bits(strtof(s, &end));
            } else {
                double d = (double)f32[k] - strtod(s, &end);
                c->got[k] = d > 1e-6 || d < -1e-6;
                c->want[k] = 0;
            }
            if (!*s || *end)
                c->bad = 1;
        }
        if (!c->bad)
            compare(c, jax_tags[op], c->got, c->want, (size_t)n);
        return;
    }
    for (size_t k = 0; k < n; k++)
        c->want[k] = take_u(c, 0);
    if (!c->bad)
        compare(c, jax_tags[op], c->got, c->want, (size_t)n);
}

static void check_jax(rec *c)
{
    size_t op = 0;
    while (!take_is(c, jax_tags[op]))
        op++;
    if (op == 0) { /* threefry K0 K1 C0 C1 O0 O1: one block; fold_in reaches it when C0 == 0 */
        repro_jax_key_t key = take_jax_key(c);
        uint32_t ctr[2], out[2];
        ctr[0] = take_u32(c, 0);
        ctr[1] = take_u32(c, 0);
        c->want[0] = take_u32(c, 0);
        c->want[1] = take_u32(c, 0);
        if (c->bad || !expect_ok(c, repro_threefry2x32(ctr, key.k, 20, out), "threefry2x32"))
            return;
        c->got[0] = out[0];
        c->got[1] = out[1];
        compare(c, "threefry_2x32", c->got, c->want, 2);
        if (ctr[0] == 0) {
            repro_jax_key_t f = repro_jax_fold_in(key, ctr[1]);
            c->got[0] = f.k[0];
            c->got[1] = f.k[1];
            compare(c, "fold_in as threefry_2x32", c->got, c->want, 2);
        }
    } else if (op == 1) { /* key x64|x32 SEED K0 K1 */
        int x64 = take_is(c, "x64");
        if (!x64 && !take_is(c, "x32"))
            c->bad = 1;
        int64_t seed = take_i64(c);
        repro_jax_key_t want = take_jax_key(c);
        if (!c->bad)
            expect_jax_key(c, "PRNGKey", x64 ? repro_jax_key(seed) : repro_jax_key_x32(seed),
                           want);
    } else if (op == 2) { /* fold_in K0 K1 DATA R0 R1 */
        repro_jax_key_t key = take_jax_key(c);
        uint32_t data = take_u32(c, 0);
        repro_jax_key_t want = take_jax_key(c);
        if (!c->bad)
            expect_jax_key(c, "fold_in", repro_jax_fold_in(key, data), want);
    } else {
        check_jax_array(c, op);
    }
}

/* ---- record kinds -------------------------------------------------------------------- */
static const struct {
    const char *label;
    void (*check)(rec *c);
} kinds[VEC_NKINDS] = {
    [VEC_KAT] = {"Random123 block KAT", check_kat},
    [VEC_SEED] = {"seed derivation", check_seed},
    [VEC_PATH] = {"seed path", check_path},
    [VEC_HEX] = {"seed hex", check_hex},
    [VEC_WORDS] = {"stream words", check_words},
    [VEC_DRAWS] = {"stream draws", check_draws},
    [VEC_PERM] = {"permutation", check_perm},
    [VEC_SHUFFLE] = {"shuffle", check_shuffle},
    [VEC_NUMPY_SEEDSEQ] = {"numpy SeedSequence", check_seedseq},
    [VEC_NUMPY_PHILOX] = {"numpy Philox", check_philox},
    [VEC_JAX] = {"JAX", check_jax},
    [VEC_UNKNOWN] = {"unreadable or unknown records", NULL},
};

const char *vec_kind_label(vec_kind k)
{
    return kinds[k < VEC_NKINDS ? k : VEC_UNKNOWN].label;
}

/* The kind of a record, from its fields. */
static vec_kind kind_of(char *const *f, size_t n)
{
    static const char *const seeds[] = {"u64", "bytes", "child", "named"};
    const char *tag = f[0];
    repro_algorithm a;
    for (size_t i = 0; i < NBLOCKS; i++)
        if (!strcmp(tag, blocks[i].name))
            return VEC_KAT;
    for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++)
        if (!strcmp(tag, seeds[i]))
            return VEC_SEED;
    for (size_t i = 0; i < NJAX; i++)
        if (!strcmp(tag, jax_tags[i]))
            return VEC_JAX;
    if (!strcmp(tag, "path"))
        return VEC_PATH;
    if (!strcmp(tag, "hex"))
        return VEC_HEX;
    if (!strcmp(tag, "perm"))
        return VEC_PERM;
    if (!strcmp(tag, "shuffle"))
        return VEC_SHUFFLE;
    if (!strcmp(tag, "S") || !strcmp(tag, "K"))
        return VEC_NUMPY_PHILOX;
    if (n >= 4 && repro_algorithm_from_name(tag, &a) == REPRO_OK)
        return strspn(f[3], "0123456789") == strlen(f[3]) ? VEC_WORDS : VEC_DRAWS;
    if (strspn(tag, "0123456789abcdef") == strlen(tag)) /* a list's length */
        return VEC_NUMPY_SEEDSEQ;
    return VEC_UNKNOWN;
}

/* ---- the reader ---------------------------------------------------------------------- */
/* Splits line into c's fields; returns 0 for a blank or comment line. */
static size_t split(rec *c, char *line)
{
    size_t n = 0;
    c->bad = 0;
    for (char *p = line;;) {
        p += strspn(p, " \t\r");
        if (!*p)
            break;
        if (n == MAX_FIELDS) {
            c->bad = 1; /* too many fields */
            break;
        }
        c->f[n++] = p;
        p += strcspn(p, " \t\r");
        if (*p)
            *p++ = '\0';
    }
    return n > 0 && c->f[0][0] != '#' ? n : 0;
}

/* Calls fn(state, c) for each record of text, c's fields split; returns -1 when out
 * of memory, else 0. */
static int each_record(const char *text, size_t size, rec *c, void (*fn)(void *, rec *),
                       void *state)
{
    char *line = NULL;
    size_t cap = 0;
    unsigned lineno = 0;
    for (const char *p = text, *end = text + size; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (len + 1 > cap) {
            char *bigger = realloc(line, cap = len + 1);
            if (!bigger) {
                free(line);
                return -1;
            }
            line = bigger;
        }
        memcpy(line, p, len);
        line[len] = '\0';
        p += len + (nl != NULL);
        lineno++;
        if ((c->r.nfields = split(c, line)) == 0)
            continue;
        c->r.line = lineno;
        c->r.field = c->f;
        c->r.kind = kind_of(c->f, c->r.nfields);
        fn(state, c);
    }
    free(line);
    return 0;
}

typedef struct {
    vec_tally *t;
    vec_each_fn each;
    void *ctx;
} check_state;

static void check_one(void *state, rec *c)
{
    check_state *st = state;
    vec_record *r = &c->r;
    r->ok = 1;
    r->values = 0;
    r->msg[0] = '\0';
    c->next = 0;
    if (r->kind == VEC_UNKNOWN)
        fail(c, "not a record of any known kind");
    else if (!c->bad)
        kinds[r->kind].check(c);
    /* fields left over after a check that passed: malformed too (a check that
     * failed may have stopped before the end) */
    if (c->bad || (r->ok && r->kind != VEC_UNKNOWN && c->next != r->nfields)) {
        r->ok = 0;
        snprintf(r->msg, sizeof r->msg, "malformed record");
    }
    vec_count *k = &st->t->kind[r->kind];
    k->records++;
    k->failed += !r->ok;
    k->values += r->values;
    if (st->each)
        st->each(st->ctx, r);
}

int vec_check_text(const char *name, const char *text, size_t size, vec_tally *t,
                   vec_each_fn each, void *ctx)
{
    check_state st = {t, each, ctx};
    rec *c = malloc(sizeof *c);
    int rc = -1;
    if (c) {
        c->r.file = name;
        rc = each_record(text, size, c, check_one, &st);
        free(c);
    }
    if (rc) {
        t->kind[VEC_UNKNOWN].records++;
        t->kind[VEC_UNKNOWN].failed++;
    }
    return rc;
}

static void count_one(void *state, rec *c)
{
    *(uint64_t *)state += c->r.kind != VEC_UNKNOWN;
}

uint64_t vec_count_records(const char *text, size_t size)
{
    uint64_t n = 0;
    rec *c = malloc(sizeof *c);
    if (c)
        each_record(text, size, c, count_one, &n);
    free(c);
    return n;
}

char *vec_read_file(const char *path, size_t *size)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return NULL;
    size_t cap = 1 << 16, len = 0, got;
    char *data = malloc(cap);
    while (data && (got = fread(data + len, 1, cap - 1 - len, in)) > 0) {
        len += got;
        if (len + 1 == cap) { /* keep room for the NUL */
            char *bigger = realloc(data, cap *= 2);
            if (!bigger)
                free(data);
            data = bigger;
        }
    }
    int bad = ferror(in);
    fclose(in);
    if (!data || bad) {
        free(data);
        return NULL;
    }
    data[len] = '\0';
    *size = len;
    return data;
}

int vec_check_file(const char *path, vec_tally *t, vec_each_fn each, void *ctx)
{
    size_t size;
    char *text = vec_read_file(path, &size);
    if (!text)
        return -1;
    int rc = vec_check_text(path, text, size, t, each, ctx);
    free(text);
    return rc;
}

uint64_t vec_tally_records(const vec_tally *t)
{
    uint64_t n = 0;
    for (int k = 0; k < VEC_NKINDS; k++)
        n += t->kind[k].records;
    return n;
}

uint64_t vec_tally_failed(const vec_tally *t)
{
    uint64_t n = 0;
    for (int k = 0; k < VEC_NKINDS; k++)
        n += t->kind[k].failed;
    return n;
}
