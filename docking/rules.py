"""Who may see and do what in two-way docking.

Predicates take the user first and answer with a bool; access helpers return the object or
raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations


# Interests, handshakes and deals.


# Conversations and messages.
