"""Every write of a collection campaign: opening, submitting, screening, publishing a batch.

One module per concern; import from here: ``from campaigns import services``.
"""
