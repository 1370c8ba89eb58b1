/* Public Threefry block functions: argument checks around the inline reference. */
#include "repro_rng.h"
#include "core/threefry.h"

#define REPRO_THREEFRY_PUBLIC(N, W)                                                      \
    int repro_threefry##N##x##W(const uint##W##_t ctr[N], const uint##W##_t key[N],     \
                                unsigned rounds, uint##W##_t out[N])                     \
    {                                                                                    \
        if (!ctr || !key || !out)                                                        \
            return REPRO_ERR_NULL;                                                       \
        if (rounds < 1 || rounds > REPRO_THREEFRY_MAX_ROUNDS)                            \
            return REPRO_ERR_ROUNDS;                                                     \
        repro_threefry##N##x##W##_block(ctr, key, rounds, out);                          \
        return REPRO_OK;                                                                 \
    }

REPRO_THREEFRY_PUBLIC(2, 32)
REPRO_THREEFRY_PUBLIC(4, 32)
REPRO_THREEFRY_PUBLIC(2, 64)
REPRO_THREEFRY_PUBLIC(4, 64)
