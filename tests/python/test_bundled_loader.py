"""The library bundled in the package (what `pip install bindings/python` installs):
tried right after REPRO_RNG_LIBRARY, before the build tree and the system."""

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import support
import repro_rng
from repro_rng import _lib

SONAME = _lib._soname()


class Order(unittest.TestCase):
    def test_bundled_first_then_build_tree(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)  # a checkout's layout, with a bundled copy in the package
            pkg = root / "bindings" / "python" / "repro_rng"
            pkg.mkdir(parents=True)
            (root / "include").mkdir()
            (root / "include" / "repro_rng.h").write_text("")
            self.assertNotIn("bundled with the package",
                             [o for _, o in _lib.candidates({}, package_dir=pkg)])
            (pkg / SONAME).write_bytes(b"")
            cands = _lib.candidates({}, package_dir=pkg)
            self.assertEqual(cands[0], (str(pkg / SONAME), "bundled with the package"))
            self.assertEqual(cands[1], (str(root / "build" / "lib" / SONAME),
                                        "repository build tree"))
            self.assertEqual(cands[2][1], "dynamic loader search")
            self.assertEqual(_lib.candidates({"REPRO_RNG_LIBRARY": "/x.so"}, pkg),
                             [("/x.so", "REPRO_RNG_LIBRARY")])

    def test_installed_package_loads_its_copy(self):
        """A package folder holding the library, imported from / without
        REPRO_RNG_LIBRARY, loads that copy (not the build tree, not the system)."""
        with tempfile.TemporaryDirectory() as tmp:
            site = Path(tmp) / "site-packages"
            shutil.copytree(Path(repro_rng.__file__).parent, site / "repro_rng",
                            ignore=shutil.ignore_patterns("__pycache__", "librepro_rng*"))
            shutil.copyfile(repro_rng.library_path(), site / "repro_rng" / SONAME)
            env = {k: v for k, v in os.environ.items() if k != "REPRO_RNG_LIBRARY"}
            env.update(PYTHONPATH=str(site), PYTHONDONTWRITEBYTECODE="1")
            proc = subprocess.run(
                [sys.executable, "-c", "import repro_rng\n"
                 "assert '%08x' % repro_rng.Stream(42).u32() == '28b3ffba'\n"
                 "print(repro_rng.library_path())"],
                env=env, cwd="/", capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(proc.stdout.strip(), str(site / "repro_rng" / SONAME))


if __name__ == "__main__":
    unittest.main()
