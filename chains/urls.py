from django.urls import path

from .views import access, chains, directions, suppliers

app_name = "chains"

# Chain map, nodes and editing (chains/...). The words after "chains/" and after
# "chains/<slug>/" are reserved (services.RESERVED_CHAIN_SLUGS / RESERVED_NODE_KEYS), so the
# specific routes come first and no chain or node is hidden behind them.
urlpatterns: list = [
    path("chains/", chains.chain_list, name="chain_list"),
    path("chains/new/", chains.chain_create, name="chain_create"),
    path("chains/<slug:slug>/", chains.chain_detail, name="chain_detail"),
    path("chains/<slug:slug>/edit/", chains.chain_edit, name="chain_edit"),
    path("chains/<slug:slug>/all/", chains.chain_records, name="chain_records"),
    path("chains/<slug:slug>/nodes/new/", chains.node_create, name="node_create"),
    path("chains/<slug:slug>/nodes/<id:pk>/edit/", chains.node_edit, name="node_edit"),
    path("chains/<slug:slug>/nodes/<id:pk>/delete/", chains.node_delete, name="node_delete"),
    path("chains/<slug:slug>/<slug:key>/", chains.node_detail, name="node_detail"),
    path("chains/<slug:slug>/<slug:key>/export/", chains.node_export, name="node_export"),
]

# Demonstration directions (demonstration/...).
urlpatterns += [
    path("demonstration/", directions.direction_list, name="direction_list"),
    path("demonstration/new/", directions.direction_create, name="direction_create"),
    path(
        "demonstration/proposals/",
        directions.department_proposals,
        name="direction_proposals",
    ),
    path("demonstration/<id:pk>/", directions.direction_detail, name="direction_detail"),
    path("demonstration/<id:pk>/edit/", directions.direction_edit, name="direction_edit"),
    path(
        "demonstration/<id:pk>/do/<slug:action>/",
        directions.direction_move,
        name="direction_move",
    ),
    path("demonstration/<id:pk>/call/", directions.direction_link_call, name="direction_call"),
    path("demonstration/<id:pk>/fill/", directions.direction_fill_call, name="direction_fill"),
    path("demonstration/<id:pk>/items/new/", directions.item_create, name="direction_item_create"),
    path(
        "demonstration/<id:pk>/recommend/",
        directions.pair_recommend,
        name="direction_recommend",
    ),
    path("demonstration/items/<id:pk>/edit/", directions.item_edit, name="direction_item_edit"),
    path(
        "demonstration/items/<id:pk>/remove/",
        directions.item_remove,
        name="direction_item_remove",
    ),
    path(
        "demonstration/items/<id:pk>/suggestions/",
        directions.item_suggestions,
        name="direction_suggestions",
    ),
    path("demonstration/items/<id:pk>/pairs/new/", directions.pair_add, name="direction_pair_add"),
    path(
        "demonstration/pairs/<id:pk>/do/<slug:action>/",
        directions.pair_move,
        name="direction_pair_move",
    ),
]

# Access requests (resources/<id>/access/..., access-requests/...). The catalog's
# "resources/<id>/<action>/" comes first, so every route here has a word after "access/".
urlpatterns += [
    path("resources/<id:pk>/access/panel/", access.resource_actions, name="resource_actions"),
    path(
        "resources/<id:pk>/access/request/",
        access.access_request_create,
        name="access_request_create",
    ),
    path("access-requests/dashboard/", access.access_dashboard, name="access_dashboard"),
    path(
        "access-requests/organizations/<id:pk>/",
        access.access_requests_of,
        name="access_requests_of",
    ),
    path("access-requests/<id:pk>/", access.access_request_detail, name="access_request_detail"),
    path(
        "access-requests/<id:pk>/do/<slug:action>/",
        access.access_request_move,
        name="access_request_move",
    ),
]

# Supplier pools and innovation-chain projects (resources/<id>/access/apply/,
# supplier-applications/...).
urlpatterns += [
    path(
        "resources/<id:pk>/access/apply/",
        suppliers.supplier_application_create,
        name="supplier_application_create",
    ),
    path(
        "supplier-applications/organizations/<id:pk>/",
        suppliers.supplier_applications_of,
        name="supplier_applications_of",
    ),
    path(
        "supplier-applications/<id:pk>/",
        suppliers.supplier_application_detail,
        name="supplier_application_detail",
    ),
    path(
        "supplier-applications/<id:pk>/checks/",
        suppliers.supplier_application_checks,
        name="supplier_application_checks",
    ),
    path(
        "supplier-applications/<id:pk>/do/<slug:action>/",
        suppliers.supplier_application_move,
        name="supplier_application_move",
    ),
]
