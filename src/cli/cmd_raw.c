/* repro-rng raw: the stream's u32 words as little-endian bytes on stdout, endless
 * by default, for statistical batteries (dieharder -g 200, PractRand stdin32).
 * --interleave K tests the derivation too: the words of children 0..K-1 of the
 * seed, word by word in turn. */
#include "cli.h"

#include <stdlib.h>

enum { WORDS = 16384, MAX_CHILDREN = 65536 };

int cmd_raw(int argc, char **argv)
{
    cli_opt opts[] = {
        CLI_ALGORITHM_OPT,
        CLI_SEED_OPTS,
        {"position", "N", "start every stream at word N (default 0)", NULL, 0},
        {"interleave", "K", "interleave the words of children 0..K-1 of the seed "
                            "(1..65536)", NULL, 0},
        {"bytes", "N", "stop after N bytes (default: endless)", NULL, 0},
    };
    cli_spec spec = {"raw", "[options] | dieharder -g 200 -a",
                     "Writes the stream's 32-bit words as little-endian bytes to standard\n"
                     "output until --bytes are written or the output fails: a reader that\n"
                     "closes the pipe ends it with status 1, as any write error does.\n"
                     "With --interleave K the output is word 0 of child 0, word 0 of child\n"
                     "1, ..., word 0 of child K-1, word 1 of child 0, ... (children by\n"
                     "index of the seed).",
                     opts, CLI_COUNT(opts), NULL, NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    repro_algorithm alg;
    repro_seed seed;
    if ((rc = cli_algorithm(&spec, &alg)) != CLI_OK || (rc = cli_seed(&spec, &seed)) != CLI_OK)
        return rc;
    uint64_t pos = 0, k = 1, limit = 0;
    const char *v;
    if ((v = cli_find(&spec, "position")->value) && cli_parse_u64(v, &pos))
        return cli_usage(&spec, "--position '%s': not a decimal integer in 0..2^64-1",
                         cli_quote(v));
    if ((v = cli_find(&spec, "interleave")->value) &&
        (cli_parse_u64(v, &k) || k < 1 || k > MAX_CHILDREN))
        return cli_usage(&spec, "--interleave '%s': not an integer in 1..%d", cli_quote(v),
                         MAX_CHILDREN);
    if ((v = cli_find(&spec, "bytes")->value) && cli_parse_u64(v, &limit))
        return cli_usage(&spec, "--bytes '%s': not a decimal integer", cli_quote(v));
    int endless = v == NULL;

    size_t nk = (size_t)k, per_child = WORDS / nk ? WORDS / nk : 1;
    repro_stream *streams = malloc(nk * sizeof *streams);
    uint32_t *words = malloc(nk * per_child * sizeof *words);
    uint32_t *child = malloc(per_child * sizeof *child);
    if (!streams || !words || !child) {
        free(streams), free(words), free(child);
        return cli_fail("raw", "out of memory");
    }
    for (size_t c = 0; c < nk; c++) {
        repro_seed cs = cli_find(&spec, "interleave")->value ? repro_seed_child(seed, c) : seed;
        repro_stream_init(&streams[c], alg, cs);
        repro_stream_seek(&streams[c], pos);
    }

    cli_progress progress;
    cli_progress_start(&progress, endless ? 0 : limit, "bytes");
    uint64_t written = 0;
    while (!cli_output_failed() && (endless || written < limit)) {
        for (size_t c = 0; c < nk; c++) {
            repro_fill_u32(&streams[c], child, per_child);
            for (size_t j = 0; j < per_child; j++)
                words[j * nk + c] = child[j];
        }
        size_t bytes = nk * per_child * sizeof *words;
        if (!endless && limit - written < bytes)
            bytes = (size_t)(limit - written);
        cli_to_little_endian(words, nk * per_child, sizeof *words);
        cli_write(words, bytes);
        written += bytes;
        cli_progress_update(&progress, written);
    }
    cli_progress_end(&progress);
    free(streams), free(words), free(child);
    return cli_flush();
}
