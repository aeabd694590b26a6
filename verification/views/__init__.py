"""verification: pages and actions of the platform registry, bookings and first uses."""
