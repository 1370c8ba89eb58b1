/* Fisher-Yates shuffle (Durstenfeld's in-place form) with the stream's unbiased
 * bounded draws; the draw rule is in include/repro_rng.h. */
#include "core/algorithm.h"

#include <string.h>

/* Swaps two distinct elements through a small stack buffer: any size, no malloc. */
static void swap_elements(unsigned char *x, unsigned char *y, size_t size)
{
    if (size == 8) { /* the common case (indices, doubles): no memcpy calls */
        uint64_t a, b;
        memcpy(&a, x, 8);
        memcpy(&b, y, 8);
        memcpy(x, &b, 8);
        memcpy(y, &a, 8);
        return;
    }
    unsigned char tmp[64];
    while (size > 0) {
        const size_t chunk = size < sizeof tmp ? size : sizeof tmp;
        memcpy(tmp, x, chunk);
        memcpy(x, y, chunk);
        memcpy(y, tmp, chunk);
        x += chunk;
        y += chunk;
        size -= chunk;
    }
}

int repro_shuffle(repro_stream *s, void *base, size_t count, size_t size)
{
    if (!s || (!base && count > 0))
        return REPRO_ERR_NULL;
    if (!repro_algorithm_valid(s->algorithm_))
        return REPRO_ERR_ALGORITHM;
    if (size == 0 || (count > 0 && count > SIZE_MAX / size))
        return REPRO_ERR_ARG;
    unsigned char *const bytes = base;
    for (size_t i = count; i-- > 1;) {
        /* The bound i+1 decides the draw, never the width of size_t. */
        const uint64_t bound = (uint64_t)i + 1;
        const uint64_t j = bound <= UINT32_MAX ? repro_next_bounded_u32(s, (uint32_t)bound)
                                               : repro_next_bounded_u64(s, bound);
        if (j != i)
            swap_elements(bytes + i * size, bytes + (size_t)j * size, size);
    }
    return REPRO_OK;
}
