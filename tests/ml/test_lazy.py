"""The core package never loads torch or dask; seed_everything seeds torch only when
the program uses it (or names it), and sets its deterministic switches on request.
Each check runs in a fresh interpreter, where torch and dask are installed."""

import json
import os
import subprocess
import sys
import unittest

import ml_support

ml_support.require("torch")
ml_support.require("dask")


def run(code):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=os.pathsep.join([str(ml_support.REPO / "bindings" / "python"),
                                           os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, timeout=120)
    if out.returncode != 0:
        raise AssertionError("child failed:\n" + out.stderr)
    return json.loads(out.stdout)


class Lazy(unittest.TestCase):
    def test_core_import_loads_neither(self):
        got = run("import sys, json, repro_rng\n"
                  "s = repro_rng.Stream(1); s.fill(bytearray(8))\n"
                  "p = repro_rng.Permutation(1, 9); p[0:3]\n"
                  "rec = repro_rng.seed_everything(3)\n"
                  "print(json.dumps([m for m in ('torch', 'dask', 'distributed', "
                  "'tensorflow') if m in sys.modules] + sorted(rec)))")
        self.assertEqual(got, sorted(["contract", "deterministic", "isa", "numpy", "path",
                                      "random", "root", "seed", "version"]))

    def test_torch_seeded_when_imported_or_named(self):
        got = run("import json, torch, repro_rng\n"
                  "rec = repro_rng.seed_everything(3, 'a')\n"
                  "print(json.dumps([rec['torch'], torch.initial_seed()]))")
        self.assertEqual(got[0], got[1])
        from repro_rng import Seed
        self.assertEqual(got[0], Seed(3).path("a").named("torch").words[0])
        got = run("import sys, json, repro_rng\n"
                  "rec = repro_rng.seed_everything(3, 'a', libraries=['torch'])\n"
                  "import torch\n"
                  "print(json.dumps([rec.get('torch'), torch.initial_seed()]))")
        self.assertEqual(got[0], got[1])

    def test_deterministic(self):
        got = run("import os, sys, json, repro_rng\n"
                  "rec = repro_rng.seed_everything(3, deterministic=True)\n"
                  "import torch\n"
                  "print(json.dumps([rec['deterministic'], 'torch' in rec,\n"
                  "    torch.are_deterministic_algorithms_enabled(),\n"
                  "    torch.backends.cudnn.deterministic,\n"
                  "    torch.backends.cudnn.benchmark,\n"
                  "    os.environ.get('CUBLAS_WORKSPACE_CONFIG')]))")
        self.assertEqual(got, [True, True, True, True, False, ":4096:8"])
        got = run("import json, torch, repro_rng\n"
                  "repro_rng.seed_everything(3)\n"
                  "print(json.dumps(torch.are_deterministic_algorithms_enabled()))")
        self.assertFalse(got)

    def test_integrations_import_only_their_library(self):
        got = run("import sys, json\nimport repro_rng.torch\n"
                  "print(json.dumps(['dask' in sys.modules, 'torch' in sys.modules]))")
        self.assertEqual(got, [False, True])
        got = run("import sys, json\nimport repro_rng.dask\n"
                  "print(json.dumps(['dask' in sys.modules, 'torch' in sys.modules]))")
        self.assertEqual(got, [True, False])


if __name__ == "__main__":
    unittest.main()
