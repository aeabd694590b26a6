"""Django admin for operators: domain records are read here; changes go through the
services (admin actions), as on every page. See core/admin.py."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core.admin import ReadOnlyAdmin, service_action
from core.exceptions import DomainError

from . import services
from .models import Expert, Membership, Organization, OrganizationEvent, Qualification, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ["username", "name", "email", "is_staff", "is_active", "date_joined"]
    search_fields = ["username", "name", "email"]
    ordering = ["username"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("name", "email", "phone")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "name", "email", "password1", "password2"),
            },
        ),
    )


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fields = ["user", "role", "status", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Organization)
class OrganizationAdmin(ReadOnlyAdmin):
    """Organizations are edited by their own administrators on the platform's pages and
    verified in the review queue; here operators read them and verify in bulk."""

    list_display = [
        "name",
        "kind",
        "province",
        "verification_status",
        "qualification_level",
        "created_at",
    ]
    list_filter = ["kind", "verification_status", "qualification_level", "province"]
    search_fields = ["name", "credit_code"]
    inlines = [MembershipInline]
    actions = [
        service_action(
            "verify_organizations",
            _("Verify the selected organizations"),
            lambda actor, organization: services.organization_verify(
                actor=actor, organization=organization
            ),
            done=_("%(count)d organization(s) verified."),
            error_types=(DomainError,),
        )
    ]


@admin.register(Qualification)
class QualificationAdmin(ReadOnlyAdmin):
    list_display = ["organization", "level", "year", "batch", "status"]
    list_filter = ["level", "status", "year"]
    search_fields = ["organization__name"]
    actions = [
        service_action(
            "verify_qualifications",
            _("Verify the selected qualifications"),
            lambda actor, qualification: services.qualification_verify(
                actor=actor, qualification=qualification
            ),
            done=_("%(count)d qualification(s) verified."),
            error_types=(DomainError,),
        )
    ]


@admin.register(Expert)
class ExpertAdmin(admin.ModelAdmin):
    list_display = ["user", "title", "affiliation", "is_active"]
    search_fields = ["user__name", "affiliation", "expertise"]
    raw_id_fields = ["user"]
    filter_horizontal = ["industries"]
    readonly_fields = ["appointed_by"]

    def save_model(self, request, obj, form, change):
        """Appoint through the service, so the admin follows the same rules as every page."""
        if change:
            services.expert_update(actor=request.user, expert=obj, data={})
        else:
            appointed = services.expert_appoint(
                actor=request.user,
                user=obj.user,
                title=obj.title,
                affiliation=obj.affiliation,
                expertise=obj.expertise,
                bio=obj.bio,
            )
            obj.pk = appointed.pk
            obj._state.adding = False


@admin.register(OrganizationEvent)
class OrganizationEventAdmin(ReadOnlyAdmin):
    list_display = ["organization", "action", "actor", "created_at"]
    list_filter = ["action"]
