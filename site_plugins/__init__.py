"""The hipguide site build: a rendering core (content, render, bundle, figures) and a thin
MkDocs adapter (``site_plugins.hipguide``). Only the adapter imports MkDocs."""
