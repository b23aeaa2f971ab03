"""untangle_labels: crowded place names move apart and off lines; names with room stay where
they were; country names give way and stay on their land."""

from itertools import combinations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import Bbox

from iran_russia import style
from iran_russia.data import load
from iran_russia.map_labels import (
    MARK,
    NAME_GAP,
    POSITIONS,
    MapName,
    box_at,
    move,
    nearer_another,
    place_labels,
    untangle_labels,
)
from iran_russia.maps import places_map


def crowded_map():
    """Three names at almost the same spot, one far away, and a fixed text over the first."""
    figure = Figure(figsize=(6, 4))
    axes = figure.subplots()
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 10)
    for name, x, y in [("Alpha base", 5, 5), ("Beta port", 5.05, 5.05), ("Gamma", 5, 4.95),
                       ("Far away", 1, 9)]:  # fmt: skip
        axes.annotate(name, (x, y), xytext=(4, 4), textcoords="offset points", fontsize=7)
    axes.text(5.6, 5.15, "COUNTRY", fontsize=7)
    return figure, axes


def boxes(figure, texts):
    renderer = FigureCanvasAgg(figure).get_renderer()
    return [text.get_window_extent(renderer) for text in texts]


def test_crowded_names_no_longer_overlap_and_the_figure_is_returned():
    figure, axes = crowded_map()
    assert untangle_labels(figure) is figure
    texts = [text for text in axes.texts if text.get_text()]
    clashes = [pair for pair in combinations(boxes(figure, texts), 2) if pair[0].overlaps(pair[1])]
    assert not clashes


def test_a_name_with_room_keeps_its_place():
    figure, axes = crowded_map()
    untangle_labels(figure)
    far = next(text for text in place_labels(axes) if text.get_text() == "Far away")
    assert tuple(far.xyann) == POSITIONS[0][0]
    assert far.get_horizontalalignment() == "left"


def test_route_arrows_and_plain_texts_are_left_alone():
    ids = ["hmeimim-air-base", "tartus-naval-facility", "latakia", "damascus"]
    figure = places_map(load("places"), ids, (30, 40, 31, 38), "Coast",
                        routes=[("damascus", "latakia", "a route")])  # fmt: skip
    axes = figure.axes[0]
    before = [(text.get_text(), text.get_position()) for text in axes.texts
              if text not in place_labels(axes)]  # fmt: skip
    untangle_labels(figure)
    after = [(text.get_text(), text.get_position()) for text in axes.texts
             if text not in place_labels(axes)]  # fmt: skip
    assert before == after
    assert len(place_labels(axes)) == len(ids)


def square(x0, y0, size):
    """A square country outline in data coordinates."""
    return Path([(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size), (x0, y0)])


def one_place():
    """An empty 10 x 10 map with one place marked at its centre."""
    figure = Figure(figsize=(6, 4))
    axes = figure.subplots()
    axes.set_xlim(0, 10)
    axes.set_ylim(0, 10)
    axes.scatter([5], [5])
    return figure, axes


def test_a_country_name_gives_way_to_a_place_name_and_stays_on_its_land():
    figure, axes = one_place()
    axes.annotate("Capital", (5, 5), xytext=(4, 4), textcoords="offset points", fontsize=9)
    land = [square(2, 2, 6)]
    off_land, covered, free = (9.0, 9.0), (5.6, 5.1), (4, 3)
    name = MapName([off_land, covered, free], land, text="LAND", fontsize=9, ha="center")
    axes.add_artist(name)
    untangle_labels(figure)
    assert name.get_position() == free, "not off its land, not over the place's name"


def test_a_place_name_moves_off_a_line_that_runs_through_it():
    figure, axes = one_place()
    label = axes.annotate("Town", (5, 5), xytext=(4, 4), textcoords="offset points", fontsize=9)
    renderer = FigureCanvasAgg(figure).get_renderer()
    first = label.get_window_extent(renderer)
    middle = axes.transData.inverted().transform(((first.x0 + first.x1) / 2, first.y0 + 2))
    axes.plot([0, 10], [middle[1], middle[1]])  # a frontier through the name's first position
    untangle_labels(figure)
    assert tuple(label.xyann) != POSITIONS[0][0]
    box = label.get_window_extent(FigureCanvasAgg(figure).get_renderer())
    line = axes.lines[0]
    assert not line.get_transform().transform_path(line.get_path()).intersects_bbox(box, False)


def test_a_name_nearer_another_marker_than_its_own_is_flagged():
    name = Bbox([[10, 10], [50, 20]])  # pixels; its own marker sits 7 pixels from its corner
    beside = Bbox([[55 - MARK, 15 - MARK], [55 + MARK, 15 + MARK]])  # 5 pixels from its edge
    far = Bbox([[95 - MARK, 15 - MARK], [95 + MARK, 15 + MARK]])
    assert nearer_another(name, (5, 5), [beside, far])
    assert not nearer_another(name, (5, 5), [far])


def test_a_country_name_keeps_a_gap_from_a_place_name_it_would_only_touch():
    figure, axes = one_place()
    label = axes.annotate("Capital", (5, 5), xytext=(4, 4), textcoords="offset points", fontsize=9)
    renderer = FigureCanvasAgg(figure).get_renderer()
    below = label.get_window_extent(renderer)
    name = MapName([(5, 5)], text="LAND", fontsize=9, ha="center", va="top")
    axes.add_artist(name)
    # right of the marker, under the name's end: 2.5 px below it, then clear of the gap
    touching = axes.transData.inverted().transform((below.x1, below.y0 - 2.5))
    farther = axes.transData.inverted().transform((below.x1, below.y0 - NAME_GAP - 4))
    name.spots = [tuple(touching), tuple(farther)]
    untangle_labels(figure)
    assert name.get_position() == tuple(farther)


def test_place_names_sit_over_a_halo_above_the_lines_of_a_map():
    figure = places_map(load("places"), ["damascus", "latakia"], (30, 40, 31, 38), "Coast",
                        routes=[("damascus", "latakia", "a route")])  # fmt: skip
    axes = figure.axes[0]
    for label in place_labels(axes):
        assert label.get_path_effects() == style.HALO
        assert label.get_zorder() > max(line.get_zorder() for line in axes.lines)


def test_a_labels_box_at_each_position_is_its_first_box_shifted():
    """untangle_labels measures a name once and shifts its box; matplotlib must agree."""
    figure, axes = crowded_map()
    label = place_labels(axes)[0]
    renderer = FigureCanvasAgg(figure).get_renderer()
    move(label, *POSITIONS[0])
    first = label.get_window_extent(renderer)
    for position in POSITIONS:
        move(label, *position)
        measured = label.get_window_extent(renderer)
        predicted = box_at(first, POSITIONS[0], position, figure.dpi / 72)
        assert predicted.extents == pytest.approx(measured.extents, abs=0.01), position
