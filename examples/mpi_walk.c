/* Distributed Monte Carlo with MPI: 2-D Gaussian random walks whose result file is
 * bit-identical for any number of ranks.
 *
 * Walker i's seed is child i of the named seed "walkers" under the root; no seed,
 * counter or state is ever sent between ranks, so how the walkers are split among
 * ranks cannot change a bit.  Each walker draws all its steps with one bulk
 * repro_fill_normal (x and y interleaved), then integrates them in step order.
 * Rank 0 gathers the results in walker order and writes one line per walker
 * (index, final x and y, largest distance squared) in C99 hex-float notation, which
 * is exact, followed by a summary line.
 *
 * build: mpicc -std=c11 -O2 -ffp-contract=off mpi_walk.c -lrepro_rng
 * run:   mpirun -np 4 ./mpi_walk OUTFILE [walkers [steps [seed]]] */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "repro_rng.h"

enum { FIELDS = 3 }; /* x, y, largest x^2 + y^2 */

static int simulate(repro_seed walkers_seed, long first, long count, long steps,
                    double *out)
{
    double *xy = malloc((size_t)steps * 2 * sizeof *xy);
    if (!xy)
        return -1;
    for (long i = 0; i < count; i++) {
        repro_stream s;
        int rc = repro_stream_init(&s, REPRO_THREEFRY4X64,
                                   repro_seed_child(walkers_seed, (uint64_t)(first + i)));
        if (rc == REPRO_OK)
            rc = repro_fill_normal(&s, xy, (size_t)steps * 2);
        if (rc != REPRO_OK) {
            fprintf(stderr, "mpi_walk: %s\n", repro_strerror(rc));
            free(xy);
            return -1;
        }
        double x = 0.0, y = 0.0, far = 0.0;
        for (long k = 0; k < steps; k++) {
            x += xy[2 * k];
            y += xy[2 * k + 1];
            double d2 = x * x + y * y;
            if (d2 > far)
                far = d2;
        }
        out[FIELDS * i] = x;
        out[FIELDS * i + 1] = y;
        out[FIELDS * i + 2] = far;
    }
    free(xy);
    return 0;
}

static int write_results(const char *path, const double *all, long walkers, long steps,
                         int ranks)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    double sumsq = 0.0;
    for (long i = 0; i < walkers; i++) {
        const double *r = all + FIELDS * i;
        fprintf(f, "%ld %a %a %a\n", i, r[0], r[1], r[2]);
        sumsq += r[0] * r[0] + r[1] * r[1];
    }
    /* The rank count is reported on stderr, not in the file, which must not vary. */
    fprintf(f, "# walkers %ld steps %ld mean squared displacement %.17g\n", walkers, steps,
            sumsq / (double)walkers);
    fprintf(stderr, "mpi_walk: %d ranks wrote %s\n", ranks, path);
    return fclose(f);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int rank, ranks;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &ranks);
    long walkers = argc > 2 ? atol(argv[2]) : 1000;
    long steps = argc > 3 ? atol(argv[3]) : 1000;
    uint64_t seed = argc > 4 ? strtoull(argv[4], NULL, 10) : 42;
    if (argc < 2 || walkers < 1 || steps < 1) {
        if (rank == 0)
            fprintf(stderr, "usage: mpi_walk OUTFILE [walkers [steps [seed]]]\n");
        MPI_Finalize();
        return 2;
    }
    repro_seed walkers_seed;
    if (repro_seed_path(repro_seed_from_u64(seed), "walkers", &walkers_seed) != REPRO_OK)
        MPI_Abort(MPI_COMM_WORLD, 1);

    /* Rank r takes the contiguous block [walkers*r/ranks, walkers*(r+1)/ranks). */
    int *counts = malloc((size_t)ranks * sizeof *counts);
    int *displs = malloc((size_t)ranks * sizeof *displs);
    if (!counts || !displs)
        MPI_Abort(MPI_COMM_WORLD, 1);
    for (int r = 0; r < ranks; r++) {
        long lo = walkers * r / ranks, hi = walkers * (r + 1) / ranks;
        counts[r] = (int)((hi - lo) * FIELDS);
        displs[r] = (int)(lo * FIELDS);
    }
    long first = displs[rank] / FIELDS, count = counts[rank] / FIELDS;
    double *mine = malloc((size_t)(count > 0 ? count : 1) * FIELDS * sizeof *mine);
    double *all = rank == 0 ? malloc((size_t)walkers * FIELDS * sizeof *all) : NULL;
    if (!mine || (rank == 0 && !all) || simulate(walkers_seed, first, count, steps, mine))
        MPI_Abort(MPI_COMM_WORLD, 1);

    /* MPI_DOUBLE moves the 64 bits unchanged. */
    MPI_Gatherv(mine, counts[rank], MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, 0,
                MPI_COMM_WORLD);
    int rc = 0;
    if (rank == 0 && write_results(argv[1], all, walkers, steps, ranks) != 0) {
        fprintf(stderr, "mpi_walk: cannot write %s\n", argv[1]);
        rc = 1;
    }
    free(all);
    free(mine);
    free(counts);
    free(displs);
    MPI_Finalize();
    return rc;
}
