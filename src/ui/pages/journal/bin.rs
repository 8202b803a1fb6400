//! The bin ("Prullenbak"): deleted cases and entries, to restore or remove for good.

use leptos::prelude::*;

use super::shared::{case_href, entries_count, entry_href, JournalNav};
use crate::model::journal::{BinKind, BinRow};
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::PageTitle;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time::moment;

/// "1 casus of notitie" / "3 cases and entries".
fn items_count(n: usize) -> String {
    lang().count(
        n,
        t("casus of notitie", "case or entry"),
        t("casussen en notities", "cases and entries"),
    )
}

#[derive(Clone, PartialEq)]
enum Message {
    Restored { text: String, href: String },
    Emptied(String),
    Problem(String),
}

#[component]
pub fn JournalBinPage() -> impl IntoView {
    let doc = use_doc();
    let rows = doc.memo(|d| d.journal.bin_rows());
    let message = RwSignal::new(None::<Message>);
    let confirming = RwSignal::new(false);
    let status = NodeRef::<leptos::html::Div>::new();
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    let focus_status = move || {
        if let Some(el) = status.get_untracked() {
            let _ = el.focus();
        }
    };
    let restore = move |row: &BinRow| {
        let id = row.id;
        let mut result = Ok(());
        doc.update(|d| result = d.journal.restore_from_bin(id));
        message.set(Some(match result {
            Ok(()) => {
                let href = doc.with_untracked(|d| match row.kind {
                    BinKind::Case => case_href(id),
                    BinKind::Entry => d
                        .journal
                        .entry(id)
                        .map(|e| entry_href(e.case_id, id))
                        .unwrap_or_default(),
                });
                let title = &row.case_title;
                let date = row.entry_date.map(|d| lang().date(d)).unwrap_or_default();
                let text = match row.kind {
                    BinKind::Case => t(
                        format!("De casus \u{201c}{title}\u{201d} is teruggezet."),
                        format!("The case \u{201c}{title}\u{201d} has been restored."),
                    ),
                    BinKind::Entry => t(
                        format!("De notitie van {date} bij \u{201c}{title}\u{201d} is teruggezet."),
                        format!(
                            "The entry of {date} on \u{201c}{title}\u{201d} has been restored."
                        ),
                    ),
                };
                Message::Restored { text, href }
            }
            Err(e) => Message::Problem(e.message(lang())),
        }));
        focus_status();
    };
    let empty = move |_| {
        let mut removed = 0;
        doc.update(|d| removed = d.journal.empty_bin());
        confirming.set(false);
        let removed = items_count(removed);
        message.set(Some(Message::Emptied(t(
            format!("De prullenbak is leeg: {removed} definitief verwijderd."),
            format!("The bin is empty: {removed} permanently deleted."),
        ))));
        focus_status();
    };
    let ask = move |_| {
        confirming.set(true);
        request_animation_frame(move || {
            if let Some(el) = confirm_button.get_untracked() {
                let _ = el.focus();
            }
        });
    };
    view! {
        <PageTitle text=t("Prullenbak", "Bin")/>
        <JournalNav/>
        <p class="lead">
            {t(
                "Verwijderde casussen en notities wachten hier tot je ze terugzet of de prullenbak leegt. ",
                "Deleted cases and entries wait here until you restore them or empty the bin. ",
            )}
            {t("Een casus neemt haar notities mee.", "A case takes its entries with it.")}
        </p>
        <div class="journal-flash" role="status" tabindex="-1" node_ref=status data-testid="bin-status">
            {move || message.get().map(|m| match m {
                Message::Restored { text, href } => view! {
                    <p class="notice info"><span>{text}</span>" "<a href=href>{t("Openen", "Open")}</a></p>
                }.into_any(),
                Message::Emptied(text) => view! { <p class="notice info">{text}</p> }.into_any(),
                Message::Problem(text) => view! { <p class="notice error">{text}</p> }.into_any(),
            })}
        </div>
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! { <p class="empty-state">{t("De prullenbak is leeg.", "The bin is empty.")}</p> }
        >
            <table class="bin-table">
                <caption class="visually-hidden">
                    {t(
                        "Inhoud van de prullenbak, laatst verwijderd eerst",
                        "Contents of the bin, most recently deleted first",
                    )}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{t("Wat", "What")}</th>
                        <th scope="col">{t("Casus", "Case")}</th>
                        <th scope="col">{t("Verwijderd op", "Deleted on")}</th>
                        <th scope="col"><span class="visually-hidden">{t("Actie", "Action")}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| (r.id, r.deleted) let:row>
                        {
                            let what = match row.kind {
                                BinKind::Case => format!(
                                    "{} ({})",
                                    t("Casus", "Case"),
                                    entries_count(row.entries)
                                ),
                                BinKind::Entry => {
                                    let date = row.entry_date.map(|d| lang().date(d)).unwrap_or_default();
                                    let what = t(format!("Notitie van {date}"), format!("Entry of {date}"));
                                    if row.excerpt.is_empty() {
                                        what
                                    } else {
                                        format!("{what}: {}", row.excerpt)
                                    }
                                }
                            };
                            let label = format!("{what}, {}", row.case_title);
                            let for_restore = row.clone();
                            view! {
                                <tr>
                                    <td>{what}</td>
                                    <td>{row.case_title.clone()}</td>
                                    <td>{moment(row.deleted)}</td>
                                    <td>
                                        <button type="button" aria-label=format!("{}: {label}", t("Terugzetten", "Restore"))
                                            on:click=move |_| restore(&for_restore)>
                                            {t("Terugzetten", "Restore")}
                                        </button>
                                    </td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
            <div class="empty-bin">
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="secondary" id="empty-bin" on:click=ask>{t("Prullenbak legen…", "Empty the bin…")}</button>
                    }
                >
                    <div class="notice warning" role="group" aria-labelledby="empty-bin-question">
                        <p id="empty-bin-question">
                            <strong>{t("Prullenbak legen? ", "Empty the bin? ")}</strong>
                            {move || {
                                let n: usize = rows.with(|r| {
                                    r.iter().map(|r| usize::from(r.kind == BinKind::Case) + r.entries).sum()
                                });
                                let items = items_count(n);
                                let wordt = if n == 1 { "wordt" } else { "worden" };
                                t(
                                    format!("{items} {wordt} definitief verwijderd. Dit kan niet ongedaan worden."),
                                    format!("{items} will be permanently deleted. This cannot be undone."),
                                )
                            }}
                        </p>
                        <button type="button" class="danger" node_ref=confirm_button on:click=empty>
                            {t("Ja, leeg de prullenbak", "Yes, empty the bin")}
                        </button>
                        " "
                        <button type="button" on:click=move |_| {
                            confirming.set(false);
                            focus_soon(vec![Place::Id("empty-bin".into())]);
                        }>{t("Annuleren", "Cancel")}</button>
                    </div>
                </Show>
            </div>
        </Show>
    }
}
