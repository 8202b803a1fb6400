//! *Mijn leerspoor*: the year on one page, newest first, drawn from the document by
//! `model::track` (nothing is entered here), with filters, a "since …" view and the
//! *ontwikkelverslag* to print (`ReportPage`).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::journal::{case_href, entry_href};
use crate::model::journal::parse_optional_date;
use crate::model::selfscan::{CompetencyDelta, Rater};
use crate::model::track::{
    counts, report, track, Event, FeedbackOn, Filter, GoalStep, Growth, Kind, What, PAGE,
};
use crate::model::{Document, Id};
use crate::ui::address;
use crate::ui::components::{PageTitle, PrintButton};
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time;

/// Competency id → its name in the interface language, in framework order.
fn competency_names(d: &Document) -> Vec<(String, String)> {
    d.selfscan
        .current_framework()
        .into_iter()
        .flat_map(|f| f.competency_ids())
        .map(|id| {
            let name = d.selfscan.competency_name(lang(), id).unwrap_or(id);
            (id.to_string(), name.to_string())
        })
        .collect()
}

/// "+1,0" / "−0,5": a change in a mean, with its sign.
fn signed(value: f64) -> String {
    let text = lang().decimal(value, 1);
    if value > 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{text}")
    } else {
        text
    }
}

/// The change of a self-scan against the one before, in words: the competencies that
/// went up and down; with a competency chosen, that one only.
fn scan_change(
    change: &[CompetencyDelta],
    only: Option<&str>,
    names: &HashMap<String, String>,
) -> String {
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let moved: Vec<(String, f64)> = change
        .iter()
        .filter(|d| only.is_none_or(|c| d.competency == c))
        .filter_map(|d| d.delta().map(|x| (name(&d.competency), x)))
        .filter(|(_, x)| x.abs() > 1e-9)
        .collect();
    if moved.is_empty() {
        return t(
            "Geen verschil met de vorige zelfscan",
            "No difference from the previous self-scan",
        )
        .into();
    }
    let list = |up: bool| {
        moved
            .iter()
            .filter(|(_, x)| (*x > 0.0) == up)
            .map(|(n, x)| format!("{n} {}", signed(*x)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (up, down) = (list(true), list(false));
    let mut parts = Vec::new();
    if !up.is_empty() {
        parts.push(t(format!("Hoger: {up}"), format!("Higher: {up}")));
    }
    if !down.is_empty() {
        parts.push(t(format!("Lager: {down}"), format!("Lower: {down}")));
    }
    parts.join(". ")
}

/// One event: what it was, a line about it, and where to find it.
fn event_view(
    event: &Event,
    only: Option<&str>,
    names: &HashMap<String, String>,
) -> impl IntoView + use<> {
    let (title, detail, href): (String, String, String) = match &event.what {
        What::Scan {
            id,
            label,
            rater,
            finished,
            change,
        } => {
            let title = match rater {
                Rater::Participant => t(
                    format!("Zelfscan \u{201c}{}\u{201d}", label.label(lang())),
                    format!("Self-scan \u{201c}{}\u{201d}", label.label(lang())),
                ),
                other => t(
                    format!("Beoordeling door {}", other.label(lang())),
                    format!("Rating by {}", other.label(lang())),
                ),
            };
            let mut detail = match change {
                Some(change) => scan_change(change, only, names),
                None if rater.is_participant() => {
                    t("De eerste zelfscan", "The first self-scan").into()
                }
                None => String::new(),
            };
            if !finished {
                detail = format!("{} {detail}", t("(concept)", "(draft)"));
            }
            (title, detail, format!("/zelfscan/scan/{id}"))
        }
        What::Entry {
            id,
            case,
            case_title,
            model,
            excerpt,
        } => (
            t(
                format!("Notitie bij \u{201c}{case_title}\u{201d}"),
                format!("Entry on \u{201c}{case_title}\u{201d}"),
            ),
            format!("{} · {excerpt}", model.label(lang())),
            entry_href(*case, *id),
        ),
        What::Case { id, title } => (
            t(
                format!("Casus gestart: \u{201c}{title}\u{201d}"),
                format!("Case started: \u{201c}{title}\u{201d}"),
            ),
            String::new(),
            case_href(*id),
        ),
        What::Goal { title, step, .. } => {
            let what = match step {
                GoalStep::Set => t("Ontwikkeldoel gesteld", "Development goal set"),
                GoalStep::Changed => t("Ontwikkeldoel gewijzigd", "Development goal changed"),
                GoalStep::Reached => t("Ontwikkeldoel bereikt", "Development goal achieved"),
            };
            (
                format!("{what}: \u{201c}{title}\u{201d}"),
                String::new(),
                "/zelfscan/doelen".to_string(),
            )
        }
        What::Snapshot { label, change, .. } => (
            t(
                format!("Momentopname van de kaart: \u{201c}{label}\u{201d}"),
                format!("Map snapshot: \u{201c}{label}\u{201d}"),
            ),
            change
                .map(|c| c.summary(lang()))
                .unwrap_or_else(|| t("De eerste momentopname", "The first snapshot").into()),
            "/netwerkkaart".to_string(),
        ),
        What::Feedback {
            author,
            excerpt,
            on,
        } => {
            let (title, href) = match on {
                FeedbackOn::Entry { entry, case } => (
                    t(
                        format!("Terugkoppeling van {author} op een notitie"),
                        format!("Feedback from {author} on an entry"),
                    ),
                    entry_href(*case, *entry),
                ),
                FeedbackOn::Goal { title, .. } => (
                    t(
                        format!("Terugkoppeling van {author} op \u{201c}{title}\u{201d}"),
                        format!("Feedback from {author} on \u{201c}{title}\u{201d}"),
                    ),
                    "/zelfscan/doelen".to_string(),
                ),
            };
            (title, excerpt.clone(), href)
        }
        What::Session {
            entry,
            case,
            case_title,
            question,
            done,
        } => (
            t(
                format!("Vraag voor de begeleider bij \u{201c}{case_title}\u{201d}"),
                format!("Question for the coach on \u{201c}{case_title}\u{201d}"),
            ),
            format!(
                "{} · {question}",
                if *done {
                    t("besproken", "discussed")
                } else {
                    t("nog open", "still open")
                }
            ),
            entry_href(*case, *entry),
        ),
    };
    let kind = kind_class(event.kind);
    let iso = time::iso_date(event.day);
    let day = lang().date(event.day);
    view! {
        <li class=format!("track-event track-{kind}") data-kind=kind>
            <time datetime=iso>{day}</time>
            <a href=href class="track-title user-text">{title}</a>
            {(!detail.is_empty()).then(|| view! { <p class="track-detail user-text">{detail}</p> })}
        </li>
    }
}

fn kind_class(kind: Kind) -> &'static str {
    match kind {
        Kind::Scan => "scan",
        Kind::Entry => "entry",
        Kind::Case => "case",
        Kind::Goal => "goal",
        Kind::Snapshot => "snapshot",
        Kind::Feedback => "feedback",
        Kind::Session => "session",
    }
}

#[component]
pub fn TrackPage() -> impl IntoView {
    let doc = use_doc();
    let events = doc.memo(|d| track(d, |at| time::local(at).date()));
    let names = doc.memo(competency_names);
    let cases = doc.memo(|d| {
        d.journal
            .cases
            .iter()
            .map(|c| (c.id, c.title.clone()))
            .collect::<Vec<_>>()
    });
    // The filter lives in the address too (`Filter::to_query`), so Back from an entry
    // and a reload find the track as it was left.
    let address = use_query_map().get_untracked();
    let filter = RwSignal::new(Filter::from_query(|k| address.get(k)));
    address::keep_in_address(move || address::href("/leerspoor", &filter.with(Filter::to_query)));
    let shown = RwSignal::new(PAGE);
    let since_error = RwSignal::new(None::<String>);
    let change = move |f: &dyn Fn(&mut Filter)| {
        filter.update(|filter| f(filter));
        shown.set(PAGE);
    };
    let filtered = Memo::new(move |_| {
        filter.with(|f| {
            events.with(|all| {
                all.iter()
                    .filter(|e| f.matches(e))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = move || events.with(Vec::len);
    let since_summary = move || {
        let since = filter.with(|f| f.since)?;
        let words = filtered.with(|list| {
            counts(list.iter())
                .into_iter()
                .map(|(kind, n)| kind.count(lang(), n))
                .collect::<Vec<_>>()
        });
        let day = lang().date(since);
        Some(if words.is_empty() {
            t(
                format!("Sinds {day} is er niets gebeurd dat je filter laat zien."),
                format!("Since {day}, nothing happened that your filter shows."),
            )
        } else {
            let list = words.join(", ");
            t(
                format!("Sinds {day}: {list}."),
                format!("Since {day}: {list}."),
            )
        })
    };
    let list = move || {
        let only = filter.with(|f| f.competency.clone());
        let names: HashMap<String, String> = names.get().into_iter().collect();
        filtered.with(|list| {
            let mut months: Vec<(NaiveDate, Vec<&Event>)> = Vec::new();
            for event in list.iter().take(shown.get()) {
                let month = event.day.with_day0(0).unwrap_or(event.day);
                match months.last_mut() {
                    Some((m, events)) if *m == month => events.push(event),
                    _ => months.push((month, vec![event])),
                }
            }
            months
                .into_iter()
                .map(|(month, events)| {
                    let heading = format!("track-{}", time::iso_date(month));
                    let labelled = heading.clone();
                    view! {
                        <section class="track-month" aria-labelledby=labelled>
                            <h2 id=heading>{lang().month(month)}</h2>
                            <ol class="track">
                                {events.into_iter().map(|e| event_view(e, only.as_deref(), &names)).collect_view()}
                            </ol>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    let more = move || filtered.with(Vec::len).saturating_sub(shown.get());
    view! {
        <PageTitle text=t("Mijn leerspoor", "My learning track")/>
        <p class="lead">
            {t(
                "Je jaar op één spoor: scans, notities, casussen, doelen, momentopnamen van je netwerkkaart, terugkoppeling en je vragen voor de begeleider, het nieuwste bovenaan. Alles komt uit wat je al hebt vastgelegd.",
                "Your year on one track: scans, entries, cases, goals, snapshots of your network map, feedback and your questions for the coach, newest first. Everything comes from what you already recorded.",
            )}
        </p>
        <p class="actions"><a href="/leerspoor/verslag">{t("Ontwikkelverslag bekijken en afdrukken", "View and print the development report")}</a></p>
        <form class="track-filters" role="search" aria-label=t("Het leerspoor filteren", "Filter the learning track")
            on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>{t("Wat laat je zien?", "What to show")}</legend>
                <div class="check-row">
                    {Kind::ALL.into_iter().map(|kind| {
                        let id = format!("track-kind-{}", kind_class(kind));
                        let for_id = id.clone();
                        view! {
                            <label class="check" for=for_id>
                                <input type="checkbox" id=id
                                    prop:checked=move || filter.with(|f| f.shows(kind))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        change(&|f: &mut Filter| {
                                            if on { f.hidden.remove(&kind); } else { f.hidden.insert(kind); }
                                        });
                                    }/>
                                {kind.label(lang())}
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="filter-row">
                <div class="field">
                    <label for="track-case">{t("Casus", "Case")}</label>
                    <select id="track-case" on:change=move |ev| {
                        let id = event_target_value(&ev).parse::<Id>().ok();
                        change(&|f: &mut Filter| f.case = id);
                    }>
                        <option value="" prop:selected=move || filter.with(|f| f.case.is_none())>{t("Alle casussen", "All cases")}</option>
                        {move || cases.get().into_iter().map(|(id, title)| view! {
                            <option value=id.to_string() prop:selected=move || filter.with(|f| f.case == Some(id))>{title}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="track-competency">{t("Competentie", "Competency")}</label>
                    <select id="track-competency" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        change(&|f: &mut Filter| f.competency = (!v.is_empty()).then(|| v.clone()));
                    }>
                        <option value="" prop:selected=move || filter.with(|f| f.competency.is_none())>{t("Alle competenties", "All competencies")}</option>
                        {move || names.get().into_iter().map(|(id, name)| {
                            let chosen = id.clone();
                            view! {
                                <option value=id prop:selected=move || filter.with(|f| f.competency.as_deref() == Some(chosen.as_str()))>{name}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="track-since">{t("Wat is er gebeurd sinds", "What happened since")}</label>
                    <input id="track-since" type="date" aria-describedby="track-since-error"
                        prop:value=move || filter.with(|f| f.since.map(time::iso_date).unwrap_or_default())
                        on:change=move |ev| {
                            match parse_optional_date(&event_target_value(&ev)) {
                                Ok(day) => {
                                    since_error.set(None);
                                    change(&|f: &mut Filter| f.since = day);
                                }
                                Err(e) => since_error.set(Some(e.message(lang()))),
                            }
                        }/>
                    <p id="track-since-error" class="field-error" role="alert">{move || since_error.get()}</p>
                </div>
            </div>
            <p class="actions">
                <button type="button" class="secondary" disabled=move || filter.with(Filter::is_empty)
                    on:click=move |_| { since_error.set(None); change(&|f: &mut Filter| *f = Filter::default()); }>
                    {t("Alles tonen", "Show everything")}
                </button>
            </p>
        </form>
        <p role="status" class="track-count" data-testid="track-count">
            {move || {
                let (n, all) = (filtered.with(Vec::len), total());
                if n == all {
                    t(format!("{all} gebeurtenissen"), format!("{all} events"))
                } else {
                    t(format!("{n} van {all} gebeurtenissen"), format!("{n} of {all} events"))
                }
            }}
        </p>
        <p class="track-since" data-testid="track-since">{since_summary}</p>
        <Show
            when=move || { total() > 0 }
            fallback=|| view! {
                <p class="empty-state">{t(
                    "Je spoor is nog leeg. Het vult zich vanzelf met je zelfscans, notities, doelen en momentopnamen.",
                    "Your track is still empty. It fills itself with your self-scans, entries, goals and snapshots.",
                )}</p>
            }
        >
            <Show when=move || filter.with(|f| Kind::ALL.into_iter().all(|k| !f.shows(k)))>
                <p class="empty-state" data-testid="track-none-shown">{t(
                    "Je hebt alle soorten uitgezet. Zet er een aan bij \u{201c}Wat laat je zien?\u{201d} om je spoor te zien.",
                    "You have turned every kind off. Turn one on under \u{201c}What to show\u{201d} to see your track.",
                )}</p>
            </Show>
            <div data-testid="track">{list}</div>
            <Show when=move || { more() > 0 }>
                <p class="actions">
                    <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {move || t(format!("Toon oudere ({} meer)", more()), format!("Show older ({} more)", more()))}
                    </button>
                </p>
            </Show>
        </Show>
    }
}

/// One competency's block in the report.
fn growth_view(g: &Growth, name: String) -> impl IntoView + use<> {
    let l = lang();
    let point = |p: Option<crate::model::track::Point>| {
        p.map(|p| format!("{} ({})", l.decimal(p.mean, 1), l.date(p.day)))
            .unwrap_or_else(|| t("nog niet gescoord", "not scored yet").into())
    };
    let first = point(g.first);
    let latest = point(g.latest);
    let change = g.change().map(signed);
    let target = g.target.map(|x| x.to_string());
    let others: Vec<String> = g
        .others
        .iter()
        .map(|o| {
            let gap = g
                .gap(o)
                .map(|x| {
                    t(
                        format!(", verschil {}", signed(x)),
                        format!(", difference {}", signed(x)),
                    )
                })
                .unwrap_or_default();
            format!(
                "{}: {} ({}){gap}",
                o.rater.label(l),
                l.decimal(o.mean, 1),
                l.date(o.day)
            )
        })
        .collect();
    let heading = format!("growth-{}", g.competency);
    let evidence = g.evidence.clone();
    let goals: Vec<String> = g
        .goals
        .iter()
        .map(|(_, title, status)| format!("{title} ({})", status.label(l).to_lowercase()))
        .collect();
    let cases: Vec<String> = g
        .cases
        .iter()
        .map(|c| {
            let entries = l.count(c.entries, t("notitie", "entry"), t("notities", "entries"));
            format!(
                "{} ({}, {entries})",
                c.title,
                c.status.label(l).to_lowercase()
            )
        })
        .collect();
    let list = |items: Vec<String>, none: &'static str| {
        if items.is_empty() {
            view! { <p class="muted">{none}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li class="user-text">{i}</li> }).collect_view()}</ul> }.into_any()
        }
    };
    let labelled = heading.clone();
    view! {
        <section class="report-competency" aria-labelledby=labelled>
            <h2 id=heading>{name}</h2>
            <dl class="report-figures">
                <dt>{t("Eerste zelfscan", "First self-scan")}</dt><dd>{first}</dd>
                <dt>{t("Laatste zelfscan", "Latest self-scan")}</dt><dd>{latest}</dd>
                {change.map(|c| view! { <dt>{t("Groei", "Growth")}</dt><dd>{c}</dd> })}
                {target.map(|x| view! { <dt>{t("Ambitie", "Target")}</dt><dd>{x}</dd> })}
            </dl>
            <h3>{t("Hoe anderen het zien", "How others see it")}</h3>
            {list(others, t("Nog geen beoordeling door anderen.", "No rating by others yet."))}
            <h3>{t("Voorbeelden uit de praktijk", "Examples from practice")}</h3>
            {list(evidence, t("Geen voorbeelden in de laatste zelfscan.", "No examples in the latest self-scan."))}
            <h3>{t("Ontwikkeldoelen", "Development goals")}</h3>
            {list(goals, t("Geen ontwikkeldoel.", "No development goal."))}
            <h3>{t("Casussen", "Cases")}</h3>
            {list(cases, t("Geen casus gekoppeld.", "No case linked."))}
        </section>
    }
}

/// The *ontwikkelverslag*: growth per competency with its evidence and cases, for the
/// final review; printed on A4 by `style/print.css`.
#[component]
pub fn ReportPage() -> impl IntoView {
    let doc = use_doc();
    let body = move || {
        doc.with(|d| {
            let r = report(d);
            let l = lang();
            let names: HashMap<String, String> = competency_names(d).into_iter().collect();
            let period = match r.first_day {
                Some(first) => t(
                    format!("{} tot {}", l.date(first), l.date(time::today())),
                    format!("{} to {}", l.date(first), l.date(time::today())),
                ),
                None => l.date(time::today()),
            };
            let totals = [
                l.count(r.scans, t("scan", "scan"), t("scans", "scans")),
                l.count(r.cases, t("casus", "case"), t("casussen", "cases")),
                l.count(r.entries, t("notitie", "entry"), t("notities", "entries")),
                l.count(r.snapshots, t("momentopname", "snapshot"), t("momentopnamen", "snapshots")),
            ]
            .join(", ");
            let who = if d.profile.course.is_empty() {
                d.profile.name.clone()
            } else {
                format!("{} · {}", d.profile.name, d.profile.course)
            };
            Some(view! {
                <p class="report-who user-text" data-testid="report-who">{who}</p>
                <p class="report-period">{period}{" · "}{totals}</p>
                {r.competencies.iter().map(|g| {
                    let name = names.get(&g.competency).cloned().unwrap_or_else(|| g.competency.clone());
                    growth_view(g, name)
                }).collect_view()}
            })
        })
    };
    view! {
        <p class="no-print"><a href="/leerspoor">{t("← Mijn leerspoor", "← My learning track")}</a></p>
        <PageTitle text=t("Ontwikkelverslag", "Development report")/>
        <p class="lead no-print">
            {t(
                "Voor het eindgesprek met je leidinggevende en begeleider: je groei per competentie, met de voorbeelden en casussen erachter.",
                "For the final review with your manager and coach: your growth per competency, with the examples and cases behind it.",
            )}
        </p>
        <PrintButton/>
        <div class="report" data-testid="report">{body}</div>
    }
}
