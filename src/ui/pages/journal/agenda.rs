//! "Agenda voor de volgende sessie": open coach questions and next steps of all cases,
//! overdue first, each with a link to its entry and a way to tick it off.

use leptos::prelude::*;

use super::shared::{entry_href, JournalNav};
use crate::model::journal::{agenda, AgendaItem, AgendaKind};
use crate::model::Id;
use crate::ui::components::PageTitle;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time::{now, today};

#[derive(Clone, PartialEq)]
struct Ticked {
    entry: Id,
    kind: AgendaKind,
    text: String,
}

fn item_key(item: &AgendaItem) -> String {
    let kind = match item.kind {
        AgendaKind::CoachQuestion => "vraag".to_string(),
        AgendaKind::NextStep { step_id } => step_id.to_string(),
    };
    format!(
        "{}/{kind}/{}/{:?}/{}",
        item.entry_id, item.text, item.due, item.overdue
    )
}

fn describe(item: &AgendaItem) -> String {
    match item.kind {
        AgendaKind::CoachQuestion if item.text.trim().is_empty() => t(
            format!(
                "Vraag voor begeleider bij \u{201c}{}\u{201d}",
                item.case_title
            ),
            format!("Question for coach on \u{201c}{}\u{201d}", item.case_title),
        ),
        _ => item.text.clone(),
    }
}

#[component]
pub fn JournalAgendaPage() -> impl IntoView {
    let doc = use_doc();
    let items = doc.memo(|d| agenda(&d.journal, today()));
    let ticked = RwSignal::new(None::<Ticked>);
    let status = NodeRef::<leptos::html::Div>::new();
    let tick = move |item: &AgendaItem| {
        let (entry, kind, text) = (item.entry_id, item.kind, describe(item));
        let mut changed = false;
        doc.update(|d| changed = d.journal.set_agenda_item_done(entry, kind, true, now()));
        if changed {
            ticked.set(Some(Ticked { entry, kind, text }));
            // The ticked item leaves the list, and its button with it.
            if let Some(el) = status.get_untracked() {
                let _ = el.focus();
            }
        }
    };
    let undo = move |_| {
        if let Some(t) = ticked.get_untracked() {
            doc.update(|d| {
                d.journal
                    .set_agenda_item_done(t.entry, t.kind, false, now());
            });
            ticked.set(None);
        }
    };
    view! {
        <PageTitle text=t("Agenda voor de volgende sessie", "Agenda for the next session")/>
        <JournalNav/>
        <p class="lead">
            {t(
                "Alle open vragen voor je begeleider en alle open volgende stappen uit je casussen. ",
                "All open questions for your coach and all open next steps from your cases. ",
            )}
            {t("Wat over tijd is, staat bovenaan.", "Overdue items come first.")}
        </p>
        <div class="journal-flash" role="status" tabindex="-1" node_ref=status data-testid="agenda-status">
            {move || ticked.get().map(|ticked| view! {
                <p class="notice info">
                    <span>{format!("{}: {}", t("Afgevinkt", "Ticked off"), ticked.text)}</span>
                    " "
                    <button type="button" on:click=undo>{t("Ongedaan maken", "Undo")}</button>
                </p>
            })}
        </div>
        <Show
            when=move || items.with(|i| !i.is_empty())
            fallback=|| view! {
                <p class="empty-state">
                    {t(
                        "Er staat niets op de agenda. Markeer in een notitie een vraag voor je begeleider, of voeg volgende stappen toe.",
                        "There is nothing on the agenda. Mark a question for your coach in an entry, or add next steps.",
                    )}
                </p>
            }
        >
            <ol class="agenda" data-testid="agenda">
                <For each=move || items.get() key=item_key let:item>
                    {
                        let label = describe(&item);
                        let kind = match item.kind {
                            AgendaKind::CoachQuestion => t("Vraag voor begeleider", "Question for coach"),
                            AgendaKind::NextStep { .. } => t("Volgende stap", "Next step"),
                        };
                        let for_tick = item.clone();
                        view! {
                            <li class="card agenda-item" class:overdue=item.overdue>
                                <p class="agenda-kind">
                                    <span>{kind}</span>
                                    {item.overdue.then(|| view! { <strong class="overdue-label">{t("⚠ Over tijd", "⚠ Overdue")}</strong> })}
                                </p>
                                <p class="agenda-text user-text">{label.clone()}</p>
                                <p class="agenda-meta">
                                    {item.due.map(|d| view! {
                                        <span>{format!("{} {}", t("Uiterlijk", "Due by"), lang().date(d))}</span>
                                    })}
                                    <span>{format!("{}: {}", t("Casus", "Case"), item.case_title)}</span>
                                    <a href=entry_href(item.case_id, item.entry_id)>
                                        {t(
                                            format!("Naar de notitie van {}", lang().date(item.entry_date)),
                                            format!("Go to the entry of {}", lang().date(item.entry_date)),
                                        )}
                                    </a>
                                </p>
                                <button type="button" aria-label=format!("{}: {label}", t("Afvinken", "Tick off"))
                                    on:click=move |_| tick(&for_tick)>
                                    {t("Afvinken", "Tick off")}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ol>
        </Show>
    }
}
