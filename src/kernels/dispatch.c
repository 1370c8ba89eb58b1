/* Run-time ISA selection.  The choice is one atomic pointer to a constant table:
 * the first reader resolves it (REPRO_RNG_ISA, else the best the CPU supports)
 * and publishes it with a compare-and-swap, so racing first readers all adopt
 * one choice; repro_set_isa replaces it with an atomic store.  A reader never
 * sees anything but a complete table, and every table gives the same bits. */
#include "kernels/table.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kernel tables of src/kernels/simd/, present when the Makefile built them. */
#ifdef REPRO_HAVE_SSE2
extern const repro_isa_table repro_isa_sse2;
#endif
#ifdef REPRO_HAVE_AVX2
extern const repro_isa_table repro_isa_avx2;
#endif
#ifdef REPRO_HAVE_AVX512
extern const repro_isa_table repro_isa_avx512;
#endif
#ifdef REPRO_HAVE_NEON
extern const repro_isa_table repro_isa_neon;
#endif

/* Every ISA the library knows, once: X(ID, name) (repro_isa_name_at).  Also the
 * preference order within an architecture: later is faster.  An ISA is this entry, its
 * table (src/kernels/simd/<name>.c, built when the Makefile's SIMD_ISAS has it) in
 * `built` below and its CPU check. */
#define ISAS(X)                                                                          \
    X(SCALAR, "scalar") X(SSE2, "sse2") X(AVX2, "avx2") X(AVX512, "avx512") X(NEON, "neon")
#define ISA_ID(ID, name) ISA_##ID,
#define ISA_NAME(ID, name) name,
enum { ISAS(ISA_ID) ISA_COUNT };
static const char *const isa_names[ISA_COUNT] = {ISAS(ISA_NAME)};
#undef ISA_ID
#undef ISA_NAME

size_t repro_isa_count(void) { return ISA_COUNT; }

const char *repro_isa_name_at(size_t i) { return i < ISA_COUNT ? isa_names[i] : NULL; }

#if (defined(REPRO_HAVE_AVX2) || defined(REPRO_HAVE_AVX512)) && !defined(__x86_64__)
#error "the AVX kernels need x86-64 (their CPU check is CPUID + XGETBV there)"
#endif
#if defined(__x86_64__) && (defined(REPRO_HAVE_AVX2) || defined(REPRO_HAVE_AVX512))
#include <cpuid.h>

/* XCR0: which register states the OS saves on a context switch. */
static uint64_t xgetbv0(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (uint64_t)hi << 32 | lo;
}

/* The instructions need the CPU's CPUID bits and the OS's XCR0 bits: SSE and
 * AVX state (bits 1, 2) for AVX2, plus opmask and ZMM state (5, 6, 7) for
 * AVX-512.  Returns a mask of 1 << ISA_*. */
static int x86_detect(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_OSXSAVE) || !(c & bit_AVX))
        return 0;
    uint64_t xcr0 = xgetbv0();
    if ((xcr0 & 0x6) != 0x6 || !__get_cpuid_count(7, 0, &a, &b, &c, &d))
        return 0;
    const unsigned avx512 = bit_AVX512F | bit_AVX512DQ | bit_AVX512BW | bit_AVX512VL;
    return ((b & bit_AVX2) ? 1 << ISA_AVX2 : 0) |
           ((xcr0 & 0xE0) == 0xE0 && (b & avx512) == avx512 ? 1 << ISA_AVX512 : 0);
}

/* CPUID traps in many virtual machines (microseconds): detect once.  Racing
 * first callers store the same value. */
static int x86_has(int isa)
{
    static atomic_int features = -1;
    int f = atomic_load_explicit(&features, memory_order_relaxed);
    if (f < 0) {
        f = x86_detect();
        atomic_store_explicit(&features, f, memory_order_relaxed);
    }
    return (f >> isa) & 1;
}
#endif

/* The tables this build has (the others NULL). */
static const repro_isa_table *const built[ISA_COUNT] = {
    [ISA_SCALAR] = &repro_isa_scalar,
#ifdef REPRO_HAVE_SSE2
    [ISA_SSE2] = &repro_isa_sse2, /* part of x86-64 */
#endif
#ifdef REPRO_HAVE_AVX2
    [ISA_AVX2] = &repro_isa_avx2,
#endif
#ifdef REPRO_HAVE_AVX512
    [ISA_AVX512] = &repro_isa_avx512,
#endif
#ifdef REPRO_HAVE_NEON
    [ISA_NEON] = &repro_isa_neon, /* part of AArch64 */
#endif
};

const repro_isa_table *repro_isa_built(size_t i) { return i < ISA_COUNT ? built[i] : NULL; }

/* The table of an ISA when this build has it and this CPU runs it, else NULL. */
static const repro_isa_table *isa_table(int isa)
{
#if defined(__x86_64__) && (defined(REPRO_HAVE_AVX2) || defined(REPRO_HAVE_AVX512))
    if ((isa == ISA_AVX2 || isa == ISA_AVX512) && !x86_has(isa))
        return NULL;
#endif
    return built[isa];
}

static const repro_isa_table *best_table(void)
{
    for (int isa = ISA_COUNT - 1; isa > ISA_SCALAR; isa--)
        if (isa_table(isa))
            return isa_table(isa);
    return &repro_isa_scalar;
}

/* ISA index of a name, or -1. */
static int isa_index(const char *name)
{
    for (int isa = 0; isa < ISA_COUNT; isa++)
        if (!strcmp(name, isa_names[isa]))
            return isa;
    return -1;
}

const repro_isa_table *repro_isa_lookup(const char *name)
{
    int isa = name ? isa_index(name) : -1;
    return isa < 0 ? NULL : isa_table(isa);
}

static _Atomic(const repro_isa_table *) active;

const repro_isa_table *repro_isa_active(void)
{
    const repro_isa_table *t = atomic_load_explicit(&active, memory_order_acquire);
    if (t)
        return t;
    const char *env = getenv("REPRO_RNG_ISA");
    const int given = env && *env && strcmp(env, "best") != 0;
    if (given)
        t = repro_isa_lookup(env);
    if (!t)
        t = best_table();
    const repro_isa_table *expected = NULL;
    if (!atomic_compare_exchange_strong_explicit(&active, &expected, t, memory_order_acq_rel,
                                                 memory_order_acquire))
        return expected; /* another thread chose first (and reported any problem) */
    if (given && strcmp(env, t->name) != 0) {
        fprintf(stderr, "repro_rng: REPRO_RNG_ISA=%s: ", env);
        if (isa_index(env) < 0) {
            fputs("unknown ISA (", stderr);
            for (int isa = 0; isa < ISA_COUNT; isa++)
                fprintf(stderr, "%s|", isa_names[isa]);
            fputs("best)", stderr);
        } else {
            fputs("not supported by this CPU or build", stderr);
        }
        fprintf(stderr, "; using %s\n", t->name);
    }
    return t;
}

int repro_isa_supported(const char *name)
{
    return name && (!strcmp(name, "best") || repro_isa_lookup(name) != NULL);
}

int repro_set_isa(const char *name)
{
    if (!name)
        return REPRO_ERR_NULL;
    const repro_isa_table *t = strcmp(name, "best") ? repro_isa_lookup(name) : best_table();
    if (!t)
        return isa_index(name) < 0 ? REPRO_ERR_ISA_UNKNOWN : REPRO_ERR_ISA_UNSUPPORTED;
    atomic_store_explicit(&active, t, memory_order_release);
    return REPRO_OK;
}

const char *repro_isa_name(void) { return repro_isa_active()->name; }
