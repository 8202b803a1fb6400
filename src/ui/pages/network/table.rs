//! The table view: every actor and tie, with everything the map can do, by keyboard.

use leptos::prelude::*;

use super::forms::{ActorForm, ConfirmDeletion, Deletion, TieForm};
use super::use_net;
use crate::model::network::rows::{actor_rows, tie_rows, ActorRow, TieRow};
use crate::ui::state::use_app;

#[component]
pub(super) fn TableView() -> impl IntoView {
    let app = use_app();
    let ctx = use_net();
    let rows = Memo::new(move |_| ctx.network.with(actor_rows));
    let ties = Memo::new(move |_| ctx.network.with(tie_rows));
    let pending = RwSignal::new(None::<Deletion>);
    let editing_tie = RwSignal::new(None);
    let ask_actor = move |row: &ActorRow| {
        let id = row.actor.id;
        let name = row.actor.name.clone();
        // The count comes from doing it on a copy, so it is exactly what will go.
        let impact = app
            .doc
            .with_untracked(|d| d.as_ref().and_then(|d| d.clone().remove_actor(id)));
        if let Some((ties, cases)) = impact {
            pending.set(Some(Deletion::Actor {
                id,
                name,
                ties,
                cases,
            }));
        }
    };
    view! {
        <section aria-labelledby="actors-title" class="net-section">
            <h2 id="actors-title">"Actoren"</h2>
            <ConfirmDeletion pending=pending/>
            <Show when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty-state">"Er staan nog geen actoren op de kaart. Voeg er hieronder een toe, of lees een CSV-bestand in."</p> }>
                <div class="net-table-wrap">
                    <table class="net-table" data-testid="actors-table">
                        <caption class="visually-hidden">"Actoren op de netwerkkaart"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Naam"</th>
                                <th scope="col">"Soort"</th>
                                <th scope="col">"Organisatie"</th>
                                <th scope="col">"Rol"</th>
                                <th scope="col">"Invloed"</th>
                                <th scope="col">"Belang"</th>
                                <th scope="col">"Houding"</th>
                                <th scope="col">"Verstandhouding"</th>
                                <th scope="col">"Laatste contact"</th>
                                <th scope="col"><abbr title="aantal relaties">"Relaties"</abbr></th>
                                <th scope="col"><abbr title="betweenness: hoe vaak deze actor op de kortste weg tussen anderen ligt (0–1)">"Tussenpositie"</abbr></th>
                                <th scope="col">"Acties"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| format!("{r:?}") let:row>
                                {
                                    let name = row.actor.name.clone();
                                    let id = row.actor.id;
                                    let for_delete = row.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{row.actor.name.clone()}</th>
                                            <td>{row.actor.kind.label_nl()}</td>
                                            <td>{row.actor.organisation.clone()}</td>
                                            <td>{row.actor.role.clone()}</td>
                                            <td>{row.actor.influence}</td>
                                            <td>{row.actor.interest}</td>
                                            <td>{row.actor.attitude.label_nl()}</td>
                                            <td>{row.actor.rapport.label_nl()}</td>
                                            <td>{row.actor.last_contact.map(|d| d.format("%d-%m-%Y").to_string()).unwrap_or_else(|| "—".into())}</td>
                                            <td>{row.degree}</td>
                                            <td>{format!("{:.2}", row.betweenness)}</td>
                                            <td class="net-actions">
                                                <button type="button" class="secondary"
                                                    aria-label=format!("Bewerken: {name}")
                                                    on:click=move |_| {
                                                        ctx.focus_form.set(true);
                                                        ctx.editing.set(Some(id));
                                                    }>"Bewerken"</button>
                                                <button type="button" class="secondary"
                                                    aria-label=format!("Verwijderen: {name}")
                                                    on:click=move |_| ask_actor(&for_delete)>"Verwijderen"</button>
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || {
                let editing = ctx.editing.get();
                view! { <ActorForm editing=editing/> }
            }}
        </section>
        <section aria-labelledby="ties-title" class="net-section">
            <h2 id="ties-title">"Relaties"</h2>
            <Show when=move || ties.with(|t| !t.is_empty())
                fallback=|| view! { <p class="empty-state">"Er zijn nog geen relaties. Verbind hieronder twee actoren, of een actor met jezelf (ik)."</p> }>
                <div class="net-table-wrap">
                    <table class="net-table" data-testid="ties-table">
                        <caption class="visually-hidden">"Relaties op de netwerkkaart"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Van"</th>
                                <th scope="col">"Naar"</th>
                                <th scope="col">"Soort"</th>
                                <th scope="col">"Sterkte"</th>
                                <th scope="col">"Richting"</th>
                                <th scope="col">"Notitie"</th>
                                <th scope="col">"Acties"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || ties.get() key=|r| format!("{r:?}") let:row>
                                <TieRowView row=row pending=pending editing=editing_tie/>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
            {move || {
                let editing = editing_tie.get();
                view! { <TieForm editing=editing editing_signal=editing_tie/> }
            }}
        </section>
    }
}

#[component]
fn TieRowView(
    row: TieRow,
    pending: RwSignal<Option<Deletion>>,
    editing: RwSignal<Option<crate::model::Id>>,
) -> impl IntoView {
    let label = format!("{} – {}", row.from, row.to);
    let id = row.tie.id;
    let for_delete = label.clone();
    let arrow = if row.tie.source().is_some() {
        "→"
    } else {
        "↔"
    };
    view! {
        <tr>
            <td>{row.from.clone()}</td>
            <td>{row.to.clone()}</td>
            <td>{row.tie.kind.label_nl()}</td>
            <td>{row.tie.strength.label_nl()}</td>
            <td><span aria-hidden="true">{arrow}" "</span>{row.tie.direction.label_nl()}</td>
            <td>{row.tie.note.clone()}</td>
            <td class="net-actions">
                <button type="button" class="secondary" aria-label=format!("Bewerken: relatie {label}")
                    on:click=move |_| editing.set(Some(id))>"Bewerken"</button>
                <button type="button" class="secondary" aria-label=format!("Verwijderen: relatie {label}")
                    on:click=move |_| pending.set(Some(Deletion::Tie { id, label: for_delete.clone() }))>"Verwijderen"</button>
            </td>
        </tr>
    }
}
