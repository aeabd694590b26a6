"""The transactional outbox: a row per change to index, written with the change itself."""

from django.db import models


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
