"""Views of the open-call engine, by page family."""
