"""Content is text: what a content string may hold, checked before anything is rendered.

Every string is plain text, shown as written: the templates escape it (``site_plugins.render
.escape``). A few fields carry inline formatting (``MARKDOWN_FIELDS``) in a small Markdown subset:
``*emphasis*``, ``**strong**``, and links ``[words](address)`` to a page of the guide
(``../exercises/hip-bridge.md``, ``#a-heading``) or to an ``https://`` source. Nothing in any
field may be raw HTML, a ``javascript:`` address or a ``{...}`` attribute list: those are refused
with the field, however they would have been rendered.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from hipcore import model
from hipcore.errors import FieldPath, Problem
from site_plugins.render.escape import link_allowed

__all__ = ["MARKDOWN_FIELDS", "check_text", "markup_problems"]

MARKDOWN_FIELDS: frozenset[tuple[type, str]] = frozenset(
    {(model.Section, "paragraphs"), (model.EvidenceNote, "text")}
)
"""The fields that carry inline formatting: the article's paragraphs and its evidence notes.
A class of words may say that all its fields carry it, and fill in ``{name}``s, with a class
attribute ``markdown_template = True`` (the page words: ``site_plugins/render/pagewords.py``)."""

_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>\s]*")
_SCRIPT_ADDRESS = re.compile(r"(?i)\b(?:javascript|vbscript)\s*:|\bdata:(?!\s)")
_ATTRIBUTES = re.compile(r"\{[^{}\n]*\}")
_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)]*)\)")
_REFERENCE = re.compile(r"(?m)^\s{0,3}\[[^\]]+\]:")


def check_text(text: str, markdown: bool) -> list[str]:
    """What is wrong with one string, in an editor's words; [] when it is fine."""
    problems = []
    if tag := _HTML.search(text):
        problems.append(
            f"holds HTML ('{tag[0]}'); content is plain text: write it without '<...>' tags"
        )
    if address := _SCRIPT_ADDRESS.search(text):
        problems.append(
            f"holds a '{address[0].lower().replace(' ', '')}' address; links may go only to"
            " pages of this guide and to https:// sources"
        )
    if braces := _ATTRIBUTES.search(text):
        problems.append(
            f"holds '{braces[0]}', which Markdown would read as HTML attributes;"
            " write it without curly brackets"
        )
    if markdown:
        problems += _markdown_problems(text)
    return problems


def _markdown_problems(text: str) -> Iterator[str]:
    for image, _, address in _LINK.findall(text):
        if image:
            yield "holds an image ('![...](...)'); text fields do not carry images"
        elif not link_allowed(address) and not _SCRIPT_ADDRESS.search(address):
            yield (
                f"links to '{address}'; links may go only to pages of this guide"
                " ('../exercises/hip-bridge.md') and to https:// sources"
            )
    if _REFERENCE.search(text):
        yield "defines a link reference ('[name]: address'); write links as [words](address)"


_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
"""A name the engine fills in, in ``model.Words`` sentences (``hipcore.words`` vets the names)."""


def markup_problems(value: object, loc: FieldPath = ()) -> Iterator[Problem]:
    """Every problem in a validated item (a model dataclass, or a tuple of them), located."""
    yield from _walk(value, loc, markdown=False, template=False)


def _walk(value: object, loc: FieldPath, markdown: bool, template: bool) -> Iterator[Problem]:
    if isinstance(value, str):
        text = _PLACEHOLDER.sub("", value) if template else value
        for message in check_text(text, markdown):
            yield Problem(loc, message)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i), markdown, template)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*loc, str(key)), markdown, template)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        worded = bool(getattr(type(value), "markdown_template", False))
        template = template or worded or isinstance(value, model.Words)
        for f in dataclasses.fields(value):
            rich = worded or (type(value), f.name) in MARKDOWN_FIELDS
            yield from _walk(getattr(value, f.name), (*loc, f.name), rich, template)
