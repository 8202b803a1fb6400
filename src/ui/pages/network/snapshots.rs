//! Snapshots: dated copies of the map, and what changed between two of them or since one.

use leptos::prelude::*;

use super::forms::{ConfirmDeletion, Deletion};
use super::use_net;
use crate::model::id::new_id;
use crate::model::network::snapshot::{compare, Snapshot};
use crate::model::network::{Actor, Endpoint, Tie};
use crate::model::{Id, Lang};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_app;

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

fn snapshot_title(s: &Snapshot, lang: Lang) -> String {
    let date = format!(
        "{} {}",
        lang.short_date(s.taken.date_naive()),
        s.taken.format("%H:%M")
    );
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
    let lang = lang();
    let label = RwSignal::new(String::new());
    let pending = RwSignal::new(None::<Deletion>);
    let list = Memo::new(move |_| {
        ctx.network.with(|n| {
            n.snapshots
                .iter()
                .rev()
                .map(|s| (s.id, snapshot_title(s, lang), s.actors.len(), s.ties.len()))
                .collect::<Vec<_>>()
        })
    });
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = label.get_untracked();
        let mut title = String::new();
        app.update(|d| {
            title = snapshot_title(
                d.network.take_snapshot(new_id(), chrono::Utc::now(), &text),
                lang,
            );
        });
        label.set(String::new());
        ctx.status.set(match lang {
            Lang::Nl => format!("Momentopname {title} gemaakt."),
            Lang::En => format!("Snapshot {title} taken."),
        });
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
            for t in &d.ties_added {
                lines.push((
                    lang.pick("Relatie erbij", "Tie added"),
                    tie_label(t, &after.actors, lang),
                ));
            }
            for t in &d.ties_removed {
                lines.push((
                    lang.pick("Relatie weg", "Tie removed"),
                    tie_label(t, &before.actors, lang),
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
                    <input id="snapshot-label" type="text" maxlength="200" prop:value=label
                        on:input=move |ev| label.set(event_target_value(&ev))/>
                </div>
                <button type="submit" class="primary">{t("Momentopname maken", "Take snapshot")}</button>
            </form>
            <ConfirmDeletion pending=pending/>
            <Show when=move || list.with(|l| !l.is_empty())
                fallback=|| view! { <p class="empty-state">{t("Nog geen momentopnamen.", "No snapshots yet.")}</p> }>
                <h3>{t("Gemaakt", "Taken")}</h3>
                <ul class="net-snapshots" data-testid="snapshots">
                    <For each=move || list.get() key=|s| s.clone() let:s>
                        {
                            let (id, title) = (s.0, s.1.clone());
                            let for_delete = title.clone();
                            view! {
                                <li>
                                    {match lang {
                                        Lang::Nl => format!("{title}: {} actoren, {} relaties ", s.2, s.3),
                                        Lang::En => format!(
                                            "{title}: {}, {} ",
                                            lang.count(s.2, "actor", "actors"),
                                            lang.count(s.3, "tie", "ties")
                                        ),
                                    }}
                                    <button type="button" class="secondary" aria-label=match lang {
                                            Lang::Nl => format!("Verwijderen: momentopname {title}"),
                                            Lang::En => format!("Delete: snapshot {title}"),
                                        }
                                        on:click=move |_| pending.set(Some(Deletion::Snapshot { id, label: for_delete.clone() }))>
                                        {t("Verwijderen", "Delete")}
                                    </button>
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
