//! Entries ("journaalnotities"): dated reflections on a case, with next steps, a question
//! for the coach, and the coach's feedback kept apart from the participant's own words.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Journal, ReflectionModel};
use crate::model::feedback::{self, Feedback};
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: Id,
    pub case_id: Id,
    pub date: NaiveDate,
    #[serde(default)]
    pub model: ReflectionModel,
    /// The participant's text per step key. Keyed by step rather than by position, so
    /// switching model keeps every text; those of another model show as `other_texts`.
    #[serde(default)]
    pub texts: BTreeMap<String, String>,
    #[serde(default)]
    pub next_steps: Vec<NextStep>,
    /// Set when the participant wants to take this entry to the next coaching session.
    #[serde(default)]
    pub coach_question: Option<CoachQuestion>,
    /// "Inbrengen bij intervisie".
    #[serde(default)]
    pub peer_consultation: bool,
    /// Written by others and merged in from bundles; saving the entry never changes it.
    #[serde(default)]
    pub feedback: Vec<Feedback>,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct NextStep {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CoachQuestion {
    pub text: String,
    /// Discussed with the coach; it then leaves the agenda.
    #[serde(default)]
    pub done: bool,
}

impl Entry {
    pub fn new(id: Id, case_id: Id, date: NaiveDate, now: DateTime<Utc>) -> Entry {
        Entry {
            id,
            case_id,
            date,
            model: ReflectionModel::default(),
            texts: BTreeMap::new(),
            next_steps: Vec::new(),
            coach_question: None,
            peer_consultation: false,
            feedback: Vec::new(),
            created: now,
            updated: now,
        }
    }

    pub fn text(&self, key: &str) -> &str {
        self.texts.get(key).map(String::as_str).unwrap_or("")
    }

    /// Stores the text of one step; a blank text removes the key, so that an emptied
    /// step of another model does not linger in `other_texts`.
    pub fn set_text(&mut self, key: &str, text: &str) {
        if text.trim().is_empty() {
            self.texts.remove(key);
        } else {
            self.texts.insert(key.to_string(), text.to_string());
        }
    }

    /// Texts kept from steps outside the current model, as (key, text); the key's title
    /// comes from `step_by_key`.
    pub fn other_texts(&self) -> Vec<(&str, &str)> {
        self.texts
            .iter()
            .filter(|(key, _)| !self.model.has_step(key))
            .map(|(key, text)| (key.as_str(), text.as_str()))
            .collect()
    }

    /// The start of the entry's first text, in the order of its model's steps, then any
    /// kept from another model: at most `max` characters, with "…" when cut.
    pub fn preview(&self, max: usize) -> String {
        let first = self
            .model
            .steps()
            .iter()
            .map(|s| self.text(s.key))
            .chain(self.texts.values().map(String::as_str))
            .find(|t| !t.trim().is_empty())
            .unwrap_or("")
            .trim();
        let mut preview: String = first.chars().take(max).collect();
        if first.chars().count() > max {
            preview.push('…');
        }
        preview
    }

    pub fn has_open_coach_question(&self) -> bool {
        self.coach_question.as_ref().is_some_and(|q| !q.done)
    }

    /// Adds feedback not seen before; feedback with a known id replaces the stored copy
    /// only when it was written later (a corrected comment). Returns how many changed.
    /// Only `feedback` is touched: neither the participant's texts nor `updated`.
    pub fn merge_feedback(&mut self, incoming: impl IntoIterator<Item = Feedback>) -> usize {
        feedback::merge(&mut self.feedback, incoming)
    }

    pub(super) fn normalise(&mut self) {
        self.texts.retain(|_, text| !text.trim().is_empty());
        feedback::sort(&mut self.feedback);
    }
}

/// Latest date first; entries of one day in the order they were written, newest first.
pub(super) fn newest_first(entries: &mut [&Entry]) {
    entries.shared_sort_by_key(|e| Reverse((e.date, e.created, e.id)));
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryError {
    /// The entry's case is not among the live cases (it may be in the bin).
    CaseMissing,
    InBin,
}

impl EntryError {
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            EntryError::CaseMissing => lang.pick(
                "De casus van deze notitie bestaat niet (meer) of ligt in de prullenbak.",
                "The case of this entry no longer exists or is in the bin.",
            ),
            EntryError::InBin => lang.pick(
                "Deze notitie ligt in de prullenbak. Zet haar eerst terug om haar te bewerken.",
                "This entry is in the bin. Restore it first to edit it.",
            ),
        }
    }
}

impl Journal {
    /// Adds a new entry or replaces the stored one with the same id. Feedback is kept from
    /// the stored entry, so a form that holds an older copy cannot drop feedback that was
    /// merged meanwhile. A real change moves `updated` of both entry and case.
    pub fn save_entry(&mut self, mut entry: Entry, now: DateTime<Utc>) -> Result<bool, EntryError> {
        entry.normalise();
        if self.bin_holds(entry.id) {
            return Err(EntryError::InBin);
        }
        if self.case(entry.case_id).is_none() {
            return Err(EntryError::CaseMissing);
        }
        let case_id = entry.case_id;
        match self.entries.iter_mut().find(|e| e.id == entry.id) {
            Some(stored) => {
                entry.created = stored.created;
                entry.updated = stored.updated;
                entry.feedback = stored.feedback.clone();
                if *stored == entry {
                    return Ok(false);
                }
                entry.updated = now;
                *stored = entry;
            }
            None => {
                entry.updated = now;
                self.entries.push(entry);
            }
        }
        self.touch_case(case_id, now);
        Ok(true)
    }

    pub fn entry(&self, id: Id) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// The live entries of a case, newest first.
    pub fn entries_of(&self, case_id: Id) -> Vec<&Entry> {
        let mut entries: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|e| e.case_id == case_id)
            .collect();
        newest_first(&mut entries);
        entries
    }

    /// Merges a coach's feedback into an entry, live or in the bin (a coach may answer an
    /// entry the participant has since deleted). `None` when no such entry exists.
    pub fn merge_feedback(
        &mut self,
        entry_id: Id,
        feedback: impl IntoIterator<Item = Feedback>,
    ) -> Option<usize> {
        self.all_entries_mut()
            .find(|e| e.id == entry_id)
            .map(|e| e.merge_feedback(feedback))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;
    use crate::model::Role;

    fn feedback(n: u128, hour: i64, text: &str) -> Feedback {
        Feedback {
            author_profile: None,
            id: id(n),
            author: "Marieke".into(),
            author_role: Role::Coach,
            written: at(hour),
            text: text.into(),
        }
    }

    fn journal_with_case() -> Journal {
        let mut j = Journal::default();
        j.save_case(case(1, "Bomenkap Noordsingel", day(2026, 2, 1)), at(0))
            .unwrap();
        j
    }

    #[test]
    fn switching_model_keeps_the_text_and_shows_it_as_other() {
        let mut e = entry(10, 1, day(2026, 3, 2));
        e.set_text("starr.situatie", "Bewonersavond in het buurthuis");
        e.set_text("starr.taak", "  ");
        assert_eq!(e.texts.len(), 1);
        e.model = ReflectionModel::Borton;
        e.set_text("borton.wat", "Ik leidde het gesprek");
        assert_eq!(
            e.other_texts(),
            [("starr.situatie", "Bewonersavond in het buurthuis")]
        );
        e.model = ReflectionModel::Starr;
        assert_eq!(e.text("starr.situatie"), "Bewonersavond in het buurthuis");
        assert_eq!(e.other_texts(), [("borton.wat", "Ik leidde het gesprek")]);
        assert_eq!(e.text("starr.actie"), "");
    }

    #[test]
    fn feedback_merges_by_id_and_never_touches_the_participants_text() {
        let mut e = entry(10, 1, day(2026, 3, 2));
        e.set_text("starr.actie", "Ik belde de aannemer");
        let before_texts = e.texts.clone();
        assert_eq!(
            e.merge_feedback([feedback(50, 5, "Mooi"), feedback(51, 3, "Vraag door")]),
            2
        );
        // Same id, older or equal: kept. Same id, newer: replaced.
        assert_eq!(e.merge_feedback([feedback(50, 4, "oud")]), 0);
        assert_eq!(e.merge_feedback([feedback(50, 5, "zelfde")]), 0);
        assert_eq!(e.merge_feedback([feedback(50, 6, "Mooi, en nu?")]), 1);
        let texts: Vec<_> = e.feedback.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["Vraag door", "Mooi, en nu?"]);
        assert_eq!(e.texts, before_texts);
        assert_eq!(e.updated, at(0));
    }

    #[test]
    fn saving_an_entry_keeps_stored_feedback_and_touches_the_case() {
        let mut j = journal_with_case();
        let e = entry(10, 1, day(2026, 3, 2));
        assert_eq!(j.save_entry(e.clone(), at(1)), Ok(true));
        assert_eq!(j.case(id(1)).unwrap().updated, at(1));
        assert_eq!(
            j.merge_feedback(id(10), [feedback(50, 2, "Goed zo")]),
            Some(1)
        );

        // The form still holds the copy from before the feedback arrived.
        let mut edited = e;
        edited.set_text("starr.resultaat", "Afspraak staat");
        assert_eq!(j.save_entry(edited, at(3)), Ok(true));
        let stored = j.entry(id(10)).unwrap();
        assert_eq!(stored.feedback.len(), 1);
        assert_eq!(stored.text("starr.resultaat"), "Afspraak staat");
        assert_eq!(stored.updated, at(3));
        assert_eq!(stored.created, at(0));
        assert_eq!(j.case(id(1)).unwrap().updated, at(3));

        let same = j.entry(id(10)).unwrap().clone();
        assert_eq!(j.save_entry(same, at(4)), Ok(false));
        assert_eq!(j.case(id(1)).unwrap().updated, at(3));
    }

    #[test]
    fn an_entry_needs_a_live_case() {
        let mut j = journal_with_case();
        let e = entry(10, 2, day(2026, 3, 2));
        assert_eq!(j.save_entry(e, at(1)), Err(EntryError::CaseMissing));
        assert!(EntryError::CaseMissing
            .message(Lang::Nl)
            .starts_with("De casus van deze notitie"));
        assert!(EntryError::CaseMissing
            .message(Lang::En)
            .starts_with("The case of this entry"));
        assert!(j.entries.is_empty());
        assert_eq!(j.merge_feedback(id(10), [feedback(50, 2, "x")]), None);
    }

    #[test]
    fn feedback_reaches_an_entry_in_the_bin_too() {
        let mut j = journal_with_case();
        j.save_entry(entry(10, 1, day(2026, 3, 2)), at(1)).unwrap();
        j.delete_case(id(1), at(2));
        assert_eq!(
            j.merge_feedback(id(10), [feedback(50, 3, "Later gelezen")]),
            Some(1)
        );
        assert_eq!(j.bin[0].entries()[0].feedback.len(), 1);
    }

    #[test]
    fn entries_of_a_case_come_newest_first() {
        let mut j = journal_with_case();
        j.save_case(case(2, "Ander", day(2026, 2, 1)), at(0))
            .unwrap();
        for (n, c, d) in [(10, 1, 2), (11, 1, 9), (12, 2, 5), (13, 1, 4)] {
            j.save_entry(entry(n, c, day(2026, 3, d)), at(1)).unwrap();
        }
        let ids: Vec<Id> = j.entries_of(id(1)).iter().map(|e| e.id).collect();
        assert_eq!(ids, [id(11), id(13), id(10)]);
    }
}
