"""The live room's "Where do you feel it?" poll on a phone: the map to tap, and the
projector's heat map counting people."""

from __future__ import annotations

from causes.bodymap import ANSWERS, TO_TAP
from tests.pages.test_room import button, phone, presenter, rooms  # noqa: F401  (a fixture)
from tests.support.charts import charts


def test_a_where_poll_draws_a_map_to_tap_on_phones_and_people_on_the_projector(rooms):  # noqa: F811
    pres, code = presenter(rooms)
    button(pres, "Poll: where do you feel it?").click().run()
    p = phone(code)
    (tap,) = charts(p)
    assert tap.selects
    assert tap.figure["layout"]["title"]["text"] == TO_TAP.title
    assert tap.narrow is not None and tap.narrow["layout"]["title"]["text"] == TO_TAP.title
    for figure in (tap.figure, tap.narrow):
        (hits,) = [t for t in figure["data"] if t.get("name") == "hits"]
        (areas,) = [t for t in figure["data"] if t.get("name") == "areas"]
        assert set(hits["customdata"]) == set(areas["customdata"]) == set(p.radio[0].options)  # every option a target
        assert not any(areas["text"])  # no counts on a phone's map
    pres.run()
    (heat,) = charts(pres)
    assert heat.figure["layout"]["title"]["text"] == ANSWERS.title
