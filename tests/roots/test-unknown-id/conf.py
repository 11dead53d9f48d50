from helpers import FIXTURE_DATA

extensions = ["myst_parser", "facts.sphinxext"]
myst_enable_extensions = ["colon_fence"]
facts_data_dir = str(FIXTURE_DATA)
