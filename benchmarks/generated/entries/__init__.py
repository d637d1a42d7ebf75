"""Synthetic stress set for reading experience entries (see cases.py)."""
