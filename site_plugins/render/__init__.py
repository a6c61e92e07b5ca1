"""Pages from content: Markdown documents (with HTML blocks) rendered from Jinja templates.

No MkDocs here: ``render_pages`` returns plain ``Page`` records and ``navigation`` the nav as
plain data; the adapter hands both to the site generator.
"""

from site_plugins.render.inline import InlineFiles, move_styles
from site_plugins.render.nav import developer_docs, navigation
from site_plugins.render.pages import SITE_SCRIPT, STYLESHEET, Page, environment, render_pages
from site_plugins.render.paths import slug

__all__ = [
    "SITE_SCRIPT",
    "STYLESHEET",
    "InlineFiles",
    "Page",
    "developer_docs",
    "environment",
    "move_styles",
    "navigation",
    "render_pages",
    "slug",
]
