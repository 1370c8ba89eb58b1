/* repro-rng bench: a quick throughput table of the bulk fills (each algorithm and
 * fill type, on one ISA).  The full benchmark with references is `make bench`. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int (*fill_fn)(repro_stream *s, void *out, size_t n);

#define ADAPT(name, ctype, words)                                                       \
    static int bench_##name(repro_stream *s, void *out, size_t n)                        \
    {                                                                                    \
        return repro_fill_##name(s, (ctype *)out, n);                                    \
    }
#define ENTRY(name, ctype, words) {#name, sizeof(ctype), bench_##name},
REPRO_FILLS(ADAPT)

static const struct {
    const char *name;
    size_t size;
    fill_fn fill;
} fills[] = {REPRO_FILLS(ENTRY)};

int cmd_bench(int argc, char **argv)
{
    char isa_help[256]; /* the names of repro_isa_name_at */
    size_t len = (size_t)snprintf(isa_help, sizeof isa_help, "ISA to measure:");
    for (size_t i = 0; i < repro_isa_count() && len < sizeof isa_help; i++)
        len += (size_t)snprintf(isa_help + len, sizeof isa_help - len, "%s %s", i ? "," : "",
                                repro_isa_name_at(i));
    if (len < sizeof isa_help)
        snprintf(isa_help + len, sizeof isa_help - len, " or best (default: the one in use)");
    cli_opt opts[] = {
        {"isa", "NAME", isa_help, NULL, 0},
        {"bytes", "N", "buffer size in bytes (default 65536: in cache)", NULL, 0},
        {"seconds", "S", "time per cell (default 0.05)", NULL, 0},
    };
    cli_spec spec = {"bench", "[options]",
                     "Prints GB/s and ns per value of each fill for each algorithm on one\n"
                     "ISA: the median of 5 timed rounds of --seconds each.  Numbers vary\n"
                     "with the machine's load; `make bench` in the source tree is the full\n"
                     "benchmark.",
                     opts, CLI_COUNT(opts), NULL, NULL};
    int rc = cli_parse(&spec, argc, argv);
    if (rc != CLI_OK)
        return rc == CLI_HELP_SHOWN ? CLI_OK : rc;
    const char *v;
    if ((v = cli_find(&spec, "isa")->value)) {
        int err = repro_set_isa(v);
        if (err != REPRO_OK)
            return cli_usage(&spec, "--isa '%s': %s", cli_quote(v), repro_strerror(err));
    }
    uint64_t bytes = 65536;
    double seconds = 0.05;
    if ((v = cli_find(&spec, "bytes")->value) &&
        (cli_parse_u64(v, &bytes) || bytes < 64 || bytes > ((uint64_t)1 << 32)))
        return cli_usage(&spec, "--bytes '%s': not an integer in 64..2^32", cli_quote(v));
    if ((v = cli_find(&spec, "seconds")->value) &&
        (cli_parse_double(v, &seconds) || !(seconds > 0 && seconds <= 60)))
        return cli_usage(&spec, "--seconds '%s': not a number in (0, 60]", cli_quote(v));

    void *buf = malloc((size_t)bytes);
    if (!buf)
        return cli_fail("bench", "out of memory");
    memset(buf, 0, (size_t)bytes);
    cli_printf("ISA %s, buffer %llu bytes, median of 5 x %.3g s\n", repro_isa_name(),
               (unsigned long long)bytes, seconds);
    cli_printf("%-16s %-12s %8s %10s\n", "algorithm", "fill", "GB/s", "ns/value");
    rc = cli_flush();
    for (int a = 1; a <= REPRO_ALGORITHM_COUNT && rc == CLI_OK; a++) {
        repro_stream s;
        repro_stream_init(&s, (repro_algorithm)a, repro_seed_from_u64(1));
        for (size_t f = 0; f < CLI_COUNT(fills) && rc == CLI_OK; f++) {
            size_t n = (size_t)bytes / fills[f].size;
            double rate[5];
            for (int r = 0; r < 5; r++) {
                uint64_t calls = 0;
                double t0 = cli_now(), t;
                do {
                    fills[f].fill(&s, buf, n);
                    calls++;
                } while ((t = cli_now() - t0) < seconds);
                rate[r] = (double)calls * (double)n / t; /* values per second */
            }
            for (int i = 1; i < 5; i++) /* insertion sort for the median */
                for (int j = i; j > 0 && rate[j] < rate[j - 1]; j--) {
                    double x = rate[j];
                    rate[j] = rate[j - 1];
                    rate[j - 1] = x;
                }
            cli_printf("%-16s %-12s %8.2f %10.3f\n", repro_algorithm_name((repro_algorithm)a),
                       fills[f].name, rate[2] * (double)fills[f].size * 1e-9, 1e9 / rate[2]);
            rc = cli_flush(); /* each row as soon as it is measured */
        }
    }
    free(buf);
    return rc;
}
