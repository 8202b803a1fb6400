//! The cross-tab protocol: other tabs of this browser write the same storage, and each
//! `storage` event is followed here. A newer save of the open profile is loaded, a wipe
//! there closes the profile here (what this tab held is offered, never written back),
//! a save of this tab that another tab's save replaced at the same revision is merged
//! again (`Store::rewind_if_replaced`), and the profile list and kept data follow what
//! the other tab made or removed.

use leptos::prelude::*;

use super::{stamp, with_runtime, AppState, SaveState};
use crate::model::{Document, Id};
use crate::storage::SaveError;

/// A profile closed here because another tab removed its stored copy.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedCopy {
    /// What this tab held, perhaps with a last change.
    pub doc: Document,
    pub why: Closed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    /// Wiped there (or storage cleared): the wipe stands.
    Wiped,
    /// Another tab's start-up could not read the stored copy and set it aside (listed
    /// with the kept data); the profile's backup and participants stay.
    Kept,
}

/// What `Store::load` found of the active profile.
pub(super) enum Stored {
    Loaded,
    Gone,
    Unreadable(crate::model::restore::RestoreError),
    OutOfReach,
}

pub(super) fn listen_for_other_tabs(state: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        let active = state.active_id();
        let Some(key) = ev.key() else {
            // All of storage cleared, there or by the browser: every profile is gone, and
            // the kept data with it.
            state.kept.set(Vec::new());
            state
                .profiles
                .update(|all| all.retain(|p| Some(p.id) == active));
            if let Some(id) = active {
                state.close_removed_elsewhere(id);
            }
            return;
        };
        let stored = ev.new_value().is_some();
        if with_runtime(|rt| rt.store.keys().split_kept(&key).is_some()).unwrap_or(false) {
            state.follow_kept(key, stored);
            return;
        }
        if let Some(id) = with_runtime(|rt| rt.store.keys().writer_of(&key)).flatten() {
            if Some(id) == active && stored {
                state.follow_replaced_write(id);
            }
            return;
        }
        let Some(id) = with_runtime(|rt| rt.store.keys().revision_of(&key)).flatten() else {
            return;
        };
        // The other tab's revision key may arrive before its writer key: a write of ours
        // it replaced at that revision is merged again, never loaded over.
        if Some(id) == active && stored && state.follow_replaced_write(id) {
            return;
        }
        if Some(id) != active {
            state.follow_other_profile(id, stored);
        } else if !stored {
            state.close_removed_elsewhere(id);
        } else if state.has_pending() {
            // A change of ours still waiting is saved first; the revision check then
            // refuses it, and it is merged with the newer copy instead of written over it.
            state.flush();
        } else {
            state.reload_from_storage();
        }
    });
    std::mem::forget(handle);
}

impl AppState {
    /// Another tab made, renamed or removed a profile this tab does not have open: the
    /// list follows. A new profile is restored in full once, so that an unreadable one is
    /// not offered; a listed one is saved often by the tab that has it open, so only its
    /// profile part is read again.
    pub(super) fn follow_other_profile(&self, id: Id, stored: bool) {
        if !stored {
            self.profiles.update(|all| all.retain(|p| p.id != id));
            return;
        }
        let listed = self
            .profiles
            .with_untracked(|all| all.iter().find(|p| p.id == id).cloned());
        match listed {
            Some(listed) => {
                if let Some(Ok(Some(now))) = with_runtime(|rt| rt.store.profile(id)) {
                    if now != listed {
                        self.add_profile(now);
                    }
                }
            }
            None => {
                if let Some(Ok(Some(Ok(doc)))) = with_runtime(|rt| rt.store.load(id)) {
                    self.add_profile(doc.profile);
                }
            }
        }
    }

    /// Takes the stored copy of the active profile, as another tab left it. Returns
    /// false when there is none: the profile was wiped there, so it is closed here too
    /// rather than kept on screen, where every edit would be refused; what this tab held
    /// is offered for download (`closed_copy`). Also false when the stored copy cannot
    /// be read here (a newer Leerspoor in the other tab wrote it): the save state says
    /// so, and the revision check keeps this tab from writing over that copy.
    /// Storage out of reach: true, and the next save reports it.
    pub(super) fn reload_from_storage(&self) -> bool {
        let Some(id) = self.active_id() else {
            return true;
        };
        match self.load_stored(id) {
            Stored::Loaded | Stored::OutOfReach => true,
            Stored::Gone => {
                self.close_removed_elsewhere(id);
                false
            }
            Stored::Unreadable(unreadable) => {
                self.save
                    .set(SaveState::Failed(SaveError::StoredUnreadable(unreadable)));
                false
            }
        }
    }

    /// Shows the stored copy of `id` when it can be read.
    pub(super) fn load_stored(&self, id: Id) -> Stored {
        let loaded = with_runtime(|rt| {
            let loaded = rt.store.load(id);
            if let Ok(Some(Ok(doc))) = &loaded {
                rt.saved_revision = doc.revision;
                // A save in steps of the document this one replaces stores nothing.
                rt.in_flight = None;
            }
            loaded
        });
        match loaded {
            Some(Ok(Some(Ok(doc)))) => {
                self.doc.set(Some(doc));
                self.save.set(SaveState::Saved);
                Stored::Loaded
            }
            Some(Ok(None)) => Stored::Gone,
            Some(Ok(Some(Err(unreadable)))) => Stored::Unreadable(unreadable),
            _ => Stored::OutOfReach,
        }
    }

    /// Another tab removed the active profile's stored copy. Each tab sees the other's
    /// writes a moment late, so a save of this tab may have crossed that.
    /// - Wiped there (or storage cleared): the profile's keys are removed here too, so
    ///   the wipe stands.
    /// - Set aside as unreadable by another tab's start-up: nothing more is removed, the
    ///   copy set aside joins the kept data here, and a readable save of this tab that
    ///   crossed it stays open.
    ///
    /// Otherwise what this tab held is kept in `closed_copy`, offered for download, never
    /// written back.
    pub(super) fn close_removed_elsewhere(&self, id: Id) {
        // The other tab set it aside within the last moments; a copy set aside long ago
        // says nothing about this removal.
        let since = stamp(chrono::Utc::now() - chrono::Duration::minutes(2));
        let set_aside = with_runtime(|rt| rt.store.kept_since(id, &since).unwrap_or_default())
            .unwrap_or_default();
        let why = if set_aside.is_empty() {
            Closed::Wiped
        } else {
            for kept in set_aside {
                self.add_kept(kept);
            }
            if matches!(self.load_stored(id), Stored::Loaded) {
                return;
            }
            Closed::Kept
        };
        let copy = self.doc.try_update_untracked(Option::take).flatten();
        if why == Closed::Wiped {
            let _ = with_runtime(|rt| rt.store.remove_profile(id));
        }
        self.close_gone(id);
        self.closed_copy
            .set(copy.map(|doc| ClosedCopy { doc, why }));
    }
}
