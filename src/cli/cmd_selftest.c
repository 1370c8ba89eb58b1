/* repro-rng selftest: checks this build on this machine against the known answers
 * built into the binary (Random123's kat_vectors and the golden vectors of
 * tests/vectors/, embedded at build time by tools/embed_files.sh), on every ISA the
 * CPU can run.  The expected values are parsed here, never by the library. */
#include "cli.h"
#include "embedded.h"
#include "internal.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_FIELDS = 1024, MAX_VALUES = 1024, MAX_BYTES = 4096, MAX_DETAILS = 5 };

typedef struct {
    char *f[MAX_FIELDS];
    size_t n;
    uint64_t values; /* values compared by the check */
    char msg[200];   /* why the check failed */
} record;

/* ---- field parsing ---------------------------------------------------------- */

/* 1..16 hex digits. */
static int parse_hex64(const char *s, uint64_t *out)
{
    size_t len = strlen(s);
    uint64_t v = 0;
    if (len < 1 || len > 16)
        return -1;
    for (; *s; s++) {
        int d = repro_hex_digit(*s);
        if (d < 0)
            return -1;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return 0;
}

static int parse_seed(const char *s, repro_seed *out)
{
    return repro_seed_from_hex(s, out) == REPRO_OK ? 0 : -1;
}

/* Lowercase hex of a byte string, "-" for the empty one. */
static int parse_bytes(const char *s, unsigned char *out, size_t *len)
{
    size_t n = strlen(s);
    *len = 0;
    if (!strcmp(s, "-"))
        return 0;
    if (n % 2 || n / 2 > MAX_BYTES)
        return -1;
    for (size_t i = 0; i < n / 2; i++) {
        int hi = repro_hex_digit(s[2 * i]), lo = repro_hex_digit(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        out[i] = (unsigned char)(hi << 4 | lo);
    }
    *len = n / 2;
    return 0;
}

#define BAD_RECORD(r) (snprintf((r)->msg, sizeof (r)->msg, "malformed record"), 0)

static int seed_result(record *r, repro_seed got, const char *want_text)
{
    repro_seed want;
    if (parse_seed(want_text, &want))
        return BAD_RECORD(r);
    r->values++;
    if (repro_seed_equal(got, want))
        return 1;
    char hex[65];
    repro_seed_to_hex(got, hex);
    snprintf(r->msg, sizeof r->msg, "got %s", hex);
    return 0;
}

/* ---- Random123 known answers --------------------------------------------------- */

typedef int (*block32_fn)(const uint32_t *, const uint32_t *, unsigned, uint32_t *);
typedef int (*block64_fn)(const uint64_t *, const uint64_t *, unsigned, uint64_t *);
static const struct {
    const char *name;
    size_t n, key_words;
    block32_fn f32;
    block64_fn f64;
} blocks[] = {
    {"philox2x32", 2, 1, repro_philox2x32, NULL},   {"philox4x32", 4, 2, repro_philox4x32, NULL},
    {"philox2x64", 2, 1, NULL, repro_philox2x64},   {"philox4x64", 4, 2, NULL, repro_philox4x64},
    {"threefry2x32", 2, 2, repro_threefry2x32, NULL},
    {"threefry4x32", 4, 4, repro_threefry4x32, NULL},
    {"threefry2x64", 2, 2, NULL, repro_threefry2x64},
    {"threefry4x64", 4, 4, NULL, repro_threefry4x64},
};

/* name rounds counter... key... expected... (hex) */
static int check_kat(record *r)
{
    size_t b = 0;
    while (strcmp(blocks[b].name, r->f[0]))
        b++;
    size_t n = blocks[b].n, k = blocks[b].key_words;
    uint64_t rounds, v[12];
    if (r->n != 2 + 2 * n + k || cli_parse_u64(r->f[1], &rounds) || rounds > 100)
        return BAD_RECORD(r);
    for (size_t i = 0; i < 2 * n + k; i++)
        if (parse_hex64(r->f[2 + i], &v[i]))
            return BAD_RECORD(r);
    const uint64_t *ctr = v, *key = v + n, *want = v + n + k;
    uint64_t got[4];
    int rc;
    if (blocks[b].f32) {
        uint32_t c[4], kk[4], o[4];
        for (size_t i = 0; i < n; i++)
            c[i] = (uint32_t)ctr[i];
        for (size_t i = 0; i < k; i++)
            kk[i] = (uint32_t)key[i];
        rc = blocks[b].f32(c, kk, (unsigned)rounds, o);
        for (size_t i = 0; i < n; i++)
            got[i] = o[i];
    } else {
        rc = blocks[b].f64(ctr, key, (unsigned)rounds, got);
    }
    if (rc != REPRO_OK) {
        snprintf(r->msg, sizeof r->msg, "%s", repro_strerror(rc));
        return 0;
    }
    for (size_t i = 0; i < n; i++, r->values++)
        if (got[i] != want[i]) {
            snprintf(r->msg, sizeof r->msg, "word %zu: got %" PRIx64, i, got[i]);
            return 0;
        }
    return 1;
}

/* ---- seeds (tests/vectors/seeds.txt) ------------------------------------------ */

/* u64 <s> <seed> | bytes <m> <seed> | child <parent> <i> <seed> | named <parent> <m> <seed> */
static int check_seed(record *r)
{
    static unsigned char m[MAX_BYTES];
    size_t len;
    uint64_t x;
    repro_seed parent;
    const char *kind = r->f[0];
    if (!strcmp(kind, "u64") && r->n == 3 && !cli_parse_u64(r->f[1], &x))
        return seed_result(r, repro_seed_from_u64(x), r->f[2]);
    if (!strcmp(kind, "bytes") && r->n == 3 && !parse_bytes(r->f[1], m, &len))
        return seed_result(r, repro_seed_from_bytes(m, len), r->f[2]);
    if (r->n != 4 || parse_seed(r->f[1], &parent))
        return BAD_RECORD(r);
    if (!strcmp(kind, "child") && !cli_parse_u64(r->f[2], &x))
        return seed_result(r, repro_seed_child(parent, x), r->f[3]);
    if (!strcmp(kind, "named") && !parse_bytes(r->f[2], m, &len))
        return seed_result(r, repro_seed_named(parent, m, len), r->f[3]);
    return BAD_RECORD(r);
}

static int check_error(record *r, int got, const char *prefix, const char *want_suffix)
{
    char want[64];
    snprintf(want, sizeof want, "%s%s", prefix, want_suffix);
    const char *name = repro_error_name(got);
    r->values++;
    if (name && !strcmp(name, want))
        return 1;
    snprintf(r->msg, sizeof r->msg, "got %s, want %s", name ? name : "REPRO_OK", want);
    return 0;
}

/* path <root> <path bytes> ok <seed> | path <root> <path bytes> <ERROR> <offset> */
static int check_path(record *r)
{
    static unsigned char p[MAX_BYTES + 1];
    size_t len, off = 0;
    uint64_t want_off;
    repro_seed root, got;
    if (r->n != 5 || parse_seed(r->f[1], &root) || parse_bytes(r->f[2], p, &len) ||
        memchr(p, 0, len))
        return BAD_RECORD(r);
    p[len] = '\0';
    int rc = repro_seed_path_ex(root, (const char *)p, &got, &off);
    if (!strcmp(r->f[3], "ok")) {
        if (rc != REPRO_OK) {
            snprintf(r->msg, sizeof r->msg, "%s", repro_strerror(rc));
            return 0;
        }
        return seed_result(r, got, r->f[4]);
    }
    if (cli_parse_u64(r->f[4], &want_off))
        return BAD_RECORD(r);
    if (!check_error(r, rc, "REPRO_ERR_PATH_", r->f[3]))
        return 0;
    if (off != want_off) {
        snprintf(r->msg, sizeof r->msg, "error offset %zu, want %" PRIu64, off, want_off);
        return 0;
    }
    return 1;
}

/* hex <text bytes> ok <seed> | hex <text bytes> <ERROR> */
static int check_hex(record *r)
{
    static char t[MAX_BYTES + 1];
    size_t len;
    repro_seed got;
    if (r->n < 3 || parse_bytes(r->f[1], (unsigned char *)t, &len) || memchr(t, 0, len))
        return BAD_RECORD(r);
    t[len] = '\0';
    int rc = repro_seed_from_hex(t, &got);
    if (!strcmp(r->f[2], "ok") && r->n == 4) {
        if (rc != REPRO_OK) {
            snprintf(r->msg, sizeof r->msg, "%s", repro_strerror(rc));
            return 0;
        }
        return seed_result(r, got, r->f[3]);
    }
    return r->n == 3 ? check_error(r, rc, "REPRO_ERR_HEX_", r->f[2]) : BAD_RECORD(r);
}

/* ---- streams (ref_words.txt and the golden draw files) -------------------------- */

static int is_algorithm(const char *name)
{
    repro_algorithm a;
    return repro_algorithm_from_name(name, &a) == REPRO_OK;
}

static int open_stream(record *r, repro_stream *s, uint64_t *pos)
{
    repro_algorithm a;
    repro_seed seed;
    if (repro_algorithm_from_name(r->f[0], &a) != REPRO_OK || parse_seed(r->f[1], &seed) ||
        cli_parse_u64(r->f[2], pos) || repro_stream_init(s, a, seed) != REPRO_OK)
        return -1;
    repro_stream_seek(s, *pos);
    return 0;
}

static int compare(record *r, const char *how, const uint64_t *got, const uint64_t *want,
                   size_t n)
{
    for (size_t i = 0; i < n; i++, r->values++)
        if (got[i] != want[i]) {
            snprintf(r->msg, sizeof r->msg, "%s value %zu: got %" PRIx64 " want %" PRIx64, how,
                     i, got[i], want[i]);
            return 0;
        }
    return 1;
}

/* The stream ended where the record says. */
static int check_end(record *r, const repro_stream *s, uint64_t end)
{
    if (repro_stream_tell(s) == end)
        return 1;
    snprintf(r->msg, sizeof r->msg, "end position %" PRIu64 ", want %" PRIu64,
             repro_stream_tell(s), end);
    return 0;
}

static int fill_failed(record *r, int rc)
{
    snprintf(r->msg, sizeof r->msg, "fill: %s", repro_strerror(rc));
    return 0;
}

/* <algorithm> <seed> <position> <n> <word>...: single draws and a bulk fill. */
static int check_words(record *r)
{
    repro_stream s;
    uint64_t pos, n, want[MAX_VALUES], got[MAX_VALUES];
    if (open_stream(r, &s, &pos) || cli_parse_u64(r->f[3], &n) || n > MAX_VALUES ||
        r->n != 4 + n)
        return BAD_RECORD(r);
    for (size_t i = 0; i < n; i++)
        if (parse_hex64(r->f[4 + i], &want[i]))
            return BAD_RECORD(r);
    uint32_t bulk[MAX_VALUES];
    for (size_t i = 0; i < n; i++)
        got[i] = repro_next_u32(&s);
    if (!compare(r, "next_u32", got, want, (size_t)n))
        return 0;
    repro_fill_u32_at(&s, pos, bulk, (size_t)n);
    for (size_t i = 0; i < n; i++)
        got[i] = bulk[i];
    return compare(r, "fill_u32_at", got, want, (size_t)n);
}

/* Each draw type of the golden files: a single draw and a bulk fill from a position,
 * both giving the value's bits. */
typedef struct {
    const char *name; /* bounded ones take ":N" */
    uint64_t (*next)(repro_stream *s, uint64_t bound);
    int (*fill_at)(const repro_stream *s, uint64_t pos, uint64_t *out, size_t n, uint64_t bound);
} draw_type;

static uint64_t bits_u32(uint32_t x) { return x; }
static uint64_t bits_u64(uint64_t x) { return x; }
static uint64_t bits_float(float x)
{
    uint32_t b;
    memcpy(&b, &x, 4);
    return b;
}
static uint64_t bits_double(double x)
{
    uint64_t b;
    memcpy(&b, &x, 8);
    return b;
}

#define DRAW(name, ctype, bits, next_call, fill_call)                                    \
    static uint64_t next_##name(repro_stream *s, uint64_t bound)                          \
    {                                                                                     \
        (void)bound;                                                                      \
        return bits(next_call);                                                           \
    }                                                                                     \
    static int fill_##name(const repro_stream *s, uint64_t pos, uint64_t *out, size_t n,  \
                           uint64_t bound)                                                \
    {                                                                                     \
        ctype tmp[MAX_VALUES];                                                            \
        (void)bound;                                                                      \
        int rc = fill_call;                                                               \
        for (size_t i = 0; i < n; i++)                                                    \
            out[i] = bits(tmp[i]);                                                        \
        return rc;                                                                        \
    }
#define PLAIN_DRAW(name, ctype, bits)                                                    \
    DRAW(name, ctype, bits, repro_next_##name(s), repro_fill_##name##_at(s, pos, tmp, n))
PLAIN_DRAW(u32, uint32_t, bits_u32)
PLAIN_DRAW(u64, uint64_t, bits_u64)
PLAIN_DRAW(double, double, bits_double)
PLAIN_DRAW(double_oc, double, bits_double)
PLAIN_DRAW(double_oo, double, bits_double)
PLAIN_DRAW(float, float, bits_float)
PLAIN_DRAW(normal, double, bits_double)
PLAIN_DRAW(exponential, double, bits_double)
DRAW(bounded_u32, uint32_t, bits_u32, repro_next_bounded_u32(s, (uint32_t)bound),
     repro_fill_bounded_u32_at(s, pos, tmp, n, (uint32_t)bound))
DRAW(bounded_u64, uint64_t, bits_u64, repro_next_bounded_u64(s, bound),
     repro_fill_bounded_u64_at(s, pos, tmp, n, bound))

static const draw_type draws[] = {
#define D(name) {#name, next_##name, fill_##name}
    D(u32),    D(u64),    D(double),      D(double_oc),   D(double_oo),
    D(float),  D(normal), D(exponential), D(bounded_u32), D(bounded_u64),
#undef D
};

/* The parameterised distributions of the dist_* golden files ("gamma:K:T", double
 * parameters as C99 hex floats, binomial's N decimal): stream fills only. */
typedef struct {
    const char *name;
    size_t nparams;
    int (*fill)(repro_stream *s, uint64_t *out, size_t n, const double *d, uint64_t u);
} dist_type;

#define DIST(name, ctype, bits, call)                                                    \
    static int dist_##name(repro_stream *s, uint64_t *out, size_t n, const double *d,     \
                           uint64_t u)                                                    \
    {                                                                                     \
        ctype tmp[MAX_VALUES];                                                            \
        (void)d, (void)u;                                                                 \
        int rc = call;                                                                    \
        for (size_t i = 0; i < n; i++)                                                    \
            out[i] = bits(tmp[i]);                                                        \
        return rc;                                                                        \
    }
static uint64_t bits_u8(uint8_t x) { return x; }
DIST(gaussian, double, bits_double, repro_fill_gaussian(s, tmp, n, d[0], d[1]))
DIST(uniform, double, bits_double, repro_fill_uniform(s, tmp, n, d[0], d[1]))
DIST(gamma, double, bits_double, repro_fill_gamma(s, tmp, n, d[0], d[1]))
DIST(beta, double, bits_double, repro_fill_beta(s, tmp, n, d[0], d[1]))
DIST(bernoulli, uint8_t, bits_u8, repro_fill_bernoulli(s, tmp, n, d[0]))
DIST(poisson, uint64_t, bits_u64, repro_fill_poisson(s, tmp, n, d[0]))
DIST(binomial, uint64_t, bits_u64, repro_fill_binomial(s, tmp, n, u, d[1]))

static const dist_type dists[] = {
    {"gaussian", 2, dist_gaussian}, {"uniform", 2, dist_uniform},
    {"gamma", 2, dist_gamma},       {"beta", 2, dist_beta},
    {"bernoulli", 1, dist_bernoulli}, {"poisson", 1, dist_poisson},
    {"binomial", 2, dist_binomial}, /* N (decimal), P */
};

/* A distribution record: one fill of all values, then the same values one fill at a
 * time from a fresh stream (a fill must equal single draws), and the end position. */
static int check_dist(record *r, const dist_type *t, repro_stream *s, uint64_t end,
                      const uint64_t *want, size_t n)
{
    double d[2] = {0, 0};
    uint64_t u = 0, got[MAX_VALUES];
    const char *p = strchr(r->f[3], ':');
    char buf[64];
    for (size_t i = 0; i < t->nparams; i++) {
        if (!p)
            return BAD_RECORD(r);
        size_t len = strcspn(p + 1, ":");
        if (len >= sizeof buf)
            return BAD_RECORD(r);
        memcpy(buf, p + 1, len);
        buf[len] = '\0';
        int bad = t->fill == dist_binomial && i == 0 ? cli_parse_u64(buf, &u)
                                                      : cli_parse_double(buf, &d[i]);
        if (bad)
            return BAD_RECORD(r);
        p = p[1 + len] ? p + 1 + len : NULL;
    }
    if (p)
        return BAD_RECORD(r);
    repro_stream single = *s;
    int rc = t->fill(s, got, n, d, u);
    if (rc != REPRO_OK)
        return fill_failed(r, rc);
    if (!compare(r, "fill", got, want, n) || !check_end(r, s, end))
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((rc = t->fill(&single, &got[i], 1, d, u)) != REPRO_OK)
            return fill_failed(r, rc);
    return compare(r, "one at a time", got, want, n) && check_end(r, &single, end);
}

/* <algorithm> <seed> <position> <draw> <end position> <value>... (value bits in hex) */
static int check_draws(record *r)
{
    repro_stream s;
    uint64_t pos, end, bound = 0, want[MAX_VALUES], got[MAX_VALUES];
    size_t n = r->n - 5;
    if (r->n < 5 || n > MAX_VALUES || open_stream(r, &s, &pos) || cli_parse_u64(r->f[4], &end))
        return BAD_RECORD(r);
    const char *colon = strchr(r->f[3], ':');
    size_t name_len = colon ? (size_t)(colon - r->f[3]) : strlen(r->f[3]);
    for (size_t i = 0; i < n; i++)
        if (parse_hex64(r->f[5 + i], &want[i]))
            return BAD_RECORD(r);
    for (size_t i = 0; i < CLI_COUNT(dists); i++)
        if (strlen(dists[i].name) == name_len && !strncmp(dists[i].name, r->f[3], name_len))
            return check_dist(r, &dists[i], &s, end, want, n);
    const draw_type *d = NULL;
    for (size_t i = 0; i < CLI_COUNT(draws); i++)
        if (strlen(draws[i].name) == name_len && !strncmp(draws[i].name, r->f[3], name_len))
            d = &draws[i];
    int bounded = d && !strncmp(d->name, "bounded", 7);
    if (!d || bounded != (colon != NULL) || (colon && cli_parse_u64(colon + 1, &bound)))
        return BAD_RECORD(r);
    for (size_t i = 0; i < n; i++)
        got[i] = d->next(&s, bound);
    if (!compare(r, "single draw", got, want, n) || !check_end(r, &s, end))
        return 0;
    int rc = d->fill_at(&s, pos, got, n, bound);
    if (rc != REPRO_OK)
        return fill_failed(r, rc);
    return compare(r, "fill_at", got, want, n);
}

/* ---- permutations and shuffles (tests/vectors/perm.txt) ------------------------------ */

/* perm <seed> <n> <i> <x>: at(i) == x and inverse(x) == i */
static int check_perm(record *r)
{
    repro_seed seed;
    repro_permutation p;
    uint64_t n, i, x;
    if (r->n != 5 || parse_seed(r->f[1], &seed) || cli_parse_u64(r->f[2], &n) ||
        cli_parse_u64(r->f[3], &i) || cli_parse_u64(r->f[4], &x) ||
        repro_permutation_init(&p, seed, n) != REPRO_OK)
        return BAD_RECORD(r);
    uint64_t got = repro_permutation_at(&p, i), back = repro_permutation_inverse(&p, x);
    r->values += 2;
    if (got == x && back == i)
        return 1;
    snprintf(r->msg, sizeof r->msg, "at(%" PRIu64 ") = %" PRIu64 ", inverse(%" PRIu64
             ") = %" PRIu64, i, got, x, back);
    return 0;
}

/* shuffle <algorithm> <seed> <count> <end position> <v0>...: repro_shuffle of the u32
 * array 0..count-1 with a fresh stream */
static int check_shuffle(record *r)
{
    repro_algorithm a;
    repro_seed seed;
    repro_stream s;
    uint64_t count, end, want[MAX_VALUES], got[MAX_VALUES];
    uint32_t v[MAX_VALUES];
    if (r->n < 5 || repro_algorithm_from_name(r->f[1], &a) != REPRO_OK ||
        parse_seed(r->f[2], &seed) || cli_parse_u64(r->f[3], &count) || count > MAX_VALUES ||
        r->n != 5 + count || cli_parse_u64(r->f[4], &end) ||
        repro_stream_init(&s, a, seed) != REPRO_OK)
        return BAD_RECORD(r);
    for (size_t i = 0; i < count; i++) {
        if (cli_parse_u64(r->f[5 + i], &want[i]))
            return BAD_RECORD(r);
        v[i] = (uint32_t)i;
    }
    int rc = repro_shuffle(&s, v, (size_t)count, sizeof v[0]);
    if (rc != REPRO_OK) {
        snprintf(r->msg, sizeof r->msg, "%s", repro_strerror(rc));
        return 0;
    }
    for (size_t i = 0; i < count; i++)
        got[i] = v[i];
    return compare(r, "shuffle", got, want, (size_t)count) && check_end(r, &s, end);
}

/* ---- record kinds and the driver ------------------------------------------------- */

static int is_block(const record *r)
{
    for (size_t i = 0; i < CLI_COUNT(blocks); i++)
        if (!strcmp(r->f[0], blocks[i].name))
            return 1;
    return 0;
}
static int is_seed(const record *r)
{
    return !strcmp(r->f[0], "u64") || !strcmp(r->f[0], "bytes") ||
           !strcmp(r->f[0], "child") || !strcmp(r->f[0], "named");
}
static int is_path(const record *r) { return !strcmp(r->f[0], "path"); }
static int is_perm(const record *r) { return !strcmp(r->f[0], "perm"); }
static int is_shuffle(const record *r) { return !strcmp(r->f[0], "shuffle"); }
static int is_hex(const record *r) { return !strcmp(r->f[0], "hex"); }
static int is_words(const record *r)
{
    uint64_t n;
    return r->n >= 4 && is_algorithm(r->f[0]) && !cli_parse_u64(r->f[3], &n);
}
static int is_draws(const record *r)
{
    uint64_t n;
    return r->n >= 4 && is_algorithm(r->f[0]) && cli_parse_u64(r->f[3], &n);
}

static const struct {
    const char *label;
    int (*match)(const record *r);
    int (*check)(record *r);
} kinds[] = {
    {"Random123 block KAT", is_block, check_kat},
    {"seed derivation", is_seed, check_seed},
    {"seed path", is_path, check_path},
    {"seed hex", is_hex, check_hex},
    {"stream words", is_words, check_words},
    {"stream draws", is_draws, check_draws},
    {"permutation", is_perm, check_perm},
    {"shuffle", is_shuffle, check_shuffle},
};
#define NKINDS CLI_COUNT(kinds)

typedef struct {
    int verbose;
    unsigned checks, failed;
    uint64_t records, values;
} totals;

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Checks every record of one file; prints one line per record kind found in it
 * (and per record with --verbose, and the first failures). */
static void check_file(const cli_text_file *file, const char *isa, totals *t)
{
    uint64_t pass[NKINDS + 1] = {0}, fail[NKINDS + 1] = {0}, values[NKINDS + 1] = {0};
    unsigned details = 0, lineno = 0;
    static record r;
    for (const char *p = (const char *)file->data, *end = p + file->size; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char *line = malloc(len + 1);
        if (!line) {
            fail[NKINDS]++;
            break;
        }
        memcpy(line, p, len);
        line[len] = '\0';
        p += len + (nl != NULL);
        lineno++;
        r.n = 0;
        for (char *tok = strtok(line, " \t\r"); tok && r.n < MAX_FIELDS; tok = strtok(NULL, " \t\r"))
            r.f[r.n++] = tok;
        if (r.n == 0 || r.f[0][0] == '#') {
            free(line);
            continue;
        }
        size_t k = 0;
        while (k < NKINDS && !kinds[k].match(&r))
            k++;
        r.values = 0;
        strcpy(r.msg, "record kind not understood by this selftest");
        int ok = k < NKINDS && kinds[k].check(&r);
        values[k] += r.values;
        (ok ? pass : fail)[k]++;
        if (!ok && details++ < MAX_DETAILS)
            printf("  FAIL %s:%u (%s): %s\n", file->name, lineno,
                   k < NKINDS ? kinds[k].label : "?", r.msg);
        else if (t->verbose)
            printf("  %s %s:%u\n", ok ? "ok  " : "FAIL", file->name, lineno);
        free(line);
    }
    for (size_t k = 0; k <= NKINDS; k++) {
        if (!pass[k] && !fail[k])
            continue;
        const char *label = k < NKINDS ? kinds[k].label : "unreadable or unknown records";
        printf("%s %-6s %-26s %-20s %5" PRIu64 " records, %6" PRIu64 " values",
               fail[k] ? "FAIL" : "ok  ", isa, base_name(file->name), label,
               pass[k] + fail[k], values[k]);
        if (fail[k])
            printf(", %" PRIu64 " FAILED", fail[k]);
        putchar('\n');
        t->checks++;
        t->failed += fail[k] != 0;
        t->records += pass[k] + fail[k];
        t->values += values[k];
    }
}

/* Reads a whole file into f (data NUL-terminated, to be freed). */
static int read_file(const char *path, cli_text_file *f)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return -1;
    size_t cap = 1 << 16, len = 0, got;
    unsigned char *data = malloc(cap);
    while (data && (got = fread(data + len, 1, cap - 1 - len, in)) > 0) {
        len += got;
        if (len + 1 == cap) { /* keep room for the NUL */
            unsigned char *bigger = realloc(data, cap *= 2);
            if (!bigger)
                free(data);
            data = bigger;
        }
    }
    int bad = ferror(in);
    fclose(in);
    if (!data || bad) {
        free(data);
        return -1;
    }
    data[len] = '\0';
    f->name = path;
    f->data = data;
    f->size = len;
    return 0;
}

int cmd_selftest(int argc, char **argv)
{
    cli_opt opts[] = {
        {"isa", "NAME", "check only this ISA (default: every ISA this CPU can run)", NULL, 0},
        {"verbose", NULL, "also print one line per record", NULL, 0},
        {"list", NULL, "list the embedded vector files and exit", NULL, 0},
        {"file", "FILE", "check the records of FILE instead of the embedded files", NULL, 0},
    };
    cli_spec spec = {"selftest", "[options]",
                     "Checks this library build on this machine against the known answers\n"
                     "built into the program: Random123's kat_vectors and the golden vectors\n"
                     "of contract rr1 (seeds, paths, stream words, draws, distributions,\n"
                     "permutations, shuffles), once per ISA (scalar, sse2, avx2, avx512,\n"
                     "neon) that the CPU can run.  Prints one\n"
                     "line per file, record kind and ISA; exit status 1 when anything differs.",
                     opts, CLI_COUNT(opts), NULL, NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (cli_find(&spec, "list")->count) {
        for (const cli_text_file *f = cli_embedded_files; f->name; f++)
            printf("%s (%zu bytes)\n", f->name, f->size);
        return CLI_OK;
    }
    const char *path = cli_find(&spec, "file")->value;
    cli_text_file files[2] = {{0, 0, 0}, {0, 0, 0}};
    const cli_text_file *checked = cli_embedded_files;
    if (path) {
        if (read_file(path, &files[0]) != 0)
            return cli_fail("selftest", "--file '%s': cannot read it", path);
        checked = files;
    }
    static const char *const all_isas[] = {"scalar", "sse2", "avx2", "avx512", "neon"};
    const char *only = cli_find(&spec, "isa")->value;
    if (only && !repro_isa_supported(only))
        return cli_usage(&spec, "--isa '%s': not an ISA this CPU and build can run", only);
    totals t = {cli_find(&spec, "verbose")->count > 0, 0, 0, 0, 0};
    char ran[64] = "";
    printf("repro-rng %s selftest: library %s, contract rr%d\n", REPRO_VERSION_STRING,
           repro_version(), REPRO_CONTRACT_VERSION);
    for (size_t i = 0; i < CLI_COUNT(all_isas); i++) {
        const char *isa = all_isas[i];
        if ((only && strcmp(only, isa)) || !repro_isa_supported(isa))
            continue;
        if (repro_set_isa(isa) != REPRO_OK || strcmp(repro_isa_name(), isa)) {
            printf("FAIL %-6s could not select this ISA\n", isa);
            t.checks++, t.failed++;
            continue;
        }
        strcat(strcat(ran, " "), isa);
        for (const cli_text_file *f = checked; f->name; f++)
            check_file(f, isa, &t);
    }
    free((void *)files[0].data);
    repro_set_isa("best");
    if (t.records == 0) {
        printf("FAIL no vectors were checked\n");
        t.failed++;
    }
    printf("selftest: %u checks, %u failed; %" PRIu64 " records, %" PRIu64
           " values compared; ISAs:%s\n",
           t.checks, t.failed, t.records, t.values, ran);
    printf("%s\n", t.failed ? "selftest FAILED" : "selftest passed");
    int closed = 0;
    rc = cli_flush(&closed);
    if (t.failed)
        return cli_fail("selftest", "%u of %u checks FAILED: this build or machine does not "
                        "give the bits of contract rr1", t.failed, t.checks);
    return rc;
}
