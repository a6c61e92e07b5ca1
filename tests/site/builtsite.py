"""The built site as data: its HTML pages parsed, and its links resolved to files."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.site.htmltree import Element, parse_file

LINKING = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src"}
"""Elements whose attribute points at another file of the site."""


@dataclass(frozen=True)
class Link:
    page: str
    """The page it is on, as a URL path from the site root ('exercises/hip-bridge/')."""
    url: str
    target: Path
    fragment: str


@dataclass
class BuiltSite:
    root: Path
    site_url: str

    @cached_property
    def pages(self) -> dict[str, Element]:
        """URL path ('' for the home page, 'exercises/hip-bridge/') -> parsed HTML."""
        return {self.url_of(path): parse_file(path) for path in sorted(self.root.rglob("*.html"))}

    def url_of(self, path: Path) -> str:
        rel = path.relative_to(self.root).as_posix()
        return rel.removesuffix("index.html")

    def page(self, url: str) -> Element:
        assert url in self.pages, f"the site has no page at /{url}"
        return self.pages[url]

    def ids(self, url: str) -> set[str]:
        return {e.attrs["id"] for e in self.page(url).iter() if "id" in e.attrs}

    def links(self) -> list[Link]:
        """Every link between files of this site, from every page."""
        found = []
        for url, tree in self.pages.items():
            for tag, attr in LINKING.items():
                for element in tree.iter(tag):
                    value = element.attrs.get(attr)
                    if value is None:
                        continue
                    target = self.resolve(url, value)
                    if target is not None:
                        found.append(Link(url, value, *target))
        return found

    def resolve(self, page: str, url: str) -> tuple[Path, str] | None:
        """The file a link on ``page`` points at, and its fragment; None for other hosts."""
        parts = urlsplit(url)
        if url.startswith(self.site_url):
            parts = urlsplit("/" + url.removeprefix(self.site_url))
        elif parts.scheme or parts.netloc:
            return None
        path = unquote(parts.path)
        if not path:
            return self.file_of(page), parts.fragment
        if path.startswith("/"):
            target = posixpath.normpath(path.lstrip("/") or ".")
        else:
            base = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
            target = posixpath.normpath(base + path)
        file = self.root / target
        return (file / "index.html" if file.is_dir() else file), parts.fragment

    def file_of(self, url: str) -> Path:
        return self.root / url / "index.html" if url.endswith("/") or not url else self.root / url
