"""Sphinx configuration for the site; the README's "Configuration" section explains the choices."""

import os
from urllib.parse import urlsplit

from facts import __version__

# -- Project -------------------------------------------------------------------------------------
project = "Does Azerbaijan support Russia or Ukraine?"
author = "The azerbaijan-russia-ukraine maintainers"
copyright = f"%Y, {author}"
version = release = __version__
language = "en"

# -- General -------------------------------------------------------------------------------------
extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinx_sitemap",
    "sphinxext.opengraph",
    "notfound.extension",
    "sphinx_reredirects",
    "facts.sphinxext",
    "facts.sphinxext.anchors",
    "facts.sphinxext.site",
]
myst_enable_extensions = ["colon_fence", "deflist"]
exclude_patterns = ["_build", "_readthedocs", ".venv", "snippets", "Thumbs.db", ".DS_Store"]
nitpicky = True

# -- HTML ----------------------------------------------------------------------------------------
html_theme = "furo"
html_title = project
templates_path = ["_templates"]
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_copy_source = False
html_show_sourcelink = False
# Read the Docs gives each version's own URL; local builds point at the stable release.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://azerbaijan-russia-ukraine.readthedocs.io/en/stable/"
)
# No html_context["READTHEDOCS"]: Furo would render Read the Docs' old version menu with empty
# links; Read the Docs' add-ons provide the menu instead.

# -- Discovery -----------------------------------------------------------------------------------
sitemap_url_scheme = "{link}"  # the default would repeat /en/<version>/ on Read the Docs
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_social_cards = {"enable": False}  # generated images would make builds non-reproducible
notfound_urls_prefix = urlsplit(html_baseurl).path  # absolute asset links work at any depth

# -- Stable URLs ---------------------------------------------------------------------------------
# docs/stable-urls.txt lists every published URL; moved pages and sections are mapped there and
# redirected by facts.sphinxext.anchors (pages through sphinx-reredirects).
facts_url_contract = "stable-urls.txt"
facts_cite_url = "https://azerbaijan-russia-ukraine.readthedocs.io/en/{version}/"
facts_cite_key = "aru"
facts_cite_skip = ["editing"]  # documentation for editors, not a page to cite
facts_license_url = "https://creativecommons.org/licenses/by/4.0/"

# The repository, for the About page's links: Read the Docs gives its clone URL.
facts_repository_url = os.environ.get("READTHEDOCS_GIT_CLONE_URL", "").removesuffix(".git")

# -- Facts ---------------------------------------------------------------------------------------
# The drawn timeline marks each event by its first topic found here, with a colour and a shape.
facts_topic_legend = {
    "ukraine": ("Ukraine", "◆"),
    "russia": ("Russia", "■"),
    "peace-process": ("Peace process", "▲"),
    "nagorno-karabakh": ("Nagorno-Karabakh", "●"),
    "other": ("Other", "○"),
}

# -- Link checking (make linkcheck; needs the network) ------------------------------------------
linkcheck_timeout = 30
linkcheck_retries = 2
linkcheck_anchors = False  # cited pages are checked, not fragments inside news sites
