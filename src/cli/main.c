/* repro-rng: the command-line front end of librepro_rng.  Dispatches to the
 * subcommands of commands.def. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

typedef struct {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} command;

static const command commands[] = {
#define CLI_COMMAND(name, summary) {#name, summary, cmd_##name},
#include "commands.def"
#undef CLI_COMMAND
};

/* printf to standard output (the checked output of cli.h) or to stderr */
static void say(int to_stderr, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void say(int to_stderr, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (to_stderr)
        vfprintf(stderr, fmt, ap);
    else
        cli_vprintf(fmt, ap);
    va_end(ap);
}

static void usage(int to_stderr)
{
    say(to_stderr,
        "usage: %s COMMAND [options]\n\n"
        "Reproducible counter-based random numbers (contract rr%d): the same bits on\n"
        "every platform, compiler, SIMD level, thread count and process count.\n\n"
        "commands:\n",
        CLI_PROGRAM, REPRO_CONTRACT_VERSION);
    for (size_t i = 0; i < CLI_COUNT(commands); i++)
        say(to_stderr, "  %-10s %s\n", commands[i].name, commands[i].summary);
    say(to_stderr,
        "\n'%s COMMAND --help' describes a command; '%s --version' prints the\n"
        "library version.  Exit status: 0 success, 1 runtime failure, 2 usage error.\n",
        CLI_PROGRAM, CLI_PROGRAM);
}

static int unexpected_argument(const char *arg)
{
    fprintf(stderr, "%s: unexpected argument '%s'\ntry '%s --help'\n", CLI_PROGRAM,
            cli_quote(arg), CLI_PROGRAM);
    return CLI_USAGE;
}

static int unknown_command(const char *name)
{
    fprintf(stderr, "%s: unknown command '%s'\n\n", CLI_PROGRAM, cli_quote(name));
    usage(1);
    return CLI_USAGE;
}

static const command *find(const char *name)
{
    for (size_t i = 0; i < CLI_COUNT(commands); i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}

static int run(int argc, char **argv)
{
    if (argc < 2) {
        usage(1);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "help") && argc > 2) { /* "help CMD" is "CMD --help" */
        if (argc > 3)
            return unexpected_argument(argv[3]);
        char *args[] = {argv[2], "--help", NULL};
        const command *c = find(argv[2]);
        return c ? c->run(2, args) : unknown_command(argv[2]);
    }
    if (argc > 2 &&
        (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "--version")))
        return unexpected_argument(argv[2]);
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(0);
        return CLI_OK;
    }
    if (!strcmp(name, "--version")) {
        cli_printf("%s %s (library %s, contract rr%d, ISA %s)\n", CLI_PROGRAM,
                   REPRO_VERSION_STRING, repro_version(), REPRO_CONTRACT_VERSION,
                   repro_isa_name());
        return CLI_OK;
    }
    const command *c = find(name);
    return c ? c->run(argc - 1, argv + 1) : unknown_command(name);
}

int main(int argc, char **argv)
{
    cli_start();
    int rc = run(argc, argv);
    /* output not yet written goes now; a write error makes a success a failure */
    int out = cli_flush();
    return rc != CLI_OK ? rc : out;
}
