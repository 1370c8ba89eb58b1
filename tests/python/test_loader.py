"""Library loading: the search order, the error that lists every path tried, the
major-version check, the one signature table, versions in step with the header."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

import support
import repro_rng
from repro_rng import _lib

HEADER = (support.REPO / "include" / "repro_rng.h").read_text()
PACKAGE = support.REPO / "bindings" / "python"


def run_python(code, env_changes, cwd="/", pythonpath=PACKAGE):
    env = {k: v for k, v in os.environ.items() if k != "REPRO_RNG_LIBRARY"}
    env["PYTHONPATH"] = str(pythonpath)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(env_changes)
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=60)


class Loading(unittest.TestCase):
    def test_explicit_library_only(self):
        self.assertEqual(_lib.candidates({"REPRO_RNG_LIBRARY": "/x/lib.so"}),
                         [("/x/lib.so", "REPRO_RNG_LIBRARY")])
        if os.environ.get("REPRO_RNG_LIBRARY"):
            self.assertEqual(repro_rng.library_path(), os.environ["REPRO_RNG_LIBRARY"])

    def test_search_order(self):
        paths = [p for p, _ in _lib.candidates({})]
        build = str(support.REPO / "build" / "lib" / ("librepro_rng.so.%s" % _lib.ABI))
        self.assertEqual(paths[0], build)  # imported from the source tree
        self.assertEqual(paths[1], "librepro_rng.so.%s" % _lib.ABI)
        self.assertIn(os.path.join(sys.prefix, "lib", paths[1]), paths)
        self.assertIn("/usr/local/lib/" + paths[1], paths)
        self.assertEqual(len(paths), len(set(paths)))

    def test_failure_lists_every_path(self):
        cands = [("/nonexistent/a/librepro_rng.so.0", "one"),
                 ("/nonexistent/b/librepro_rng.so.0", "two")]
        with self.assertRaises(ImportError) as cm:
            _lib.load(cands + [("libc.so.6", "not ours")])
        msg = str(cm.exception)
        for path, origin in cands:
            self.assertIn(path, msg)
            self.assertIn(origin, msg)
        self.assertIn("libc.so.6 (not ours)", msg)  # loads, but has no repro_version
        self.assertIn("repro_version", msg)

    def test_major_version_check(self):
        """The ABI: the major version, and before 1.0 the minor too."""
        _lib.check_major("%d.%d.7" % (_lib.MAJOR, _lib.MINOR), "x")
        if _lib.MAJOR > 0:
            _lib.check_major("%d.%d.0" % (_lib.MAJOR, _lib.MINOR + 1), "x")
        other = ["%d.0.0" % (_lib.MAJOR + 1)]
        if _lib.MAJOR == 0:
            other += ["0.%d.0" % (_lib.MINOR + 1), "0.%d.9" % (_lib.MINOR - 1)]
        for version in other:
            with self.assertRaises(ImportError) as cm:
                _lib.check_major(version, "/p/lib.so")
            self.assertIn("/p/lib.so", str(cm.exception))
            self.assertIn("need version %s.x" % _lib.ABI, str(cm.exception))

    def test_import_fails_clearly(self):
        proc = run_python("import repro_rng", {"REPRO_RNG_LIBRARY": "/nonexistent/x.so"})
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("/nonexistent/x.so (REPRO_RNG_LIBRARY)", proc.stderr)
        self.assertIn("ImportError", proc.stderr)

    def test_default_finds_the_build_tree(self):
        """Without REPRO_RNG_LIBRARY, from any directory, a package imported from a
        source checkout loads <checkout>/build/lib/librepro_rng.so.ABI.  Run in a
        copy of the checkout's layout whose build/lib holds the library under test
        (the repository's own build/ may belong to another build)."""
        soname = "librepro_rng.so.%s" % _lib.ABI
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "include").mkdir()
            (root / "include" / "repro_rng.h").write_text(HEADER)
            shutil.copytree(PACKAGE / "repro_rng", root / "bindings" / "python" / "repro_rng",
                            ignore=shutil.ignore_patterns("__pycache__"))
            (root / "build" / "lib").mkdir(parents=True)
            proc = run_python("import repro_rng", {}, pythonpath=root / "bindings" / "python")
            self.assertNotEqual(proc.returncode, 0)  # nothing built there yet
            self.assertIn("tried:\n  %s (repository build tree)"
                          % (root / "build" / "lib" / soname), proc.stderr)
            os.symlink(repro_rng.library_path(), root / "build" / "lib" / soname)
            proc = run_python("import repro_rng; print(repro_rng.library_path())", {},
                              pythonpath=root / "bindings" / "python")
            self.assertEqual(proc.returncode, 0, proc.stderr)
            self.assertEqual(proc.stdout.strip(), str(root / "build" / "lib" / soname))


def build_fake_library(directory, lacking):
    """A librepro_rng of our major version whose every function of the bindings'
    table is a stub, except those in lacking (an old or partial build)."""
    version = "%d.%d.0" % (_lib.MAJOR, _lib.MINOR)
    stubs = ["const char *repro_version(void) { return \"%s\"; }" % version]
    stubs += ["int %s(void) { return 0; }" % name for name in _lib.SIGNATURES
              if name != "repro_version" and name not in lacking]
    src, out = Path(directory) / "fake.c", Path(directory) / "librepro_rng_fake.so"
    src.write_text("\n".join(stubs) + "\n")
    cc = os.environ.get("CC", "cc")
    proc = subprocess.run([cc, "-shared", "-fPIC", "-o", str(out), str(src)],
                          capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise AssertionError("%s cannot build the fake library: %s" % (cc, proc.stderr))
    return str(out)


class MissingSymbols(unittest.TestCase):
    """A library of the right major version that lacks a function the bindings bind
    is skipped like one that does not load: ImportError names what it lacks."""

    def test_partial_library_is_skipped_with_the_names(self):
        lacking = ("repro_jax_fold_in", "repro_fill_beta")
        with tempfile.TemporaryDirectory() as tmp:
            fake = build_fake_library(tmp, lacking)
            with self.assertRaises(ImportError) as cm:
                _lib.load([(fake, "old build")])
            msg = str(cm.exception)
            self.assertIn("%s (old build)" % fake, msg)
            for name in lacking:
                self.assertIn(name, msg)
            self.assertNotIn("repro_fill_gamma", msg)  # present: not named
            real = repro_rng.library_path()
            self.assertEqual(_lib.load([(fake, "old"), (real, "good")])[1], real)
            proc = run_python("import repro_rng", {"REPRO_RNG_LIBRARY": fake})
            self.assertNotEqual(proc.returncode, 0)
            self.assertIn("ImportError", proc.stderr)
            self.assertNotIn("AttributeError", proc.stderr)
            self.assertIn("repro_jax_fold_in", proc.stderr)


class Declarations(unittest.TestCase):
    def test_one_table_matches_the_header(self):
        """Every function in the table is declared in the header, with as many
        parameters as the table gives it argtypes."""
        listed = re.search(r"#define REPRO_FILLS\(X\)((?:.*\\\n)*.*)", HEADER).group(1)
        entries = re.findall(r"\bX\((\w+), (\w+), (\d)\)", listed)
        kinds = {"uint32_t": "u32", "uint64_t": "u64", "float": "f32", "double": "f64"}
        self.assertEqual([(n, (kinds[t], int(w))) for n, t, w in entries],
                         list(_lib.FILLS.items()))  # the binding's list is the header's
        names = [n for n, _, _ in entries]
        fills = {n for base in names for n in ("repro_fill_" + base, "repro_fill_%s_at" % base)}
        self.assertIn("repro_fill_double_at", fills)
        for name, (_, argtypes) in _lib.SIGNATURES.items():
            with self.subTest(name=name):
                self.assertIs(getattr(_lib.lib, name).argtypes, argtypes)
                if name in fills:
                    self.assertEqual(len(argtypes), 3 if not name.endswith("_at") else 4)
                    continue
                m = re.search(r"REPRO_API [^;]*?\b%s\s*\(([^)]*)\)" % name, HEADER)
                self.assertIsNotNone(m, "not declared in include/repro_rng.h")
                params = m.group(1).strip()
                count = 0 if params in ("", "void") else params.count(",") + 1
                self.assertEqual(len(argtypes), count)

    def test_versions_in_step(self):
        header = re.search(r'#define REPRO_VERSION_STRING "([^"]+)"', HEADER).group(1)
        major = re.search(r"#define REPRO_VERSION_MAJOR (\d+)", HEADER).group(1)
        minor = re.search(r"#define REPRO_VERSION_MINOR (\d+)", HEADER).group(1)
        pyproject = (PACKAGE / "pyproject.toml").read_text()
        self.assertEqual(repro_rng.__version__, header)
        self.assertEqual(repro_rng.library_version(), header)
        self.assertEqual(str(_lib.MAJOR), major)
        self.assertEqual(str(_lib.MINOR), minor)
        self.assertIn('version = "%s"' % header, pyproject)


if __name__ == "__main__":
    unittest.main()
