"""Browser checks: JupyterLab on loopback, driven in Debian's Chromium by Playwright."""
