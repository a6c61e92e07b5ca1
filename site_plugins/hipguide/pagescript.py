"""The guide's page script: the modules every guide page runs, in one file.

Three small modules ran on every page: the theme fixes (``render/static/hipguide-site.js``), the
service worker's registration (``bundle/register-sw.js``) and the widget's loader
(``widget/on-demand.js``, which imports the element only where a page holds one). Three module
requests in the head cost a phone's first paint more than their bytes (Lighthouse's mobile
simulation: the developer docs' page went from 93 to 96 with one); one file holds them, each
part in a block of its own, so their names stay apart. It is written beside the guide's other
files, so the registration's path to ``sw.js`` is the same as before, and named by its content:
the loader's path names the bundle's versioned folder, so a page and the widget it imports always
come from the same build, whatever a cache kept.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from site_plugins.bundle import REGISTER_SCRIPT
from site_plugins.render import SITE_SCRIPT

__all__ = ["ON_DEMAND", "page_script"]

ON_DEMAND = Path(__file__).parent.parent / "widget" / "on-demand.js"
_ELEMENT = 'import("./index.js")'
"""How the loader imports the element, from its own folder; from the page script's, the
versioned folder's ``widget/index.js``."""
_HEADER = """\
// The guide's page script (site_plugins/hipguide/pagescript.py): the theme fixes, the service
// worker's registration and the widget's loader, one module on every page instead of three.
"""


def page_script(version: str) -> tuple[str, str]:
    """The script's file name (``page-<hash>.js``) and text, for the bundle folder ``version``."""
    loader = ON_DEMAND.read_text("utf-8")
    if loader.count(_ELEMENT) != 1:
        raise ValueError(f"{ON_DEMAND.name} must import the element once, as {_ELEMENT}")
    loader = loader.replace(_ELEMENT, f'import("./{version}/widget/index.js")')
    parts = (SITE_SCRIPT.read_text("utf-8"), REGISTER_SCRIPT.read_text("utf-8"), loader)
    text = _HEADER + "".join(f"{{\n{part.rstrip()}\n}}\n" for part in parts)
    return f"page-{hashlib.sha256(text.encode()).hexdigest()[:12]}.js", text
