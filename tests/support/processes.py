"""Helpers for tests that start real servers (chroma run, streamlit run) on loopback.

The deployment script owns these (it starts the same servers for a real topology); tests reuse them.
"""

from __future__ import annotations

from deploy.topology import free_port, stop

__all__ = ["free_port", "stop"]
