use leptos::prelude::*;

use super::dashboard::agenda_list;
use super::{date_nl, load_from_route, with_workspace, ParticipantNav};
use crate::model::workspace::{changes, Changes};
use crate::ui::components::PageTitle;

/// "/deelnemers/:id/sessie": what changed since the previous bundle and the open
/// questions, on one printable page.
#[component]
pub fn SessionPage() -> impl IntoView {
    let loaded = match load_from_route() {
        Ok(l) => l,
        Err(message) => {
            return view! { <PageTitle text="Sessie voorbereiden"/><p class="notice warning">{message}</p> }
                .into_any()
        }
    };
    let Some(held) = loaded.held.get_untracked() else {
        return view! {
            <PageTitle text="Sessie voorbereiden"/>
            <p class="notice warning">{loaded.error.unwrap_or_default()}</p>
        }
        .into_any();
    };
    let previous = with_workspace(loaded.coach.id, |ws| ws.load_previous(loaded.id))
        .ok()
        .flatten();
    let doc = held.document;
    let since = match &previous {
        Some(p) => format!(
            "Sinds de vorige bundel (van {}); deze bundel is van {}.",
            date_nl(p.exported),
            date_nl(held.exported)
        ),
        None => format!(
            "Dit is de eerste bundel van {} (van {}); er is nog niets om mee te vergelijken.",
            doc.profile.name,
            date_nl(held.exported)
        ),
    };
    let diff = previous
        .as_ref()
        .map(|p| changes(&p.document, &doc, crate::ui::i18n::lang()));
    view! {
        <PageTitle text=format!("Sessie voorbereiden met {}", doc.profile.name)/>
        <ParticipantNav id=loaded.id/>
        <div class="actions no-print">
            <button type="button" class="primary" on:click=move |_| { let _ = window().print(); }>"Afdrukken"</button>
        </div>
        <section class="card" aria-labelledby="session-changes">
            <h2 id="session-changes">"Wat is er veranderd"</h2>
            <p>{since}</p>
            {diff.map(changes_view)}
        </section>
        <section class="card" aria-labelledby="session-agenda">
            <h2 id="session-agenda">"Open vragen en stappen"</h2>
            {agenda_list(&doc)}
        </section>
    }
    .into_any()
}

fn changes_view(c: Changes) -> AnyView {
    if c.is_empty() {
        return view! { <p data-testid="changes">"Geen wijzigingen."</p> }.into_any();
    }
    let list = |title: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| {
            view! {
                <h3>{format!("{title} ({})", items.len())}</h3>
                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
            }
        })
    };
    let entry =
        |(case, date): (String, chrono::NaiveDate)| format!("{} — {case}", date.format("%d-%m-%Y"));
    view! {
        <div data-testid="changes">
            {list("Nieuwe scans", c.scans_added)}
            {list("Nieuwe casussen", c.cases_added)}
            {list("Nieuwe notities", c.entries_added.into_iter().map(entry).collect())}
            {list("Gewijzigde notities", c.entries_changed.into_iter().map(entry).collect())}
            {list("Nieuwe ontwikkeldoelen", c.goals_added)}
            {list("Gewijzigde ontwikkeldoelen", c.goals_changed)}
            {list("Nieuwe actoren op de netwerkkaart", c.actors_added)}
            {(c.ties_added > 0).then(|| view! { <p>{format!("{} nieuwe relatie(s) op de netwerkkaart.", c.ties_added)}</p> })}
        </div>
    }
    .into_any()
}
