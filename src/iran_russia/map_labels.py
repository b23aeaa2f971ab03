"""Keep place names on a crowded map readable: move labels that overlap other text.

`places_map` writes each place's name up and to the right of its marker. Where places crowd
together (the Syrian coast, the Caucasus) names run into each other or into a country's name.
`untangle_labels(figure)` tries each name in a few other positions around its marker (below,
above or below its middle, then to the left) and keeps the first one that overlaps no text
already placed and no other place's marker; a name that fits nowhere goes where it clashes
least. `places_map` and `cessions_map` call it on every map they draw.
"""

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from matplotlib.transforms import Bbox

# (x, y) offsets in points and horizontal alignment: the default first, then the alternatives.
POSITIONS = [
    ((4, 4), "left"),
    ((4, -10), "left"),
    ((0, 7), "center"),
    ((0, -14), "center"),
    ((-4, 4), "right"),
    ((-4, -10), "right"),
]
MARK = 4  # pixels around a place's marker that no name may cover
PADDING = 1.0  # pixels of clear space wanted between two texts


def place_labels(axes) -> list[Annotation]:
    """The place names of a map: annotations with text, written in offset points."""
    return [
        text
        for text in axes.texts
        if isinstance(text, Annotation) and text.get_text() and text.anncoords == "offset points"
    ]


def marker_boxes(axes) -> list[Bbox]:
    """A small box (in pixels) around every marked place, so that names keep off the markers."""
    points = [
        axes.transData.transform(collection.get_offsets())
        for collection in axes.collections
        if isinstance(collection, PathCollection)
    ]
    return [
        Bbox([[x - MARK, y - MARK], [x + MARK, y + MARK]]) for group in points for x, y in group
    ]


def overlaps(box, others) -> int:
    """How many boxes in `others` the pixel box `box` comes within PADDING of."""
    grown = box.padded(PADDING)
    return sum(grown.overlaps(other) for other in others)


def move(label: Annotation, offset: tuple[int, int], alignment: str) -> None:
    """Write `label` at `offset` points from its marker, aligned on that side."""
    label.xyann = offset
    label.set_horizontalalignment(alignment)


def untangle_labels(figure: Figure) -> Figure:
    """Move each place name that overlaps other text to the first free position around it."""
    renderer = FigureCanvasAgg(figure).get_renderer()
    for axes in figure.axes:
        labels = place_labels(axes)
        fixed = [text for text in axes.texts if text not in labels and text.get_text()]
        placed = [text.get_window_extent(renderer) for text in fixed] + marker_boxes(axes)
        frame = axes.get_window_extent(renderer)
        for label in labels:
            clashes = []
            own = axes.transData.transform(label.xy)
            others = [box for box in placed if not box.contains(*own)]  # not its own marker
            for offset, alignment in POSITIONS:
                move(label, offset, alignment)
                box = label.get_window_extent(renderer)
                outside = box.x0 < frame.x0 or box.x1 > frame.x1
                clashes.append(overlaps(box, others) + 100 * outside)
                if not clashes[-1]:
                    break
            else:
                move(label, *POSITIONS[clashes.index(min(clashes))])
            placed.append(label.get_window_extent(renderer))
        drop_crowded_country_names(axes, renderer, placed[len(fixed) :], frame)
    return figure


def drop_crowded_country_names(axes, renderer, taken: list, frame) -> None:
    """Remove a country's name (context, not data) where it runs into a place's name or marker
    or out of the map."""
    for text in list(axes.texts):
        if text.get_gid() != "country":
            continue
        box = text.get_window_extent(renderer)
        outside = box.x0 < frame.x0 or box.x1 > frame.x1 or box.y0 < frame.y0 or box.y1 > frame.y1
        if outside or overlaps(box, taken):
            text.remove()
