"""Synthetic stress set for the layout reader's column and reading order (see cases.py)."""
