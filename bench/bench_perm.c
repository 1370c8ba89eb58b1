/* Throughput of the random-access permutation (target: >= 20 million indices per
 * second): repro_permutation_at over a run of consecutive indices, and
 * repro_permutation_fill of the same run (as a data-loader worker computes its shard),
 * for domain sizes from the best case (n = 2^k) to the worst (n = 2^k + 1: the domain
 * 2^(k+1) is almost 2n, so cycle walking evaluates the network about twice per index).
 * Usage: bench_perm [indices per case].  Rates are indices per second of processor
 * time (on a shared machine, time spent waiting for a core is not the library's). */
#include "repro_rng.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define TARGET_PER_S 20e6
#define BUF 4096

static double now_s(void) { return (double)clock() / CLOCKS_PER_SEC; }

int main(int argc, char **argv)
{
    const uint64_t count = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000000u;
    static const struct { const char *label; uint64_t n; } cases[] = {
        {"n = 2^20 (best case)", UINT64_C(1) << 20},
        {"n = 10^6", 1000000u},
        {"n = 2^20 + 1 (worst case)", (UINT64_C(1) << 20) + 1},
        {"n = 10^9", 1000000000u},
        {"n = 2^63 + 1 (worst case)", (UINT64_C(1) << 63) + 1},
        {"n = 2^64 - 1", UINT64_MAX},
    };
    static uint64_t buf[BUF];
    if (count == 0) {
        fprintf(stderr, "usage: bench_perm [indices per case > 0]\n");
        return 2;
    }
    double slowest[2] = {0, 0};
    uint64_t checksum = 0;
    puts("indices/s (M)                   at()     fill()");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        repro_permutation p;
        if (repro_permutation_init(&p, repro_seed_from_u64(c), cases[c].n) != REPRO_OK)
            return 1;
        const uint64_t len = count < cases[c].n ? count : cases[c].n;
        double rate[2];
        double t0 = now_s();
        for (uint64_t i = 0; i < len; i++)
            checksum += repro_permutation_at(&p, i);
        rate[0] = (double)len / (now_s() - t0);
        t0 = now_s();
        for (uint64_t i = 0; i < len; i += BUF) {
            const size_t k = len - i < BUF ? (size_t)(len - i) : BUF;
            if (repro_permutation_fill(&p, i, buf, k) != REPRO_OK)
                return 1;
            checksum -= buf[k - 1];
        }
        rate[1] = (double)len / (now_s() - t0);
        printf("%-28s %8.1f %10.1f\n", cases[c].label, rate[0] * 1e-6, rate[1] * 1e-6);
        for (int k = 0; k < 2; k++)
            if (c == 0 || rate[k] < slowest[k])
                slowest[k] = rate[k];
    }
    printf("slowest case: at() %.1f M/s, fill() %.1f M/s; target %.0f M/s: %s "
           "(checksum %016llx)\n", slowest[0] * 1e-6, slowest[1] * 1e-6, TARGET_PER_S * 1e-6,
           slowest[1] >= TARGET_PER_S ? "met by fill()" : "NOT met",
           (unsigned long long)checksum);
    return 0;
}
