"""The MkDocs adapter: a thin plugin over the rendering core."""
