"""Pages of the innovation-centre registry."""
