"""Helpers shared by the Iran and Russia teaching notebooks.

The lessons import small, well-named functions from here so that the notebooks show the
history and the pandas, while loading, validation and widget wiring stay out of sight.

Importing the package also lets tables show the whole of every cell: notes, predictions and
outcomes are read in full, never cut at pandas' default 50 characters, and a table printed as
text runs up to 160 characters wide before it wraps.
"""

import pandas as pd

__version__ = "0.1.0"

pd.set_option("display.max_colwidth", None)
pd.set_option("display.width", 160)
