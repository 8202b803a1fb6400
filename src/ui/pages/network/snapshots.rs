//! Snapshots: dated copies of the map, and what changed between two of them or since one.

use leptos::prelude::*;

use super::forms::{ConfirmDeletion, Deletion};
use super::use_net;
use crate::model::id::new_id;
use crate::model::network::snapshot::{compare, Snapshot, Taken};
use crate::model::network::{Actor, Endpoint, Network, Tie};
use crate::model::validation::limits;
use crate::model::{Id, Lang};
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time;

fn tie_label(tie: &Tie, actors: &[Actor], lang: Lang) -> String {
    let name = |e: Endpoint| match e {
        Endpoint::Me => Endpoint::me_label(lang).to_string(),
        Endpoint::Actor(id) => actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "?".into()),
    };
    format!("{} – {}", name(tie.a), name(tie.b))
}

fn rename_button_id(id: Id) -> String {
    format!("snapshot-rename-button-{id}")
}

/// "Nulmeting (2 maart 2026, 14:05)": the label and the local moment it was taken, with
/// its seconds when another of the same name was taken in that minute.
fn snapshot_title(s: &Snapshot, net: &Network) -> String {
    let date = if net.snapshot_needs_seconds(s) {
        time::moment_precise(s.taken)
    } else {
        time::moment(s.taken)
    };
    if s.label.is_empty() {
        date
    } else {
        format!("{} ({date})", s.label)
    }
}

#[component]
pub(super) fn SnapshotsView() -> impl IntoView {
    let doc = use_doc();
    let ctx = use_net();
    let lang = lang();
    let label = kept("snapshot:new:label", String::new);
    let pending = RwSignal::new(None::<Deletion>);
    // The snapshot whose name is being changed, and the name as typed.
    let renaming = kept("snapshot:renaming", || None::<Id>);
    let new_label = kept("snapshot:renaming:label", String::new);
    let list = Memo::new(move |_| {
        ctx.network.with(|n| {
            n.snapshots
                .iter()
                .rev()
                .map(|s| {
                    (
                        s.id,
                        snapshot_title(s, n),
                        s.label.clone(),
                        s.actors.len(),
                        s.ties.len(),
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let error = RwSignal::new(None::<String>);
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = label.get_untracked();
        let mut outcome = None;
        doc.update(|d| {
            let taken = match d.network.take_snapshot(new_id(), time::now(), &text) {
                Ok(Taken::New(s)) => Ok((true, s.id)),
                Ok(Taken::Already(s)) => Ok((false, s.id)),
                Err(e) => Err(e.message(lang)),
            };
            // Titled once it stands among the others (its seconds, if a twin name).
            outcome = Some(taken.map(|(new, id)| {
                let title = d
                    .network
                    .snapshot(id)
                    .map(|s| snapshot_title(s, &d.network));
                (new, title.unwrap_or_default())
            }));
        });
        match outcome {
            Some(Ok((true, title))) => {
                error.set(None);
                label.set(String::new());
                ctx.status.set(t(
                    format!("Momentopname {title} gemaakt."),
                    format!("Snapshot {title} taken."),
                ));
            }
            // A double click, or a second press on an unchanged map: what was typed stays.
            Some(Ok((false, title))) => {
                error.set(None);
                ctx.status.set(t(
                    format!("De kaart is niet veranderd sinds momentopname {title}, van minder dan een minuut geleden: er is geen nieuwe gemaakt."),
                    format!("The map has not changed since snapshot {title}, taken less than a minute ago: no new one was taken."),
                ));
            }
            Some(Err(message)) => {
                ctx.status.set(String::new());
                error.set(Some(message));
            }
            None => {}
        }
    };
    // Back to the snapshot's own "Naam wijzigen" button, so the keyboard keeps its place.
    let stop_renaming = move |id: Id| {
        renaming.set(None);
        focus_soon(vec![Place::Id(rename_button_id(id))]);
    };
    let rename = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(id) = renaming.get_untracked() else {
            return;
        };
        let text = new_label.get_untracked();
        let mut title = None;
        doc.update(|d| {
            if d.network.rename_snapshot(id, &text) {
                title = d
                    .network
                    .snapshot(id)
                    .map(|s| snapshot_title(s, &d.network));
            }
        });
        stop_renaming(id);
        if let Some(title) = title {
            ctx.status.set(t(
                format!("De momentopname heet nu {title}."),
                format!("The snapshot is now called {title}."),
            ));
        }
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
                None => Snapshot::of(n, Id::nil(), time::now(), "nu"),
            };
            let d = compare(&before, &after);
            let mut lines: Vec<(&'static str, String)> = Vec::new();
            for a in &d.actors_added {
                lines.push((t("Actor erbij", "Actor added"), a.name.clone()));
            }
            for a in &d.actors_removed {
                lines.push((t("Actor weg", "Actor removed"), a.name.clone()));
            }
            for c in &d.actors_changed {
                let fields: Vec<_> = c.fields.iter().map(|f| f.label(lang)).collect();
                lines.push((
                    t("Actor gewijzigd", "Actor changed"),
                    format!("{}: {}", c.after.name, fields.join(", ")),
                ));
            }
            for tie in &d.ties_added {
                lines.push((
                    t("Relatie erbij", "Tie added"),
                    tie_label(tie, &after.actors, lang),
                ));
            }
            for tie in &d.ties_removed {
                lines.push((
                    t("Relatie weg", "Tie removed"),
                    tie_label(tie, &before.actors, lang),
                ));
            }
            for c in &d.ties_changed {
                let fields: Vec<_> = c.fields.iter().map(|f| f.label(lang)).collect();
                lines.push((
                    t("Relatie gewijzigd", "Tie changed"),
                    format!(
                        "{}: {}",
                        tie_label(&c.after, &after.actors, lang),
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
            <h2 id="snapshots-title">{t("Momentopnamen", "Snapshots")}</h2>
            <p>{t(
                "Leg je kaart vast op een moment, bijvoorbeeld bij de start van de leergang, en vergelijk later wat er veranderd is.",
                "Capture your map at a moment, for example at the start of the course, and compare later what has changed.",
            )}</p>
            <form class="card form" on:submit=take novalidate>
                <div class="field">
                    <label for="snapshot-label">{t("Naam van de momentopname (mag leeg)", "Name of the snapshot (optional)")}</label>
                    <input id="snapshot-label" type="text" maxlength=limits::LINE.to_string() prop:value=label
                        on:input=move |ev| label.set(event_target_value(&ev))/>
                </div>
                {move || error.get().map(|e| view! { <p id="snapshot-error" class="notice error" role="alert">{e}</p> })}
                <button type="submit" class="primary">{t("Momentopname maken", "Take snapshot")}</button>
            </form>
            <ConfirmDeletion pending=pending/>
            <Show when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <p class="empty-state">{t("Nog geen momentopnamen.", "No snapshots yet.")}</p> }>
                <h3>{t("Gemaakt", "Taken")}</h3>
                <ul class="net-snapshots" data-testid="snapshots">
                    <For each=move || list.get() key=|s| s.clone() let:s>
                        {
                            let (id, title, current) = (s.0, s.1.clone(), s.2.clone());
                            let for_delete = title.clone();
                            let counts = t(
                                format!(
                                    "{title}: {}, {} ",
                                    lang.count(s.3, "actor", "actoren"),
                                    lang.count(s.4, "relatie", "relaties")
                                ),
                                format!(
                                    "{title}: {}, {} ",
                                    lang.count(s.3, "actor", "actors"),
                                    lang.count(s.4, "tie", "ties")
                                ),
                            );
                            let rename_label = t(
                                format!("Naam wijzigen: momentopname {title}"),
                                format!("Rename: snapshot {title}"),
                            );
                            let delete_label = t(
                                format!("Verwijderen: momentopname {title}"),
                                format!("Delete: snapshot {title}"),
                            );
                            let field_label = t(
                                format!("Nieuwe naam voor momentopname {title}"),
                                format!("New name for snapshot {title}"),
                            );
                            let field_id = format!("snapshot-rename-{id}");
                            let editing = move || renaming.get() == Some(id);
                            view! {
                                <li>
                                    <Show when=editing
                                        fallback=move || {
                                            let current = current.clone();
                                            let for_delete = for_delete.clone();
                                            view! {
                                                {counts.clone()}
                                                <button type="button" class="secondary" id=rename_button_id(id) aria-label=rename_label.clone()
                                                    on:click=move |_| { new_label.set(current.clone()); renaming.set(Some(id)); }>
                                                    {t("Naam wijzigen", "Rename")}
                                                </button>
                                                " "
                                                <button type="button" class="secondary" aria-label=delete_label.clone()
                                                    on:click=move |_| pending.set(Some(Deletion::Snapshot { id, label: for_delete.clone() }))>
                                                    {t("Verwijderen", "Delete")}
                                                </button>
                                            }
                                        }>
                                        <RenameForm field_id=field_id.clone() label=field_label.clone()
                                            value=new_label on_submit=rename on_cancel=move || stop_renaming(id)/>
                                    </Show>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <h3>{t("Vergelijken", "Compare")}</h3>
                <div class="net-form-row">
                    <div class="field">
                        <label for="compare-older">{t("Van", "From")}</label>
                        <select id="compare-older" on:change=move |ev| older.set(event_target_value(&ev).parse().ok())>
                            <option value="" prop:selected=move || older.get().is_none()>{t("— kies —", "— choose —")}</option>
                            {snapshot_options(older)}
                        </select>
                    </div>
                    <div class="field">
                        <label for="compare-newer">{t("Met", "With")}</label>
                        <select id="compare-newer" on:change=move |ev| newer.set(event_target_value(&ev).parse().ok())>
                            <option value="" prop:selected=move || newer.get().is_none()>{t("de kaart van nu", "the map as it is now")}</option>
                            {snapshot_options(newer)}
                        </select>
                    </div>
                </div>
                <div aria-live="polite" data-testid="snapshot-diff">
                    {move || diff.get().map(|lines| {
                        if lines.is_empty() {
                            view! { <p>{t("Geen verschillen.", "No differences.")}</p> }.into_any()
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

/// Changing a snapshot's name: the field takes the focus, Enter saves, Escape or the
/// button cancels; an empty name leaves only the date.
#[component]
fn RenameForm(
    field_id: String,
    label: String,
    value: RwSignal<String>,
    on_submit: impl Fn(leptos::ev::SubmitEvent) + 'static,
    on_cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = field.get() {
            let _ = el.focus();
        }
    });
    view! {
        <form class="net-rename" on:submit=on_submit novalidate>
            <label for=field_id.clone()>{label}</label>
            <input id=field_id type="text" maxlength=limits::LINE.to_string() node_ref=field prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { on_cancel() }/>
            " "
            <button type="submit" class="primary">{t("Opslaan", "Save")}</button>
            " "
            <button type="button" class="secondary" on:click=move |_| on_cancel()>{t("Annuleren", "Cancel")}</button>
        </form>
    }
}
