//! The kept list: data set aside as unreadable (at start-up here or in another tab),
//! listed so it can be downloaded or forgotten, never silently dropped.

use leptos::prelude::*;

use super::{with_runtime, AppState};
use crate::storage::Kept;

impl AppState {
    /// The text of a kept copy; `None` when it is gone (removed where no event reached
    /// this tab), which also takes it off the list.
    pub fn read_kept(&self, kept: &Kept) -> Option<String> {
        let found = with_runtime(|rt| rt.store.read_kept(kept).ok().flatten()).flatten();
        if found.is_none() {
            self.kept.update(|all| all.retain(|k| k.key != kept.key));
        }
        found
    }

    /// Another tab set data aside (its start-up could not read it) or removed a kept
    /// copy: the list of kept data follows, so it never offers what is gone.
    pub(super) fn follow_kept(&self, key: String, stored: bool) {
        if !stored {
            self.kept.update(|all| all.retain(|k| k.key != key));
        } else if let Some(Ok(kept)) = with_runtime(|rt| rt.store.kept_entry(&key)) {
            self.add_kept(kept);
        }
    }

    pub(super) fn add_kept(&self, kept: Kept) {
        if !self
            .kept
            .with_untracked(|all| all.iter().any(|k| k.key == kept.key))
        {
            self.kept.update(|all| all.push(kept));
        }
    }

    pub fn forget_kept(&self, kept: &Kept) {
        let removed = with_runtime(|rt| rt.store.forget_kept(kept).unwrap_or(false));
        if removed == Some(true) {
            self.kept.update(|all| all.retain(|k| k.key != kept.key));
        }
    }
}
