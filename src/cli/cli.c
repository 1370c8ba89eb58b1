/* Option parsing, seed options, output and progress shared by the subcommands. */
#define _POSIX_C_SOURCE 200809L

#include "cli.h"
#include "seed/parse.h" /* repro_parse_decimal: the CLI's one internal interface */

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* "  head   text", the text wrapped at 79 columns under its first column. */
static void print_wrapped(const char *head, const char *text)
{
    enum { INDENT = 25, WIDTH = 79 };
    cli_printf("  %-22s", head);
    size_t col = strlen(head) > 22 ? 2 + strlen(head) : INDENT - 1;
    while (*text) {
        size_t word = strcspn(text, " ");
        if (col > INDENT - 1 && col + 1 + word > WIDTH) {
            cli_printf("\n%*s", INDENT - 1, "");
            col = INDENT - 1;
        }
        cli_printf(" %.*s", (int)word, text);
        col += 1 + word;
        text += word;
        text += strspn(text, " ");
    }
    cli_printf("\n");
}

static void print_help(const cli_spec *spec)
{
    cli_printf("usage: %s %s %s\n\n%s\n\noptions:\n", CLI_PROGRAM, spec->command,
               spec->synopsis, spec->description);
    for (size_t i = 0; i < spec->nopts; i++) {
        const cli_opt *o = &spec->opts[i];
        char head[64];
        snprintf(head, sizeof head, "--%s%s%s", o->name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
        print_wrapped(head, o->help);
    }
    cli_printf("  %-22s %s\n", "-h, --help", "show this help and exit");
    if (spec->positional_help)
        cli_printf("\n%s\n", spec->positional_help);
    cli_printf("\nexit status: 0 success, 1 runtime failure, 2 usage error.\n");
}

static void drain(void);

static int vreport(const char *command, int code, const char *fmt, va_list ap)
{
    drain(); /* what stdout has so far comes first on a shared terminal */
    fprintf(stderr, "%s %s: ", CLI_PROGRAM, command);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    return code;
}

int cli_usage(const cli_spec *spec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(spec->command, CLI_USAGE, fmt, ap);
    va_end(ap);
    fprintf(stderr, "try '%s %s --help'\n", CLI_PROGRAM, spec->command);
    return CLI_USAGE;
}

int cli_fail(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = vreport(command, CLI_RUNTIME, fmt, ap);
    va_end(ap);
    return rc;
}

cli_opt *cli_find(cli_spec *spec, const char *name)
{
    for (size_t i = 0; i < spec->nopts; i++)
        if (!strcmp(spec->opts[i].name, name))
            return &spec->opts[i];
    return NULL;
}

int cli_parse(cli_spec *spec, int argc, char **argv)
{
    int only_positional = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_positional && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
            print_help(spec);
            return CLI_HELP_SHOWN;
        }
        if (!only_positional && !strcmp(a, "--")) {
            only_positional = 1;
            continue;
        }
        if (only_positional || a[0] != '-' || a[1] == '\0') {
            if (!spec->positional_help)
                return cli_usage(spec, "unexpected argument '%s'", cli_quote(a));
            if (spec->positional)
                return cli_usage(spec, "only one argument expected, got '%s' too", cli_quote(a));
            spec->positional = a;
            continue;
        }
        if (a[1] != '-')
            return cli_usage(spec, "unknown option '%s'", cli_quote(a));
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        cli_opt *o = NULL;
        for (size_t k = 0; k < spec->nopts; k++)
            if (strlen(spec->opts[k].name) == len && !strncmp(spec->opts[k].name, name, len))
                o = &spec->opts[k];
        if (!o)
            return cli_usage(spec, "unknown option '%s'", cli_quote(a));
        if (o->count) /* "the last one wins" would silently drop the first */
            return cli_usage(spec, "option '--%s' given more than once", o->name);
        if (!o->arg) {
            if (eq)
                return cli_usage(spec, "option '--%s' takes no value", o->name);
            o->value = "";
        } else if (eq) {
            o->value = eq + 1;
        } else if (i + 1 < argc) {
            o->value = argv[++i];
        } else {
            return cli_usage(spec, "option '--%s' needs a value (%s)", o->name, o->arg);
        }
        o->count++;
    }
    return CLI_OK;
}

int cli_parse_u64(const char *s, uint64_t *out)
{
    uint64_t v;
    int overflow;
    size_t digits = repro_parse_decimal(s, SIZE_MAX, &v, &overflow);
    if (digits == 0 || s[digits] || overflow)
        return -1;
    *out = v;
    return 0;
}

int cli_parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    /* strtod skips leading blanks; the whole string must be the number */
    if (!*s || isspace((unsigned char)*s) || *end || v != v)
        return CLI_NOT_A_NUMBER;
    /* ERANGE also comes with a subnormal or zero result (underflow): that is a valid
     * value; only an infinite one (overflow, or "inf") is out of range. */
    if (v > DBL_MAX || v < -DBL_MAX)
        return CLI_OUT_OF_RANGE;
    *out = v;
    return 0;
}

/* ---- arguments in messages ------------------------------------------------------ */

enum { QUOTE_BYTES = 120 }; /* bytes of an argument shown at most */

/* The escaped form of byte c into out (room for 5 bytes); returns its length. */
static size_t escape_byte(unsigned char c, char *out)
{
    const char *named = c == '\\' ? "\\\\" : c == '\'' ? "\\'" : c == '\n' ? "\\n"
                      : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
    if (named) {
        memcpy(out, named, 2);
        return 2;
    }
    if (c >= 0x20 && c < 0x7f) {
        out[0] = (char)c;
        return 1;
    }
    return (size_t)snprintf(out, 5, "\\x%02x", c);
}

const char *cli_quote_at(const char *s, size_t at, size_t *col)
{
    static char bufs[CLI_QUOTES][3 + 4 * QUOTE_BYTES + 3 + 1];
    static unsigned next;
    char *out = bufs[next++ % CLI_QUOTES];
    size_t len = strlen(s), start = 0, stop = len, n = 0;
    if (at > len)
        at = len;
    if (len > QUOTE_BYTES) { /* a window with byte `at` in its first two thirds */
        if (at > QUOTE_BYTES * 2 / 3)
            start = at - QUOTE_BYTES * 2 / 3;
        if (start > len - QUOTE_BYTES)
            start = len - QUOTE_BYTES;
        stop = start + QUOTE_BYTES;
    }
    if (start > 0)
        n += (size_t)sprintf(out, "...");
    for (size_t i = start; i < stop; i++) {
        if (i == at && col)
            *col = n;
        n += escape_byte((unsigned char)s[i], out + n);
    }
    if (at == stop && col)
        *col = n;
    if (stop < len)
        n += (size_t)sprintf(out + n, "...");
    out[n] = '\0';
    return out;
}

const char *cli_quote(const char *s) { return cli_quote_at(s, 0, NULL); }

int cli_algorithm(cli_spec *spec, repro_algorithm *out)
{
    const cli_opt *o = cli_find(spec, "algorithm");
    const char *name = o && o->value ? o->value : "philox4x32-10";
    int rc = repro_algorithm_from_name(name, out);
    if (rc != REPRO_OK)
        return cli_usage(spec, "--algorithm '%s': %s", cli_quote(name), repro_strerror(rc));
    return CLI_OK;
}

int cli_seed(cli_spec *spec, repro_seed *out)
{
    const cli_opt *num = cli_find(spec, "seed"), *text = cli_find(spec, "seed-text"),
                  *hex = cli_find(spec, "seed-hex"), *path = cli_find(spec, "path");
    int given = (num->value != NULL) + (text->value != NULL) + (hex->value != NULL);
    if (given != 1)
        return cli_usage(spec, "give exactly one of --seed, --seed-text, --seed-hex");
    repro_seed root;
    if (num->value) {
        uint64_t v;
        if (cli_parse_u64(num->value, &v))
            return cli_usage(spec, "--seed '%s': not a decimal integer in 0..2^64-1",
                             cli_quote(num->value));
        root = repro_seed_from_u64(v);
    } else if (text->value) {
        root = repro_seed_from_string(text->value);
    } else {
        int rc = repro_seed_from_hex(hex->value, &root);
        if (rc != REPRO_OK)
            return cli_usage(spec, "--seed-hex '%s': %s", cli_quote(hex->value),
                             repro_strerror(rc));
    }
    if (!path->value) {
        *out = root;
        return CLI_OK;
    }
    size_t offset = 0;
    int rc = repro_seed_path_ex(root, path->value, out, &offset);
    if (rc != REPRO_OK)
        return cli_usage(spec, "--path '%s': %s (at byte %zu)",
                         cli_quote_at(path->value, offset, NULL), repro_strerror(rc), offset);
    return CLI_OK;
}

int cli_stream(cli_spec *spec, repro_stream *s)
{
    repro_algorithm a;
    repro_seed seed;
    int rc = cli_algorithm(spec, &a);
    if (rc == CLI_OK)
        rc = cli_seed(spec, &seed);
    if (rc == CLI_OK && repro_stream_init(s, a, seed) != REPRO_OK)
        rc = cli_fail(spec->command, "could not initialise the stream");
    return rc;
}

int cli_reject_seed_opts(cli_spec *spec, const char *what)
{
    static const char *const names[] = {"algorithm", "seed", "seed-text", "seed-hex", "path",
                                        "position"};
    for (size_t i = 0; i < CLI_COUNT(names); i++) {
        const cli_opt *o = cli_find(spec, names[i]);
        if (o && o->value)
            return cli_usage(spec, "%s and --%s exclude each other", what, names[i]);
    }
    return CLI_OK;
}

int cli_alone(cli_spec *spec, const char *name)
{
    if (!cli_find(spec, name)->count)
        return CLI_OK;
    for (size_t i = 0; i < spec->nopts; i++)
        if (spec->opts[i].count && strcmp(spec->opts[i].name, name))
            return cli_usage(spec, "--%s and --%s exclude each other", name,
                             spec->opts[i].name);
    if (spec->positional)
        return cli_usage(spec, "--%s and '%s' exclude each other", name,
                         cli_quote(spec->positional));
    return CLI_OK;
}

void cli_to_little_endian(void *buf, size_t n, size_t size)
{
    const uint16_t probe = 1;
    unsigned char first;
    memcpy(&first, &probe, 1);
    if (first == 1 || size == 1)
        return;
    for (size_t i = 0; i < n; i++) {
        unsigned char *v = (unsigned char *)buf + i * size;
        for (size_t a = 0, z = size - 1; a < z; a++, z--) {
            unsigned char t = v[a];
            v[a] = v[z];
            v[z] = t;
        }
    }
}

void cli_start(void)
{
    signal(SIGPIPE, SIG_IGN);
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++)
        if (fcntl(fd, F_GETFD) == -1 && errno == EBADF)
            open("/dev/null", O_RDONLY); /* the lowest free number: fd */
}

/* ---- standard output --------------------------------------------------------------- */

static struct {
    char buf[1 << 16];
    size_t len;
    int err;      /* errno of the first failed write; 0 while none failed */
    int reported; /* the failure was reported */
} out;

static void put(const char *p, size_t n)
{
    while (n > 0 && !out.err) {
        ssize_t w = write(STDOUT_FILENO, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            out.err = w < 0 ? errno : EIO;
        else
            p += w, n -= (size_t)w;
    }
}

static void drain(void)
{
    put(out.buf, out.len);
    out.len = 0;
}

void cli_write(const void *buf, size_t n)
{
    if (out.len + n > sizeof out.buf)
        drain();
    if (n >= sizeof out.buf) {
        put(buf, n);
    } else if (!out.err) {
        memcpy(out.buf + out.len, buf, n);
        out.len += n;
    }
}

void cli_vprintf(const char *fmt, va_list ap)
{
    char line[512];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    if (n < 0) {
        out.err = out.err ? out.err : errno;
    } else if ((size_t)n < sizeof line) {
        cli_write(line, (size_t)n);
    } else {
        char *big = malloc((size_t)n + 1);
        if (big) {
            vsnprintf(big, (size_t)n + 1, fmt, again);
            cli_write(big, (size_t)n);
        } else if (!out.err) {
            out.err = ENOMEM;
        }
        free(big);
    }
    va_end(again);
}

void cli_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vprintf(fmt, ap);
    va_end(ap);
}

int cli_output_failed(void) { return out.err != 0; }

int cli_flush(void)
{
    drain();
    if (!out.err)
        return CLI_OK;
    if (!out.reported)
        fprintf(stderr, "%s: cannot write to standard output: %s\n", CLI_PROGRAM,
                strerror(out.err));
    out.reported = 1;
    return CLI_RUNTIME;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void cli_progress_start(cli_progress *p, uint64_t total, const char *unit)
{
    p->enabled = isatty(STDERR_FILENO);
    p->shown = 0;
    p->last = cli_now();
    p->total = total;
    p->unit = unit;
}

void cli_progress_update(cli_progress *p, uint64_t done)
{
    if (!p->enabled)
        return;
    double now = cli_now();
    if (now - p->last < 1.0)
        return;
    p->last = now;
    p->shown = 1;
    if (p->total)
        fprintf(stderr, "\r%llu / %llu %s (%.0f%%)", (unsigned long long)done,
                (unsigned long long)p->total, p->unit, 100.0 * (double)done / (double)p->total);
    else
        fprintf(stderr, "\r%llu %s", (unsigned long long)done, p->unit);
    fflush(stderr);
}

void cli_progress_end(cli_progress *p)
{
    if (p->shown)
        fputs("\r\033[K", stderr);
}
