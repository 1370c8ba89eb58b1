/* repro-rng: the command-line front end of librepro_rng.  Dispatches to the
 * subcommands of commands.def. */
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

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s COMMAND [options]\n\n"
            "Reproducible counter-based random numbers (contract rr%d): the same bits on\n"
            "every platform, compiler, SIMD level, thread count and process count.\n\n"
            "commands:\n",
            CLI_PROGRAM, REPRO_CONTRACT_VERSION);
    for (size_t i = 0; i < CLI_COUNT(commands); i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'%s COMMAND --help' describes a command; '%s --version' prints the\n"
               "library version.  Exit status: 0 success, 1 runtime failure, 2 usage error.\n",
            CLI_PROGRAM, CLI_PROGRAM);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            /* "help CMD" is "CMD --help" */
            char *args[] = {argv[2], "--help", NULL};
            for (size_t i = 0; i < CLI_COUNT(commands); i++)
                if (!strcmp(commands[i].name, argv[2]))
                    return commands[i].run(2, args);
            fprintf(stderr, "%s: unknown command '%s'\n", CLI_PROGRAM, argv[2]);
            return CLI_USAGE;
        }
        usage(stdout);
        return CLI_OK;
    }
    if (!strcmp(name, "--version")) {
        printf("%s %s (library %s, contract rr%d, ISA %s)\n", CLI_PROGRAM,
               REPRO_VERSION_STRING, repro_version(), REPRO_CONTRACT_VERSION,
               repro_isa_name());
        return CLI_OK;
    }
    for (size_t i = 0; i < CLI_COUNT(commands); i++)
        if (!strcmp(commands[i].name, name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s'\n\n", CLI_PROGRAM, name);
    usage(stderr);
    return CLI_USAGE;
}
