//! Pieces of view shared by several pages.

mod course_folder;
mod feedback;
pub mod focus;
pub mod limit;
mod page;
mod status;
mod unlock;

pub use course_folder::{folder_reading, load_access, CourseFolderAccess};
pub use feedback::goal_feedback;
pub use page::{focus_on_arrival, not_found_text, PageTitle, PrintButton};
pub use status::{KeptNotice, Notices, SaveStatus};
pub use unlock::Unlock;
