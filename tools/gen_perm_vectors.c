/* Writes tests/vectors/perm.txt (`make perm-vectors`): permutation images and whole
 * shuffles of the current library.  Run once when the file was created; the file is
 * frozen since (a contract output), so rerunning must give the same bytes. */
#include "repro_rng.h"

#include <stdio.h>

static void put_seed(repro_seed s)
{
    char hex[65];
    repro_seed_to_hex(s, hex);
    fputs(hex, stdout);
}

int main(void)
{
    static const uint64_t ns[] = {1, 2, 3, 5, 8, 64, 65, 100, 1000,
                                  (UINT64_C(1) << 20) + 1, (UINT64_C(1) << 32) - 1,
                                  UINT64_C(1) << 32, (UINT64_C(1) << 32) + 1,
                                  UINT64_C(1) << 63, UINT64_MAX};
    static const size_t counts[] = {1, 2, 5, 10, 52, 200};
    const repro_seed seeds[2] = {repro_seed_from_u64(42), repro_seed_from_string("repro")};
    puts("# Permutation and shuffle vectors (include/repro_rng.h, contract rr1), written by\n"
         "# tools/gen_perm_vectors.c (make perm-vectors); frozen.  Checked by\n"
         "# tests/test_perm.c, and recomputed from the documented construction by the\n"
         "# independent tools/perm_ref.py (make check-perm-ref).\n"
         "# One record per line, fields separated by one space;\n"
         "# seeds as 64 hex digits, integers in decimal.\n"
         "#   perm <seed> <n> <i> <x>   p of (seed, n): repro_permutation_at(p, i) == x\n"
         "#                             and repro_permutation_inverse(p, x) == i\n"
         "#   shuffle <algorithm> <seed> <count> <position> <v0> ... <v(count-1)>\n"
         "#                             repro_shuffle of the u32 array 0, 1, ..., count-1\n"
         "#                             with a fresh stream (algorithm, seed): the result,\n"
         "#                             and the stream position after it");
    for (size_t k = 0; k < 2; k++)
        for (size_t j = 0; j < sizeof ns / sizeof ns[0]; j++) {
            const uint64_t n = ns[j];
            repro_permutation p;
            if (repro_permutation_init(&p, seeds[k], n) != REPRO_OK)
                return 1;
            /* the ends, the middle, and an index that depends on n */
            const uint64_t idx[5] = {0, 1, n / 2, n - 1,
                                     (n / 3) ^ UINT64_C(0x5555555555555555)};
            for (size_t t = 0; t < 5; t++) {
                const uint64_t i = idx[t] % n;
                int repeat = 0;
                for (size_t u = 0; u < t; u++)
                    repeat |= idx[u] % n == i;
                if (repeat)
                    continue;
                fputs("perm ", stdout);
                put_seed(seeds[k]);
                printf(" %llu %llu %llu\n", (unsigned long long)n, (unsigned long long)i,
                       (unsigned long long)repro_permutation_at(&p, i));
            }
        }
    for (int a = REPRO_PHILOX4X32; a <= REPRO_THREEFRY4X64; a += REPRO_THREEFRY4X64 - 1)
        for (size_t j = 0; j < sizeof counts / sizeof counts[0]; j++) {
            uint32_t v[200];
            repro_stream s;
            if (repro_stream_init(&s, (repro_algorithm)a, seeds[a == REPRO_PHILOX4X32 ? 0 : 1]))
                return 1;
            for (size_t k = 0; k < counts[j]; k++)
                v[k] = (uint32_t)k;
            if (repro_shuffle(&s, v, counts[j], sizeof v[0]) != REPRO_OK)
                return 1;
            printf("shuffle %s ", repro_algorithm_name((repro_algorithm)a));
            put_seed(repro_stream_seed(&s));
            printf(" %zu %llu", counts[j], (unsigned long long)repro_stream_tell(&s));
            for (size_t k = 0; k < counts[j]; k++)
                printf(" %u", (unsigned)v[k]);
            putchar('\n');
        }
    return 0;
}
