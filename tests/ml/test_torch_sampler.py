"""repro_rng.torch.EpochSampler: an order independent of the world size, torch's
DistributedSampler length and padding rules, exact and elastic resume, no memory in n,
and speed against DistributedSampler."""

import json
import time
import unittest

import ml_support

torch = ml_support.require("torch")
from torch.utils.data import DataLoader, DistributedSampler  # noqa: E402

from repro_rng import Permutation, Seed  # noqa: E402
from repro_rng.torch import EpochSampler  # noqa: E402


def ranks(n, seed, world, **kw):
    return [list(EpochSampler(n, seed, rank=r, world_size=world, **kw))
            for r in range(world)]


def interleave(lists):
    return [lists[k % len(lists)][k // len(lists)] for k in range(sum(map(len, lists)))]


class Order(unittest.TestCase):
    def test_epoch_order_is_the_documented_permutation(self):
        for n in (1, 2, 10, 64, 65, 1000):
            for epoch in (0, 3):
                perm = Permutation(Seed(9).path("order/#%d" % epoch), n)
                got = list(EpochSampler(n, 9, epoch=epoch))
                self.assertEqual(got, [perm.at(i) for i in range(n)])
                self.assertEqual(sorted(got), list(range(n)))
        self.assertTrue(all(type(i) is int for i in EpochSampler(5, 1)))
        self.assertNotEqual(list(EpochSampler(100, 9, epoch=0)),
                            list(EpochSampler(100, 9, epoch=1)))
        self.assertNotEqual(list(EpochSampler(100, 9)), list(EpochSampler(100, 8)))

    def test_global_order_does_not_depend_on_world_size(self):
        for n in (1, 7, 12, 100, 257):
            serial = list(EpochSampler(n, "run"))
            for world in (1, 2, 3, 4, 8):
                for drop_last in (False, True):
                    lists = ranks(n, "run", world, drop_last=drop_last)
                    self.assertEqual(len({len(x) for x in lists}), 1)  # all ranks equal
                    merged = interleave(lists)
                    # positions past n repeat the order from its start
                    self.assertEqual(merged, [serial[p % n] for p in range(len(merged))],
                                     (n, world, drop_last))

    def test_lengths_and_padding_are_distributed_samplers(self):
        # Unshuffled, both orders are 0..n-1: every index must then be the same.
        for n in (1, 2, 3, 5, 8, 10, 11, 100):
            for world in (1, 2, 3, 4, 7, 16):
                for drop_last in (False, True):
                    for rank in range(world):
                        ours = EpochSampler(n, 0, rank=rank, world_size=world,
                                            shuffle=False, drop_last=drop_last)
                        theirs = DistributedSampler(range(n), num_replicas=world,
                                                    rank=rank, shuffle=False,
                                                    drop_last=drop_last)
                        self.assertEqual(list(ours), list(theirs), (n, world, rank))
                        self.assertEqual(len(ours), len(theirs))

    def test_arguments(self):
        self.assertEqual(len(EpochSampler(range(37), 1)), 37)  # a sized dataset
        self.assertEqual(list(EpochSampler(0, 1)), [])
        with self.assertRaises(ValueError):
            EpochSampler(10, 1, rank=2, world_size=2)
        with self.assertRaises(ValueError):
            EpochSampler(10, 1, world_size=0)
        with self.assertRaises(ValueError):
            EpochSampler(-1, 1)
        with self.assertRaises(TypeError):
            EpochSampler(10.0, 1)
        with self.assertRaises(TypeError):
            EpochSampler(10, 1, rank="0")
        with self.assertRaises(ValueError):
            EpochSampler(10, 1, epoch=-1)

    def test_large_n_allocates_nothing(self):
        n = 10 ** 12
        t = time.perf_counter()
        s = EpochSampler(n, 5, rank=1, world_size=4)
        it = iter(s)
        first = [next(it) for _ in range(3)]
        self.assertLess(time.perf_counter() - t, 2.0)  # one 65536-index chunk at most
        perm = Permutation(Seed(5).path("order/#0"), n)
        self.assertEqual(first, [perm.at(1), perm.at(5), perm.at(9)])
        self.assertEqual(len(s), n // 4)
        self.assertEqual(s.state_dict()["position"], 12)


class Resume(unittest.TestCase):
    def test_state_is_small_json(self):
        s = EpochSampler(1000, "seed", epoch=4, rank=1, world_size=3)
        it = iter(s)
        for _ in range(7):
            next(it)
        state = json.loads(json.dumps(s.state_dict()))
        self.assertEqual(state, {"seed": Seed("seed").hex(), "epoch": 4,
                                 "position": 21, "n": 1000, "shuffle": True})

    def test_position_counts_across_chunks(self):
        s = EpochSampler(200000, 1, world_size=2, rank=1)
        it = iter(s)
        for _ in range(70000):  # beyond the first 65536-index chunk
            next(it)
        self.assertEqual(s.state_dict()["position"], 140000)
        self.assertEqual(sum(1 for _ in it), 30000)
        self.assertEqual(s.state_dict()["position"], 200000)

    def test_elastic_2_ranks_to_3(self):
        n, seed = 100, 77
        serial = list(EpochSampler(n, seed, epoch=2))
        old = [EpochSampler(n, seed, epoch=2, rank=r, world_size=2) for r in range(2)]
        seen = []
        iters = [iter(s) for s in old]
        for _ in range(10):  # 10 items on each rank, in lockstep
            seen += [next(i) for i in iters]
        states = [s.state_dict() for s in old]
        self.assertEqual(states[0], states[1])
        self.assertEqual(states[0]["position"], 20)
        new = [EpochSampler(n, 0, rank=r, world_size=3) for r in range(3)]  # other seed
        for s in new:
            s.load_state_dict(json.loads(json.dumps(states[0])))
            s.set_epoch(2)  # the training loop's call keeps the loaded position
        lists = [list(s) for s in new]
        self.assertEqual([len(x) for x in lists], [27, 27, 27])  # ceil(80 / 3)
        rest = interleave(lists)
        self.assertEqual(seen + rest[:80], serial)  # nothing repeated or skipped
        self.assertEqual(rest[80:], serial[:1])     # the padding rule: from the start
        for s in new:
            self.assertEqual(s.state_dict()["position"], 101)
            s.set_epoch(3)
            self.assertEqual(len(s), 34)  # a new epoch starts at position 0
            self.assertEqual(s.state_dict()["position"], 0)

    def test_resume_many_world_sizes(self):
        n, seed = 53, "x"
        serial = list(EpochSampler(n, seed))
        for w1 in (1, 2, 4):
            for steps in (0, 3, 13):
                for w2 in (1, 3, 5):
                    for drop_last in (False, True):
                        first = [EpochSampler(n, seed, rank=r, world_size=w1,
                                              drop_last=drop_last) for r in range(w1)]
                        iters = [iter(s) for s in first]
                        done = []
                        for _ in range(min(steps, len(first[0]))):
                            done += [next(i) for i in iters]
                        state = first[0].state_dict()
                        second = [EpochSampler(n, seed, rank=r, world_size=w2,
                                               drop_last=drop_last) for r in range(w2)]
                        for s in second:
                            s.load_state_dict(state)
                        rest = interleave([list(s) for s in second])
                        total = done + rest
                        # the first n positions: the order, once; then padding only
                        covered = min(n, len(total))
                        self.assertEqual(total[:covered], serial[:covered])
                        self.assertEqual(total[covered:],
                                         [serial[p % n] for p in range(covered,
                                                                       len(total))])
                        if drop_last:
                            self.assertGreater(len(total), n - w1 - w2)
                        else:
                            self.assertGreaterEqual(len(total), n)

    def test_finished_epoch_resumes_to_nothing(self):
        s = EpochSampler(10, 1, world_size=3)
        self.assertEqual(len(list(s)), 4)
        state = s.state_dict()
        self.assertEqual(state["position"], 12)
        t = EpochSampler(10, 1, world_size=2)
        t.load_state_dict(state)
        self.assertEqual((len(t), list(t)), (0, []))

    def test_consumed_overrides_prefetch(self):
        s = EpochSampler(100, 1, world_size=2)
        it = iter(s)
        for _ in range(30):  # a DataLoader with workers fetched ahead
            next(it)
        self.assertEqual(s.state_dict(consumed=20)["position"], 40)
        self.assertEqual(s.state_dict()["position"], 60)

    def test_a_second_pass_is_the_whole_epoch(self):
        s = EpochSampler(30, 4)
        s.load_state_dict(dict(s.state_dict(), position=25))
        self.assertEqual(len(list(s)), 5)
        self.assertEqual(len(list(s)), 30)

    def test_len_after_a_resumed_pass_is_the_next_pass(self):
        """len() is the running pass's only while it runs: once a resumed pass is
        done, the next one is the whole epoch (len() said 5, then 30 came)."""
        s = EpochSampler(30, 4, world_size=2)
        s.load_state_dict(dict(s.state_dict(), position=24))
        self.assertEqual(len(s), 3)
        it = iter(s)
        next(it)
        self.assertEqual(len(s), 3)
        self.assertEqual(len(list(it)), 2)
        self.assertEqual(len(s), 15)
        self.assertEqual(len(list(s)), 15)

    def test_bad_state(self):
        s = EpochSampler(10, 1)
        good = s.state_dict()
        for key, value in (("n", 11), ("shuffle", False)):
            with self.assertRaises(ValueError):
                s.load_state_dict(dict(good, **{key: value}))
        with self.assertRaises(ValueError):
            s.load_state_dict({"seed": good["seed"]})
        with self.assertRaises(ValueError):
            s.load_state_dict(dict(good, seed="zz"))
        with self.assertRaises(ValueError):
            s.load_state_dict(dict(good, position=-1))
        with self.assertRaises(TypeError):
            s.load_state_dict([("n", 10)])

    def test_dataloader_resume(self):
        """A DataLoader (num_workers=0 fetches indices as it goes) stopped after 3
        batches and resumed continues with exactly the remaining batches."""
        data = list(range(50))
        full = [b.tolist() for b in DataLoader(data, batch_size=4,
                                               sampler=EpochSampler(data, 3))]
        s = EpochSampler(data, 3)
        it = iter(DataLoader(data, batch_size=4, sampler=s))
        head = [next(it).tolist() for _ in range(3)]
        t = EpochSampler(data, 0)
        t.load_state_dict(s.state_dict())
        tail = [b.tolist() for b in DataLoader(data, batch_size=4, sampler=t)]
        self.assertEqual(head + tail[:1], full[:4])
        self.assertEqual(sum(head + tail, []), sum(full, []))


def best(fn, repeats=5):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


class Speed(unittest.TestCase):
    def test_not_slower_than_distributed_sampler(self):
        """Regression guard (bench/bench_torch.py measures it properly): one Python
        call per index would be several times slower than torch's sampler."""
        n = 10 ** 6
        ours = EpochSampler(n, 1)
        theirs = DistributedSampler(range(n), num_replicas=1, rank=0, shuffle=True)
        t_ours = best(lambda: sum(1 for _ in ours))
        t_theirs = best(lambda: sum(1 for _ in theirs))
        self.assertLess(t_ours, 1.5 * t_theirs, "%.3f s vs %.3f s" % (t_ours, t_theirs))


if __name__ == "__main__":
    unittest.main()
