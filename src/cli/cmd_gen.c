/* repro-rng gen: numbers from one stream, as text, hex or little-endian binary. */
#define _POSIX_C_SOURCE 200809L

#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How a value is stored and printed. */
typedef enum { V_U8, V_U32, V_U64, V_F32, V_F64 } value_kind;
static const size_t value_size[] = {1, 4, 8, 4, 8};

typedef struct {
    double d[2];
    uint64_t u;
} type_params;

typedef int (*fill_fn)(repro_stream *s, void *out, size_t n, const type_params *p);

typedef struct {
    const char *name;
    const char *params; /* "" or the parameter syntax after ':' ("N", "MEAN,SD") */
    value_kind kind;
    fill_fn fill;
    const char *help;
} gen_type;

/* Adapters from the library's fills to one signature, one body per shape. */
#define PLAIN(name, ctype, words)                                                     \
    static int fill_##name(repro_stream *s, void *out, size_t n, const type_params *p) \
    {                                                                                  \
        (void)p;                                                                       \
        return repro_fill_##name(s, (ctype *)out, n);                                  \
    }
#define BOUNDED(name, ctype)                                                          \
    static int fill_##name(repro_stream *s, void *out, size_t n, const type_params *p) \
    {                                                                                  \
        return repro_fill_##name(s, (ctype *)out, n, (ctype)p->u);                     \
    }
#define ONE_REAL(name, ctype)                                                         \
    static int fill_##name(repro_stream *s, void *out, size_t n, const type_params *p) \
    {                                                                                  \
        return repro_fill_##name(s, (ctype *)out, n, p->d[0]);                         \
    }
#define TWO_REALS(name)                                                               \
    static int fill_##name(repro_stream *s, void *out, size_t n, const type_params *p) \
    {                                                                                  \
        return repro_fill_##name(s, (double *)out, n, p->d[0], p->d[1]);               \
    }
REPRO_FILLS(PLAIN)
BOUNDED(bounded_u32, uint32_t)
BOUNDED(bounded_u64, uint64_t)
TWO_REALS(gaussian)
TWO_REALS(uniform)
TWO_REALS(gamma)
TWO_REALS(beta)
ONE_REAL(bernoulli, uint8_t)
ONE_REAL(poisson, uint64_t)

static int fill_binomial(repro_stream *s, void *out, size_t n, const type_params *p)
{
    return repro_fill_binomial(s, (uint64_t *)out, n, p->u, p->d[0]);
}

/* The help of each fill of REPRO_FILLS: one missing does not compile. */
#define HELP_u32 "32-bit word"
#define HELP_u64 "64-bit integer, low word first"
#define HELP_double "double in [0,1)"
#define HELP_double_oc "double in (0,1]"
#define HELP_double_oo "double in (0,1)"
#define HELP_float "float in [0,1)"
#define HELP_normal "standard normal"
#define HELP_exponential "exponential, rate 1"
#define WORDS_1 " (1 word)"
#define WORDS_2 " (2 words)"
#define PLAIN_TYPE(name, ctype, words)                                                   \
    {#name, "",                                                                          \
     _Generic((ctype)0, uint32_t: V_U32, uint64_t: V_U64, float: V_F32, double: V_F64),  \
     fill_##name, HELP_##name WORDS_##words},
static const gen_type types[] = {
    REPRO_FILLS(PLAIN_TYPE)
    {"bounded", "N", V_U32, fill_bounded_u32, "u32 in [0,N), N < 2^32, 0 = all (Lemire)"},
    {"bounded64", "N", V_U64, fill_bounded_u64, "u64 in [0,N), 0 = all (Lemire)"},
    {"gaussian", "MEAN,SD", V_F64, fill_gaussian, "normal with mean and stddev"},
    {"uniform", "A,B", V_F64, fill_uniform, "double in [A,B)"},
    {"bernoulli", "P", V_U8, fill_bernoulli, "1 with probability P, else 0"},
    {"gamma", "K,THETA", V_F64, fill_gamma, "gamma with shape K and scale THETA"},
    {"beta", "A,B", V_F64, fill_beta, "beta(A,B)"},
    {"poisson", "LAMBDA", V_U64, fill_poisson, "Poisson with mean LAMBDA"},
    {"binomial", "N,P", V_U64, fill_binomial, "binomial with N trials, probability P"},
};

typedef enum { F_TEXT, F_HEX, F_BINARY } out_format;

/* The i-th comma-separated name of a parameter syntax ("K,THETA", 1 -> "THETA"),
 * as a length and a pointer. */
static const char *param_name(const char *params, size_t i, int *len)
{
    while (i-- > 0)
        params = strchr(params, ',') + 1;
    *len = (int)strcspn(params, ",");
    return params;
}

/* Parses --type T, "name" or "name:params", into *t and *p: a usage error naming the
 * parameter that is wrong. */
static int parse_type(cli_spec *spec, const char *text, const gen_type **t, type_params *p)
{
    const char *colon = strchr(text, ':');
    size_t len = colon ? (size_t)(colon - text) : strlen(text);
    *t = NULL;
    for (size_t i = 0; i < CLI_COUNT(types); i++)
        if (strlen(types[i].name) == len && !strncmp(types[i].name, text, len))
            *t = &types[i];
    if (!*t)
        return cli_usage(spec, "--type '%s': not a type (see --list-types)", cli_quote(text));
    const char *params = (*t)->params, *name = (*t)->name;
    size_t want = *params ? 1 + (strchr(params, ',') != NULL) : 0, got = 0;
    for (const char *c = colon; c; c = strchr(c + 1, ','))
        got++;
    if (got != want)
        return want ? cli_usage(spec, "--type '%s': %s takes parameters, %s:%s",
                                cli_quote(text), name, name, params)
                    : cli_usage(spec, "--type '%s': %s takes no parameters", cli_quote(text),
                                name);
    if (!want)
        return CLI_OK;
    /* the integer N of bounded, bounded64 and binomial is p->u; reals are p->d[] */
    int int_first = params[0] == 'N';
    uint64_t max = !strcmp(name, "bounded") ? UINT32_MAX : UINT64_MAX;
    char *values = malloc(strlen(colon)), *v = values;
    if (!values)
        return cli_fail(spec->command, "out of memory");
    strcpy(values, colon + 1);
    int rc = CLI_OK;
    for (size_t i = 0; i < want && rc == CLI_OK; i++) {
        char *comma = strchr(v, ',');
        if (comma)
            *comma = '\0';
        int bad;
        const char *why;
        if (int_first && i == 0) {
            bad = cli_parse_u64(v, &p->u) || p->u > max;
            why = max == UINT32_MAX ? "not an integer in 0..2^32-1"
                                    : "not an integer in 0..2^64-1";
        } else {
            bad = cli_parse_double(v, &p->d[i - (size_t)int_first]);
            why = bad == CLI_OUT_OF_RANGE ? "beyond the range of a double" : "not a number";
        }
        if (bad) {
            int nlen;
            const char *pname = param_name(params, i, &nlen);
            rc = cli_usage(spec, "--type '%s': %.*s '%s' is %s", cli_quote(text), nlen, pname,
                           cli_quote(v), why);
        }
        v = comma ? comma + 1 : v;
    }
    free(values);
    return rc;
}

/* Appends the text or hex form of value i of buf to line; returns its length. */
static int format_value(char *line, size_t cap, value_kind k, out_format f, const void *buf,
                        size_t i)
{
    const unsigned char *b = (const unsigned char *)buf + i * value_size[k];
    uint64_t bits = 0;
    double d = 0;
    float x = 0;
    switch (k) {
    case V_U8: bits = *b; break;
    case V_U32: { uint32_t v; memcpy(&v, b, 4); bits = v; break; }
    case V_U64: memcpy(&bits, b, 8); break;
    case V_F32: { uint32_t v; memcpy(&x, b, 4); memcpy(&v, b, 4); bits = v; break; }
    case V_F64: memcpy(&d, b, 8); memcpy(&bits, b, 8); break;
    }
    if (f == F_HEX)
        return snprintf(line, cap, "%0*" PRIx64 "\n", (int)(2 * value_size[k]), bits);
    if (k == V_F64)
        return snprintf(line, cap, "%.17g\n", d);
    if (k == V_F32)
        return snprintf(line, cap, "%.9g\n", (double)x);
    return snprintf(line, cap, "%" PRIu64 "\n", bits);
}

static void list_types(void)
{
    cli_printf("types (--type):\n");
    for (size_t i = 0; i < CLI_COUNT(types); i++) {
        char head[40];
        snprintf(head, sizeof head, "%s%s%s", types[i].name, *types[i].params ? ":" : "",
                 types[i].params);
        cli_printf("  %-22s %s\n", head, types[i].help);
    }
}

/* --save-state FILE.  The state is written to a new file next to FILE, then renamed
 * over it (atomic): FILE holds either its old content or the whole new state, and
 * only once every value was written; when the output fails, FILE is left as it was,
 * a state of values that were written.  The probe finds an unusable FILE before
 * anything is generated. */

/* Creates "FILE.XXXXXX" (mkstemp); returns its descriptor and name (to free), or -1
 * after a message. */
static int checkpoint_temp(const char *path, char **name)
{
    size_t len = strlen(path);
    *name = malloc(len + 8);
    if (!*name)
        return cli_fail("gen", "out of memory"), -1;
    memcpy(*name, path, len);
    memcpy(*name + len, ".XXXXXX", 8);
    int fd = mkstemp(*name);
    if (fd < 0) {
        cli_fail("gen", "--save-state '%s': cannot create a file there: %s", cli_quote(path),
                 strerror(errno));
        free(*name);
    }
    return fd;
}

static int checkpoint_probe(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return cli_fail("gen", "--save-state '%s': is a directory", cli_quote(path));
    char *name;
    int fd = checkpoint_temp(path, &name);
    if (fd < 0)
        return CLI_RUNTIME;
    close(fd);
    unlink(name);
    free(name);
    return CLI_OK;
}

static int checkpoint_write(const char *path, const repro_stream *s)
{
    char text[REPRO_STATE_MAX + 1];
    int len = repro_stream_save(s, text, REPRO_STATE_MAX);
    if (len < 0)
        return cli_fail("gen", "cannot save the state: %s", repro_strerror(len));
    text[len++] = '\n';
    char *name;
    int fd = checkpoint_temp(path, &name);
    if (fd < 0)
        return CLI_RUNTIME;
    mode_t mask = umask(0); /* mkstemp's file is 0600; a checkpoint is a normal file */
    umask(mask);
    int ok = fchmod(fd, 0666 & ~mask) == 0 && write(fd, text, (size_t)len) == len &&
             fsync(fd) == 0;
    int err = errno;
    if (close(fd) != 0 && ok)
        ok = 0, err = errno;
    if (ok && rename(name, path) != 0)
        ok = 0, err = errno;
    if (!ok)
        unlink(name);
    free(name);
    return ok ? CLI_OK
              : cli_fail("gen", "--save-state '%s': cannot write the checkpoint: %s",
                         cli_quote(path), strerror(err));
}

enum { CHUNK = 4096 };

int cmd_gen(int argc, char **argv)
{
    cli_opt opts[] = {
        CLI_ALGORITHM_OPT,
        CLI_SEED_OPTS,
        {"state", "STATE", "start from a saved state rr1:... instead of seed options", NULL, 0},
        {"position", "N", "start at word N of the stream (default 0)", NULL, 0},
        {"count", "N", "how many values (default 10)", NULL, 0},
        {"type", "T", "value type (default u32); --list-types shows them all", NULL, 0},
        {"format", "F", "text (default; decimal, doubles %.17g), hex (the bits) or "
                        "binary (little-endian bytes)", NULL, 0},
        {"save-state", "FILE", "once every value is written, write the stream's state after "
                               "the last one to FILE (a new file renamed over it)", NULL, 0},
        {"list-types", NULL, "list the value types and exit (takes no other option)", NULL, 0},
    };
    cli_spec spec = {"gen", "[options]",
                     "Prints --count values drawn from the stream of a seed (and path),\n"
                     "starting at --position.  The values are fixed by contract rr1.",
                     opts, CLI_COUNT(opts), NULL, NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    if (cli_find(&spec, "list-types")->count) {
        if ((rc = cli_alone(&spec, "list-types")) == CLI_OK)
            list_types();
        return rc;
    }

    repro_stream s;
    const char *state = cli_find(&spec, "state")->value;
    const char *pos_text = cli_find(&spec, "position")->value;
    if (state) {
        if ((rc = cli_reject_seed_opts(&spec, "--state")) != CLI_OK)
            return rc;
        size_t off = 0;
        int err = repro_stream_load_ex(&s, state, &off);
        if (err != REPRO_OK)
            return cli_usage(&spec, "--state '%s': %s (at byte %zu)",
                             cli_quote_at(state, off, NULL), repro_strerror(err), off);
    } else {
        rc = cli_stream(&spec, &s);
        if (rc != CLI_OK)
            return rc;
        uint64_t pos = 0;
        if (pos_text && cli_parse_u64(pos_text, &pos))
            return cli_usage(&spec, "--position '%s': not a decimal integer in 0..2^64-1",
                             cli_quote(pos_text));
        repro_stream_seek(&s, pos);
    }

    uint64_t count = 10;
    const char *count_text = cli_find(&spec, "count")->value;
    if (count_text && cli_parse_u64(count_text, &count))
        return cli_usage(&spec, "--count '%s': not a decimal integer", cli_quote(count_text));

    const gen_type *t = &types[0];
    type_params params = {{0, 0}, 0};
    const char *type_text = cli_find(&spec, "type")->value;
    if (type_text && (rc = parse_type(&spec, type_text, &t, &params)) != CLI_OK)
        return rc;
    static uint64_t buf[CHUNK]; /* 8-byte aligned for every value kind */
    /* the library checks the parameters, on a draw from a copy: also for --count 0 */
    repro_stream probe = s;
    int err = t->fill(&probe, buf, 1, &params);
    if (err != REPRO_OK)
        return cli_usage(&spec, "--type '%s': %s", cli_quote(type_text ? type_text : t->name),
                         repro_strerror(err));

    out_format fmt = F_TEXT;
    const char *fmt_text = cli_find(&spec, "format")->value;
    if (fmt_text) {
        if (!strcmp(fmt_text, "hex"))
            fmt = F_HEX;
        else if (!strcmp(fmt_text, "binary"))
            fmt = F_BINARY;
        else if (strcmp(fmt_text, "text"))
            return cli_usage(&spec, "--format '%s': use text, hex or binary",
                             cli_quote(fmt_text));
    }
    const char *save = cli_find(&spec, "save-state")->value;
    if (save && (rc = checkpoint_probe(save)) != CLI_OK)
        return rc;

    static char text[CHUNK * 26];
    size_t size = value_size[t->kind];
    cli_progress progress;
    cli_progress_start(&progress, count, "values");
    for (uint64_t done = 0; done < count && !cli_output_failed();) {
        size_t n = count - done < CHUNK ? (size_t)(count - done) : CHUNK;
        if ((err = t->fill(&s, buf, n, &params)) != REPRO_OK)
            return cli_fail("gen", "--type '%s': %s", cli_quote(type_text ? type_text : t->name),
                            repro_strerror(err));
        if (fmt == F_BINARY) {
            cli_to_little_endian(buf, n, size);
            cli_write(buf, n * size);
        } else {
            size_t len = 0;
            for (size_t i = 0; i < n; i++)
                len += (size_t)format_value(text + len, sizeof text - len, t->kind, fmt, buf, i);
            cli_write(text, len);
        }
        done += n;
        cli_progress_update(&progress, done);
    }
    cli_progress_end(&progress);
    /* the checkpoint only once every value is written */
    if ((rc = cli_flush()) != CLI_OK || !save)
        return rc;
    return checkpoint_write(save, &s);
}
