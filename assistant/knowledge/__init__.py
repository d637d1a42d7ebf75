"""Role knowledge: validated YAML data about a role, and (in sibling modules) its embedding and retrieval store.

Only the light pieces are re-exported here so that importing the package never pulls in onnxruntime or chromadb;
import `assistant.knowledge.store` / `.embeddings` explicitly where retrieval is needed.
"""

from __future__ import annotations

from assistant.knowledge.loader import ROLE_FILES, list_roles, load_role
from assistant.knowledge.schema import RoleKnowledge

__all__ = ["ROLE_FILES", "RoleKnowledge", "list_roles", "load_role"]
