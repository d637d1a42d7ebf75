"""Resume pipeline: safe intake, parsing, injection detection, review against the role, tailoring, export."""
