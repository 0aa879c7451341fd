"""Properties of the display copy over hostile attribute strings: only the allowlist, every value escaped."""

from __future__ import annotations

import html
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from app.importers.sanitize import safe_url, sanitize_html

ALLOWED = {"h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "blockquote", "a", "em", "strong", "br"}
# The whole grammar of the display copy: text with only the five entities html.escape writes, and
# tags from the allowlist, the link with one double-quoted href and nothing else.
ENTITY = r"&(?:amp|lt|gt|quot|#x27);"
TEXT = rf"(?:[^<>&]|{ENTITY})*"
TAG = r"<(?:/?(?:h[2-6]|p|ul|ol|li|blockquote|a|em|strong)|br|a href=\"(?:[^\"<>&'`\s]|&amp;)+\")>"
DISPLAY_COPY = re.compile(rf"{TEXT}(?:{TAG}{TEXT})*")

# Pieces a page might put in an attribute to break out of it or smuggle a scheme in.
HOSTILE_PIECES = st.sampled_from(
    [
        '"',
        "'",
        "`",
        "<",
        ">",
        "&",
        "&quot;",
        "&#34;",
        "&lt;",
        "&amp;",
        "=",
        " ",
        "\t",
        "\n",
        "/",
        "javascript:",
        "JaVaScRiPt:",
        "data:text/html,",
        "file:///",
        "onclick=alert(1)",
        " onmouseover=x ",
        "https://news.invalid/",
        "http://x.invalid/a?b=1&c=2",
        "mailto:desk@news.invalid",
        "//evil.invalid/",
        "\x00",
        "\u2028",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "#top",
        "?q=",
    ]
)
HOSTILE = st.lists(st.one_of(HOSTILE_PIECES, st.text(max_size=4)), max_size=8).map("".join)
TAGS = st.sampled_from(
    [
        "a",
        "p",
        "div",
        "span",
        "em",
        "b",
        "img",
        "script",
        "style",
        "iframe",
        "svg",
        "object",
        "h1",
        "li",
        "blockquote",
        "table",
        "td",
        "form",
        "input",
        "math",
        "template",
        "base",
        "meta",
        "link",
    ]
)
ATTRIBUTES = st.sampled_from(["href", "src", "onclick", "style", "class", "title", "target", "srcdoc", "rel"])


@st.composite
def hostile_elements(draw: st.DrawFn) -> str:
    """One element with hostile attribute values in any quoting, around some text."""
    tag = draw(TAGS)
    attributes = []
    for name in draw(st.lists(ATTRIBUTES, min_size=1, max_size=3)):
        value = draw(HOSTILE)
        quoting = draw(st.sampled_from(["double", "single", "bare", "escaped"]))
        if quoting == "double":
            attributes.append(f'{name}="{value}"')
        elif quoting == "single":
            attributes.append(f"{name}='{value}'")
        elif quoting == "bare":
            attributes.append(f"{name}={value}")
        else:
            attributes.append(f'{name}="{html.escape(value)}"')
    return f"<{tag} {' '.join(attributes)}>{draw(HOSTILE)} words</{tag}>"


PAGES = st.lists(hostile_elements(), min_size=1, max_size=4).map(
    lambda parts: "<p>" + "".join(parts) + "</p>"
)
BASES = st.sampled_from([None, "https://port.invalid/news/1", 'https://port.invalid/a"b?c=<d>'])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=PAGES, base=BASES)
def test_the_display_copy_has_only_allowlisted_elements_and_escaped_values(
    page: str, base: str | None
) -> None:
    copy = sanitize_html(page, base_url=base)
    for line in copy.split("\n"):
        assert DISPLAY_COPY.fullmatch(line), line
    if not copy:
        return
    tree = lxml_html.fragment_fromstring(copy, create_parent="div")
    for element in tree.iterdescendants():
        assert element.tag in ALLOWED, element.tag
        if element.tag == "a":
            assert list(element.attrib) == ["href"]
            assert re.match(r"(?:https?|mailto):", element.attrib["href"], re.IGNORECASE)
        else:
            assert not element.attrib, element.tag


@settings(max_examples=300, deadline=None)
@given(value=HOSTILE, base=BASES)
def test_a_link_comes_out_as_exactly_its_safe_url(value: str, base: str | None) -> None:
    """Whatever the href held, the copy links to safe_url of it, or is no link at all."""
    copy = sanitize_html(f'<p><a href="{html.escape(value)}">the notice</a></p>', base_url=base)
    tree = lxml_html.fragment_fromstring(copy, create_parent="div")
    links = tree.findall(".//a")
    expected = safe_url(value, base)
    if expected is None:
        assert not links, copy
    else:
        (link,) = links
        assert link.attrib["href"] == expected
        assert link.text_content() == "the notice"


@settings(max_examples=300, deadline=None)
@given(value=HOSTILE, base=BASES)
def test_a_safe_url_can_never_end_an_attribute_or_open_a_tag(value: str, base: str | None) -> None:
    url = safe_url(value, base)
    if url is not None:
        assert not set(url) & set("\"'<>` \t\n"), url
        assert url.split(":", 1)[0].lower() in {"http", "https", "mailto"}
        assert len(url) <= 2048
