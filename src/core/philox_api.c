/* Public Philox block functions: argument checks around the inline reference. */
#include "repro_rng.h"
#include "core/philox.h"

#define REPRO_PHILOX_PUBLIC(N, W, KW)                                                    \
    int repro_philox##N##x##W(const uint##W##_t ctr[N], const uint##W##_t key[KW],      \
                              unsigned rounds, uint##W##_t out[N])                       \
    {                                                                                    \
        if (!ctr || !key || !out)                                                        \
            return REPRO_ERR_NULL;                                                       \
        if (rounds < 1 || rounds > REPRO_PHILOX_MAX_ROUNDS)                              \
            return REPRO_ERR_ROUNDS;                                                     \
        repro_philox##N##x##W##_block(ctr, key, rounds, out);                            \
        return REPRO_OK;                                                                 \
    }

REPRO_PHILOX_PUBLIC(2, 32, 1)
REPRO_PHILOX_PUBLIC(4, 32, 2)
REPRO_PHILOX_PUBLIC(2, 64, 1)
REPRO_PHILOX_PUBLIC(4, 64, 2)
