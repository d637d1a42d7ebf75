"""ML-director interview and resume coach."""
