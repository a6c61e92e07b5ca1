"""The widget words nothing itself: every sentence a runner reads comes from content/words.yaml
(the catalog's ``words``), and every word the content gives the widget is used."""

from __future__ import annotations

import dataclasses
import re

from hipcore.model import WidgetWords
from tests.conftest import ROOT

WIDGET = ROOT / "site_plugins" / "widget"

# Text a runner would read, written in JavaScript: a child text ["Words"], textContent or an
# aria-label given a literal, a template or string starting with a capital and a lowercase word.
WORDED = re.compile(
    r"""\[\s*["'`][A-Z][a-z]+[^"'`\]]*["'`]\s*\]"""  # h(tag, attrs, ["Some words"])
    r"""|textContent\s*=\s*["'`][A-Za-z]"""  # el.textContent = "Words"
    r"""|"aria-label":\s*["'`][A-Za-z]"""  # "aria-label": "Words"
    r"""|(?:announce|confirm|alert)\(\s*["'`][A-Za-z]"""  # spoken or asked
)

# With no catalog there are no words from content: the loading line and the catalog's failure.
BEFORE_THE_CATALOG = ("Loading the self-assessment…", "The self-assessment could not load (")


def worded_lines() -> list[str]:
    found = []
    for path in sorted(WIDGET.glob("*.js")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.lstrip().startswith(("//", "*", "/*")):
                continue
            if WORDED.search(line) and not any(text in line for text in BEFORE_THE_CATALOG):
                found.append(f"{path.name}:{number}: {line.strip()}")
    return found


def test_no_sentence_a_runner_reads_is_written_in_the_widgets_javascript() -> None:
    assert worded_lines() == []


def test_the_guard_sees_a_sentence_written_in_javascript(tmp_path: object) -> None:
    assert WORDED.search('h("button", {}, ["Start again"])')
    assert WORDED.search('stop.textContent = "Cancel";')
    assert WORDED.search('announce("Go");')
    assert not WORDED.search('h("button", {}, [w.start_new])')


def test_every_word_the_content_gives_the_widget_is_used() -> None:
    source = "\n".join(p.read_text("utf-8") for p in WIDGET.glob("*.js"))
    unused = [
        f.name
        for f in dataclasses.fields(WidgetWords)
        if not re.search(rf"""\.{f.name}\b|["']{f.name}["']""", source)
    ]
    assert unused == []
