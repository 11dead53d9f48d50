"""The no-bare-facts scanner itself: it must catch typed facts and pass emitted ones."""

from __future__ import annotations

import pytest
from barefacts import page_text, scan_text

PAGE = ('<html><body><nav>2 March 2022</nav><article role="main">{}</article>'
        "<footer>2026</footer></body></html>")


@pytest.mark.parametrize("typed", [
    "on 22 February 2022 in Moscow", "in February 2022", "on February 22, 2022",
    "dated 2022-02-22", "in 1994", "at 20% of the territory", "about 30,000 deaths",
    "US$2 million", "1,960 troops", "20 bcm", "12–14 September 2022",
])
def test_typed_dates_and_figures_are_found(typed):
    assert scan_text(page_text(PAGE.format(f"<p>Text {typed}.</p>")))


@pytest.mark.parametrize("emitted", [
    '<span class="facts facts-when"><time datetime="2022-02-22">22 February 2022</time></span>',
    '<span class="facts facts-value">30,000 deaths</span>',
    "<pre>date = \"2022-02-22\"</pre>", "<code>1994</code>",
    "resolution ES-11/1", "flight 8243", "Section 907", "two days before",
])
def test_emitted_and_generic_text_passes(emitted):
    assert scan_text(page_text(PAGE.format(f"<p>Text {emitted}.</p>"))) == []
