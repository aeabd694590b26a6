"""The transactional outbox, and the searches users save to be told of new matches."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxEntry(models.Model):
    """ "Document ``doc_type:object_id`` changed; bring the engine up to date."

    Written in the same transaction as the change (so a rollback indexes nothing), read
    and deleted by the drainer once the engine has the change (so nothing is lost when the
    engine is down). The row id is the change's version.
    """

    doc_type = models.CharField(max_length=30)
    object_id = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(max_length=2000, blank=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["doc_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.doc_type}:{self.object_id}"


class SavedSearch(models.Model):
    """A search a user keeps (words, ticked facet values, minimum TRL), to be told when
    records published after it was saved match it.

    ``checked_until`` is the watermark: every record published up to that instant has
    been looked at, and only later ones count as new. ``unseen_count`` is how many new
    matches were found since the user last opened the search (``seen_at``). ``fingerprint``
    identifies the criteria, so that a user keeps each search once.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(_("name"), max_length=100)
    text = models.CharField(max_length=200, blank=True)
    filters = models.JSONField(default=dict, blank=True)
    min_trl = models.PositiveSmallIntegerField(null=True, blank=True)
    fingerprint = models.CharField(max_length=64)
    paused = models.BooleanField(
        default=False, help_text="New matches are still counted, but nobody is notified."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    checked_until = models.DateTimeField()
    seen_at = models.DateTimeField()
    unseen_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "fingerprint"], name="search_savedsearch_once_per_user"
            ),
        ]
        indexes = [models.Index(fields=["checked_until"])]

    def __str__(self) -> str:
        return self.name
