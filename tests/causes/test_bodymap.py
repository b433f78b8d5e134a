"""The body map: counts, the drawn regions and their markers, the bar-chart fallback, and
what a click selects."""

from __future__ import annotations

import math
from itertools import combinations, pairwise

import pytest

from causes.bodymap import (
    ANSWERS,
    BACK_X,
    BODY_AREAS,
    BODY_TITLE,
    CHIP_AREAS,
    LINE_UNITS,
    MARKER_CLEARANCE,
    MARKER_PARTS,
    MAX_BARS,
    NEUTRAL_FILL,
    PART_BY_NAME,
    PARTS,
    REGION_AREAS,
    TO_TAP,
    X_RANGE,
    Y_RANGE,
    area_view,
    bar_figure,
    body_figure,
    centroid,
    chip_anchor,
    chip_box,
    clicked_area,
    contrast,
    figure_areas,
    ink_on,
    label_anchor,
    label_lines,
    label_side,
    narrow,
    part_at,
    region_anchor,
    shade,
    uses_body_vocabulary,
    with_area,
)
from causes.config import BUNDLED_TABLE
from causes.content import GLOSSARY_FILE, Glossary
from causes.query import Query, run_query, term_counts
from causes.table import CauseTable
from tests.causes.tables import table_from_rows

COLUMNS = ["cause", "category", "symptoms", "body_areas", "summary"]
ROWS = [
    ["Cramp", "Lifestyle", "cramps", "calves; feet and toes", "A cramp."],
    ["Tired", "Lifestyle", "twitching", "Calves; thighs; whole leg", "Tired muscles."],
    ["Nerve", "Medical", "twitching; weakness", "arms and hands; whole body", "A nerve problem."],
    ["Eyelid", "Benign", "twitching", "face and eyelids", "An eyelid twitch."],
    ["Back spasm", "Medical", "spasms", "back; buttocks and hips", "A back spasm."],
]


def make_table(rows: list[list[str]]) -> CauseTable:
    return table_from_rows(COLUMNS, rows)


def foreign_table(areas: list[str]) -> CauseTable:
    return make_table([[f"Cause {i}", "Habits", "hiccups", a, "A cause."] for i, a in enumerate(areas)])


@pytest.fixture(scope="module")
def table() -> CauseTable:
    return make_table(ROWS)


def clickable(fig, name: str | None = None):
    """The trace of clickable points of a figure: the bars, or the body's "areas" (one
    marker per area) or "hits" (invisible targets)."""
    traces = [t for t in fig.data if t.customdata is not None and (name is None or t.name == name)]
    assert len(traces) == 1, [t.name for t in traces]
    return traces[0]


# --- counts ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        Query(),
        Query(symptoms=("twitching",)),
        Query(areas=("calves",)),
        Query(areas=("calves", "back")),
        Query(categories=("Medical",)),
        Query(symptoms=("hiccups",)),  # nothing matches
    ],
)
def test_counts_are_the_matching_causes_per_area(table, query):
    result = run_query(table, query)
    counts = term_counts(table, result, "body_areas")
    assert list(counts) == list(table.facets["body_areas"].terms)
    matching = [table.record(int(p)) for p in result.positions]
    for area, n in counts.items():
        assert n == sum(area.casefold() in {a.casefold() for a in c["body_areas"]} for c in matching), area


def test_counts_use_the_tables_first_spelling(table):
    counts = term_counts(table, run_query(table, Query()), "body_areas")
    assert counts["calves"] == 2  # "Calves" in the second row is the same area


def test_bundled_counts_add_up(bundled):
    # Calves are part of the whole leg, the whole leg part of the whole body (glossary.csv):
    # choosing the calves finds the causes felt in any of the three.
    result = run_query(bundled, Query(areas=("calves",)))
    counts = term_counts(bundled, result, "body_areas")
    leg = {"calves", "whole leg", "whole body"}
    in_calves = [i for i in range(len(bundled)) if leg & set(bundled.record(i)["body_areas"])]
    assert counts["calves"] == len(result) == len(in_calves) > 10
    for area, n in counts.items():  # each area's count: the shown causes that would match it too
        assert n == int((run_query(bundled, Query(areas=(area,))).mask & result.mask).sum()), area


# --- the vocabulary and the drawing -----------------------------------------------------------


def bundled_area_terms() -> list[str]:
    glossary = Glossary.load(BUNDLED_TABLE.parent / GLOSSARY_FILE)
    return [t.term for t in glossary.terms if t.kind == "body area"]


@pytest.mark.parametrize("term", bundled_area_terms())
def test_every_bundled_area_is_a_region_or_a_chip(term):
    key = term.casefold()
    assert key in BODY_AREAS
    assert (key in MARKER_PARTS) != (key in CHIP_AREAS)
    if key in MARKER_PARTS:
        assert key in REGION_AREAS.values()
        for part in MARKER_PARTS[key]:
            assert REGION_AREAS[part] == key


def test_the_bundled_table_uses_only_the_bundled_vocabulary(bundled):
    assert {t.casefold() for t in bundled.facets["body_areas"].terms} <= BODY_AREAS


def test_region_parts_exist_and_every_region_has_a_marker():
    assert set(REGION_AREAS) <= set(PART_BY_NAME)
    assert set(REGION_AREAS.values()) == set(MARKER_PARTS)
    assert len(PART_BY_NAME) == len(PARTS)  # part names are unique


@pytest.mark.parametrize("area", sorted(MARKER_PARTS))
def test_each_marker_sits_on_its_region_inside_the_picture(area):
    x, y = region_anchor(area)
    assert X_RANGE[0] < x < X_RANGE[1] and Y_RANGE[0] < y < Y_RANGE[1]
    polys = [PART_BY_NAME[p].polygon for p in MARKER_PARTS[area]]
    if len(polys) == 1:
        assert part_at((x, y)) == PART_BY_NAME[MARKER_PARTS[area][0]]  # on it, and on top
    else:  # a pair (both calves): the marker sits between them, touching both
        for poly in polys:
            assert min(math.dist((x, y), v) for v in poly) < 4


def test_markers_do_not_overlap():
    anchors = [region_anchor(a) for a in MARKER_PARTS] + [chip_anchor(i) for i in range(6)]
    for i, a in enumerate(anchors):
        for b in anchors[i + 1 :]:
            assert math.dist(a, b) > 5.5, (a, b)


@pytest.mark.parametrize(
    ("polys", "centre"),
    [
        ([((0, 0), (2, 0), (2, 2), (0, 2))], (1, 1)),
        ([((0, 0), (0, 2), (2, 2), (2, 0))], (1, 1)),  # clockwise
        ([((0, 0), (2, 0), (2, 2), (0, 2)), ((4, 0), (6, 0), (6, 2), (4, 2))], (3, 1)),
        ([((0, 0), (3, 0), (0, 3))], (1, 1)),
    ],
)
def test_centroid(polys, centre):
    assert centroid(polys) == centre


@pytest.mark.parametrize(
    ("count", "most", "colour"),
    [(0, 10, "#DCEAF6"), (10, 10, "#08306B"), (5, 10, "#4292C6"), (3, 0, "#DCEAF6"), (12, 10, "#08306B")],
)
def test_shade_runs_light_to_dark_blue(count, most, colour):
    assert shade(count, most) == colour


def test_shades_get_darker_with_the_count():
    lightness = [sum(int(shade(n, 20)[i : i + 2], 16) for i in (1, 3, 5)) for n in range(21)]
    assert lightness == sorted(lightness, reverse=True)


# --- which figure ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("areas", "body"),
    [
        (["calves", "thighs", "whole body"], True),
        (["CALVES", " Feet and toes "], True),  # ignoring case and spaces
        (["calves", "chest"], True),  # half is enough
        (["calves", "chest", "stomach"], False),
        (["chest", "stomach"], False),
        (["chest"], False),
        ([], False),
    ],
)
def test_body_vocabulary_rule(areas, body):
    assert uses_body_vocabulary(areas) is body


@pytest.mark.parametrize(
    ("areas", "kind"),
    [
        (["calves; thighs", "whole leg"], "body"),
        (["chest", "chest; stomach"], "bars"),
        ([f"area {i}" for i in range(45)], "bars"),
    ],
)
def test_area_view_picks_the_figure(areas, kind):
    t = foreign_table(areas)
    result = run_query(t, Query())
    view = area_view(t, result)
    assert view.kind == kind
    counts = term_counts(t, result, "body_areas")
    assert dict(zip(view.rows["Body area"], view.rows["Matching causes"], strict=True)) == counts
    assert view.alt


def test_the_bundled_table_gets_the_body(bundled):
    view = area_view(bundled, run_query(bundled, Query()))
    assert view.kind == "body"
    assert view.note == ""
    assert "not drawn" not in set(view.rows["On the figure"])


# --- the figures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", [Query(), Query(areas=("calves",)), Query(symptoms=("twitching",))])
def test_body_figure_has_one_marker_per_area(bundled, query):
    counts = term_counts(bundled, run_query(bundled, query), "body_areas")
    fig = body_figure(counts, query.areas)
    points = clickable(fig, "areas")
    assert sorted(points.customdata) == sorted(counts)  # every area once: a region or a chip
    for area, text, x, y in zip(points.customdata, points.text, points.x, points.y, strict=True):
        assert text == f"{counts[area]:,}"
        if area in MARKER_PARTS:
            assert (x, y) == region_anchor(area)
        else:
            assert area in CHIP_AREAS
    assert f"calves: {counts['calves']} causes" in points.hovertext


def test_every_region_can_be_clicked_anywhere_on_it(bundled):
    counts = term_counts(bundled, run_query(bundled, Query()), "body_areas")
    hits = clickable(body_figure(counts), "hits")
    assert set(hits.customdata) == set(counts)
    drawn, chips = figure_areas(counts)
    anchors = [region_anchor(a) for a in drawn] + [chip_anchor(i) for i in range(len(chips))]
    for x, y, area in zip(hits.x, hits.y, hits.customdata, strict=True):
        assert min(math.dist((x, y), m) for m in anchors) > MARKER_CLEARANCE  # the marker wins over it
        part = part_at((x, y))
        if part is not None:  # on the body: the part on top there shows this area
            assert REGION_AREAS[part.name] == area
    for area in drawn:  # and every drawn part of a region has a target on it (a part as small as
        for name, key in REGION_AREAS.items():  # the mouth may be all marker)
            if key == area:
                targets = [*zip(hits.x, hits.y, strict=True), region_anchor(area)]
                assert any(part_at(p) == PART_BY_NAME[name] for p in targets), name


@pytest.mark.parametrize(
    ("point", "part"),
    [
        (region_anchor("calves"), None),  # between the calves
        ((BACK_X - 5.5, 13.0), "calf (back, left)"),
        ((0.0, 83.8), "mouth"),  # the mouth lies on the jaw, which lies on the head
        ((0.0, 81.5), "jaw"),
        ((0.0, 66.0), "torso (front)"),
        ((-30.0, 50.0), None),
    ],
)
def test_part_at_finds_the_part_on_top(point, part):
    found = part_at(point)
    assert (found.name if found else None) == part


def test_body_figure_shades_regions_by_count(table):
    counts = term_counts(table, run_query(table, Query()), "body_areas")
    fig = body_figure(counts, ["calves"])
    # a trace draws a run of neighbouring parts of one area, named after its parts
    fills = {name: t for t in fig.data if t.fill == "toself" for name in t.name.split(" + ")}
    calf, thigh, belly = fills["calf (back, left)"], fills["thigh (front, left)"], fills["abdomen"]
    assert calf.fillcolor == shade(2, 2) == "#08306B"
    assert thigh.fillcolor == shade(1, 2)
    assert belly.fillcolor == NEUTRAL_FILL  # the table has no abdomen: drawn as the neutral body
    assert calf.line.width > thigh.line.width  # chosen: outlined
    labels = [a.text for a in fig.layout.annotations]
    assert "✓ calves" in labels and "thighs" in labels
    assert fig.layout.title.text


def test_every_part_is_drawn_once_in_drawing_order_by_fewer_traces():
    fig = body_figure({"calves": 2, "thighs": 1})
    fills = [t for t in fig.data if t.fill == "toself" and not t.name.startswith("chip")]
    assert [n for t in fills for n in t.name.split(" + ")] == [p.name for p in PARTS]
    assert len(fills) < len(PARTS)  # plotly's work grows with the traces
    for t in fills:  # one closed outline a part, apart from the next by a gap
        parts = t.name.split(" + ")
        assert list(t.x).count(None) == len(parts) - 1
        assert len(t.x) == sum(len(PART_BY_NAME[n].polygon) + 1 for n in parts) + len(parts) - 1
        assert len({REGION_AREAS.get(n, "") for n in parts}) == 1  # one area: one shade
    areas = [REGION_AREAS.get(t.name.split(" + ")[0], "") for t in fills]
    assert all(a != b for a, b in pairwise(areas))  # a run holds all its neighbours of one area


def test_areas_not_drawn_become_chips():
    counts = {"calves": 3, "Whole leg": 2, "chest": 1, "tongue": 1}
    points = clickable(body_figure(counts), "areas")
    assert set(points.customdata) == {"calves", "Whole leg", "chest", "tongue"}
    assert region_anchor("tongue") in zip(points.x, points.y, strict=True)
    assert chip_anchor(1) in zip(points.x, points.y, strict=True)  # chest: the second chip


def test_bar_figure_is_clickable_and_shows_the_top():
    counts = {f"area {i:02}": 50 - i for i in range(40)}
    fig = bar_figure(counts, ["area 03"])
    bars = clickable(fig)
    assert list(bars.customdata) == [f"area {i:02}" for i in range(MAX_BARS)]
    assert list(bars.x) == [50 - i for i in range(MAX_BARS)]
    assert list(bars.text) == [str(50 - i) for i in range(MAX_BARS)]
    assert "10 more" in fig.layout.title.subtitle.text
    assert fig.layout.yaxis.ticktext[3] == "✓ area 03"


def test_text_from_the_table_is_inert_in_the_figure():
    hostile = '<a href="https://example.com">x</a> & $x^2$'
    fig = bar_figure({hostile: 1})
    assert "<" not in fig.layout.yaxis.ticktext[0]
    assert clickable(fig).customdata[0] == hostile  # the value itself is kept for the click
    body = body_figure({"calves": 1, hostile: 1})
    assert "<a" not in "".join(clickable(body, "areas").hovertext)
    assert not any("<a" in a.text for a in body.layout.annotations)


# --- what a click selects ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selection", "area"),
    [
        ({"points": [{"curve_number": 40, "point_index": 3, "customdata": "calves"}], "point_indices": [3]}, "calves"),
        ({"points": [{"customdata": ["calves"]}]}, "calves"),
        ({"points": [{"customdata": ["whole leg", 20]}]}, "whole leg"),
        ({"points": [{"customdata": "  thighs "}]}, "thighs"),
        ({"selection": {"points": [{"customdata": "back"}]}}, "back"),  # the whole event
        ({"points": [{"x": 1, "y": 2}, {"customdata": "back"}]}, "back"),  # first point with an area
        ({"points": [{"customdata": 3}]}, None),
        ({"points": [{"customdata": []}]}, None),
        ({"points": [{"customdata": ""}]}, None),
        ({"points": [{"x": 1, "y": 2}]}, None),
        ({"points": [], "point_indices": [], "box": [], "lasso": []}, None),
        ({"points": "calves"}, None),
        ({}, None),
        (None, None),
    ],
)
def test_clicked_area(selection, area):
    assert clicked_area(selection) == area


@pytest.mark.parametrize(
    ("current", "area", "after"),
    [
        ([], "calves", ["calves"]),
        (None, "CALVES", ["calves"]),  # the table's spelling
        (["thighs"], "calves", ["thighs", "calves"]),
        (["calves"], "Calves", ["calves"]),  # already chosen
        (["thighs"], "elbow", ["thighs"]),  # not in the table
    ],
)
def test_with_area(table, current, area, after):
    assert with_area(current, area, table) == after


@pytest.mark.parametrize("count", range(21))
def test_text_on_a_shade_is_readable(count):
    fill = shade(count, 20)
    assert contrast(ink_on(fill), fill) >= 4.5


# --- a phone's layout (the narrow frame) ------------------------------------------------------


@pytest.fixture(scope="module")
def narrow_figure(bundled):
    counts = term_counts(bundled, run_query(bundled, Query()), "body_areas")
    return counts, body_figure(counts, narrow_frame=True)


def annotation_texts(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


@pytest.mark.parametrize("area", sorted(BODY_AREAS))
def test_on_a_phone_every_area_is_whole_inside_the_figure_and_a_target(narrow_figure, area):
    counts, fig = narrow_figure
    if area not in {a.casefold() for a in counts}:
        pytest.skip("not in the bundled table")
    frame = narrow(len(figure_areas(counts)[1]))
    shown = area if area in CHIP_AREAS else "<br>".join(label_lines(area, frame))  # a chip: its box
    assert shown.replace("<br>", " ") == area  # whole: on a chip, or two short lines, nothing cut
    assert any(t.endswith(shown) for t in annotation_texts(fig))
    x0, x1 = frame.x_range
    y0, y1 = frame.y_range
    hits = clickable(fig, "hits")
    mine = [(x, y) for x, y, k in zip(hits.x, hits.y, hits.customdata, strict=True) if k.casefold() == area]
    assert mine, f"{area} has no target"
    assert all(x0 <= x <= x1 and y0 <= y <= y1 for x, y in mine)
    if area in MARKER_PARTS:
        lx, ly = label_anchor(area, frame)
        width = max(len(line) for line in label_lines(area, frame)) * frame.label_char
        left = label_side(area, frame) == "left"
        assert x0 <= (lx - width if left else lx + width) <= x1, f"{area}'s name runs off the figure"
        assert any(abs(y - ly) <= LINE_UNITS and abs(x - lx) <= width for x, y in mine), "its name is no target"


def test_on_a_phone_names_on_one_side_never_meet(narrow_figure):
    counts, _ = narrow_figure
    frame = narrow(len(figure_areas(counts)[1]))
    drawn = figure_areas(counts)[0]
    for a, b in combinations(drawn, 2):
        if label_side(a, frame) != label_side(b, frame):
            continue
        ya, yb = label_anchor(a, frame)[1], label_anchor(b, frame)[1]
        assert abs(ya - yb) >= 2 * LINE_UNITS + 1, (a, b)  # two lines each, apart


def test_on_a_phone_the_chips_sit_in_rows_above_the_front_clear_of_each_other(narrow_figure):
    counts, _ = narrow_figure
    chips = figure_areas(counts)[1]
    frame = narrow(len(chips))
    boxes = [chip_box(i, frame) for i in range(len(chips))]
    for a, b in combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)
    front_title = dict(frame.view_titles)["Front"][1]
    assert all(box[1] > front_title + 2 for box in boxes)
    assert all(frame.x_range[0] <= box[0] and box[2] <= frame.x_range[1] for box in boxes)


def test_what_the_numbers_count_is_said(bundled):
    counts = {"calves": 3, "thighs": 1}
    assert body_figure(counts).layout.title.text == BODY_TITLE
    people = body_figure(counts, counted=ANSWERS)
    assert people.layout.title.text == ANSWERS.title and "people" in people.layout.title.subtitle.text
    areas = clickable(people, "areas")
    said = dict(zip(areas.customdata, areas.hovertext, strict=True))
    assert said == {"calves": "calves: 3 people", "thighs": "thighs: 1 person"}
    tap = body_figure(dict.fromkeys(counts, 0), ["calves"], counted=TO_TAP)
    marks = clickable(tap, "areas")
    ticks = dict(zip(marks.customdata, marks.text, strict=True))
    assert ticks == {"calves": "✓", "thighs": ""}  # no counts; the phone's answer ticked
    assert set(clickable(tap, "hits").customdata) == {"calves", "thighs"}  # every option a target
