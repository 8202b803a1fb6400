//! "Agenda voor de volgende sessie": open coach questions and next steps of all cases,
//! and the open smallest next steps and agenda moments of their solution-focused frames,
//! overdue first, each with a link to its entry (or case) and a way to tick it off.

use leptos::prelude::*;

use super::shared::{case_href, entry_href, JournalNav};
use crate::model::journal::{agenda, AgendaItem, AgendaKind};
use crate::model::Id;
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::PageTitle;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time::{now, today};

#[derive(Clone, PartialEq)]
struct Ticked {
    source: Id,
    kind: AgendaKind,
    text: String,
}

fn kind_key(kind: AgendaKind) -> String {
    match kind {
        AgendaKind::CoachQuestion => "vraag".to_string(),
        AgendaKind::NextStep { step_id } => step_id.to_string(),
        AgendaKind::FrameStep => "stap".to_string(),
        AgendaKind::FrameMoment => "moment".to_string(),
    }
}

/// The id of an item's "Afvinken" button, which the undo gives the focus back to.
fn tick_id(source: Id, kind: AgendaKind) -> String {
    format!("afvinken-{source}-{}", kind_key(kind))
}

fn item_key(item: &AgendaItem) -> String {
    let kind = kind_key(item.kind);
    format!(
        "{}/{kind}/{}/{}/{:?}/{}",
        item.source(),
        item.text,
        item.whose_agenda,
        item.due,
        item.overdue
    )
}

/// The kind of an item as the agenda lists name it.
fn kind_label(kind: AgendaKind) -> &'static str {
    match kind {
        AgendaKind::CoachQuestion => t("Vraag voor begeleider", "Question for coach"),
        AgendaKind::NextStep { .. } => t("Volgende stap", "Next step"),
        AgendaKind::FrameStep => t("Kleinste volgende stap", "Smallest next step"),
        AgendaKind::FrameMoment => t("Agendamoment", "Agenda moment"),
    }
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
        AgendaKind::FrameMoment if item.text.trim().is_empty() => t(
            format!("Agendamoment van \u{201c}{}\u{201d}", item.case_title),
            format!("Agenda moment of \u{201c}{}\u{201d}", item.case_title),
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
        let (source, kind, text) = (item.source(), item.kind, describe(item));
        let mut changed = false;
        doc.update(|d| changed = d.journal.set_agenda_item_done(source, kind, true, now()));
        if changed {
            ticked.set(Some(Ticked { source, kind, text }));
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
                    .set_agenda_item_done(t.source, t.kind, false, now());
            });
            ticked.set(None);
            // The undo button goes, the item comes back: on from the item's own button.
            focus_soon(vec![
                Place::Id(tick_id(t.source, t.kind)),
                Place::Id("page-title".into()),
            ]);
        }
    };
    view! {
        <PageTitle text=t("Agenda voor de volgende sessie", "Agenda for the next session")/>
        <JournalNav/>
        <p class="lead">
            {t(
                "Alle open vragen voor je begeleider, alle open volgende stappen uit je casussen en wat je oplossingsgericht wilt agenderen. ",
                "All open questions for your coach, all open next steps from your cases and what you want to put on an agenda. ",
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
                        let kind = kind_label(item.kind);
                        let is_moment = item.kind == AgendaKind::FrameMoment;
                        let for_tick = item.clone();
                        view! {
                            <li class="card agenda-item" class:overdue=item.overdue>
                                <p class="agenda-kind">
                                    <span>{kind}</span>
                                    {item.overdue.then(|| view! { <strong class="overdue-label">{t("⚠ Over tijd", "⚠ Overdue")}</strong> })}
                                </p>
                                <p class="agenda-text user-text">{label.clone()}</p>
                                <p class="agenda-meta">
                                    {item.due.map(|d| {
                                        let when = if is_moment { t("Op", "On") } else { t("Uiterlijk", "Due by") };
                                        view! { <span>{format!("{when} {}", lang().date(d))}</span> }
                                    })}
                                    {(!item.whose_agenda.is_empty()).then(|| view! {
                                        <span>{format!("{}: {}", t("Op de agenda van", "On the agenda of"), item.whose_agenda)}</span>
                                    })}
                                    <span>{format!("{}: {}", t("Casus", "Case"), item.case_title)}</span>
                                    {match item.entry {
                                        Some(e) => view! {
                                            <a href=entry_href(item.case_id, e.id)>
                                                {t(
                                                    format!("Naar de notitie van {}", lang().date(e.date)),
                                                    format!("Go to the entry of {}", lang().date(e.date)),
                                                )}
                                            </a>
                                        }.into_any(),
                                        None => view! {
                                            <a href=case_href(item.case_id)>{t("Naar de casus", "Go to the case")}</a>
                                        }.into_any(),
                                    }}
                                </p>
                                <button type="button" id=tick_id(item.source(), item.kind)
                                    aria-label=format!("{}: {label}", t("Afvinken", "Tick off"))
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
