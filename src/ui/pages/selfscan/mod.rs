//! The self-scan section: the scans overview (here), doing a scan, results, development
//! goals and the framework. Every rule lives in `model::selfscan`; these views only read
//! it and call its functions through `AppState::update`.

mod framework;
mod goals;
mod requests;
mod results;
mod scan;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use crate::model::id::new_id;
use crate::model::selfscan::{Rater, RaterRole, Scan, ScanLabel, SelfScan};
use crate::model::validation::limits;
use crate::model::Id;
use crate::ui::components::PageTitle;
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::{use_doc, OpenDoc};
use crate::ui::time;

pub use framework::FrameworkPage;
pub(crate) use goals::goal_summary;
pub use goals::GoalsPage;
pub(crate) use results::radar_view;
pub use results::ResultsPage;
pub use scan::ScanPage;
pub(crate) use scan::{indicator_choice, level_label, Choice};

/// Reads the section of the open document, subscribing to it.
pub(super) fn read<R: Default>(doc: OpenDoc, f: impl FnOnce(&SelfScan) -> R) -> R {
    doc.with(|d| f(&d.selfscan))
}

/// As [`read`], without subscribing.
pub(super) fn read_untracked<R: Default>(doc: OpenDoc, f: impl FnOnce(&SelfScan) -> R) -> R {
    doc.with_untracked(|d| f(&d.selfscan))
}

/// Applies a change to the section and returns its result; `None` only in the moment a
/// closing profile's page is still mounted (see [`OpenDoc`]), when nothing changes.
pub(super) fn change<R>(doc: OpenDoc, f: impl FnOnce(&mut SelfScan) -> R) -> Option<R> {
    let mut out = None;
    doc.update(|d| out = Some(f(&mut d.selfscan)));
    out
}

/// A score with one decimal ("3,5" / "3.5"); "–" when there is none.
pub(crate) fn score_text(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| lang().decimal(v, 1))
}

/// The head of a table that sets the own view beside another rater's, per competency
/// (the results page and the begeleider's dashboard).
pub(crate) fn rater_head() -> impl IntoView {
    view! {
        <thead><tr>
            <th scope="col">{t("Competentie", "Competency")}</th>
            <th scope="col">{t("Zelf", "Self")}</th>
            <th scope="col">{t("Ander", "Other")}</th>
            <th scope="col">{t("Verschil", "Difference")}</th>
            <th scope="col">{t("Opvallend", "Notable")}</th>
        </tr></thead>
    }
}

/// One competency's row of such a table; `marked` sets the row apart when it differs.
pub(crate) fn rater_row(
    name: String,
    own: Option<f64>,
    other: Option<f64>,
    difference: Option<f64>,
    differs: bool,
    marked: bool,
) -> impl IntoView {
    view! {
        <tr class:differs=marked && differs>
            <th scope="row">{name}</th>
            <td>{score_text(own)}</td>
            <td>{score_text(other)}</td>
            <td>{delta_text(difference)}</td>
            <td>{differs.then_some(t("\u{26a0} opvallend verschil", "\u{26a0} notable difference"))}</td>
        </tr>
    }
}

/// A signed difference such as "+0,5" or "−1,0" ("+0.5" / "−1.0").
pub(crate) fn delta_text(value: Option<f64>) -> String {
    match value {
        None => "–".to_string(),
        Some(v) if v > 0.0 => format!("+{}", lang().decimal(v, 1)),
        Some(v) => lang().decimal(v, 1),
    }
}

/// "Nulmeting, 12-01-2026 (zelf)" / "Baseline, 12/01/2026 (self)": how a scan is named
/// in lists and legends.
pub(crate) fn scan_title(scan: &Scan) -> String {
    scan.title(lang())
}

/// The section's own menu, under the page title.
#[component]
pub(super) fn SectionNav() -> impl IntoView {
    view! {
        <nav class="selfscan-nav" aria-label=t("Zelfscan", "Self-scan")>
            <ul>
                <li><A href="/zelfscan" exact=true>{t("Scans", "Scans")}</A></li>
                <li><A href="/zelfscan/resultaten">{t("Resultaten", "Results")}</A></li>
                <li><A href="/zelfscan/doelen">{t("Ontwikkeldoelen", "Development goals")}</A></li>
                <li><A href="/zelfscan/kader">{t("Competentiekader", "Competency framework")}</A></li>
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
    let doc = use_doc();
    let starting = kept("scan:starting", || Starting::Nothing);
    let scans = Memo::new(move |_| read(doc, |s| s.scans.clone()));
    let status = RwSignal::new(String::new());
    view! {
        <PageTitle text=t("Zelfscan", "Self-scan")/>
        <SectionNav/>
        <p class="lead">
            {t(
                "Meet waar je staat op de competenties van de leergang. Doe een nulmeting aan het begin, \
                 een tussenmeting halverwege en een eindmeting aan het eind, en vraag anderen om jou ook te beoordelen.",
                "Measure where you stand on the course's competencies. Do a baseline at the start, \
                 an interim scan halfway and a final scan at the end, and ask others to rate you too.",
            )}
        </p>
        <div class="selfscan-actions">
            <button type="button" class="primary"
                aria-expanded=move || (starting.get() == Starting::Own).to_string()
                on:click=move |_| starting.set(Starting::Own)>
                {t("Nieuwe zelfscan", "New self-scan")}
            </button>
            <button type="button" class="secondary"
                aria-expanded=move || (starting.get() == Starting::Other).to_string()
                on:click=move |_| starting.set(Starting::Other)>
                {t("Beoordeling door een ander", "Rating by someone else")}
            </button>
        </div>
        {move || match starting.get() {
            Starting::Nothing => None,
            Starting::Own => Some(view! { <StartForm by_other=false on_cancel=move || starting.set(Starting::Nothing)/> }.into_any()),
            Starting::Other => Some(view! { <StartForm by_other=true on_cancel=move || starting.set(Starting::Nothing)/> }.into_any()),
        }}
        <p class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
        <section aria-labelledby="scans-title">
            <h2 id="scans-title">{t("Je scans", "Your scans")}</h2>
            <Show
                when=move || scans.with(|s| !s.is_empty())
                fallback=|| view! { <p class="empty-state">{t("Je hebt nog geen scans. Begin met een nulmeting.", "You have no scans yet. Start with a baseline.")}</p> }
            >
                <table class="scan-list" data-testid="scan-list">
                    <thead>
                        <tr>
                            <th scope="col">{t("Scan", "Scan")}</th>
                            <th scope="col">{t("Datum", "Date")}</th>
                            <th scope="col">{t("Beoordelaar", "Rater")}</th>
                            <th scope="col">{t("Status", "Status")}</th>
                            <th scope="col">{t("Acties", "Actions")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || scans.get() key=|s| (s.id, s.is_finished(), s.label.label(lang()).to_string(), s.date) let:scan>
                            <ScanRow scan=scan status=status/>
                        </For>
                    </tbody>
                </table>
            </Show>
        </section>
        <requests::RequestSection/>
    }
}

#[component]
fn ScanRow(scan: Scan, status: RwSignal<String>) -> impl IntoView {
    let doc = use_doc();
    let id = scan.id;
    let finished = scan.is_finished();
    let title = scan.label.label(lang()).to_string();
    let confirming = RwSignal::new(false);
    let navigate = use_navigate();
    let copy = {
        let label = scan.label.following(lang());
        move |_| {
            let new = new_id();
            let result = change(doc, |s| s.copy_scan(id, new, label.clone(), time::today()));
            match result {
                Some(Ok(())) => navigate(&format!("/zelfscan/scan/{new}"), Default::default()),
                Some(Err(e)) => status.set(e.message(lang())),
                None => {}
            }
        }
    };
    let delete = {
        let title = title.clone();
        move |_| {
            if let Some(Err(e)) = change(doc, |s| s.delete_scan(id).map(|_| ())) {
                status.set(e.message(lang()));
            } else {
                status.set(t(
                    format!("Scan \u{201c}{title}\u{201d} is verwijderd."),
                    format!("Scan \u{201c}{title}\u{201d} has been deleted."),
                ));
            }
        }
    };
    let open_label = if finished {
        t("Bekijken", "View")
    } else {
        t("Verder invullen", "Continue")
    };
    let row_title = title.clone();
    view! {
        <tr>
            <th scope="row">{title}</th>
            <td>{lang().short_date(scan.date)}</td>
            <td>{scan.rater.label(lang())}</td>
            <td>{scan.status.label(lang())}</td>
            <td class="row-actions">
                <A href=format!("/zelfscan/scan/{id}")
                    attr:aria-label=format!("{open_label}: {row_title}")>{open_label}</A>
                {finished.then(|| view! {
                    <button type="button" class="secondary" on:click=copy>{t("Kopiëren als nieuw concept", "Copy as new draft")}</button>
                })}
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="secondary" on:click=move |_| confirming.set(true)>
                            {t("Verwijderen…", "Delete…")}
                        </button>
                    }
                >
                    <span role="group" aria-label=t("Bevestig verwijderen", "Confirm deletion")>
                        {t("Zeker weten? ", "Are you sure? ")}
                        <button type="button" class="danger" on:click=delete.clone()>{t("Ja, verwijder", "Yes, delete")}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{t("Nee", "No")}</button>
                    </span>
                </Show>
            </td>
        </tr>
    }
}

/// Starts a draft: a label and a date, and for a rating by someone else their name and role.
#[component]
fn StartForm(by_other: bool, on_cancel: impl Fn() + 'static) -> impl IntoView {
    let doc = use_doc();
    let navigate = use_navigate();
    let prefix = if by_other { "other" } else { "own" };
    let key = |field: &str| format!("scan:new:{prefix}:{field}");
    let kind = kept(key("kind"), || "baseline".to_string());
    let custom = kept(key("custom"), String::new);
    let date = kept(key("date"), || time::iso_date(time::today()));
    let name = kept(key("name"), String::new);
    let role = kept(key("role"), || RaterRole::Coach);
    let error = RwSignal::new(None::<String>);
    let id_of = move |what: &str| format!("start-{prefix}-{what}");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = match kind.get_untracked().as_str() {
            "baseline" => ScanLabel::Baseline,
            "midpoint" => ScanLabel::Midpoint,
            "final" => ScanLabel::Final,
            _ => ScanLabel::Custom(custom.get_untracked()),
        };
        let Ok(day) = date.get_untracked().parse::<NaiveDate>() else {
            error.set(Some(
                t("Vul een geldige datum in.", "Enter a valid date.").into(),
            ));
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
        match change(doc, |s| s.start_scan(id, label, day, rater)) {
            Some(Ok(())) => navigate(&format!("/zelfscan/scan/{id}"), Default::default()),
            Some(Err(e)) => error.set(Some(e.message(lang()))),
            None => {}
        }
    };
    let heading = if by_other {
        t("Beoordeling door een ander", "Rating by someone else")
    } else {
        t("Nieuwe zelfscan", "New self-scan")
    };
    let error_id = id_of("error");
    view! {
        <form class="card form start-form" on:submit=submit novalidate aria-labelledby=id_of("title")>
            <h2 id=id_of("title")>{heading}</h2>
            {by_other.then(|| view! {
                <p>{t(
                    "Laat iemand die je aan het werk ziet de scan over jou invullen, hier op jouw laptop. Zo zie je waar jouw beeld en het hunne verschillen.",
                    "Ask someone who sees you at work to fill in the scan about you, here on your laptop. That shows you where your view and theirs differ.",
                )}</p>
                <div class="field">
                    <label for=id_of("name")>{t("Naam van de beoordelaar", "Rater's name")}</label>
                    <input id=id_of("name") type="text" maxlength=limits::NAME.to_string() required
                        aria-describedby=id_of("error")
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for=id_of("role")>{t("Rol van de beoordelaar", "Rater's role")}</label>
                    // The option's value is the role's place in `ALL`, the same in any language.
                    <select id=id_of("role") on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(r) = v.parse::<usize>().ok().and_then(|k| RaterRole::ALL.get(k)) { role.set(*r) }
                    }>
                        {RaterRole::ALL.into_iter().enumerate().map(|(k, r)| view! {
                            <option value=k.to_string() selected=r == RaterRole::Coach>{r.label(lang())}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for=id_of("label")>{t("Soort meting", "Type of scan")}</label>
                <select id=id_of("label") on:change=move |ev| kind.set(event_target_value(&ev))>
                    <option value="baseline" selected=true>{ScanLabel::Baseline.label(lang()).to_string()}</option>
                    <option value="midpoint">{ScanLabel::Midpoint.label(lang()).to_string()}</option>
                    <option value="final">{ScanLabel::Final.label(lang()).to_string()}</option>
                    <option value="custom">{t("Eigen naam…", "Own name…")}</option>
                </select>
            </div>
            <Show when=move || kind.get() == "custom">
                <div class="field">
                    <label for=id_of("custom")>{t("Naam van de scan", "Name of the scan")}</label>
                    <input id=id_of("custom") type="text" maxlength=limits::KEY.to_string()
                        prop:value=custom on:input=move |ev| custom.set(event_target_value(&ev))/>
                </div>
            </Show>
            <div class="field">
                <label for=id_of("date")>{t("Datum", "Date")}</label>
                <input id=id_of("date") type="date" required
                    prop:value=date on:input=move |ev| date.set(event_target_value(&ev))/>
            </div>
            <p id=error_id class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="primary">{t("Start de scan", "Start the scan")}</button>
            " "
            <button type="button" on:click=move |_| on_cancel()>{t("Annuleren", "Cancel")}</button>
        </form>
    }
}
