"""Moving a page's inline scripts and styles into files (site_plugins/render/inline.py)."""

from __future__ import annotations

import re

import pytest

from site_plugins.render import InlineFiles, move_styles

PAGE = "<html><head><title>t</title></head><body>{}</body></html>"


def moved(body: str) -> tuple[str, dict[str, str]]:
    files = InlineFiles()
    out = files.page(PAGE.format(body), "../x/")
    return out.removeprefix("<html><head><title>t</title>").removesuffix(
        "</body></html>"
    ), files.files


def test_a_head_script_becomes_a_file_at_the_same_place() -> None:
    files = InlineFiles()
    out = files.page("<html><head><script>var a=1</script></head><body></body></html>", "../x/")
    ((name, text),) = files.files.items()
    assert re.fullmatch(r"[0-9a-f]{16}\.js", name)
    assert text == "var a=1"
    assert out == f'<html><head><script src="../x/{name}"></script></head><body></body></html>'


def test_a_module_keeps_its_type_and_the_same_text_is_one_file() -> None:
    out, files = moved('<script type="module">go()</script><script type="module">go()</script>')
    assert len(files) == 1
    assert out.count('<script type="module" src="../x/') == 2


@pytest.mark.parametrize(
    "kept",
    [
        '<script src="a.js"></script>',
        '<script id="__config" type="application/json">{"a": "<b>"}</script>',
        "<script></script>",
        '<p>write style=&quot;x&quot; or style="x" in text</p>',
    ],
)
def test_external_scripts_data_and_text_stay_as_they_are(kept: str) -> None:
    out, files = moved(kept)
    assert (out, files) == (f"</head><body>{kept}", {})


def test_styles_move_to_one_stylesheet_linked_from_the_head() -> None:
    out, files = moved('<style>.a{color:red}</style><style media="print">.b{x:y}</style><p>a</p>')
    ((name, css),) = files.items()
    assert name.endswith(".css")
    assert css == ".a{color:red}@media print{.b{x:y}}"
    assert out == f'<link rel="stylesheet" href="../x/{name}"></head><body><p>a</p>'


def test_a_style_attribute_becomes_an_important_class_rule() -> None:
    markup, rules = move_styles(
        '<td class="c" style="text-align: right;">1</td><g style="--m:k1"/>'
    )
    td, g = re.findall(r"hs-[0-9a-f]{10}", markup)
    assert markup == f'<td class="c {td}">1</td><g class="{g}"/>'
    assert rules == [f".{td}{{text-align: right!important}}", f".{g}{{--m:k1!important}}"]


def test_a_script_text_is_not_taken_for_markup() -> None:
    markup = '<script type="text/plain">x = "<p style=\'a:b\'>"</script>'
    assert move_styles(markup) == (markup, [])


def test_the_bodys_scripts_run_from_the_head_script_at_their_places() -> None:
    files = InlineFiles()
    out = files.page(
        "<html><head><script>var boot=1</script></head><body>"
        "<header><form></form><script>paint()</script><b>x</b></header>"
        "<main><script>tab()</script></main></body></html>",
        "../x/",
    )
    (head,) = (files.files[name] for name in re.findall(r'<script src="\.\./x/([^"]+)"', out))
    paint, tab = re.findall(
        r'<hs-run hidden data-s="(\w+)" data-src="\.\./x/\1\.js"></hs-run>', out
    )
    assert f'<header><form></form><hs-run hidden data-s="{paint}"' in out
    assert f'<main><hs-run hidden data-s="{tab}"' in out
    assert "<script" not in out.split("</head>")[1]  # nothing in the body stops the parser
    assert head.startswith("var boot=1;\n")  # the theme's bootstrap first, one file
    assert f'"{paint}":function(){{\npaint()\n}},"{tab}":function(){{\ntab()\n}}' in head
    # and each as a file of its own, for a page instant navigation brings in
    assert (files.files[f"{paint}.js"], files.files[f"{tab}.js"]) == ("paint()", "tab()")


def test_without_a_head_script_the_bodys_scripts_get_one_of_their_own() -> None:
    files = InlineFiles()
    out = files.page(
        '<html><head></head><body><header><script>a()</script><script type="module">m()'
        "</script><script>b()</script></header></body></html>",
        "",
    )
    (runner,) = (text for text in files.files.values() if "customElements" in text)
    (head,) = re.findall(r'<head><script src="(\w+\.js)"></script></head>', out)
    assert files.files[head] == runner
    assert re.search(r'"\w+":function\(\)\{\na\(\)\n\},"\w+":function\(\)\{\nb\(\)\n\}', runner)
    (module,) = (name for name, text in files.files.items() if text == "m()")
    assert f'<script type="module" src="{module}">' in out  # a module never stopped the parser
    assert out.count("<hs-run hidden data-s=") == 2
