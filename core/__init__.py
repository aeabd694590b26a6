"""The shared kernel every app may use; it imports no domain app."""
