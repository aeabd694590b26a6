"""The workflow engine: every status machine of the platform, written once as data.

Each app declares its tables beside its models (``accounts/transitions.py``,
``catalog/transitions.py``, ``challenges/transitions.py``). A service looks the move up,
passes the actor's roles (from the app's ``rules.py``) and a ``record`` callback, and
``apply`` does the rest: check who may, from which status, with which reason and which
conditions, write, and record the event. Pages ask the same table what to offer
(``TransitionTable.offered``), views dispatch through it, and event rows take their
labels from it (``EventLabels``).
"""

from .dispatch import MoveServices
from .engine import apply, check
from .labels import EventLabels
from .tables import DELETED, SYSTEM, Offer, Transition, TransitionTable, t

__all__ = [
    "DELETED",
    "SYSTEM",
    "EventLabels",
    "MoveServices",
    "Offer",
    "Transition",
    "TransitionTable",
    "apply",
    "check",
    "t",
]
