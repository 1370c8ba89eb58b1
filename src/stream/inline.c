/* The library's external definitions of the single draws that include/repro_rng.h
 * defines inline: what function pointers (numpy's bit generator, ctypes) and builds
 * that do not inline call.  The header's own bodies, so the two cannot differ. */
#define REPRO_INLINE_EXTERNAL_
#include "repro_rng.h"
