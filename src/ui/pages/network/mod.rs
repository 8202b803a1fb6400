//! The network map ("Netwerkkaart"): a map, a power–interest grid, a table, the analysis,
//! CSV import and snapshots, each a view reachable by `?weergave=…`; `?casus=<id>`
//! narrows the map to one case's actors.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::model::network::Network;
use crate::model::Id;
use crate::ui::components::PageTitle;
use crate::ui::draft::kept;
use crate::ui::i18n::t;
use crate::ui::state::use_doc;

mod analysis;
mod forms;
mod grid;
mod import;
mod map;
mod picture;
mod snapshots;
mod table;

pub(crate) use picture::NetworkPicture;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tab {
    Map,
    Grid,
    Table,
    Analysis,
    Import,
    Snapshots,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Map,
        Tab::Grid,
        Tab::Table,
        Tab::Analysis,
        Tab::Import,
        Tab::Snapshots,
    ];

    fn slug(self) -> &'static str {
        match self {
            Tab::Map => "kaart",
            Tab::Grid => "raster",
            Tab::Table => "tabel",
            Tab::Analysis => "analyse",
            Tab::Import => "importeren",
            Tab::Snapshots => "momentopnamen",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Tab::Map => t("Kaart", "Map"),
            Tab::Grid => t("Invloed en belang", "Influence and interest"),
            Tab::Table => t("Tabel", "Table"),
            Tab::Analysis => t("Analyse", "Analysis"),
            Tab::Import => t("Importeren", "Import"),
            Tab::Snapshots => t("Momentopnamen", "Snapshots"),
        }
    }

    fn parse(text: &str) -> Tab {
        Tab::ALL
            .into_iter()
            .find(|t| t.slug() == text)
            .unwrap_or(Tab::Map)
    }
}

/// What the views of the page share.
#[derive(Clone, Copy)]
pub(super) struct NetCtx {
    /// A copy of the map that changes only when the map does, not on other edits.
    pub network: Memo<Network>,
    /// The actor whose edit form is open, on the map or in the table.
    pub editing: RwSignal<Option<Id>>,
    /// Set by a user action that opens a form, so the form takes focus when it appears.
    pub focus_form: RwSignal<bool>,
    /// Announced politely: what the last action did.
    pub status: RwSignal<String>,
}

pub(super) fn use_net() -> NetCtx {
    expect_context::<NetCtx>()
}

/// The URL of a view of the page, keeping the case filter.
pub(super) fn page_url(tab: &str, case: Option<Id>) -> String {
    match case {
        Some(c) => format!("/netwerkkaart?weergave={tab}&casus={c}"),
        None => format!("/netwerkkaart?weergave={tab}"),
    }
}

#[component]
pub fn NetworkPage() -> impl IntoView {
    let query = use_query_map();
    let network = use_doc().memo(|d| d.network.clone());
    let ctx = NetCtx {
        network,
        editing: kept("network:editing", || None),
        focus_form: RwSignal::new(false),
        status: RwSignal::new(String::new()),
    };
    provide_context(ctx);
    let tab =
        Memo::new(move |_| query.with(|q| Tab::parse(q.get("weergave").as_deref().unwrap_or(""))));
    let case =
        Memo::new(move |_| query.with(|q| q.get("casus").and_then(|c| c.parse::<Id>().ok())));
    // A form left open in one view is not carried into another.
    Effect::new(move |prev: Option<Tab>| {
        let now = tab.get();
        if prev.is_some_and(|p| p != now) {
            ctx.editing.set(None);
        }
        now
    });
    let tabs = Tab::ALL
        .into_iter()
        .map(|t| {
            let href = move || page_url(t.slug(), case.get());
            let current = move || (tab.get() == t).then_some("page");
            view! {
                <li><a href=href aria-current=current>{t.label()}</a></li>
            }
        })
        .collect_view();
    view! {
        <PageTitle text=t("Netwerkkaart", "Network map")/>
        <p class="lead">
            {t(
                "De personen en partijen om je heen, hoe ze met elkaar en met jou verbonden zijn, en wie je nog mist.",
                "The people and parties around you, how they are connected to each other and to you, and who is still missing.",
            )}
        </p>
        <nav class="net-tabs" aria-label=t("Weergaven van de netwerkkaart", "Views of the network map")>
            <ul>{tabs}</ul>
        </nav>
        <p class="net-status" role="status" aria-live="polite" data-testid="net-status">
            {move || ctx.status.get()}
        </p>
        {move || match tab.get() {
            Tab::Map => view! { <map::MapView case=case/> }.into_any(),
            Tab::Grid => view! { <grid::GridView/> }.into_any(),
            Tab::Table => view! { <table::TableView/> }.into_any(),
            Tab::Analysis => view! { <analysis::AnalysisView/> }.into_any(),
            Tab::Import => view! { <import::ImportView/> }.into_any(),
            Tab::Snapshots => view! { <snapshots::SnapshotsView/> }.into_any(),
        }}
    }
}
