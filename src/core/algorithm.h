/* The range of repro_algorithm, for every module that takes one as an argument or
 * reads one from text. */
#ifndef REPRO_CORE_ALGORITHM_H
#define REPRO_CORE_ALGORITHM_H

#include "repro_rng.h"

/* 1 for the six valid repro_algorithm values. */
static inline int repro_algorithm_valid(uint32_t a)
{
    return a >= REPRO_PHILOX4X32 && a <= REPRO_THREEFRY4X64;
}

#endif
