"""Who may see and do what with verification platforms and bookings."""

from __future__ import annotations
