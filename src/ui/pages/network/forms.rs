//! The forms of the map: an actor, a tie, and the confirmation of a deletion.

use chrono::NaiveDate;
use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlElement;

use super::use_net;
use crate::model::id::new_id;
use crate::model::network::rows::actor_choices;
use crate::model::network::{
    Actor, ActorKind, Attitude, Direction, Endpoint, Rapport, Strength, Tie, TieKind,
};
use crate::model::validation::limits;
use crate::model::{Id, Lang};
use crate::ui::components::focus::{focus_soon, focused, section_heading, Place};
use crate::ui::components::limit::{length, length_note, note_id};
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time;

const SCORES: [u8; 5] = [1, 2, 3, 4, 5];

fn score_label(s: u8) -> &'static str {
    ["1", "2", "3", "4", "5"]
        .get(usize::from(s).saturating_sub(1))
        .copied()
        .unwrap_or("?")
}

/// A labelled `<select>` over a fixed list of choices.
pub(super) fn enum_select<T>(
    id: String,
    label: &'static str,
    all: &'static [T],
    label_of: fn(T) -> &'static str,
    value: RwSignal<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let options = all
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let t = *t;
            view! {
                <option value=i.to_string() prop:selected=move || value.get() == t>{label_of(t)}</option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| {
                if let Some(t) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| all.get(i)) {
                    value.set(*t);
                }
            }>{options}</select>
        </div>
    }
}

fn text_field(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    node: Option<NodeRef<html::Input>>,
) -> impl IntoView {
    let node = node.unwrap_or_default();
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" maxlength=limits::LINE.to_string() node_ref=node prop:value=value
                on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

/// Adds an actor (`editing: None`) or edits one. Closes by clearing `NetCtx::editing`.
#[component]
pub(super) fn ActorForm(editing: Option<Id>) -> impl IntoView {
    let doc = use_doc();
    let ctx = use_net();
    let existing = editing.and_then(|id| ctx.network.with_untracked(|n| n.actor(id).cloned()));
    let base = existing
        .clone()
        .unwrap_or_else(|| Actor::new(Id::nil(), ""));
    // Kept over a language switch (`ui::draft`), per actor.
    let of = editing.map_or_else(|| "new".to_string(), |id| id.to_string());
    let key = |field: &str| format!("actor:{of}:{field}");
    let name = kept(key("name"), || base.name.clone());
    let kind = kept(key("kind"), || base.kind);
    let organisation = kept(key("organisation"), || base.organisation.clone());
    let role = kept(key("role"), || base.role.clone());
    let influence = kept(key("influence"), || base.influence);
    let interest = kept(key("interest"), || base.interest);
    let attitude = kept(key("attitude"), || base.attitude);
    let rapport = kept(key("rapport"), || base.rapport);
    let last_contact = kept(key("last-contact"), || {
        base.last_contact.map(time::iso_date).unwrap_or_default()
    });
    let notes = kept(key("notes"), || base.notes.clone());
    let error = RwSignal::new(None::<String>);
    let name_ref = NodeRef::<html::Input>::new();
    let heading_ref = NodeRef::<html::H3>::new();
    let is_edit = existing.is_some();
    let title = match &existing {
        Some(a) => format!("{}: {}", t("Actor bewerken", "Edit actor"), a.name),
        None => t("Actor toevoegen", "Add actor").to_string(),
    };
    Effect::new(move |_| {
        if let Some(h) = heading_ref.get() {
            if ctx.focus_form.get_untracked() {
                ctx.focus_form.set(false);
                let _ = h.focus();
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let date = last_contact.get_untracked();
        let date = if date.trim().is_empty() {
            None
        } else {
            match NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d") {
                Ok(d) => Some(d),
                Err(_) => {
                    error.set(Some(
                        t(
                            "Vul een geldige datum in bij laatste contact.",
                            "Enter a valid date for last contact.",
                        )
                        .into(),
                    ));
                    return;
                }
            }
        };
        let mut actor = base.clone();
        if !is_edit {
            actor.id = new_id();
        }
        actor.name = name.get_untracked();
        actor.kind = kind.get_untracked();
        actor.organisation = organisation.get_untracked().trim().to_string();
        actor.role = role.get_untracked().trim().to_string();
        actor.influence = influence.get_untracked();
        actor.interest = interest.get_untracked();
        actor.attitude = attitude.get_untracked();
        actor.rapport = rapport.get_untracked();
        actor.last_contact = date;
        actor.notes = notes.get_untracked();
        let saved_name = actor.name.trim().to_string();
        let mut result = Ok(());
        doc.update(|d| {
            result = if is_edit {
                d.network.update_actor(actor)
            } else {
                d.network.add_actor(actor)
            }
        });
        match result {
            Ok(()) => {
                error.set(None);
                if is_edit {
                    ctx.status.set(t(
                        format!("{saved_name} is bijgewerkt."),
                        format!("{saved_name} has been updated."),
                    ));
                    ctx.focus_form.set(true);
                    ctx.editing.set(None);
                } else {
                    ctx.status.set(t(
                        format!("{saved_name} staat op de kaart."),
                        format!("{saved_name} is on the map."),
                    ));
                    for s in [name, organisation, role, last_contact, notes] {
                        s.set(String::new());
                    }
                    if let Some(input) = name_ref.get_untracked() {
                        let _ = input.focus();
                    }
                }
            }
            Err(e) => {
                // The last action's success is no longer what the page says.
                ctx.status.set(String::new());
                error.set(Some(e.message(lang())));
                if let Some(input) = name_ref.get_untracked() {
                    let _ = input.focus();
                }
            }
        }
    };
    let p = if is_edit { "edit-actor" } else { "new-actor" };
    let id = move |field: &str| format!("{p}-{field}");
    view! {
        <form class="card form net-form" on:submit=submit novalidate
            aria-labelledby=id("title") data-testid=format!("{p}-form")>
            <h3 id=id("title") tabindex="-1" node_ref=heading_ref>{title}</h3>
            <div class="field">
                <label for=id("name")>{t("Naam", "Name")}</label>
                <input id=id("name") type="text" maxlength=limits::LINE.to_string() required node_ref=name_ref
                    aria-describedby=id("error")
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            {enum_select(id("kind"), t("Soort", "Kind"), &ActorKind::ALL, |k| k.label(lang()), kind)}
            {text_field(if is_edit { "edit-actor-organisation" } else { "new-actor-organisation" }, t("Organisatie", "Organisation"), organisation, None)}
            {text_field(if is_edit { "edit-actor-role" } else { "new-actor-role" }, t("Rol", "Role"), role, None)}
            <div class="net-form-row">
                {enum_select(id("influence"), t("Invloed (1–5)", "Influence (1–5)"), &SCORES, score_label, influence)}
                {enum_select(id("interest"), t("Belang (1–5)", "Interest (1–5)"), &SCORES, score_label, interest)}
            </div>
            <div class="net-form-row">
                {enum_select(id("attitude"), t("Houding", "Attitude"), &Attitude::ALL, |a| a.label(lang()), attitude)}
                {enum_select(id("rapport"), t("Verstandhouding", "Working relationship"), &Rapport::ALL, |r| r.label(lang()), rapport)}
            </div>
            <div class="field">
                <label for=id("last-contact")>{t("Laatste contact", "Last contact")}</label>
                <input id=id("last-contact") type="date" prop:value=last_contact
                    on:input=move |ev| last_contact.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for=id("notes")>{t("Notities", "Notes")}</label>
                <textarea id=id("notes") maxlength=limits::NOTES.to_string() prop:value=notes
                    aria-describedby=note_id(&id("notes"))
                    on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
                {length_note(&id("notes"), limits::NOTES, move || notes.with(|s| length(s)))}
            </div>
            <p id=id("error") class="field-error" role="alert">{move || error.get()}</p>
            <div class="net-buttons">
                <button type="submit" class="primary">
                    {if is_edit { t("Wijzigingen opslaan", "Save changes") } else { t("Actor toevoegen", "Add actor") }}
                </button>
                {is_edit.then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| {
                        ctx.focus_form.set(true);
                        ctx.editing.set(None);
                    }>{t("Annuleren", "Cancel")}</button>
                })}
            </div>
        </form>
    }
}

fn endpoint_value(e: Option<Endpoint>) -> String {
    match e {
        None => String::new(),
        Some(Endpoint::Me) => "ik".into(),
        Some(Endpoint::Actor(id)) => id.to_string(),
    }
}

fn parse_endpoint(text: &str) -> Option<Endpoint> {
    match text {
        "" => None,
        "ik" => Some(Endpoint::Me),
        other => other.parse::<Id>().ok().map(Endpoint::Actor),
    }
}

/// A `<select>` of the ends a tie can have: the advisor and every actor.
fn endpoint_select(
    id: String,
    label: &'static str,
    value: RwSignal<Option<Endpoint>>,
) -> impl IntoView {
    let ctx = use_net();
    let actors = Memo::new(move |_| ctx.network.with(actor_choices));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id on:change=move |ev| value.set(parse_endpoint(&event_target_value(&ev)))>
                <option value="" prop:selected=move || value.get().is_none()>{t("— kies —", "— choose —")}</option>
                <option value="ik" prop:selected=move || value.get() == Some(Endpoint::Me)>{t("ik (jijzelf)", "me (yourself)")}</option>
                <For each=move || actors.get() key=|a| a.clone() let:a>
                    {
                        let e = Endpoint::Actor(a.0);
                        view! {
                            <option value=endpoint_value(Some(e)) prop:selected=move || value.get() == Some(e)>{a.1}</option>
                        }
                    }
                </For>
            </select>
        </div>
    }
}

/// Adds a tie (`editing: None`) or edits one.
#[component]
pub(super) fn TieForm(editing: Option<Id>, editing_signal: RwSignal<Option<Id>>) -> impl IntoView {
    let doc = use_doc();
    let ctx = use_net();
    let existing = editing.and_then(|id| ctx.network.with_untracked(|n| n.tie(id).cloned()));
    let is_edit = existing.is_some();
    let of = editing.map_or_else(|| "new".to_string(), |id| id.to_string());
    let key = |field: &str| format!("tie:{of}:{field}");
    let from = kept(key("from"), || existing.as_ref().map(|t| t.a));
    let to = kept(key("to"), || existing.as_ref().map(|t| t.b));
    let kind = kept(key("kind"), || {
        existing.as_ref().map_or(TieKind::default(), |t| t.kind)
    });
    let strength = kept(key("strength"), || {
        existing
            .as_ref()
            .map_or(Strength::default(), |t| t.strength)
    });
    let direction = kept(key("direction"), || {
        existing
            .as_ref()
            .map_or(Direction::default(), |t| t.direction)
    });
    let note = kept(key("note"), || {
        existing
            .as_ref()
            .map(|t| t.note.clone())
            .unwrap_or_default()
    });
    let error = RwSignal::new(None::<String>);
    let heading_ref = NodeRef::<html::H3>::new();
    Effect::new(move |_| {
        if let Some(h) = heading_ref.get() {
            if is_edit {
                let _ = h.focus();
            }
        }
    });
    let tie_id = existing.as_ref().map(|t| t.id);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(a), Some(b)) = (from.get_untracked(), to.get_untracked()) else {
            error.set(Some(
                t(
                    "Kies bij van en naar wie de relatie verbindt.",
                    "Choose both ends of the tie under From and To.",
                )
                .into(),
            ));
            return;
        };
        let mut tie = Tie::new(tie_id.unwrap_or_else(new_id), a, b);
        tie.kind = kind.get_untracked();
        tie.strength = strength.get_untracked();
        tie.direction = direction.get_untracked();
        tie.note = note.get_untracked().trim().to_string();
        let mut result = Ok(());
        let mut names = (String::new(), String::new());
        let lang = lang();
        doc.update(|d| {
            result = if is_edit {
                d.network.update_tie(tie)
            } else {
                d.network.add_tie(tie)
            };
            names = (
                d.network.endpoint_name(a, lang).unwrap_or("?").to_string(),
                d.network.endpoint_name(b, lang).unwrap_or("?").to_string(),
            );
        });
        match result {
            Ok(()) => {
                error.set(None);
                let (x, y) = &names;
                ctx.status.set(if is_edit {
                    t(
                        format!("Relatie tussen {x} en {y} bijgewerkt."),
                        format!("Tie between {x} and {y} updated."),
                    )
                } else {
                    t(
                        format!("Relatie tussen {x} en {y} toegevoegd."),
                        format!("Tie between {x} and {y} added."),
                    )
                });
                if is_edit {
                    editing_signal.set(None);
                } else {
                    from.set(None);
                    to.set(None);
                    note.set(String::new());
                }
            }
            Err(e) => {
                ctx.status.set(String::new());
                error.set(Some(e.message(lang)));
            }
        }
    };
    let p = if is_edit { "edit-tie" } else { "new-tie" };
    let id = move |field: &str| format!("{p}-{field}");
    view! {
        <form class="card form net-form" on:submit=submit novalidate aria-labelledby=id("title")
            data-testid=format!("{p}-form")>
            <h3 id=id("title") tabindex="-1" node_ref=heading_ref>
                {if is_edit { t("Relatie bewerken", "Edit tie") } else { t("Relatie toevoegen", "Add tie") }}
            </h3>
            <div class="net-form-row">
                {endpoint_select(id("from"), t("Van", "From"), from)}
                {endpoint_select(id("to"), t("Naar", "To"), to)}
            </div>
            <div class="net-form-row">
                {enum_select(id("kind"), t("Soort relatie", "Kind of tie"), &TieKind::ALL, |k| k.label(lang()), kind)}
                {enum_select(id("strength"), t("Sterkte", "Strength"), &Strength::ALL, |s| s.label(lang()), strength)}
                {enum_select(id("direction"), t("Richting", "Direction"), &Direction::ALL, |d| d.label(lang()), direction)}
            </div>
            <div class="field">
                <label for=id("note")>{t("Notitie", "Note")}</label>
                <input id=id("note") type="text" maxlength=limits::SHORT_TEXT.to_string() prop:value=note
                    on:input=move |ev| note.set(event_target_value(&ev))/>
            </div>
            <p id=id("error") class="field-error" role="alert">{move || error.get()}</p>
            <div class="net-buttons">
                <button type="submit" class="primary">
                    {if is_edit { t("Relatie opslaan", "Save tie") } else { t("Relatie toevoegen", "Add tie") }}
                </button>
                {is_edit.then(|| view! {
                    <button type="button" class="secondary" on:click=move |_| editing_signal.set(None)>{t("Annuleren", "Cancel")}</button>
                })}
            </div>
        </form>
    }
}

/// What a confirmed deletion removes.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Deletion {
    Actor {
        id: Id,
        name: String,
        ties: usize,
        cases: usize,
    },
    Tie {
        id: Id,
        label: String,
    },
    Snapshot {
        id: Id,
        label: String,
    },
}

impl Deletion {
    fn question(&self, lang: Lang) -> String {
        match self {
            Deletion::Actor {
                name, ties, cases, ..
            } => lang.pick(
                format!(
                    "{name} verwijderen? Daarmee verdwijnen ook {} en {} met casussen. Dit kan niet ongedaan worden.",
                    lang.count(*ties, "relatie", "relaties"),
                    lang.count(*cases, "koppeling", "koppelingen"),
                ),
                format!(
                    "Delete {name}? This also removes {} and {} to cases. This cannot be undone.",
                    lang.count(*ties, "tie", "ties"),
                    lang.count(*cases, "link", "links"),
                ),
            ),
            Deletion::Tie { label, .. } => lang.pick(
                format!("De relatie {label} verwijderen? Dit kan niet ongedaan worden."),
                format!("Delete the tie {label}? This cannot be undone."),
            ),
            Deletion::Snapshot { label, .. } => lang.pick(
                format!("Momentopname {label} verwijderen? Dit kan niet ongedaan worden."),
                format!("Delete snapshot {label}? This cannot be undone."),
            ),
        }
    }
}

/// Asks before deleting; focus goes to the question, and back is the user's choice.
#[component]
pub(super) fn ConfirmDeletion(pending: RwSignal<Option<Deletion>>) -> impl IntoView {
    let doc = use_doc();
    let ctx = use_net();
    let lang = lang();
    // The control that asked, and its section's heading, for the focus to go back to.
    let opener = StoredValue::new_local((None::<HtmlElement>, None::<HtmlElement>));
    let confirm = move |_| {
        let Some(what) = pending.get_untracked() else {
            return;
        };
        let message = match &what {
            Deletion::Actor { id, name, .. } => {
                let mut done = None;
                doc.update(|d| done = d.remove_actor(*id));
                if ctx.editing.get_untracked() == Some(*id) {
                    ctx.editing.set(None);
                }
                match done {
                    Some((ties, cases)) => t(
                        format!(
                            "{name} is verwijderd, met {} en {} met casussen.",
                            lang.count(ties, "relatie", "relaties"),
                            lang.count(cases, "koppeling", "koppelingen"),
                        ),
                        format!(
                            "{name} has been deleted, with {} and {} to cases.",
                            lang.count(ties, "tie", "ties"),
                            lang.count(cases, "link", "links"),
                        ),
                    ),
                    None => t(
                        "Deze actor stond al niet meer op de kaart.",
                        "This actor was no longer on the map.",
                    )
                    .into(),
                }
            }
            Deletion::Tie { id, label } => {
                doc.update(|d| {
                    d.network.remove_tie(*id);
                });
                t(
                    format!("De relatie {label} is verwijderd."),
                    format!("The tie {label} has been deleted."),
                )
            }
            Deletion::Snapshot { id, label } => {
                doc.update(|d| {
                    d.network.remove_snapshot(*id);
                });
                t(
                    format!("Momentopname {label} is verwijderd."),
                    format!("Snapshot {label} has been deleted."),
                )
            }
        };
        ctx.status.set(message);
        pending.set(None);
        // The row and its button are gone: on from the heading of their section.
        let (_, heading) = opener.get_value();
        focus_soon(places(heading));
    };
    let keep = move |_| {
        pending.set(None);
        let (opener, heading) = opener.get_value();
        let mut back = places(opener);
        back.extend(places(heading));
        focus_soon(back);
    };
    let question_ref = NodeRef::<html::P>::new();
    Effect::new(move |_| {
        if let Some(p) = question_ref.get() {
            let asked = focused();
            let heading = asked.as_ref().and_then(section_heading);
            opener.set_value((asked, heading));
            let _ = p.focus();
        }
    });
    move || {
        pending.get().map(|what| {
            view! {
                <div class="notice warning net-confirm" role="group" aria-label=t("Bevestig verwijderen", "Confirm deletion")>
                    <p tabindex="-1" node_ref=question_ref data-testid="confirm-question">{what.question(lang)}</p>
                    <button type="button" class="danger" on:click=confirm>{t("Ja, verwijderen", "Yes, delete")}</button>
                    <button type="button" class="secondary" on:click=keep>{t("Nee, behouden", "No, keep")}</button>
                </div>
            }
        })
    }
}

fn places(el: Option<HtmlElement>) -> Vec<Place> {
    el.map(Place::Element).into_iter().collect()
}
