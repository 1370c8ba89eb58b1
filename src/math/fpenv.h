/* The floating-point environment the deterministic math needs, and the pinning of
 * work inside it: every module whose public entry points round (math, kernels'
 * arrays, stream, dist) brackets its work with these. */
#ifndef REPRO_MATH_FPENV_H
#define REPRO_MATH_FPENV_H

#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define REPRO_NOINLINE __attribute__((noinline))
#else
#define REPRO_NOINLINE
#endif

/* The floating-point environment.  Our bits assume IEEE round-to-nearest with
 * subnormals; a consumer linked with -ffast-math sets flush-to-zero at start-up, and
 * fesetround() changes the rounding.  Each public entry point that rounds or may meet
 * subnormals brackets its work with enter/leave, which restore the caller's modes.
 * The compiler knows nothing of the modes, so the work in between must be pinned
 * between the switches: a call that reads or writes memory (REPRO_NOINLINE with
 * pointer arguments, or a function pointer; the switches clobber memory), or, for a
 * function of registers only (which the optimiser may treat as const and move),
 * its argument and result passed through REPRO_FPENV_FENCE.  Elsewhere (no SSE2 on
 * x86, other architectures) the caller must keep the default environment. */
/* A compiler barrier (no instruction): no memory access crosses it. */
#define REPRO_FPENV_CLOBBER() __asm__ __volatile__("" : : : "memory")
#if defined(__SSE2__) && (defined(__x86_64__) || defined(__i386__))
#include <xmmintrin.h>
typedef unsigned repro_fpenv;
#define REPRO_FPENV_BITS 0xE040u /* MXCSR: FTZ (bit 15), rounding (13-14), DAZ (6) */
static inline repro_fpenv repro_fpenv_enter(void)
{
    unsigned csr = _mm_getcsr();
    if (csr & REPRO_FPENV_BITS)
        _mm_setcsr(csr & ~REPRO_FPENV_BITS);
    REPRO_FPENV_CLOBBER();
    return csr;
}
static inline void repro_fpenv_leave(repro_fpenv saved)
{
    REPRO_FPENV_CLOBBER();
    if (saved & REPRO_FPENV_BITS) /* keep the exception flags our work raised */
        _mm_setcsr((_mm_getcsr() & ~REPRO_FPENV_BITS) | (saved & REPRO_FPENV_BITS));
}
#elif defined(__aarch64__)
typedef uint64_t repro_fpenv;
#define REPRO_FPENV_BITS UINT64_C(0x01C00000) /* FPCR: FZ (bit 24), RMode (22-23) */
static inline repro_fpenv repro_fpenv_enter(void)
{
    uint64_t fpcr;
    __asm__ __volatile__("mrs %0, fpcr" : "=r"(fpcr));
    if (fpcr & REPRO_FPENV_BITS) {
        uint64_t want = fpcr & ~REPRO_FPENV_BITS;
        __asm__ __volatile__("msr fpcr, %0" : : "r"(want));
    }
    REPRO_FPENV_CLOBBER();
    return fpcr;
}
static inline void repro_fpenv_leave(repro_fpenv saved)
{
    REPRO_FPENV_CLOBBER();
    if (saved & REPRO_FPENV_BITS)
        __asm__ __volatile__("msr fpcr, %0" : : "r"(saved));
}
#else
typedef int repro_fpenv;
static inline repro_fpenv repro_fpenv_enter(void) { return 0; }
static inline void repro_fpenv_leave(repro_fpenv saved) { (void)saved; }
#endif
#ifdef REPRO_FPENV_BITS /* a guard exists: pin v between its switches */
#define REPRO_FPENV_FENCE(v) __asm__ __volatile__("" : "+m"(v))
#else
#define REPRO_FPENV_FENCE(v) ((void)0)
#endif

#endif
