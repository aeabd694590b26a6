"""Pages for signing up, organizations, memberships, qualifications and experts.

Views parse input, call one service and render or redirect; refusals from services become
messages (or form errors) and change nothing.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.exceptions import DomainError
from core.forms import ReasonForm
from core.http import attempt, redirect_back, run_action, site_url
from reference.regions import Province

from . import rules, selectors, services
from .forms import (
    ActivationForm,
    ExpertProfileForm,
    JoinOrganizationForm,
    LoginForm,
    OrganizationForm,
    QualificationForm,
    SignUpForm,
)
from .models import OrganizationKind, QualificationLevel

ORGANIZATIONS_PER_PAGE = 24


class LoginView(auth_views.LoginView):
    """Django's login page; a right password for an account awaiting activation re-sends
    its activation link (django-axes counts such an attempt as a failed login, which
    bounds how many mails one can cause)."""

    form_class = LoginForm
    template_name = "accounts/login.html"

    def form_invalid(self, form):
        if form.user_awaiting_activation is not None:
            services.user_activation_resend(
                user=form.user_awaiting_activation, site_url=site_url(self.request)
            )
        return super().form_invalid(form)


@login_not_required
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("portal:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signed_up = run_action(
            request,
            lambda: services.user_sign_up(
                username=form.cleaned_data["username"],
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                phone=form.cleaned_data.get("phone", ""),
                password=form.cleaned_data["password1"],
                site_url=site_url(request),
            ),
            form=form,
        )
        if signed_up:
            # The same page whether or not the address already had an account.
            return redirect("accounts:sign_up_done")
    return render(request, "accounts/sign_up.html", {"form": form})


@login_not_required
def sign_up_done(request):
    return render(request, "accounts/sign_up_done.html")


@login_not_required
def activate_account(request, uidb64: str, token: str):
    """Ask for the sign-up password, then activate the account and log the user in."""
    user = selectors.user_for_activation(uidb64=uidb64, token=token)
    if user is None:
        return render(request, "accounts/activation_invalid.html", status=404)
    form = ActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        activated = attempt(
            lambda: services.user_activate(
                user=user, token=token, password=form.cleaned_data["password"]
            ),
            form=form,
        )
        # A refused activation (a used or stale link) gets the same page as a bad link.
        if isinstance(activated.refusal, DomainError):
            return render(request, "accounts/activation_invalid.html", status=404)
        if activated:
            user = activated.value
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome! Register your organization or ask to join one to get started."),
            )
            return redirect("portal:dashboard")
    return render(request, "accounts/activate.html", {"form": form, "account": user})


@login_not_required
def organization_list(request):
    kind = request.GET.get("kind", "")
    province = request.GET.get("province", "")
    qualification = request.GET.get("qualification", "")
    query = request.GET.get("q", "").strip()
    organizations = selectors.organization_list_public(
        kind=kind if kind in OrganizationKind.values else "",
        province=province if province in Province.values else "",
        qualification=qualification if qualification in QualificationLevel.values else "",
        query=query,
    )
    page = Paginator(organizations, ORGANIZATIONS_PER_PAGE).get_page(request.GET.get("page"))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "page": page,
        "query_string": query_without_page.urlencode(),
        "kinds": OrganizationKind.choices,
        "provinces": Province.choices,
        "qualifications": QualificationLevel.choices,
        "filters": {"kind": kind, "province": province, "qualification": qualification, "q": query},
    }
    template = (
        "accounts/_organization_results.html" if request.htmx else "accounts/organization_list.html"
    )
    return render(request, template, context)


def register_organization(request):
    if rules.has_membership(request.user):
        messages.info(request, _("You already belong to an organization."))
        return redirect("portal:dashboard")
    form = OrganizationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        registered = run_action(
            request,
            lambda: services.organization_create(
                actor=request.user,
                data=form.service_data(),
                logo=form.cleaned_data.get("logo_upload"),
            ),
            success=lambda organization: (
                _("%(name)s is registered and awaits verification by an administrator.")
                % {"name": organization.name}
            ),
            form=form,
        )
        if registered:
            return redirect("portal:dashboard")
    return render(request, "accounts/organization_form.html", {"form": form, "creating": True})


def edit_organization(request, pk: int):
    organization = rules.access_organization(request.user, pk)
    if not rules.can_edit_organization(request.user, organization):
        raise Http404
    form = OrganizationForm(request.POST or None, request.FILES or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        saved = run_action(
            request,
            lambda: services.organization_update(
                actor=request.user,
                organization=organization,
                data=form.service_data(),
                logo=form.cleaned_data.get("logo_upload"),
            ),
            success=_("The organization profile is saved."),
            form=form,
        )
        if saved:
            return redirect("portal:organization_detail", pk=organization.pk)
    return render(
        request,
        "accounts/organization_form.html",
        {"form": form, "organization": organization, "creating": False},
    )


def organization_join(request):
    if rules.has_membership(request.user):
        messages.info(request, _("You already belong to an organization."))
        return redirect("portal:dashboard")
    form = JoinOrganizationForm(request.GET or None)
    results = []
    if form.is_valid():
        results = selectors.organization_find_for_joining(query=form.cleaned_data["query"])
    return render(request, "accounts/organization_join.html", {"form": form, "results": results})


@require_POST
def ask_to_join(request, pk: int):
    organization = rules.access_organization(request.user, pk)
    run_action(
        request,
        lambda: services.membership_request(actor=request.user, organization=organization),
        success=_("Your request to join %(name)s was sent to its administrators.")
        % {"name": organization.name},
    )
    return redirect("portal:dashboard")


@require_POST
def decide_membership(request, pk: int, decision: str):
    membership = rules.access_membership(request.user, pk)
    actions = {
        "approve": lambda: services.membership_approve(actor=request.user, membership=membership),
        "decline": lambda: services.membership_decline(actor=request.user, membership=membership),
        "end": lambda: services.membership_end(actor=request.user, membership=membership),
        "make-admin": lambda: services.membership_set_role(
            actor=request.user, membership=membership, role="admin"
        ),
        "make-member": lambda: services.membership_set_role(
            actor=request.user, membership=membership, role="member"
        ),
    }
    if decision not in actions:
        raise Http404
    run_action(request, actions[decision], success=_("Done."))
    return redirect("portal:dashboard")


@require_POST
def verify_organization(request, pk: int):
    organization = rules.access_organization(request.user, pk)
    run_action(
        request,
        lambda: services.organization_verify(actor=request.user, organization=organization),
        success=_("%(name)s is verified.") % {"name": organization.name},
    )
    return redirect_back(request, reverse("portal:review_queue"))


@require_POST
def reject_organization(request, pk: int):
    organization = rules.access_organization(request.user, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason so the organization knows what to correct."))
    else:
        run_action(
            request,
            lambda: services.organization_reject(
                actor=request.user, organization=organization, reason=form.cleaned_data["reason"]
            ),
            success=_("%(name)s was rejected.") % {"name": organization.name},
        )
    return redirect_back(request, reverse("portal:review_queue"))


def submit_qualification(request):
    organization = rules.organization_of(request.user)
    if organization is None or not rules.can_submit_qualification(request.user, organization):
        raise Http404
    form = QualificationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        submitted = run_action(
            request,
            lambda: services.qualification_submit(
                actor=request.user,
                organization=organization,
                level=form.cleaned_data["level"],
                batch=form.cleaned_data["batch"],
                year=form.cleaned_data["year"],
                issuer=form.cleaned_data["issuer"],
                certificate=form.cleaned_data["certificate_upload"],
            ),
            success=_("The qualification was sent for verification."),
            form=form,
        )
        if submitted:
            return redirect("portal:dashboard")
    return render(
        request,
        "accounts/qualification_form.html",
        {"form": form, "organization": organization},
    )


def qualification_certificate(request, pk: int, variant: str = "full"):
    """Serve a certificate image to its organization's members and administrators only."""
    qualification = rules.access_qualification(request.user, pk)
    field = qualification.certificate_thumbnail if variant == "thumb" else qualification.certificate
    if not field:
        raise Http404
    response = FileResponse(field.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def decide_qualification(request, pk: int, decision: str):
    qualification = rules.access_qualification(request.user, pk)
    reason = request.POST.get("reason", "")
    actions = {
        "verify": lambda: services.qualification_verify(
            actor=request.user, qualification=qualification
        ),
        "reject": lambda: services.qualification_reject(
            actor=request.user, qualification=qualification, reason=reason
        ),
        "revoke": lambda: services.qualification_revoke(
            actor=request.user, qualification=qualification, reason=reason
        ),
        "fail_review": lambda: services.qualification_fail_review(
            actor=request.user, qualification=qualification, reason=reason
        ),
    }
    if decision not in actions:
        raise Http404
    run_action(request, actions[decision], success=_("Done."))
    return redirect_back(request, reverse("portal:review_queue"))


def edit_expert_profile(request):
    expert = rules.access_own_expert(request.user)
    form = ExpertProfileForm(request.POST or None, instance=expert)
    if request.method == "POST" and form.is_valid():
        saved = run_action(
            request,
            lambda: services.expert_update(
                actor=request.user, expert=expert, data=dict(form.cleaned_data)
            ),
            success=_("Your expert profile is saved."),
            form=form,
        )
        if saved:
            return redirect("portal:dashboard")
    return render(request, "accounts/expert_profile.html", {"form": form, "expert": expert})
