"""Labels for the facets whose values are national-standard codes."""

from search.labels import register_labels

from .models import Industry, IndustryLevel
from .regions import Province

register_labels(
    "province", lambda values: {v: Province(v).label for v in values if v in Province.values}
)
register_labels(
    "section",
    lambda values: {
        industry.code: f"{industry.code} {industry.name}"
        for industry in Industry.objects.filter(level=IndustryLevel.SECTION, code__in=values)
    },
)
