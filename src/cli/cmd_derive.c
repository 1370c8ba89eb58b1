/* repro-rng derive: the seed of a root and a path, as 64 hex digits (contract §2). */
#include "cli.h"

int cmd_derive(int argc, char **argv)
{
    cli_opt opts[] = {CLI_SEED_OPTS};
    cli_spec spec = {"derive", "(--seed N | --seed-text STR | --seed-hex HEX) [--path P]",
                     "Prints the seed named by a root seed and an optional path, as the\n"
                     "64 lowercase hex digits of contract rr1 section 2.  Path segments are\n"
                     "separated by '/': '#N' is the child with index N, anything else a\n"
                     "child by name (its bytes).",
                     opts, CLI_COUNT(opts), NULL, NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    repro_seed seed;
    rc = cli_seed(&spec, &seed);
    if (rc != CLI_OK)
        return rc;
    char hex[65];
    repro_seed_to_hex(seed, hex);
    cli_printf("%s\n", hex);
    return CLI_OK;
}
