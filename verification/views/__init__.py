"""verification: pages and actions (being written)."""
