"""PyTorch integration: epoch shuffles that survive a change of world size, and
per-item randomness independent of workers, batching and ranks.

    from repro_rng.torch import EpochSampler, item_stream, item_generator

Importing this module imports torch; `import repro_rng` never does.  The seeds used
(all children of the run's seed, so nothing else collides with them):
  the order of epoch e:             Seed(seed).path("order/#e")
  the stream of sample i in epoch e: Seed(seed).path("item/#e/#i")
  that sample's torch.Generator:    seeded with the first word of "item/#e/#i/torch"
  DataLoader worker w:              seed_everything(Seed(seed).path(path), "worker/#w")
See docs/guides/pytorch.md.
"""

import functools
import itertools

import torch
from torch.utils.data import Sampler

from . import _permindex
from ._everything import seed_everything
from ._lib import int_arg, text_arg, u64_arg
from ._seed import Seed, as_seed
from ._stream import Permutation, Stream

__all__ = ["EpochSampler", "item_seed", "item_stream", "item_generator", "worker_init_fn"]

_CHUNK = 1 << 16  # indices computed per C call while iterating
_U64 = (1 << 64) - 1


def _order_seed(seed, epoch):
    return seed.named("order").child(epoch)


def item_seed(seed, epoch, index):
    """The seed of sample index in epoch: Seed(seed).path("item/#<epoch>/#<index>")."""
    return as_seed(seed).named("item").child(u64_arg(epoch, "epoch")) \
        .child(u64_arg(index, "index"))


def item_stream(seed, epoch, index, algorithm="philox4x32-10"):
    """The Stream for one sample of one epoch: the same draws whichever worker, rank
    or batch loads the sample, and fresh ones each epoch."""
    return Stream(item_seed(seed, epoch, index), algorithm)


def item_generator(seed, epoch, index):
    """A torch.Generator (CPU) for one sample of one epoch, for torch / torchvision
    random transforms that take generator=; seeded with the first 64-bit word of
    item_seed(seed, epoch, index).named("torch")."""
    g = torch.Generator()
    g.manual_seed(item_seed(seed, epoch, index).named("torch").words[0])
    return g


def _seed_worker(seed_hex, path, worker_id):
    seed_everything(Seed.from_hex(seed_hex).path(path), "worker/#%d" % worker_id,
                    libraries=("numpy", "torch"))


def worker_init_fn(seed, path=""):
    """A DataLoader worker_init_fn (picklable, so any start method works) that seeds
    random, numpy's legacy state and torch in worker w by
    seed_everything(Seed(seed).path(path), "worker/#w").  For code that draws from
    global generators; those draws still depend on which worker gets which batch,
    so they change with num_workers: draw from item_stream / item_generator instead
    when the numbers must not.  Workers restart each epoch (unless
    persistent_workers): pass path="epoch/#<e>" for fresh numbers each epoch."""
    return functools.partial(_seed_worker, as_seed(seed).hex(), text_arg(path, "path"))


def _count_arg(value, what, minimum):
    value = int_arg(value, what)
    if value < minimum:
        raise ValueError("%s must be >= %d, got %d" % (what, minimum, value))
    return value


class EpochSampler(Sampler):
    """A distributed sampler whose epoch order does not depend on the world size.

    EpochSampler(n, seed, *, epoch=0, rank=0, world_size=1, shuffle=True,
    drop_last=False); n is the dataset size or a sized dataset.  The order of epoch e
    is Permutation(Seed(seed).path("order/#e"), n) (0, 1, ..., n-1 when not
    shuffle), computed per index: nothing proportional to n is stored.  Rank r yields
    the global positions r, r + W, r + 2W, ... of that order (W = world_size), as
    Python ints.  The length rules are torch's DistributedSampler's: every rank yields
    ceil(n / W) indices, the last ones padded by repeating the order from its start
    (cyclically when n < W); with drop_last, floor(n / W), the tail dropped.

    state_dict() / load_state_dict() resume exactly, on any world size: the state
    holds the global position reached (ranks advance in lockstep: the pass's start
    plus W times the indices this rank has yielded), and the next pass continues the
    same order from there, the rules above applied to the positions left.
    set_epoch(e) to a new epoch starts it from position 0; set_epoch of the current
    epoch keeps a loaded position, so the usual loop resumes as it is."""

    def __init__(self, n, seed, *, epoch=0, rank=0, world_size=1, shuffle=True,
                 drop_last=False):
        super().__init__(None)
        if not isinstance(n, int) and hasattr(n, "__len__"):
            n = len(n)
        self.n = _count_arg(n, "n", 0)
        self.seed = as_seed(seed)
        self.world_size = _count_arg(world_size, "world_size", 1)
        self.rank = _count_arg(rank, "rank", 0)
        if self.rank >= self.world_size:
            raise ValueError("rank must be in [0, world_size = %d), got %d"
                             % (self.world_size, self.rank))
        self.shuffle = bool(shuffle)
        self.drop_last = bool(drop_last)
        self.epoch = u64_arg(epoch, "epoch")
        self._position = 0     # the global position reached in this epoch
        self._resume = False   # the next pass continues from _position (a load)
        self._pass = None      # (start, [indices before the current chunk], chunk iterator)

    # ---- epochs and lengths --------------------------------------------------------
    def set_epoch(self, epoch):
        """Selects the epoch of the next pass (a new epoch starts at position 0)."""
        epoch = u64_arg(epoch, "epoch")
        if epoch != self.epoch:
            self.epoch, self._position, self._resume, self._pass = epoch, 0, False, None

    def _count(self, start):
        """Indices each rank yields in a pass that starts at global position start."""
        left = max(0, self.n - start)
        if self.drop_last:
            return left // self.world_size
        return -(-left // self.world_size)

    def __len__(self):
        """This rank's indices in the next pass (the current one while it runs)."""
        if self._resume:
            return self._count(self._position)
        if self._pass is not None and self._yielded() < self._count(self._pass[0]):
            return self._count(self._pass[0])
        return self._count(0)  # after a pass, the next starts the epoch over

    # ---- iteration -----------------------------------------------------------------
    def _chunk(self, perm, start, first, count):
        """Indices first .. first + count - 1 of this rank's pass, as a list iterator."""
        n, w = self.n, self.world_size
        p0 = start + self.rank + first * w
        real = max(0, min(count, -(-(n - p0) // w)))  # positions below n
        if perm is None:
            out = list(range(p0, p0 + real * w, w))
        else:
            out = _permindex.strided(perm, p0, w, real).tolist()
        for k in range(real, count):  # padding: the order again from its start
            pos = (p0 + k * w) % n
            out.append(pos if perm is None else perm.at(pos))
        it = iter(out)
        self._pass[1].append(count)
        self._pass[2] = it
        return it

    def __iter__(self):
        start = self._position if self._resume else 0
        self._resume = False
        self._position = start
        count = self._count(start)
        perm = Permutation(_order_seed(self.seed, self.epoch), self.n) \
            if self.shuffle and self.n else None
        self._pass = [start, [], iter(())]
        chunks = map(functools.partial(self._chunk, perm, start),
                     range(0, count, _CHUNK),
                     (min(_CHUNK, count - f) for f in range(0, count, _CHUNK)))
        return itertools.chain.from_iterable(chunks)

    def _yielded(self):
        """Indices this rank has yielded in the current pass."""
        if self._pass is None:
            return None
        sizes, it = self._pass[1], self._pass[2]
        return sum(sizes) - it.__length_hint__()

    # ---- state ---------------------------------------------------------------------
    def state_dict(self, consumed=None):
        """{"seed": hex, "epoch": e, "position": global position, "n": n,
        "shuffle": bool}: JSON-serialisable.  consumed overrides the count of indices
        this rank has used in the current pass (a DataLoader with workers fetches
        indices ahead: pass the samples actually trained on, e.g. steps * batch size)."""
        if consumed is not None:
            used = _count_arg(consumed, "consumed", 0)
            start = self._pass[0] if self._pass is not None else self._position
            position = start + used * self.world_size
        elif self._pass is not None:
            position = self._pass[0] + self._yielded() * self.world_size
        else:
            position = self._position
        return {"seed": self.seed.hex(), "epoch": self.epoch, "position": position,
                "n": self.n, "shuffle": self.shuffle}

    def load_state_dict(self, state):
        """Continues the saved order (seed, epoch, position) on this sampler's world
        size and rank.  ValueError when the state is for another dataset size or
        shuffle setting, or malformed."""
        if not isinstance(state, dict):
            raise TypeError("state must be a dict, not %s" % type(state).__name__)
        missing = {"seed", "epoch", "position", "n", "shuffle"} - set(state)
        if missing:
            raise ValueError("sampler state lacks %s" % ", ".join(sorted(missing)))
        if state["n"] != self.n:
            raise ValueError("sampler state is for n = %r, this sampler has n = %d"
                             % (state["n"], self.n))
        if bool(state["shuffle"]) != self.shuffle:
            raise ValueError("sampler state has shuffle = %r, this sampler %r"
                             % (state["shuffle"], self.shuffle))
        seed = Seed.from_hex(state["seed"])
        epoch = u64_arg(state["epoch"], "epoch")
        position = u64_arg(state["position"], "position")
        self.seed, self.epoch, self._position = seed, epoch, position
        self._resume, self._pass = True, None

    def __repr__(self):
        return ("repro_rng.torch.EpochSampler(%d, %r, epoch=%d, rank=%d, world_size=%d, "
                "shuffle=%r, drop_last=%r)" % (self.n, self.seed, self.epoch, self.rank,
                                               self.world_size, self.shuffle,
                                               self.drop_last))
