//! Pieces of view shared by several pages.

mod page;
mod status;

pub use page::PageTitle;
pub use status::{KeptNotice, Notices, SaveStatus};
