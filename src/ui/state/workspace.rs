//! The begeleider's workspace as the views reach it: one `storage::Workspace` per open
//! begeleider, opened on first use on the same backend as the profile store.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::model::{Id, Profile, Role};
use crate::storage::local::LocalBackend;
use crate::storage::{Backend, Keys, MemoryBackend, Workspace};
use crate::ui::edition::key_root;

use super::{use_app, AppState};

thread_local! {
    static WORKSPACE: RefCell<Option<Workspace>> = const { RefCell::new(None) };
}

/// Runs `f` on the workspace of `coach`, opening it on first use.
pub fn with_workspace<R>(coach: Id, f: impl FnOnce(&Workspace) -> R) -> R {
    WORKSPACE.with(|cell| {
        let mut cell = cell.borrow_mut();
        let ws = match cell.take() {
            Some(ws) if ws.coach() == coach => ws,
            _ => {
                let backend: Box<dyn Backend> = match LocalBackend::open() {
                    Ok(local) => Box::new(local),
                    Err(_) => Box::new(MemoryBackend::default()),
                };
                Workspace::new(backend, Keys::new(key_root()), coach)
            }
        };
        f(cell.insert(ws))
    })
}

/// The open profile, when it is a begeleider's (from a view: it reads the context).
pub fn coach_profile() -> Option<Profile> {
    use_app().coach()
}

impl AppState {
    /// The open profile, when it is a begeleider's. Works outside a view too (an import's
    /// async steps run where no context can be read).
    pub fn coach(&self) -> Option<Profile> {
        self.doc.with_untracked(|d| {
            d.as_ref()
                .filter(|d| d.profile.role == Role::Coach)
                .map(|d| d.profile.clone())
        })
    }
}
