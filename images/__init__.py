"""Validation and re-encoding of every image a user uploads (logos, photos, certificates)."""
