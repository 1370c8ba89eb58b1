/* Shared pieces of the repro-rng command-line tool: option parsing, seed options,
 * number parsing and value output.  Each subcommand lives in its own cmd_*.c file
 * and is listed once in commands.def. */
#ifndef REPRO_CLI_H
#define REPRO_CLI_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "repro_rng.h"

/* Exit codes: 1 when running failed (a check failed, output could not be
 * written), 2 when the command line is wrong (unknown option, malformed value). */
enum { CLI_OK = 0, CLI_RUNTIME = 1, CLI_USAGE = 2 };
/* cli_parse's result when it printed --help: the command exits 0. */
#define CLI_HELP_SHOWN (-1)

#define CLI_PROGRAM "repro-rng"

typedef struct cli_opt {
    const char *name; /* long name without "--" */
    const char *arg;  /* value placeholder shown in --help; NULL for a flag */
    const char *help;
    /* set by cli_parse */
    const char *value; /* the last value given, NULL when absent */
    int count;         /* how many times given */
} cli_opt;

typedef struct cli_spec {
    const char *command;     /* "gen" */
    const char *synopsis;    /* shown after the command name in --help */
    const char *description; /* one paragraph, printed before the options */
    cli_opt *opts;
    size_t nopts;
    const char *positional_help; /* NULL: the command takes no positional argument */
    /* set by cli_parse */
    const char *positional;
} cli_spec;

/* The seed options shared by gen, derive, raw and state: put CLI_SEED_OPTS (and
 * CLI_ALGORITHM_OPT) in the command's option array, then call cli_seed or cli_stream. */
#define CLI_ALGORITHM_OPT                                                              \
    {"algorithm", "NAME", "stream algorithm (default philox4x32-10): philox4x32-10, "  \
                          "philox2x64-10, philox4x64-10, threefry2x64-20, "            \
                          "threefry4x32-20 or threefry4x64-20", NULL, 0}
#define CLI_SEED_OPTS                                                                  \
    {"seed", "N", "root seed from an integer 0..2^64-1", NULL, 0},                     \
    {"seed-text", "STR", "root seed from the bytes of a string", NULL, 0},             \
    {"seed-hex", "HEX", "root seed from its 64 hex digits", NULL, 0},                  \
    {"path", "P", "descend from the root along a path such as train/#3/dropout", NULL, 0}

#define CLI_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Parses argv[1..argc-1] (argv[0] is the command name) into spec.  Accepts
 * "--name value", "--name=value", "--help"/"-h" and "--" before positionals; an
 * option given twice is a usage error.
 * Returns CLI_OK, CLI_HELP_SHOWN (help printed on stdout) or CLI_USAGE (message
 * printed on stderr). */
int cli_parse(cli_spec *spec, int argc, char **argv);
cli_opt *cli_find(cli_spec *spec, const char *name);
/* Prints "repro-rng CMD: message" on stderr and returns CLI_USAGE / CLI_RUNTIME. */
int cli_usage(const cli_spec *spec, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
int cli_fail(const char *command, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Strict parsers: the whole string must be the number.  cli_parse_u64 returns 0 or
 * -1; cli_parse_double 0, CLI_NOT_A_NUMBER or CLI_OUT_OF_RANGE (beyond the largest
 * finite double, or infinite).  Subnormal values (strtod's ERANGE on underflow) are
 * valid numbers. */
enum { CLI_NOT_A_NUMBER = -1, CLI_OUT_OF_RANGE = -2 };
int cli_parse_u64(const char *s, uint64_t *out);
int cli_parse_double(const char *s, double *out);

/* An argument as shown in a message: printable ASCII as is, other bytes escaped
 * (\\, \', \n, \r, \t, \xNN), and when longer than a line a window of it with
 * "..." for the bytes left out, placed to show byte `at` (0: the start).  When col
 * is not NULL, *col is the column of byte `at` in the result.  The result is in one
 * of CLI_QUOTES static buffers used in turn: up to that many quotes per message. */
#define CLI_QUOTES 4
const char *cli_quote_at(const char *s, size_t at, size_t *col);
const char *cli_quote(const char *s);

/* The root seed from --seed/--seed-text/--seed-hex (exactly one required), then
 * --path.  Messages name the option and, for a path, the byte offset.  Returns
 * CLI_OK or CLI_USAGE. */
int cli_seed(cli_spec *spec, repro_seed *out);
/* --algorithm (default philox4x32-10).  Returns CLI_OK or CLI_USAGE. */
int cli_algorithm(cli_spec *spec, repro_algorithm *out);
/* cli_algorithm + cli_seed + repro_stream_init. */
int cli_stream(cli_spec *spec, repro_stream *s);

/* When a saved state (named `what` in the message) fixes the stream: a usage error
 * naming the first of --algorithm, --seed, --seed-text, --seed-hex, --path and
 * --position that was given, else CLI_OK. */
int cli_reject_seed_opts(cli_spec *spec, const char *what);
/* When option `name` (a flag that does all the command does, such as a listing) was
 * given with another option or an argument: a usage error naming both, else CLI_OK. */
int cli_alone(cli_spec *spec, const char *name);

/* Standard output, buffered here rather than by stdio so that the errno of a failed
 * write is kept.  Every write error (a full disk, a closed stdout, a pipe whose
 * reader has gone: SIGPIPE is ignored) is one rule: the first one is remembered,
 * later output is dropped, and cli_flush reports it once on stderr ("cannot write to
 * standard output: <strerror>") and returns CLI_RUNTIME. */
void cli_write(const void *buf, size_t n);
void cli_printf(const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
void cli_vprintf(const char *fmt, va_list ap);
/* 1 once a write failed: long outputs stop there. */
int cli_output_failed(void);
/* Writes out what is buffered.  Returns CLI_OK or CLI_RUNTIME (after the message). */
int cli_flush(void);
/* Reorders n values of size bytes each in place so that each is little-endian
 * (binary output is little-endian whatever the host); a no-op on little-endian. */
void cli_to_little_endian(void *buf, size_t n, size_t size);
/* Called first by main: ignores SIGPIPE, and gives a closed stdin, stdout or stderr a
 * read-only /dev/null descriptor, so that writing to it fails (EBADF) and no file
 * the command opens takes its number. */
void cli_start(void);

/* Progress on stderr, only when stderr is a terminal, at most about once a second. */
typedef struct cli_progress {
    int enabled;
    int shown; /* a progress line is on the terminal */
    double last;
    uint64_t total; /* 0: unknown (endless output) */
    const char *unit;
} cli_progress;
void cli_progress_start(cli_progress *p, uint64_t total, const char *unit);
void cli_progress_update(cli_progress *p, uint64_t done);
void cli_progress_end(cli_progress *p);
/* Monotonic seconds. */
double cli_now(void);

#endif
