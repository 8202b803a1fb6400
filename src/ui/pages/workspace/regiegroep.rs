use leptos::prelude::*;

use super::{coach_profile, today, with_workspace};
use crate::model::workspace::{overview, overview_csv, Overview};
use crate::ui::components::PageTitle;
use crate::ui::files::download_text;
use crate::ui::pages::selfscan::{delta_nl, score_nl};

/// "/regiegroep": per competency across participants; anonymous unless asked.
#[component]
pub fn RegiegroepPage() -> impl IntoView {
    let Some(coach) = coach_profile() else {
        return view! {
            <PageTitle text="Regiegroep"/>
            <p class="notice warning">"Deze pagina is er voor begeleiders. Kies een begeleidersprofiel of maak er een."</p>
        }
        .into_any();
    };
    let (held, unreadable) = with_workspace(coach.id, |ws| ws.load_all()).unwrap_or_default();
    let docs: Vec<_> = held.iter().map(|h| &h.document).collect();
    let o: Overview = overview(&docs);
    let names = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    let csv_source = o.clone();
    let download = move |_| {
        let text = overview_csv(&csv_source, names.get_untracked(), crate::ui::i18n::lang());
        let file = format!("leerspoor-regiegroep-{}.csv", today().format("%Y-%m-%d"));
        // A byte order mark, so spreadsheets read the accents as UTF-8.
        match download_text(&file, "text/csv;charset=utf-8", &format!("\u{feff}{text}")) {
            Ok(()) => status.set(format!("{file} is gedownload.")),
            Err(e) => status.set(format!("Downloaden mislukt: {e}")),
        }
    };
    let level_headers = (1..=o.levels)
        .map(|l| view! { <th scope="col">{format!("Niveau {l}")}</th> })
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
                    <td>{score_nl(c.mean)}</td>
                    {dist}
                    <td>{score_nl(c.baseline_mean)}</td>
                    <td>{delta_nl(c.change)}</td>
                </tr>
            }
        })
        .collect_view();
    let people = o.participants.clone();
    let comps: Vec<String> = o.competencies.iter().map(|c| c.name.clone()).collect();
    let count = held.len();
    view! {
        <PageTitle text="Regiegroep"/>
        <p class="lead">{format!("Overzicht over {count} deelnemer(s): per competentie de verdeling van de laatste zelfscan, het gemiddelde en de verandering sinds de nulmeting. Zonder namen, tenzij je ze aanzet.")}</p>
        {(!unreadable.is_empty()).then(|| view! {
            <p class="notice warning">{format!("{} deelnemer(s) konden niet worden gelezen en tellen niet mee.", unreadable.len())}</p>
        })}
        <div class="actions">
            <label class="choice">
                <input type="checkbox" prop:checked=move || names.get() on:change=move |ev| names.set(event_target_checked(&ev))/>
                "namen tonen"
            </label>
            <button type="button" class="primary" on:click=download>"CSV downloaden"</button>
        </div>
        <p role="status" aria-live="polite">{move || status.get()}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Tabel per competentie">
            <table data-testid="regiegroep">
                <caption>"Per competentie"</caption>
                <thead><tr>
                    <th scope="col">"Competentie"</th>
                    <th scope="col">"Deelnemers"</th>
                    <th scope="col">"Gemiddelde"</th>
                    {level_headers}
                    <th scope="col">"Nulmeting"</th>
                    <th scope="col">"Verandering"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Show when=move || names.get()>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tabel per deelnemer">
                <table data-testid="regiegroep-names">
                    <caption>"Per deelnemer: laatste scan (nulmeting)"</caption>
                    <thead><tr>
                        <th scope="col">"Deelnemer"</th>
                        {comps.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {people.iter().map(|p| view! {
                            <tr>
                                <th scope="row">{p.name.clone()}</th>
                                {p.scores.iter().map(|(b, l)| view! { <td>{format!("{} ({})", score_nl(*l), score_nl(*b))}</td> }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </Show>
    }
    .into_any()
}
