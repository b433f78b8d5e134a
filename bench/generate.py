"""Write a synthetic cause table in the documented format (data/README.md), for benchmarks.

    python -m bench.generate --rows 100000 --out bench/out/causes-100000.csv --symptoms-per-cause 20

The table is deterministic for a seed. It exercises what real tables do: cause names that
are long or hold commas and double quotes (so CSV quoting is needed), multi-paragraph
explanations, a few thousand symptoms of uneven (Zipf-like) popularity, blank urgencies.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

import numpy as np

from causes.loader import collector_paused
from causes.schema import COLUMN_NAMES, URGENCY_LEVELS

# Bump when the output changes for a given seed, so that cached tables are written again.
GENERATOR_VERSION = 1

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
_SELF_CARE = (
    "stretch the muscle gently", "drink enough water", "rest the leg", "apply warmth", "apply a cold pack",
    "massage the muscle", "walk it off", "cut down on caffeine", "sleep regular hours", "wear supportive shoes",
    "raise the leg", "take a warm bath", "review medicines with a pharmacist", "eat a balanced diet",
)  # fmt: skip
_RED_FLAGS = (
    "weakness that gets worse", "muscle wasting", "trouble swallowing or speaking", "a hot, swollen calf",
    "loss of bladder or bowel control", "numbness in the groin", "fever with stiff neck", "dark urine after exercise",
    "symptoms after a head injury", "chest pain or breathlessness", "spreading to other limbs",
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


def _pick_distinct(np_rng: np.random.Generator, cdf: np.ndarray, counts: np.ndarray) -> list[list[int]]:
    """For each row, `counts[r]` distinct vocabulary positions drawn by Zipf-like popularity."""
    size = len(cdf)
    out: list[list[int]] = []
    chunk = 4096
    for start in range(0, len(counts), chunk):
        part = counts[start : start + chunk]
        width = int(part.max()) * 3 + 8 if len(part) else 0
        draws = np.searchsorted(cdf, np_rng.random((len(part), width)), side="right").tolist()
        for k, row in zip(part.tolist(), draws, strict=True):
            picked = list(dict.fromkeys(row))[:k]
            if len(picked) < k:  # rare: the draws repeated too often; top up uniformly
                seen = set(picked)
                picked += [p for p in np_rng.permutation(size).tolist() if p not in seen][: k - len(picked)]
            out.append(picked)
    return out


def _cause_name(rng: random.Random, i: int) -> str:
    """A unique name: the running number makes it unique whatever the words are."""
    word = rng.choice(_NAME_WORDS)
    noun = rng.choice(_NAME_NOUNS)
    roll = rng.random()
    if roll < 0.05:
        return f'{word.capitalize()} {noun}, "type {i}"'
    if roll < 0.10:
        return f"{word.capitalize()} {noun} (form {i}), with cramps"
    if roll < 0.13:
        return f"{word.capitalize()} {noun} {i}{rng.choice(_LONG_TAIL)}"
    return f"{word.capitalize()} {noun} {i}"


def generate_rows(rows: int, seed: int = 0, symptoms_per_cause: int | None = None):
    """Yield the table's rows (lists of cells, in COLUMN_NAMES order), deterministic for `seed`."""
    if rows < 0:
        raise ValueError("rows must be >= 0")
    if symptoms_per_cause is not None and not 1 <= symptoms_per_cause <= N_SYMPTOMS:
        raise ValueError(f"symptoms_per_cause must be between 1 and {N_SYMPTOMS}")
    rng = random.Random(seed)
    np_rng = np.random.default_rng(seed)
    symptoms = _symptom_vocabulary(rng, N_SYMPTOMS)
    risks = _risk_vocabulary(rng, N_RISKS)
    areas = list(_AREAS[:N_AREAS])
    if symptoms_per_cause is None:
        counts = np_rng.integers(5, 51, size=rows)
    else:
        counts = np.full(rows, symptoms_per_cause, dtype=np.int64)
    cdf = _zipf_cdf(len(symptoms))
    urgencies = (*URGENCY_LEVELS, "")
    dates = [f"20{y:02d}-{m:02d}-{d:02d}" for y in range(18, 26) for m in range(1, 13) for d in (1, 9, 17, 28)]
    for i, picked in enumerate(_pick_distinct(np_rng, cdf, counts), start=1):
        name = _cause_name(rng, i)
        items = [symptoms[p] for p in picked]
        if rng.random() < 0.01:  # another spelling of a term: the table keeps the first one it meets
            items[0] = items[0].upper()
        category = CATEGORIES[min(int(rng.expovariate(0.45)), len(CATEGORIES) - 1)]
        body = rng.sample(areas, rng.randint(1, 3))
        risk = rng.sample(risks, rng.randint(0, 4))
        sentences = rng.sample(_SENTENCES, 4)
        summary = f"{name[:120]} can cause {items[0]} and {items[-1]}. {sentences[0]}"
        explanation = f"{sentences[1]} {sentences[2]}\n\n{sentences[3]} It is often felt in the {body[0]}."
        yield [
            name,
            category,
            "; ".join(items),
            "; ".join(body),
            "; ".join(risk),
            summary,
            explanation,
            rng.choice(urgencies),
            "; ".join(rng.sample(_RED_FLAGS, rng.randint(0, 3))),
            "; ".join(rng.sample(_SELF_CARE, rng.randint(0, 4))),
            rng.choice(_SOURCES),
            f"https://example.org/conditions/{i}?ref=bench",
            rng.choice(dates),
        ]


def write_table(path: str | Path, rows: int, seed: int = 0, symptoms_per_cause: int | None = None) -> Path:
    """Write a synthetic cause table of `rows` causes to `path` (UTF-8 CSV) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with collector_paused(), tmp.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMN_NAMES)
        writer.writerows(generate_rows(rows, seed=seed, symptoms_per_cause=symptoms_per_cause))
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
