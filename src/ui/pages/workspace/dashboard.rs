use leptos::prelude::*;

use super::{load_from_route, ParticipantNav};
use crate::model::journal::{agenda, AgendaKind};
use crate::model::network::analysis::{brokers, isolated_actors};
use crate::model::order::SharedSort;
use crate::model::workspace::recent_entries;
use crate::model::Document;
use crate::ui::components::PageTitle;
use crate::ui::i18n::{lang, t};
use crate::ui::pages::selfscan::{goal_summary, radar_view, rater_head, rater_row, scan_title};
use crate::ui::pages::NetworkPicture;
use crate::ui::time::{moment, today};

/// "/deelnemers/:id": one participant's data, read-only.
#[component]
pub fn ParticipantPage() -> impl IntoView {
    let loaded = match load_from_route() {
        Ok(l) => l,
        Err(e) => {
            return view! { <PageTitle text=t("Deelnemer", "Participant")/><p class="notice warning">{e.message(lang())}</p> }
                .into_any()
        }
    };
    let id = loaded.id;
    let Some(held) = loaded.held.get_untracked() else {
        return view! {
            <PageTitle text=t("Deelnemer", "Participant")/>
            <p class="notice warning">{loaded.error.map(|e| e.message(lang())).unwrap_or_default()}</p>
        }
        .into_any();
    };
    let doc = held.document;
    let title = t(
        format!("Dashboard van {}", doc.profile.name),
        format!("Dashboard of {}", doc.profile.name),
    );
    let (exported, received) = (moment(held.exported), moment(held.received));
    let course = &doc.profile.course;
    let dates = t(
        format!("{course} · bundel van {exported} · ingelezen {received}"),
        format!("{course} · bundle from {exported} · imported {received}"),
    );
    view! {
        <PageTitle text=title/>
        <ParticipantNav id=id/>
        <p class="muted" data-testid="bundle-dates">
            {dates}
        </p>
        <div class="workspace-grid">
            {scans_section(&doc)}
            {goals_section(&doc)}
            {agenda_section(&doc)}
            {entries_section(&doc)}
            {network_section(&doc)}
        </div>
    }
    .into_any()
}

pub(super) fn scans_section(doc: &Document) -> impl IntoView {
    let s = &doc.selfscan;
    let own = s.latest_finished_own_scan();
    // Every finished rating by others, newest first: the latest alone could be a rating of
    // one indicator that hides a full one, and each table names whose rating it is.
    let others = s.finished_ratings_by_others();
    let other = others.first().copied();
    let picked: Vec<_> = own.iter().chain(other.iter()).map(|x| x.id).collect();
    let titles: Vec<String> = own
        .iter()
        .chain(other.iter())
        .map(|x| scan_title(x))
        .collect();
    let radar = s.radar(lang(), &picked).ok().filter(|_| !picked.is_empty());
    let all = s
        .scans
        .iter()
        .map(|x| {
            let state = x.status.label(lang());
            view! { <li>{format!("{} · {state}", scan_title(x))}</li> }
        })
        .collect_view();
    let tables = own
        .map(|own| {
            others
                .iter()
                .filter_map(|other| {
                    let rows = s.compare_raters(own.id, other.id).ok()?;
                    (!rows.is_empty()).then(|| rater_table(s, own, other, rows))
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    view! {
        <section class="card wide" aria-labelledby="radar-heading" data-testid="dash-scans">
            <h2 id="radar-heading">{t("Laatste scans", "Latest scans")}</h2>
            {if s.scans.is_empty() {
                view! { <p class="muted">{t("Nog geen scans.", "No scans yet.")}</p> }.into_any()
            } else {
                view! { <ul>{all}</ul> }.into_any()
            }}
            {radar.map(|r| radar_view(&r, &titles, None))}
            {tables}
        </section>
    }
}

/// The participant's own view beside one rating by someone else, per competency.
fn rater_table(
    s: &crate::model::selfscan::SelfScan,
    own: &crate::model::selfscan::Scan,
    other: &crate::model::selfscan::Scan,
    comparison: Vec<crate::model::selfscan::RaterComparison>,
) -> impl IntoView {
    let rows = comparison
        .into_iter()
        .map(|r| {
            let name = s
                .competency_name(lang(), &r.competency)
                .unwrap_or(&r.competency)
                .to_string();
            rater_row(name, r.own, r.other, r.difference(), r.differs, false)
        })
        .collect_view();
    let caption = t(
        format!(
            "Eigen beeld ({}) en dat van een ander ({})",
            scan_title(own),
            scan_title(other)
        ),
        format!(
            "Own view ({}) and someone else's ({})",
            scan_title(own),
            scan_title(other)
        ),
    );
    view! {
        <table data-testid="dash-raters">
            <caption>{caption}</caption>
            {rater_head()}
            <tbody>{rows}</tbody>
        </table>
    }
}

pub(super) fn goals_section(doc: &Document) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="dash-goals">
            <h2 id="dash-goals">{t("Ontwikkeldoelen", "Development goals")}</h2>
            {goal_summary(&doc.selfscan)}
        </section>
    }
}

pub(super) fn agenda_list(doc: &Document) -> AnyView {
    let mut items = agenda(&doc.journal, today());
    // The participant's questions for the begeleider first: they are what a session is
    // for, and with many next steps they would otherwise end up pages further.
    items.shared_sort_by_key(|i| !matches!(i.kind, AgendaKind::CoachQuestion));
    if items.is_empty() {
        return view! { <p class="muted">{t("Geen open vragen of stappen.", "No open questions or steps.")}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|i| {
            let kind = match i.kind {
                AgendaKind::CoachQuestion => t("Vraag voor de begeleider", "Question for the coach"),
                AgendaKind::NextStep { .. } => t("Volgende stap", "Next step"),
                AgendaKind::FrameStep => t("Kleinste volgende stap", "Smallest next step"),
                AgendaKind::FrameMoment => t("Agendamoment", "Agenda moment"),
            };
            let moment = i.kind == AgendaKind::FrameMoment;
            let due = i
                .due
                .map(|d| {
                    if moment {
                        t(
                            format!(" · op {}", lang().short_date(d)),
                            format!(" · on {}", lang().date(d)),
                        )
                    } else {
                        t(
                            format!(" · uiterlijk {}", lang().short_date(d)),
                            format!(" · due {}", lang().date(d)),
                        )
                    }
                })
                .unwrap_or_default();
            let overdue = i.overdue.then_some(t(" · te laat", " · overdue"));
            let text = match (i.text.is_empty(), moment) {
                (false, _) => i.text,
                (true, true) => t("(agendamoment)", "(agenda moment)").to_string(),
                (true, false) => t("(deze notitie bespreken)", "(discuss this entry)").to_string(),
            };
            let whose = if i.whose_agenda.is_empty() {
                String::new()
            } else {
                t(
                    format!(" · op de agenda van {}", i.whose_agenda),
                    format!(" · on the agenda of {}", i.whose_agenda),
                )
            };
            // An entry's item names the entry's date; a frame's item is the case's own.
            let from = i
                .entry
                .map(|e| format!(" ({})", lang().short_date(e.date)))
                .unwrap_or_default();
            view! {
                <li>
                    <strong>{format!("{kind}: ")}</strong>{text}
                    <span class="muted">{format!(" — {}{from}{whose}{due}", i.case_title)}{overdue}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul data-testid="agenda">{rows}</ul> }.into_any()
}

fn agenda_section(doc: &Document) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="dash-agenda">
            <h2 id="dash-agenda">{t("Open vragen en stappen", "Open questions and steps")}</h2>
            {agenda_list(doc)}
        </section>
    }
}

pub(super) fn entries_section(doc: &Document) -> impl IntoView {
    let items = recent_entries(doc, 5)
        .into_iter()
        .map(|e| {
            let case = doc
                .journal
                .case(e.case_id)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            let first = e
                .texts
                .values()
                .find(|t| !t.trim().is_empty())
                .map(|t| t.chars().take(160).collect::<String>())
                .unwrap_or_default();
            let feedback = e.feedback.len();
            let feedback = (feedback > 0).then(|| {
                t(
                    format!(
                        "{} van de begeleider",
                        lang().count(feedback, "opmerking", "opmerkingen")
                    ),
                    format!(
                        "{} from the coach",
                        lang().count(feedback, "comment", "comments")
                    ),
                )
            });
            view! {
                <li>
                    <strong>{format!("{} — {}", lang().short_date(e.date), case)}</strong>
                    <p class="pre-line">{first}</p>
                    {feedback.map(|text| view! { <p class="muted">{text}</p> })}
                </li>
            }
        })
        .collect::<Vec<_>>();
    view! {
        <section class="card" aria-labelledby="dash-entries">
            <h2 id="dash-entries">{t("Recente notities", "Recent entries")}</h2>
            {if items.is_empty() {
                view! { <p class="muted">{t("Nog geen notities.", "No entries yet.")}</p> }.into_any()
            } else {
                view! { <ul data-testid="recent-entries">{items}</ul> }.into_any()
            }}
        </section>
    }
}

fn network_section(doc: &Document) -> impl IntoView {
    let net = &doc.network;
    let name = |id| {
        net.actors
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.clone())
            .unwrap_or_default()
    };
    let brokers: Vec<String> = brokers(net).into_iter().map(|b| name(b.actor)).collect();
    let isolated: Vec<String> = isolated_actors(net).into_iter().map(name).collect();
    let actors = net
        .actors
        .iter()
        .map(|a| view! { <li>{a.name.clone()}</li> })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="dash-network">
            <h2 id="dash-network">{t("Netwerkkaart", "Network map")}</h2>
            {(!net.actors.is_empty()).then(|| view! { <NetworkPicture network=net.clone() owner=doc.profile.name.clone()/> })}
            <p data-testid="dash-network-counts">{format!(
                "{}, {}.",
                lang().count(net.actors.len(), t("actor", "actor"), t("actoren", "actors")),
                lang().count(net.ties.len(), t("relatie", "relationship"), t("relaties", "relationships")),
            )}</p>
            {(!brokers.is_empty()).then(|| view! { <p>{t("Verbinders: ", "Brokers: ")}{format!("{}.", brokers.join(", "))}</p> })}
            {(!isolated.is_empty()).then(|| view! { <p>{t("Zonder relaties: ", "Without relationships: ")}{format!("{}.", isolated.join(", "))}</p> })}
            <details>
                <summary>{t("Alle actoren", "All actors")}</summary>
                <ul class="columns">{actors}</ul>
            </details>
        </section>
    }
}
