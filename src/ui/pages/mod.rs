//! One module per route.

mod home;
mod journal;
mod network;
mod not_found;
mod onboarding;
mod rate;
mod selfscan;
mod share;
mod track;
mod workspace;

pub use home::Home;
pub use journal::{
    JournalAgendaPage, JournalBinPage, JournalCasePage, JournalEntryPage, JournalPage,
};
pub use network::NetworkPage;
pub(crate) use network::NetworkPicture;
pub use not_found::NotFound;
pub use onboarding::Onboarding;
pub use rate::RatePage;
pub use selfscan::{FrameworkPage, GoalsPage, ResultsPage, ScanPage, SelfScanPage};
pub use share::SharePage;
pub use track::{ReportPage, TrackPage};
pub use workspace::{FeedbackPage, ParticipantPage, ParticipantsPage, RegiegroepPage, SessionPage};
