/* What the stream offers the modules above it (src/dist/): the argument checks every
 * fill shares. */
#ifndef REPRO_STREAM_STREAM_H
#define REPRO_STREAM_STREAM_H

#include "repro_rng.h"

/* The argument checks of every fill, the stream's and the distributions': REPRO_ERR_NULL
 * (s NULL, or out NULL with n > 0), REPRO_ERR_ALGORITHM (s never initialised) or
 * REPRO_OK (src/stream/stream.c). */
int repro_fill_check(const repro_stream *s, const void *out, size_t n);

#endif
