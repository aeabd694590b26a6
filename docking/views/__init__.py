"""Two-way docking: pages and actions (one module per concern)."""
