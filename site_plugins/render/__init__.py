"""Pages from content: Markdown documents (with HTML blocks) rendered from Jinja templates.

No MkDocs here: ``render_pages`` returns plain ``Page`` records the adapter adds to the site.
"""

from site_plugins.render.pages import Page, render_pages, slug

__all__ = ["Page", "render_pages", "slug"]
