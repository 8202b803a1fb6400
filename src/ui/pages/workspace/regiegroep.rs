use leptos::prelude::*;

use super::regiegroep_folder::FromFolder;
use super::{coach_profile, with_workspace};
use crate::model::workspace::{overview, overview_csv, Overview};
use crate::ui::components::PageTitle;
use crate::ui::files::{download_failed, download_text};
use crate::ui::i18n::{lang, t};
use crate::ui::pages::selfscan::{delta_text, score_text};
use crate::ui::time::iso_today;

/// "/regiegroep": per competency across participants; anonymous unless asked.
#[component]
pub fn RegiegroepPage() -> impl IntoView {
    let Some(coach) = coach_profile() else {
        return view! {
            <PageTitle text=t("Regiegroep", "Steering group")/>
            <p class="notice warning">{t(
                "Deze pagina is er voor begeleiders. Kies een begeleidersprofiel of maak er een.",
                "This page is for coaches. Choose a coach profile or create one.",
            )}</p>
        }
        .into_any();
    };
    let (held, unreadable) = with_workspace(coach.id, |ws| ws.load_all()).unwrap_or_default();
    let docs: Vec<_> = held.iter().map(|h| &h.document).collect();
    let own = Shown {
        overview: overview(&docs, lang()),
        count: held.len(),
        unreadable: unreadable.len(),
        folder: None,
    };
    let shown = RwSignal::new(own.clone());
    view! {
        <PageTitle text=t("Regiegroep", "Steering group")/>
        <FromFolder coach=coach.id shown=shown own=own/>
        {move || view! { <OverviewView shown=shown.get()/> }}
    }
    .into_any()
}

/// What the page shows: the workspace's participants, or those read from the course
/// folder (kept nowhere).
#[derive(Clone)]
pub(super) struct Shown {
    pub overview: Overview,
    pub count: usize,
    pub unreadable: usize,
    /// The course folder's name, when read from there.
    pub folder: Option<String>,
}

#[component]
fn OverviewView(shown: Shown) -> impl IntoView {
    let Shown {
        overview: o,
        count,
        unreadable,
        folder,
    } = shown;
    let names = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let csv_source = o.clone();
    let download = move |_| {
        let text = overview_csv(&csv_source, names.get_untracked(), lang());
        let file = format!("leerspoor-regiegroep-{}.csv", iso_today());
        // A byte order mark, so spreadsheets read the accents as UTF-8.
        match download_text(&file, "text/csv;charset=utf-8", &format!("\u{feff}{text}")) {
            Ok(()) => status.set(t(
                format!("{file} is gedownload."),
                format!("{file} has been downloaded."),
            )),
            Err(e) => status.set(download_failed(&e)),
        }
    };
    let level_headers = (1..=o.levels)
        .map(|l| {
            let header = t(format!("Niveau {l}"), format!("Level {l}"));
            view! { <th scope="col">{header}</th> }
        })
        .collect_view();
    let rows = o
        .competencies
        .iter()
        .map(|c| {
            let dist = c
                .distribution
                .iter()
                .map(|n| view! { <td>{n.to_string()}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{c.name.clone()}</th>
                    <td>{c.participants.to_string()}</td>
                    <td>{score_text(c.mean)}</td>
                    {dist}
                    <td>{score_text(c.baseline_mean)}</td>
                    <td>{delta_text(c.change)}</td>
                </tr>
            }
        })
        .collect_view();
    let people = o.participants.clone();
    let comps: Vec<String> = o.competencies.iter().map(|c| c.name.clone()).collect();
    view! {
        {folder.map(|name| view! {
            <p class="notice info" data-testid="regiegroep-source">{t(
                format!("Gelezen uit de cursusmap ‘{name}’, over alle begeleiders heen. Niets hiervan is in deze browser opgeslagen."),
                format!("Read from the course folder ‘{name}’, across all coaches. None of it is stored in this browser."),
            )}</p>
        })}
        <p class="lead">{t(
            format!(
                "Overzicht over {}: per competentie de verdeling van de laatste zelfscan, het gemiddelde en de verandering sinds de nulmeting. Zonder namen, tenzij je ze aanzet.",
                lang().count(count, "deelnemer", "deelnemers")
            ),
            format!(
                "Overview of {}: per competency, the spread of the latest self-scan, the mean and the change since the baseline. Without names, unless you switch them on.",
                lang().count(count, "participant", "participants")
            ),
        )}</p>
        {(unreadable > 0).then(|| {
            let n = unreadable;
            view! {
                <p class="notice warning">{t(
                    format!(
                        "{} {} niet worden gelezen en {} niet mee.",
                        lang().count(n, "deelnemer", "deelnemers"),
                        if n == 1 { "kon" } else { "konden" },
                        if n == 1 { "telt" } else { "tellen" }
                    ),
                    format!(
                        "{} could not be read and {} not counted.",
                        lang().count(n, "participant", "participants"),
                        if n == 1 { "is" } else { "are" }
                    ),
                )}</p>
            }
        })}
        <div class="actions">
            <label class="choice">
                <input type="checkbox" prop:checked=move || names.get() on:change=move |ev| names.set(event_target_checked(&ev))/>
                {t("namen tonen", "show names")}
            </label>
            <button type="button" class="primary" on:click=download>{t("CSV downloaden", "Download CSV")}</button>
        </div>
        <p role="status" aria-live="polite">{move || status.get()}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label=t("Tabel per competentie", "Table per competency")>
            <table data-testid="regiegroep">
                <caption>{t("Per competentie", "Per competency")}</caption>
                <thead><tr>
                    <th scope="col">{t("Competentie", "Competency")}</th>
                    <th scope="col">{t("Deelnemers", "Participants")}</th>
                    <th scope="col">{t("Gemiddelde", "Mean")}</th>
                    {level_headers}
                    <th scope="col">{t("Nulmeting", "Baseline")}</th>
                    <th scope="col">{t("Verandering", "Change")}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Show when=move || names.get()>
            <div class="table-scroll" tabindex="0" role="region" aria-label=t("Tabel per deelnemer", "Table per participant")>
                <table data-testid="regiegroep-names">
                    <caption>{t("Per deelnemer: laatste scan (nulmeting)", "Per participant: latest scan (baseline)")}</caption>
                    <thead><tr>
                        <th scope="col">{t("Deelnemer", "Participant")}</th>
                        {comps.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {people.iter().map(|p| view! {
                            <tr>
                                <th scope="row">{p.name.clone()}</th>
                                {p.scores.iter().map(|(b, l)| view! { <td>{format!("{} ({})", score_text(*l), score_text(*b))}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
