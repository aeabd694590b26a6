"""chains: pages and actions (being written)."""
