"""Exact resume of a PyTorch training run, and the same sample order on 1 and 2 ranks.

A tiny regression model trains for 3 epochs on CPU.  Everything random comes from one
seed through repro_rng:
  - the epoch order:        EpochSampler (a per-index permutation: nothing stored);
  - per-sample augmentation: item_stream / item_generator (the same for any worker,
                             batch or rank);
  - the initial weights:    Stream.fill of the parameter tensors;
  - per-step dropout masks:  a training-loop Stream, saved in the checkpoint.

Checks (exit status 1 when one fails):
  1. training stopped in the middle of epoch 1, checkpointed (model, optimizer,
     sampler state, stream state) and resumed in fresh objects ends with weights
     bit-identical to the uninterrupted run;
  2. two ranks (torch.distributed, gloo on 127.0.0.1) see, interleaved, exactly the
     order one rank sees, and a 3-rank job resuming a 2-rank job mid-epoch
     continues that same order.

Run:  PYTHONPATH=bindings/python python3 examples/torch_train.py
"""

import io
import json
import os
import socket
import sys
from datetime import timedelta

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch.utils.data import DataLoader, Dataset

import repro_rng
from repro_rng.torch import EpochSampler, item_generator, item_stream

SEED = 2024
N, FEATURES, BATCH, EPOCHS = 256, 8, 16, 3
STOP = (1, 5)  # interrupted after step 5 of epoch 1


class Noisy(Dataset):
    """Fixed features (from the "data" stream, by position) plus per-epoch noise."""

    def __init__(self, n):
        self.n, self.epoch = n, 0
        data = repro_rng.Stream(repro_rng.Seed(SEED).path("data"))
        self.x = torch.from_numpy(data.normal(n * FEATURES).reshape(n, FEATURES)).float()
        self.w = torch.arange(1, FEATURES + 1, dtype=torch.float32) / FEATURES

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        s = item_stream(SEED, self.epoch, i)        # this sample's draws this epoch
        jitter = torch.from_numpy(s.normal(FEATURES)).float() * 0.05
        scale = 1.0 + 0.1 * torch.rand(1, generator=item_generator(SEED, self.epoch, i))
        x = (self.x[i] + jitter) * scale
        return x, (x * self.w).sum(0, keepdim=True), i


def make_model():
    model = torch.nn.Sequential(torch.nn.Linear(FEATURES, 16), torch.nn.Tanh(),
                                torch.nn.Linear(16, 1))
    init = repro_rng.Stream(repro_rng.Seed(SEED).path("init"))
    with torch.no_grad():
        for p in model.parameters():
            init.fill(p)                  # float32 tensors: floats in [0, 1), in place
            p.sub_(0.5).mul_(0.5)
    return model


def train(stop=None, checkpoint=None):
    """Trains from scratch (or from checkpoint); stops after step `stop` (epoch, step)
    and returns the checkpoint bytes there, else the final state_dict."""
    data = Noisy(N)
    model = make_model()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    sampler = EpochSampler(data, SEED)
    masks = repro_rng.Stream(repro_rng.Seed(SEED).path("dropout"))
    first_epoch = 0
    if checkpoint is not None:
        state = torch.load(io.BytesIO(checkpoint))
        model.load_state_dict(state["model"])
        opt.load_state_dict(state["optimizer"])
        sampler.load_state_dict(json.loads(state["sampler"]))
        masks = repro_rng.Stream.load(state["masks"])
        first_epoch = sampler.epoch
    loader = DataLoader(data, batch_size=BATCH, sampler=sampler)
    mask = torch.empty(16, dtype=torch.float32)
    for epoch in range(first_epoch, EPOCHS):
        sampler.set_epoch(epoch)          # keeps a loaded position in its own epoch
        data.epoch = epoch
        for step, (x, y, _) in enumerate(loader):
            masks.fill(mask)
            hidden = model[1](model[0](x)) * (mask > 0.2).float() / 0.8
            loss = torch.nn.functional.mse_loss(model[2](hidden), y)
            opt.zero_grad()
            loss.backward()
            opt.step()
            if (epoch, step) == stop:
                buf = io.BytesIO()
                torch.save({"model": model.state_dict(), "optimizer": opt.state_dict(),
                            "sampler": json.dumps(sampler.state_dict()),
                            "masks": masks.save()}, buf)
                return buf.getvalue()
    return model.state_dict()


def rank_order(rank, world, port, start, out):
    """One rank of a torch.distributed job: the indices it loads in epoch 1 from
    global position start; rank 0 gathers every rank's list into out."""
    dist.init_process_group("gloo", init_method="tcp://127.0.0.1:%d" % port, rank=rank,
                            world_size=world, timeout=timedelta(seconds=60))
    sampler = EpochSampler(N, SEED, epoch=1, rank=rank, world_size=world)
    sampler.load_state_dict(dict(sampler.state_dict(), position=start))
    loader = DataLoader(Noisy(N), batch_size=BATCH, sampler=sampler)
    mine = torch.cat([i for _, _, i in loader])
    lists = [torch.empty_like(mine) for _ in range(world)]
    dist.all_gather(lists, mine)  # every rank yields the same count (padding rule)
    if rank == 0:
        out.put([t.tolist() for t in lists])
    dist.destroy_process_group()


def distributed_order(world, start):
    """The global order the ranks of a `world`-rank job see, from position start."""
    with socket.socket() as s:  # a free port on the loopback interface
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctx = mp.get_context("fork")
    out = ctx.SimpleQueue()
    procs = [ctx.Process(target=rank_order, args=(r, world, port, start, out))
             for r in range(world)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        if p.exitcode != 0:
            raise SystemExit("rank process failed (exit code %s)" % p.exitcode)
    lists = out.get()
    return [lists[k % world][k // world] for k in range(world * len(lists[0]))]


def main():
    torch.set_num_threads(1)
    os.environ.setdefault("GLOO_SOCKET_IFNAME", "lo")  # gloo on the loopback only
    ok = True
    # Ranks first, while this process has run no parallel kernels (it forks them).
    one = EpochSampler(N, SEED, epoch=1)
    serial = list(one)
    two = distributed_order(2, 0)
    print("1 rank vs 2 ranks, epoch 1: %s (%d samples, first %s)"
          % ("same order" if two == serial else "DIFFERENT", len(two), two[:6]))
    ok &= two == serial
    resumed = distributed_order(3, 2 * BATCH * 3)  # 2 ranks ran 3 steps, 3 continue
    want = serial[2 * BATCH * 3:]
    want += serial[:len(resumed) - len(want)]  # the padding rule: from the start again
    print("2 ranks stopped at position %d, 3 ranks continue: %s"
          % (2 * BATCH * 3, "same order" if resumed == want else "DIFFERENT"))
    ok &= resumed == want

    full = train()
    checkpoint = train(stop=STOP)
    resumed_run = train(checkpoint=checkpoint)
    same = all(torch.equal(full[k], resumed_run[k]) for k in full)
    print("interrupted at epoch %d step %d, resumed from a %d-byte checkpoint: "
          "weights %s" % (STOP[0], STOP[1], len(checkpoint),
                          "bit-identical" if same else "DIFFER"))
    ok &= same
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
