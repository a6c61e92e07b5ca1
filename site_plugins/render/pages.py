"""Which pages the content produces, and their Markdown."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2

from hipcore.catalog import Index
from hipcore.model import Catalog

__all__ = ["Page", "render_pages", "slug"]

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Page:
    path: str
    """Source path in the docs tree, e.g. 'assessments/single-leg-bridge.md'."""
    markdown: str


def slug(item_id: str) -> str:
    return item_id.replace("_", "-")


def environment(extra_dirs: tuple[Path, ...] = ()) -> jinja2.Environment:
    """Templates a theme may override: folders in ``extra_dirs`` are searched first."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*map(str, extra_dirs), str(TEMPLATES)]),
        autoescape=False,  # Markdown output; values are escaped with the |e filter where HTML
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["slug"] = slug
    return env


def render_pages(
    catalog: Catalog,
    env: jinja2.Environment | None = None,
    figures: Mapping[str, str] | None = None,
) -> list[Page]:
    """All generated pages. ``figures`` maps an assessment or exercise id to its figures,
    already rendered as an HTML block (see ``site_plugins.figures``)."""
    env = env or environment()
    index = Index(catalog)
    context = {"catalog": catalog, "index": index, "figures": dict(figures or {})}
    pages = [Page("self-assessment.md", env.get_template("self-assessment.md.j2").render(context))]
    for assessment in catalog.assessments:
        markdown = env.get_template("assessment.md.j2").render(context, assessment=assessment)
        pages.append(Page(f"assessments/{slug(assessment.id)}.md", markdown))
    return pages
