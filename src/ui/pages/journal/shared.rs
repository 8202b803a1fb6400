//! Pieces the journal's pages share: links, the journal's own menu, the "moved to the bin"
//! message with its undo, and the write-through helpers. Dates and moments are worded by
//! `crate::ui::time`; the document comes from `use_doc()`.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::model::journal::{BinKind, Case, CaseError, Entry, EntryError};
use crate::model::Id;
use crate::ui::i18n::{lang, t};
use crate::ui::state::{use_doc, OpenDoc};
use crate::ui::time::{now, today};

pub const QUERY_DELETED: &str = "verwijderd";

pub fn case_href(case: Id) -> String {
    format!("/casusjournaal/casus/{case}")
}

pub fn entry_href(case: Id, entry: Id) -> String {
    format!("/casusjournaal/casus/{case}/notitie/{entry}")
}

/// "3 notities" / "3 entries".
pub fn entries_count(n: usize) -> String {
    lang().count(n, t("notitie", "entry"), t("notities", "entries"))
}

/// Changes one case through the model's save, which normalises and validates it.
pub fn update_case(doc: OpenDoc, id: Id, change: impl FnOnce(&mut Case)) -> Result<(), CaseError> {
    let mut result = Ok(());
    doc.update(|d| {
        if let Some(mut case) = d.journal.case(id).cloned() {
            change(&mut case);
            result = d.journal.save_case(case, now()).map(|_| ());
        }
    });
    result
}

pub fn update_entry(
    doc: OpenDoc,
    id: Id,
    change: impl FnOnce(&mut Entry),
) -> Result<(), EntryError> {
    let mut result = Ok(());
    doc.update(|d| {
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
    let doc = use_doc();
    let open_items = doc.memo(|d| crate::model::journal::agenda(&d.journal, today()).len());
    let in_bin = doc.memo(|d| d.journal.bin.len());
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
    let doc = use_doc();
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
        let row = doc.with_untracked(|d| d.journal.bin_rows().into_iter().find(|r| r.id == id));
        let message = row.map(|row| {
            let title = &row.case_title;
            let date = row.entry_date.map(|d| lang().date(d)).unwrap_or_default();
            let with = match row.entries {
                0 => String::new(),
                n => t(
                    format!(", met {}", entries_count(n)),
                    format!(", with {}", entries_count(n)),
                ),
            };
            let text = match row.kind {
                BinKind::Case => t(
                    format!("De casus \u{201c}{title}\u{201d} staat nu in de prullenbak{with}."),
                    format!("The case \u{201c}{title}\u{201d} is now in the bin{with}."),
                ),
                BinKind::Entry => t(
                    format!("De notitie van {date} staat nu in de prullenbak."),
                    format!("The entry of {date} is now in the bin."),
                ),
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
        doc.update(|d| result = d.journal.restore_from_bin(id));
        flash.set(Some(match result {
            Ok(()) => {
                let href = doc.with_untracked(|d| {
                    d.journal
                        .case(id)
                        .map(|c| case_href(c.id))
                        .or_else(|| d.journal.entry(id).map(|e| entry_href(e.case_id, e.id)))
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
