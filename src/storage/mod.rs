//! The only code that touches the browser's storage.
//!
//! The protocol (which keys, when a write is refused, what happens to unreadable data) is
//! written against the small [`Backend`] trait, so it runs and is tested natively with
//! [`MemoryBackend`]; `local` adapts the trait to `window.localStorage`.

mod backend;
pub mod import;
mod keys;
mod pack;
mod store;
mod workspace;

#[cfg(target_arch = "wasm32")]
pub mod folder;
#[cfg(target_arch = "wasm32")]
pub mod local;

pub use backend::{Backend, BackendError, MemoryBackend};
pub use keys::{stamp, Keys, FILE_ROOT, WEB_ROOT};
pub use pack::{pack, pack_quick, unpack};
pub use store::{Kept, KeptReason, SaveError, SaveInSteps, Startup, Store};
pub use workspace::{
    ChangeError, Participant, ParticipantCopy, Refusal, Workspace, WorkspaceError,
    ASSUMED_QUOTA_UNITS, WARN_AT,
};
