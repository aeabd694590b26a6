"""Industrial chains and the listings organizations publish: products, results, resources."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import Event


class Stage(models.TextChoices):
    UPSTREAM = "upstream", _("Upstream")
    MIDSTREAM = "midstream", _("Midstream")
    DOWNSTREAM = "downstream", _("Downstream")


class IndustryChain(models.Model):
    """An industrial chain (产业链) such as 集成电路, mapped as a tree of nodes."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=60, unique=True)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("industrial chain")
        verbose_name_plural = _("industrial chains")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("chains:chain_detail", args=[self.slug])


class ChainNode(models.Model):
    """A link of an industrial chain (e.g. 晶圆制造), upstream, midstream or downstream."""

    chain = models.ForeignKey(IndustryChain, on_delete=models.CASCADE, related_name="nodes")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    key = models.SlugField(_("key"), max_length=60)
    name = models.CharField(_("name"), max_length=60)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    industries = models.ManyToManyField(
        "reference.Industry", verbose_name=_("industries (GB/T 4754)"), blank=True, related_name="+"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("chain node")
        verbose_name_plural = _("chain nodes")
        ordering = ["chain", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "key"], name="catalog_chainnode_key_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.chain.name} · {self.name}"


class ListingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING_REVIEW = "pending_review", _("Pending review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")
    REJECTED = "rejected", _("Rejected")


class ListingQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ListingStatus.PUBLISHED)


class Listing(models.Model):
    """What every catalog entry shares: owner, text, tags and the review life cycle.

    ``status`` changes only through ``catalog.services`` (see ``catalog.transitions``).
    """

    organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("organization"),
        on_delete=models.CASCADE,
        related_name="%(class)ss",
    )
    title = models.CharField(_("title"), max_length=120)
    summary = models.CharField(_("summary"), max_length=300)
    description = models.TextField(_("description"), max_length=10000)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    industry = models.ForeignKey(
        "reference.Industry",
        verbose_name=_("industry (GB/T 4754)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    chain_nodes = models.ManyToManyField(
        ChainNode, verbose_name=_("chain nodes"), blank=True, related_name="%(class)ss"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ListingStatus.choices, default=ListingStatus.DRAFT
    )
    rejection_reason = models.TextField(_("reason for rejection"), max_length=2000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    events = GenericRelation("catalog.ListingEvent")

    objects = ListingQuerySet.as_manager()

    # Set by each concrete class: the name used in URLs and by the services.
    listing_type: str = ""

    class Meta:
        abstract = True
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(f"catalog:{self.listing_type}_detail", args=[self.pk])

    @property
    def is_published(self) -> bool:
        return self.status == ListingStatus.PUBLISHED

    @property
    def is_editable(self) -> bool:
        return self.status in (ListingStatus.DRAFT, ListingStatus.REJECTED)


def _listing_indexes(prefix: str) -> list[models.Index]:
    return [
        models.Index(fields=["status", "-published_at"], name=f"{prefix}_status_pub"),
        models.Index(fields=["organization", "status"], name=f"{prefix}_org_status"),
    ]


class Product(Listing):
    """A technology product of a firm (技术产品)."""

    listing_type = "product"

    specifications = models.JSONField(
        _("specifications"),
        default=list,
        blank=True,
        help_text=_('Pairs of [name, value], e.g. ["耐压", "1200 V"].'),
    )
    application_scenarios = models.TextField(
        _("application scenarios"), max_length=4000, blank=True
    )
    certifications = models.CharField(_("certifications"), max_length=300, blank=True)

    class Meta(Listing.Meta):
        verbose_name = _("technology product")
        verbose_name_plural = _("technology products")
        indexes = _listing_indexes("product")


class ProductImage(models.Model):
    """A photo of a product, re-encoded on upload, with its thumbnail."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to="products/%Y/%m/")
    thumbnail = models.ImageField(upload_to="products/%Y/%m/", editable=False)
    caption = models.CharField(_("caption"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("product image")
        verbose_name_plural = _("product images")

    def __str__(self) -> str:
        return self.caption or self.image.name


class Maturity(models.TextChoices):
    RESEARCH = "research", _("In research (正在研发)")
    LAB = "lab", _("Lab scale (小试)")
    PILOT = "pilot", _("Pilot scale (中试)")
    SAMPLE = "sample", _("Samples available (已有样品)")
    MASS = "mass", _("Ready for mass production (可以量产)")


class TransferMode(models.TextChoices):
    TRANSFER = "transfer", _("Assignment (转让)")
    LICENSE = "license", _("Licence (许可)")
    EQUITY = "equity", _("Equity contribution (作价入股)")
    CODEVELOP = "codevelop", _("Joint development (合作开发)")


class PatentKind(models.TextChoices):
    INVENTION = "invention", _("Invention patent")
    UTILITY = "utility", _("Utility model")
    DESIGN = "design", _("Design patent")
    SOFTWARE = "software", _("Software copyright")


class ResearchResult(Listing):
    """A transferable research result (科技成果) of a university or institute."""

    listing_type = "result"

    field = models.CharField(
        _("technology field"), max_length=60, help_text=_("e.g. 电子信息-集成电路")
    )
    trl = models.PositiveSmallIntegerField(
        _("technology readiness level"),
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_("1 (basic principles observed) to 9 (proven in operation)."),
    )
    maturity = models.CharField(_("maturity"), max_length=12, choices=Maturity.choices)
    patents = models.JSONField(
        _("intellectual property"),
        default=list,
        blank=True,
        help_text=_("Pairs of [number, kind]."),
    )
    transfer_modes = models.JSONField(_("transfer modes"), default=list)
    price = models.DecimalField(
        _("asking price (yuan)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("Leave empty for 面议 (price negotiable)."),
    )
    team = models.TextField(_("team"), max_length=4000, blank=True)

    class Meta(Listing.Meta):
        verbose_name = _("research result")
        verbose_name_plural = _("research results")
        indexes = [*_listing_indexes("result"), models.Index(fields=["trl"], name="result_trl")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(trl__gte=1) & models.Q(trl__lte=9), name="result_trl_1_9"
            ),
        ]

    @property
    def price_negotiable(self) -> bool:
        return self.price is None

    def get_transfer_modes_display(self) -> list[str]:
        labels = dict(TransferMode.choices)
        return [str(labels.get(mode, mode)) for mode in self.transfer_modes]

    def get_patents_display(self) -> list[tuple[str, str]]:
        labels = dict(PatentKind.choices)
        return [(number, str(labels.get(kind, kind))) for number, kind in self.patents]


class ResourceKind(models.TextChoices):
    TEST_LINE = "test_line", _("Test line")
    LAB = "lab", _("Laboratory")
    DATA = "data", _("Data")
    SUPPLIER = "supplier", _("Supplier qualification")
    PROJECT = "project", _("Innovation-chain project")


class OpenResource(Listing):
    """A resource a lead enterprise opens to SMEs (measure 十): test lines, labs, data, supply."""

    listing_type = "resource"

    kind = models.CharField(_("kind of resource"), max_length=12, choices=ResourceKind.choices)
    conditions = models.TextField(
        _("conditions"),
        max_length=4000,
        help_text=_("Who may use it and how: eligibility, fees, agreements."),
    )
    city = models.CharField(_("location"), max_length=50, blank=True)

    class Meta(Listing.Meta):
        verbose_name = _("open resource")
        verbose_name_plural = _("open resources")
        indexes = _listing_indexes("resource")


class ListingEvent(Event):
    """One step in a listing's life: who moved it from which status to which, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    listing = GenericForeignKey("content_type", "object_id")
    from_status = models.CharField(max_length=20, choices=ListingStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=ListingStatus.choices)

    event_labels = "catalog.transitions.LISTING_EVENT_LABELS"

    class Meta(Event.Meta):
        indexes = [models.Index(fields=["content_type", "object_id"])]


class ProductVerification(models.Model):
    """A passed engineering application verification (先试首用, measure 十一) of a product."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="verifications")
    user_organization = models.ForeignKey(
        "accounts.Organization",
        verbose_name=_("user firm"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    project = models.CharField(_("verification project"), max_length=150)
    url = models.CharField(max_length=300, blank=True)
    verified_at = models.DateTimeField(_("verified on"), auto_now_add=True)

    class Meta:
        ordering = ["-verified_at"]
        verbose_name = _("product verification")
        verbose_name_plural = _("product verifications")

    def __str__(self) -> str:
        return f"{self.product} @ {self.user_organization}"


class CatalogueKind(models.TextChoices):
    FIRST_SET = "first_set", _("First set (首台套)")
    FIRST_BATCH = "first_batch", _("First batch (首批次)")
    FIRST_VERSION = "first_version", _("First version (首版次)")


class CatalogueEntry(models.Model):
    """A product's entry in a first-set / first-batch / first-version catalogue (首台套 /
    首批次 / 首版次 推广应用指导目录), shown with its verified first uses."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="catalogue_entries")
    kind = models.CharField(_("catalogue"), max_length=14, choices=CatalogueKind.choices)
    catalogue = models.CharField(
        _("catalogue name"),
        max_length=150,
        help_text=_("For example 2025年版首台（套）重大技术装备推广应用指导目录."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    entry_number = models.CharField(_("entry number"), max_length=40, blank=True)
    issuer = models.CharField(_("issued by"), max_length=100)
    url = models.URLField(_("link"), blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["product", "-year", "kind"]
        verbose_name = _("catalogue entry")
        verbose_name_plural = _("catalogue entries")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "kind", "catalogue"], name="catalog_catalogue_entry_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.catalogue}"
