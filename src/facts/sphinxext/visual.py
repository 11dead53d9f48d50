"""The drawn timeline: an HTML-only view of a ``{facts:timeline}`` that has ``:visual:``.

The directive always emits the table, which every builder renders and which stays the full text
alternative.  For HTML this post-transform puts before it a figure: the events as an ordered list
of links, grouped by the eras of ``site.toml`` and coloured by topic, styled as a vertical line by
the extension's CSS.  It is plain HTML and CSS, with no script and no external request.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from facts.model import Era, Event
from facts.sphinxext.domain import facts_domain

LEGEND = {"nagorno-karabakh": "Nagorno-Karabakh", "peace-process": "Peace process",
          "russia": "Russia", "ukraine": "Ukraine", "other": "Other"}


def topic_of(event: Event) -> str:
    """The colour group: Ukraine and Russia first (the site's question), then Karabakh."""
    for topic in ("ukraine", "russia", "peace-process", "nagorno-karabakh"):
        if topic in event.topics:
            return topic
    return "other"


def group(events: list[Event], eras: tuple[Era, ...]) -> list[tuple[Era | None, list[Event]]]:
    """Events by era, in order; events outside every era go in a trailing unnamed group."""
    groups: list[tuple[Era | None, list[Event]]] = [(era, []) for era in eras]
    rest: list[Event] = []
    for event in events:
        home = next((g for g in groups if g[0] is not None and g[0].contains(event.date)), None)
        (home[1] if home else rest).append(event)
    kept = [g for g in groups if g[1]]
    return [*kept, (None, rest)] if rest else kept


class DrawTimelines(SphinxPostTransform):
    default_priority = 205
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        domain = facts_domain(self.env)
        data = domain.dataset
        for table in list(self.document.findall(nodes.table)):
            ids = table.get("facts_visual")
            if not ids:
                continue
            events = [data.events[i] for i in ids]
            parts = ['<figure class="facts facts-visual">',
                     f"<figcaption>The {len(events)} events below, grouped by era and coloured "
                     "by topic; each links to its row in the table, which gives the sources."
                     "</figcaption>", '<ul class="facts-visual-legend" aria-label="Topics">']
            shown = {topic_of(e) for e in events}
            parts += [f'<li><span class="facts-dot facts-topic-{t}" aria-hidden="true"></span>'
                      f"{LEGEND[t]}</li>" for t in LEGEND if t in shown]
            parts.append('</ul><ol class="facts-visual-eras">')
            for era, members in group(events, data.site.eras):
                parts.append('<li class="facts-visual-era">')
                if era is not None:
                    span = (era.start.display() if era.end == era.start
                            else f"{era.start.display()}–{era.end.display() if era.end else ''}")
                    parts.append(f'<p class="facts-visual-era-title">{html.escape(era.title)} '
                                 f'<span class="facts-visual-date">({span})</span></p>')
                parts.append('<ol class="facts-visual-events">')
                parts += [self._item(e, domain.target("event", e.id)) for e in members]
                parts.append("</ol></li>")
            parts.append("</ol></figure>")
            table.parent.insert(table.parent.index(table),
                                nodes.raw("", "".join(parts), format="html"))

    def _item(self, event: Event, home: tuple[str, str] | None) -> str:
        href = ""
        if home is not None:
            page = self.app.builder.get_relative_uri(self.env.docname, home[0])
            href = f"{page}#{home[1]}" if home[0] != self.env.docname else f"#{home[1]}"
        title = html.escape(event.title)
        when = (f'<time class="facts-visual-date" datetime="{event.date.iso()}">'
                f"{html.escape(event.date.display())}</time>")
        label = f'{when}<span class="facts-visual-title">{title}</span>'
        body = f'<a href="{href}">{label}</a>' if href else label
        return (f'<li class="facts-topic-{topic_of(event)}"><span class="facts-dot" '
                f'aria-hidden="true"></span>{body}</li>')
