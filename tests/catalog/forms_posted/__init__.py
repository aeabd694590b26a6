"""Every catalog form posted through its page: listings of the three types, their review
transitions, product photos; and the chain pages they hang on.

Valid input by the owner (or the reviewer) changes the record; invalid input changes nothing
and says why; anyone else changes nothing.
"""
