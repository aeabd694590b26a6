"""Reads of campaigns, submissions and batches. Import from here: ``from campaigns import selectors``."""
