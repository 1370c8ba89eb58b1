/* Dispatch under threads: the first ISA resolution races between threads (nothing
 * touches dispatch before they start), one thread switches the ISA while the
 * others fill, and every fill still equals the scalar reference.  `make
 * check-tsan` runs this under ThreadSanitizer, which fails on any data race. */
#include "testutil.h"
#include "kernels/table.h"

#include <pthread.h>
#include <string.h>

#define N_WORKERS 4
#define N_ROUNDS 200
#define N_WORDS 1031 /* not a multiple of any group size: the scalar tail runs too */

static repro_seed worker_seed(int i)
{
    repro_seed s = {{0x9E3779B97F4A7C15u * (uint64_t)(i + 1), 1, 2, (uint64_t)i}};
    return s;
}

static void *worker(void *arg)
{
    int id = (int)(intptr_t)arg;
    repro_algorithm a = (repro_algorithm)(REPRO_PHILOX4X32 + id % REPRO_ALGORITHM_COUNT);
    repro_seed seed = worker_seed(id);
    static _Thread_local uint32_t got[N_WORDS + 8], want[N_WORDS + 8];
    repro_stream s;
    if (repro_stream_init(&s, a, seed) != REPRO_OK)
        return (void *)1;
    unsigned bw = repro_algorithm_block_words(a);
    for (int r = 0; r < N_ROUNDS; r++) {
        uint64_t pos = (uint64_t)r * 977u * bw; /* whole blocks: reference below */
        if (repro_fill_u32_at(&s, pos, got, N_WORDS) != REPRO_OK)
            return (void *)1;
        repro_isa_scalar.blocks[a](seed.w, pos / bw, (N_WORDS + bw - 1) / bw, want);
        if (memcmp(got, want, sizeof(uint32_t) * N_WORDS) != 0)
            return (void *)1;
        if (strlen(repro_isa_name()) == 0)
            return (void *)1;
    }
    return NULL;
}

static void *switcher(void *arg)
{
    (void)arg;
    const size_t count = repro_isa_count();
    for (int r = 0; r < 4 * N_ROUNDS; r++) {
        /* every known name, then "best" */
        size_t i = (size_t)r % (count + 1);
        const char *n = i < count ? repro_isa_name_at(i) : "best";
        int rc = repro_set_isa(n);
        if (rc != (repro_isa_supported(n) ? REPRO_OK : REPRO_ERR_ISA_UNSUPPORTED))
            return (void *)1;
    }
    return NULL;
}

static void test_threads(void **state)
{
    (void)state;
    pthread_t t[N_WORKERS + 1];
    for (int i = 0; i < N_WORKERS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, worker, (void *)(intptr_t)i), 0);
    assert_int_equal(pthread_create(&t[N_WORKERS], NULL, switcher, NULL), 0);
    for (int i = 0; i <= N_WORKERS; i++) {
        void *ret;
        assert_int_equal(pthread_join(t[i], &ret), 0);
        assert_null(ret);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_threads)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
