"""Reading ``content/``: YAML files validated against ``hipcore.model`` with pydantic."""

from site_plugins.content.errors import ContentError, ContentProblem
from site_plugins.content.load import Content, load_content

__all__ = ["Content", "ContentError", "ContentProblem", "load_content"]
