"""EpochSampler against torch's DistributedSampler (make bench-torch).

One whole epoch of indices (shuffle=True, n = 10^6) as a DataLoader consumes them:
iter() then every index, for 1 rank and for rank 0 of 8.  DistributedSampler draws
torch.randperm(n) and slices a Python list; EpochSampler computes its rank's
positions of a per-index permutation through repro_permutation_fill in chunks.  Runs
alternate and the best of each is compared.  Then the start of an epoch at n = 10^12
(DistributedSampler would need 8 TB for its randperm; EpochSampler stores nothing).

Exits 1 when EpochSampler is slower than DistributedSampler at 1 rank.
"""

import sys
import time

import torch
from torch.utils.data import DistributedSampler

import repro_rng
from repro_rng.torch import EpochSampler

from bench_common import best_of

N = 10 ** 6
REPEAT = 5


def epoch(sampler):
    def run():
        for _ in sampler:
            pass
    return run


def main():
    torch.set_num_threads(1)
    print("librepro_rng %s (%s), torch %s; one epoch, n = %d, best of %d"
          % (repro_rng.library_version(), repro_rng.isa(), torch.__version__, N, REPEAT))
    print("%-22s %14s %14s %8s" % ("", "EpochSampler", "Distributed", "ratio"))
    ratio_one = None
    for world in (1, 8):
        ours = EpochSampler(N, 1, rank=0, world_size=world)
        theirs = DistributedSampler(range(N), num_replicas=world, rank=0, shuffle=True,
                                    seed=1)
        t_ours, t_theirs = best_of([epoch(ours), epoch(theirs)], REPEAT)
        ratio = t_ours / t_theirs
        ratio_one = ratio if world == 1 else ratio_one
        print("%-22s %11.1f ms %11.1f ms %7.2fx" % ("%d rank%s (rank 0)" % (
            world, "" if world == 1 else "s"), t_ours * 1e3, t_theirs * 1e3, ratio))
    big = EpochSampler(10 ** 12, 1, world_size=8)
    t0 = time.perf_counter()
    first = next(iter(big))
    print("n = 10^12, 8 ranks: first index %d after %.1f ms (no memory in n)"
          % (first, (time.perf_counter() - t0) * 1e3))
    if ratio_one > 1.0:
        print("FAIL: EpochSampler slower than DistributedSampler (%.2fx)" % ratio_one)
        return 1
    print("OK: EpochSampler at least as fast as DistributedSampler")
    return 0


if __name__ == "__main__":
    sys.exit(main())
