/* repro-rng state: makes a saved state (contract §4) from seed options, or checks
 * and describes a given one. */
#include "cli.h"

#include <inttypes.h>
#include <string.h>

/* Describes a valid state: its fields and the next words it yields. */
static void describe(const repro_stream *s)
{
    char text[REPRO_STATE_MAX], hex[65];
    repro_stream_save(s, text, sizeof text);
    repro_seed_to_hex(repro_stream_seed(s), hex);
    cli_printf("state:     %s\nalgorithm: %s\nseed:      %s\nposition:  %" PRIu64 "\n", text,
               repro_algorithm_name(repro_stream_algorithm(s)), hex, repro_stream_tell(s));
    uint32_t next[4];
    repro_fill_u32_at(s, repro_stream_tell(s), next, 4);
    cli_printf("next u32:  %08" PRIx32 " %08" PRIx32 " %08" PRIx32 " %08" PRIx32 "\n", next[0],
               next[1], next[2], next[3]);
}

int cmd_state(int argc, char **argv)
{
    cli_opt opts[] = {
        CLI_ALGORITHM_OPT,
        CLI_SEED_OPTS,
        {"position", "N", "position of the state made from seed options (default 0)", NULL,
         0},
        {"quiet", NULL, "with STATE: print nothing, only set the exit status", NULL, 0},
    };
    cli_spec spec = {"state", "[STATE | seed options [--position N]]",
                     "With a STATE argument (rr1:<algorithm>:<seed hex>:<position>): checks\n"
                     "it and prints its fields and the next four words; an invalid state\n"
                     "is reported with the byte where it goes wrong (exit status 1).\n"
                     "Without one: prints the saved state of the stream that the seed\n"
                     "options and --position name.",
                     opts, CLI_COUNT(opts),
                     "STATE: a saved state such as rr1:philox4x32-10:<64 hex digits>:1024",
                     NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    int quiet = cli_find(&spec, "quiet")->count > 0;
    repro_stream s;

    if (spec.positional) {
        if ((rc = cli_reject_seed_opts(&spec, "STATE")) != CLI_OK)
            return rc;
        size_t off = 0;
        int err = repro_stream_load_ex(&s, spec.positional, &off);
        if (err != REPRO_OK) {
            size_t col = 0; /* the caret goes under byte off of the escaped excerpt */
            const char *shown = cli_quote_at(spec.positional, off, &col);
            if (!quiet)
                cli_fail("state", "invalid state: %s (at byte %zu)\n  %s\n  %*s^",
                         repro_strerror(err), off, shown, (int)col, "");
            return CLI_RUNTIME;
        }
        if (!quiet)
            describe(&s);
        return CLI_OK;
    }
    if (quiet)
        return cli_usage(&spec, "--quiet needs a STATE argument");
    if ((rc = cli_stream(&spec, &s)) != CLI_OK)
        return rc;
    uint64_t pos = 0;
    const char *v = cli_find(&spec, "position")->value;
    if (v && cli_parse_u64(v, &pos))
        return cli_usage(&spec, "--position '%s': not a decimal integer in 0..2^64-1",
                         cli_quote(v));
    repro_stream_seek(&s, pos);
    char text[REPRO_STATE_MAX];
    if (repro_stream_save(&s, text, sizeof text) < 0)
        return cli_fail("state", "cannot save the state");
    cli_printf("%s\n", text);
    return CLI_OK;
}
