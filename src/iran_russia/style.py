"""The series' house style: one look for every chart and map.

Sizes are chosen for the size a figure is shown at in JupyterLab: figures are at most WIDTH
inches (800 pixels) wide, which a notebook shows unscaled, so text of SMALL points or more stays
readable. Colours are the Okabe–Ito palette, which colour-blind readers can tell apart; meaning
never rests on colour alone (a second cue, a marker, hatch or word, always goes with it).

Every figure is a SeriesFigure with fixed margins: a notebook draws it once, at its own size,
instead of measuring and cropping it first (matplotlib's inline default, which draws it twice).
"""

import io

from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

DPI = 100
WIDTH = 8.0  # inches
TITLE = 11  # points
TEXT = 10
SMALL = 9  # the smallest text in any figure
LINE = 1.5

ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILION, PURPLE = (
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#0072B2",
    "#D55E00",
    "#CC79A7",
)
PALETTE = [ORANGE, SKY, GREEN, YELLOW, BLUE, VERMILION, PURPLE]
INK = "#222222"
MUTED = "#666666"
GRID = "#dddddd"
NO_DATA = "#eeeeee"
LAND = "#f4f1ea"
WATER = "#d4e6f1"
SEA_INK = "#2d5f8a"  # names of seas
BORDER = "#8a8a8a"
# a band of land colour around a name on a map, so that no line or hatching runs through it
HALO = [patheffects.withStroke(linewidth=3, foreground=LAND)]


class SeriesFigure(Figure):
    """A matplotlib Figure that a notebook shows by drawing it once (see `png`)."""

    def png(self) -> bytes:
        """The figure as PNG bytes, drawn once at its own size."""
        buffer = io.BytesIO()
        FigureCanvasAgg(self).print_png(buffer)
        return buffer.getvalue()


def new_figure(height: float, margins=(0.9, 0.3, 0.7, 0.6), width: float = WIDTH, **grid):
    """A SeriesFigure and its axes (`grid` passes to `subplots`), with margins in inches
    (left, right, top, bottom): the top margin holds the title, the bottom the source line."""
    figure = SeriesFigure(figsize=(width, height), dpi=DPI)
    left, right, top, bottom = margins
    figure.subplots_adjust(
        left=left / width, right=1 - right / width, top=1 - top / height, bottom=bottom / height
    )
    return figure, figure.subplots(**grid)


def title(figure: Figure, text: str, subtitle: str = "") -> None:
    """The figure's title at its top left, with an optional line under it in plain type."""
    left, height = 0.1 / figure.get_figwidth(), figure.get_figheight()
    figure.text(
        left,
        1 - 0.1 / height,
        text,
        fontsize=TITLE,
        fontweight="bold",
        va="top",
        color=INK,
        gid="title",
    )
    if subtitle:
        figure.text(
            left, 1 - 0.33 / height, subtitle, fontsize=SMALL, va="top", color=INK, gid="subtitle"
        )


def source_line(figure: Figure, text: str) -> None:
    """Where the figure's numbers come from, at its bottom left."""
    figure.text(
        0.1 / figure.get_figwidth(),
        0.08 / figure.get_figheight(),
        text,
        fontsize=SMALL,
        color=MUTED,
        va="bottom",
        gid="source",
    )


def texts_of(figure: Figure, gid: str) -> list[str]:
    """The figure-level texts with this role ("title", "source"), for readers and tests."""
    return [text.get_text() for text in figure.texts if text.get_gid() == gid]


def legend_under_title(figure: Figure, axes, columns: int = 4) -> None:
    """A frameless legend of `axes`' labelled artists in a row under the figure's title."""
    handles, labels = axes.get_legend_handles_labels()
    figure.legend(
        handles,
        labels,
        loc="upper left",
        ncols=columns,
        frameon=False,
        fontsize=SMALL,
        bbox_to_anchor=(0.05 / figure.get_figwidth(), 1 - 0.35 / figure.get_figheight()),
    )


def legend_above(axes, columns: int = 4, **options) -> None:
    """A frameless legend in a row just above the axes, where it cannot cover data."""
    axes.legend(
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=columns,
        frameon=False,
        fontsize=SMALL,
        borderaxespad=0.2,
        handlelength=1.6,
        **options,
    )


def plain_axes(axes) -> None:
    """Axes without the top and right frame, with readable ticks."""
    axes.spines[["top", "right"]].set_visible(False)
    axes.tick_params(labelsize=SMALL)


def show_in_notebooks() -> None:
    """Ask IPython (when running) to show SeriesFigures with `SeriesFigure.png`."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with the notebook
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["image/png"].for_type(SeriesFigure, SeriesFigure.png)


show_in_notebooks()
