"""Base models shared by the apps (core is a plain package: abstract models need no app)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.module_loading import import_string


class Event(models.Model):
    """One step in an object's history: who did what, from which status to which, and why.

    Subclasses add the object the event belongs to, and name in ``event_labels`` (a dotted
    path, read on first use so models need not import the tables built on them) the
    ``workflow.EventLabels`` their actions are labelled with.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(max_length=4000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    event_labels = ""

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action}: {self.from_status} → {self.to_status}"

    @property
    def label(self) -> str:
        """What happened, in words (the action itself when no table names it)."""
        if not self.event_labels:
            return self.action
        return import_string(self.event_labels).get(self.action)
