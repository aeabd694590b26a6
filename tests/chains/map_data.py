"""A small chain with every kind of record on its nodes, shared by the chain-map tests.

    测试链 (slug map-chain)
      upstream   材料 (materials)      ├ 硅片 (wafer)       ├ 光刻胶 (resist)
      midstream  制造 (making)         └ 封测 (packaging)
      downstream 应用 (uses)                                 nothing on it: a gap

Firms: a little giant of Jiangsu (32) on 硅片 (with a verified qualification 第五批 2023 and a
draft product that never counts), a little giant of Guangdong (44) on 封测, a 专精特新 firm of
Jiangsu on 光刻胶, an unqualified firm of Jiangsu on 制造 itself. A published and a draft result
on 硅片. Calls: one open nationwide on 封测, one open to Guangdong only on 硅片, a closed one and
one past its deadline on 应用 (neither counts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from accounts.models import OrganizationKind, QualificationLevel, QualificationStatus
from catalog.models import ListingStatus, Stage
from challenges.models import CallStatus
from tests.factories import (
    CallFactory,
    ChainNodeFactory,
    IndustryChainFactory,
    OrganizationFactory,
    ProductFactory,
    PublishedProductFactory,
    QualificationFactory,
    ResearchResultFactory,
)

RECORD_OF = {
    "little_giants": "little_giant",
    "srdi_firms": "srdi_firm",
    "products": "product",
    "results": "result",
    "calls": "call",
}
COUNT_LINK = re.compile(
    r'<a data-count="(?P<kind>\w+)" href="(?P<href>/chains/[\w-]+/(?P<key>[\w-]+)/[^"#]*)'
    r'#[\w-]+"[^>]*><span[^>]*>[^<]*</span><b>(?P<count>\d+)</b>'
)
GAP = re.compile(r'data-node="([\w-]+)" data-gap')


@dataclass
class MapData:
    chain: object
    nodes: dict = field(default_factory=dict)
    firms: dict = field(default_factory=dict)
    products: dict = field(default_factory=dict)
    results: dict = field(default_factory=dict)
    calls: dict = field(default_factory=dict)


def firm(name, level, province, **extra):
    return OrganizationFactory(
        name=name, qualification_level=level, province=province, city="", **extra
    )


def product_on(node, organization, title, **extra):
    product = PublishedProductFactory(organization=organization, title=title, **extra)
    product.chain_nodes.add(node)
    return product


def build_map() -> MapData:
    chain = IndustryChainFactory(slug="map-chain", name="测试链")
    data = MapData(chain=chain)
    node = data.nodes
    node["materials"] = ChainNodeFactory(
        chain=chain, key="materials", name="材料", stage=Stage.UPSTREAM, position=1
    )
    node["wafer"] = ChainNodeFactory(
        chain=chain, key="wafer", name="硅片", stage=Stage.UPSTREAM, parent=node["materials"]
    )
    node["resist"] = ChainNodeFactory(
        chain=chain, key="resist", name="光刻胶", stage=Stage.UPSTREAM, parent=node["materials"]
    )
    node["making"] = ChainNodeFactory(
        chain=chain, key="making", name="制造", stage=Stage.MIDSTREAM, position=2
    )
    node["packaging"] = ChainNodeFactory(
        chain=chain, key="packaging", name="封测", stage=Stage.MIDSTREAM, parent=node["making"]
    )
    node["uses"] = ChainNodeFactory(
        chain=chain, key="uses", name="应用", stage=Stage.DOWNSTREAM, position=3
    )

    firms = data.firms
    firms["giant_js"] = firm("苏州晶材科技有限公司", QualificationLevel.NATIONAL, "32")
    QualificationFactory(
        organization=firms["giant_js"],
        level=QualificationLevel.NATIONAL,
        batch="第五批",
        year=2023,
        status=QualificationStatus.VERIFIED,
    )
    QualificationFactory(  # a newer claim not verified yet: never shown
        organization=firms["giant_js"],
        level=QualificationLevel.NATIONAL,
        batch="第九批",
        year=2025,
        status=QualificationStatus.PENDING,
    )
    firms["giant_gd"] = firm("深圳封测科技有限公司", QualificationLevel.NATIONAL, "44")
    firms["srdi_js"] = firm("无锡光刻材料有限公司", QualificationLevel.PROVINCIAL, "32")
    firms["plain_js"] = firm("南京制造有限公司", QualificationLevel.NONE, "32")

    products = data.products
    products["wafer"] = product_on(node["wafer"], firms["giant_js"], "十二英寸硅片")
    draft = ProductFactory(
        organization=firms["giant_js"], title="草稿硅片", status=ListingStatus.DRAFT
    )
    draft.chain_nodes.add(node["wafer"])
    products["packaging"] = product_on(node["packaging"], firms["giant_gd"], "扇出型封装")
    products["resist"] = product_on(node["resist"], firms["srdi_js"], "KrF光刻胶")
    products["making"] = product_on(node["making"], firms["plain_js"], "晶圆代工服务")

    university = OrganizationFactory(kind=OrganizationKind.UNIVERSITY, province="32")
    data.results["wafer"] = ResearchResultFactory(
        organization=university,
        title="大尺寸硅片缺陷控制",
        status=ListingStatus.PUBLISHED,
        published_at=timezone.now(),
    )
    data.results["wafer"].chain_nodes.add(node["wafer"])
    ResearchResultFactory(organization=university, title="草稿成果").chain_nodes.add(node["wafer"])

    calls = data.calls
    calls["packaging"] = CallFactory(title="先进封装可靠性攻关榜")
    calls["packaging"].chain_nodes.add(node["packaging"])
    calls["wafer_gd"] = CallFactory(title="硅片国产化验证榜", eligible_provinces=["44"])
    calls["wafer_gd"].chain_nodes.add(node["wafer"])
    CallFactory(title="已截止的榜", status=CallStatus.CLOSED).chain_nodes.add(node["uses"])
    CallFactory(title="过期未关的榜", deadline=timezone.now() - timedelta(days=1)).chain_nodes.add(
        node["uses"]
    )
    return data


def map_counts(html: str) -> dict[tuple[str, str], tuple[int, str]]:
    """Return {(node key, kind): (count shown, link)} of the map's tiles."""
    return {
        (match["key"], match["kind"]): (int(match["count"]), match["href"].replace("&amp;", "&"))
        for match in COUNT_LINK.finditer(html)
    }


def gaps_of(html: str) -> set[str]:
    return set(GAP.findall(html))


def records_shown(html: str, kind: str) -> int:
    """How many records of a kind of count ("little_giants", ...) a node's page lists."""
    return html.count(f'data-record="{RECORD_OF[kind]}"')
