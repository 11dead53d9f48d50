"""Plain-text formatting of figures, shared by the pages and the data download.

    >>> from facts.model import Estimate
    >>> format_estimate(Estimate(low=20000, high=30000, by="x", sources=()), "deaths")
    '20,000–30,000 deaths'
    >>> format_estimate(Estimate(low=2e6, high=2e6, by="x", sources=(), qualifier="more than"),
    ...                 "usd")
    'more than US$2 million'
"""

from __future__ import annotations

from facts.model import Estimate, Figure

#: unit code -> (prefix, suffix); the codes without an entry are plural nouns written as they are.
UNITS: dict[str, tuple[str, str]] = {
    "percent": ("", "%"),
    "km2": ("", " km²"),
    "bcm": ("", " bcm"),
    "cubic-metres": ("", " cubic metres"),
    "usd": ("US$", ""),
    "eur": ("€", ""),
    "azn": ("", " manats"),
    "rub": ("", " roubles"),
    "uah": ("", " hryvnias"),
}
_SCALES = ((1e9, " billion"), (1e6, " million"))


def _scale(value: float) -> tuple[float, str]:
    for size, word in _SCALES:
        if abs(value) >= size:
            return size, word
    return 1.0, ""


def format_number(value: float, size: float = 1.0) -> str:
    """``1960`` -> ``1,960``; ``13.6`` -> ``13.6``; with ``size=1e6``, ``2500000`` -> ``2.5``."""
    scaled = round(value / size, 3)
    if scaled == int(scaled):
        return f"{int(scaled):,}"
    return f"{scaled:,.3f}".rstrip("0")


def format_estimate(estimate: Estimate, unit: str) -> str:
    size, word = _scale(estimate.high)
    low_size, _ = _scale(estimate.low)
    if low_size != size:  # 800,000–1.2 million: scale each side
        low = format_number(estimate.low, low_size) + _scale(estimate.low)[1]
    else:
        low = format_number(estimate.low, size)
    number = low if estimate.low == estimate.high else f"{low}–{format_number(estimate.high, size)}"
    prefix, suffix = UNITS.get(unit, ("", f" {unit}"))
    text = f"{prefix}{number}{word}{suffix}"
    return f"{estimate.qualifier} {text}" if estimate.qualifier else text


def format_figure(figure: Figure) -> str:
    """One estimate: its value.  Several: each value with who gives it, so that none stands
    unattributed."""
    if len(figure.estimates) == 1:
        return format_estimate(figure.estimates[0], figure.unit)
    return "; ".join(f"{format_estimate(e, figure.unit)} according to {e.by}"
                     for e in figure.estimates)
