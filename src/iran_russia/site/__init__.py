"""The series' reading copy: a static site and PDFs built from the committed notebooks.

    python -m iran_russia.site [--hub https://hub.example.edu]   # or: make site

Modules: launch (where the series lives and the links that open a notebook), pages (notebooks
and Markdown into page bodies, widgets into notes), catalogue (which pages the site has),
render (the page template and search index), pdf (printing pages with Debian's Chromium) and
build (all of it into build/site/).
"""
