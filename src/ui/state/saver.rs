//! The saver: every change schedules one debounced save; leaving the page flushes it at
//! once, so a reload mid-sentence loses nothing. A save checks the stored revision first
//! (`Store::save`), so a tab never writes over another tab's newer copy.

use std::time::Duration;

use leptos::prelude::*;

use super::{with_runtime, AppState, Notice, SaveState};
use crate::storage::SaveError;

const SAVE_DELAY: Duration = Duration::from_millis(400);

/// During a long burst of typing the save still happens this often, so that a crash of
/// the browser mid-flow loses at most these few seconds.
const SAVE_MAX_WAIT_MS: f64 = 2_000.0;

pub(super) fn listen_for_leaving(state: AppState) {
    // pagehide fires on reload, navigation away and tab close, also where beforeunload
    // does not; visibilitychange covers mobile browsers that kill hidden tabs.
    let handle = window_event_listener(leptos::ev::pagehide, move |_| {
        state.flush();
        state.leaving_for_auto_share();
    });
    std::mem::forget(handle);
    let handle = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            state.flush();
            state.leaving_for_auto_share();
        }
    });
    std::mem::forget(handle);
}

impl AppState {
    pub(super) fn schedule_save(&self) {
        if self.save.get_untracked() != SaveState::MemoryOnly {
            self.save.set(SaveState::Pending);
        }
        let state = *self;
        let now = js_sys::Date::now();
        let overdue = with_runtime(|rt| {
            if let Some(handle) = rt.pending.take() {
                handle.clear();
            }
            let since = *rt.pending_since.get_or_insert(now);
            rt.pending = set_timeout_with_handle(move || state.flush(), SAVE_DELAY).ok();
            now - since >= SAVE_MAX_WAIT_MS
        })
        .unwrap_or(false);
        if overdue {
            self.save_now();
        }
    }

    /// Saves now if a change is waiting.
    pub fn flush(&self) {
        if self.has_pending() {
            self.save_now();
        }
    }

    pub(super) fn save_now(&self) {
        // Saved where it lies, not from a clone: a year of data is megabytes to copy.
        // Only the revision changes, and only when the save went through.
        let result = self.doc.try_update_untracked(|doc| {
            let doc = doc.as_mut()?;
            with_runtime(|rt| {
                rt.cancel_pending();
                let before = doc.revision;
                doc.revision = rt.saved_revision + 1;
                let result = crate::ui::timed("leerspoor-save", || rt.store.save(doc));
                if result.is_ok() {
                    rt.saved_revision = doc.revision;
                } else {
                    doc.revision = before;
                }
                result
            })
        });
        match result.flatten() {
            Some(Ok(())) => {
                self.save.set(self.settled());
                self.changed_for_auto_share();
            }
            Some(Err(conflict @ SaveError::Conflict { .. })) => {
                // A wiped profile, or a copy this tab cannot read, reports itself there.
                let still_stored = self.reload_from_storage();
                if still_stored {
                    self.notice.set(Some(Notice::Save(conflict)));
                }
            }
            Some(Err(e)) => self.save.set(SaveState::Failed(e)),
            None => {}
        }
    }

    pub(super) fn has_pending(&self) -> bool {
        with_runtime(|rt| rt.pending.is_some()).unwrap_or(false)
    }
}
