"""Smoke test of the synthetic table generator (the tests' and the benchmarks'): its tables load cleanly and have the
promised shape. No timings here; bench/bench_query.py measures those."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from causes.loader import load_cause_table
from causes.schema import COLUMN_NAMES, URGENCY_LEVELS
from tests.support.generate import main, write_table


def raw_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def items(cell: str) -> list[str]:
    return [i.strip() for i in cell.split(";") if i.strip()]


@pytest.mark.parametrize("per_cause", [None, 20])
def test_generated_table_loads_with_no_problems(tmp_path: Path, per_cause: int | None) -> None:
    path = write_table(tmp_path / "t.csv", 200, seed=3, symptoms_per_cause=per_cause)
    table = load_cause_table(path)  # raises CauseTableError on any problem
    assert len(table) == 200
    assert table.warnings == ()
    assert table.extra_columns == ()
    counts = [len(s) for s in table.frame["symptoms"]]
    if per_cause is None:
        assert all(5 <= c <= 50 for c in counts)
        assert len(set(counts)) > 5  # random, not constant
    else:
        assert set(counts) == {per_cause}


def test_generated_cells_have_the_promised_shape(tmp_path: Path) -> None:
    path = write_table(tmp_path / "t.csv", 200, seed=5, symptoms_per_cause=20)
    rows = raw_rows(path)
    assert list(rows[0]) == list(COLUMN_NAMES)
    names = [r["cause"] for r in rows]
    assert len({n.strip().casefold() for n in names}) == 200
    assert any("," in n for n in names) and any('"' in n for n in names)  # CSV quoting is exercised
    for r in rows:
        symptoms = items(r["symptoms"])
        assert len(symptoms) == 20
        assert len({s.casefold() for s in symptoms}) == 20  # distinct within the cause, ignoring case
        assert r["source_url"].startswith("https://")
        assert len(r["last_reviewed"]) == 10
    assert {r["urgency"] for r in rows} == {*URGENCY_LEVELS, ""}
    assert len({r["category"] for r in rows}) >= 6


def test_same_seed_same_table_and_cli(tmp_path: Path) -> None:
    a = write_table(tmp_path / "a.csv", 200, seed=1)
    assert main(["--rows", "200", "--seed", "1", "--out", str(tmp_path / "b.csv")]) == 0
    c = write_table(tmp_path / "c.csv", 200, seed=2)
    assert a.read_bytes() == (tmp_path / "b.csv").read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_the_generated_glossary_links_the_whole_vocabulary_without_a_problem(tmp_path):
    from causes.content import Glossary
    from causes.loader import load_cause_table
    from causes.query import Query, run_query
    from tests.support.generate import write_glossary

    table = load_cause_table(
        write_table(tmp_path / "t.csv", 500, seed=3),
        glossary=Glossary.load(write_glossary(tmp_path / "glossary.csv", seed=3)),
    )
    assert table.warnings == ()
    assert set(table.reach) == {"symptoms", "body_areas", "risk_factors"}
    # a bare feeling reaches every kind of it; a leg part reaches both legs and the whole body
    cramps = run_query(table, Query(symptoms=("cramps",)))

    def a_cramp(symptom: str) -> bool:  # "cramps …" or "<intensity> cramps …"
        words = symptom.casefold().split()
        return words[0] == "cramps" or (len(words) > 1 and words[1] == "cramps")

    kinds = {i for i, t in enumerate(table.frame["symptoms"]) if any(a_cramp(s) for s in t)}
    assert set(cramps.positions.tolist()) >= kinds
    calves = run_query(table, Query(areas=("calves",)))
    wide = {i for i, a in enumerate(table.frame["body_areas"]) if {"calves", "both legs", "whole body"} & set(a)}
    assert set(calves.positions.tolist()) == wide
