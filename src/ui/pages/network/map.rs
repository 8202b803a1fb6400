//! The interactive map: an SVG of the layout, with dragging, zoom, pan, filters and a
//! legend. Node shape and colour both show the actor's kind; line thickness shows a
//! tie's strength and its dash pattern its kind; the node's size shows what the user
//! chose (`sizing::SizeBy`: nothing, influence or betweenness). Labels keep their size on
//! the screen (`geometry::label_size`), whatever the zoom and the window.

use std::cell::Cell;
use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::forms::ActorForm;
use super::{page_url, use_net, NetCtx};
use crate::model::journal::{reach, story_rows, StoryState};
use crate::model::network::filter::{view as filter_view, Ego, View, ViewFilter};
use crate::model::network::geometry::{
    clamp_zoom, dragged, is_drag, label_size, label_top, tie_line, Nudge, ViewBox, ASPECT,
    LABEL_DY_EM, SHAPE_REACH,
};
use crate::model::network::layout::{
    bounds, layout, move_node, place, place_again, unplaced, LayoutOptions,
};
use crate::model::network::rows::{actor_choices, case_actors};
use crate::model::network::sizing::{node_sizes, NodeSize, SizeBy};
use crate::model::network::{ActorKind, Direction, Endpoint, Position, Strength, TieKind};
use crate::model::Id;
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::{use_doc, OpenDoc};

/// The radius of the ring around a node whose story is told (solid) or planned (dotted),
/// in the shape's units: just outside the largest shape.
const STORY_RING: f64 = 22.0;

/// The outline of each kind, centred on the node; the advisor ("ik", "me") is a star.
pub(super) fn shape(kind: Option<ActorKind>) -> &'static str {
    match kind {
        None => "M0,-19 L5.1,-7 L18,-5.9 L8.2,2.7 L11.2,15.4 L0,8.7 L-11.2,15.4 L-8.2,2.7 L-18,-5.9 L-5.1,-7 Z",
        Some(ActorKind::Person) => "M-14,0 A14,14 0 1,0 14,0 A14,14 0 1,0 -14,0 Z",
        Some(ActorKind::Organisation) => "M-13,-13 H13 V13 H-13 Z",
        Some(ActorKind::Team) => "M15,0 L7.5,13 L-7.5,13 L-15,0 L-7.5,-13 L7.5,-13 Z",
        Some(ActorKind::ResidentsGroup) => "M0,-16 L15,12 L-15,12 Z",
        Some(ActorKind::Politics) => "M0,-17 L17,0 L0,17 L-17,0 Z",
        Some(ActorKind::Company) => "M0,-15 L14.3,-4.6 L8.8,12.1 L-8.8,12.1 L-14.3,-4.6 Z",
        Some(ActorKind::Other) => "M0,16 L15,-12 L-15,-12 Z",
    }
}

fn shape_name(kind: Option<ActorKind>) -> &'static str {
    match kind {
        None => t("ster", "star"),
        Some(ActorKind::Person) => t("cirkel", "circle"),
        Some(ActorKind::Organisation) => t("vierkant", "square"),
        Some(ActorKind::Team) => t("zeshoek", "hexagon"),
        Some(ActorKind::ResidentsGroup) => t("driehoek", "triangle"),
        Some(ActorKind::Politics) => t("ruit", "diamond"),
        Some(ActorKind::Company) => t("vijfhoek", "pentagon"),
        Some(ActorKind::Other) => t("omgekeerde driehoek", "upside-down triangle"),
    }
}

/// How the map and its legend name the advisor's own node.
fn me_long() -> &'static str {
    t("ik (jijzelf)", "me (yourself)")
}

pub(super) fn colour(kind: Option<ActorKind>) -> &'static str {
    match kind {
        None => "#0b5d3b",
        Some(ActorKind::Person) => "#4e79a7",
        Some(ActorKind::Organisation) => "#f28e2b",
        Some(ActorKind::Team) => "#59a14f",
        Some(ActorKind::ResidentsGroup) => "#b07aa1",
        Some(ActorKind::Politics) => "#e15759",
        Some(ActorKind::Company) => "#edc948",
        Some(ActorKind::Other) => "#bab0ac",
    }
}

pub(super) fn width(strength: Strength) -> f64 {
    match strength {
        Strength::Weak => 1.5,
        Strength::Normal => 3.0,
        Strength::Strong => 6.0,
    }
}

pub(super) fn dashes(kind: TieKind) -> &'static str {
    match kind {
        TieKind::Formal => "none",
        TieKind::Informal => "9 6",
        TieKind::Assignment => "18 6",
        TieKind::Collaboration => "3 5",
        TieKind::Conflict => "14 5 3 5",
        TieKind::Other => "1 7",
    }
}

pub(super) fn tie_colour(kind: TieKind) -> &'static str {
    match kind {
        TieKind::Conflict => "#a11b1b",
        _ => "#4d5660",
    }
}

thread_local! {
    /// What the node sizes show, kept for this browser session (a view preference, not
    /// part of the document; a reload starts again from all the same size).
    static SIZE_BY: Cell<SizeBy> = const { Cell::new(SizeBy::Same) };
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct NodeInfo {
    e: Endpoint,
    name: String,
    kind: Option<ActorKind>,
    /// With a case chosen: where this actor stands in the case's story plans.
    story: Option<StoryState>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct TieInfo {
    id: Id,
    a: Endpoint,
    b: Endpoint,
    kind: TieKind,
    strength: Strength,
    direction: Direction,
}

#[derive(Clone, Copy)]
struct DragStart {
    e: Endpoint,
    x0: i32,
    y0: i32,
    p0: Position,
    scale: f64,
    moved: bool,
}

#[derive(Clone, Copy)]
struct PanStart {
    x0: i32,
    y0: i32,
    pan0: (f64, f64),
    scale: f64,
}

/// What the map's box was fitted for: while this stays the same, a move keeps the box.
#[derive(Clone, Copy, PartialEq)]
struct FitKey {
    refit: u64,
    aspect: f64,
    /// Which nodes and ties are shown, as counts and an order-free sum of hashes.
    shown: (bool, usize, usize, u64),
}

impl FitKey {
    fn digest(v: &View) -> (bool, usize, usize, u64) {
        use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
        let hash = |id: &Id| BuildHasherDefault::<DefaultHasher>::default().hash_one(id);
        let sum = v
            .actors
            .iter()
            .chain(&v.ties)
            .fold(0u64, |sum, id| sum.wrapping_add(hash(id)));
        (v.me, v.actors.len(), v.ties.len(), sum)
    }
}

/// What the parts of the map share: the choices above it, where each node is, and the
/// view (zoom and pan). Signals only, so it is `Copy`.
#[derive(Clone, Copy)]
struct MapCtx {
    doc: OpenDoc,
    net: NetCtx,
    case: Memo<Option<Id>>,
    me_centre: RwSignal<bool>,
    options: Memo<LayoutOptions>,
    kinds: RwSignal<ViewFilter>,
    ego_centre: RwSignal<Option<Endpoint>>,
    ego_depth: RwSignal<usize>,
    selected: RwSignal<Option<Endpoint>>,
    shown: Memo<View>,
    /// With a case chosen: each linked actor's story state (`journal::story`).
    stories: Memo<Option<HashMap<Id, StoryState>>>,
    positions: Memo<HashMap<Endpoint, Position>>,
    /// One signal per node for its place in `positions`, set (by one effect, below) only
    /// when that node's place changes. The nodes and ties read these, not `positions`:
    /// thousands of subscribers on the one memo cost a move 80 ms (each one that re-runs
    /// takes itself out of the memo's list of subscribers, a shift of that whole list).
    placed: StoredValue<HashMap<Endpoint, ArcRwSignal<Option<Position>>>>,
    /// Asks for the box to be fitted anew (*Opnieuw plaatsen*, *Alles tonen*).
    refit: RwSignal<u64>,
    /// One override signal per node: a drag frame sets only the dragged node's, so only
    /// that node and its ties re-render (one signal for all would wake every node).
    /// Reference-counted rather than owned by the node that first asked for one: a node
    /// hidden by a filter is dropped, and a signal it owned would be gone (and panic)
    /// when the node shows again.
    overrides: StoredValue<HashMap<Endpoint, ArcRwSignal<Option<Position>>>>,
    /// The node being dragged and where it is now (not reactive: handlers read it).
    drag: StoredValue<Option<(Endpoint, Position)>>,
    zoom: RwSignal<f64>,
    pan: RwSignal<(f64, f64)>,
    view_box: Memo<ViewBox>,
    /// The element the drawing fills, for turning pointer moves into map moves.
    wrap: NodeRef<html::Div>,
    /// The drawing's size on the screen in CSS pixels, measured when it is shown and when
    /// the window changes size.
    screen: RwSignal<(f64, f64)>,
    /// Map units per screen pixel at the present view box and size.
    units: Memo<f64>,
    size_by: RwSignal<SizeBy>,
    /// Every node's size, on the whole map (a filter changes no size); empty when all are
    /// the same size.
    sizes: Memo<HashMap<Endpoint, NodeSize>>,
}

impl MapCtx {
    fn new(case: Memo<Option<Id>>) -> MapCtx {
        let ctx = use_net();
        let net = ctx.network;
        let doc = use_doc();
        let me_centre = RwSignal::new(true);
        let options = Memo::new(move |_| LayoutOptions {
            me_centre: me_centre.get(),
            ..LayoutOptions::default()
        });
        let kinds = RwSignal::new(ViewFilter::default());
        let ego_centre = RwSignal::new(None::<Endpoint>);
        let ego_depth = RwSignal::new(1usize);
        let case_set = Memo::new(move |_| {
            let c = case.get()?;
            doc.with(|d| case_actors(&d.journal, c))
        });
        let stories = Memo::new(move |_| {
            let c = case.get()?;
            doc.with(|d| {
                d.journal.case(c).map(|c| {
                    c.actors
                        .iter()
                        .map(|a| (*a, c.story_state(*a)))
                        .collect::<HashMap<_, _>>()
                })
            })
        });
        let shown = Memo::new(move |_| {
            let mut filter = kinds.get();
            filter.ego = ego_centre.get().map(|centre| Ego {
                centre,
                depth: ego_depth.get(),
            });
            filter.only = case_set.get();
            net.with(|n| filter_view(n, &filter))
        });
        // Laid out on the whole map, never on what a filter shows, so a filter moves
        // nothing; once every node has its place (below) this reads the stored places.
        let positions = Memo::new(move |_| {
            let options = options.get();
            net.with(|n| layout(n, &options))
        });
        let zoom = RwSignal::new(1.0f64);
        let pan = RwSignal::new((0.0f64, 0.0f64));
        let screen = RwSignal::new((0.0f64, 0.0f64));
        // The box takes the shape of the drawing on the screen, so the map fills it.
        let aspect = Memo::new(move |_| match screen.get() {
            (w, h) if w > 0.0 && h > 0.0 => w / h,
            _ => ASPECT,
        });
        // The box fitted to the shown nodes is kept while only places change and every
        // node stays inside it (`ViewBox::refit`): moving one actor rescales nothing.
        // Another set of nodes shown, another shape of the drawing, or a new fit asked
        // for (`refit`) changes the key, and only then is the box fitted anew.
        let refit = RwSignal::new(0u64);
        let fitted = Memo::new(move |before: Option<&(FitKey, ViewBox)>| {
            let key = FitKey {
                refit: refit.get(),
                aspect: aspect.get(),
                shown: shown.with(FitKey::digest),
            };
            let kept = before.filter(|(k, _)| *k == key).map(|(_, b)| *b);
            let nodes = shown.with(|v| {
                positions.with(|m| bounds(m.iter().filter(|(e, _)| v.shows(**e)).map(|(_, p)| p)))
            });
            (key, ViewBox::refit(kept, nodes, key.aspect))
        });
        let view_box = Memo::new(move |_| fitted.get().1.zoomed(zoom.get(), pan.get()));
        let units = Memo::new(move |_| {
            let (w, h) = screen.get();
            view_box.get().units_per_pixel(w, h)
        });
        let size_by = RwSignal::new(SIZE_BY.with(Cell::get));
        // All the same size (the default) reads nothing of the map: every node falls
        // back to `NodeSize::BASE`, and a move wakes none of the nodes' sizes.
        let sizes = Memo::new(move |_| match size_by.get() {
            SizeBy::Same => HashMap::new(),
            by => net.with(|n| node_sizes(n, by)),
        });
        MapCtx {
            doc,
            net: ctx,
            case,
            me_centre,
            options,
            kinds,
            ego_centre,
            ego_depth,
            selected: kept("map:selected", || None),
            shown,
            stories,
            positions,
            placed: StoredValue::new(HashMap::new()),
            refit,
            overrides: StoredValue::new(HashMap::new()),
            drag: StoredValue::new(None),
            zoom,
            pan,
            view_box,
            wrap: NodeRef::new(),
            screen,
            units,
            size_by,
            sizes,
        }
    }

    /// Reads the drawing's size on the screen again.
    fn measure(&self) {
        if let Some(el) = self.wrap.get_untracked() {
            let size = (f64::from(el.client_width()), f64::from(el.client_height()));
            if self.screen.get_untracked() != size {
                self.screen.set(size);
            }
        }
    }

    fn set_size_by(&self, by: SizeBy) {
        SIZE_BY.with(|s| s.set(by));
        self.size_by.set(by);
    }

    fn override_of(&self, e: Endpoint) -> ArcRwSignal<Option<Position>> {
        if let Some(signal) = self.overrides.with_value(|m| m.get(&e).cloned()) {
            return signal;
        }
        let signal = ArcRwSignal::new(None);
        self.overrides.update_value(|m| {
            m.insert(e, signal.clone());
        });
        signal
    }

    /// The signal for `e`'s place in `positions`, made on first use.
    fn placed_of(&self, e: Endpoint) -> ArcRwSignal<Option<Position>> {
        if let Some(signal) = self.placed.with_value(|m| m.get(&e).cloned()) {
            return signal;
        }
        let signal = ArcRwSignal::new(self.positions.with_untracked(|m| m.get(&e).copied()));
        self.placed.update_value(|m| {
            m.insert(e, signal.clone());
        });
        signal
    }

    /// Passes a change of `positions` on to the nodes whose place changed, and to no other.
    fn pass_on_places(&self) {
        let (positions, placed) = (self.positions, self.placed);
        Effect::new(move |_| {
            let changed: Vec<_> = positions.with(|m| {
                placed.with_value(|signals| {
                    signals
                        .iter()
                        .filter_map(|(e, signal)| {
                            let p = m.get(e).copied();
                            (signal.get_untracked() != p).then(|| (signal.clone(), p))
                        })
                        .collect()
                })
            });
            for (signal, p) in changed {
                signal.set(p);
            }
        });
    }

    fn position(&self, e: Endpoint) -> Memo<Position> {
        let placed = self.placed_of(e);
        let moved = self.override_of(e);
        Memo::new(move |_| {
            moved
                .get()
                .or_else(|| placed.get())
                .unwrap_or(Position::new(0.0, 0.0))
        })
    }

    /// Fits the box to the shown nodes anew, at no zoom and no pan.
    fn show_all(&self) {
        self.zoom.set(1.0);
        self.pan.set((0.0, 0.0));
        self.refit.update(|n| *n += 1);
    }

    fn set_drag(&self, drag: Option<(Endpoint, Position)>) {
        if let Some((previous, _)) = self.drag.get_value() {
            if drag.map(|(e, _)| e) != Some(previous) {
                self.override_of(previous).set(None);
            }
        }
        if let Some((e, p)) = drag {
            self.override_of(e).set(Some(p));
        }
        self.drag.set_value(drag);
    }

    fn dragged(&self) -> Option<(Endpoint, Position)> {
        self.drag.get_value()
    }

    fn draggable(&self, e: Endpoint) -> bool {
        !(e == Endpoint::Me && self.me_centre.get_untracked())
    }

    /// Moves one node and only that one (`layout::move_node`), and saves.
    fn move_to(&self, e: Endpoint, p: Position) {
        let options = self.options.get_untracked();
        self.doc.update(|d| {
            move_node(&mut d.network, e, p, &options);
        });
    }

    /// Map units per screen pixel now.
    fn scale(&self) -> f64 {
        let view_box = self.view_box.get_untracked();
        self.wrap
            .get_untracked()
            .map(|el| {
                view_box
                    .units_per_pixel(f64::from(el.client_width()), f64::from(el.client_height()))
            })
            .unwrap_or(1.0)
    }

    fn zoom_by(&self, factor: f64) {
        self.zoom.update(|z| *z = clamp_zoom(*z * factor));
    }

    /// Pans by a share of the box shown: 0.2 is a fifth of its width or height.
    fn pan_by(&self, dx: f64, dy: f64) {
        let v = self.view_box.get_untracked();
        self.pan
            .update(|p| *p = (p.0 + dx * v.width, p.1 + dy * v.height));
    }

    fn select(&self, e: Endpoint) {
        let ctx = self.net;
        self.selected.set(Some(e));
        ctx.focus_form.set(true);
        ctx.editing.set(e.actor());
    }
}

#[component]
pub(super) fn MapView(case: Memo<Option<Id>>) -> impl IntoView {
    let net = use_net().network;
    let doc = use_doc();
    let map = MapCtx::new(case);
    map.pass_on_places();
    // Once placed, a node stays where it is: nodes the map shows for the first time
    // (a new actor, a map never shown) get their place stored, among the placed ones.
    Effect::new(move |_| {
        let options = map.options.get();
        if net.with(|n| unplaced(n, &options)) > 0 {
            doc.update(|d| {
                place(&mut d.network, &options);
            });
        }
    });
    // The labels' size follows the drawing's size on the screen: measured once it is
    // there, again when a form opens or closes beside it (the page may get a scroll
    // bar), and whenever the window changes size.
    let ctx = use_net();
    // Only opening or closing the form changes the drawing's size, not which actor is
    // selected: measuring forces a layout, which an arrow-key move must not pay for.
    let form_open =
        Memo::new(move |_| map.selected.with(Option::is_some) || ctx.editing.with(Option::is_some));
    Effect::new(move |_| {
        map.wrap.track();
        form_open.track();
        map.measure();
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| map.measure());
    on_cleanup(move || on_resize.remove());
    view! {
        <section aria-labelledby="map-title" class="net-section">
            <h2 id="map-title">{t("Kaart", "Map")}</h2>
            <Show when=move || net.with(|n| n.actors.is_empty())>
                <p class="empty-state">{t(
                    "Er staan nog geen actoren op de kaart. Voeg ze toe in de tabel, of lees een CSV-bestand in.",
                    "There are no actors on the map yet. Add them in the table, or import a CSV file.",
                )}</p>
            </Show>
            <MapFilters map=map/>
            <div class="net-map-layout">
                <div class="net-map-col">
                    <MapControls map=map/>
                    <MapDrawing map=map/>
                    <p class="muted net-hint">
                        {t(
                            "Sleep een actor om hem te verplaatsen (of gebruik de pijltjestoetsen als hij de focus heeft); de plek wordt bewaard. \
                             Klik of druk op Enter om een actor te bewerken. Scroll of gebruik + en − om te zoomen; sleep de achtergrond om te verschuiven.",
                            "Drag an actor to move it (or use the arrow keys when it has focus); its place is kept. \
                             Click or press Enter to edit an actor. Scroll or use + and − to zoom; drag the background to pan.",
                        )}
                    </p>
                </div>
                <MapSide map=map/>
            </div>
        </section>
    }
}

/// What the map shows: kinds, a case, the actors around one, and whether "ik" is centred.
#[component]
fn MapFilters(map: MapCtx) -> impl IntoView {
    let net = use_net().network;
    let doc = use_doc();
    let lang = lang();
    let case = map.case;
    let cases = doc.memo(|d| d.journal.case_titles());
    let choices = Memo::new(move |_| net.with(actor_choices));
    let navigate = use_navigate();
    let on_case = move |ev: leptos::ev::Event| {
        let case = event_target_value(&ev).parse::<Id>().ok();
        navigate(&page_url("kaart", case), Default::default());
    };
    let (kinds, ego_centre, ego_depth) = (map.kinds, map.ego_centre, map.ego_depth);
    let kind_boxes = ActorKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=move || kinds.with(|f| f.shows_kind(k))
                        on:change=move |_| kinds.update(|f| f.toggle_kind(k))/>
                    <svg class="net-legend-shape" viewBox="-20 -20 40 40" aria-hidden="true">
                        <path d=shape(Some(k)) fill=colour(Some(k))/>
                    </svg>
                    {k.label(lang)}
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="net-filters card">
            <fieldset class="field">
                <legend>{t("Soort actor", "Kind of actor")}</legend>
                <div class="net-kinds">{kind_boxes}</div>
            </fieldset>
            <div class="net-form-row">
                <div class="field">
                    <label for="map-case">{t("Casus", "Case")}</label>
                    <select id="map-case" on:change=on_case>
                        <option value="" prop:selected=move || case.get().is_none()>{t("Alle actoren", "All actors")}</option>
                        <For each=move || cases.get() key=|c| c.clone() let:c>
                            {
                                let id = c.0;
                                view! { <option value=id.to_string() prop:selected=move || case.get() == Some(id)>{c.1}</option> }
                            }
                        </For>
                    </select>
                </div>
                <div class="field">
                    <label for="map-ego">{t("Alleen rond", "Only around")}</label>
                    <select id="map-ego" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        ego_centre.set(match v.as_str() {
                            "" => None,
                            "ik" => Some(Endpoint::Me),
                            other => other.parse::<Id>().ok().map(Endpoint::Actor),
                        });
                    }>
                        <option value="" prop:selected=move || ego_centre.get().is_none()>{t("Iedereen", "Everyone")}</option>
                        <option value="ik" prop:selected=move || ego_centre.get() == Some(Endpoint::Me)>{Endpoint::me_label(lang)}</option>
                        <For each=move || choices.get() key=|a| a.clone() let:a>
                            {
                                let e = Endpoint::Actor(a.0);
                                view! { <option value=a.0.to_string() prop:selected=move || ego_centre.get() == Some(e)>{a.1}</option> }
                            }
                        </For>
                    </select>
                </div>
                <div class="field">
                    <label for="map-depth">{t("Stappen", "Steps")}</label>
                    <select id="map-depth" prop:disabled=move || ego_centre.get().is_none()
                        on:change=move |ev| ego_depth.set(if event_target_value(&ev) == "2" { 2 } else { 1 })>
                        <option value="1" prop:selected=move || ego_depth.get() == 1>{t("1 stap", "1 step")}</option>
                        <option value="2" prop:selected=move || ego_depth.get() == 2>{t("2 stappen", "2 steps")}</option>
                    </select>
                </div>
            </div>
            <label class="choice">
                <input type="checkbox" prop:checked=map.me_centre on:change=move |ev| map.me_centre.set(event_target_checked(&ev))/>
                {t("Zet mij (ik) in het midden", "Put me at the centre")}
            </label>
            <SizeChoice map=map/>
        </div>
    }
}

/// What the size of the nodes shows: a radio group, so arrow keys choose within it.
#[component]
fn SizeChoice(map: MapCtx) -> impl IntoView {
    let lang = lang();
    let size_by = map.size_by;
    let options = SizeBy::ALL
        .into_iter()
        .map(|by| {
            view! {
                <label class="choice">
                    <input type="radio" name="map-size" value=by.slug()
                        prop:checked=move || size_by.get() == by
                        on:change=move |_| map.set_size_by(by)/>
                    {by.label(lang)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field net-size" aria-describedby="map-size-note">
            <legend>{t("Grootte van de actoren", "Size of the actors")}</legend>
            <div class="net-kinds">{options}</div>
            <p id="map-size-note" class="muted net-hint" data-testid="map-size-note">
                {move || size_by.get().explanation(lang).unwrap_or(t(
                    "Alle actoren zijn even groot.",
                    "All actors are the same size.",
                ))}
            </p>
        </fieldset>
    }
}

/// Zoom, pan, show everything, and *Opnieuw plaatsen*: buttons, so all of it works by keyboard.
#[component]
fn MapControls(map: MapCtx) -> impl IntoView {
    let ctx = use_net();
    let doc = use_doc();
    let place_all_again = move |_| {
        let options = map.options.get_untracked();
        doc.update(|d| {
            place_again(&mut d.network, &options);
        });
        map.refit.update(|n| *n += 1);
        ctx.status.set(
            t(
                "Alle actoren zijn opnieuw geplaatst.",
                "All actors have been placed again.",
            )
            .into(),
        );
    };
    view! {
        <div class="net-map-controls" role="group" aria-label=t("Zoomen en verschuiven", "Zoom and pan")>
            <button type="button" class="secondary" aria-label=t("Inzoomen", "Zoom in") on:click=move |_| map.zoom_by(1.25)>"+"</button>
            <button type="button" class="secondary" aria-label=t("Uitzoomen", "Zoom out") on:click=move |_| map.zoom_by(0.8)>"−"</button>
            <button type="button" class="secondary" aria-label=t("Naar links schuiven", "Pan left") on:click=move |_| map.pan_by(-0.2, 0.0)>"←"</button>
            <button type="button" class="secondary" aria-label=t("Naar rechts schuiven", "Pan right") on:click=move |_| map.pan_by(0.2, 0.0)>"→"</button>
            <button type="button" class="secondary" aria-label=t("Omhoog schuiven", "Pan up") on:click=move |_| map.pan_by(0.0, -0.2)>"↑"</button>
            <button type="button" class="secondary" aria-label=t("Omlaag schuiven", "Pan down") on:click=move |_| map.pan_by(0.0, 0.2)>"↓"</button>
            <button type="button" class="secondary" on:click=move |_| map.show_all()>{t("Alles tonen", "Show all")}</button>
            <button type="button" class="secondary" on:click=place_all_again>{t("Opnieuw plaatsen", "Place again")}</button>
        </div>
    }
}

/// The SVG: ties under nodes; dragging the background pans, the wheel zooms.
#[component]
fn MapDrawing(map: MapCtx) -> impl IntoView {
    let net = use_net().network;
    let lang = lang();
    let shown = map.shown;
    let stories = map.stories;
    let nodes = Memo::new(move |_| {
        let v = shown.get();
        let stories = stories.get();
        net.with(|n| {
            let mut list = Vec::new();
            if v.me {
                list.push(NodeInfo {
                    e: Endpoint::Me,
                    name: Endpoint::me_label(lang).to_string(),
                    kind: None,
                    story: None,
                });
            }
            list.extend(
                n.actors
                    .iter()
                    .filter(|a| v.actors.contains(&a.id))
                    .map(|a| NodeInfo {
                        e: Endpoint::Actor(a.id),
                        name: a.name.clone(),
                        kind: Some(a.kind),
                        story: stories.as_ref().and_then(|s| s.get(&a.id).copied()),
                    }),
            );
            list
        })
    });
    let ties = Memo::new(move |_| {
        let v = shown.get();
        net.with(|n| {
            n.ties
                .iter()
                .filter(|t| v.ties.contains(&t.id))
                .map(|t| TieInfo {
                    id: t.id,
                    a: t.a,
                    b: t.b,
                    kind: t.kind,
                    strength: t.strength,
                    direction: t.direction,
                })
                .collect::<Vec<_>>()
        })
    });
    let summary = move || {
        let a = nodes.with(|n| n.iter().filter(|n| n.kind.is_some()).count());
        let r = ties.with(Vec::len);
        t(
            format!(
                "Netwerkkaart met {} en {}",
                lang.count(a, "actor", "actoren"),
                lang.count(r, "relatie", "relaties")
            ),
            format!(
                "Network map with {} and {}",
                lang.count(a, "actor", "actors"),
                lang.count(r, "tie", "ties")
            ),
        )
    };
    // A memo, so that a change of the view box within one step of the label's size
    // (`geometry::label_size`) leaves every label as it is.
    let label_font = Memo::new(move |_| label_size(map.units.get()));
    let pan_start = StoredValue::new(None::<PanStart>);
    let on_bg_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        capture_pointer(&ev);
        pan_start.set_value(Some(PanStart {
            x0: ev.client_x(),
            y0: ev.client_y(),
            pan0: map.pan.get_untracked(),
            scale: map.scale(),
        }));
    };
    let on_bg_move = move |ev: leptos::ev::PointerEvent| {
        if let Some(s) = pan_start.get_value() {
            let moved = dragged(
                Position::new(0.0, 0.0),
                f64::from(ev.client_x() - s.x0),
                f64::from(ev.client_y() - s.y0),
                s.scale,
            );
            map.pan.set((s.pan0.0 - moved.x, s.pan0.1 - moved.y));
        }
    };
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        map.zoom_by(if ev.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 });
    };
    view! {
        <div class="net-map" node_ref=map.wrap>
            <svg data-testid="network-map" role="group" aria-label=summary
                viewBox=move || map.view_box.get().attribute()
                preserveAspectRatio="xMidYMid meet"
                on:pointerdown=on_bg_down on:pointermove=on_bg_move on:pointerup=move |_| pan_start.set_value(None)
                on:pointercancel=move |_| pan_start.set_value(None) on:wheel=on_wheel>
                <defs>
                    <marker id="net-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 Z" fill="#4d5660"/>
                    </marker>
                </defs>
                <g class="net-ties" aria-hidden="true">
                    <For each=move || ties.get() key=|t| t.clone() let:t>
                        <TieLine map=map tie=t/>
                    </For>
                </g>
                <g class="net-nodes" font-size=move || format!("{:.3}", label_font.get())>
                    <For each=move || nodes.get() key=|n| n.clone() let:n>
                        <Node map=map node=n/>
                    </For>
                </g>
            </svg>
        </div>
    }
}

fn capture_pointer(ev: &leptos::ev::PointerEvent) {
    if let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    {
        let _ = el.set_pointer_capture(ev.pointer_id());
    }
}

/// One node: a button in the tab order. Drag it, or move it with the arrow keys; click
/// or Enter opens its form.
#[component]
fn Node(map: MapCtx, node: NodeInfo) -> impl IntoView {
    let lang = lang();
    let e = node.e;
    let pos = map.position(e);
    let drag_start = StoredValue::new(None::<DragStart>);
    let suppress_click = StoredValue::new(false);
    let transform = move || {
        let p = pos.get();
        format!("translate({:.1} {:.1})", p.x, p.y)
    };
    let base_label = match node.kind {
        Some(k) => format!("{}, {}", node.name, k.label(lang)),
        None => me_long().to_string(),
    };
    let story = node.story;
    let base_label = match story {
        Some(s) => format!("{base_label}, {}: {}", t("verhaal", "story"), s.label(lang)),
        None => base_label,
    };
    let size = Memo::new(move |_| {
        map.sizes
            .with(|m| m.get(&e).copied())
            .unwrap_or(NodeSize::BASE)
    });
    let label = move || match size.get().describe(map.size_by.get(), lang) {
        Some(measure) => format!("{base_label}, {measure}"),
        None => base_label.clone(),
    };
    let scale = move || size.get().scale();
    let shape_transform = move || {
        let s = scale();
        (s != 1.0).then(|| format!("scale({s:.3})"))
    };
    // A story ring (told or planned) sits around the shape; the label moves below it.
    let ring = story.is_some_and(|s| s != StoryState::None);
    let label_y = move || {
        let below_ring = if ring {
            (STORY_RING + 2.0 - SHAPE_REACH).max(0.0) * scale()
        } else {
            0.0
        };
        format!("{:.1}", label_top(scale()) + below_ring)
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        ev.stop_propagation();
        if !map.draggable(e) {
            return;
        }
        capture_pointer(&ev);
        drag_start.set_value(Some(DragStart {
            e,
            x0: ev.client_x(),
            y0: ev.client_y(),
            p0: pos.get_untracked(),
            scale: map.scale(),
            moved: false,
        }));
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(mut s) = drag_start.get_value().filter(|s| s.e == e) else {
            return;
        };
        let dx = f64::from(ev.client_x() - s.x0);
        let dy = f64::from(ev.client_y() - s.y0);
        if !s.moved && !is_drag(dx, dy) {
            return;
        }
        if !s.moved {
            s.moved = true;
            drag_start.set_value(Some(s));
        }
        map.set_drag(Some((e, dragged(s.p0, dx, dy, s.scale))));
    };
    let on_up = move |_: leptos::ev::PointerEvent| {
        let Some(s) = drag_start.get_value().filter(|s| s.e == e) else {
            return;
        };
        drag_start.set_value(None);
        if s.moved {
            if let Some((_, p)) = map.dragged() {
                map.move_to(e, p);
            }
            suppress_click.set_value(true);
        }
        map.set_drag(None);
    };
    let on_cancel = move |_: leptos::ev::PointerEvent| {
        drag_start.set_value(None);
        map.set_drag(None);
    };
    let on_click = move |_| {
        if suppress_click.get_value() {
            suppress_click.set_value(false);
            return;
        }
        map.select(e);
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        if key == "Enter" || key == " " {
            ev.prevent_default();
            map.select(e);
        } else if let Some(nudge) = Nudge::from_key(&key) {
            if map.draggable(e) {
                ev.prevent_default();
                map.move_to(e, nudge.from(pos.get_untracked()));
            }
        }
    };
    let is_selected = move || map.selected.get() == Some(e);
    view! {
        <g class="net-node" class:selected=is_selected transform=transform tabindex="0" role="button"
            aria-label=label aria-pressed=move || is_selected().to_string()
            data-node=match e { Endpoint::Me => "ik".to_string(), Endpoint::Actor(id) => id.to_string() }
            on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_cancel
            on:click=on_click on:keydown=on_key>
            {story.filter(|s| *s != StoryState::None).map(|s| view! {
                <circle class=format!("net-story-ring story-{}", s.slug()) aria-hidden="true"
                    r=move || format!("{:.1}", STORY_RING * scale())/>
            })}
            <path class="net-node-shape" d=shape(node.kind) fill=colour(node.kind)
                transform=shape_transform style:--node-scale=move || format!("{:.3}", scale())
                data-radius=move || format!("{:.1}", size.get().radius)/>
            <text class="net-node-label" y=label_y dy=format!("{LABEL_DY_EM}em") text-anchor="middle">
                {node.name.clone()}
                {story.map(|s| view! {
                    <tspan class=format!("net-story-word story-{}", s.slug()) x="0" dy="1.2em"
                        data-story=s.slug()>{format!("({})", s.short(lang))}</tspan>
                })}
            </text>
        </g>
    }
}

/// One tie: a line from end to end, short of the target when it points one way.
#[component]
fn TieLine(map: MapCtx, tie: TieInfo) -> impl IntoView {
    let pa = map.position(tie.a);
    let pb = map.position(tie.b);
    let one_way = tie.direction == Direction::OneWay;
    let ends = Memo::new(move |_| tie_line(pa.get(), pb.get(), one_way));
    view! {
        <line class="net-tie" x1=move || ends.get().0.x y1=move || ends.get().0.y
            x2=move || ends.get().1.x y2=move || ends.get().1.y
            stroke=tie_colour(tie.kind) stroke-width=width(tie.strength) stroke-dasharray=dashes(tie.kind)
            stroke-linecap="round"
            marker-end=one_way.then_some("url(#net-arrow)")/>
    }
}

/// Beside the map: the chosen actor's form, and the legend.
#[component]
fn MapSide(map: MapCtx) -> impl IntoView {
    let ctx = use_net();
    let lang = lang();
    view! {
        <aside class="net-side" aria-label=t("Geselecteerd", "Selected")>
            {move || match map.selected.get() {
                Some(Endpoint::Actor(_)) if ctx.editing.get().is_some() => {
                    let editing = ctx.editing.get();
                    view! { <ActorForm editing=editing/> }.into_any()
                }
                Some(Endpoint::Me) => view! {
                    <div class="card"><h3>{Endpoint::me_label(lang)}</h3><p>{t("Dit ben jij. Je relaties voeg je toe in de tabel.", "This is you. Add your ties in the table.")}</p></div>
                }.into_any(),
                _ => view! { <p class="muted">{t("Kies een actor op de kaart om die te bewerken.", "Choose an actor on the map to edit it.")}</p> }.into_any(),
            }}
            <StoryPanel map=map/>
            <Legend/>
        </aside>
    }
}

/// `me` names the star when the map is someone else's (the begeleider's view of a
/// participant); on one's own map it is "ik (jijzelf)".
#[component]
pub(super) fn Legend(#[prop(optional, into)] me: Option<String>) -> impl IntoView {
    let lang = lang();
    let kinds = std::iter::once(None)
        .chain(ActorKind::ALL.into_iter().map(Some))
        .map(|k| {
            let label = match (k, &me) {
                (Some(k), _) => k.label(lang).to_string(),
                (None, Some(name)) => name.clone(),
                (None, None) => me_long().to_string(),
            };
            view! {
                <li>
                    <svg class="net-legend-shape" viewBox="-20 -20 40 40" aria-hidden="true">
                        <path d=shape(k) fill=colour(k)/>
                    </svg>
                    {format!("{label} ({})", shape_name(k))}
                </li>
            }
        })
        .collect_view();
    let tie_kinds = TieKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <li>
                    <svg class="net-legend-line" viewBox="0 0 60 10" aria-hidden="true">
                        <line x1="2" y1="5" x2="58" y2="5" stroke=tie_colour(k) stroke-width="3"
                            stroke-dasharray=dashes(k) stroke-linecap="round"/>
                    </svg>
                    {k.label(lang)}
                </li>
            }
        })
        .collect_view();
    let strengths = Strength::ALL
        .into_iter()
        .map(|s| {
            view! {
                <li>
                    <svg class="net-legend-line" viewBox="0 0 60 10" aria-hidden="true">
                        <line x1="2" y1="5" x2="58" y2="5" stroke="#4d5660" stroke-width=width(s)/>
                    </svg>
                    {format!("{} ({})", s.label(lang), t("lijndikte", "line width"))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card net-legend" aria-labelledby="legend-title">
            <h3 id="legend-title">{t("Legenda", "Legend")}</h3>
            <h4>{t("Soort actor (vorm en kleur)", "Kind of actor (shape and colour)")}</h4>
            <ul>{kinds}</ul>
            <h4>{t("Soort relatie (lijnpatroon)", "Kind of tie (line pattern)")}</h4>
            <ul>{tie_kinds}</ul>
            <h4>{t("Sterkte", "Strength")}</h4>
            <ul>{strengths}</ul>
            <p class="muted">{t("Een pijl wijst de richting van een eenzijdige relatie aan.", "An arrow shows the direction of a one-way tie.")}</p>
        </section>
    }
}

/// With a case chosen: who has heard the case's story, in words, beside the map; and how
/// the map marks it (a ring and a word under the name, not colour alone).
#[component]
fn StoryPanel(map: MapCtx) -> impl IntoView {
    let doc = use_doc();
    let lang = lang();
    let case = map.case;
    let panel = doc.memo(move |d| {
        let c = d.journal.case(case.get()?)?;
        Some((
            c.id,
            c.title.clone(),
            reach(c),
            story_rows(c, &d.network).linked,
        ))
    });
    move || {
        let (id, title, reach, rows) = panel.get()?;
        let items = rows
            .into_iter()
            .map(|r| {
                view! {
                    <li data-story=r.state.slug()>
                        <span class="user-text">{r.name}</span>": "{r.state.label(lang)}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="card net-stories" aria-labelledby="net-stories-title" data-testid="map-stories">
                <h3 id="net-stories-title">{t(format!("Verhalen voor casus “{title}”"), format!("Stories for case “{title}”"))}</h3>
                <p data-testid="map-stories-reach"><strong>{reach.message(lang)}</strong></p>
                <ul>{items}</ul>
                <p class="muted">
                    {t(
                        "Op de kaart: een doorgetrokken ring en ‘(verteld)’ onder de naam: het verhaal is verteld. Een gestippelde ring en ‘(gepland)’: er is een plan. Geen ring en ‘(geen verhaal)’: nog geen verhaalplan.",
                        "On the map: a solid ring and ‘(told)’ under the name: the story has been told. A dotted ring and ‘(planned)’: there is a plan. No ring and ‘(no story)’: no story plan yet.",
                    )}
                </p>
                <p>
                    <a href=format!("/casusjournaal/casus/{id}#{}", crate::ui::pages::journal::STORY_ANCHOR)>
                        {t("Naar de verhaalplannen van deze casus", "Go to this case's story plans")}
                    </a>
                </p>
            </section>
        })
    }
}
