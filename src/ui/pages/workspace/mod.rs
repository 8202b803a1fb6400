//! The begeleider's workspace: imported participants kept apart from the begeleider's own
//! profile, each with a read-only dashboard, a page to prepare the next session, feedback
//! and a rating scan to send back, and the regiegroep overview across participants.
//! Storage is `storage::workspace`; the rules are `model::workspace`.

mod dashboard;
mod feedback;
mod list;
mod regiegroep;
mod session;

pub use dashboard::ParticipantPage;
pub use feedback::FeedbackPage;
pub use list::ParticipantsPage;
pub use regiegroep::RegiegroepPage;
pub use session::SessionPage;

use std::cell::RefCell;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::model::bundle::Incoming;
use crate::model::workspace::carry_over;
use crate::model::{Document, Id, Lang, Profile, Role};
use crate::storage::local::LocalBackend;
use crate::storage::{Backend, ChangeError, Held, Keys, MemoryBackend, Workspace};
use crate::ui::edition::key_root;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_app;

thread_local! {
    static WORKSPACE: RefCell<Option<Workspace>> = const { RefCell::new(None) };
}

/// Runs `f` on the workspace of `coach`, opening it on first use.
pub(crate) fn with_workspace<R>(coach: Id, f: impl FnOnce(&Workspace) -> R) -> R {
    WORKSPACE.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.as_ref().map(Workspace::coach) != Some(coach) {
            let backend: Box<dyn Backend> = match LocalBackend::open() {
                Ok(local) => Box::new(local),
                Err(_) => Box::new(MemoryBackend::default()),
            };
            *cell = Some(Workspace::new(backend, Keys::new(key_root()), coach));
        }
        match cell.as_ref() {
            Some(ws) => f(ws),
            None => unreachable!("opened above"),
        }
    })
}

/// The active profile, when it is a begeleider's.
pub(crate) fn coach_profile() -> Option<Profile> {
    use_app().doc.with_untracked(|d| {
        d.as_ref()
            .filter(|d| d.profile.role == Role::Coach)
            .map(|d| d.profile.clone())
    })
}

/// Whether the active begeleider already holds this participant.
pub(crate) fn holds(participant: Id) -> bool {
    coach_profile()
        .map(|c| with_workspace(c.id, |ws| ws.holds(participant).unwrap_or(false)))
        .unwrap_or(false)
}

/// Stores an imported participant bundle in the active begeleider's workspace. What the
/// begeleider added to the copy held so far (feedback, ratings) comes along.
pub(crate) fn add_participant(incoming: &Incoming) -> Result<(), String> {
    let coach = coach_profile().ok_or(t(
        "Alleen een begeleider kan deelnemers toevoegen.",
        "Only a coach can add participants.",
    ))?;
    with_workspace(coach.id, |ws| {
        let id = incoming.document.id();
        let document = match ws.load(id) {
            Ok(Some(held)) => carry_over(&held.document, &incoming.document),
            _ => incoming.document.clone(),
        };
        ws.import(&document, incoming.bundle.exported, chrono::Utc::now())
            .map_err(|e| e.message(lang()))
    })
}

/// The participant of the current route (`:id`), loaded once per page.
pub(crate) struct Loaded {
    pub coach: Profile,
    pub id: Id,
    pub held: RwSignal<Option<Held>>,
    pub error: Option<String>,
}

pub(crate) fn load_from_route() -> Result<Loaded, String> {
    let coach = coach_profile().ok_or(t(
        "Deze pagina is er voor begeleiders. Kies een begeleidersprofiel.",
        "This page is for coaches. Choose a coach profile.",
    ))?;
    let id: Id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok())
        .ok_or(t(
            "Deze deelnemer bestaat niet.",
            "This participant does not exist.",
        ))?;
    let (held, error) = match with_workspace(coach.id, |ws| ws.load(id)) {
        Ok(Some(h)) => (Some(h), None),
        Ok(None) => (
            None,
            Some(
                t(
                    "Deze deelnemer staat niet (meer) in je werkruimte.",
                    "This participant is not (or no longer) in your workspace.",
                )
                .into(),
            ),
        ),
        Err(e) => (None, Some(e.message(lang()))),
    };
    Ok(Loaded {
        coach,
        id,
        held: RwSignal::new(held),
        error,
    })
}

/// Applies the begeleider's change to a participant's copy as stored now, and saves it.
pub(crate) fn change_held(
    coach: Id,
    participant: Id,
    edit: impl FnOnce(&mut Document) -> Result<(), String>,
) -> Result<Held, ChangeError<String>> {
    with_workspace(coach, |ws| ws.change(participant, edit))
}

/// A moment in local time: "28-11-2026 14:05" / "28 November 2026, 14:05".
pub(crate) fn moment(d: chrono::DateTime<chrono::Utc>) -> String {
    let local = d.with_timezone(&chrono::Local);
    match lang() {
        Lang::Nl => local.format("%d-%m-%Y %H:%M").to_string(),
        Lang::En => format!(
            "{}, {}",
            lang().date(local.date_naive()),
            local.format("%H:%M")
        ),
    }
}

pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
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
