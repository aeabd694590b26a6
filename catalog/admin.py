from django.contrib import admin

from .models import ChainNode, IndustryChain, ListingEvent, OpenResource, Product, ResearchResult


class ChainNodeInline(admin.TabularInline):
    model = ChainNode
    extra = 0
    fields = ["key", "name", "stage", "parent", "position"]


@admin.register(IndustryChain)
class IndustryChainAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ChainNodeInline]


@admin.register(ChainNode)
class ChainNodeAdmin(admin.ModelAdmin):
    list_display = ["name", "chain", "stage", "parent"]
    list_filter = ["chain", "stage"]
    filter_horizontal = ["industries"]


class ListingAdmin(admin.ModelAdmin):
    """Read and correct listings; publishing and rejecting happen in the review queue."""

    list_display = ["title", "organization", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["title", "organization__name"]
    readonly_fields = ["status", "rejection_reason", "submitted_at", "published_at", "created_by"]
    raw_id_fields = ["organization", "industry"]
    filter_horizontal = ["chain_nodes"]


admin.site.register(Product, ListingAdmin)
admin.site.register(ResearchResult, ListingAdmin)
admin.site.register(OpenResource, ListingAdmin)


@admin.register(ListingEvent)
class ListingEventAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request) -> bool:
        return False
