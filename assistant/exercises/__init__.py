"""Director exercises: written plans and memos reviewed on a rubric, and stakeholder role-plays."""
