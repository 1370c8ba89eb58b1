/* Hidden interface of the permutation, for its tests: the same construction with a
 * round count other than the public one, so that a test can show its statistics catch
 * a weakened (2-round) network. */
#ifndef REPRO_SHUFFLE_PERMUTATION_H
#define REPRO_SHUFFLE_PERMUTATION_H

#include "repro_rng.h"

/* The public permutation uses this many Feistel rounds. */
#define REPRO_PERMUTATION_ROUNDS 8
/* n up to this is shuffled explicitly; larger n uses the Feistel network. */
#define REPRO_PERMUTATION_SMALL_N 64

/* As repro_permutation_init with rounds in {2, 4, 6, 8}; REPRO_ERR_ROUNDS otherwise. */
int repro_permutation_init_rounds(repro_permutation *p, repro_seed seed, uint64_t n,
                                  unsigned rounds);

#endif
