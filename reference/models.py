"""National-standard taxonomies shared by every domain app.

They sit below ``accounts`` and ``catalog`` so that an organization and a listing can both
point at an industry without the domain apps importing each other.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndustryLevel(models.IntegerChoices):
    SECTION = 1, _("Section (门类)")
    DIVISION = 2, _("Division (大类)")
    GROUP = 3, _("Group (中类)")
    CLASS = 4, _("Class (小类)")


class Industry(models.Model):
    """One node of GB/T 4754-2017, the national industry classification.

    Codes follow the standard: a letter for a section, then two, three and four digits for
    division, group and class; a code's prefix is its parent's code from the division down.
    """

    code = models.CharField(_("code"), max_length=4, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.PositiveSmallIntegerField(_("level"), choices=IndustryLevel.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    section = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The top-level section (门类) this node belongs to; empty for a section."),
    )

    class Meta:
        verbose_name = _("industry (GB/T 4754)")
        verbose_name_plural = _("industries (GB/T 4754)")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "code"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def section_code(self) -> str:
        return self.section_id or self.code
