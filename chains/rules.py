"""Who may see and do what in measure 十 (chain map editing, directions, access requests,
supplier applications).

Predicates take the user first and answer with a bool; access helpers return the object or
raise ``Http404`` for both "missing" and "forbidden".
"""

from __future__ import annotations


# Chain map and editing.


# Demonstration directions.


# Access requests.


# Supplier pools and innovation-chain projects.
