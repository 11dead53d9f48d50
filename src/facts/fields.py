"""Field declarations: what a record's fields are, read once from the dataclasses of
:mod:`facts.model`.

Each field of a record type is declared once, in its dataclass, with :func:`spec` for the
documentation and the checks.  Everything else is derived from that declaration: the keys the
loader accepts and how it parses them (:mod:`facts.load`), the JSON and CSV downloads
(:mod:`facts.export`), the JSON Schema (:mod:`facts.schema`) and the data dictionary page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal, get_args, get_origin

from facts.dates import PartialDate

#: constraints a numeric field can carry (checked by the loader, stated in the schema)
Check = Literal["finite", "non-negative", "integer", "percent"]
#: how the loader reads a field, derived from its type
Shape = Literal["id", "text", "choice", "choices", "ids", "number", "numbers", "partial", "day",
                "flag", "record", "records", "cells"]


def spec(doc: str, *, default: Any = dataclasses.MISSING, key: str = "", ref: str = "",
         checks: tuple[Check, ...] = (), url: bool = False, unit: str = "",
         export: bool = True) -> Any:
    """A documented dataclass field.

    ``doc`` says what the field means (the schema and the data dictionary print it); ``key`` is
    its name in the TOML files if that differs; ``ref`` names the kinds of record its ids refer
    to (``"sources"``, ``"facts"``); ``checks`` and ``url`` are validated on loading.
    """
    metadata = {"doc": doc, "key": key, "ref": ref, "checks": checks, "url": url, "unit": unit,
                "export": export}
    if default is dataclasses.MISSING:
        return dataclasses.field(metadata=metadata)
    if isinstance(default, list | dict | set):
        raise TypeError("use an immutable default")
    return dataclasses.field(default=default, metadata=metadata)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record type, as the loader, the exports and the schema see it."""

    name: str
    key: str
    doc: str
    shape: Shape
    required: bool
    options: tuple[str, ...] = ()
    record: type | None = None
    ref: str = ""
    checks: tuple[str, ...] = ()
    url: bool = False
    unit: str = ""
    export: bool = True
    integer: bool = False
    #: the value may be None (``X | None``)
    nullable: bool = False


def _optional(hint: Any) -> tuple[Any, bool]:
    """``X | None`` -> ``(X, True)``."""
    if get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in get_args(hint) if a is not type(None)]
        if len(args) == 1 and len(args) < len(get_args(hint)):
            return args[0], True
    return hint, False


def _shape(hint: Any) -> tuple[Shape, tuple[str, ...], type | None, bool]:  # noqa: PLR0911, PLR0912 -- one case per shape
    """The loader's shape for a type hint, with its options, nested record type and whether it
    is an integer."""
    if get_origin(hint) is Literal:
        return "choice", tuple(get_args(hint)), None, False
    if get_origin(hint) is tuple:
        item = get_args(hint)[0]
        if get_origin(item) is Literal:
            return "choices", tuple(get_args(item)), None, False
        if item is str:
            return "ids", (), None, False
        if item in (int, float):
            return "numbers", (), None, item is int
        if get_origin(item) is tuple:  # table cells: (key, text) pairs
            return "cells", (), None, False
        if dataclasses.is_dataclass(item):
            return "records", (), typing.cast("type", item), False
    if hint is str:
        return "text", (), None, False
    if hint is bool:
        return "flag", (), None, False
    if hint in (int, float):
        return "number", (), None, hint is int
    if hint is PartialDate:
        return "partial", (), None, False
    if hint is dt.date:
        return "day", (), None, False
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return "record", (), hint, False
    raise TypeError(f"no loader shape for {hint!r}")


_DECLARED: dict[type, tuple[Field, ...]] = {}


def fields_of(cls: type) -> tuple[Field, ...]:
    """The declared fields of a record type, in declaration order."""
    if cls not in _DECLARED:
        _DECLARED[cls] = _declared(cls)
    return _DECLARED[cls]


def _declared(cls: type) -> tuple[Field, ...]:
    hints = typing.get_type_hints(cls)
    found = []
    for f in dataclasses.fields(cls):
        hint, optional = _optional(hints[f.name])
        shape, options, record, integer = _shape(hint)
        meta = f.metadata
        if f.name == "id" and "doc" not in meta:  # a record's id is its file name
            shape = "id"
        elif "doc" not in meta:
            raise TypeError(f"{cls.__name__}.{f.name} is not declared with spec()")
        has_default = (f.default is not dataclasses.MISSING
                       or f.default_factory is not dataclasses.MISSING)
        found.append(Field(
            name=f.name, key=meta.get("key") or f.name, doc=meta.get("doc", "The record's id."),
            shape=shape, required=not (optional or has_default), options=options, record=record,
            ref=meta.get("ref", ""), checks=tuple(meta.get("checks", ())),
            url=bool(meta.get("url")), unit=meta.get("unit", ""),
            export=meta.get("export", True), integer=integer or "integer" in meta.get("checks", ()),
            nullable=optional,
        ))
    return tuple(found)


def exported(cls: type) -> Iterator[Field]:
    return (f for f in fields_of(cls) if f.export)
