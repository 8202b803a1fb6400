//! Finding cases: full-text search over a case and its entries, filters and sorting.
//!
//! `SearchIndex` folds all text once (build it when the journal changes, e.g. in a memo);
//! each query is then a linear scan of plain substring tests, which stays well under a
//! keystroke's budget for a course's worth of entries.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::case::tag_key;
use super::entry::newest_first;
use super::fold::fold_into;
use super::{fold, Case, CaseStatus, Entry, Journal};
use crate::model::network::Network;
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CaseSort {
    /// Most recently changed first.
    #[default]
    RecentlyUpdated,
    /// Latest start first.
    StartDate,
    /// A to Z, ignoring case and accents.
    Title,
    /// In workflow order (Verkennen first), most recently changed first within a status.
    Status,
}

impl CaseSort {
    pub const ALL: [CaseSort; 4] = [
        CaseSort::RecentlyUpdated,
        CaseSort::StartDate,
        CaseSort::Title,
        CaseSort::Status,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CaseSort::RecentlyUpdated => lang.pick("Laatst gewijzigd", "Last changed"),
            CaseSort::StartDate => lang.pick("Startdatum", "Start date"),
            CaseSort::Title => lang.pick("Titel", "Title"),
            CaseSort::Status => "Status",
        }
    }
}

/// What the case list asks for. Every part that is set must hold.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CaseQuery {
    /// Words separated by spaces; a case matches when each word occurs somewhere in the
    /// case or its entries, ignoring case and accents.
    pub text: String,
    pub status: Option<CaseStatus>,
    /// Compared ignoring case, as tags are deduplicated.
    pub tag: Option<String>,
    pub competency: Option<String>,
    pub actor: Option<Id>,
    pub sort: CaseSort,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseHit {
    pub case_id: Id,
    /// Entries of the case that contain at least one query word, newest first; empty
    /// when the query has no words.
    pub entries: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SearchIndex {
    cases: Vec<IndexedCase>,
}

#[derive(Clone, Debug, PartialEq)]
struct IndexedCase {
    id: Id,
    title: String,
    status: CaseStatus,
    start: NaiveDate,
    updated: DateTime<Utc>,
    tags: Vec<String>,
    competencies: Vec<String>,
    actors: Vec<Id>,
    text: String,
    /// Newest first.
    entries: Vec<(Id, String)>,
}

impl SearchIndex {
    /// Indexes the live cases and entries.
    pub fn new(journal: &Journal) -> SearchIndex {
        let mut by_case: HashMap<Id, Vec<&Entry>> = HashMap::new();
        for entry in &journal.entries {
            by_case.entry(entry.case_id).or_default().push(entry);
        }
        let cases = journal
            .cases
            .iter()
            .map(|case| {
                let mut entries = by_case.remove(&case.id).unwrap_or_default();
                newest_first(&mut entries);
                IndexedCase {
                    id: case.id,
                    title: fold(&case.title),
                    status: case.status,
                    start: case.start,
                    updated: case.updated,
                    tags: case.tags.iter().map(|t| tag_key(t)).collect(),
                    competencies: case.competencies.clone(),
                    actors: case.actors.clone(),
                    text: case_text(case),
                    entries: entries.iter().map(|e| (e.id, entry_text(e))).collect(),
                }
            })
            .collect();
        SearchIndex { cases }
    }

    pub fn search(&self, query: &CaseQuery) -> Vec<CaseHit> {
        let words: Vec<String> = query.text.split_whitespace().map(fold).collect();
        let tag = query.tag.as_deref().map(tag_key);
        let mut hits: Vec<(&IndexedCase, Vec<Id>)> = self
            .cases
            .iter()
            .filter(|c| query.status.is_none_or(|s| c.status == s))
            .filter(|c| tag.as_ref().is_none_or(|t| c.tags.contains(t)))
            .filter(|c| {
                query
                    .competency
                    .as_ref()
                    .is_none_or(|k| c.competencies.contains(k))
            })
            .filter(|c| query.actor.is_none_or(|a| c.actors.contains(&a)))
            .filter_map(|c| c.matches(&words).map(|entries| (c, entries)))
            .collect();
        hits.shared_sort_by(|(a, _), (b, _)| compare(a, b, query.sort));
        hits.into_iter()
            .map(|(c, entries)| CaseHit {
                case_id: c.id,
                entries,
            })
            .collect()
    }
}

impl IndexedCase {
    /// `None` if some word occurs nowhere; otherwise the entries holding any word.
    fn matches(&self, words: &[String]) -> Option<Vec<Id>> {
        let all_found = words.iter().all(|w| {
            self.text.contains(w.as_str())
                || self.entries.iter().any(|(_, t)| t.contains(w.as_str()))
        });
        if !all_found {
            return None;
        }
        Some(
            self.entries
                .iter()
                .filter(|(_, t)| words.iter().any(|w| t.contains(w.as_str())))
                .map(|(id, _)| *id)
                .collect(),
        )
    }
}

fn compare(a: &IndexedCase, b: &IndexedCase, sort: CaseSort) -> Ordering {
    let newest_first = b.updated.cmp(&a.updated);
    match sort {
        CaseSort::RecentlyUpdated => newest_first,
        CaseSort::StartDate => b.start.cmp(&a.start).then(newest_first),
        CaseSort::Title => a.title.cmp(&b.title).then(newest_first),
        CaseSort::Status => a.status.cmp(&b.status).then(newest_first),
    }
    .then(a.id.cmp(&b.id))
}

/// Fields are joined by a line break, which no query word contains, so a word never
/// matches across two fields.
fn case_text(case: &Case) -> String {
    let mut text = String::new();
    for field in [&case.title, &case.situation, &case.question, &case.client]
        .into_iter()
        .chain(&case.tags)
        .chain(&case.involved_names)
    {
        fold_into(field, &mut text);
        text.push('\n');
    }
    text
}

/// The participant's texts (of every model, as they are kept), next steps, the coach
/// question and the feedback received.
fn entry_text(entry: &Entry) -> String {
    let mut text = String::new();
    let fields = entry
        .texts
        .values()
        .chain(entry.next_steps.iter().map(|s| &s.text))
        .chain(entry.coach_question.iter().map(|q| &q.text))
        .chain(entry.feedback.iter().map(|f| &f.text));
    for field in fields {
        fold_into(field, &mut text);
        text.push('\n');
    }
    text
}

impl Journal {
    /// Builds a throw-away index; for repeated queries keep a `SearchIndex` instead.
    pub fn search(&self, query: &CaseQuery) -> Vec<CaseHit> {
        SearchIndex::new(self).search(query)
    }
}

/// The map's actors as `(id, name)`, in the order the journal lists them (by folded
/// name, accents ignored): the choices of a case's actors and of the actor filter.
pub fn actor_options(net: &Network) -> Vec<(Id, String)> {
    let mut actors: Vec<(Id, String)> = net.actors.iter().map(|a| (a.id, a.name.clone())).collect();
    actors.shared_sort_by_key(|(_, name)| fold(name));
    actors
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::super::fixtures::*;
    use super::super::{gen, CoachQuestion, Feedback, NextStep};
    use super::*;
    use crate::model::Role;

    /// Three cases, updated at hours 5, 9 and 7; see each field below.
    fn journal() -> Journal {
        let mut c1 = case(1, "Bomenkap Noordsingel", day(2026, 1, 10));
        c1.situation = "De lindebomen zijn ziek".into();
        c1.client = "Afdeling Groen".into();
        c1.tags = vec!["groen".into(), "bewoners".into()];
        c1.competencies = vec!["verbinden".into()];
        c1.actors = vec![id(100)];
        c1.updated = at(5);
        let mut c2 = case(2, "Café-terras Marktplein", day(2026, 2, 1));
        c2.situation = "Ondernemers willen meer ruimte".into();
        c2.client = "Wijkmanager Oost".into();
        c2.tags = vec!["ondernemers".into()];
        c2.status = CaseStatus::InProgress;
        c2.competencies = vec!["agenderen".into()];
        c2.actors = vec![id(100), id(101)];
        c2.updated = at(9);
        let mut c3 = case(3, "Speelplaats Oosterpark", day(2025, 11, 15));
        c3.client = "Wethouder Buitenruimte".into();
        c3.tags = vec!["spelen".into(), "Groen".into()];
        c3.status = CaseStatus::Done;
        c3.competencies = vec!["verbinden".into(), "agenderen".into()];
        c3.updated = at(7);

        let mut e10 = entry(10, 1, day(2026, 3, 2));
        e10.set_text(
            "starr.situatie",
            "Bewonersavond over de ideeën voor de singel",
        );
        let mut e11 = entry(11, 2, day(2026, 3, 5));
        e11.model = super::super::ReflectionModel::Borton;
        e11.set_text("borton.wat", "Overleg met de wethouder over vergunningen");
        e11.coach_question = Some(CoachQuestion {
            text: "Hoe houd ik regie?".into(),
            done: false,
        });
        let mut e12 = entry(12, 3, day(2026, 3, 1));
        e12.model = super::super::ReflectionModel::Free;
        e12.set_text("vrij", "De coördinatie met de aannemer liep stroef");
        e12.next_steps.push(NextStep {
            id: id(120),
            text: "Aannemer bellen".into(),
            due: None,
            done: false,
        });
        let mut e13 = entry(13, 1, day(2026, 3, 4));
        e13.feedback.push(Feedback {
            author_profile: None,
            id: id(130),
            author: "Marieke".into(),
            author_role: Role::Coach,
            written: at(8),
            text: "Denk aan de wethouder".into(),
        });
        Journal {
            cases: vec![c1, c2, c3],
            entries: vec![e10, e11, e12, e13],
            bin: Vec::new(),
        }
    }

    fn ids(hits: &[CaseHit]) -> Vec<Id> {
        hits.iter().map(|h| h.case_id).collect()
    }

    fn text(q: &str) -> CaseQuery {
        CaseQuery {
            text: q.into(),
            ..CaseQuery::default()
        }
    }

    #[test]
    fn actor_options_are_listed_by_folded_name() {
        use crate::model::network::Actor;
        let mut net = Network::default();
        for (n, name) in [(1, "Eva"), (2, "Émile"), (3, "anna")] {
            net.add_actor(Actor::new(Id::from_u128(n), name)).unwrap();
        }
        let names: Vec<String> = actor_options(&net).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["anna", "Émile", "Eva"]);
    }

    #[test]
    fn an_empty_query_lists_every_case_most_recently_updated_first() {
        let hits = journal().search(&CaseQuery::default());
        assert_eq!(ids(&hits), [id(2), id(3), id(1)]);
        assert!(hits.iter().all(|h| h.entries.is_empty()));
    }

    #[test]
    fn words_match_ignoring_case_and_accents_in_both_directions() {
        let index = SearchIndex::new(&journal());
        let hits = index.search(&text("IDEEEN"));
        assert_eq!(ids(&hits), [id(1)]);
        assert_eq!(hits[0].entries, [id(10)]);
        assert_eq!(ids(&index.search(&text("cafe"))), [id(2)]);
        assert_eq!(ids(&index.search(&text("Coördinatie"))), [id(3)]);
        assert_eq!(ids(&index.search(&text("coordinatie"))), [id(3)]);
        assert!(index.search(&text("xyz")).is_empty());
    }

    #[test]
    fn a_word_is_found_in_any_field_of_the_case_or_its_entries() {
        let index = SearchIndex::new(&journal());
        // Entry text of 2, client of 3, feedback on entry 13 of case 1.
        let hits = index.search(&text("wethouder"));
        assert_eq!(ids(&hits), [id(2), id(3), id(1)]);
        assert_eq!(hits[0].entries, [id(11)]);
        assert!(hits[1].entries.is_empty());
        assert_eq!(hits[2].entries, [id(13)]);
        // Tags, the coach question and a next step count too.
        assert_eq!(ids(&index.search(&text("spelen"))), [id(3)]);
        assert_eq!(ids(&index.search(&text("regie"))), [id(2)]);
        assert_eq!(ids(&index.search(&text("bellen"))), [id(3)]);
    }

    #[test]
    fn every_word_must_match_but_they_may_sit_in_different_places() {
        let index = SearchIndex::new(&journal());
        assert_eq!(ids(&index.search(&text("wethouder regie"))), [id(2)]);
        let hits = index.search(&text("  lindebomen   Bewonersavond "));
        assert_eq!(ids(&hits), [id(1)]);
        assert_eq!(hits[0].entries, [id(10)]);
        // "ziek" in the situation, "wethouder" only in feedback.
        let hits = index.search(&text("ziek wethouder"));
        assert_eq!(ids(&hits), [id(1)]);
        assert_eq!(hits[0].entries, [id(13)]);
        assert!(index.search(&text("ziek regie")).is_empty());
    }

    #[test]
    fn matching_entries_come_newest_first() {
        let hits = journal().search(&text("de"));
        let case1 = hits.iter().find(|h| h.case_id == id(1)).unwrap();
        assert_eq!(case1.entries, [id(13), id(10)]);
    }

    #[test]
    fn filters_combine_with_each_other_and_with_words() {
        let index = SearchIndex::new(&journal());
        let q = |f: &dyn Fn(&mut CaseQuery)| {
            let mut q = CaseQuery::default();
            f(&mut q);
            ids(&index.search(&q))
        };
        assert_eq!(q(&|q| q.status = Some(CaseStatus::Done)), [id(3)]);
        assert_eq!(q(&|q| q.tag = Some("groen".into())), [id(3), id(1)]);
        assert_eq!(q(&|q| q.tag = Some(" GROEN ".into())), [id(3), id(1)]);
        assert!(q(&|q| q.tag = Some("gro".into())).is_empty());
        assert_eq!(
            q(&|q| q.competency = Some("agenderen".into())),
            [id(2), id(3)]
        );
        assert_eq!(q(&|q| q.actor = Some(id(100))), [id(2), id(1)]);
        assert!(q(&|q| {
            q.actor = Some(id(101));
            q.status = Some(CaseStatus::Exploring);
        })
        .is_empty());
        assert_eq!(
            q(&|q| {
                q.tag = Some("groen".into());
                q.text = "wethouder".into();
            }),
            [id(3), id(1)]
        );
    }

    #[test]
    fn each_sort_orders_as_labelled() {
        let index = SearchIndex::new(&journal());
        let sorted = |sort| {
            ids(&index.search(&CaseQuery {
                sort,
                ..CaseQuery::default()
            }))
        };
        assert_eq!(sorted(CaseSort::RecentlyUpdated), [id(2), id(3), id(1)]);
        assert_eq!(sorted(CaseSort::StartDate), [id(2), id(1), id(3)]);
        assert_eq!(sorted(CaseSort::Title), [id(1), id(2), id(3)]);
        assert_eq!(sorted(CaseSort::Status), [id(1), id(2), id(3)]);
        assert_eq!(CaseSort::StartDate.label(Lang::Nl), "Startdatum");
        assert_eq!(CaseSort::StartDate.label(Lang::En), "Start date");
    }

    #[test]
    fn title_sort_ignores_accents_and_status_ties_go_to_the_newest() {
        let mut j = Journal::default();
        for (n, title, hour) in [
            (1, "Zwerfafval", 1),
            (2, "Één richting", 2),
            (3, "afval", 3),
        ] {
            let mut c = case(n, title, day(2026, 1, 1));
            c.updated = at(hour);
            j.cases.push(c);
        }
        let by = |sort| {
            ids(&j.search(&CaseQuery {
                sort,
                ..CaseQuery::default()
            }))
        };
        assert_eq!(by(CaseSort::Title), [id(3), id(2), id(1)]);
        // All share status and start date: newest change first.
        assert_eq!(by(CaseSort::Status), [id(3), id(2), id(1)]);
        assert_eq!(by(CaseSort::StartDate), [id(3), id(2), id(1)]);
    }

    /// The same question answered the slow, obvious way: fold every field per query.
    fn naive(j: &Journal, q: &CaseQuery) -> Vec<Id> {
        let words: Vec<String> = q.text.split_whitespace().map(fold).collect();
        let mut out: Vec<Id> = j
            .cases
            .iter()
            .filter(|c| q.status.is_none_or(|s| c.status == s))
            .filter(|c| {
                q.tag.as_ref().is_none_or(|t| {
                    c.tags
                        .iter()
                        .any(|ct| ct.to_lowercase() == t.to_lowercase())
                })
            })
            .filter(|c| {
                q.competency
                    .as_ref()
                    .is_none_or(|k| c.competencies.contains(k))
            })
            .filter(|c| q.actor.is_none_or(|a| c.actors.contains(&a)))
            .filter(|c| {
                let mut fields = vec![
                    c.title.clone(),
                    c.situation.clone(),
                    c.question.clone(),
                    c.client.clone(),
                ];
                fields.extend(c.tags.clone());
                fields.extend(c.involved_names.clone());
                for e in j.entries.iter().filter(|e| e.case_id == c.id) {
                    fields.extend(e.texts.values().cloned());
                    fields.extend(e.next_steps.iter().map(|s| s.text.clone()));
                    fields.extend(e.coach_question.iter().map(|q| q.text.clone()));
                    fields.extend(e.feedback.iter().map(|f| f.text.clone()));
                }
                words
                    .iter()
                    .all(|w| fields.iter().any(|f| fold(f).contains(w.as_str())))
            })
            .map(|c| c.id)
            .collect();
        out.sort();
        out
    }

    #[test]
    fn on_a_generated_course_year_the_index_agrees_with_a_naive_search() {
        let mut j = gen::generate(2026, 100, 2000);
        // Entries repeat the generator's phrases, so discriminating words come from cases;
        // planted words the generator never writes check single hits.
        let planted_case = j.cases[17].id;
        j.cases[17]
            .situation
            .push_str(" Het Zwaluwnést onder de brug.");
        let other_case = j.cases[42].id;
        let planted_entry = j
            .entries
            .iter_mut()
            .find(|e| e.case_id == other_case)
            .unwrap();
        planted_entry.set_text("starr.taak", "ZWALUWNEST tellen");
        let planted_entry = planted_entry.id;

        let index = SearchIndex::new(&j);
        let hits = index.search(&text("zwaluwnest"));
        let found: HashSet<Id> = ids(&hits).into_iter().collect();
        assert_eq!(found, HashSet::from([planted_case, other_case]));
        let hit42 = hits.iter().find(|h| h.case_id == other_case).unwrap();
        assert_eq!(hit42.entries, [planted_entry]);

        let actor = gen::actor_ids()[3];
        let queries = [
            text("rivierabuurt"),
            text("Joëlle"),
            text("gebiedsregisseur  ZUID"),
            text("kademuur ideeen"),
            text("Havenkwartier geïrriteerd"),
            text("de"),
            CaseQuery {
                text: "bewoners".into(),
                status: Some(CaseStatus::InProgress),
                ..CaseQuery::default()
            },
            CaseQuery {
                tag: Some("Groen".into()),
                sort: CaseSort::Title,
                ..CaseQuery::default()
            },
            CaseQuery {
                competency: Some("verbinden".into()),
                text: "aannemer".into(),
                sort: CaseSort::StartDate,
                ..CaseQuery::default()
            },
            CaseQuery {
                actor: Some(actor),
                sort: CaseSort::Status,
                ..CaseQuery::default()
            },
        ];
        let mut partial = 0;
        for q in &queries {
            let hits = index.search(q);
            let mut got = ids(&hits);
            got.sort();
            assert_eq!(got, naive(&j, q), "query {q:?}");
            if !hits.is_empty() && hits.len() < 100 {
                partial += 1;
            }
            for pair in hits.windows(2) {
                let (a, b) = (
                    j.case(pair[0].case_id).unwrap(),
                    j.case(pair[1].case_id).unwrap(),
                );
                let in_order = match q.sort {
                    CaseSort::RecentlyUpdated => a.updated >= b.updated,
                    CaseSort::StartDate => a.start >= b.start,
                    CaseSort::Title => fold(&a.title) <= fold(&b.title),
                    CaseSort::Status => a.status <= b.status,
                };
                assert!(in_order, "{q:?}: {} before {}", a.title, b.title);
            }
        }
        // The queries must discriminate, or agreeing with the naive search proves little.
        assert!(
            partial >= 7,
            "only {partial} queries found some but not all cases"
        );
    }
}
