"""Write a synthetic cause table in the documented format (data/README.md), for benchmarks:

    python -m bench.generate --rows 100000 --out bench/out/causes-100000.csv --symptoms-per-cause 20

The generator lives with the tests (tests/support/generate.py), which use it too."""

from __future__ import annotations

import sys

from tests.support.generate import GENERATOR_VERSION, main, write_table

__all__ = ["GENERATOR_VERSION", "main", "write_table"]

if __name__ == "__main__":
    sys.exit(main())
