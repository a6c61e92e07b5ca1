"""Inline scripts and styles moved out of HTML into files named by their content, so that the
guide's pages and the widget's figures work under a Content Security Policy without
``'unsafe-inline'`` (docs/embedding.md).

- an inline script in the head (the theme's bootstrap), or a module anywhere, becomes
  ``<script src="NAME.js">`` at the same place: it runs at the same moment as the inline one
  did (a module is deferred: it never stopped the parser);
- a classic inline script in the body (the theme's palette script in the header, its tabs
  script after the content) runs from the head's script instead, at its very place, through
  an empty custom element the head's script defines (``static/run-in-place.js``): an external
  script there would stop the parser until it arrived, and the browser would paint what came
  before it alone, the rest later (Lighthouse counts that later paint, with everything fetched
  before it). The element runs its script each time one is inserted, so content the theme's
  instant navigation swaps in runs its scripts as before; a script the head does not hold (on a
  page reached that way) is loaded from its file, which is written too. Its ``var`` names are
  the function's own, not globals;
- ``<style>`` elements and ``style="…"`` attributes (the figures', the Markdown tables'
  alignment) become rules of one stylesheet per page, linked from the head; an attribute turns
  into a class (``hs-<hash>``) whose rule is ``!important``, as an inline style outranks the
  page's rules;
- JSON data blocks (``<script type="application/json">``) are not scripts and stay.

Text outside tags holds no ``<`` (HTML escapes it), so the tags are found by their grammar.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["InlineFiles", "move_styles"]

_ATTR = r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_TAG = re.compile(rf"<[a-zA-Z][\w:-]*(?:\s+{_ATTR})*\s*/?>")
_ATTRS = re.compile(rf"\s+({_ATTR})")
_STYLE_ELEMENT = re.compile(r"<style(\s[^>]*)?>(.*?)</style\s*>", re.DOTALL | re.IGNORECASE)
_SCRIPT = re.compile(r"<script(\s[^>]*)?>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTR = re.compile(r"""\s+style\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_CLASS_ATTR = re.compile(r"""(\sclass\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_TYPE_ATTR = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_SRC_ATTR = re.compile(r"\ssrc\s*=", re.IGNORECASE)
_MEDIA_ATTR = re.compile(r"""\smedia\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_SCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}
"""Types a browser runs; any other (JSON data, templates) is data, which CSP does not block."""
_RUN_IN_PLACE = (Path(__file__).parent / "static" / "run-in-place.js").read_text("utf-8")


def _name(text: str, suffix: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16] + suffix


def _important(declarations: str) -> str:
    """``a:b;c:d`` with each declaration ``!important`` (an inline style outranks rules)."""
    out = []
    for written in declarations.split(";"):
        declaration = written.strip()
        if declaration:
            important = declaration.replace(" ", "").endswith("!important")
            out.append(declaration if important else f"{declaration}!important")
    return ";".join(out)


def _with_class(tag: str, name: str) -> str:
    """``tag`` (a start tag) with ``name`` added to its classes."""
    found = _CLASS_ATTR.search(tag)
    if found is None:
        end = -2 if tag.endswith("/>") else -1
        return f'{tag[:end]} class="{name}"{tag[end:]}'
    classes = found[2] if found[2] is not None else found[3]
    return f'{tag[: found.start()]}{found[1]}"{classes} {name}"{tag[found.end() :]}'


def move_styles(markup: str) -> tuple[str, list[str]]:
    """``markup`` without ``<style>`` elements or ``style`` attributes, and the CSS rules that
    replace them, in document order."""
    rules: list[str] = []

    def element(match: re.Match[str]) -> str:
        media = _MEDIA_ATTR.search(match[1] or "")
        css = match[2]
        if media is not None:
            css = f"@media {media[1] if media[1] is not None else media[2]}{{{css}}}"
        rules.append(css)
        return ""

    def attribute(tag: re.Match[str]) -> str:
        style = _STYLE_ATTR.search(tag[0])
        if style is None:
            return tag[0]
        declarations = html.unescape(style[1] if style[1] is not None else style[2])
        declarations = _important(declarations)
        if not declarations:
            return tag[0][: style.start()] + tag[0][style.end() :]
        name = "hs-" + _name(declarations, "")[:10]
        rules.append(f".{name}{{{declarations}}}")
        return _with_class(tag[0][: style.start()] + tag[0][style.end() :], name)

    markup = _STYLE_ELEMENT.sub(element, markup)
    # Tags only outside scripts (a script's text is not markup).
    out, at = [], 0
    for script in _SCRIPT.finditer(markup):
        out += [_TAG.sub(attribute, markup[at : script.start()]), script[0]]
        at = script.end()
    out.append(_TAG.sub(attribute, markup[at:]))
    return "".join(out), rules


@dataclass
class InlineFiles:
    """The files moved out of pages, by name; the same script or stylesheet on many pages is one
    file, named by the sha256 of its text (so a host may cache it forever)."""

    files: dict[str, str] = field(default_factory=dict)

    def page(self, page: str, folder: str) -> str:
        """``page`` (a whole HTML document) with its inline scripts and styles moved into files
        of this collection; ``folder`` is the files' URL as the page sees it (ending in /)."""
        page = self._run_in_place(page, folder)
        page = _SCRIPT.sub(lambda m: self._script(m, folder), page)
        page, rules = move_styles(page)
        if rules:
            css = "".join(dict.fromkeys(rules))
            name = self._add(css, ".css")
            link = f'<link rel="stylesheet" href="{folder}{name}">'
            page = page.replace("</head>", link + "</head>", 1)
        return page

    def _script(self, match: re.Match[str], folder: str) -> str:
        if _inline_code(match) is None:
            return match[0]  # an external script, or data
        name = self._add(match[2], ".js")
        return f'<script{match[1] or ""} src="{folder}{name}"></script>'

    def _run_in_place(self, page: str, folder: str) -> str:
        """``page`` with the classic inline scripts of its body replaced by markers, run from the
        head by ``static/run-in-place.js``, joined to the head's last classic inline script (the
        theme's bootstrap, which they use) or in a script of its own at the end of the head.
        Each is written as a file too: the marker names it, for a page that instant navigation
        brings into one whose head did not know the script."""
        head_end = page.find("</head>")
        if head_end < 0:
            return page
        scripts: dict[str, str] = {}

        def marker(script: re.Match[str]) -> str:
            if _inline_code(script) != "":
                return script[0]
            name = self._add(script[2], ".js")
            key = name.removesuffix(".js")
            scripts[key] = script[2]
            return f'<hs-run hidden data-s="{key}" data-src="{folder}{name}"></hs-run>'

        body = _SCRIPT.sub(marker, page[head_end:])
        if not scripts:
            return page
        functions = ",".join(f'"{key}":function(){{\n{text}\n}}' for key, text in scripts.items())
        runner = _RUN_IN_PLACE.replace("IN_PLACE_SCRIPTS", f"{{{functions}}}")
        page = page[:head_end] + body
        last = None
        for script in _SCRIPT.finditer(page, 0, head_end):
            if _inline_code(script) == "":
                last = script
        if last is None:
            return page[:head_end] + f"<script>{runner}</script>" + page[head_end:]
        return page[: last.end(2)] + f";\n{runner}" + page[last.end(2) :]

    def _add(self, text: str, suffix: str) -> str:
        name = _name(text, suffix)
        self.files[name] = text
        return name


def _inline_code(script: re.Match[str]) -> str | None:
    """The type of an inline script a browser runs (``""`` for a classic one); None for an
    external script, an empty one or data."""
    attrs = script[1] or ""
    found = _TYPE_ATTR.search(attrs)
    kind = "" if found is None else found[1].lower()
    if _SRC_ATTR.search(attrs) or not script[2].strip() or kind not in _SCRIPT_TYPES:
        return None
    return "" if kind != "module" else kind
