/* Monte Carlo random walks with OpenMP, bit-identical for any thread count and
 * schedule.
 *
 * Each walker owns a stream whose seed is child `i` of the root seed (contract
 * rr1 section 2): its steps depend only on (root seed, i), never on which thread runs
 * it or in which order.  Results go to one slot per walker, and the summary adds the
 * slots in walker order after the parallel loop: an OpenMP `reduction(+:...)` would
 * add in a thread-count-dependent order and change the last bits.
 *
 * build: cc -std=c11 -O2 -ffp-contract=off -fopenmp openmp_walk.c -lrepro_rng
 * run:   OMP_NUM_THREADS=4 OMP_SCHEDULE=dynamic ./openmp_walk [walkers [steps [seed]]]
 * Prints the mean squared displacement (about `steps` for N(0,1) steps), the mean
 * maximum excursion, and a hash of every walker's final position and excursion bits.
 * The thread count actually used goes to stderr so that stdout is comparable. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "repro_rng.h"

typedef struct {
    double final;   /* position after the last step */
    double maxdist; /* largest |position| along the way */
} walk_result;

static walk_result walk(repro_seed root, uint64_t index, long steps)
{
    repro_stream s;
    walk_result r = {0.0, 0.0};
    if (repro_stream_init(&s, REPRO_PHILOX4X32, repro_seed_child(root, index)) != REPRO_OK)
        abort();
    for (long k = 0; k < steps; k++) {
        r.final += repro_next_normal(&s);
        double d = r.final < 0 ? -r.final : r.final;
        if (d > r.maxdist)
            r.maxdist = d;
    }
    return r;
}

/* FNV-1a over the bits of each double, in walker order. */
static uint64_t hash_doubles(uint64_t h, double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    for (int i = 0; i < 8; i++) {
        h ^= (bits >> (8 * i)) & 0xff;
        h *= 0x100000001b3ULL;
    }
    return h;
}

int main(int argc, char **argv)
{
    long walkers = argc > 1 ? atol(argv[1]) : 2000;
    long steps = argc > 2 ? atol(argv[2]) : 1000;
    uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 42;
    if (walkers < 1 || steps < 1) {
        fprintf(stderr, "usage: openmp_walk [walkers [steps [seed]]] (both >= 1)\n");
        return 2;
    }
    walk_result *res = malloc((size_t)walkers * sizeof *res);
    if (!res)
        return 1;
    repro_seed root = repro_seed_from_u64(seed);
    int threads = 1;

    /* schedule(runtime): OMP_SCHEDULE picks static, dynamic or guided. */
#pragma omp parallel
    {
#ifdef _OPENMP
#pragma omp single
        threads = omp_get_num_threads();
#endif
#pragma omp for schedule(runtime)
        for (long i = 0; i < walkers; i++)
            res[i] = walk(root, (uint64_t)i, steps);
    }

    double sumsq = 0.0, summax = 0.0;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (long i = 0; i < walkers; i++) {
        sumsq += res[i].final * res[i].final;
        summax += res[i].maxdist;
        h = hash_doubles(hash_doubles(h, res[i].final), res[i].maxdist);
    }
    fprintf(stderr, "openmp_walk: %d threads\n", threads);
    printf("walkers %ld steps %ld seed %llu\n", walkers, steps, (unsigned long long)seed);
    printf("mean squared displacement %.17g\n", sumsq / (double)walkers);
    printf("mean maximum excursion %.17g\n", summax / (double)walkers);
    printf("hash %016llx\n", (unsigned long long)h);
    free(res);
    return 0;
}
