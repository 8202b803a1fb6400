use leptos::prelude::*;

use super::dashboard::{agenda_list, entries_section, goals_section, scans_section};
use super::{load_from_route, with_workspace, ParticipantNav};
use crate::model::workspace::{changes, Changes};
use crate::ui::components::{PageTitle, PrintButton};
use crate::ui::i18n::{lang, t};
use crate::ui::time::moment;

/// "/deelnemers/:id/sessie": what changed since the previous bundle, the open questions,
/// the goals, the newest entries and the scans, on one page to take along on paper.
#[component]
pub fn SessionPage() -> impl IntoView {
    let loaded = match load_from_route() {
        Ok(l) => l,
        Err(e) => {
            return view! { <PageTitle text=t("Sessie voorbereiden", "Prepare session")/><p class="notice warning">{e.message(lang())}</p> }
                .into_any()
        }
    };
    let Some(held) = loaded.held.get_untracked() else {
        return view! {
            <PageTitle text=t("Sessie voorbereiden", "Prepare session")/>
            <p class="notice warning">{loaded.error.map(|e| e.message(lang())).unwrap_or_default()}</p>
        }
        .into_any();
    };
    let previous = with_workspace(loaded.coach.id, |ws| ws.load_previous(loaded.id))
        .ok()
        .flatten();
    let doc = held.document;
    let this = moment(held.exported);
    let name = &doc.profile.name;
    let since = match &previous {
        Some(p) => {
            let before = moment(p.exported);
            t(
                format!("Sinds de vorige bundel (van {before}); deze bundel is van {this}."),
                format!("Since the previous bundle (from {before}); this bundle is from {this}."),
            )
        }
        None => t(
            format!("Dit is de eerste bundel van {name} (van {this}); er is nog niets om mee te vergelijken."),
            format!("This is the first bundle from {name} (dated {this}); there is nothing to compare it with yet."),
        ),
    };
    let title = t(
        format!("Sessie voorbereiden met {name}"),
        format!("Prepare session with {name}"),
    );
    let diff = previous
        .as_ref()
        .map(|p| changes(&p.document, &doc, lang()));
    view! {
        <PageTitle text=title/>
        <ParticipantNav id=loaded.id/>
        <PrintButton/>
        <section class="card" aria-labelledby="session-changes">
            <h2 id="session-changes">{t("Wat is er veranderd", "What has changed")}</h2>
            <p>{since}</p>
            {diff.map(changes_view)}
        </section>
        <section class="card" aria-labelledby="session-agenda">
            <h2 id="session-agenda">{t("Open vragen en stappen", "Open questions and steps")}</h2>
            {agenda_list(&doc)}
        </section>
        {goals_section(&doc)}
        {entries_section(&doc)}
        {scans_section(&doc)}
    }
    .into_any()
}

fn changes_view(c: Changes) -> AnyView {
    if c.is_empty() {
        return view! { <p data-testid="changes">{t("Geen wijzigingen.", "No changes.")}</p> }
            .into_any();
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
        |(case, date): (String, chrono::NaiveDate)| format!("{} — {case}", lang().short_date(date));
    let ties = (c.ties_added > 0).then(|| {
        let ties = lang().count(
            c.ties_added,
            t("nieuwe relatie", "new relationship"),
            t("nieuwe relaties", "new relationships"),
        );
        t(
            format!("{ties} op de netwerkkaart."),
            format!("{ties} on the network map."),
        )
    });
    view! {
        <div data-testid="changes">
            {list(t("Nieuwe scans", "New scans"), c.scans_added)}
            {list(t("Nieuwe casussen", "New cases"), c.cases_added)}
            {list(t("Nieuwe notities", "New entries"), c.entries_added.into_iter().map(entry).collect())}
            {list(t("Gewijzigde notities", "Changed entries"), c.entries_changed.into_iter().map(entry).collect())}
            {list(t("Nieuwe ontwikkeldoelen", "New development goals"), c.goals_added)}
            {list(t("Gewijzigde ontwikkeldoelen", "Changed development goals"), c.goals_changed)}
            {list(t("Nieuwe actoren op de netwerkkaart", "New actors on the network map"), c.actors_added)}
            {ties.map(|text| view! { <p>{text}</p> })}
        </div>
    }
    .into_any()
}
