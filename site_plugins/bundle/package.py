"""The widget's bundle as an npm package: ``package.json`` and ``README.md`` written beside the
bundle's files, so that ``npm pack`` in that folder makes a tarball a site can self-host
(docs/embedding.md). The package is the folder as the guide serves it: the element finds its
catalog, worker and runtime relative to its own module, so a copy served anywhere works."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

__all__ = ["PACKAGE_NAME", "write_package"]

PACKAGE_NAME = "hipguide-widget"
_README = Path(__file__).parent / "package-readme.md"


DESCRIPTION = (
    "<hip-assessment>: hipguide's self-assessment for runners as a web component; its engine "
    "runs on Pyodide in the runner's browser, from these files."
)


def write_package(
    target: Path, *, version: str, pyodide: str, files: Iterable[str]
) -> dict[str, object]:
    """Write ``target/package.json`` and ``target/README.md``; ``files`` are the bundle's
    paths (relative to ``target``, folders ending in /) the package holds. Returns the
    package.json document."""
    listed = sorted(files)
    missing = [f for f in listed if not (target / f.rstrip("/")).exists()]
    if missing:
        raise FileNotFoundError(f"{target}: the package lists missing files: {missing}")
    package: dict[str, object] = {
        "name": PACKAGE_NAME,
        "version": version,
        "description": DESCRIPTION,
        # The element's own code is MIT; pyodide/ is Pyodide's runtime, unmodified (MPL-2.0).
        "license": "(MIT AND MPL-2.0)",
        "type": "module",
        "main": "./widget/index.js",
        "exports": {
            ".": "./widget/index.js",
            "./define": "./widget/define.js",
            "./hip-assessment.css": "./widget/hip-assessment.css",
            "./package.json": "./package.json",
        },
        "sideEffects": ["./widget/index.js", "./widget/define.js"],
        "files": listed,
        "hipguide": {
            "pyodide": pyodide,
            "note": "pyodide/ is part of this package: the start-up snapshot only works with "
            "the exact runtime files it was made with.",
        },
    }
    (target / "package.json").write_text(json.dumps(package, indent=2) + "\n", encoding="utf-8")
    readme = _README.read_text("utf-8")
    readme = readme.replace("{name}", PACKAGE_NAME).replace("{version}", version)
    readme = readme.replace("{pyodide}", pyodide)
    (target / "README.md").write_text(readme, encoding="utf-8")
    return package
