"""The drawn timeline: an HTML view of a ``{facts:timeline}`` that has ``:visual:``.

The directive always emits the table, which every builder renders and which stays the full text
alternative.  For HTML this post-transform puts before it the events as lists of links, grouped
by the eras of ``site.toml`` and marked by topic with a colour and a shape (so that colour is
never the only cue), drawn as a vertical line by the extension's CSS.  The topics, their labels
and shapes come from the ``facts_topic_legend`` setting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from facts.model import Event
from facts.site_records import Era
from facts.sphinxext import render
from facts.sphinxext.domain import facts_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: topic -> (label, shape), in the legend's order; an event gets the mark of its first topic
#: found here, else "other" (sites set ``facts_topic_legend``)
DEFAULT_LEGEND = {"other": ("Other", "○")}


class shape(nodes.inline):  # noqa: N801 -- docutils node classes are lowercase
    """A topic's mark: hidden from screen readers, which read the topic's name instead."""


def _visit_shape(self: Any, node: shape) -> None:
    self.body.append(self.starttag(node, "span", "", **{"aria-hidden": "true"}))


def _depart_shape(self: Any, node: shape) -> None:
    self.body.append("</span>")


def topic_of(event: Event, legend: dict[str, Any]) -> str:
    return next((t for t in legend if t in event.topics), "other")


def group(events: list[Event], eras: tuple[Era, ...]) -> list[tuple[Era | None, list[Event]]]:
    """Events by era, in order; events outside every era go in a trailing unnamed group."""
    groups: list[tuple[Era | None, list[Event]]] = [(era, []) for era in eras]
    rest: list[Event] = []
    for event in events:
        home = next((g for g in groups if g[0] is not None and g[0].contains(event.date)), None)
        (home[1] if home else rest).append(event)
    kept = [g for g in groups if g[1]]
    return [*kept, (None, rest)] if rest else kept


def _mark(topic: str, legend: dict[str, Any]) -> shape:
    return shape(legend[topic][1], legend[topic][1],
                 classes=["facts-dot", f"facts-topic-{topic}"])


class DrawTimelines(SphinxPostTransform):
    default_priority = 12  # after references are resolved (10), before SetAside (13)
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        data = facts_domain(self.env).dataset
        legend = {"other": DEFAULT_LEGEND["other"],
                  **{k: tuple(v) for k, v in self.config.facts_topic_legend.items()}}
        legend["other"] = legend.pop("other")  # last
        for listing in list(self.document.findall(nodes.Element)):
            ids = listing.get("facts_visual")
            if ids:
                drawn = self._draw([data.events[i] for i in ids], data.site.eras, legend)
                if listing.get("facts_replace"):
                    listing.replace_self(drawn)
                else:
                    listing.parent.insert(listing.parent.index(listing), drawn)

    def _draw(self, events: list[Event], eras: tuple[Era, ...],
              legend: dict[str, Any]) -> nodes.container:
        box = nodes.container(classes=["facts", "facts-visual"])
        caption = (f"The {len(events)} events below, grouped by era and marked by topic; each "
                   "links to its row in the table, which gives the sources.")
        box += render.paragraph(nodes.Text(caption), classes=["facts-visual-caption"])
        shown = {topic_of(e, legend) for e in events}
        keys = nodes.bullet_list(classes=["facts-visual-legend"])
        for topic in legend:
            if topic in shown:
                item = nodes.list_item()
                item += render.paragraph(_mark(topic, legend), nodes.Text(" " +
                                                                          legend[topic][0]))
                keys += item
        box += keys
        periods = nodes.bullet_list(classes=["facts-visual-eras"])
        for era, members in group(events, eras):
            item = nodes.list_item(classes=["facts-visual-era"])
            if era is not None:
                span = (era.start.display() if era.end == era.start
                        else f"{era.start.display()}–{era.end.display() if era.end else ''}")
                item += render.paragraph(nodes.Text(f"{era.title} "),
                                         render.text(f"({span})", "facts-visual-date"),
                                         classes=["facts-visual-era-title"])
            entries = nodes.bullet_list(classes=["facts-visual-events"])
            for event in members:
                entry = nodes.list_item(classes=[f"facts-topic-{topic_of(event, legend)}"])
                label = nodes.inline()
                label += render.date(event.date)
                label += nodes.Text(" ")
                label += nodes.inline(event.title, event.title, classes=["facts-visual-title"])
                home = facts_domain(self.env).target("event", event.id)
                link: nodes.Node = (make_refnode(self.app.builder, self.env.docname, home[0],
                                                 home[1], label) if home else label)
                entry += render.paragraph(_mark(topic_of(event, legend), legend), link)
                entries += entry
            item += entries
            periods += item
        box += periods
        return box


def setup_visual(app: Sphinx) -> None:
    app.add_config_value("facts_topic_legend", DEFAULT_LEGEND, "env", types=frozenset({dict}))
    app.add_node(shape, html=(_visit_shape, _depart_shape))
    app.add_post_transform(DrawTimelines)
