"""Broader terms as a glossary declares them: which links are used, and a sentence naming
the row for each that is not."""

from __future__ import annotations

import pytest

from causes.vocabulary import Declared, Link, links_of

TABLE_AREAS = ("calves", "thighs", "Whole leg")
LOOP_OF_TWO = (
    'glossary.csv rows 2, 3, broader: the broader terms go round in a loop ("calves" → "thighs" → "calves"),'
    " so these terms are matched on their own."
)
LOOP_OF_THREE = (
    "glossary.csv rows 2, 6, 7, broader: the broader terms go round in a loop"
    ' ("calves" → "thighs" → "whole leg" → "calves"), so these terms are matched on their own.'
)
LOOP_AFTER_A_CHAIN = (
    'glossary.csv rows 3, 4, broader: the broader terms go round in a loop ("calves" → "thighs" → "calves"),'
    " so these terms are matched on their own."
)
UNKNOWN = (
    'glossary.csv row 4, broader: "legs" is not a body area of the table or its glossary,'
    ' so "calves" is matched on its own.'
)
SECOND = (
    'glossary.csv row 5, broader: "Calves" already has the broader term "whole leg" (row 2);'
    " a term has one broader term, so this one is left out."
)
ITSELF = 'glossary.csv row 3, broader: "calves" names itself as its broader term, so it is matched on its own.'


def declared(*links: tuple[int, str, str], terms: tuple[str, ...] = ()) -> Declared:
    return Declared("body_areas", terms, tuple(Link(r, t, b) for r, t, b in links))


@pytest.mark.parametrize(
    "links,terms,parent,problems,extra",
    [
        # Links between the table's terms, in any case and spacing.
        (
            [(2, "calves", "whole leg"), (3, " Thighs ", "WHOLE LEG")],
            (),
            {"calves": "whole leg", "thighs": "whole leg"},
            [],
            (),
        ),
        # A broader term the glossary defines and no cause uses is a term too (glossary spelling).
        ([(2, "whole leg", "Whole Body")], ("Whole Body",), {"whole leg": "whole body"}, [], ("Whole Body",)),
        # So is a narrower term only the glossary has.
        ([(2, "shins", "whole leg")], ("shins",), {"shins": "whole leg"}, [], ("shins",)),
        # A broader term neither has; a second broader term for one term; a term that names itself.
        ([(4, "calves", "legs")], (), {}, [UNKNOWN], ()),
        ([(2, "calves", "whole leg"), (5, "Calves", "thighs")], (), {"calves": "whole leg"}, [SECOND], ()),
        ([(3, "calves", "Calves")], (), {}, [ITSELF], ()),
        # Loops of two and of three (beside a good link): only the loop's links go.
        ([(2, "calves", "thighs"), (3, "thighs", "calves")], (), {}, [LOOP_OF_TWO], ()),
        (
            [(7, "calves", "thighs"), (6, "thighs", "whole leg"), (2, "whole leg", "calves"), (9, "knee", "whole leg")],
            ("knee",),
            {"knee": "whole leg"},
            [LOOP_OF_THREE],
            ("knee",),
        ),
        # A chain that runs into a loop keeps its own link.
        (
            [(2, "knee", "calves"), (3, "calves", "thighs"), (4, "thighs", "calves")],
            ("knee",),
            {"knee": "calves"},
            [LOOP_AFTER_A_CHAIN],
            ("knee",),
        ),
        # A blank broader term is no link.
        ([(2, "calves", " ")], (), {}, [], ()),
    ],
)
def test_links_of(links, terms, parent, problems, extra):
    found = links_of(declared(*links, terms=terms), TABLE_AREAS)
    assert found.parent == parent
    assert list(found.problems) == problems
    assert found.extra == extra
