"""Reads of campaigns, submissions and batches.

Import from here: ``from campaigns import selectors``.
"""

from .campaigns import *  # noqa: F403
