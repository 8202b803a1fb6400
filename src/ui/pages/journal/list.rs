//! The case list: full-text search, filters, sorting, and a new case.

use std::collections::HashMap;

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::shared::{
    case_href, entries_count, entry_href, DeletedNotice, JournalNav, QUERY_DELETED,
};
use crate::model::id::new_id;
use crate::model::journal::{actor_options, Case, CaseQuery, CaseSort, CaseStatus, SearchIndex};
use crate::model::validation::limits;
use crate::model::Id;
use crate::ui::address;
use crate::ui::components::PageTitle;
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time::{now, today};

/// Links to matching entries on one card; the rest are counted.
const SHOWN_FOUND: usize = 5;

const Q_TEXT: &str = "zoek";
const Q_STATUS: &str = "status";
const Q_TAG: &str = "tag";
const Q_COMPETENCY: &str = "competentie";
const Q_ACTOR: &str = "betrokkene";
const Q_SORT: &str = "sorteer";

/// The list's address for a query; the parts left at their default are left out.
fn list_href(q: &CaseQuery, deleted: Option<&str>) -> String {
    let index = |all: &[CaseStatus], s: CaseStatus| all.iter().position(|x| *x == s);
    let mut parts: Vec<(&str, String)> = Vec::new();
    if !q.text.is_empty() {
        parts.push((Q_TEXT, q.text.clone()));
    }
    if let Some(i) = q.status.and_then(|s| index(&CaseStatus::ALL, s)) {
        parts.push((Q_STATUS, i.to_string()));
    }
    if let Some(t) = &q.tag {
        parts.push((Q_TAG, t.clone()));
    }
    if let Some(c) = &q.competency {
        parts.push((Q_COMPETENCY, c.clone()));
    }
    if let Some(a) = q.actor {
        parts.push((Q_ACTOR, a.to_string()));
    }
    if q.sort != CaseSort::default() {
        if let Some(i) = CaseSort::ALL.iter().position(|s| *s == q.sort) {
            parts.push((Q_SORT, i.to_string()));
        }
    }
    if let Some(d) = deleted {
        parts.push((QUERY_DELETED, d.to_string()));
    }
    address::href("/casusjournaal", &parts)
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct CaseRow {
    id: Id,
    title: String,
    status: &'static str,
    start: NaiveDate,
    client: String,
    tags: Vec<String>,
    entries: usize,
}

#[component]
pub fn JournalPage() -> impl IntoView {
    let doc = use_doc();
    // Indexed once per change of the journal; typing a query only scans the index.
    let index = doc.memo(|d| SearchIndex::new(&d.journal));
    // The query lives in the address too, so "back" from a case returns to the same list.
    let address = use_query_map().get_untracked();
    let param = |name: &str| address.get(name).filter(|v| !v.is_empty());
    let index_of = |name: &str| param(name).and_then(|v| v.parse::<usize>().ok());
    let text = RwSignal::new(param(Q_TEXT).unwrap_or_default());
    let status = RwSignal::new(index_of(Q_STATUS).and_then(|i| CaseStatus::ALL.get(i).copied()));
    let tag = RwSignal::new(param(Q_TAG));
    let competency = RwSignal::new(param(Q_COMPETENCY));
    let actor = RwSignal::new(param(Q_ACTOR).and_then(|v| v.parse::<Id>().ok()));
    let sort = RwSignal::new(
        index_of(Q_SORT)
            .and_then(|i| CaseSort::ALL.get(i).copied())
            .unwrap_or_default(),
    );
    let query = Memo::new(move |_| CaseQuery {
        text: text.get(),
        status: status.get(),
        tag: tag.get(),
        competency: competency.get(),
        actor: actor.get(),
        sort: sort.get(),
    });
    let deleted = param(QUERY_DELETED);
    address::keep_in_address(move || query.with(|q| list_href(q, deleted.as_deref())));
    let hits = Memo::new(move |_| query.with(|q| index.with(|i| i.search(q))));
    // What a card shows of its case, made once per change of the journal; a query only
    // picks from it, and cards are kept when only the "found in" line changes.
    let cards = doc.memo(|d| {
        let j = &d.journal;
        let mut entries: HashMap<Id, usize> = HashMap::new();
        for e in &j.entries {
            *entries.entry(e.case_id).or_default() += 1;
        }
        let cases = j
            .cases
            .iter()
            .map(|case| {
                let row = CaseRow {
                    id: case.id,
                    title: case.title.clone(),
                    status: case.status.label(lang()),
                    start: case.start,
                    client: case.client.clone(),
                    tags: case.tags.clone(),
                    entries: entries.get(&case.id).copied().unwrap_or(0),
                };
                (case.id, row)
            })
            .collect::<HashMap<_, _>>();
        let dates = j
            .entries
            .iter()
            .map(|e| (e.id, e.date))
            .collect::<HashMap<_, _>>();
        (cases, dates)
    });
    let rows = Memo::new(move |_| {
        hits.with(|hits| {
            cards.with(|(cases, _)| {
                hits.iter()
                    .filter_map(|hit| cases.get(&hit.case_id).cloned())
                    .collect::<Vec<_>>()
            })
        })
    });
    let found = Memo::new(move |_| {
        hits.with(|hits| {
            cards.with(|(_, dates)| {
                hits.iter()
                    .filter(|hit| !hit.entries.is_empty())
                    .map(|hit| {
                        let entries = hit
                            .entries
                            .iter()
                            .filter_map(|e| dates.get(e).map(|d| (*e, *d)))
                            .collect::<Vec<_>>();
                        (hit.case_id, entries)
                    })
                    .collect::<HashMap<_, _>>()
            })
        })
    });
    let total = doc.memo(|d| d.journal.cases.len());
    let filtering = Memo::new(move |_| {
        query.with(|q| {
            *q != CaseQuery {
                sort: q.sort,
                ..CaseQuery::default()
            }
        })
    });
    let announcement = move || {
        let n = rows.with(Vec::len);
        let cases = lang().count(n, t("casus", "case"), t("casussen", "cases"));
        if total.get() == 0 {
            String::new()
        } else if n == 0 {
            t("Geen casussen gevonden.", "No cases found.").to_string()
        } else if filtering.get() {
            t(format!("{cases} gevonden."), format!("{cases} found."))
        } else {
            format!("{cases}.")
        }
    };
    let clear = move |_| {
        text.set(String::new());
        status.set(None);
        tag.set(None);
        competency.set(None);
        actor.set(None);
    };
    view! {
        <PageTitle text=t("Casusjournaal", "Case journal")/>
        <JournalNav/>
        <DeletedNotice/>
        <NewCaseForm/>
        <section class="case-search" aria-labelledby="case-search-title">
            <h2 id="case-search-title">{t("Je casussen", "Your cases")}</h2>
            <Show
                when=move || { total.get() > 0 }
                fallback=|| view! {
                    <p class="empty-state">
                        {t(
                            "Je hebt nog geen casussen. Geef hierboven je eerste vraagstuk een titel om te beginnen.",
                            "You have no cases yet. To begin, give your first case a title above.",
                        )}
                    </p>
                }
            >
                <Filters text status tag competency actor sort/>
            </Show>
            <div class="result-line">
                <p class="result-count" role="status" aria-live="polite" aria-atomic="true" data-testid="case-count">
                    {announcement}
                </p>
                <Show when=move || { filtering.get() && total.get() > 0 }>
                    <button type="button" class="link-button" on:click=clear>{t("Wis zoekopdracht en filters", "Clear search and filters")}</button>
                </Show>
            </div>
            <ul class="case-list">
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    <CaseCard row found/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn CaseCard(row: CaseRow, found: Memo<HashMap<Id, Vec<(Id, NaiveDate)>>>) -> impl IntoView {
    let heading_id = format!("case-{}", row.id);
    let case = row.id;
    let found_here = Memo::new(move |_| found.with(|f| f.get(&case).cloned().unwrap_or_default()));
    let found = move || {
        found_here.with(|found_in| {
            (!found_in.is_empty()).then(|| {
                view! {
                    <p class="found-in">
                        {t("Gevonden in: ", "Found in: ")}
                        {found_in.iter().take(SHOWN_FOUND).enumerate().map(|(n, (entry, date))| view! {
                            {(n > 0).then_some(", ")}
                            <a href=entry_href(case, *entry)>{t(
                                format!("notitie van {}", lang().date(*date)),
                                format!("entry of {}", lang().date(*date)),
                            )}</a>
                        }).collect_view()}
                        {(found_in.len() > SHOWN_FOUND).then(|| {
                            let more = found_in.len() - SHOWN_FOUND;
                            t(
                                format!(" en {}", lang().count(more, "andere notitie", "andere notities")),
                                format!(" and {}", lang().count(more, "other entry", "other entries")),
                            )
                        })}
                    </p>
                }
            })
        })
    };
    view! {
        <li class="card case-card">
            <h3 id=heading_id><a href=case_href(row.id)>{row.title.clone()}</a></h3>
            <p class="case-meta">
                <span class="status-label">{format!("Status: {}", row.status)}</span>
                <span>{t(
                    format!("Gestart {}", lang().date(row.start)),
                    format!("Started {}", lang().date(row.start)),
                )}</span>
                <span>{entries_count(row.entries)}</span>
                {(!row.client.is_empty()).then(|| view! {
                    <span>{format!("{}: {}", t("Opdrachtgever", "Client"), row.client)}</span>
                })}
            </p>
            {(!row.tags.is_empty()).then(|| view! {
                <ul class="tags" aria-label="Tags">
                    {row.tags.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                </ul>
            })}
            {found}
        </li>
    }
}

#[component]
fn Filters(
    text: RwSignal<String>,
    status: RwSignal<Option<CaseStatus>>,
    tag: RwSignal<Option<String>>,
    competency: RwSignal<Option<String>>,
    actor: RwSignal<Option<Id>>,
    sort: RwSignal<CaseSort>,
) -> impl IntoView {
    let doc = use_doc();
    let tags = doc.memo(|d| d.journal.all_tags());
    let competencies = doc.memo(|d| {
        d.selfscan
            .current_framework()
            .map(|f| {
                f.competencies()
                    .map(|c| {
                        let name = d.selfscan.competency_name(lang(), &c.id);
                        (c.id.clone(), name.unwrap_or(&c.name).to_string())
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let actors = doc.memo(|d| actor_options(&d.network));
    view! {
        <div class="case-filters" role="search" aria-label=t("Casussen zoeken", "Search cases")>
            <div class="field search-field">
                <label for="case-search">{t("Zoeken in casussen en notities", "Search cases and entries")}</label>
                <input id="case-search" type="search" autocomplete="off"
                    aria-describedby="case-search-hint"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))/>
                <p id="case-search-hint" class="hint">
                    {t(
                        "Elk woord moet ergens in de casus of haar notities voorkomen; hoofdletters en accenten tellen niet.",
                        "Every word must occur somewhere in the case or its entries; capitals and accents do not matter.",
                    )}
                </p>
            </div>
            <div class="filter-row">
                <div class="field">
                    <label for="filter-status">"Status"</label>
                    <select id="filter-status" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        status.set(v.parse::<usize>().ok().and_then(|i| CaseStatus::ALL.get(i).copied()));
                    }>
                        <option value="" prop:selected=move || status.get().is_none()>{t("Alle statussen", "All statuses")}</option>
                        {CaseStatus::ALL.iter().enumerate().map(|(i, s)| {
                            let s = *s;
                            view! {
                                <option value=i.to_string() prop:selected=move || status.get() == Some(s)>{s.label(lang())}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-tag">"Tag"</label>
                    <select id="filter-tag" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        tag.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" prop:selected=move || tag.with(Option::is_none)>{t("Alle tags", "All tags")}</option>
                        {move || tags.get().into_iter().map(|t| {
                            let value = t.clone();
                            let chosen = t.clone();
                            view! {
                                <option value=value prop:selected=move || tag.with(|c| c.as_deref() == Some(chosen.as_str()))>{t}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-competency">{t("Competentie", "Competency")}</label>
                    <select id="filter-competency" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        competency.set((!v.is_empty()).then_some(v));
                    }>
                        <option value="" prop:selected=move || competency.with(Option::is_none)>{t("Alle competenties", "All competencies")}</option>
                        {move || competencies.get().into_iter().map(|(id, name)| {
                            let chosen = id.clone();
                            view! {
                                <option value=id prop:selected=move || competency.with(|c| c.as_deref() == Some(chosen.as_str()))>{name}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="filter-actor">{t("Betrokkene", "Person involved")}</label>
                    <select id="filter-actor" on:change=move |ev| {
                        actor.set(event_target_value(&ev).parse::<Id>().ok());
                    }>
                        <option value="" prop:selected=move || actor.with(Option::is_none)>{t("Iedereen", "Everyone")}</option>
                        {move || actors.get().into_iter().map(|(id, name)| view! {
                            <option value=id.to_string() prop:selected=move || actor.get() == Some(id)>{name}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="case-sort">{t("Sorteren op", "Sort by")}</label>
                    <select id="case-sort" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = v.parse::<usize>().ok().and_then(|i| CaseSort::ALL.get(i)) {
                            sort.set(*s);
                        }
                    }>
                        {CaseSort::ALL.iter().enumerate().map(|(i, s)| {
                            let s = *s;
                            view! {
                                <option value=i.to_string() prop:selected=move || sort.get() == s>{s.label(lang())}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
            </div>
        </div>
    }
}

/// A case needs a title; everything else is filled in on the case's own page.
#[component]
fn NewCaseForm() -> impl IntoView {
    let doc = use_doc();
    let navigate = use_navigate();
    let title = kept("case:new:title", String::new);
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let case = Case::new(new_id(), &title.get_untracked(), today(), now());
        let id = case.id;
        let mut result = Ok(false);
        doc.update(|d| result = d.journal.save_case(case, now()));
        match result {
            Ok(_) => {
                error.set(None);
                navigate(&case_href(id), Default::default());
            }
            Err(e) => error.set(Some(e.message(lang()))),
        }
    };
    view! {
        <form class="card new-case" on:submit=submit novalidate>
            <div class="field">
                <label for="new-case-title">{t("Titel van een nieuw vraagstuk", "Title of a new case")}</label>
                <div class="inline-form">
                    <input id="new-case-title" type="text" maxlength=limits::LINE.to_string()
                        aria-describedby="new-case-error"
                        aria-invalid=move || error.get().is_some().to_string()
                        prop:value=move || title.get()
                        on:input=move |ev| title.set(event_target_value(&ev))/>
                    <button type="submit" class="primary">{t("Nieuwe casus", "New case")}</button>
                </div>
                <p id="new-case-error" class="field-error" role="alert">{move || error.get()}</p>
            </div>
        </form>
    }
}
