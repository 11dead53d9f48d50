"""The benchmark's generated data loads: a scale run never measures a build that stops."""

from __future__ import annotations

from bench import make_scaled

from facts.load import load


def test_scaled_data_loads_with_every_record_copied(tmp_path):
    real = load()
    scaled = load(make_scaled(tmp_path, 2))
    assert len(scaled.events) == 2 * len(real.events)
    assert len(scaled.sources) == 2 * len(real.sources)
