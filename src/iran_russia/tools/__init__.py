"""Maintainer tools: run the notebooks, time them, build data and workbooks (`python -m ...`)."""
