/* The range of repro_algorithm, for every module that takes one as an argument or
 * reads one from text. */
#ifndef REPRO_CORE_ALGORITHM_H
#define REPRO_CORE_ALGORITHM_H

#include "repro_rng.h"

/* 1 for the valid repro_algorithm values, 1 .. REPRO_ALGORITHM_COUNT. */
static inline int repro_algorithm_valid(uint32_t a)
{
    return a >= 1 && a <= REPRO_ALGORITHM_COUNT;
}

#endif
