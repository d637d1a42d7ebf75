"""Core text utilities shared by interview answers, resumes and prompts (no feature imports, no streamlit)."""
