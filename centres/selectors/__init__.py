"""Reads of the innovation-centre registry. Import from here: ``from centres import selectors``."""
