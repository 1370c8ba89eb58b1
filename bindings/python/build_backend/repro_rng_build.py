"""PEP 517 build backend for the repro_rng bindings that needs no download.

When setuptools can build wheels here (setuptools with the `wheel` package, or
setuptools >= 70.1), every hook goes to setuptools.build_meta with the configuration
in pyproject.toml.  Otherwise (an isolated build, which sees no installed packages, or
an interpreter without `wheel`), build_wheel and build_editable write the wheel with
the standard library: the package is pure Python, so a wheel is a zip of its .py
files and a few metadata files (PEP 427, PEP 660).
"""

import base64
import hashlib
import os
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "repro_rng"


def _setuptools():
    try:
        from setuptools import build_meta
    except ImportError:
        return None
    for provider in ("setuptools.command.bdist_wheel", "wheel.bdist_wheel"):
        try:
            __import__(provider)
            return build_meta
        except ImportError:
            pass
    return None


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


def _write_wheel(directory, files):
    """Writes {name}-{version}-py3-none-any.whl with files {archive path: bytes}."""
    p = _project()
    dist = "%s-%s" % (re.sub(r"[-_.]+", "_", p["name"]), p["version"])
    info = dist + ".dist-info"
    files = dict(files)
    files[info + "/METADATA"] = _metadata().encode()
    files[info + "/WHEEL"] = (b"Wheel-Version: 1.0\nGenerator: repro_rng_build\n"
                              b"Root-Is-Purelib: true\nTag: py3-none-any\n")
    files[info + "/top_level.txt"] = (PACKAGE + "\n").encode()
    record = []
    for name, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
        record.append("%s,sha256=%s,%d" % (name, digest.decode(), len(data)))
    record.append(info + "/RECORD,,")
    files[info + "/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel = dist + "-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(directory, wheel), "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), files[name])
    return wheel


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_editable(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    st = _setuptools()
    if st is not None:
        return st.build_wheel(wheel_directory, config_settings, metadata_directory)
    sources = sorted((ROOT / PACKAGE).glob("*.py"))
    return _write_wheel(wheel_directory,
                        {"%s/%s" % (PACKAGE, f.name): f.read_bytes() for f in sources})


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    st = _setuptools()
    if st is not None and hasattr(st, "build_editable"):
        return st.build_editable(wheel_directory, config_settings, metadata_directory)
    # A .pth file puts this folder on sys.path: edits take effect without reinstalling.
    pth = (str(ROOT) + "\n").encode()
    return _write_wheel(wheel_directory, {"%s_editable.pth" % PACKAGE: pth})


def build_sdist(sdist_directory, config_settings=None):
    st = _setuptools()
    if st is None:
        raise RuntimeError("building an sdist needs setuptools "
                           "(pip install --no-build-isolation with setuptools installed)")
    return st.build_sdist(sdist_directory, config_settings)
