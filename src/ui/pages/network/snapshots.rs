//! Snapshots: dated copies of the map, and what changed between two of them or since one.

use leptos::prelude::*;

use super::forms::{ConfirmDeletion, Deletion};
use super::use_net;
use crate::model::id::new_id;
use crate::model::network::snapshot::{compare, Snapshot};
use crate::model::network::{Actor, Endpoint, Tie};
use crate::model::Id;
use crate::ui::state::use_app;

fn tie_label(tie: &Tie, actors: &[Actor]) -> String {
    let name = |e: Endpoint| match e {
        Endpoint::Me => Endpoint::ME_LABEL_NL.to_string(),
        Endpoint::Actor(id) => actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "?".into()),
    };
    format!("{} – {}", name(tie.a), name(tie.b))
}

fn snapshot_title(s: &Snapshot) -> String {
    let date = s.taken.format("%d-%m-%Y %H:%M").to_string();
    if s.label.is_empty() {
        date
    } else {
        format!("{} ({date})", s.label)
    }
}

#[component]
pub(super) fn SnapshotsView() -> impl IntoView {
    let app = use_app();
    let ctx = use_net();
    let label = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<Deletion>);
    let list = Memo::new(move |_| {
        ctx.network.with(|n| {
            n.snapshots
                .iter()
                .rev()
                .map(|s| (s.id, snapshot_title(s), s.actors.len(), s.ties.len()))
                .collect::<Vec<_>>()
        })
    });
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = label.get_untracked();
        let mut title = String::new();
        app.update(|d| {
            title = snapshot_title(d.network.take_snapshot(new_id(), chrono::Utc::now(), &text));
        });
        label.set(String::new());
        ctx.status.set(format!("Momentopname {title} gemaakt."));
    };
    // None stands for the map as it is now.
    let older = RwSignal::new(None::<Id>);
    let newer = RwSignal::new(None::<Id>);
    let diff = Memo::new(move |_| {
        let (a, b) = (older.get()?, newer.get());
        ctx.network.with(|n| {
            let before = n.snapshot(a)?.clone();
            let after = match b {
                Some(b) => n.snapshot(b)?.clone(),
                None => Snapshot::of(n, Id::nil(), chrono::Utc::now(), "nu"),
            };
            let d = compare(&before, &after);
            let mut lines: Vec<(&'static str, String)> = Vec::new();
            for a in &d.actors_added {
                lines.push(("Actor erbij", a.name.clone()));
            }
            for a in &d.actors_removed {
                lines.push(("Actor weg", a.name.clone()));
            }
            for c in &d.actors_changed {
                let fields: Vec<_> = c.fields.iter().map(|f| f.label_nl()).collect();
                lines.push((
                    "Actor gewijzigd",
                    format!("{}: {}", c.after.name, fields.join(", ")),
                ));
            }
            for t in &d.ties_added {
                lines.push(("Relatie erbij", tie_label(t, &after.actors)));
            }
            for t in &d.ties_removed {
                lines.push(("Relatie weg", tie_label(t, &before.actors)));
            }
            for c in &d.ties_changed {
                let fields: Vec<_> = c.fields.iter().map(|f| f.label_nl()).collect();
                lines.push((
                    "Relatie gewijzigd",
                    format!(
                        "{}: {}",
                        tie_label(&c.after, &after.actors),
                        fields.join(", ")
                    ),
                ));
            }
            Some(lines)
        })
    });
    let snapshot_options = move |target: RwSignal<Option<Id>>| {
        view! {
            <For each=move || list.get() key=|s| s.clone() let:s>
                {
                    let id = s.0;
                    view! { <option value=id.to_string() prop:selected=move || target.get() == Some(id)>{s.1}</option> }
                }
            </For>
        }
    };
    view! {
        <section aria-labelledby="snapshots-title" class="net-section">
            <h2 id="snapshots-title">"Momentopnamen"</h2>
            <p>"Leg je kaart vast op een moment, bijvoorbeeld bij de start van de leergang, en vergelijk later wat er veranderd is."</p>
            <form class="card form" on:submit=take novalidate>
                <div class="field">
                    <label for="snapshot-label">"Naam van de momentopname (mag leeg)"</label>
                    <input id="snapshot-label" type="text" maxlength="200" prop:value=label
                        on:input=move |ev| label.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary">"Momentopname maken"</button>
            </form>
            <ConfirmDeletion pending=pending/>
            <Show when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <p class="empty-state">"Nog geen momentopnamen."</p> }>
                <h3>"Gemaakt"</h3>
                <ul class="net-snapshots" data-testid="snapshots">
                    <For each=move || list.get() key=|s| s.clone() let:s>
                        {
                            let (id, title) = (s.0, s.1.clone());
                            let for_delete = title.clone();
                            view! {
                                <li>
                                    {format!("{title}: {} actoren, {} relaties ", s.2, s.3)}
                                    <button type="button" class="secondary" aria-label=format!("Verwijderen: momentopname {title}")
                                        on:click=move |_| pending.set(Some(Deletion::Snapshot { id, label: for_delete.clone() }))>
                                        "Verwijderen"
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <h3>"Vergelijken"</h3>
                <div class="net-form-row">
                    <div class="field">
                        <label for="compare-older">"Van"</label>
                        <select id="compare-older" on:change=move |ev| older.set(event_target_value(&ev).parse().ok())>
                            <option value="" prop:selected=move || older.get().is_none()>"— kies —"</option>
                            {snapshot_options(older)}
                        </select>
                    </div>
                    <div class="field">
                        <label for="compare-newer">"Met"</label>
                        <select id="compare-newer" on:change=move |ev| newer.set(event_target_value(&ev).parse().ok())>
                            <option value="" prop:selected=move || newer.get().is_none()>"de kaart van nu"</option>
                            {snapshot_options(newer)}
                        </select>
                    </div>
                </div>
                <div aria-live="polite" data-testid="snapshot-diff">
                    {move || diff.get().map(|lines| {
                        if lines.is_empty() {
                            view! { <p>"Geen verschillen."</p> }.into_any()
                        } else {
                            view! {
                                <ul>
                                    {lines.into_iter().map(|(what, text)| view! { <li><strong>{what}": "</strong>{text}</li> }).collect_view()}
                                </ul>
                            }.into_any()
                        }
                    })}
                </div>
            </Show>
        </section>
    }
}
