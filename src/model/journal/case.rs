//! Cases: the real, current problems ("vraagstukken") a participant works on in the course.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::frame::{normalise_frame, Frame};
use super::story::{normalise_stories, StoryPlan};
use super::Journal;
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

/// Longest title the form accepts, in characters.
pub const MAX_TITLE: usize = 200;

/// Declared in the order a case usually moves through, which is also how it sorts.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    #[default]
    Exploring,
    /// Getting the problem onto the agenda of the organisation ("agenderen"); not the
    /// agenda for the next coaching session.
    Agenda,
    InProgress,
    Done,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 4] = [
        CaseStatus::Exploring,
        CaseStatus::Agenda,
        CaseStatus::InProgress,
        CaseStatus::Done,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CaseStatus::Exploring => lang.pick("Verkennen", "Exploring"),
            CaseStatus::Agenda => lang.pick("Agenderen", "Agenda-setting"),
            CaseStatus::InProgress => lang.pick("In uitvoering", "In progress"),
            CaseStatus::Done => lang.pick("Afgerond", "Completed"),
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Case {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub situation: String,
    #[serde(default)]
    pub question: String,
    /// "Oplossingsgericht agenderen" (`frame`): left out of the JSON when there is none,
    /// so a case without one is written exactly as before schema 3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    /// Boxed: most cases have none, and a case stays small in lists and in the bin.
    pub frame: Option<Box<Frame>>,
    /// The opdrachtgever, as the participant names them; not a link to the network map.
    #[serde(default)]
    pub client: String,
    #[serde(default)]
    pub status: CaseStatus,
    pub start: NaiveDate,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Slugs of the self-scan framework's competencies.
    #[serde(default)]
    pub competencies: Vec<String>,
    /// Actors of the network map.
    #[serde(default)]
    pub actors: Vec<Id>,
    /// People involved who are not (yet) on the network map.
    #[serde(default)]
    pub involved_names: Vec<String>,
    /// "Verhalend verbinden": a story plan per actor (`story`); left out of the JSON when
    /// there are none, so a case without them is written exactly as before schema 4.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<StoryPlan>,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

impl Case {
    pub fn new(id: Id, title: &str, start: NaiveDate, now: DateTime<Utc>) -> Case {
        Case {
            id,
            title: title.trim().to_string(),
            situation: String::new(),
            question: String::new(),
            frame: None,
            client: String::new(),
            status: CaseStatus::Exploring,
            start,
            tags: Vec::new(),
            competencies: Vec::new(),
            actors: Vec::new(),
            involved_names: Vec::new(),
            stories: Vec::new(),
            created: now,
            updated: now,
        }
    }

    pub(super) fn normalise(&mut self) {
        trim_in_place(&mut self.title);
        trim_in_place(&mut self.client);
        normalise_frame(&mut self.frame);
        normalise_stories(&mut self.stories);
        normalise_names(&mut self.tags);
        normalise_names(&mut self.involved_names);
        let mut seen = HashSet::new();
        self.competencies = self
            .competencies
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty() && seen.insert(c.to_string()))
            .map(str::to_string)
            .collect();
        let mut seen = HashSet::new();
        self.actors.retain(|a| seen.insert(*a));
    }
}

fn trim_in_place(text: &mut String) {
    if text.trim().len() != text.len() {
        *text = text.trim().to_string();
    }
}

/// Trims, collapses inner spaces and drops empties and repeats that differ only in case,
/// keeping the first spelling: "Groen", " groen " and "GROEN" are one tag.
pub(super) fn normalise_names(names: &mut Vec<String>) {
    let mut seen = HashSet::new();
    *names = names
        .iter()
        .map(|n| collapse_spaces(n))
        .filter(|n| !n.is_empty() && seen.insert(n.to_lowercase()))
        .collect();
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What makes two tags the same tag, for deduplication and for the tag filter alike.
pub(super) fn tag_key(tag: &str) -> String {
    collapse_spaces(tag).to_lowercase()
}

/// Why a case cannot be saved; each maps to one field or one message of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseError {
    TitleMissing,
    TitleTooLong,
    /// A case in the bin is read-only until it is restored.
    InBin,
}

impl CaseError {
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            CaseError::TitleMissing => {
                lang.pick("Geef de casus een titel.", "Give the case a title.")
            }
            CaseError::TitleTooLong => lang.pick(
                "De titel mag hoogstens 200 tekens lang zijn.",
                "The title can be at most 200 characters long.",
            ),
            CaseError::InBin => lang.pick(
                "Deze casus ligt in de prullenbak. Zet hem eerst terug om hem te bewerken.",
                "This case is in the bin. Restore it first to edit it.",
            ),
        }
    }
}

impl Journal {
    /// Adds a new case or replaces the one with the same id, after normalising it.
    /// Returns whether anything changed, so the caller can skip a save; `updated` only
    /// moves on a real change, and `created` is kept from the stored case.
    pub fn save_case(&mut self, mut case: Case, now: DateTime<Utc>) -> Result<bool, CaseError> {
        case.normalise();
        if case.title.is_empty() {
            return Err(CaseError::TitleMissing);
        }
        if case.title.chars().count() > MAX_TITLE {
            return Err(CaseError::TitleTooLong);
        }
        if self.bin_holds(case.id) {
            return Err(CaseError::InBin);
        }
        match self.cases.iter_mut().find(|c| c.id == case.id) {
            Some(stored) => {
                case.created = stored.created;
                case.updated = stored.updated;
                if *stored == case {
                    return Ok(false);
                }
                case.updated = now;
                *stored = case;
            }
            None => {
                case.updated = now;
                self.cases.push(case);
            }
        }
        Ok(true)
    }

    pub fn case(&self, id: Id) -> Option<&Case> {
        self.cases.iter().find(|c| c.id == id)
    }

    /// Every live case as (id, title), in stored order: for pickers in other sections.
    pub fn case_titles(&self) -> Vec<(Id, String)> {
        self.cases.iter().map(|c| (c.id, c.title.clone())).collect()
    }

    /// Every tag of the live cases once, for a filter list, sorted as the eye expects.
    pub fn all_tags(&self) -> Vec<String> {
        let mut tags: Vec<String> = self.cases.iter().flat_map(|c| c.tags.clone()).collect();
        normalise_names(&mut tags);
        tags.shared_sort_by_key(|t| super::fold(t));
        tags
    }

    /// Marks a live case as changed, e.g. when one of its entries changes, so the case
    /// list sorted by "recently updated" follows the work on it.
    pub(super) fn touch_case(&mut self, id: Id, now: DateTime<Utc>) {
        if let Some(case) = self.cases.iter_mut().find(|c| c.id == id) {
            case.updated = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn status_labels_are_worded_per_language_and_sort_in_workflow_order() {
        let labels = |lang| CaseStatus::ALL.map(|s| s.label(lang));
        assert_eq!(
            labels(Lang::Nl),
            ["Verkennen", "Agenderen", "In uitvoering", "Afgerond"]
        );
        assert_eq!(
            labels(Lang::En),
            ["Exploring", "Agenda-setting", "In progress", "Completed"]
        );
        assert!(CaseStatus::Exploring < CaseStatus::Agenda);
        assert!(CaseStatus::InProgress < CaseStatus::Done);
        assert_eq!(
            serde_json::to_string(&CaseStatus::InProgress).unwrap(),
            "\"in_progress\""
        );
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated_ignoring_case() {
        let mut c = case(1, "Bomen", day(2026, 2, 1));
        c.tags = vec![
            " Groen ".into(),
            "groen".into(),
            "".into(),
            "bewoners  participatie".into(),
            "GROEN".into(),
            "Bewoners participatie".into(),
        ];
        c.involved_names = vec!["Ahmed".into(), " ahmed".into(), "  ".into()];
        c.competencies = vec!["verbinden ".into(), "verbinden".into(), "".into()];
        c.actors = vec![id(7), id(8), id(7)];
        c.normalise();
        assert_eq!(c.tags, ["Groen", "bewoners participatie"]);
        assert_eq!(c.involved_names, ["Ahmed"]);
        assert_eq!(c.competencies, ["verbinden"]);
        assert_eq!(c.actors, [id(7), id(8)]);
    }

    #[test]
    fn saving_trims_the_title_and_refuses_an_empty_or_long_one() {
        let mut j = Journal::default();
        let mut c = case(1, "  Speelplaats Oost  ", day(2026, 2, 1));
        assert_eq!(j.save_case(c.clone(), at(10)), Ok(true));
        assert_eq!(j.case(id(1)).unwrap().title, "Speelplaats Oost");

        c.title = "   ".into();
        assert_eq!(j.save_case(c.clone(), at(11)), Err(CaseError::TitleMissing));
        assert_eq!(
            CaseError::TitleMissing.message(Lang::Nl),
            "Geef de casus een titel."
        );
        assert_eq!(
            CaseError::TitleMissing.message(Lang::En),
            "Give the case a title."
        );
        c.title = "x".repeat(MAX_TITLE + 1);
        assert_eq!(j.save_case(c.clone(), at(11)), Err(CaseError::TitleTooLong));
        c.title = "é".repeat(MAX_TITLE);
        assert_eq!(j.save_case(c, at(11)), Ok(true));
    }

    #[test]
    fn saving_moves_updated_only_on_a_real_change_and_keeps_created() {
        let mut j = Journal::default();
        j.save_case(case(1, "Kademuur", day(2026, 2, 1)), at(10))
            .unwrap();
        let mut edited = j.case(id(1)).unwrap().clone();
        edited.created = at(99);
        assert_eq!(j.save_case(edited.clone(), at(20)), Ok(false));
        assert_eq!(j.case(id(1)).unwrap().updated, at(10));

        edited.status = CaseStatus::Agenda;
        assert_eq!(j.save_case(edited, at(21)), Ok(true));
        let stored = j.case(id(1)).unwrap();
        assert_eq!(stored.updated, at(21));
        assert_eq!(stored.created, at(0));
        assert_eq!(stored.status, CaseStatus::Agenda);
        assert_eq!(j.cases.len(), 1);
    }

    #[test]
    fn all_tags_merges_spellings_and_sorts_without_accents_in_the_way() {
        let mut j = Journal::default();
        let mut a = case(1, "A", day(2026, 1, 1));
        a.tags = vec!["verkeer".into(), "Éénrichting".into()];
        let mut b = case(2, "B", day(2026, 1, 1));
        b.tags = vec!["Verkeer".into(), "afval".into(), "fietsen".into()];
        j.cases = vec![a, b];
        assert_eq!(j.all_tags(), ["afval", "Éénrichting", "fietsen", "verkeer"]);
    }

    #[test]
    fn a_case_without_optional_fields_still_reads() {
        let json = r#"{"id":"00000000-0000-0000-0000-000000000001","title":"Oud",
            "start":"2026-01-05","created":"2026-01-05T09:00:00Z","updated":"2026-01-05T09:00:00Z"}"#;
        let c: Case = serde_json::from_str(json).unwrap();
        assert_eq!(c.status, CaseStatus::Exploring);
        assert!(c.tags.is_empty() && c.client.is_empty());
        assert_eq!(c.frame, None);
        assert!(
            !serde_json::to_string(&c).unwrap().contains("\"frame\""),
            "no frame, no key"
        );
    }

    #[test]
    fn saving_an_empty_frame_stores_no_frame() {
        let mut j = Journal::default();
        let mut c = case(1, "Plein", day(2026, 2, 1));
        c.frame = Some(Box::new(Frame {
            whose_agenda: "  ".into(),
            ..Frame::default()
        }));
        assert_eq!(j.save_case(c.clone(), at(10)), Ok(true));
        assert_eq!(j.case(id(1)).unwrap().frame, None);
        assert_eq!(j.save_case(c, at(11)), Ok(false), "nothing changed");
    }
}
