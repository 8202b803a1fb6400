//! The bin ("Prullenbak"): deleted cases and entries, to restore or remove for good.

use leptos::prelude::*;

use super::shared::{
    case_href, count_nl, date_nl, entry_href, journal_memo, moment_nl, JournalNav,
};
use crate::model::journal::{BinKind, BinRow};
use crate::ui::components::PageTitle;
use crate::ui::state::use_app;

#[derive(Clone, PartialEq)]
enum Message {
    Restored { text: String, href: String },
    Emptied(String),
    Problem(String),
}

#[component]
pub fn JournalBinPage() -> impl IntoView {
    let app = use_app();
    let rows = journal_memo(|j| j.bin_rows());
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
        app.update(|d| result = d.journal.restore_from_bin(id));
        message.set(Some(match result {
            Ok(()) => {
                let href = app
                    .doc
                    .with_untracked(|d| {
                        d.as_ref().and_then(|d| match row.kind {
                            BinKind::Case => Some(case_href(id)),
                            BinKind::Entry => {
                                d.journal.entry(id).map(|e| entry_href(e.case_id, id))
                            }
                        })
                    })
                    .unwrap_or_default();
                let text = match row.kind {
                    BinKind::Case => {
                        format!("De casus \u{201c}{}\u{201d} is teruggezet.", row.case_title)
                    }
                    BinKind::Entry => format!(
                        "De notitie van {} bij \u{201c}{}\u{201d} is teruggezet.",
                        row.entry_date.map(date_nl).unwrap_or_default(),
                        row.case_title
                    ),
                };
                Message::Restored { text, href }
            }
            Err(e) => Message::Problem(e.message_nl()),
        }));
        focus_status();
    };
    let empty = move |_| {
        let mut removed = 0;
        app.update(|d| removed = d.journal.empty_bin());
        confirming.set(false);
        message.set(Some(Message::Emptied(format!(
            "De prullenbak is leeg: {} definitief verwijderd.",
            count_nl(removed, "casus of notitie", "casussen en notities")
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
        <PageTitle text="Prullenbak"/>
        <JournalNav/>
        <p class="lead">
            "Verwijderde casussen en notities wachten hier tot je ze terugzet of de prullenbak leegt. "
            "Een casus neemt haar notities mee."
        </p>
        <div class="journal-flash" role="status" tabindex="-1" node_ref=status data-testid="bin-status">
            {move || message.get().map(|m| match m {
                Message::Restored { text, href } => view! {
                    <p class="notice info"><span>{text}</span>" "<a href=href>"Openen"</a></p>
                }.into_any(),
                Message::Emptied(text) => view! { <p class="notice info">{text}</p> }.into_any(),
                Message::Problem(text) => view! { <p class="notice error">{text}</p> }.into_any(),
            })}
        </div>
        <Show
            when=move || rows.with(|r| !r.is_empty())
            fallback=|| view! { <p class="empty-state">"De prullenbak is leeg."</p> }
        >
            <table class="bin-table">
                <caption class="visually-hidden">"Inhoud van de prullenbak, laatst verwijderd eerst"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Wat"</th>
                        <th scope="col">"Casus"</th>
                        <th scope="col">"Verwijderd op"</th>
                        <th scope="col"><span class="visually-hidden">"Actie"</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| (r.id, r.deleted) let:row>
                        {
                            let what = match row.kind {
                                BinKind::Case => format!(
                                    "Casus ({})",
                                    count_nl(row.entries, "notitie", "notities")
                                ),
                                BinKind::Entry => format!(
                                    "Notitie van {}",
                                    row.entry_date.map(date_nl).unwrap_or_default()
                                ),
                            };
                            let label = format!("{what}, {}", row.case_title);
                            let for_restore = row.clone();
                            view! {
                                <tr>
                                    <td>{what}</td>
                                    <td>{row.case_title.clone()}</td>
                                    <td>{moment_nl(row.deleted)}</td>
                                    <td>
                                        <button type="button" aria-label=format!("Terugzetten: {label}")
                                            on:click=move |_| restore(&for_restore)>
                                            "Terugzetten"
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
                        <button type="button" class="secondary" on:click=ask>"Prullenbak legen…"</button>
                    }
                >
                    <div class="notice warning" role="group" aria-labelledby="empty-bin-question">
                        <p id="empty-bin-question">
                            <strong>"Prullenbak legen? "</strong>
                            {move || format!(
                                "{} worden definitief verwijderd. Dit kan niet ongedaan worden.",
                                rows.with(|r| {
                                    let n: usize = r.iter().map(|r| usize::from(r.kind == BinKind::Case) + r.entries).sum();
                                    count_nl(n, "casus of notitie", "casussen en notities")
                                })
                            )}
                        </p>
                        <button type="button" class="danger" node_ref=confirm_button on:click=empty>
                            "Ja, leeg de prullenbak"
                        </button>
                        " "
                        <button type="button" on:click=move |_| confirming.set(false)>"Annuleren"</button>
                    </div>
                </Show>
            </div>
        </Show>
    }
}
