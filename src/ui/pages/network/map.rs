//! The interactive map: an SVG of the layout, with dragging, zoom, pan, filters and a
//! legend. Node shape and colour both show the actor's kind; line thickness shows a
//! tie's strength and its dash pattern its kind.

use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use super::forms::ActorForm;
use super::{page_url, use_net};
use crate::model::network::filter::{view as filter_view, Ego, ViewFilter};
use crate::model::network::layout::{bounds, layout, LayoutOptions};
use crate::model::network::rows::{actor_choices, case_actors};
use crate::model::network::{ActorKind, Direction, Endpoint, Position, Strength, TieKind};
use crate::model::{Id, Lang};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_app;

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

#[derive(Clone, PartialEq, Eq, Hash)]
struct NodeInfo {
    e: Endpoint,
    name: String,
    kind: Option<ActorKind>,
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

const ASPECT: f64 = 1.6;
const PAD: f64 = 60.0;

/// What the map needs to place and move nodes, shared by its parts.
#[derive(Clone, Copy)]
struct MapState {
    positions: Memo<HashMap<Endpoint, Position>>,
    /// One override signal per node: a drag frame sets only the dragged node's, so only
    /// that node and its ties re-render (one signal for all would wake every node).
    overrides: StoredValue<HashMap<Endpoint, RwSignal<Option<Position>>>>,
    /// The node being dragged and where it is now (not reactive: handlers read it).
    drag: StoredValue<Option<(Endpoint, Position)>>,
}

impl MapState {
    fn new(positions: Memo<HashMap<Endpoint, Position>>) -> MapState {
        MapState {
            positions,
            overrides: StoredValue::new(HashMap::new()),
            drag: StoredValue::new(None),
        }
    }

    fn override_of(&self, e: Endpoint) -> RwSignal<Option<Position>> {
        if let Some(signal) = self.overrides.with_value(|m| m.get(&e).copied()) {
            return signal;
        }
        let signal = RwSignal::new(None);
        self.overrides.update_value(|m| {
            m.insert(e, signal);
        });
        signal
    }

    fn position(&self, e: Endpoint) -> Memo<Position> {
        let positions = self.positions;
        let moved = self.override_of(e);
        Memo::new(move |_| {
            moved
                .get()
                .or_else(|| positions.with(|m| m.get(&e).copied()))
                .unwrap_or(Position::new(0.0, 0.0))
        })
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
}

#[component]
pub(super) fn MapView(case: Memo<Option<Id>>) -> impl IntoView {
    let app = use_app();
    let ctx = use_net();
    let lang = lang();
    let net = ctx.network;
    let me_centre = RwSignal::new(true);
    let filter_kinds = RwSignal::new(ViewFilter::default());
    let ego_centre = RwSignal::new(None::<Endpoint>);
    let ego_depth = RwSignal::new(1usize);
    let selected = RwSignal::new(None::<Endpoint>);

    let positions = Memo::new(move |_| {
        let options = LayoutOptions {
            me_centre: me_centre.get(),
            ..LayoutOptions::default()
        };
        net.with(|n| layout(n, &options))
    });
    let case_set = Memo::new(move |_| {
        case.get().and_then(|c| {
            app.doc
                .with(|d| d.as_ref().and_then(|d| case_actors(&d.journal, c)))
        })
    });
    let cases = Memo::new(move |_| {
        app.doc.with(|d| {
            d.as_ref()
                .map(|d| d.journal.case_titles())
                .unwrap_or_default()
        })
    });
    let shown = Memo::new(move |_| {
        let mut filter = filter_kinds.get();
        filter.ego = ego_centre.get().map(|centre| Ego {
            centre,
            depth: ego_depth.get(),
        });
        filter.only = case_set.get();
        net.with(|n| filter_view(n, &filter))
    });
    let nodes = Memo::new(move |_| {
        let v = shown.get();
        net.with(|n| {
            let mut list = Vec::new();
            if v.me {
                list.push(NodeInfo {
                    e: Endpoint::Me,
                    name: Endpoint::me_label(lang).to_string(),
                    kind: None,
                });
            }
            for a in &n.actors {
                if v.actors.contains(&a.id) {
                    list.push(NodeInfo {
                        e: Endpoint::Actor(a.id),
                        name: a.name.clone(),
                        kind: Some(a.kind),
                    });
                }
            }
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
    let state = MapState::new(positions);

    // The box that fits what is shown, widened to the map's aspect ratio.
    let base = Memo::new(move |_| {
        let v = shown.get();
        let b = positions.with(|m| bounds(m.iter().filter(|(e, _)| v.shows(**e)).map(|(_, p)| p)));
        let (lo, hi) = b.unwrap_or((Position::new(-100.0, -60.0), Position::new(100.0, 60.0)));
        let (cx, cy) = ((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
        let mut w = (hi.x - lo.x + 2.0 * PAD).max(320.0);
        let mut h = (hi.y - lo.y + 2.0 * PAD).max(200.0);
        if w / h < ASPECT {
            w = h * ASPECT;
        } else {
            h = w / ASPECT;
        }
        (cx, cy, w, h)
    });
    let zoom = RwSignal::new(1.0f64);
    let pan = RwSignal::new((0.0f64, 0.0f64));
    let view_box = Memo::new(move |_| {
        let (cx, cy, w, h) = base.get();
        let z = zoom.get();
        let (px, py) = pan.get();
        let (w, h) = (w / z, h / z);
        (cx + px - w / 2.0, cy + py - h / 2.0, w, h)
    });
    let wrap = NodeRef::<html::Div>::new();
    // Map units per screen pixel, for turning pointer moves into map moves.
    let scale = move || {
        let (_, _, w, h) = view_box.get_untracked();
        wrap.get_untracked()
            .map(|el| {
                let (cw, ch) = (f64::from(el.client_width()), f64::from(el.client_height()));
                if cw > 0.0 && ch > 0.0 {
                    (w / cw).max(h / ch)
                } else {
                    1.0
                }
            })
            .unwrap_or(1.0)
    };
    let zoom_by = move |f: f64| zoom.update(|z| *z = (*z * f).clamp(0.25, 8.0));
    let pan_by = move |dx: f64, dy: f64| {
        let (_, _, w, h) = view_box.get_untracked();
        pan.update(|p| *p = (p.0 + dx * w, p.1 + dy * h));
    };

    let pan_start = StoredValue::new(None::<PanStart>);
    let on_bg_down = move |ev: leptos::ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if let Some(el) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
        pan_start.set_value(Some(PanStart {
            x0: ev.client_x(),
            y0: ev.client_y(),
            pan0: pan.get_untracked(),
            scale: scale(),
        }));
    };
    let on_bg_move = move |ev: leptos::ev::PointerEvent| {
        if let Some(s) = pan_start.get_value() {
            let dx = f64::from(ev.client_x() - s.x0) * s.scale;
            let dy = f64::from(ev.client_y() - s.y0) * s.scale;
            pan.set((s.pan0.0 - dx, s.pan0.1 - dy));
        }
    };
    let on_bg_up = move |_| pan_start.set_value(None);
    let on_wheel = move |ev: leptos::ev::WheelEvent| {
        ev.prevent_default();
        zoom_by(if ev.delta_y() < 0.0 { 1.2 } else { 1.0 / 1.2 });
    };

    let select = move |e: Endpoint| {
        selected.set(Some(e));
        ctx.focus_form.set(true);
        ctx.editing.set(e.actor());
    };
    let drag_start = StoredValue::new(None::<DragStart>);
    let suppress_click = StoredValue::new(false);
    let draggable = move |e: Endpoint| !(e == Endpoint::Me && me_centre.get_untracked());
    let store_position = move |e: Endpoint, p: Position| {
        app.update(|d| {
            d.network.set_position(e, Some(p));
        });
    };

    let node_view = move |n: NodeInfo| {
        let e = n.e;
        let pos = state.position(e);
        let transform = move || {
            let p = pos.get();
            format!("translate({:.1} {:.1})", p.x, p.y)
        };
        let label = match n.kind {
            Some(k) => format!("{}, {}", n.name, k.label(lang)),
            None => me_long().to_string(),
        };
        let on_down = move |ev: leptos::ev::PointerEvent| {
            if ev.button() != 0 {
                return;
            }
            ev.stop_propagation();
            if !draggable(e) {
                return;
            }
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
            drag_start.set_value(Some(DragStart {
                e,
                x0: ev.client_x(),
                y0: ev.client_y(),
                p0: pos.get_untracked(),
                scale: scale(),
                moved: false,
            }));
        };
        let on_move = move |ev: leptos::ev::PointerEvent| {
            let Some(mut s) = drag_start.get_value().filter(|s| s.e == e) else {
                return;
            };
            let dx = f64::from(ev.client_x() - s.x0);
            let dy = f64::from(ev.client_y() - s.y0);
            if !s.moved && dx.abs() + dy.abs() < 4.0 {
                return;
            }
            if !s.moved {
                s.moved = true;
                drag_start.set_value(Some(s));
            }
            state.set_drag(Some((
                e,
                Position::new(s.p0.x + dx * s.scale, s.p0.y + dy * s.scale),
            )));
        };
        let on_up = move |_: leptos::ev::PointerEvent| {
            let Some(s) = drag_start.get_value().filter(|s| s.e == e) else {
                return;
            };
            drag_start.set_value(None);
            if s.moved {
                if let Some((_, p)) = state.dragged() {
                    store_position(e, p);
                }
                suppress_click.set_value(true);
            }
            state.set_drag(None);
        };
        let on_cancel = move |_: leptos::ev::PointerEvent| {
            drag_start.set_value(None);
            state.set_drag(None);
        };
        let on_click = move |_| {
            if suppress_click.get_value() {
                suppress_click.set_value(false);
                return;
            }
            select(e);
        };
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            let step = 20.0;
            let delta = match ev.key().as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    select(e);
                    return;
                }
                "ArrowLeft" => (-step, 0.0),
                "ArrowRight" => (step, 0.0),
                "ArrowUp" => (0.0, -step),
                "ArrowDown" => (0.0, step),
                _ => return,
            };
            if draggable(e) {
                ev.prevent_default();
                let p = pos.get_untracked();
                store_position(e, Position::new(p.x + delta.0, p.y + delta.1));
            }
        };
        let is_selected = move || selected.get() == Some(e);
        view! {
            <g class="net-node" class:selected=is_selected transform=transform tabindex="0" role="button"
                aria-label=label aria-pressed=move || is_selected().to_string()
                data-node=match e { Endpoint::Me => "ik".to_string(), Endpoint::Actor(id) => id.to_string() }
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_cancel
                on:click=on_click on:keydown=on_key>
                <path class="net-node-shape" d=shape(n.kind) fill=colour(n.kind)/>
                <text class="net-node-label" y="32" text-anchor="middle">{n.name.clone()}</text>
            </g>
        }
    };

    let tie_view = move |t: TieInfo| {
        let pa = state.position(t.a);
        let pb = state.position(t.b);
        let ends = Memo::new(move |_| {
            let (a, b) = (pa.get(), pb.get());
            if t.direction == Direction::OneWay {
                // Stop short of the target, so the arrow head shows outside its shape.
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                let len = (dx * dx + dy * dy).sqrt().max(1.0);
                let back = 22.0_f64.min(len / 2.0);
                (a.x, a.y, b.x - dx / len * back, b.y - dy / len * back)
            } else {
                (a.x, a.y, b.x, b.y)
            }
        });
        view! {
            <line class="net-tie" x1=move || ends.get().0 y1=move || ends.get().1
                x2=move || ends.get().2 y2=move || ends.get().3
                stroke=tie_colour(t.kind) stroke-width=width(t.strength) stroke-dasharray=dashes(t.kind)
                stroke-linecap="round"
                marker-end=(t.direction == Direction::OneWay).then_some("url(#net-arrow)")/>
        }
    };

    let navigate = use_navigate();
    let on_case = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let case = value.parse::<Id>().ok();
        navigate(&page_url("kaart", case), Default::default());
    };
    let choices = Memo::new(move |_| net.with(actor_choices));
    let kind_boxes = ActorKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=move || filter_kinds.with(|f| f.shows_kind(k))
                        on:change=move |_| filter_kinds.update(|f| f.toggle_kind(k))/>
                    <svg class="net-legend-shape" viewBox="-20 -20 40 40" aria-hidden="true">
                        <path d=shape(Some(k)) fill=colour(Some(k))/>
                    </svg>
                    {k.label(lang)}
                </label>
            }
        })
        .collect_view();
    let summary = move || {
        let (a, t) = (
            nodes.with(|n| n.iter().filter(|n| n.kind.is_some()).count()),
            ties.with(Vec::len),
        );
        match lang {
            Lang::Nl => format!("Netwerkkaart met {a} actoren en {t} relaties"),
            Lang::En => format!(
                "Network map with {} and {}",
                lang.count(a, "actor", "actors"),
                lang.count(t, "tie", "ties")
            ),
        }
    };

    view! {
        <section aria-labelledby="map-title" class="net-section">
            <h2 id="map-title">{t("Kaart", "Map")}</h2>
            <Show when=move || net.with(|n| n.actors.is_empty())>
                <p class="empty-state">{t(
                    "Er staan nog geen actoren op de kaart. Voeg ze toe in de tabel, of lees een CSV-bestand in.",
                    "There are no actors on the map yet. Add them in the table, or import a CSV file.",
                )}</p>
            </Show>
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
                    <input type="checkbox" prop:checked=me_centre on:change=move |ev| me_centre.set(event_target_checked(&ev))/>
                    {t("Zet mij (ik) in het midden", "Put me at the centre")}
                </label>
            </div>
            <div class="net-map-layout">
                <div class="net-map-col">
                    <div class="net-map-controls" role="group" aria-label=t("Zoomen en verschuiven", "Zoom and pan")>
                        <button type="button" class="secondary" aria-label=t("Inzoomen", "Zoom in") on:click=move |_| zoom_by(1.25)>"+"</button>
                        <button type="button" class="secondary" aria-label=t("Uitzoomen", "Zoom out") on:click=move |_| zoom_by(0.8)>"−"</button>
                        <button type="button" class="secondary" aria-label=t("Naar links schuiven", "Pan left") on:click=move |_| pan_by(-0.2, 0.0)>"←"</button>
                        <button type="button" class="secondary" aria-label=t("Naar rechts schuiven", "Pan right") on:click=move |_| pan_by(0.2, 0.0)>"→"</button>
                        <button type="button" class="secondary" aria-label=t("Omhoog schuiven", "Pan up") on:click=move |_| pan_by(0.0, -0.2)>"↑"</button>
                        <button type="button" class="secondary" aria-label=t("Omlaag schuiven", "Pan down") on:click=move |_| pan_by(0.0, 0.2)>"↓"</button>
                        <button type="button" class="secondary" on:click=move |_| { zoom.set(1.0); pan.set((0.0, 0.0)); }>{t("Alles tonen", "Show all")}</button>
                        <button type="button" class="secondary" on:click=move |_| {
                            app.update(|d| d.network.clear_positions());
                            ctx.status.set(t("Alle actoren zijn opnieuw geplaatst.", "All actors have been placed again.").into());
                        }>{t("Opnieuw plaatsen", "Place again")}</button>
                    </div>
                    <div class="net-map" node_ref=wrap>
                        <svg data-testid="network-map" role="group" aria-label=summary
                            viewBox=move || { let (x, y, w, h) = view_box.get(); format!("{x:.1} {y:.1} {w:.1} {h:.1}") }
                            preserveAspectRatio="xMidYMid meet"
                            on:pointerdown=on_bg_down on:pointermove=on_bg_move on:pointerup=on_bg_up
                            on:pointercancel=move |_| pan_start.set_value(None) on:wheel=on_wheel>
                            <defs>
                                <marker id="net-arrow" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                                    <path d="M0,0 L10,5 L0,10 Z" fill="#4d5660"/>
                                </marker>
                            </defs>
                            <g class="net-ties" aria-hidden="true">
                                <For each=move || ties.get() key=|t| t.clone() let:t>
                                    {tie_view(t)}
                                </For>
                            </g>
                            <g class="net-nodes">
                                <For each=move || nodes.get() key=|n| n.clone() let:n>
                                    {node_view(n)}
                                </For>
                            </g>
                        </svg>
                    </div>
                    <p class="muted net-hint">
                        {t(
                            "Sleep een actor om hem te verplaatsen (of gebruik de pijltjestoetsen als hij de focus heeft); de plek wordt bewaard. \
                             Klik of druk op Enter om een actor te bewerken. Scroll of gebruik + en − om te zoomen; sleep de achtergrond om te verschuiven.",
                            "Drag an actor to move it (or use the arrow keys when it has focus); its place is kept. \
                             Click or press Enter to edit an actor. Scroll or use + and − to zoom; drag the background to pan.",
                        )}
                    </p>
                </div>
                <aside class="net-side" aria-label=t("Geselecteerd", "Selected")>
                    {move || match selected.get() {
                        Some(Endpoint::Actor(_)) if ctx.editing.get().is_some() => {
                            let editing = ctx.editing.get();
                            view! { <ActorForm editing=editing/> }.into_any()
                        }
                        Some(Endpoint::Me) => view! {
                            <div class="card"><h3>{Endpoint::me_label(lang)}</h3><p>{t("Dit ben jij. Je relaties voeg je toe in de tabel.", "This is you. Add your ties in the table.")}</p></div>
                        }.into_any(),
                        _ => view! { <p class="muted">{t("Kies een actor op de kaart om die te bewerken.", "Choose an actor on the map to edit it.")}</p> }.into_any(),
                    }}
                    <Legend/>
                </aside>
            </div>
        </section>
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
