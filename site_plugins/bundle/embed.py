"""The ``/embed/`` page: the widget alone, for a host page to show in an iframe.

No theme around it, no inline script or style (the page works under a strict Content Security
Policy), nothing but ``<hip-assessment>`` at full width. ``embed-frame.js`` reads its
configuration from the page's URL and talks to the host's ``embed-host.js`` through
origin-checked messages (``embed-protocol.js``; docs/embedding.md)."""

from __future__ import annotations

from html import escape

__all__ = ["EMBED_PAGE", "FRAME_SCRIPT", "HOST_SCRIPT", "embed_page"]

EMBED_PAGE = "embed/index.html"
"""Where the page goes in the built site (served as ``/embed/``)."""
FRAME_SCRIPT = "embed-frame.js"
"""The page's script, in the widget folder."""
HOST_SCRIPT = "embed-host.js"
"""The host page's resizer, in the widget folder."""
_STYLESHEET = "embed.css"


def embed_page(*, title: str, language: str, widget: str, icon: str, head: str = "") -> str:
    """The page's HTML. ``widget``: the widget folder's URL relative to the page, ending in
    ``/``; ``icon``: the guide's icon, relative to the page; ``head``: more of the head, as
    HTML (the preload links the guide's pages have)."""
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        # Links leave the frame (embed-frame.js follows the URL's `target`).
        '<base target="_blank">\n'
        f'<link rel="icon" href="{escape(icon)}">\n'
        f'<link rel="stylesheet" href="{escape(widget + _STYLESHEET)}">\n'
        f"{head}\n"
        f'<script type="module" src="{escape(widget + FRAME_SCRIPT)}"></script>\n'
        "</head>\n<body>\n"
        f'<main><h1 class="visually-hidden">{escape(title)}</h1></main>\n'
        "</body>\n</html>\n"
    )
