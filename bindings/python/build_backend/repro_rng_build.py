"""PEP 517 build backend for the repro_rng bindings that needs no download.

build_wheel compiles the C library from the checkout these bindings sit in
(`make shared` in <repo>, into a temporary build folder) and bundles it in the wheel
next to the package (repro_rng/librepro_rng.so.<ABI>, which the loader tries right
after REPRO_RNG_LIBRARY): `pip install bindings/python` then works without a
separate `make install`.  The wheel is written with the standard library (PEP 427),
so the same wheel comes out of an isolated build (which sees no installed packages)
and of `pip install --no-build-isolation`; nothing is written into the source tree.
It is tagged py3-none-<platform>: ctypes needs no particular Python ABI.

The config setting bundle=0 (`pip install --config-settings bundle=0`, or
REPRO_RNG_BUNDLE=0 in the environment) writes the pure-Python wheel instead, for a
library installed on its own (`make install`; distribution packages).  build_editable
points a .pth file at the sources (the checkout's build tree is then loaded);
build_sdist needs setuptools.
"""

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sysconfig
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPO = ROOT.parent.parent
PACKAGE = "repro_rng"


def _project():
    """name, version, description and requires-python of pyproject's [project]."""
    fields, section = {}, None
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        head = re.match(r"\s*\[([^\]]+)\]\s*$", line)
        if head:
            section = head.group(1).strip()
            continue
        m = re.match(r'\s*([\w-]+)\s*=\s*"([^"]*)"\s*$', line)
        if section == "project" and m:
            fields[m.group(1)] = m.group(2)
    return fields


def _metadata():
    p = _project()
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\n"
            "Requires-Python: %s\nProvides-Extra: numpy\n"
            'Requires-Dist: numpy; extra == "numpy"\n'
            % (p["name"], p["version"], p["description"], p["requires-python"]))


def _write_wheel(directory, files, platform=None, executables=()):
    """Writes {name}-{version}-py3-none-{platform or any}.whl with files
    {archive path: bytes}; those in executables get mode 755."""
    p = _project()
    dist = "%s-%s" % (re.sub(r"[-_.]+", "_", p["name"]), p["version"])
    info = dist + ".dist-info"
    tag = "py3-none-" + (platform or "any")
    files = dict(files)
    files[info + "/METADATA"] = _metadata().encode()
    files[info + "/WHEEL"] = ("Wheel-Version: 1.0\nGenerator: repro_rng_build\n"
                              "Root-Is-Purelib: %s\nTag: %s\n"
                              % ("false" if platform else "true", tag)).encode()
    files[info + "/top_level.txt"] = (PACKAGE + "\n").encode()
    record = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        record.append("%s,sha256=%s,%d" % (name, digest.decode(), len(data)))
    record.append(info + "/RECORD,,")
    files[info + "/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = "%s-%s.whl" % (dist, tag)
    with zipfile.ZipFile(os.path.join(directory, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.external_attr = (0o755 if name in executables else 0o644) << 16
            z.writestr(entry, files[name])
    return wheel


def _bundle(config_settings):
    value = (config_settings or {}).get("bundle", os.environ.get("REPRO_RNG_BUNDLE", "1"))
    if value not in ("0", "1"):
        raise ValueError("bundle must be 0 or 1, not %r" % (value,))
    return value == "1"


def _compile_library():
    """(soname, bytes of the shared library) built by the checkout's Makefile."""
    if not ((REPO / "Makefile").is_file() and (REPO / "include" / "repro_rng.h").is_file()):
        raise RuntimeError(
            "the C library's sources are not at %s: install from bindings/python of a "
            "repro_rng checkout, or build a wheel without the library (pip install "
            "--config-settings bundle=0, or REPRO_RNG_BUNDLE=0) and install the "
            "library with `make install`"
            % REPO)
    make = os.environ.get("MAKE", "make")
    build = tempfile.mkdtemp(prefix="repro_rng_build_")
    try:
        # The Makefile names the soname; --eval asks it without a target of ours.
        query = subprocess.run(
            [make, "-s", "-C", str(REPO), "BUILD=" + build, "--eval",
             "repro-print-soname: ; @echo $(SHARED_SONAME)", "repro-print-soname"],
            check=True, capture_output=True, text=True)
        soname = query.stdout.strip().splitlines()[-1]
        # WERROR=0: a compiler newer than the project's CI may warn; that is no reason
        # to fail an install (the Makefile's packager setting).
        run = subprocess.run([make, "-s", "-C", str(REPO), "BUILD=" + build, "WERROR=0",
                              "shared"], capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError("building the C library failed (%s -C %s shared):\n%s%s"
                               % (make, REPO, run.stdout, run.stderr))
        return soname, (Path(build) / "lib" / soname).resolve().read_bytes()
    finally:
        shutil.rmtree(build, ignore_errors=True)


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    files = {"%s/%s" % (PACKAGE, f.name): f.read_bytes()
             for f in sorted((ROOT / PACKAGE).glob("*.py"))}
    if not _bundle(config_settings):
        return _write_wheel(wheel_directory, files)
    soname, data = _compile_library()
    library = "%s/%s" % (PACKAGE, soname)
    files[library] = data
    return _write_wheel(wheel_directory, files,
                        re.sub(r"[-.]", "_", sysconfig.get_platform()), (library,))


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # A .pth file puts this folder on sys.path: edits take effect without reinstalling.
    pth = (str(ROOT) + "\n").encode()
    return _write_wheel(wheel_directory, {"%s_editable.pth" % PACKAGE: pth})


def build_sdist(sdist_directory, config_settings=None):
    try:
        from setuptools import build_meta
    except ImportError:
        raise RuntimeError("building an sdist needs setuptools (pip install "
                           "--no-build-isolation with setuptools installed)") from None
    return build_meta.build_sdist(sdist_directory, config_settings)
