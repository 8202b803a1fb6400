//! The saver: every change schedules one debounced save; leaving the page flushes it at
//! once, so a reload mid-sentence loses nothing. A save checks the stored revision first
//! (`Store::save`), so a tab never writes over another tab's newer copy; a save refused
//! so is merged with that copy (`model::concurrent`) and saved as the next revision. Two
//! tabs can pass the check at once (localStorage has no compare-and-set across tabs);
//! the tab whose save was replaced so merges again (`follow_replaced_write`).
//!
//! The debounced save is made in steps (`Store::begin_save`, `SaveInSteps::step`,
//! `Store::finish_save`), the browser given a turn between them, so a keystroke that
//! falls in the save of a large journal waits for one step, not for the whole deflate.
//! Leaving the page, switching profiles and everything else that must be stored at once
//! saves in one go (`save_now`), which drops a save in steps under way: that one stores
//! nothing until its last step, and the save in one go holds everything it held.

use std::time::Duration;

use leptos::prelude::*;

use super::import::{clock, next_turn};
use super::{with_runtime, AppState, Notice, SaveState};
use crate::model::concurrent::Merged;
use crate::storage::{SaveError, SaveInSteps};
use crate::ui::{mark_start, measure_from_start, timed};

const SAVE_DELAY: Duration = Duration::from_millis(400);

/// During a long burst of typing the save still happens this often, so that a crash of
/// the browser mid-flow loses at most these few seconds.
const SAVE_MAX_WAIT_MS: f64 = 2_000.0;

/// A save in steps packs for this long before the browser gets a turn: a keystroke that
/// falls in the save waits at most about this, or for the writing of the text, the first
/// step, whichever is longer.
const SAVE_STEP_MS: f64 = 8.0;

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
            rt.pending = set_timeout_with_handle(move || state.save_waiting(), SAVE_DELAY).ok();
            now - since >= SAVE_MAX_WAIT_MS
        })
        .unwrap_or(false);
        if overdue {
            self.save_in_steps();
        }
    }

    /// The debounced save's timer: saves in steps if a change is still waiting (a save
    /// in one go may have stored it since).
    fn save_waiting(&self) {
        if with_runtime(|rt| rt.pending.is_some()).unwrap_or(false) {
            self.save_in_steps();
        }
    }

    /// The debounced save, in steps. The text is written now, from the document as it
    /// is; a change made meanwhile schedules the next save. If anything saves in one go
    /// before the last step (leaving the page, another tab's write), this one is dropped
    /// and stores nothing.
    fn save_in_steps(&self) {
        let begun = self.doc.try_update_untracked(|doc| {
            let doc = doc.as_mut()?;
            with_runtime(|rt| {
                rt.cancel_pending();
                mark_start("leerspoor-save");
                let before = doc.revision;
                doc.revision = rt.saved_revision + 1;
                let begun = timed("leerspoor-save-step", || rt.store.begin_save(doc));
                if begun.is_err() {
                    doc.revision = before;
                } else {
                    rt.flights += 1;
                    rt.in_flight = Some(rt.flights);
                }
                begun.map(|save| (rt.flights, save))
            })
        });
        match begun.flatten() {
            Some(Ok((flight, save))) => {
                let state = *self;
                leptos::task::spawn_local(async move { state.go_on_saving(flight, save).await });
            }
            Some(Err(e)) => self.saved(Err(e)),
            None => {}
        }
    }

    async fn go_on_saving(self, flight: u64, mut save: SaveInSteps) {
        let flying = || with_runtime(|rt| rt.in_flight == Some(flight)).unwrap_or(false);
        loop {
            next_turn().await;
            if !flying() {
                return;
            }
            let packed = timed("leerspoor-save-step", || {
                let since = clock();
                loop {
                    if save.step() {
                        break true;
                    }
                    if clock() - since >= SAVE_STEP_MS {
                        break false;
                    }
                }
            });
            if packed {
                break;
            }
        }
        next_turn().await;
        if !flying() {
            return;
        }
        let revision = save.revision();
        let result = with_runtime(|rt| {
            rt.in_flight = None;
            let result = timed("leerspoor-save-step", || rt.store.finish_save(save));
            if result.is_ok() {
                rt.saved_revision = revision;
            }
            (result, rt.saved_revision)
        });
        let Some((result, saved_revision)) = result else {
            return;
        };
        measure_from_start("leerspoor-save");
        if result.is_err() {
            self.doc.update_untracked(|doc| {
                if let Some(doc) = doc.as_mut() {
                    doc.revision = saved_revision;
                }
            });
        }
        self.saved(result);
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
                let result = timed("leerspoor-save", || rt.store.save(doc));
                if result.is_ok() {
                    rt.saved_revision = doc.revision;
                } else {
                    doc.revision = before;
                }
                result
            })
        });
        if let Some(result) = result.flatten() {
            self.saved(result);
        }
    }

    /// What a save's outcome shows.
    fn saved(&self, result: Result<(), SaveError>) {
        match result {
            Ok(()) => {
                // A change made while a save in steps was under way is still waiting.
                if !self.has_pending() {
                    self.save.set(self.settled());
                }
                self.changed_for_auto_share();
            }
            Err(conflict @ SaveError::Conflict { .. }) => {
                if self.merge_with_stored() {
                    return;
                }
                // Nothing to merge with: a wiped profile, or a copy this tab cannot read,
                // reports itself there.
                let still_stored = self.reload_from_storage();
                if still_stored {
                    self.notice.set(Some(Notice::Save(conflict)));
                }
            }
            Err(e) => self.save.set(SaveState::Failed(e)),
        }
    }

    /// Another tab saved this profile while this tab had a change waiting (the save was
    /// refused by the revision check): this tab's document is merged with the stored one
    /// (`Store::merge_stored`), the merge saved as the next revision and shown, and the
    /// notice says what was settled. False when there is nothing to merge, or the merge
    /// met another tab's save in turn: the caller loads the stored copy instead. Storage
    /// refusing the merge's save (full, say) keeps this tab's document on screen, unsaved,
    /// and the save state says why; the next save merges again.
    fn merge_with_stored(&self) -> bool {
        let merged = self.doc.with_untracked(|doc| {
            let ours = doc.as_ref()?;
            with_runtime(|rt| rt.store.merge_stored(ours).ok().flatten()).flatten()
        });
        let Some(Merged { mut doc, outcome }) = merged else {
            return false;
        };
        let stored = doc.revision;
        doc.revision = stored + 1;
        let result = with_runtime(|rt| {
            // The merge holds every change made here so far.
            rt.cancel_pending();
            let result = timed("leerspoor-save", || rt.store.save(&doc));
            // Saved, or not: from now on this tab goes on from the stored copy.
            rt.saved_revision = if result.is_ok() { doc.revision } else { stored };
            result
        });
        match result {
            Some(Ok(())) => {
                self.doc.set(Some(doc));
                self.save.set(self.settled());
                self.notice.set(Some(Notice::Merged(outcome)));
                self.changed_for_auto_share();
                true
            }
            Some(Err(SaveError::Conflict { .. })) | None => false,
            Some(Err(e)) => {
                // The merge stays on screen, unsaved, holding both tabs' changes; the
                // next save tries again from the stored copy's revision.
                doc.revision = stored;
                self.doc.set(Some(doc));
                self.save.set(SaveState::Failed(e));
                true
            }
        }
    }

    /// Another tab's save replaced this tab's last save at the same revision: both tabs
    /// passed the revision check at once (`Store::rewind_if_replaced`). What this tab
    /// holds is merged with that save from the copy this tab's save started from, as a
    /// refused save is. Returns whether it was.
    pub(super) fn follow_replaced_write(&self, id: crate::model::Id) -> bool {
        let revision = with_runtime(|rt| {
            let replaced = rt.store.rewind_if_replaced(id).unwrap_or(false);
            replaced.then_some(rt.saved_revision)
        })
        .flatten();
        if let Some(revision) = revision {
            self.saved(Err(SaveError::Conflict {
                stored: revision,
                base: revision,
            }));
        }
        revision.is_some()
    }

    /// Whether a change is not stored yet: its save is waiting, or under way in steps.
    pub(super) fn has_pending(&self) -> bool {
        with_runtime(|rt| rt.pending.is_some() || rt.in_flight.is_some()).unwrap_or(false)
    }
}
