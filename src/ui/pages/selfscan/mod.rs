//! The self-scan section: the scans overview (here), doing a scan, results, development
//! goals and the framework. Every rule lives in `model::selfscan`; these views only read
//! it and call its functions through `AppState::update`.

mod framework;
mod goals;
mod results;
mod scan;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::model::id::new_id;
use crate::model::selfscan::{Rater, RaterRole, Scan, ScanLabel, SelfScan};
use crate::model::Id;
use crate::ui::components::PageTitle;
use crate::ui::state::{use_app, AppState};

pub use framework::FrameworkPage;
pub(crate) use goals::goal_summary;
pub use goals::GoalsPage;
pub(crate) use results::radar_view;
pub use results::ResultsPage;
pub use scan::ScanPage;

/// Reads the section, or `None` before a profile exists.
pub(super) fn read<R>(app: AppState, f: impl FnOnce(&SelfScan) -> R) -> Option<R> {
    app.doc.with(|d| d.as_ref().map(|d| f(&d.selfscan)))
}

/// As [`read`], without subscribing.
pub(super) fn read_untracked<R>(app: AppState, f: impl FnOnce(&SelfScan) -> R) -> Option<R> {
    app.doc
        .with_untracked(|d| d.as_ref().map(|d| f(&d.selfscan)))
}

/// Applies a change to the section and returns its result (or `None` without a profile).
pub(super) fn change<R>(app: AppState, f: impl FnOnce(&mut SelfScan) -> R) -> Option<R> {
    let mut out = None;
    app.update(|d| out = Some(f(&mut d.selfscan)));
    out
}

/// A score with one decimal and a Dutch decimal comma; "–" when there is none.
pub(crate) fn score_nl(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}").replace('.', ","))
}

/// A signed difference such as "+0,5" or "−1,0".
pub(crate) fn delta_nl(value: Option<f64>) -> String {
    match value {
        None => "–".to_string(),
        Some(v) if v > 0.0 => format!("+{v:.1}").replace('.', ","),
        Some(v) if v < 0.0 => format!("\u{2212}{:.1}", -v).replace('.', ","),
        Some(_) => "0,0".to_string(),
    }
}

pub(crate) fn date_nl(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

pub(super) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// "Nulmeting, 12-01-2026, zelf": how a scan is named in lists and legends.
pub(crate) fn scan_title(scan: &Scan) -> String {
    format!(
        "{}, {} ({})",
        scan.label.label_nl(),
        date_nl(scan.date),
        scan.rater.label_nl().to_lowercase()
    )
}

/// The section's own menu, under the page title.
#[component]
pub(super) fn SectionNav() -> impl IntoView {
    view! {
        <nav class="selfscan-nav" aria-label="Zelfscan">
            <ul>
                <li><A href="/zelfscan" exact=true>"Scans"</A></li>
                <li><A href="/zelfscan/resultaten">"Resultaten"</A></li>
                <li><A href="/zelfscan/doelen">"Ontwikkeldoelen"</A></li>
                <li><A href="/zelfscan/kader">"Competentiekader"</A></li>
            </ul>
        </nav>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Starting {
    Nothing,
    Own,
    Other,
}

/// The scans overview.
#[component]
pub fn SelfScanPage() -> impl IntoView {
    let app = use_app();
    let starting = RwSignal::new(Starting::Nothing);
    let scans = Memo::new(move |_| read(app, |s| s.scans.clone()).unwrap_or_default());
    let status = RwSignal::new(String::new());
    view! {
        <PageTitle text="Zelfscan"/>
        <SectionNav/>
        <p class="lead">
            "Meet waar je staat op de competenties van de leergang. Doe een nulmeting aan het begin, "
            "een tussenmeting halverwege en een eindmeting aan het eind, en vraag anderen om jou ook te beoordelen."
        </p>
        <div class="selfscan-actions">
            <button type="button" class="primary"
                aria-expanded=move || (starting.get() == Starting::Own).to_string()
                on:click=move |_| starting.set(Starting::Own)>
                "Nieuwe zelfscan"
            </button>
            <button type="button" class="secondary"
                aria-expanded=move || (starting.get() == Starting::Other).to_string()
                on:click=move |_| starting.set(Starting::Other)>
                "Beoordeling door een ander"
            </button>
        </div>
        {move || match starting.get() {
            Starting::Nothing => None,
            Starting::Own => Some(view! { <StartForm by_other=false on_cancel=move || starting.set(Starting::Nothing)/> }.into_any()),
            Starting::Other => Some(view! { <StartForm by_other=true on_cancel=move || starting.set(Starting::Nothing)/> }.into_any()),
        }}
        <p class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        <section aria-labelledby="scans-title">
            <h2 id="scans-title">"Je scans"</h2>
            <Show
                when=move || scans.with(|s| !s.is_empty())
                fallback=|| view! { <p class="empty-state">"Je hebt nog geen scans. Begin met een nulmeting."</p> }
            >
                <table class="scan-list" data-testid="scan-list">
                    <thead>
                        <tr>
                            <th scope="col">"Scan"</th>
                            <th scope="col">"Datum"</th>
                            <th scope="col">"Beoordelaar"</th>
                            <th scope="col">"Status"</th>
                            <th scope="col">"Acties"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || scans.get() key=|s| (s.id, s.is_finished(), s.label.label_nl().to_string(), s.date) let:scan>
                            <ScanRow scan=scan status=status/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
    }
}

#[component]
fn ScanRow(scan: Scan, status: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    let id = scan.id;
    let finished = scan.is_finished();
    let title = scan.label.label_nl().to_string();
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    let copy = {
        let label = scan.label.following();
        move |_| {
            let new = new_id();
            let result = change(app, |s| s.copy_scan(id, new, label.clone(), today()));
            match result {
                Some(Ok(())) => navigate(&format!("/zelfscan/scan/{new}"), Default::default()),
                Some(Err(e)) => status.set(e.message_nl()),
                None => {}
            }
        }
    };
    let delete = {
        let title = title.clone();
        move |_| {
            if let Some(Err(e)) = change(app, |s| s.delete_scan(id).map(|_| ())) {
                status.set(e.message_nl());
            } else {
                status.set(format!("Scan \u{201c}{title}\u{201d} is verwijderd."));
            }
        }
    };
    let open_label = if finished {
        "Bekijken"
    } else {
        "Verder invullen"
    };
    let row_title = title.clone();
    view! {
        <tr>
            <th scope="row">{title}</th>
            <td>{date_nl(scan.date)}</td>
            <td>{scan.rater.label_nl()}</td>
            <td>{scan.status.label_nl()}</td>
            <td class="row-actions">
                <A href=format!("/zelfscan/scan/{id}")
                    attr:aria-label=format!("{open_label}: {row_title}")>{open_label}</A>
                {finished.then(|| view! {
                    <button type="button" class="secondary" on:click=copy>"Kopiëren als nieuw concept"</button>
                })}
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                            "Verwijderen…"
                        </button>
                    }
                >
                    <span role="group" aria-label="Bevestig verwijderen">
                        "Zeker weten? "
                        <button type="button" class="danger" on:click=delete.clone()>"Ja, verwijder"</button>
                        <button type="button" on:click=move |_| confirming.set(false)>"Nee"</button>
                    </span>
                </Show>
            </td>
        </tr>
    }
}

/// Starts a draft: a label and a date, and for a rating by someone else their name and role.
#[component]
fn StartForm(by_other: bool, on_cancel: impl Fn() + 'static) -> impl IntoView {
    let app = use_app();
    let navigate = use_navigate();
    let kind = RwSignal::new("baseline".to_string());
    let custom = RwSignal::new(String::new());
    let date = RwSignal::new(today().format("%Y-%m-%d").to_string());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(RaterRole::Coach);
    let error = RwSignal::new(None::<String>);
    let prefix = if by_other { "other" } else { "own" };
    let id_of = move |what: &str| format!("start-{prefix}-{what}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = match kind.get_untracked().as_str() {
            "baseline" => ScanLabel::Baseline,
            "midpoint" => ScanLabel::Midpoint,
            "final" => ScanLabel::Final,
            _ => ScanLabel::Custom(custom.get_untracked()),
        };
        let Ok(day) = NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d") else {
            error.set(Some("Vul een geldige datum in.".into()));
            return;
        };
        let rater = if by_other {
            Rater::Other {
                name: name.get_untracked(),
                role: role.get_untracked(),
            }
        } else {
            Rater::Participant
        };
        let id: Id = new_id();
        match change(app, |s| s.start_scan(id, label, day, rater)) {
            Some(Ok(())) => navigate(&format!("/zelfscan/scan/{id}"), Default::default()),
            Some(Err(e)) => error.set(Some(e.message_nl())),
            None => {}
        }
    };
    let heading = if by_other {
        "Beoordeling door een ander"
    } else {
        "Nieuwe zelfscan"
    };
    let error_id = id_of("error");
    view! {
        <form class="card form start-form" on:submit=submit novalidate aria-labelledby=id_of("title")>
            <h2 id=id_of("title")>{heading}</h2>
            {by_other.then(|| view! {
                <p>"Laat iemand die je aan het werk ziet de scan over jou invullen, hier op jouw laptop. Zo zie je waar jouw beeld en het hunne verschillen."</p>
                <div class="field">
                    <label for=id_of("name")>"Naam van de beoordelaar"</label>
                    <input id=id_of("name") type="text" maxlength="100" required
                        aria-describedby=id_of("error")
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for=id_of("role")>"Rol van de beoordelaar"</label>
                    <select id=id_of("role") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(r) = RaterRole::ALL.into_iter().find(|r| r.label_nl() == v) { role.set(r) }
                    }>
                        {RaterRole::ALL.into_iter().map(|r| view! {
                            <option value=r.label_nl() selected=r == RaterRole::Coach>{r.label_nl()}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for=id_of("label")>"Soort meting"</label>
                <select id=id_of("label") on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="baseline" selected=true>"Nulmeting"</option>
                    <option value="midpoint">"Tussenmeting"</option>
                    <option value="final">"Eindmeting"</option>
                    <option value="custom">"Eigen naam…"</option>
                </select>
            </div>
            <Show when=move || kind.get() == "custom">
                <div class="field">
                    <label for=id_of("custom")>"Naam van de scan"</label>
                    <input id=id_of("custom") type="text" maxlength="100"
                        prop:value=custom on:input=move |ev| custom.set(event_target_value(&ev))/>
                </div>
            </Show>
            <div class="field">
                <label for=id_of("date")>"Datum"</label>
                <input id=id_of("date") type="date" required
                    prop:value=date on:input=move |ev| date.set(event_target_value(&ev))/>
            </div>
            <p id=error_id class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="primary">"Start de scan"</button>
            " "
            <button type="button" on:click=move |_| on_cancel()>"Annuleren"</button>
        </form>
    }
}
