"""Fixtures for this area (registered in tests/conftest.py)."""
