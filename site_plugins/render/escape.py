"""Content strings made safe for the Markdown the pages are written in.

Content is text (``site_plugins.content.markup``): the loader refuses HTML, script addresses and
attribute lists, and the templates escape every string anyway, so that nothing in a content
file can become live HTML, even if a check were missed.
"""

from __future__ import annotations

import re
import string

__all__ = ["link_allowed", "markdown", "sentence", "text"]

_GUIDE_PAGE = re.compile(r"(?:[\w.-]+/)*[\w.-]+\.md(?:#[\w-]+)?|#[\w-]+")
_HTTPS = re.compile(r"https://[^\s<>\"'`]+")


def link_allowed(address: str) -> bool:
    """A page of the guide (``../exercises/hip-bridge.md``, ``#a-heading``) or an https source."""
    return bool(_GUIDE_PAGE.fullmatch(address) or _HTTPS.fullmatch(address))


_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_MARKDOWN = re.compile(r"([\\`*\[\]{}!])")
_LINK = re.compile(r"\[([^\]]*)\]\(([^)]*)\)")


def text(value: str) -> str:
    """Plain text, shown as written: no HTML, no Markdown formatting, no attribute lists."""
    return _MARKDOWN.sub(r"\\\1", value.translate(_HTML))


def markdown(value: str) -> str:
    """Text in the Markdown subset (emphasis, links to guide pages and https sources): HTML and
    attribute lists are escaped, and a link to anywhere else is shown as plain text."""

    def link(match: re.Match[str]) -> str:
        return match[0] if link_allowed(match[2]) else _MARKDOWN.sub(r"\\\1", match[0])

    escaped = value.translate(_HTML).replace("{", "\\{").replace("}", "\\}")
    return _LINK.sub(link, escaped.replace("![", "\\!["))


def sentence(template: str, /, **names: object) -> str:
    """A sentence in the Markdown subset with its ``{name}``s filled in: the sentence's own words
    escaped as ``markdown`` escapes them, each value as ``text`` (a value is content, shown as
    written, and escaped once)."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(template):
        out.append(markdown(literal))
        if name is not None:
            out.append(text(str(names[name])))
    return "".join(out)
