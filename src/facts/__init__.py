"""Dated, sourced facts about Azerbaijan, Russia and Ukraine, and the Sphinx extension that
prints them.

The data model (:mod:`facts.model`) and loader (:mod:`facts.load`) need only the standard library;
the Sphinx extension lives in :mod:`facts.sphinxext`.
"""

__version__ = "2026.11.0"
