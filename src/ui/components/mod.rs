//! Pieces of view shared by several pages.

mod page;
mod status;
mod unlock;

pub use page::{PageTitle, PrintButton};
pub use status::{KeptNotice, Notices, SaveStatus};
pub use unlock::Unlock;
