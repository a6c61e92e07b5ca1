"""Which pages the content produces, and their Markdown."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2

from hipcore.catalog import Index
from hipcore.model import Catalog
from hipcore.words import series
from site_plugins.render import escape, paths, words
from site_plugins.render.compiled import template_cache
from site_plugins.render.pagewords import PageWords
from site_plugins.render.paths import assessment_page, exercise_page, relative, slug
from site_plugins.render.relations import Relations

__all__ = ["STYLESHEET", "TEMPLATES", "Page", "environment", "render_pages", "slug"]

TEMPLATES = Path(__file__).parent / "templates"
STYLESHEET = Path(__file__).parent / "static" / "hipguide.css"
SITE_SCRIPT = Path(__file__).parent / "static" / "hipguide-site.js"
"""The guide's stylesheet (layout of the generated pages, print); the adapter ships it."""


@dataclass(frozen=True)
class Page:
    path: str
    """Source path in the docs tree, e.g. 'assessments/single-leg-bridge.md'."""
    markdown: str


_SYNTAX: dict[str, Any] = {
    "autoescape": False,  # Markdown output; values are escaped with the |e filter where HTML
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
}
"""How templates are written: block tags take no lines of their own."""


def environment(
    extra_dirs: tuple[Path, ...] = (), compiled: Path | None = None
) -> jinja2.Environment:
    """Templates a theme may override: folders in ``extra_dirs`` are searched first.
    ``compiled``: a folder that keeps the compiled templates from one build to the next
    (``site_plugins/render/compiled.py``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*map(str, extra_dirs), str(TEMPLATES)]),
        undefined=jinja2.StrictUndefined,
        bytecode_cache=None if compiled is None else template_cache(compiled),
        **_SYNTAX,
    )
    env.filters.update(
        slug=slug,
        cell=words.cell,
        dose=_with_words(words.dose_words),
        threshold=_with_words(words.threshold_words),
        quantity=words.quantity,
        number=words.number,
        series=_with_words(lambda words, items: series(items, words.list_and)),
        choices=_with_words(lambda words, items: series(items, words.list_or)),
        quality=_with_words(words.quality_words),
        region=_with_words(words.region_words),
        unit=_with_words(words.unit_words),
        equipment=_with_words(words.equipment_words),
        origin=_with_words(words.origin_words),
        anchor=paths.source_anchor,
        when=_with_words(words.when_words),
        text=escape.text,
        markdown=escape.markdown,
        sentence=escape.sentence,
    )
    env.globals.update(
        assessment_page=assessment_page,
        exercise_page=exercise_page,
        pages=paths,
        qualities=words.QUALITIES,
    )
    return env


def _with_words(function: Callable[..., str]) -> Callable[..., str]:
    """A filter that words its value with the words of the catalog the page is rendered from
    (``catalog.words``, passed to every template)."""

    @jinja2.pass_context
    def worded(context: jinja2.runtime.Context, value: Any, *args: Any, **kwargs: Any) -> str:
        return function(context["catalog"].words, value, *args, **kwargs)

    return worded


def render_pages(
    catalog: Catalog,
    env: jinja2.Environment | None = None,
    figures: Mapping[str, str] | None = None,
    *,
    page_words: PageWords,
) -> list[Page]:
    """All generated pages. ``figures`` maps an assessment or exercise id to its figures,
    already rendered as an HTML block (see ``site_plugins.figures``); ``page_words`` are the
    pages' own words (``content/pages.yaml``)."""
    env = env or environment()
    relations = Relations(catalog)
    shared: dict[str, Any] = {
        "catalog": catalog,
        "page_words": page_words,
        "index": Index(catalog),
        "relations": relations,
        "figures": dict(figures or {}),
        "source": relations.source,
    }

    def page(path: str, template: str, **context: Any) -> Page:
        url: Callable[[str], str] = partial(relative, path)
        markdown = env.get_template(template).render(shared, here=path, url=url, **context)
        return Page(path, markdown)

    pages = [
        page(paths.ARTICLE, "article.md.j2"),
        page(paths.SELF_ASSESSMENT, "self-assessment.md.j2"),
        page(paths.ASSESSMENTS, "assessments.md.j2"),
        page(paths.EXERCISES, "exercises.md.j2"),
        page(paths.SOURCES, "sources.md.j2"),
    ]
    pages += [
        page(assessment_page(a.id), "assessment.md.j2", assessment=a) for a in catalog.assessments
    ]
    pages += [page(exercise_page(e.id), "exercise.md.j2", exercise=e) for e in catalog.exercises]
    return pages
