"""Django admin for operators. Chains are reference data edited here; listings are read
here and moved through their life cycle by admin actions that call the services (an edit
form would skip the history and the search outbox; see core/admin.py)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import ReadOnlyAdmin, service_action
from core.exceptions import DomainError

from . import services
from .models import ChainNode, IndustryChain, ListingEvent, OpenResource, Product, ResearchResult


class ChainNodeInline(admin.TabularInline):
    model = ChainNode
    extra = 0
    fields = ["key", "name", "stage", "parent", "position"]


@admin.register(IndustryChain)
class IndustryChainAdmin(admin.ModelAdmin):
    """Chains and nodes are reference data: search documents store node ids, and labels are
    read at query time, so editing them here leaves no index stale."""

    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ChainNodeInline]


@admin.register(ChainNode)
class ChainNodeAdmin(admin.ModelAdmin):
    list_display = ["name", "chain", "stage", "parent"]
    list_filter = ["chain", "stage"]
    filter_horizontal = ["industries"]


class ListingAdmin(ReadOnlyAdmin):
    """Read listings; publish and archive through the services (the review queue does the
    same with a reason box for rejections)."""

    list_display = ["title", "organization", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "organization__name"]
    actions = [
        service_action(
            "publish_listings",
            _("Publish the selected listings (awaiting review)"),
            lambda actor, listing: services.listing_publish(actor=actor, listing=listing),
            done=_("%(count)d listing(s) published."),
            error_types=(DomainError,),
        ),
        service_action(
            "archive_listings",
            _("Archive the selected listings"),
            lambda actor, listing: services.listing_archive(actor=actor, listing=listing),
            done=_("%(count)d listing(s) archived."),
            error_types=(DomainError,),
        ),
    ]


admin.site.register(Product, ListingAdmin)
admin.site.register(ResearchResult, ListingAdmin)
admin.site.register(OpenResource, ListingAdmin)


@admin.register(ListingEvent)
class ListingEventAdmin(ReadOnlyAdmin):
    list_display = [
        "content_type",
        "object_id",
        "action",
        "from_status",
        "to_status",
        "actor",
        "created_at",
    ]
    list_filter = ["action", "content_type"]
