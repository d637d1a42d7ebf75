"""`make bench`: measured figures for each area, written to docs/benchmarks.md (see __main__.py)."""
