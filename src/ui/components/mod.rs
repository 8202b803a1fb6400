//! Pieces of view shared by several pages.

mod feedback;
mod page;
mod status;
mod unlock;

pub use feedback::goal_feedback;
pub use page::{PageTitle, PrintButton};
pub use status::{KeptNotice, Notices, SaveStatus};
pub use unlock::Unlock;
