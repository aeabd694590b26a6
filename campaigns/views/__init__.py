"""Pages of collection campaigns."""
