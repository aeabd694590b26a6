from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    name = "reference"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from search.analysis import register_vocabulary

        from .loaders import read_industry_rows

        # The GB/T 4754 names join the word-segmentation dictionary.
        register_vocabulary(lambda: [name for _code, name, _parent in read_industry_rows()])
