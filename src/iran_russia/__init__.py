"""Helpers shared by the Iran and Russia teaching notebooks.

The lessons import small, well-named functions from here so that the notebooks show the
history and the pandas, while loading, validation and widget wiring stay out of sight.
"""

__version__ = "0.1.0"
