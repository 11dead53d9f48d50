"""schema.org JSON-LD in every HTML page: an ``Article`` dated by the data's as-of date, plus an
``Event`` for every event anchored on the page.

The JSON sits inside ``<script>``, where the HTML parser ends the element at ``</script>`` and
treats ``<!--`` specially; so ``<``, ``>`` and ``&``, and the line separators U+2028 and U+2029,
are written as ``\\u`` escapes, which JSON reads back as the same characters.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any

from docutils import nodes

from facts.sphinxext.domain import facts_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
            "\u2029": "\\u2029"}
_ESCAPED = re.compile("[<>&\u2028\u2029]")


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _ESCAPED.sub(lambda match: _ESCAPES[match[0]], text)


def add_json_ld(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: nodes.document | None) -> None:
    """``html-page-context``: schema.org ``Article`` (and ``Event`` items) for the page."""
    if doctree is None or not context.get("pageurl"):
        return
    domain = facts_domain(app.env)
    data = domain.dataset
    url = context["pageurl"]
    article: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": html.unescape(context.get("title", "")),
        "url": url,
        "inLanguage": app.config.language or "en",
        "dateModified": data.site.as_of.isoformat(),
        "version": app.config.version,
        "author": {"@type": "Organization", "name": app.config.author},
        "publisher": {"@type": "Organization", "name": app.config.author},
        "isPartOf": {"@type": "WebSite", "name": app.config.project,
                     "url": app.config.html_baseurl},
    }
    if app.config.facts_license_url:
        article["license"] = app.config.facts_license_url
    events = []
    for key in sorted(domain.targets):
        kind, record_id = key.split(":", 1)
        home = domain.target(kind, record_id)
        if kind != "event" or home is None or home[0] != pagename:
            continue
        event = data.events[record_id]
        item = {"@type": "Event", "name": event.title, "description": event.statement,
                "startDate": event.date.iso(), "url": f"{url}#{home[1]}"}
        if event.end is not None:
            item["endDate"] = event.end.iso()
        events.append(item)
    if events:
        article["about"] = sorted(events, key=lambda e: (e["startDate"], e["url"]))
    context["metatags"] = (context.get("metatags", "") + '<script type="application/ld+json">'
                           + script_json(article) + "</script>\n")


def setup_json_ld(app: Sphinx) -> None:
    app.add_config_value("facts_license_url", "", "html", types=frozenset({str}))
    app.connect("html-page-context", add_json_ld)
