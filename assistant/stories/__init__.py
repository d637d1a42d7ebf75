"""Story bank: strong answers kept as STAR+Reflection stories that feed the resume."""
