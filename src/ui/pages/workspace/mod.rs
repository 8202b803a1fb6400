//! The begeleider's workspace: imported participants kept apart from the begeleider's own
//! profile, each with a read-only dashboard, a page to prepare the next session, feedback
//! and a rating scan to send back, and the regiegroep overview across participants.
//! Storage is `storage::workspace`; the rules are `model::workspace`.

mod batch;
mod dashboard;
mod feedback;
mod list;
mod regiegroep;
mod regiegroep_folder;
mod session;

pub use dashboard::ParticipantPage;
pub use feedback::FeedbackPage;
pub use list::ParticipantsPage;
pub use regiegroep::RegiegroepPage;
pub use session::SessionPage;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::model::{Document, Id, Lang, Profile};
use crate::storage::{ChangeError, ParticipantCopy, WorkspaceError};
use crate::ui::i18n::t;

pub(crate) use crate::ui::state::workspace::{coach_profile, with_workspace};

/// Why a participant's page has nothing to show.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum PageError {
    /// The open profile is not a begeleider's.
    NotCoach,
    /// The address names no participant.
    NoSuchParticipant,
    /// Not (or no longer) in this begeleider's workspace.
    NotHeld,
    Workspace(WorkspaceError),
}

impl PageError {
    pub(crate) fn message(&self, lang: Lang) -> String {
        match self {
            PageError::NotCoach => lang
                .pick(
                    "Deze pagina is er voor begeleiders. Kies een begeleidersprofiel.",
                    "This page is for coaches. Choose a coach profile.",
                )
                .into(),
            PageError::NoSuchParticipant => lang
                .pick(
                    "Deze deelnemer bestaat niet.",
                    "This participant does not exist.",
                )
                .into(),
            PageError::NotHeld => lang
                .pick(
                    "Deze deelnemer staat niet (meer) in je werkruimte.",
                    "This participant is not (or no longer) in your workspace.",
                )
                .into(),
            PageError::Workspace(e) => e.message(lang),
        }
    }
}

/// The participant of the current route (`:id`), loaded once per page.
pub(crate) struct Loaded {
    pub coach: Profile,
    pub id: Id,
    pub held: RwSignal<Option<ParticipantCopy>>,
    /// Why `held` is empty, when it is.
    pub error: Option<PageError>,
}

pub(crate) fn load_from_route() -> Result<Loaded, PageError> {
    let coach = coach_profile().ok_or(PageError::NotCoach)?;
    let id: Id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok())
        .ok_or(PageError::NoSuchParticipant)?;
    let (held, error) = match with_workspace(coach.id, |ws| ws.load(id)) {
        Ok(Some(h)) => (Some(h), None),
        Ok(None) => (None, Some(PageError::NotHeld)),
        Err(e) => (None, Some(PageError::Workspace(e))),
    };
    Ok(Loaded {
        coach,
        id,
        held: RwSignal::new(held),
        error,
    })
}

/// Applies the begeleider's change to a participant's copy as stored now, and saves it.
pub(crate) fn change_participant(
    coach: Id,
    participant: Id,
    edit: impl FnOnce(&mut Document) -> Result<(), String>,
) -> Result<ParticipantCopy, ChangeError<String>> {
    with_workspace(coach, |ws| ws.change(participant, edit))
}

/// Links between the pages of one participant.
#[component]
pub(crate) fn ParticipantNav(id: Id) -> impl IntoView {
    use leptos_router::components::A;
    view! {
        <nav class="section-nav" aria-label=t("Deelnemer", "Participant")>
            <ul>
                <li><A href="/deelnemers">{t("Alle deelnemers", "All participants")}</A></li>
                <li><A href=format!("/deelnemers/{id}") exact=true>"Dashboard"</A></li>
                <li><A href=format!("/deelnemers/{id}/sessie")>{t("Sessie voorbereiden", "Prepare session")}</A></li>
                <li><A href=format!("/deelnemers/{id}/terugkoppeling")>{t("Terugkoppeling", "Feedback")}</A></li>
            </ul>
        </nav>
    }
}
