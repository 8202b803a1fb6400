//! *Automatisch delen*: once a participant opts in (Delen), every saved change leads to
//! a share into their place in the course folder, at most once every
//! `model::folder::EVERY_MINUTES` minutes, and once more when the page is hidden or
//! left with a change not yet shared. The choice (what is shared, whether encrypted) is
//! kept per profile in the store; the passphrase only in this tab's memory.

use std::cell::RefCell;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::folder::{self, Access, Dir, WriteError};
use super::{with_runtime, AppState};
use crate::model::bundle::{self, BundleKind};
use crate::model::folder::{next_share, AutoShare};
use crate::model::Id;
use crate::storage::SaveError;
use crate::ui::time::now;

/// Where automatic sharing stands, for the Delen page.
#[derive(Clone, Debug, PartialEq)]
pub enum AutoStatus {
    Off,
    /// On; the last automatic share, with its file name, if any in this tab.
    On(Option<(DateTime<Utc>, String)>),
    /// Encrypted, and the passphrase is not in this tab (after a reload).
    NeedsPassphrase,
    /// The course folder is not open in this tab (a click must allow it again).
    NeedsFolder,
    Failed(WriteError),
}

#[derive(Default)]
struct Auto {
    profile: Option<Id>,
    dir: Option<Dir>,
    secret: Option<String>,
    looked: bool,
    last: Option<DateTime<Utc>>,
    changed: bool,
    busy: bool,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    static AUTO: RefCell<Auto> = RefCell::new(Auto::default());
}

/// The state for `profile`, started afresh when another profile is open now.
fn with_auto<R>(profile: Id, f: impl FnOnce(&mut Auto) -> R) -> R {
    AUTO.with(|a| {
        let mut a = a.borrow_mut();
        if a.profile != Some(profile) {
            if let Some(timer) = a.timer.take() {
                timer.clear();
            }
            *a = Auto {
                profile: Some(profile),
                ..Auto::default()
            };
        }
        f(&mut a)
    })
}

impl AppState {
    /// The open profile's *automatisch delen* choice, if it is on.
    pub fn auto_share_choice(&self) -> Option<AutoShare> {
        let id = self.active_id()?;
        with_runtime(|rt| rt.store.auto_share(id).ok().flatten()).flatten()
    }

    /// Turns automatic sharing on with `choice`, into `dir`, and shares at once.
    pub fn start_auto_share(
        &self,
        dir: Dir,
        choice: AutoShare,
        secret: Option<String>,
    ) -> Result<(), SaveError> {
        let Some(id) = self.active_id() else {
            return Ok(());
        };
        with_runtime(|rt| rt.store.set_auto_share(id, Some(&choice)))
            .unwrap_or(Err(crate::storage::BackendError::Unavailable))
            .map_err(SaveError::from)?;
        with_auto(id, |a| {
            a.dir = Some(dir);
            a.secret = secret;
            a.looked = true;
            a.changed = true;
            a.last = None;
        });
        self.auto_share.set(AutoStatus::On(None));
        self.share_when_due(id);
        Ok(())
    }

    /// Gives the passphrase again after a reload, and the folder when it was allowed.
    pub fn resume_auto_share(&self, dir: Option<Dir>, secret: Option<String>) {
        let Some(id) = self.active_id() else { return };
        with_auto(id, |a| {
            if dir.is_some() {
                a.dir = dir;
            }
            if secret.is_some() {
                a.secret = secret;
            }
        });
        if matches!(
            self.auto_share.get_untracked(),
            AutoStatus::Off | AutoStatus::NeedsPassphrase | AutoStatus::NeedsFolder
        ) {
            self.auto_share.set(AutoStatus::On(None));
        }
        self.share_when_due(id);
    }

    pub fn stop_auto_share(&self) {
        let Some(id) = self.active_id() else { return };
        let _ = with_runtime(|rt| rt.store.set_auto_share(id, None));
        with_auto(id, |a| {
            if let Some(timer) = a.timer.take() {
                timer.clear();
            }
            a.changed = false;
        });
        self.auto_share.set(AutoStatus::Off);
    }

    /// After a save went through: a share becomes due.
    pub(super) fn changed_for_auto_share(&self) {
        let Some(id) = self.active_id() else { return };
        if self.auto_share_choice().is_none() {
            return;
        }
        with_auto(id, |a| a.changed = true);
        self.share_when_due(id);
    }

    /// The page is being hidden or left: share a change not yet shared, now.
    pub(super) fn leaving_for_auto_share(&self) {
        let Some(id) = self.active_id() else { return };
        if self.auto_share_choice().is_none() || !with_auto(id, |a| a.changed) {
            return;
        }
        with_auto(id, |a| {
            if let Some(timer) = a.timer.take() {
                timer.clear();
            }
        });
        self.share(id);
    }

    /// Shares now when the interval allows, else sets one timer for when it will.
    fn share_when_due(&self, id: Id) {
        let Some(choice) = self.auto_share_choice() else {
            return;
        };
        let (dir, secret, looked, last, waiting, changed) = with_auto(id, |a| {
            (
                a.dir.clone(),
                a.secret.clone(),
                a.looked,
                a.last,
                a.timer.is_some(),
                a.changed,
            )
        });
        if !changed {
            return;
        }
        if choice.encrypted && secret.is_none() {
            self.auto_share.set(AutoStatus::NeedsPassphrase);
            return;
        }
        if dir.is_none() {
            if looked {
                self.auto_share.set(AutoStatus::NeedsFolder);
                return;
            }
            // First change in this tab: the folder chosen earlier may be allowed still.
            with_auto(id, |a| a.looked = true);
            let state = *self;
            leptos::task::spawn_local(async move {
                match folder::access(id).await {
                    Access::Ready(dir) => state.resume_auto_share(Some(dir), None),
                    _ => state.auto_share.set(AutoStatus::NeedsFolder),
                }
            });
            return;
        }
        if waiting {
            return;
        }
        let at = now();
        let due = next_share(last, at);
        if due <= at {
            self.share(id);
            return;
        }
        let state = *self;
        let wait = (due - at).to_std().unwrap_or_default();
        let timer = set_timeout_with_handle(
            move || {
                with_auto(id, |a| a.timer = None);
                if with_auto(id, |a| a.changed) {
                    state.share(id);
                }
            },
            wait,
        )
        .ok();
        with_auto(id, |a| a.timer = timer);
    }

    /// One automatic share of the open document as it is saved now.
    fn share(&self, id: Id) {
        let Some(choice) = self.auto_share_choice() else {
            return;
        };
        let Some((dir, secret)) = with_auto(id, |a| {
            if a.busy {
                return None;
            }
            let dir = a.dir.clone()?;
            a.busy = true;
            a.changed = false;
            Some((dir, a.secret.clone()))
        }) else {
            return;
        };
        let Some(document) = self
            .doc
            .with_untracked(|d| d.as_ref().filter(|d| d.id() == id).cloned())
        else {
            with_auto(id, |a| a.busy = false);
            return;
        };
        let state = *self;
        let selection = choice.selection();
        let secret = if choice.encrypted { secret } else { None };
        // A bundle an import would refuse is not shared; the status names what to shorten.
        let problems = bundle::unreadable(&document, &selection);
        if !problems.is_empty() {
            with_auto(id, |a| a.busy = false);
            state
                .auto_share
                .set(AutoStatus::Failed(WriteError::Unreadable(problems)));
            return;
        }
        leptos::task::spawn_local(async move {
            let at = now();
            let make = |at| bundle::build(&document, &selection, BundleKind::Participant, at);
            let written =
                folder::write(&dir, id, id, BundleKind::Participant, at, make, secret).await;
            with_auto(id, |a| {
                a.busy = false;
                a.last = Some(at);
            });
            match written {
                Ok(w) => {
                    state.mark_exported();
                    state.auto_share.set(AutoStatus::On(Some((at, w.name))));
                }
                Err(e) => {
                    with_auto(id, |a| a.changed = true);
                    state.auto_share.set(AutoStatus::Failed(e));
                }
            }
            // A change saved while this share was written waits its turn.
            if with_auto(id, |a| a.changed) {
                state.share_when_due(id);
            }
        });
    }
}
