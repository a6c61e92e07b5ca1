"""A small element tree over the standard library's ``html.parser``, for asserting on the
built site's HTML without a browser."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """This element and every element under it, in document order."""
        if tag is None or self.tag == tag:
            yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter(tag)

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Elements with this tag whose attributes include ``attrs`` ('class_' matches one
        class among several)."""
        return [e for e in self.iter(tag) if e is not self and e._matches(attrs)]

    def find(self, tag: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag or '*'} {attrs}> under <{self.tag} {self.attrs}>"
        return found[0]

    def _matches(self, attrs: dict[str, str]) -> bool:
        for key, value in attrs.items():
            if key == "class_":
                if value not in self.attrs.get("class", "").split():
                    return False
            elif self.attrs.get(key.replace("_", "-")) != value:
                return False
        return True

    @property
    def text(self) -> str:
        """Text content, whitespace collapsed."""
        parts: list[str] = []

        def walk(node: Element | str) -> None:
            if isinstance(node, str):
                parts.append(node)
            else:
                for child in node.children:
                    walk(child)

        walk(self)
        return " ".join("".join(parts).split())

    @property
    def heading(self) -> str:
        """A heading's text, without the permalink sign the theme adds."""
        return self.text.removesuffix("¶").strip()

    def hrefs(self) -> list[str]:
        return [a.attrs["href"] for a in self.iter("a") if "href" in a.attrs]

    def section(self, heading_id: str) -> Element:
        """The content from the heading with this id up to the next heading of its level,
        as a detached element (for 'what does this section link to')."""
        heading = self.find(id=heading_id)
        assert heading.parent is not None
        siblings = heading.parent.children
        start = siblings.index(heading)
        part = Element("section", {})
        for node in siblings[start + 1 :]:
            if isinstance(node, Element) and _level(node) <= _level(heading):
                break
            part.children.append(node)
        return part


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _level(element: Element) -> int:
    return HEADINGS.index(element.tag) + 1 if element.tag in HEADINGS else 99


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def parse_file(path: Path) -> Element:
    return parse(path.read_text("utf-8"))
