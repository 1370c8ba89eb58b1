/* Shared by the C benchmarks (bench_fill.c, bench_single.c): the seed every timed
 * stream starts from, the clock and the comparison their medians sort with.
 * Include after <time.h> with _POSIX_C_SOURCE >= 199309L (clock_gettime). */
#ifndef REPRO_BENCH_UTIL_H
#define REPRO_BENCH_UTIL_H

#include <stdint.h>
#include <time.h>

static const uint64_t seed_words[4] = {0xbdb95317e606846fu, 0xda8774065644afabu,
                                       0x5e181a00e1a00e09u, 0x2d0c83aec88fcd02u};

/* CPU time of this thread: on an idle machine the same as wall-clock time, on a
 * shared one it leaves out the time other processes hold the CPU (the rates
 * stay noisy there all the same: caches and a hyperthread sibling are shared). */
static inline double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* qsort order of doubles (the timings: no NaN). */
static inline int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#endif
