"""The form renderer: every form and field renders through the project's own templates."""

from django.forms.renderers import TemplatesSetting


class PlatformFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
