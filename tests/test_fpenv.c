/* The caller's floating-point environment cannot change our bits: a program linked
 * with -ffast-math runs with flush-to-zero and denormals-are-zero, and fesetround()
 * changes the rounding.  Every floating-point entry point is run in the default
 * environment and again in a hostile one (FTZ + DAZ + round upward); the results must
 * be identical and the caller's modes restored afterwards. */
#include "testutil.h"

#include <string.h>

#if defined(__SSE2__) && (defined(__x86_64__) || defined(__i386__))
#include <xmmintrin.h>
#define HAVE_HOSTILE 1
typedef unsigned fpmode;
static fpmode get_mode(void) { return _mm_getcsr() & 0xE040u; }
/* FTZ (bit 15), DAZ (bit 6), rounding toward +inf (bits 13-14 = 10) */
static fpmode set_hostile(void)
{
    unsigned old = _mm_getcsr();
    _mm_setcsr((old & ~0xE040u) | 0x8000u | 0x0040u | 0x4000u);
    return old;
}
static void restore(fpmode old) { _mm_setcsr(old); }
#elif defined(__aarch64__)
#define HAVE_HOSTILE 1
typedef uint64_t fpmode;
static uint64_t fpcr(void)
{
    uint64_t v;
    __asm__ __volatile__("mrs %0, fpcr" : "=r"(v));
    return v;
}
static fpmode get_mode(void) { return fpcr() & UINT64_C(0x01C00000); }
/* FZ (bit 24), rounding toward +inf (RMode = 01) */
static fpmode set_hostile(void)
{
    uint64_t old = fpcr(), v = (old & ~UINT64_C(0x01C00000)) | (UINT64_C(1) << 24) |
                               (UINT64_C(1) << 22);
    __asm__ __volatile__("msr fpcr, %0" : : "r"(v));
    return old;
}
static void restore(fpmode old) { __asm__ __volatile__("msr fpcr, %0" : : "r"(old)); }
#else
#define HAVE_HOSTILE 0
#endif

#define N 512
#define DRAWS 64

#if HAVE_HOSTILE
/* Everything the library computes in floating point, into one byte buffer. */
static void compute(unsigned char *buf)
{
    repro_stream s;
    double d[N];
    uint64_t u[N];
    size_t off = 0;
#define PUT(x) (memcpy(buf + off, &(x), sizeof(x)), off += sizeof(x))
    assert_int_equal(repro_stream_init(&s, REPRO_PHILOX4X32, repro_seed_from_u64(7)), REPRO_OK);
    assert_int_equal(repro_fill_gamma(&s, d, N, 0.05, 1.0), REPRO_OK);
    PUT(d);
    assert_int_equal(repro_fill_beta(&s, d, N, 0.1, 0.1), REPRO_OK);
    PUT(d);
    assert_int_equal(repro_fill_normal(&s, d, N), REPRO_OK);
    PUT(d);
    assert_int_equal(repro_fill_exponential(&s, d, N), REPRO_OK);
    PUT(d);
    assert_int_equal(repro_fill_gaussian(&s, d, N, 1.0 / 3.0, 0.7), REPRO_OK);
    PUT(d);
    assert_int_equal(repro_fill_uniform(&s, d, N, -1.0 / 3.0, 2.0 / 7.0), REPRO_OK);
    PUT(d);
    assert_int_equal(repro_fill_binomial(&s, u, N, 1000, 0.3), REPRO_OK);
    PUT(u);
    assert_int_equal(repro_fill_poisson(&s, u, N, 123.4), REPRO_OK);
    PUT(u);
    /* constants only: arithmetic here would itself run in the caller's modes */
    const double x[] = {4.9406564584124654e-324, 2.2250738585072009e-308, 0.1, 3.0};
    const double ex[] = {-700.1, -708.9, -744.0, 1.0 / 3.0};
    const double qx[] = {4.9406564584124654e-324, 1e-300, 0.1, 0.975};
    for (size_t i = 0; i < 4; i++) {
        double l = repro_math_log(x[i]), e = repro_math_exp(ex[i]);
        double q = repro_math_inv_normal_cdf(qx[i]);
        PUT(l);
        PUT(e);
        PUT(q);
    }
    /* Single draws: (0,1) doubles round (v + 1/2 is a tie once v >= 2^52), so each
     * has a 1 in 4 chance to differ under upward rounding if computed there. */
    for (int i = 0; i < DRAWS; i++) {
        double oo = repro_next_double_oo(&s), nn = repro_next_normal(&s);
        double ne = repro_next_exponential(&s), du = repro_next_double(&s);
        float f = repro_next_float(&s);
        PUT(oo);
        PUT(nn);
        PUT(ne);
        PUT(du);
        PUT(f);
    }
#undef PUT
}

#define BUF (8 * N * 8 + 12 * 8 + DRAWS * (4 * 8 + 4))
#endif

static void test_hostile_environment(void **state)
{
    (void)state;
#if HAVE_HOSTILE
    static unsigned char ref[BUF], got[BUF];
    compute(ref);
    fpmode old = set_hostile();
    fpmode hostile = get_mode();
    compute(got);
    fpmode after = get_mode();
    restore(old);
    assert_true(hostile != get_mode()); /* the hostile modes really were set */
    assert_true(after == hostile);      /* and the library gave them back */
    assert_memory_equal(ref, got, BUF);
#else
    skip(); /* no FTZ/rounding guard on this architecture (documented) */
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_hostile_environment)};
    return cmocka_run_group_tests_name("fpenv", tests, NULL, NULL);
}
