//! The bin ("prullenbak"): deleted cases and entries wait here, with their ids, until they
//! are restored or the bin is emptied.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Case, Entry, Journal};
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BinItem {
    /// A deleted case with the entries it had when it was deleted; they return with it.
    Case {
        case: Case,
        #[serde(default)]
        entries: Vec<Entry>,
        deleted: DateTime<Utc>,
    },
    /// An entry deleted on its own.
    Entry {
        entry: Entry,
        deleted: DateTime<Utc>,
    },
}

impl BinItem {
    pub fn id(&self) -> Id {
        match self {
            BinItem::Case { case, .. } => case.id,
            BinItem::Entry { entry, .. } => entry.id,
        }
    }

    pub fn deleted(&self) -> DateTime<Utc> {
        match self {
            BinItem::Case { deleted, .. } | BinItem::Entry { deleted, .. } => *deleted,
        }
    }

    pub fn case(&self) -> Option<&Case> {
        match self {
            BinItem::Case { case, .. } => Some(case),
            BinItem::Entry { .. } => None,
        }
    }

    pub(super) fn case_mut(&mut self) -> Option<&mut Case> {
        match self {
            BinItem::Case { case, .. } => Some(case),
            BinItem::Entry { .. } => None,
        }
    }

    /// Every entry the item holds: a case's entries, or the one deleted entry.
    pub fn entries(&self) -> &[Entry] {
        match self {
            BinItem::Case { entries, .. } => entries,
            BinItem::Entry { entry, .. } => std::slice::from_ref(entry),
        }
    }

    pub(super) fn entries_mut(&mut self) -> &mut [Entry] {
        match self {
            BinItem::Case { entries, .. } => entries,
            BinItem::Entry { entry, .. } => std::slice::from_mut(entry),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinKind {
    Case,
    Entry,
}

/// One line of the bin's list view.
#[derive(Clone, Debug, PartialEq)]
pub struct BinRow {
    /// Pass to `restore_from_bin`.
    pub id: Id,
    pub kind: BinKind,
    /// The case's title; for an entry, the title of its case.
    pub case_title: String,
    /// Only for an entry.
    pub entry_date: Option<NaiveDate>,
    /// For an entry, the start of its first text (`Entry::preview`), so that two of one
    /// day and case can be told apart; empty for a case.
    pub excerpt: String,
    /// For a case, how many entries return with it; for an entry, 1.
    pub entries: usize,
    pub deleted: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BinError {
    NotInBin,
    /// An entry cannot come back before its case does: it would belong to nothing.
    CaseInBin {
        case_title: String,
    },
    /// The entry's case is gone altogether; only reachable with damaged data.
    CaseMissing,
    /// A live record already has this id; only reachable with damaged data.
    IdInUse,
}

impl BinError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            BinError::NotInBin => lang
                .pick(
                    "Dit staat niet (meer) in de prullenbak.",
                    "This is no longer in the bin.",
                )
                .into(),
            BinError::CaseInBin { case_title } => lang.pick(
                format!(
                    "Deze notitie hoort bij de casus \u{201c}{case_title}\u{201d}, die ook in de prullenbak ligt. Zet eerst de casus terug."
                ),
                format!(
                    "This entry belongs to the case \u{201c}{case_title}\u{201d}, which is in the bin too. Restore the case first."
                ),
            ),
            BinError::CaseMissing => lang
                .pick(
                    "De casus van deze notitie bestaat niet meer, dus de notitie kan niet terug.",
                    "The case of this entry no longer exists, so the entry cannot be restored.",
                )
                .into(),
            BinError::IdInUse => lang
                .pick(
                    "Er bestaat al een casus of notitie met hetzelfde id; terugzetten zou die overschrijven.",
                    "A case or entry with the same id already exists; restoring would overwrite it.",
                )
                .into(),
        }
    }
}

impl Journal {
    /// Moves a live case and all its live entries to the bin. False if no such live case.
    pub fn delete_case(&mut self, id: Id, now: DateTime<Utc>) -> bool {
        let Some(pos) = self.cases.iter().position(|c| c.id == id) else {
            return false;
        };
        let case = self.cases.remove(pos);
        let (entries, kept) = std::mem::take(&mut self.entries)
            .into_iter()
            .partition(|e| e.case_id == id);
        self.entries = kept;
        self.bin.push(BinItem::Case {
            case,
            entries,
            deleted: now,
        });
        true
    }

    /// Moves a live entry to the bin. False if no such live entry.
    pub fn delete_entry(&mut self, id: Id, now: DateTime<Utc>) -> bool {
        let Some(pos) = self.entries.iter().position(|e| e.id == id) else {
            return false;
        };
        let entry = self.entries.remove(pos);
        self.bin.push(BinItem::Entry {
            entry,
            deleted: now,
        });
        true
    }

    /// Puts a bin item back as it was, its `updated` unchanged. An entry whose case is in
    /// the bin is refused rather than pulling the case (and its other entries) back too.
    pub fn restore_from_bin(&mut self, id: Id) -> Result<(), BinError> {
        let Some(pos) = self.bin.iter().position(|item| item.id() == id) else {
            let packed_in = self
                .bin
                .iter()
                .find(|item| item.case().is_some() && item.entries().iter().any(|e| e.id == id));
            return Err(match packed_in.and_then(BinItem::case) {
                Some(case) => BinError::CaseInBin {
                    case_title: case.title.clone(),
                },
                None => BinError::NotInBin,
            });
        };
        let item = &self.bin[pos];
        if item.case().is_some_and(|c| self.case(c.id).is_some())
            || item.entries().iter().any(|e| self.entry(e.id).is_some())
        {
            return Err(BinError::IdInUse);
        }
        if let BinItem::Entry { entry, .. } = item {
            if self.case(entry.case_id).is_none() {
                let mut binned = self.bin.iter().filter_map(BinItem::case);
                return Err(match binned.find(|c| c.id == entry.case_id) {
                    Some(case) => BinError::CaseInBin {
                        case_title: case.title.clone(),
                    },
                    None => BinError::CaseMissing,
                });
            }
        }
        match self.bin.remove(pos) {
            BinItem::Case { case, entries, .. } => {
                self.cases.push(case);
                self.entries.extend(entries);
            }
            BinItem::Entry { entry, .. } => self.entries.push(entry),
        }
        Ok(())
    }

    /// Removes everything in the bin for good; returns how many cases and entries went.
    pub fn empty_bin(&mut self) -> usize {
        std::mem::take(&mut self.bin)
            .iter()
            .map(|item| usize::from(item.case().is_some()) + item.entries().len())
            .sum()
    }

    /// The bin's contents for a list view, most recently deleted first.
    pub fn bin_rows(&self) -> Vec<BinRow> {
        let mut rows: Vec<BinRow> = self
            .bin
            .iter()
            .map(|item| match item {
                BinItem::Case {
                    case,
                    entries,
                    deleted,
                } => BinRow {
                    id: case.id,
                    kind: BinKind::Case,
                    case_title: case.title.clone(),
                    entry_date: None,
                    excerpt: String::new(),
                    entries: entries.len(),
                    deleted: *deleted,
                },
                BinItem::Entry { entry, deleted } => BinRow {
                    id: entry.id,
                    kind: BinKind::Entry,
                    case_title: self
                        .all_cases()
                        .find(|c| c.id == entry.case_id)
                        .map(|c| c.title.clone())
                        .unwrap_or_default(),
                    entry_date: Some(entry.date),
                    excerpt: entry.preview(60),
                    entries: 1,
                    deleted: *deleted,
                },
            })
            .collect();
        rows.shared_sort_by_key(|r| std::cmp::Reverse((r.deleted, r.id)));
        rows
    }

    /// Whether a case or entry with this id is anywhere in the bin.
    pub fn bin_holds(&self, id: Id) -> bool {
        self.bin.iter().any(|item| {
            item.case().is_some_and(|c| c.id == id) || item.entries().iter().any(|e| e.id == id)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{agenda, CaseError, CaseQuery, EntryError, NextStep};
    use super::*;

    /// Case 1 with entries 10 and 11, case 2 with entry 20.
    fn journal() -> Journal {
        Journal {
            cases: vec![
                case(1, "Bomenkap Noordsingel", day(2026, 1, 10)),
                case(2, "Speelplaats Oosterpark", day(2026, 2, 1)),
            ],
            entries: vec![
                entry(10, 1, day(2026, 3, 1)),
                entry(11, 1, day(2026, 3, 2)),
                entry(20, 2, day(2026, 3, 3)),
            ],
            bin: Vec::new(),
        }
    }

    fn live_entry_ids(j: &Journal) -> Vec<Id> {
        let mut ids: Vec<Id> = j.entries.iter().map(|e| e.id).collect();
        ids.sort();
        ids
    }

    #[test]
    fn deleting_a_case_takes_its_entries_along_and_restoring_brings_them_back() {
        let mut j = journal();
        assert!(j.delete_case(id(1), at(5)));
        assert!(j.case(id(1)).is_none());
        assert_eq!(live_entry_ids(&j), [id(20)]);
        assert_eq!(
            j.bin_rows(),
            [BinRow {
                id: id(1),
                kind: BinKind::Case,
                case_title: "Bomenkap Noordsingel".into(),
                entry_date: None,
                excerpt: String::new(),
                entries: 2,
                deleted: at(5),
            }]
        );
        assert!(!j.delete_case(id(1), at(6)), "already in the bin");

        assert_eq!(j.restore_from_bin(id(1)), Ok(()));
        assert!(j.bin.is_empty());
        assert_eq!(j.case(id(1)).unwrap().title, "Bomenkap Noordsingel");
        assert_eq!(live_entry_ids(&j), [id(10), id(11), id(20)]);
    }

    #[test]
    fn an_entry_whose_case_is_in_the_bin_is_refused_until_the_case_is_back() {
        let mut j = journal();
        assert!(j.delete_entry(id(10), at(5)));
        assert!(j.delete_case(id(1), at(6)));
        let err = j.restore_from_bin(id(10)).unwrap_err();
        assert_eq!(
            err,
            BinError::CaseInBin {
                case_title: "Bomenkap Noordsingel".into()
            }
        );
        assert!(err
            .message(Lang::Nl)
            .contains("\u{201c}Bomenkap Noordsingel\u{201d}, die ook in de prullenbak ligt"));
        assert!(err
            .message(Lang::En)
            .contains("\u{201c}Bomenkap Noordsingel\u{201d}, which is in the bin too"));
        // Entry 11 went with the case; it is not restorable on its own either.
        assert!(matches!(
            j.restore_from_bin(id(11)),
            Err(BinError::CaseInBin { .. })
        ));
        assert_eq!(j.bin.len(), 2, "a refused restore changes nothing");

        // The case brings back what it took along, not the entry deleted before it.
        j.restore_from_bin(id(1)).unwrap();
        assert_eq!(live_entry_ids(&j), [id(11), id(20)]);
        assert_eq!(j.bin_rows().len(), 1);
        j.restore_from_bin(id(10)).unwrap();
        assert_eq!(live_entry_ids(&j), [id(10), id(11), id(20)]);
        assert_eq!(j.restore_from_bin(id(10)), Err(BinError::NotInBin));
    }

    #[test]
    fn the_bin_lists_newest_first_and_names_an_entrys_case() {
        let mut j = journal();
        j.delete_entry(id(20), at(3));
        j.delete_case(id(1), at(4));
        let rows = j.bin_rows();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].id, rows[0].kind), (id(1), BinKind::Case));
        assert_eq!(rows[1].kind, BinKind::Entry);
        assert_eq!(rows[1].case_title, "Speelplaats Oosterpark");
        assert_eq!(rows[1].entry_date, Some(day(2026, 3, 3)));
        assert_eq!(rows[1].entries, 1);
    }

    #[test]
    fn emptying_the_bin_removes_everything_in_it_for_good() {
        let mut j = journal();
        j.delete_entry(id(20), at(3));
        j.delete_case(id(1), at(4));
        assert_eq!(j.empty_bin(), 4, "case 1, its two entries and entry 20");
        assert!(j.bin.is_empty());
        assert_eq!(j.restore_from_bin(id(1)), Err(BinError::NotInBin));
        assert_eq!(j.cases.len(), 1);
        assert!(j.entries.is_empty());
        assert_eq!(j.empty_bin(), 0);
    }

    #[test]
    fn binned_records_are_left_out_of_lists_and_cannot_be_edited() {
        let mut j = journal();
        j.entries[2].next_steps.push(NextStep {
            id: id(90),
            text: "Bellen".into(),
            due: None,
            done: false,
        });
        let binned_case = j.case(id(1)).unwrap().clone();
        let binned_entry = j.entry(id(20)).unwrap().clone();
        j.delete_case(id(1), at(3));
        j.delete_entry(id(20), at(3));
        assert_eq!(j.save_case(binned_case, at(4)), Err(CaseError::InBin));
        assert_eq!(j.save_entry(binned_entry, at(4)), Err(EntryError::InBin));
        let hits = j.search(&CaseQuery::default());
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].case_id, id(2));
        assert!(agenda(&j, day(2026, 3, 10)).is_empty());
    }

    #[test]
    fn a_restore_that_would_duplicate_an_id_is_refused() {
        let mut j = journal();
        j.delete_case(id(2), at(3));
        j.cases.push(case(2, "Zelfde id", day(2026, 2, 1)));
        assert_eq!(j.restore_from_bin(id(2)), Err(BinError::IdInUse));
        assert_eq!(j.bin.len(), 1);
    }

    #[test]
    fn the_bin_survives_a_round_trip_through_json() {
        let mut j = journal();
        j.delete_entry(id(20), at(3));
        j.delete_case(id(1), at(4));
        let text = serde_json::to_string(&j).unwrap();
        assert!(text.contains("\"kind\":\"case\"") && text.contains("\"kind\":\"entry\""));
        let back: Journal = serde_json::from_str(&text).unwrap();
        assert_eq!(back, j);
        assert_eq!(
            serde_json::from_str::<Journal>("{}").unwrap(),
            Journal::default()
        );
    }
}
