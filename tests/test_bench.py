"""The benchmark measures what it says: its generated data loads, so a scale run never measures
a build that stops, and its lean build really leaves out the listing pages."""

from __future__ import annotations

import runpy

from bench import DOCS, LISTINGS, make_scaled, without_listings

from facts.load import load


def test_scaled_data_loads_with_every_record_copied(tmp_path):
    real = load()
    scaled = load(make_scaled(tmp_path, 2))
    assert len(scaled.events) == 2 * len(real.events)
    assert len(scaled.sources) == 2 * len(real.sources)


def test_lean_build_excludes_the_listing_pages_and_what_the_site_excludes():
    # a renamed page would leave the lean build excluding nothing, and so measuring nothing
    assert all((DOCS / name).is_file() for name in LISTINGS)
    name, _, value = without_listings().partition("=")
    assert name == "exclude_patterns"
    site = runpy.run_path(str(DOCS / "conf.py"))["exclude_patterns"]
    assert value.split(",") == [*site, *LISTINGS]
