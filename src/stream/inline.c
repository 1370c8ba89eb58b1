/* The library's external definitions of the single draws that include/repro_rng.h
 * defines inline: what function pointers (ctypes) and builds that do not inline
 * call.  The header's own bodies, so the two cannot differ. */
#define REPRO_INLINE_EXTERNAL_
#include "repro_rng.h"

/* numpy's callbacks: the same draws, inlined here with their NULL check dropped, since
 * numpy passes the state it was given (a stream), never NULL. */
static repro_stream *stream_of(void *state)
{
#if defined(__GNUC__)
    if (!state)
        __builtin_unreachable();
#endif
    return state;
}

uint64_t repro_bitgen_next_u64(void *state) { return repro_next_u64(stream_of(state)); }
uint32_t repro_bitgen_next_u32(void *state) { return repro_next_u32(stream_of(state)); }
double repro_bitgen_next_double(void *state) { return repro_next_double(stream_of(state)); }
