//! Case journal ("Casusjournaal"): the case list with search, a case, an entry, the agenda
//! for the next coaching session and the bin. Every rule lives in `model::journal`.

mod agenda;
mod bin;
mod case;
mod entry;
mod list;
mod shared;
mod story;

pub use agenda::JournalAgendaPage;
pub use bin::JournalBinPage;
pub use case::JournalCasePage;
pub use entry::JournalEntryPage;
pub use list::JournalPage;
pub(crate) use shared::{case_href, entry_href};
pub(crate) use story::STORY_ANCHOR;
