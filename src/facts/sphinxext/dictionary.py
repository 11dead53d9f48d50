"""The data dictionary, generated from the record types' declarations (:mod:`facts.fields`).

``{facts:dictionary}`` prints, for each record type, every field with its TOML key, type,
whether it is required and what it means, then the columns of each CSV download.  Nothing here
is written by hand: a field added to a dataclass in :mod:`facts.model` appears on the next build.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from facts import export, model
from facts.fields import Field, fields_of
from facts.site_records import Site
from facts.sphinxext import render
from facts.sphinxext._base import FactsDirective, Picker, View
from facts.sphinxext.render import Cell

_SHAPES = {
    "id": "id (the file name)", "text": "text", "partial": "date: YYYY, YYYY-MM or YYYY-MM-DD",
    "day": "date: YYYY-MM-DD", "flag": "true or false", "cells": "text per column key",
}


def type_of(f: Field) -> str:
    """A field's type in words, with its allowed values or the records its ids name."""
    if f.shape in ("choice", "choices"):
        values = ", ".join(f.options)
        return f"one of: {values}" if f.shape == "choice" else f"list, each one of: {values}"
    if f.shape in ("number", "numbers"):
        kind = "whole number" if f.integer else "number"
        checks = [c for c in f.checks if c not in {"integer", "finite"}]
        kind += f" ({', '.join(checks)})" if checks else ""
        return kind if f.shape == "number" else f"list of {kind}s"
    if f.shape == "ids":
        return f"list of ids ({f.ref})" if f.ref else "list of text"
    if f.shape in ("record", "records"):
        name = f.record.__name__ if f.record else ""
        return (f"table [{f.key}] ({name})" if f.shape == "record"
                else f"tables [[{f.key}]] ({name})")
    text = _SHAPES.get(f.shape, f.shape)
    if f.url:
        text = "https URL"
    elif f.ref:
        text = f"id ({f.ref})"
    return text


def _nested(classes: Sequence[type]) -> list[type]:
    """The record types and, after each, the types nested in it."""
    found: list[type] = []
    for cls in classes:
        if cls in found:
            continue
        found.append(cls)
        found += [f.record for f in fields_of(cls) if f.record is not None
                  and f.record not in found]
    return found


class DictionaryDirective(FactsDirective):
    """Every field of every record type, and every column of every CSV download."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"name": directives.unchanged}

    def select(self, pick: Picker) -> list[type]:
        return _nested([*model.KINDS.values(), Site])

    def render(self, classes: list[type], view: View) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        folders = {cls: kind for kind, cls in model.KINDS.items()}
        for cls in classes:
            where = (f"data/{folders[cls]}/, one file per record" if cls in folders
                     else "data/site.toml" if cls is Site else "inside another record")
            out.append(render.paragraph(nodes.strong(cls.__name__, cls.__name__),
                                        nodes.Text(f" ({where}). "),
                                        render.text(" ".join((cls.__doc__ or "").split()))))
            rows: list[tuple[str, Sequence[Cell]]] = [
                ("", [[nodes.literal(f.key, f.key)], [render.text(type_of(f))],
                      [render.text("yes" if f.required else "no")], [render.text(f.doc)]])
                for f in fields_of(cls)]
            out.append(render.collapsed(
                f"The {len(rows)} fields of {cls.__name__}",
                render.table([("Key", 2), ("Type", 3), ("Required", 1), ("Meaning", 6)], rows,
                             classes=["facts-dictionary"])))
        out.append(render.paragraph(nodes.Text(
            f"CSV downloads: one row per record (one per estimate in figures.csv, keyed "
            f"id:n), nested tables flattened into prefixed columns, lists joined with "
            f"“{export.LIST_SEPARATOR.strip()}” and a space, and a cell that a spreadsheet "
            "would run as a formula prefixed with an apostrophe.")))
        items = [("", [nodes.literal(f"{kind}.csv", f"{kind}.csv"), nodes.Text(": "),
                       render.text(", ".join(export.columns(model.KINDS[kind])))])
                 for kind in export.CSV_KINDS]
        out.append(render.bullet_list(items, "facts-csv-columns"))
        return out
