"""Write a synthetic cause table in the documented format (data/README.md), for tests and benchmarks.

    python -m bench.generate --rows 100000 --out bench/out/causes-100000.csv --symptoms-per-cause 20

The table is deterministic for a seed. It exercises what real tables do: cause names that
are long or hold commas and double quotes (so CSV quoting is needed), multi-paragraph
explanations, a few thousand symptoms of uneven (Zipf-like) popularity, blank urgencies.
"""

from __future__ import annotations

import argparse
import csv
import functools
import random
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from causes.loader import collector_paused
from causes.schema import COLUMN_NAMES, URGENCY_LEVELS

# Bump when the output changes for a given seed, so that cached tables are written again.
GENERATOR_VERSION = 4  # 3: each red flag names its level; 4: how common, and the tests a doctor may do

CATEGORIES: tuple[str, ...] = (
    "Lifestyle & activity",
    "Medications & substances",
    "Nutrition & minerals",
    "Nerves & spine",
    "Blood vessels & circulation",
    "Hormones & metabolism",
    "Infections",
    "Inherited conditions",
)
N_SYMPTOMS = 3000
N_AREAS = 30
N_RISKS = 200
# Symptom popularity ~ 1 / (rank + ZIPF_Q) ** ZIPF_S (Zipf-Mandelbrot). With 20 symptoms per cause the
# most popular symptom is in ~40% of causes, the 1000th in ~0.3%, the rarest in a few.
ZIPF_S = 1.0
ZIPF_Q = 5

_FEELINGS = (
    "twitching", "cramps", "spasms", "aching", "burning", "tingling", "numbness", "stiffness", "weakness",
    "pain", "tenderness", "swelling", "restlessness", "jerking", "throbbing", "heaviness", "fatigue",
    "pins and needles", "tightness", "shaking", "coldness", "itching", "soreness", "fluttering", "locking",
)  # fmt: skip
_WHEN = (
    "at night", "at rest", "after exercise", "during exercise", "in the morning", "when standing",
    "when walking", "after sitting", "in the heat", "in the cold", "after caffeine", "during stress",
    "when lying down", "on waking", "after meals", "during pregnancy", "after a fall", "in bursts",
    "that comes and goes", "that spreads", "on one side", "on both sides", "that wakes you", "for days",
    "for weeks", "lasting seconds", "lasting minutes", "with fever", "with a rash", "with cramps",
    "when climbing stairs", "when stretching", "after alcohol", "when anxious", "during a long drive",
    "after a new medicine", "in winter", "in summer", "when tired", "with headache",
)  # fmt: skip
_INTENSITY = ("", "mild", "severe", "sudden", "constant", "brief")
_AREAS = (
    "calves", "thighs", "feet and toes", "ankles", "knees", "shins", "hips", "buttocks", "groin",
    "lower back", "upper back", "neck", "shoulders", "upper arms", "elbows", "forearms", "wrists",
    "hands and fingers", "face", "eyelids", "jaw", "tongue", "chest", "abdomen", "ribs", "scalp",
    "whole body", "one leg", "both legs", "soles",
)  # fmt: skip
_RISK_BASES = (
    "older age", "pregnancy", "diabetes", "kidney disease", "thyroid disease", "heavy exercise", "dehydration",
    "diuretics", "statins", "alcohol", "smoking", "caffeine", "poor sleep", "stress", "obesity",
    "long standing", "long sitting", "low potassium", "low magnesium", "low calcium", "vitamin D deficiency",
    "family history", "previous injury", "nerve damage", "liver disease", "anaemia", "heat", "cold weather",
    "new medication", "chemotherapy", "dialysis", "menopause", "flat feet", "tight shoes", "desk work",
    "manual work", "endurance sport", "vegan diet", "bariatric surgery", "autoimmune disease",
)  # fmt: skip
_RISK_QUALIFIERS = ("", "recent", "long-term", "untreated", "severe")
_NAME_WORDS = (
    "benign", "nocturnal", "exercise-associated", "idiopathic", "acquired", "hereditary", "toxic",
    "metabolic", "peripheral", "chronic", "acute", "recurrent", "positional", "post-viral", "drug-induced",
)  # fmt: skip
_NAME_NOUNS = (
    "fasciculation syndrome", "muscle cramp", "myopathy", "neuropathy", "radiculopathy", "myositis",
    "electrolyte imbalance", "tetany", "dystonia", "myoclonus", "claudication", "compartment syndrome",
    "nerve entrapment", "tendinopathy", "hypokalaemia", "hypomagnesaemia", "restless legs",
)  # fmt: skip
_LONG_TAIL = (
    " associated with prolonged standing on hard floors in poorly fitting footwear over many years of work",
    " following a combination of vigorous unaccustomed exercise, dehydration and a hot, humid environment",
)
_SOURCES = (
    "NHS", "Mayo Clinic", "MedlinePlus", "NICE", "Cleveland Clinic", "Patient.info", "BMJ Best Practice",
)  # fmt: skip
_COMMONNESS = ("common", "less common", "rare", "not known", "")
_TESTS = (
    "a blood test for potassium and calcium",
    "a blood test of kidney function",
    "a nerve conduction test",
    "an MRI scan of the lower back",
    "an ultrasound scan of the leg veins",
)
_SELF_CARE = (
    "stretch the muscle gently", "drink enough water", "rest the leg", "apply warmth", "apply a cold pack",
    "massage the muscle", "walk it off", "cut down on caffeine", "sleep regular hours", "wear supportive shoes",
    "raise the leg", "take a warm bath", "review medicines with a pharmacist", "eat a balanced diet",
)  # fmt: skip
# Each sign with its own level, as data/README.md asks: one sign, one level across the table.
_RED_FLAGS = (
    "see a doctor: weakness that gets worse", "see a doctor: muscle wasting",
    "emergency: trouble swallowing or speaking", "urgent: a hot, swollen calf",
    "emergency: loss of bladder or bowel control", "emergency: numbness in the groin",
    "emergency: fever with stiff neck", "emergency: dark urine after exercise", "urgent: symptoms after a head injury",
    "emergency: chest pain or breathlessness", "urgent: spreading to other limbs",
)  # fmt: skip
_SENTENCES = (
    "It often settles without treatment within a few days.",
    "The muscle may feel sore for a day or two afterwards.",
    "Symptoms tend to come and go, and are often worse when tired.",
    'Some people describe it as a "flicker" or a "ripple" under the skin.',
    "It is more common with age, and in people who exercise a lot.",
    "A doctor can check for a cause with a simple blood test.",
    "Most people never need any tests; the pattern is typical.",
    "Keeping a diary of when it happens can help find a trigger.",
    "Stopping or changing a medicine should be discussed with the prescriber first.",
    "It is rarely a sign of anything serious on its own.",
)  # fmt: skip


def _symptom_vocabulary(rng: random.Random, size: int) -> list[str]:
    """`size` distinct symptoms (distinct ignoring case), in popularity order, most popular first."""
    combos = [f"{i} {f} {w}".strip() for f in _FEELINGS for w in _WHEN for i in _INTENSITY]  # 25 * 40 * 6
    singles = list(_FEELINGS)
    rng.shuffle(combos)
    vocab = singles + combos  # the bare feelings are the most popular, like in real tables
    if size > len(vocab):
        vocab += [f"symptom {k}" for k in range(size - len(vocab))]
    return vocab[:size]


def _risk_vocabulary(rng: random.Random, size: int) -> list[str]:
    vocab = [f"{q} {b}".strip() for q in _RISK_QUALIFIERS for b in _RISK_BASES]  # 200
    rng.shuffle(vocab)
    if size > len(vocab):
        vocab += [f"risk factor {k}" for k in range(size - len(vocab))]
    return vocab[:size]


def _zipf_cdf(size: int) -> np.ndarray:
    weights = 1.0 / (np.arange(1, size + 1) + ZIPF_Q) ** ZIPF_S
    cdf = np.cumsum(weights)
    return cdf / cdf[-1]


_GRID = 1 << 20


@functools.cache
def _inverse_of(cdf: bytes) -> np.ndarray:
    values = np.frombuffer(cdf)
    return np.searchsorted(values, (np.arange(_GRID) + 0.5) / _GRID, side="right").astype(np.int16)


def _inverse(cdf: np.ndarray) -> np.ndarray:
    """The position each of 2**20 equal steps of probability falls on: one lookup draws a
    position (popularities are resolved to about one in a million)."""
    return _inverse_of(cdf.tobytes())


def _pick_distinct(
    np_rng: np.random.Generator, cdf: np.ndarray, counts: np.ndarray, spare: float = 0.6
) -> tuple[np.ndarray, np.ndarray]:
    """For each row, `counts[r]` distinct vocabulary positions drawn by Zipf-like popularity,
    in the order drawn: the positions of all rows one after another, and each row's start."""
    width = int(counts.max() * (1 + spare)) + 8 if len(counts) else 0
    draws = _inverse(cdf)[np_rng.integers(0, _GRID, size=(len(counts), width))]
    order = np.argsort(draws, axis=1, kind="stable")  # a row's repeats side by side, first first
    ranked = np.take_along_axis(draws, order, axis=1)
    repeat = np.zeros_like(draws, dtype=bool)
    np.put_along_axis(repeat, order[:, 1:], ranked[:, 1:] == ranked[:, :-1], axis=1)
    fresh = ~repeat
    take = fresh & (np.cumsum(fresh, axis=1, dtype=np.int16) <= counts[:, None])
    got = take.sum(axis=1)
    picked = draws[take]
    short = np.flatnonzero(got < counts)
    if len(short):  # rare: a row's draws repeated too often; draw those rows again, wider
        parts = np.split(picked, np.cumsum(got)[:-1])
        again, again_starts = _pick_distinct(np_rng, cdf, counts[short], spare * 2 + 1)
        for j, r in enumerate(short.tolist()):
            parts[r] = again[again_starts[j] : again_starts[j + 1]]
        picked = np.concatenate(parts)
    return picked, np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)


def _some_of(np_rng: np.random.Generator, size: int, low: int, high: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, `low` to `high` distinct positions out of `size`, uniformly: flat, with starts."""
    counts = np_rng.integers(low, high + 1, size=n)
    return _pick_distinct(np_rng, np.arange(1, size + 1) / size, counts)


def _joined(words: pa.Array, flat: np.ndarray, starts: np.ndarray, separator: str = "; ") -> pa.Array:
    """Per row, the words at its positions joined by `separator`."""
    items = pc.take(words, pa.array(flat, type=pa.int64()))
    lists = pa.LargeListArray.from_arrays(pa.array(starts, type=pa.int64()), items)
    return pc.binary_join(lists, pa.scalar(separator, pa.large_string()))


def _csv_cells(values: pa.Array) -> pa.Array:
    """Cells as `csv.writer` writes them: quoted (quotes doubled) when they hold a comma, a
    quote or a line break."""
    quote, nothing = pa.scalar('"', pa.large_string()), pa.scalar("", pa.large_string())
    quoted = pc.binary_join_element_wise(quote, pc.replace_substring(values, '"', '""'), quote, nothing)
    return pc.if_else(pc.match_substring_regex(values, '[,"\r\n]'), quoted, values)


def _large(values: list[str] | np.ndarray) -> pa.Array:
    return pa.array(values, type=pa.large_string())


def _chunk(first: int, n: int, np_rng: np.random.Generator, vocab: dict, symptoms_per_cause: int | None) -> bytes:
    """Rows `first` to `first + n - 1` (numbered from 1) as CSV text, CRLF line ends."""
    numbers = np.arange(first, first + n)
    if symptoms_per_cause is None:
        counts = np_rng.integers(5, 51, size=n)
    else:
        counts = np.full(n, symptoms_per_cause, dtype=np.int64)
    picked, starts = _pick_distinct(np_rng, vocab["cdf"], counts)
    # 1 % of causes write their first symptom in capitals (the table keeps the first spelling
    # it meets); capitals are the second half of the symptom words.
    shouting = np_rng.random(n) < 0.01
    picked[starts[:-1][shouting]] += len(vocab["symptoms"]) // 2
    words = np_rng.integers(0, len(_NAME_WORDS), size=n)
    nouns = np_rng.integers(0, len(_NAME_NOUNS), size=n)
    rolls = np_rng.random(n)
    tails = np_rng.integers(0, len(_LONG_TAIL), size=n)
    names = []
    for i, w, o, roll, t in zip(
        numbers.tolist(), words.tolist(), nouns.tolist(), rolls.tolist(), tails.tolist(), strict=True
    ):
        word, noun = _NAME_WORDS[w].capitalize(), _NAME_NOUNS[o]
        if roll < 0.05:
            names.append(f'{word} {noun}, "type {i}"')
        elif roll < 0.10:
            names.append(f"{word} {noun} (form {i}), with cramps")
        elif roll < 0.13:
            names.append(f"{word} {noun} {i}{_LONG_TAIL[t]}")
        else:
            names.append(f"{word} {noun} {i}")
    symptom_words = vocab["symptoms"]
    first_symptom = pc.take(symptom_words, pa.array(picked[starts[:-1]])).to_pylist()
    last_symptom = pc.take(symptom_words, pa.array(picked[starts[1:] - 1])).to_pylist()
    categories = np.minimum(np_rng.exponential(1 / 0.45, size=n).astype(np.int64), len(CATEGORIES) - 1)
    body, body_starts = _some_of(np_rng, N_AREAS, 1, 3, n)
    risk, risk_starts = _some_of(np_rng, N_RISKS, 0, 4, n)
    sentences = np.argsort(np_rng.random((n, len(_SENTENCES))), axis=1)[:, :4].tolist()
    first_area = [_AREAS[a] for a in body[body_starts[:-1]].tolist()]
    summaries = [
        f"{name[:120]} can cause {a} and {b}. {_SENTENCES[s[0]]}"
        for name, a, b, s in zip(names, first_symptom, last_symptom, sentences, strict=True)
    ]
    explanations = [
        f"{_SENTENCES[s[1]]} {_SENTENCES[s[2]]}\n\n{_SENTENCES[s[3]]} It is often felt in the {area}."
        for s, area in zip(sentences, first_area, strict=True)
    ]
    urgencies = (*URGENCY_LEVELS, "")
    flags, flag_starts = _some_of(np_rng, len(_RED_FLAGS), 0, 3, n)
    care, care_starts = _some_of(np_rng, len(_SELF_CARE), 0, 4, n)
    columns = [
        _large(names),
        pc.take(_large(list(CATEGORIES)), pa.array(categories)),
        _joined(symptom_words, picked, starts),
        _joined(_large(vocab["areas"]), body, body_starts),
        _joined(_large(vocab["risks"]), risk, risk_starts),
        _large(summaries),
        _large(explanations),
        pc.take(_large(list(urgencies)), pa.array(np_rng.integers(0, len(urgencies), size=n))),
        _joined(_large(list(_RED_FLAGS)), flags, flag_starts),
        _joined(_large(list(_SELF_CARE)), care, care_starts),
        pc.take(_large(list(_SOURCES)), pa.array(np_rng.integers(0, len(_SOURCES), size=n))),
        _large([f"https://example.org/conditions/{i}?ref=bench" for i in numbers.tolist()]),
        pc.take(_large(vocab["dates"]), pa.array(np_rng.integers(0, len(vocab["dates"]), size=n))),
        pc.take(_large(list(_COMMONNESS)), pa.array(np_rng.integers(0, len(_COMMONNESS), size=n))),
        _large([f"https://example.org/how-common/{i}" for i in numbers.tolist()]),
        _joined(_large(list(_TESTS)), *_some_of(np_rng, len(_TESTS), 0, 3, n)),
        _large([f"https://example.org/tests/{i}" for i in numbers.tolist()]),
    ]
    crlf = pa.scalar("\r\n", pa.large_string())
    lines = pc.binary_join_element_wise(*map(_csv_cells, columns), pa.scalar(",", pa.large_string()))
    lines = pc.binary_join_element_wise(lines, crlf, pa.scalar("", pa.large_string()))
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[lines.offset : lines.offset + n + 1]
    return lines.buffers()[2].to_pybytes()[int(offsets[0]) : int(offsets[-1])]


def _vocabulary(seed: int) -> dict:
    rng = random.Random(seed)
    symptoms = _symptom_vocabulary(rng, N_SYMPTOMS)
    return {
        "symptoms": _large(symptoms + [s.upper() for s in symptoms]),
        "cdf": _zipf_cdf(len(symptoms)),
        "risks": _risk_vocabulary(rng, N_RISKS),
        "areas": list(_AREAS[:N_AREAS]),
        "dates": [f"20{y:02d}-{m:02d}-{d:02d}" for y in range(18, 26) for m in range(1, 13) for d in (1, 9, 17, 28)],
    }


# Broader terms for a generated table's vocabulary (glossary.csv's `broader`): each leg part
# is part of both legs, and every area of the whole body; "severe cramps at night" is a kind
# of "cramps at night" (or of "cramps" where that is not a term), itself a kind of "cramps";
# "recent diabetes" a kind of "diabetes". Three levels over the whole vocabulary: harder on
# the index than a real table's few links.
_LEG_PARTS = ("calves", "thighs", "feet and toes", "ankles", "knees", "shins", "soles", "one leg")


def glossary_rows(seed: int = 0, symptoms_too: bool = True) -> list[tuple[str, str, str, str]]:
    """(term, kind, definition, broader) for every term of the vocabulary of `seed` that has
    a broader term (`symptoms_too` False: the body areas and risk factors only, as most of
    the bundled table's links are)."""
    vocab = _vocabulary(seed)
    symptoms = set(vocab["symptoms"].to_pylist()[: len(vocab["symptoms"]) // 2]) if symptoms_too else set()
    rows: list[tuple[str, str, str, str]] = []
    for s in sorted(symptoms):
        words = s.split(" ")
        intensity = words[0] if words[0] in _INTENSITY else ""
        rest = " ".join(words[1:]) if intensity else s
        feeling = next((f for f in _FEELINGS if rest.startswith(f)), None)
        if feeling is None or (rest == feeling and not intensity):
            continue
        broader = rest if intensity and rest in symptoms else feeling
        rows.append((s, "symptom", f"{s} (generated).", broader))
    for area in vocab["areas"]:
        if area == "whole body":
            continue
        broader = "both legs" if area in _LEG_PARTS else "whole body"
        rows.append((area, "body area", f"{area} (generated).", broader))
    bases = set(_RISK_BASES)
    for risk in vocab["risks"]:
        base = risk.split(" ", 1)[1] if " " in risk and risk.split(" ", 1)[0] in _RISK_QUALIFIERS else ""
        if base in bases:
            rows.append((risk, "risk factor", f"{risk} (generated).", base))
    return rows


def write_glossary(path: str | Path, seed: int = 0, symptoms_too: bool = True) -> Path:
    """Write the broader terms of the vocabulary of `seed` as a glossary.csv."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["term", "kind", "definition", "broader"])
        writer.writerows(glossary_rows(seed, symptoms_too))
    return path


CHUNK_ROWS = 50_000


def write_table(path: str | Path, rows: int, seed: int = 0, symptoms_per_cause: int | None = None) -> Path:
    """Write a synthetic cause table of `rows` causes to `path` (UTF-8 CSV) and return the path.
    Deterministic for a seed. Written in chunks of rows, each built whole-column with numpy
    and Arrow (a million causes in well under a minute)."""
    if rows < 0:
        raise ValueError("rows must be >= 0")
    if symptoms_per_cause is not None and not 1 <= symptoms_per_cause <= N_SYMPTOMS:
        raise ValueError(f"symptoms_per_cause must be between 1 and {N_SYMPTOMS}")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    vocab = _vocabulary(seed)
    np_rng = np.random.default_rng(seed)
    with collector_paused(), tmp.open("wb") as f:
        f.write((",".join(COLUMN_NAMES) + "\r\n").encode())
        for first in range(1, rows + 1, CHUNK_ROWS):
            f.write(_chunk(first, min(CHUNK_ROWS, rows + 1 - first), np_rng, vocab, symptoms_per_cause))
    tmp.replace(path)  # never leave a half-written table where a cache would reuse it
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, required=True, help="how many causes")
    parser.add_argument("--out", required=True, help="the CSV file to write")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--symptoms-per-cause",
        type=int,
        default=None,
        metavar="K",
        help="exactly K symptoms per cause (default: 5 to 50, random)",
    )
    args = parser.parse_args(argv)
    try:
        out = write_table(args.out, args.rows, seed=args.seed, symptoms_per_cause=args.symptoms_per_cause)
    except ValueError as e:
        parser.error(str(e))
    print(f"wrote {args.rows:,} causes to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
