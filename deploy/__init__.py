"""Deployment material: the nginx configuration for replicas and a launcher for the whole topology on one host."""
