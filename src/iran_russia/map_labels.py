"""Keep place names on a crowded map readable: move labels that overlap other text.

`places_map` writes each place's name up and to the right of its marker. Where places crowd
together (the Syrian coast, the Caucasus) names run into each other or into a country's name.
`untangle_labels(figure)` tries each name in a few other positions around its marker (below,
above or below its middle, to the left, then further out) and keeps the first one that
overlaps no text already placed, no other place's marker and no line or route arrow, and lies
nearer its own marker than any other; a name that fits nowhere goes where it clashes least.
Country and sea names (`MapName`) then take the first of their spots where they cover no
place's name or marker, cross no line and, for a country, stay on its land; failing that, the
first that crosses no line; failing that, the first clear of place names; failing that, they
are left out (they are context, not data).
`places_map` and `cessions_map` call it on every map they draw.
"""

import math

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

# (x, y) offsets in points and horizontal alignment: the default first, then the alternatives.
POSITIONS = [
    ((4, 4), "left"),
    ((4, -10), "left"),
    ((0, 7), "center"),
    ((0, -14), "center"),
    ((-4, 4), "right"),
    ((-4, -10), "right"),
    ((6, -3), "left"),
    ((-6, -3), "right"),
    ((0, 16), "center"),
    ((0, -24), "center"),
]
MARK = 5  # pixels around a place's marker that no name may cover
PADDING = 1.0  # pixels of clear space wanted between two texts
NAME_GAP = 2.0  # pixels between a country's or sea's name and any place's name or marker


class MapName(Text):
    """A country's or a sea's name, with the spots (x, y) where it may go, best first, and for a
    country the outlines of its land (Paths in data coordinates)."""

    def __init__(self, spots: list[tuple[float, float]], land: list[Path] = (), **options):
        super().__init__(*spots[0], **options)
        self.spots, self.land = spots, land


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
    """How many boxes in `others` (Bboxes, or an array of their extents) the pixel box `box`
    comes within PADDING of."""
    x0, y0, x1, y1 = box.padded(PADDING).extents
    edges = extents(others)
    return int(
        ((edges[:, 0] < x1) & (x0 < edges[:, 2]) & (edges[:, 1] < y1) & (y0 < edges[:, 3])).sum()
    )


def extents(boxes) -> np.ndarray:
    """Pixel boxes as an array of rows (x0, y0, x1, y1)."""
    if isinstance(boxes, np.ndarray):
        return boxes
    return np.array([box.extents for box in boxes], dtype=float).reshape(-1, 4)


def move(label: Annotation, offset: tuple[int, int], alignment: str) -> None:
    """Write `label` at `offset` points from its marker, aligned on that side."""
    label.xyann = offset
    label.set_horizontalalignment(alignment)


SHARE_LEFT_OF_ANCHOR = {"left": 0.0, "center": 0.5, "right": 1.0}


def box_at(box: Bbox, moved_from: tuple, moved_to: tuple, points: float) -> Bbox:
    """Where the pixel box `box` of a label at (offset, alignment) `moved_from` lies when the
    label is moved to `moved_to`: the same size, shifted (the text is not rotated)."""
    (dx0, dy0), align0 = moved_from
    (dx1, dy1), align1 = moved_to
    shift = (SHARE_LEFT_OF_ANCHOR[align0] - SHARE_LEFT_OF_ANCHOR[align1]) * box.width
    return box.translated((dx1 - dx0) * points + shift, (dy1 - dy0) * points)


def untangle_labels(figure: Figure) -> Figure:
    """Move each place name that overlaps other text to the first free position around it."""
    renderer = FigureCanvasAgg(figure).get_renderer()
    for axes in figure.axes:
        labels = place_labels(axes)
        fixed = [
            text
            for text in axes.texts
            if text not in labels and text.get_text() and not isinstance(text, MapName)
        ]
        markers = marker_boxes(axes)
        placed = [text.get_window_extent(renderer) for text in fixed] + markers
        frame = axes.get_window_extent(renderer)
        lines = line_paths(axes)
        points = figure.dpi / 72
        for label in labels:
            clashes = []
            own = axes.transData.transform(label.xy)
            others = extents([box for box in placed if not box.contains(*own)])  # not its marker
            move(label, *POSITIONS[0])
            first = label.get_window_extent(renderer)
            for position in POSITIONS:
                box = box_at(first, POSITIONS[0], position, points)
                outside = box.x0 < frame.x0 or box.x1 > frame.x1
                clashes.append(3 * overlaps(box, others) + 2 * nearer_another(box, own, markers)
                               + crosses(box, lines) + 100 * outside)  # fmt: skip
                if not clashes[-1]:
                    break
            best = POSITIONS[clashes.index(min(clashes))]
            move(label, *best)
            placed.append(box_at(first, POSITIONS[0], best, points))
        place_map_names(axes, renderer, placed, lines, frame)
    return figure


def nearer_another(box: Bbox, own, markers: list[Bbox]) -> bool:
    """Whether the name in pixel box `box` lies nearer another place's marker than its own
    (at pixel point `own`), so that a reader could take it for the other place's name."""

    def gap(x, y):  # from the point to the nearest edge of the box
        return math.hypot(max(box.x0 - x, 0, x - box.x1), max(box.y0 - y, 0, y - box.y1))

    mine = gap(*own)
    return any(gap(m.x0 + MARK, m.y0 + MARK) < mine for m in markers if not m.contains(*own))


def on_land(box: Bbox, land: list[Path], axes) -> bool:
    """Whether the pixel box's corners and edge middles all lie on the land outlined by `land`
    (always true where no land is given)."""
    x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
    points = axes.transData.inverted().transform(
        [(x0, y0), (x1, y0), (x0, y1), (x1, y1), ((x0 + x1) / 2, y0), ((x0 + x1) / 2, y1)]
    )
    return all(any(ring.contains_point(point) for ring in land) for point in points) or not land


def crosses(box: Bbox, lines: list[Path]) -> bool:
    """Whether any of the pixel paths `lines` runs through the pixel box."""
    return any(line.intersects_bbox(box, filled=False) for line in lines)


def line_paths(axes) -> list[Path]:
    """The map's lines in pixels: drawn lines (outlines, frontiers) and route arrows, each
    arrow as the straight segment from its start to its end."""
    paths = [line.get_transform().transform_path(line.get_path()) for line in axes.lines]
    arrows = [text for text in axes.texts if isinstance(text, Annotation) and text.arrow_patch]
    return paths + [Path(axes.transData.transform([a.xyann, a.xy])) for a in arrows]


def free_box(name: MapName, renderer, taken: list, lines: list[Path], frame) -> Bbox | None:
    """Move `name` to its first free spot: on its land and across no line if it can, else
    across no line, else only clear of `taken`; return its box there, or None if none is free."""
    fallbacks = {}  # "no line" and "clear": the first spot that fits each looser test
    name.set_position(name.spots[0])
    first = name.get_window_extent(renderer)  # measured once: at other spots, only shifted
    pixels = name.axes.transData.transform(name.spots)
    clear_of = extents(taken)
    for spot, (x, y) in zip(name.spots, pixels, strict=True):
        box = first.translated(x - pixels[0][0], y - pixels[0][1])
        inside = frame.x0 <= box.x0 and box.x1 <= frame.x1
        clear = not overlaps(box.padded(NAME_GAP), clear_of)
        if not (inside and frame.y0 <= box.y0 and box.y1 <= frame.y1 and clear):
            continue
        if not crosses(box, lines):
            if on_land(box, name.land, name.axes):
                name.set_position(spot)
                return box
            fallbacks.setdefault("no line", (spot, box))
        fallbacks.setdefault("clear", (spot, box))
    for test in ("no line", "clear"):
        if test in fallbacks:
            spot, box = fallbacks[test]
            name.set_position(spot)
            return box
    return None


def place_map_names(axes, renderer, taken: list, lines: list[Path], frame) -> None:
    """Put each country's and sea's name at its first free spot, or leave it out."""
    for name in [text for text in axes.texts if isinstance(text, MapName)]:
        box = free_box(name, renderer, taken, lines, frame)
        if box is None:
            name.remove()
        else:
            taken.append(box)
