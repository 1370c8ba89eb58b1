"""examples/python_multiprocessing.py: the same results for 1, 2 and 4 worker
processes, with fork (in process) and with spawn (the example run as a script)."""

import importlib.util
import os
import subprocess
import sys
import unittest

import support

EXAMPLE = support.REPO / "examples" / "python_multiprocessing.py"


def load_example():
    spec = importlib.util.spec_from_file_location("python_multiprocessing", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # workers unpickle its functions by module name
    spec.loader.exec_module(module)
    return module


class MultiprocessingExample(unittest.TestCase):
    def test_same_results_for_1_2_4_workers(self):
        ex = load_example()
        serial = ex.run(1)
        self.assertTrue(serial["slice_matches_serial"])
        self.assertLess(abs(serial["pi"] - 3.14159), 0.03)
        self.assertEqual(len(serial["x_sums"]), ex.TASKS)
        self.assertEqual(len(set(serial["x_sums"])), ex.TASKS)  # tasks differ
        for workers in (2, 4):
            with self.subTest(workers=workers):
                self.assertEqual(ex.run(workers, start_method="fork"), serial)

    def test_script_with_spawn(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(
            [str(support.REPO / "bindings" / "python"), env.get("PYTHONPATH", "")])
        proc = subprocess.run([sys.executable, str(EXAMPLE), "--start-method", "spawn",
                               "--workers", "1", "2", "4"], env=env,
                              capture_output=True, text=True, timeout=300)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("identical for [1, 2, 4] workers: yes", proc.stdout)
        pis = {line.split()[1] for line in proc.stdout.splitlines()
               if line.startswith("workers=")}
        self.assertEqual(len(pis), 1)


if __name__ == "__main__":
    unittest.main()
