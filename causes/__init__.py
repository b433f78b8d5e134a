"""Cause Atlas core: reading, validating and querying cause tables. Never imports streamlit."""

from causes.loader import CauseTableError, Problem, load_cause_table
from causes.query import Query, Result, count_line, facet_counts, run_query
from causes.table import CauseTable

__all__ = [
    "CauseTable",
    "CauseTableError",
    "Problem",
    "Query",
    "Result",
    "count_line",
    "facet_counts",
    "load_cause_table",
    "run_query",
]
