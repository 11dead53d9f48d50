"""Sphinx configuration for the site; the README's "Configuration" section explains the choices."""

import contextlib
import io
import logging
import os
from urllib.parse import urlsplit

from facts import __version__

# sphinxext-opengraph prints a note about social cards when imported; they are off here.
with contextlib.redirect_stdout(io.StringIO()):
    import sphinxext.opengraph  # noqa: F401

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
html_copy_source = False
html_show_sourcelink = False
# Read the Docs gives each version's own URL; local builds point at the stable release.
html_baseurl = os.environ.get(
    "READTHEDOCS_CANONICAL_URL", "https://azerbaijan-russia-ukraine.readthedocs.io/en/stable/"
)
# No html_context["READTHEDOCS"]: Furo would render Read the Docs' old version menu with empty
# links; Read the Docs' add-ons provide the menu instead.

# -- PDF (Read the Docs' pdf format) ---------------------------------------------------------------
# XeLaTeX with GNU FreeFont (Debian: fonts-freefont-otf), which covers Latin with Azerbaijani
# letters, Cyrillic and Armenian; pdflatex cannot set them.
latex_engine = "xelatex"
latex_documents = [("index", "azerbaijan-russia-ukraine.tex", project, author, "manual")]
latex_show_urls = "no"

# -- Discovery -----------------------------------------------------------------------------------
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


def setup(app):
    # A rebuild compares the configuration with the last build's and reports any change.  So
    # site.css goes through the API (Sphinx rewrites html_css_files in place), and
    # sphinx-design's static folder, which it appends to html_static_path when the builder
    # starts, is listed from the start and appended only once.
    app.add_css_file("site.css")
    for name in ("sphinx.myst_parser.sphinx_ext.main", "sphinx.sphinx.environment"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _Quiet) for f in logger.filters):
            logger.addFilter(_Quiet())
    app.connect("config-inited", _list_design_static)
    app.connect("builder-inited", _drop_repeats, priority=900)


def _list_design_static(app, config):
    from sphinx_design.extension import STATIC_DIR

    config.html_static_path = [*config.html_static_path, str(STATIC_DIR)]


def _drop_repeats(app):
    app.config.html_static_path = list(dict.fromkeys(app.config.html_static_path))


class _Quiet(logging.Filter):
    """Build output keeps to progress.  MyST logs its whole configuration at every build; and
    Furo registers ``pygments_dark_style`` when the theme loads, after Sphinx has compared the
    configuration with the last build's, so every rebuild reports that option as changed
    although nothing is re-read for it (Sphinx re-reads only for options known at that point)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "myst v" not in str(record.msg) and record.args != ("pygments_dark_style",)
