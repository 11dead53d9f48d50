"""Sphinx configuration for the site; the README's "Configuration" section explains the choices."""

import os
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from facts import __version__

# -- Reproducibility -----------------------------------------------------------------------------
# Date the build by the last commit, so two builds of one commit are identical (Read the Docs
# does not set SOURCE_DATE_EPOCH).
if "SOURCE_DATE_EPOCH" not in os.environ:
    _git = subprocess.run(["git", "log", "-1", "--format=%ct"], capture_output=True, text=True,
                          cwd=Path(__file__).parent, check=False)
    if _git.returncode == 0 and _git.stdout.strip():
        os.environ["SOURCE_DATE_EPOCH"] = _git.stdout.strip()

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
suppress_warnings: list[str] = []

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

# -- Link checking (make linkcheck; needs the network) ------------------------------------------
linkcheck_timeout = 30
linkcheck_retries = 2
linkcheck_anchors = False  # cited pages are checked, not fragments inside news sites
