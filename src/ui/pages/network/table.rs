//! The table view: every actor and tie, with everything the map can do, by keyboard.

use leptos::prelude::*;

use super::forms::{ActorForm, ConfirmDeletion, Deletion, TieForm};
use super::use_net;
use crate::model::network::rows::{actor_rows, tie_rows, ActorRow, TieRow};
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;

#[component]
pub(super) fn TableView() -> impl IntoView {
    let doc = use_doc();
    let ctx = use_net();
    let lang = lang();
    let rows = Memo::new(move |_| ctx.network.with(actor_rows));
    let ties = Memo::new(move |_| ctx.network.with(|n| tie_rows(n, lang)));
    let pending = RwSignal::new(None::<Deletion>);
    let editing_tie = kept("table:editing-tie", || None);
    let ask_actor = move |row: &ActorRow| {
        let id = row.actor.id;
        let name = row.actor.name.clone();
        // The count comes from doing it on a copy, so it is exactly what will go.
        let impact = doc.with_untracked(|d| d.clone().remove_actor(id));
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
            <h2 id="actors-title">{t("Actoren", "Actors")}</h2>
            <ConfirmDeletion pending=pending/>
            <Show when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty-state">{t(
                    "Er staan nog geen actoren op de kaart. Voeg er hieronder een toe, of lees een CSV-bestand in.",
                    "There are no actors on the map yet. Add one below, or import a CSV file.",
                )}</p> }>
                <div class="net-table-wrap">
                    <table class="net-table" data-testid="actors-table">
                        <caption class="visually-hidden">{t("Actoren op de netwerkkaart", "Actors on the network map")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("Naam", "Name")}</th>
                                <th scope="col">{t("Soort", "Kind")}</th>
                                <th scope="col">{t("Organisatie", "Organisation")}</th>
                                <th scope="col">{t("Rol", "Role")}</th>
                                <th scope="col">{t("Invloed", "Influence")}</th>
                                <th scope="col">{t("Belang", "Interest")}</th>
                                <th scope="col">{t("Houding", "Attitude")}</th>
                                <th scope="col">{t("Verstandhouding", "Working relationship")}</th>
                                <th scope="col">{t("Laatste contact", "Last contact")}</th>
                                <th scope="col"><abbr title=t("aantal relaties", "number of ties")>{t("Relaties", "Ties")}</abbr></th>
                                <th scope="col"><abbr title=t(
                                    "betweenness: hoe vaak deze actor op de kortste weg tussen anderen ligt (0–1)",
                                    "how often this actor lies on the shortest path between others (0–1)",
                                )>{t("Tussenpositie", "Betweenness")}</abbr></th>
                                <th scope="col">{t("Acties", "Actions")}</th>
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
                                            <td>{row.actor.kind.label(lang)}</td>
                                            <td>{row.actor.organisation.clone()}</td>
                                            <td>{row.actor.role.clone()}</td>
                                            <td>{row.actor.influence}</td>
                                            <td>{row.actor.interest}</td>
                                            <td>{row.actor.attitude.label(lang)}</td>
                                            <td>{row.actor.rapport.label(lang)}</td>
                                            <td>{row.actor.last_contact.map(|d| lang.short_date(d)).unwrap_or_else(|| "—".into())}</td>
                                            <td>{row.degree}</td>
                                            <td>{lang.decimal(row.betweenness, 2)}</td>
                                            <td class="net-actions">
                                                <button type="button" class="secondary"
                                                    aria-label=format!("{}: {name}", t("Bewerken", "Edit"))
                                                    on:click=move |_| {
                                                        ctx.focus_form.set(true);
                                                        ctx.editing.set(Some(id));
                                                    }>{t("Bewerken", "Edit")}</button>
                                                <button type="button" class="secondary"
                                                    aria-label=format!("{}: {name}", t("Verwijderen", "Delete"))
                                                    on:click=move |_| ask_actor(&for_delete)>{t("Verwijderen", "Delete")}</button>
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
            <h2 id="ties-title">{t("Relaties", "Ties")}</h2>
            <Show when=move || ties.with(|list| !list.is_empty())
                fallback=|| view! { <p class="empty-state">{t(
                    "Er zijn nog geen relaties. Verbind hieronder twee actoren, of een actor met jezelf (ik).",
                    "There are no ties yet. Connect two actors below, or an actor with yourself (me).",
                )}</p> }>
                <div class="net-table-wrap">
                    <table class="net-table" data-testid="ties-table">
                        <caption class="visually-hidden">{t("Relaties op de netwerkkaart", "Ties on the network map")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t("Van", "From")}</th>
                                <th scope="col">{t("Naar", "To")}</th>
                                <th scope="col">{t("Soort", "Kind")}</th>
                                <th scope="col">{t("Sterkte", "Strength")}</th>
                                <th scope="col">{t("Richting", "Direction")}</th>
                                <th scope="col">{t("Notitie", "Note")}</th>
                                <th scope="col">{t("Acties", "Actions")}</th>
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
    let lang = lang();
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
            <td>{row.tie.kind.label(lang)}</td>
            <td>{row.tie.strength.label(lang)}</td>
            <td><span aria-hidden="true">{arrow}" "</span>{row.tie.direction.label(lang)}</td>
            <td>{row.tie.note.clone()}</td>
            <td class="net-actions">
                <button type="button" class="secondary" aria-label=t(
                        format!("Bewerken: relatie {label}"),
                        format!("Edit: tie {label}"),
                    )
                    on:click=move |_| editing.set(Some(id))>{t("Bewerken", "Edit")}</button>
                <button type="button" class="secondary" aria-label=t(
                        format!("Verwijderen: relatie {label}"),
                        format!("Delete: tie {label}"),
                    )
                    on:click=move |_| pending.set(Some(Deletion::Tie { id, label: for_delete.clone() }))>{t("Verwijderen", "Delete")}</button>
            </td>
        </tr>
    }
}
