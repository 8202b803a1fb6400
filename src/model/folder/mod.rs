//! The course folder: a folder the organisation already syncs (Teams/SharePoint,
//! OneDrive, a network drive, Nextcloud, Syncthing) through which a course shares its
//! bundles. Layout and rules: `docs/course-folder.md`.
//!
//! This module is the folder's rules in plain Rust; the browser's part (directory
//! handles, reading and writing files) lives outside the model and hands in what it
//! found as [`Found`] values.
//! - [`layout`]: where each writer puts its files and how it names them;
//! - [`choose`]: per participant the newest bundle, decided by contents, never by name;
//! - [`list`]: the begeleider's "Cursusmap lezen" list and the "Alles bijwerken" plan;
//! - [`deletable`]: which of a writer's own older files it may delete;
//! - [`requests`] and [`answers`]: rating requests and their answers, for the rater and
//!   for the participant who asked.

pub mod layout;

mod access;
mod auto_share;
mod choose;
mod listing;
mod rating;
mod retention;

use chrono::{DateTime, Utc};

use crate::model::bundle::{Bundle, BundleError, Incoming, Opened, MAX_BUNDLE_BYTES};

pub use access::FolderError;
pub use auto_share::{next_share, AutoShare, EVERY_MINUTES};
pub use choose::{choose, Choice, Newest, Problem, Verdict};
pub use layout::{
    is_candidate, next_name, parse_name, place, place_of, OwnName, KEEP_OWN, PARTICIPANTS,
};
pub use listing::{list, InWorkspace, Listing, Row, State, Step};
pub use rating::{answers, requests, FolderAnswer, FolderRequest};
pub use retention::deletable;

/// One file found in the course folder, and what reading it gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Its path in the folder, `/` between the parts (e.g. a picked folder's
    /// `webkitRelativePath`). Unique among the files handed in.
    pub path: String,
    pub size: u64,
    /// When the file was last changed, as the browser says (`File.lastModified`).
    pub modified: Option<DateTime<Utc>>,
    pub reading: Reading,
}

/// What reading one file gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A bundle that passed every check of `bundle::read`.
    Bundle(Box<Incoming>),
    /// Encrypted: the envelope is read, the contents wait for the passphrase. Once
    /// unlocked, hand the file in again as [`Reading::Bundle`] (or, with a wrong
    /// passphrase, as [`Reading::Failed`]).
    Locked(Box<Bundle>),
    /// Not a bundle that can be used; the error says why.
    Failed(BundleError),
    /// The browser could not read the file at all (moved, removed, still syncing).
    NotRead,
}

impl From<Result<Opened, BundleError>> for Reading {
    fn from(read: Result<Opened, BundleError>) -> Reading {
        match read {
            Ok(Opened::Ready(incoming)) => Reading::Bundle(incoming),
            Ok(Opened::Locked(bundle)) => Reading::Locked(bundle),
            Err(e) => Reading::Failed(e),
        }
    }
}

impl Found {
    /// Reads the bytes of a file with `bundle::read`.
    pub fn read(path: &str, bytes: &[u8], modified: Option<DateTime<Utc>>) -> Found {
        Found {
            path: path.to_string(),
            size: bytes.len() as u64,
            modified,
            reading: crate::model::bundle::read(bytes).into(),
        }
    }

    /// A file too large to be a bundle, listed without reading it (check `File.size`
    /// first, so a wrong file cannot freeze the tab); `None` when it may be read.
    pub fn too_large(path: &str, size: u64, modified: Option<DateTime<Utc>>) -> Option<Found> {
        let bytes = usize::try_from(size).unwrap_or(usize::MAX);
        (bytes > MAX_BUNDLE_BYTES).then(|| Found {
            path: path.to_string(),
            size,
            modified,
            reading: Reading::Failed(BundleError::TooLarge {
                bytes,
                max: MAX_BUNDLE_BYTES,
            }),
        })
    }

    /// The file's own name, without the folders above it.
    pub fn name(&self) -> &str {
        layout::file_part(&self.path)
    }
}

#[cfg(test)]
mod tests;
