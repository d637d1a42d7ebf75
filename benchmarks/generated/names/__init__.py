"""Synthetic stress set for name finding (see cases.py)."""
