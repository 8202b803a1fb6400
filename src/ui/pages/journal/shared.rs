//! Pieces the journal's pages share: links, moments in the interface language, the
//! journal's own menu, the "moved to the bin" message with its undo, and the write-through
//! helpers.

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::model::journal::{BinKind, Case, CaseError, Entry, EntryError, Journal};
use crate::model::{Document, Id, Lang};
use crate::ui::i18n::{lang, t};
use crate::ui::state::{use_app, AppState};

pub const QUERY_DELETED: &str = "verwijderd";

pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

pub fn case_href(case: Id) -> String {
    format!("/casusjournaal/casus/{case}")
}

pub fn entry_href(case: Id, entry: Id) -> String {
    format!("/casusjournaal/casus/{case}/notitie/{entry}")
}

/// "2 maart 2026, 14:05" / "2 March 2026, 14:05", in the browser's time zone.
pub fn moment(moment: DateTime<Utc>) -> String {
    let local = moment.with_timezone(&chrono::Local);
    format!(
        "{}, {}",
        lang().date(local.date_naive()),
        local.format("%H:%M")
    )
}

/// "3 notities" / "3 entries".
pub fn entries_count(n: usize) -> String {
    lang().count(n, t("notitie", "entry"), t("notities", "entries"))
}

/// A value derived from the journal, recomputed when the document changes and passed on
/// only when it differs, so a keystroke elsewhere does not rebuild the views that read it.
pub fn journal_memo<T>(f: impl Fn(&Journal) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Default + Send + Sync + 'static,
{
    let app = use_app();
    Memo::new(move |_| {
        app.doc
            .with(|d| d.as_ref().map(|d| f(&d.journal)).unwrap_or_default())
    })
}

/// The same over the whole document, for what the journal reads from other sections.
pub fn doc_memo<T>(f: impl Fn(&Document) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Default + Send + Sync + 'static,
{
    let app = use_app();
    Memo::new(move |_| app.doc.with(|d| d.as_ref().map(&f).unwrap_or_default()))
}

/// Changes one case through the model's save, which normalises and validates it.
pub fn update_case(app: AppState, id: Id, change: impl FnOnce(&mut Case)) -> Result<(), CaseError> {
    let mut result = Ok(());
    app.update(|d| {
        if let Some(mut case) = d.journal.case(id).cloned() {
            change(&mut case);
            result = d.journal.save_case(case, now()).map(|_| ());
        }
    });
    result
}

pub fn update_entry(
    app: AppState,
    id: Id,
    change: impl FnOnce(&mut Entry),
) -> Result<(), EntryError> {
    let mut result = Ok(());
    app.update(|d| {
        if let Some(mut entry) = d.journal.entry(id).cloned() {
            change(&mut entry);
            result = d.journal.save_entry(entry, now()).map(|_| ());
        }
    });
    result
}

/// The text of a field whose stored form is tidied on save (trimmed, deduplicated): the
/// field shows what the user typed, and follows the store only when the stored value
/// changes into something the typed text does not already stand for (another tab, undo).
pub fn draft(
    stored: Memo<String>,
    canonical: impl Fn(&str) -> String + Send + Sync + 'static,
) -> RwSignal<String> {
    let text = RwSignal::new(stored.get_untracked());
    Effect::new(move |_| {
        let stored = stored.get();
        if text.with_untracked(|t| canonical(t)) != stored {
            text.set(stored);
        }
    });
    text
}

/// The journal's own menu, under the page title.
#[component]
pub fn JournalNav() -> impl IntoView {
    let open_items = journal_memo(|j| crate::model::journal::agenda(j, today()).len());
    let in_bin = journal_memo(|j| j.bin.len());
    view! {
        <nav class="journal-nav" aria-label=t("Casusjournaal", "Case journal")>
            <ul>
                <li><A href="/casusjournaal" exact=true>{t("Casussen", "Cases")}</A></li>
                <li>
                    <A href="/casusjournaal/agenda">
                        {t("Agenda voor de volgende sessie", "Agenda for the next session")}
                        " "
                        <span class="count">{move || format!("({})", open_items.get())}</span>
                    </A>
                </li>
                <li>
                    <A href="/casusjournaal/prullenbak">
                        {t("Prullenbak", "Bin")}
                        " "
                        <span class="count">{move || format!("({})", in_bin.get())}</span>
                    </A>
                </li>
            </ul>
        </nav>
    }
}

#[derive(Clone, PartialEq)]
enum Flash {
    Deleted { id: Id, text: String },
    Restored { text: String, href: String },
    Problem(String),
}

/// After a delete the page is opened with `?verwijderd=<id>`; this says what went to the
/// bin and offers to put it back. The region is in the page before its text arrives, so
/// screen readers announce the text.
#[component]
pub fn DeletedNotice() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let deleted = Memo::new(move |_| {
        query
            .with(|q| q.get(QUERY_DELETED))
            .and_then(|s| s.parse::<Id>().ok())
    });
    let flash = RwSignal::new(None::<Flash>);
    let region = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(id) = deleted.get() else {
            flash.set(None);
            return;
        };
        let row = app.doc.with_untracked(|d| {
            d.as_ref()
                .and_then(|d| d.journal.bin_rows().into_iter().find(|r| r.id == id))
        });
        let message = row.map(|row| {
            let title = &row.case_title;
            let date = row.entry_date.map(|d| lang().date(d)).unwrap_or_default();
            let with = match (row.entries, lang()) {
                (0, _) => String::new(),
                (n, Lang::Nl) => format!(", met {}", entries_count(n)),
                (n, Lang::En) => format!(", with {}", entries_count(n)),
            };
            let text = match (row.kind, lang()) {
                (BinKind::Case, Lang::Nl) => {
                    format!("De casus \u{201c}{title}\u{201d} staat nu in de prullenbak{with}.")
                }
                (BinKind::Case, Lang::En) => {
                    format!("The case \u{201c}{title}\u{201d} is now in the bin{with}.")
                }
                (BinKind::Entry, Lang::Nl) => {
                    format!("De notitie van {date} staat nu in de prullenbak.")
                }
                (BinKind::Entry, Lang::En) => format!("The entry of {date} is now in the bin."),
            };
            Flash::Deleted { id, text }
        });
        let found = message.is_some();
        flash.set(message);
        // The delete button is gone with the page it was on; the message takes focus.
        if let Some(el) = region.get_untracked().filter(|_| found) {
            let _ = el.focus();
        }
    });
    let undo = move |id: Id| {
        let mut result = Ok(());
        app.update(|d| result = d.journal.restore_from_bin(id));
        flash.set(Some(match result {
            Ok(()) => {
                let href = app.doc.with_untracked(|d| {
                    d.as_ref().and_then(|d| {
                        d.journal
                            .case(id)
                            .map(|c| case_href(c.id))
                            .or_else(|| d.journal.entry(id).map(|e| entry_href(e.case_id, e.id)))
                    })
                });
                Flash::Restored {
                    text: t("Teruggezet uit de prullenbak.", "Restored from the bin.").into(),
                    href: href.unwrap_or_default(),
                }
            }
            Err(e) => Flash::Problem(e.message(lang())),
        }));
    };
    view! {
        <div class="journal-flash" role="status" tabindex="-1" node_ref=region data-testid="journal-flash">
            {move || flash.get().map(|f| match f {
                Flash::Deleted { id, text } => view! {
                    <p class="notice info">
                        <span>{text}</span>
                        " "
                        <button type="button" on:click=move |_| undo(id)>{t("Ongedaan maken", "Undo")}</button>
                        " "
                        <a href="/casusjournaal/prullenbak">{t("Naar de prullenbak", "Go to the bin")}</a>
                    </p>
                }.into_any(),
                Flash::Restored { text, href } => view! {
                    <p class="notice info">
                        <span>{text}</span>
                        " "
                        <a href=href>{t("Openen", "Open")}</a>
                    </p>
                }.into_any(),
                Flash::Problem(text) => view! {
                    <p class="notice error">{text}</p>
                }.into_any(),
            })}
        </div>
    }
}

/// Breadcrumbs above a case or entry.
#[component]
pub fn Crumbs(children: Children) -> impl IntoView {
    view! {
        <nav class="crumbs" aria-label=t("Kruimelpad", "Breadcrumbs")>
            <ol>
                <li><a href="/casusjournaal">{t("Casusjournaal", "Case journal")}</a></li>
                {children()}
            </ol>
        </nav>
    }
}
