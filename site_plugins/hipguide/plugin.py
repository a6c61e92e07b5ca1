"""MkDocs plugin: renders the guide from ``content/`` and ships the self-assessment widget."""

from __future__ import annotations

import html
import json
import logging
import mimetypes
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from hipcore import __version__ as hipcore_version
from hipcore.canonical import canonical_json as dumps
from site_plugins.bundle import (
    COMPRESSED_SUFFIXES,
    EMBED_PAGE,
    EMPTY_STDLIB,
    FAVICON,
    FRAME_SCRIPT,
    HOST_SCRIPT,
    ICONS,
    PLAIN_START_ONLY,
    PYODIDE_FILES,
    Icon,
    RuntimeMissing,
    SnapshotError,
    SnapshotNotKept,
    build_hipcore_wheel,
    copy_pyodide,
    embed_page,
    lock_info,
    place_bundle,
    precompress,
    write_package,
    write_service_worker,
    write_snapshot,
    write_web_manifest,
)
from site_plugins.content import Content, ContentError
from site_plugins.content.cache import Derived, content_key
from site_plugins.figures import (
    CONTACT_SHEET_MARKER,
    FigureError,
    contact_sheet,
    figure_blocks,
)
from site_plugins.figures.theme import STYLE, WIDGET_STYLE
from site_plugins.hipguide.config import HipguideConfig
from site_plugins.hipguide.kept import kept_figures, kept_icons
from site_plugins.hipguide.kinds import SITE_KINDS, load_site_content
from site_plugins.hipguide.pagescript import ON_DEMAND, page_script
from site_plugins.render import (
    STYLESHEET,
    InlineFiles,
    developer_docs,
    environment,
    move_styles,
    navigation,
    render_pages,
)
from site_plugins.render.paths import assessment_page, exercise_page, relative

__all__ = ["HipguidePlugin"]

T = TypeVar("T")
SITE_KIND_NAMES = tuple(kind.name for kind in SITE_KINDS)

WIDGET = Path(__file__).parent.parent / "widget"
# The widget's modules that only a worker imports: no page preloads them
WORKER_MODULES = frozenset({"worker.js", "startup.js", "compile-runtime.js"})
LARGE_RUNTIME_FILES = (
    "pyodide.asm.wasm",
    "pyodide.asm.mjs",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
"""Shipped with precompressed copies beside them, as the snapshot is; the same in every build of
this Pyodide, so compressed as small as brotli can, once (bundle/compress.py)."""
# Outside MkDocs' own loggers: in strict mode, MkDocs would count the problems as build errors
# and abort the rebuild that keeps the last good site.
log = logging.getLogger("hipguide.serve")
said = get_plugin_logger("hipguide")
"""For what the terminal should show at INFO (MkDocs shows its own loggers' only)."""


class HipguidePlugin(BasePlugin[HipguideConfig]):
    def __init__(self) -> None:
        self.content: Content | None = None
        self.root = Path.cwd()
        self.nav_from_content = False
        self.figures: dict[str, str] = {}
        self.pages: set[str] = set()
        """The pages rendered from content (their paths in the docs folder)."""
        self.developer_docs: set[str] = set()
        """The project's own documents, kept out of the runner's search."""
        self.serving = False
        self.last_good: Content | None = None
        self.derived: Derived | None = None
        """What is made from this build's content, kept for a build of the same content and code
        (content/cache.py); None while the content is broken."""
        self.content_error: str | None = None
        self.inline = InlineFiles()
        self.version = ""
        """The bundle's folder under assets_dir (site_plugins/bundle/version.py)."""
        self.bundles_written = 0

    # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, and with it the
    # last good content.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.content = self._load_content()
        self.inline = InlineFiles()
        if self._stylesheet not in config.extra_css:
            config.extra_css.append(self._stylesheet)
        # A nav written in mkdocs.yml wins; without one, the content decides the order.
        self.nav_from_content = config.nav is None
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.content is None:
            return files
        env = environment(self._override_dirs(config), self._cache / "templates")
        hand_written = [f.src_uri for f in files.documentation_pages()]
        self.developer_docs = set(developer_docs(hand_written))
        figures = self.figures = self._render_figures()
        self.pages = set()
        (page_words,) = self.content.extras["pages"]
        for page in render_pages(self.content.catalog, env, figures=figures, page_words=page_words):
            files.append(File.generated(config, page.path, content=page.markdown))
            self.pages.add(page.path)
        stylesheet = STYLESHEET.read_text("utf-8")
        files.append(File.generated(config, self._stylesheet, content=stylesheet))
        draw_icon = kept_icons(self._cache / "icons")
        for icon, path in self._icons.items():
            files.append(File.generated(config, path, content=draw_icon(icon)))
        if self.nav_from_content:
            config.nav = navigation(self.content.catalog, hand_written, page_words.titles)
        # Here, not after the pages: they link to the bundle's versioned folder, named by its
        # content. (The site folder was cleaned before this event.)
        self.version = self._write_bundle(Path(config.site_dir) / self.config.assets_dir)
        # Every page gets the page script (pagescript.py), not the element: the widget's modules
        # are fetched only on a page that holds one, instant navigation included.
        name, text = page_script(self.version)
        script = f"{self.config.assets_dir}/{name}"
        files.append(File.generated(config, script, content=text))
        earlier = f"{self.config.assets_dir}/page-"  # a rebuild's config may hold the last one
        config.extra_javascript = [
            s for s in config.extra_javascript if not str(s).startswith(earlier)
        ]
        config.extra_javascript.insert(0, _module_script(script))
        files.append(File.generated(config, EMBED_PAGE, content=self._embed_page(config)))
        return files

    def on_page_content(
        self, html: str, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str | None:
        """A page's title is HTML (a name's '<' is '&lt;'). Material writes <title> from
        ``page.title | striptags``, which unescapes it: a name holding '</title><script>' would
        end the element there. A title in the page's meta is written as it is, still escaped."""
        if page.file.src_uri in self.pages and page.title and "title" not in page.meta:
            page.meta["title"] = page.title
        return html

    def on_page_markdown(
        self, markdown: str, *, page: Any, config: MkDocsConfig, files: Files
    ) -> str | None:
        # The runner's search finds the guide, not the project's documents; a smaller index is
        # also less for every page's search worker to build (~2/3 of the words were these).
        # A document's own `search:` front matter wins.
        if page.file.src_uri in self.developer_docs:
            page.meta.setdefault("search", {"exclude": True})
        if self.content is None or CONTACT_SHEET_MARKER not in markdown:
            return markdown
        return markdown.replace(CONTACT_SHEET_MARKER, self._contact_sheet(page.file.src_uri))

    def on_post_page(self, output: str, *, page: Any, config: MkDocsConfig) -> str | None:
        if self.content_error is not None:
            output = _BODY.sub(lambda m: m[0] + _error_banner(self.content_error or ""), output, 1)
        if not self.config.enabled:
            return output
        if "<hip-assessment" in output:
            output = output.replace("</head>", self._preload_widget(page.url) + "</head>", 1)
        folder = get_relative_url(f"{self._inline_dir}/", page.url)
        return self.inline.page(output, folder.rstrip("/") + "/")

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """The theme's own pages (404.html) are served at any depth: their links start at the
        site's root path, as the theme's are."""
        if not self.config.enabled or not template_name.endswith(".html"):
            return output_content
        root = urlsplit(config.site_url or "").path or "/"
        return self.inline.page(output_content, f"{root.rstrip('/')}/{self._inline_dir}/")

    # Last: the service worker's manifest hashes every file of the built site, the search
    # index (written by the search plugin's on_post_build) included.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.content is None:
            return
        site = Path(config.site_dir)
        self._write_inline(site / self._inline_dir)
        write_web_manifest(
            site,
            config.site_name,
            config.site_description or config.site_name,
            self._icons,
        )
        assets = f"{self.config.assets_dir.strip('/')}/{self.version}"
        write_service_worker(
            site,
            (f"{assets}/pyodide/", f"{assets}/hipcore-", f"{assets}/snapshot-"),
            skip_suffixes=COMPRESSED_SUFFIXES,
            start_only={
                "snapshot": (f"{assets}/snapshot-", f"{assets}/pyodide/{EMPTY_STDLIB}"),
                "plain": (
                    f"{assets}/hipcore-",
                    *(f"{assets}/pyodide/{name}" for name in PLAIN_START_ONLY),
                ),
            },
        )

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            server.watch(str(self.root / self.config.content_dir))
            server.watch(str(WIDGET))
            # The dev server types files by the host's mime.types, which may lack these; a
            # module worker and WebAssembly streaming refuse anything else.
            mimetypes.add_type("text/javascript", ".mjs")
            mimetypes.add_type("application/wasm", ".wasm")
        return server

    @property
    def _cache(self) -> Path:
        """What is kept between builds: the checked content, the snapshot, the compressed runtime
        files and the compiled templates (docs/architecture.md, "Build caches")."""
        return self.root / (self.config.cache_dir or f"{self.config.node_modules}/.cache/hipguide")

    @property
    def _stylesheet(self) -> str:
        return f"{self.config.assets_dir}/hipguide.css"

    @property
    def _icons(self) -> dict[Icon, str]:
        """Where each image of the guide's icon is (mkdocs.yml's ``theme.favicon`` names
        ``FAVICON``'s)."""
        return {icon: f"{self.config.assets_dir}/{icon.name}" for icon in ICONS}

    @property
    def _inline_dir(self) -> str:
        """The pages' scripts and styles, moved out of them (site_plugins/render/inline.py)."""
        return f"{self.config.assets_dir}/inline"

    def _preload_widget(self, page_url: str, embed: bool = False) -> str:
        """On a page with the widget, fetch its modules and the catalog from the head, in
        parallel, instead of one import level at a time after the page's scripts ran.
        ``embed``: for the embed page, which imports the element through embed-frame.js."""
        base = get_relative_url(f"{self.config.assets_dir}/{self.version}/", page_url)

        def imported(name: str) -> bool:
            if name in WORKER_MODULES or name in {ON_DEMAND.name, FRAME_SCRIPT, HOST_SCRIPT}:
                return False
            return name != "index.js" if embed else not name.startswith("embed-")

        modules = sorted(p.name for p in WIDGET.glob("*.js") if imported(p.name))
        links = [f'<link rel="modulepreload" href="{base}widget/{name}">' for name in modules]
        links.append(f'<link rel="preload" href="{base}widget/hip-assessment.css" as="style">')
        links.append(f'<link rel="preload" href="{base}catalog.json" as="fetch" crossorigin>')
        return "".join(links)

    def _embed_page(self, config: MkDocsConfig) -> str:
        """The /embed/ page (a static file, not a page of the guide: no theme, no nav)."""
        widget = get_relative_url(f"{self.config.assets_dir}/{self.version}/widget/", EMBED_PAGE)
        language = config.theme.get("language") or config.theme.locale or "en"
        return embed_page(
            title=f"Self-assessment · {config.site_name}",
            language=str(language),
            widget=widget.rstrip("/") + "/",
            icon=get_relative_url(self._icons[FAVICON], EMBED_PAGE),
            head=self._preload_widget(EMBED_PAGE, embed=True),
        )

    def _load_content(self) -> Content:
        """The content; while serving, broken content keeps the last good one (a rebuild that
        raised would leave every request waiting), and its problems are shown on every page."""
        root = self.root / self.config.content_dir
        derived = Derived(self._cache / "content", content_key(root, SITE_KIND_NAMES))
        self.derived = None
        try:
            content = derived.get("content", lambda: load_site_content(root, self._cache))
        except ContentError as error:
            if not self.serving or self.last_good is None:
                raise PluginError(str(error)) from None
            log.warning("ERROR   -  %s", error)
            self.content_error = str(error)
            return self.last_good
        self.derived = derived
        self.content_error = None
        self.last_good = content
        return content

    def _derived(self, name: str, make: Callable[[], T]) -> T:
        """Made from the content, or kept from a build of the same content and code."""
        return self.derived.get(name, make) if self.derived else make()

    def _render_figures(self) -> dict[str, str]:
        content = self.content
        assert content is not None
        figures = content.extras.get("figures", ())
        draw = kept_figures(self._cache / "figures")
        try:
            return self._derived("figures", lambda: figure_blocks(content.catalog, figures, draw))
        except FigureError as error:
            raise PluginError(str(error)) from None

    def _contact_sheet(self, here: str) -> str:
        """Every figure, on the hand-written page that holds the marker (docs/figures.md)."""
        assert self.content is not None
        assessments = {a.id for a in self.content.catalog.assessments}

        def page_of(item_id: str) -> str:
            page = assessment_page(item_id) if item_id in assessments else exercise_page(item_id)
            return relative(here, page)

        return contact_sheet(self.content.catalog, self.figures, page_of)

    def _override_dirs(self, config: MkDocsConfig) -> tuple[Path, ...]:
        custom = config.theme.custom_dir if config.theme else None
        return (Path(custom) / "hipguide",) if custom else ()

    def _write_bundle(self, assets: Path) -> str:
        """Write the bundle into its versioned folder under ``assets``; returns the version."""
        assert self.content is not None
        target = assets / ".bundle"
        if target.exists():
            shutil.rmtree(target)
        catalog_json = dumps(self.content.catalog)
        try:
            version = copy_pyodide(
                self.root / self.config.node_modules, target / "pyodide", self._cache / "runtime"
            )
        except RuntimeMissing as error:
            raise PluginError(str(error)) from None
        wheel = build_hipcore_wheel(target, catalog_json)
        shutil.copytree(WIDGET, target / "widget", dirs_exist_ok=True)
        (target / "catalog.json").write_text(catalog_json, encoding="utf-8")
        self._write_figures(target / "figures.json")
        manifest: dict[str, object] = {
            "wheel": wheel.name,
            "pyodide": version,
            "catalog": "catalog.json",
        }
        (target / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        # The npm package (make package): what the widget needs, not the guide's own files.
        packaged = ["widget/", "catalog.json", "figures.json", "manifest.json", wheel.name]
        packaged += [f"pyodide/{name}" for name in (*PYODIDE_FILES, EMPTY_STDLIB)]
        large = [target / "pyodide" / n for n in LARGE_RUNTIME_FILES]
        cache = self._cache
        if self.config.snapshot:
            # While serving, an edit to the content is not held up ~15 s by Node taking the new
            # catalog's snapshot: the preview starts Python the plain way until a build takes
            # one. The first build of `mkdocs serve` takes it as `mkdocs build` does.
            take = not (self.serving and self.bundles_written)
            try:
                snapshot = write_snapshot(target, target / "pyodide", wheel, cache, take=take)
            except SnapshotNotKept:
                said.info(
                    "the catalog changed: this preview's widget starts Python without the"
                    " start-up snapshot ('mkdocs build' takes it, with Node)"
                )
            except SnapshotError as error:
                # The site still works (the plain start): a warning, not a failed build.
                log.warning("hipguide: no start-up snapshot: %s", error)
            else:
                manifest["snapshot"] = snapshot.manifest_entry(lock_info(target / "pyodide"))
                (target / "manifest.json").write_text(
                    json.dumps(manifest, indent=2), encoding="utf-8"
                )
                precompress([target / snapshot.file], cache / "compressed", fixed=False)
                packaged.append(snapshot.file)
        precompress(large, cache / "compressed", fixed=True)
        write_package(target, version=hipcore_version, pyodide=version, files=packaged)
        self.bundles_written += 1
        return place_bundle(target)

    def _write_inline(self, target: Path) -> None:
        target.mkdir(parents=True, exist_ok=True)
        for name, text in sorted(self.inline.files.items()):
            (target / name).write_text(text, encoding="utf-8")

    def _write_figures(self, target: Path) -> None:
        """The assessments' figure blocks, exactly as their pages show them, for the widget's
        steps; with the figures' stylesheet, scoped for the widget's shadow root."""
        assert self.content is not None
        ids = {a.id for a in self.content.catalog.assessments}
        blocks = {key: block for key, block in self.figures.items() if key in ids}
        style = WIDGET_STYLE  # the figures' palette and layout, for the widget's shadow root
        # No inline styles in the widget's copy, so that a host page's CSP need not allow
        # 'unsafe-inline' styles: each drawing's <style> and style="--m:…" move to the one
        # stylesheet the widget adopts (a constructed stylesheet, which CSP allows).
        rules: dict[str, None] = {}
        for key, block in blocks.items():
            blocks[key], moved = move_styles(block)
            # a block's copy of the page's figure style: the widget has WIDGET_STYLE instead
            rules.update(dict.fromkeys(r for r in moved if r != STYLE))
        style += "".join(rules)
        target.write_text(json.dumps({"style": style, "blocks": blocks}), encoding="utf-8")


_BODY = re.compile(r"<body[^>]*>")


def _error_banner(error: str) -> str:
    return (
        '<div class="hip-content-errors" role="alert" style="margin:0;padding:1em;'
        'background:#fff3cd;color:#3d2e00;border-bottom:2px solid #b58900">'
        "<p><strong>This page shows the last good content.</strong> Fix these problems and"
        " save: the page reloads.</p>"
        f'<pre style="white-space:pre-wrap">{html.escape(error)}</pre></div>'
    )


def _module_script(path: str) -> ExtraScriptValue:
    script = ExtraScriptValue(path)
    script.type = "module"
    return script
