//! Case journal for action learning: cases, reflective entries, the coach agenda and the bin.
//!
//! Live cases and entries sit in `cases` and `entries`; deleted ones move whole into
//! `bin`, so every list, search and agenda reads only live records without filtering.

mod agenda;
mod bin;
mod case;
mod entry;
mod fold;
mod frame;
pub mod gen;
mod input;
mod reflection;
mod search;
mod story;
mod validate;

#[cfg(test)]
mod fixtures;

use serde::{Deserialize, Serialize};

pub use crate::model::feedback::Feedback;
pub use agenda::{agenda, AgendaEntry, AgendaItem, AgendaKind};
pub use bin::{BinError, BinItem, BinKind, BinRow};
pub use case::{Case, CaseError, CaseStatus, MAX_TITLE};
pub use entry::{CoachQuestion, Entry, EntryError, NextStep};
pub use fold::fold;
pub use frame::Frame;
pub use input::{names_from_text, names_to_text, parse_date, parse_optional_date, DateError};
pub use reflection::{step_by_key, ReflectionModel, Step};
pub use search::{actor_options, CaseHit, CaseQuery, CaseSort, SearchIndex};
pub use story::{
    open_cases_with, reach, story_rows, Reach, StoryPlan, StoryRow, StoryRows, StoryState,
    MAX_CARES, MAX_LANDED, MAX_MESSENGER, MAX_STORY, MAX_WHEN_WHERE,
};
pub use validate::{MAX_YEAR, MIN_YEAR};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Journal {
    #[serde(default)]
    pub cases: Vec<Case>,
    #[serde(default)]
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub bin: Vec<BinItem>,
}

impl Journal {
    /// Live cases, then those in the bin: for the rules that hold for both.
    fn all_cases(&self) -> impl Iterator<Item = &Case> {
        self.cases
            .iter()
            .chain(self.bin.iter().filter_map(BinItem::case))
    }

    fn all_cases_mut(&mut self) -> impl Iterator<Item = &mut Case> {
        self.cases
            .iter_mut()
            .chain(self.bin.iter_mut().filter_map(BinItem::case_mut))
    }

    fn all_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .chain(self.bin.iter().flat_map(BinItem::entries))
    }

    fn all_entries_mut(&mut self) -> impl Iterator<Item = &mut Entry> {
        self.entries
            .iter_mut()
            .chain(self.bin.iter_mut().flat_map(BinItem::entries_mut))
    }
}
