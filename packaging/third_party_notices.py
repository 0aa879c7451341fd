"""Write THIRD_PARTY_NOTICES: the licence of every distribution Claimdesk runs on, read from the
installed distributions themselves (importlib.metadata), with their licence files in full.

Run with the venv that builds the bundle, so the notices name what the bundle carries:

    .venv/bin/python packaging/third_party_notices.py             # THIRD_PARTY_NOTICES at the top
    .venv/bin/python packaging/third_party_notices.py --bundle -o build/THIRD_PARTY_NOTICES

The runtime dependencies are pyproject.toml's `dependencies`, followed through each installed
distribution's own requirements (extras included where a requirement asks for them: justext needs
`lxml[html_clean]`). Licence texts come from the files a distribution lists (`License-File`, or
the LICENSE/COPYING/NOTICE files in its .dist-info). Qt for Python's wheels ship none, so the
LGPL v3 (and the GPL v3 it builds on) are taken from packaging/licenses/. `--bundle` adds what
only the bundle carries: the Python interpreter's licence and PyInstaller's bootloader licence.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import sysconfig
import tomllib
from importlib import metadata
from pathlib import Path

try:
    from packaging.requirements import Requirement
except ImportError:  # a build venv always has pip, which carries its own copy
    from pip._vendor.packaging.requirements import Requirement  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]
LICENSES = Path(__file__).resolve().parent / "licenses"
LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|COPYRIGHT)[^/]*$", re.IGNORECASE)
LGPL_ONLY = {"pyside6-essentials", "shiboken6"}  # Qt for Python: offered under the LGPL v3, which we take
# Licences whose full text must travel with the program, and the line that starts it: a distribution
# under one of them that carries only a notice (certifi: MPL's header; Qt for Python: nothing) gets the
# text from packaging/licenses/.
FULL_TEXTS = (
    (re.compile(r"\bLGPL-?v?3"), "LGPL-3.0.txt", "GNU LESSER GENERAL PUBLIC LICENSE"),
    (re.compile(r"(?<!L)GPL-?v?3"), "GPL-3.0.txt", "GNU GENERAL PUBLIC LICENSE"),
    (
        re.compile(r"\bMPL-2\.0|Mozilla Public License 2\.0"),
        "MPL-2.0.txt",
        "Mozilla Public License Version 2.0",
    ),
    (re.compile(r"\bApache-2\.0|Apache Software License"), "Apache-2.0.txt", "Apache License"),
)
RULE = "=" * 78
QT_NOTE = """\
Claimdesk uses Qt and Qt for Python (PySide6, Shiboken) under the GNU Lesser General Public
License version 3 (text below, with the GNU GPL version 3 it adds to). Qt's libraries are shipped
as separate shared libraries inside the bundle (PySide6/Qt/lib, or Qt*.dll, or the Frameworks
folder): you may replace them with your own build of the same Qt version. Qt's source code:
https://download.qt.io/official_releases/qt/ ; Qt for Python's: https://code.qt.io/pyside/pyside-setup.
Qt itself contains third-party code (ICU, HarfBuzz, FreeType, libpng, zlib and others), listed
with their licences at https://doc.qt.io/qt-6/licenses-used-in-qt.html . Help > About Qt in
Claimdesk shows the Qt version in use."""


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_distributions(pyproject: Path = ROOT / "pyproject.toml") -> list[metadata.Distribution]:
    """pyproject's dependencies and everything they need, as installed here, sorted by name."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pending = [(Requirement(text), "") for text in project["dependencies"]]
    found: dict[str, metadata.Distribution] = {}
    extras_done: set[tuple[str, str]] = set()
    while pending:
        requirement, extra = pending.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        key = normalised(requirement.name)
        try:
            dist = found.get(key) or metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            sys.exit(
                f"{requirement.name} is not installed here: install the project first (pip install -e .)"
            )
        found[key] = dist
        for wanted in ["", *sorted(requirement.extras)]:
            if (key, wanted) in extras_done:
                continue
            extras_done.add((key, wanted))
            pending += [(Requirement(text), wanted) for text in dist.requires or []]
    return sorted(found.values(), key=lambda d: normalised(field(d.metadata, "Name")))


def field(meta: metadata.PackageMetadata, key: str) -> str:
    """A metadata field, "" when the distribution does not give it."""
    values = meta.get_all(key)
    return str(values[0]) if values else ""


def licence_name(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if expression := field(meta, "License-Expression"):
        return expression
    declared = field(meta, "License").strip()
    if declared and len(declared) < 120 and "\n" not in declared:
        return declared
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    return "; ".join(classifiers) or "see the licence text below"


def licence_texts(dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of each licence file the distribution carries, each text once."""
    texts: list[tuple[str, str]] = []
    seen: set[str] = set()
    for file in dist.files or []:
        path = str(file).replace("\\", "/")
        if ".dist-info/" not in path or not LICENCE_FILE.search(path):
            continue
        try:
            text = Path(str(file.locate())).read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            continue
        digest = hashlib.sha256(text.encode()).hexdigest()
        if text and digest not in seen:
            seen.add(digest)
            texts.append((path.split(".dist-info/", 1)[1], text))
    declared = field(dist.metadata, "License").strip()
    if not texts and len(declared) >= 120:  # an old-style package with its licence in the metadata
        texts.append(("License (from the package metadata)", declared))
    licence, carried = licence_name(dist), "\n".join(text for _, text in texts)
    for pattern, text_file, title in FULL_TEXTS:
        if pattern.search(licence) and title not in carried:
            full = (LICENSES / text_file).read_text(encoding="utf-8").strip()
            texts.append((f"{text_file} (the licence's full text)", full))
    return texts


def home_page(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if field(meta, "Home-page"):
        return str(meta["Home-page"])
    urls = [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
    return urls[0] if urls else ""


def section(title: str, licence: str, home: str, texts: list[tuple[str, str]], note: str = "") -> str:
    lines = [RULE, title, f"Licence: {licence}"]
    if home:
        lines.append(f"Home: {home}")
    if note:
        lines += ["", note]
    for name, text in texts:
        lines += ["", f"--- {name} ---", "", text]
    return "\n".join(lines) + "\n"


def bundle_sections() -> list[str]:
    """What only the PyInstaller bundle carries: the interpreter and PyInstaller's bootloader."""
    sections = []
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for candidate in (stdlib / "LICENSE.txt", Path(sys.base_prefix) / "LICENSE.txt"):
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8", errors="replace").strip()
            version = ".".join(map(str, sys.version_info[:3]))
            sections.append(
                section(f"Python {version}", "PSF-2.0", "https://www.python.org", [("LICENSE.txt", text)])
            )
            break
    try:
        pyinstaller = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return sections
    sections.append(section(
        f"PyInstaller bootloader {pyinstaller.version}", licence_name(pyinstaller), home_page(pyinstaller),
        licence_texts(pyinstaller),
        "The program that starts the bundle. Its licence is the GPL v2 with an exception that allows "
        "distributing it with programs of any licence.",
    ))  # fmt: skip
    return sections


def notices(distributions: list[metadata.Distribution], bundle: bool = False) -> str:
    rows = [(field(d.metadata, "Name"), d.version, licence_name(d)) for d in distributions]
    rows = [row for row in rows if normalised(row[0]) != "claimdesk"]
    width = max(len(name) for name, _, _ in rows) + 2
    version_width = max(len(version) for _, version, _ in rows) + 2
    head = [
        "Third-party software in Claimdesk",
        "",
        "Claimdesk itself is under the MIT licence (LICENSE). It runs on the software below, which",
        "the installers and the bundle carry; each comes with its licence, in full, after the list.",
        "This file is generated by packaging/third_party_notices.py from the installed distributions.",
        "",
    ]
    head += [f"  {name:<{width}}{version:<{version_width}}{licence}" for name, version, licence in rows]
    body = []
    for dist in distributions:
        name = field(dist.metadata, "Name")
        if normalised(name) == "claimdesk":
            continue
        note = QT_NOTE if normalised(name) in LGPL_ONLY else ""
        body.append(
            section(f"{name} {dist.version}", licence_name(dist), home_page(dist), licence_texts(dist), note)
        )
    if bundle:
        body += bundle_sections()
    return "\n".join(head) + "\n\n" + "\n".join(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "THIRD_PARTY_NOTICES")
    parser.add_argument("--bundle", action="store_true", help="add Python's and PyInstaller's licences")
    args = parser.parse_args(argv)
    text = notices(runtime_distributions(), bundle=args.bundle)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8", newline="\n")
    print(f"Wrote {args.output} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
