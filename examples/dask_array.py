"""Random dask arrays that do not change with the chunking or the cluster.

dask.array.random gives other numbers when the chunks change (the chunks seed the
generators).  repro_rng.dask.random_array makes element i (row-major) value i of one
stream, so this script builds the same 1000 x 400 normal array with four chunkings on
a local cluster of 2 worker processes and checks that all four equal the
single-process stream, bit for bit.  Exit status 1 when they differ.

Run:  PYTHONPATH=bindings/python python3 examples/dask_array.py
"""

import sys

import numpy
from distributed import Client, LocalCluster

import repro_rng
from repro_rng.dask import random_array

SHAPE = (1000, 400)
CHUNKINGS = [(1000, 400), (250, 400), (333, 77), (1000, 1)]


def main():
    expected = repro_rng.Stream(repro_rng.Seed(7).path("noise")).normal(
        SHAPE[0] * SHAPE[1]).reshape(SHAPE)
    ok = True
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      host="127.0.0.1", dashboard_address=None) as cluster, \
            Client(cluster):
        for chunks in CHUNKINGS:
            x = random_array(7, SHAPE, chunks, "normal", path="noise")
            got = x.compute()
            same = numpy.array_equal(got.view(numpy.uint64), expected.view(numpy.uint64))
            print("chunks %-9s %4d tasks: %s" % ("%dx%d" % chunks, x.npartitions,
                  "identical to the serial stream" if same else "DIFFERENT"))
            ok &= same
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
