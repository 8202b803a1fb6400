//! The course folder for the views (`docs/course-folder.md`): which folder a profile
//! chose, whether it may be used now, reading it into `model::folder::Found`s, and
//! writing a writer's own new bundle with the tidy-up of its own older files. The disk
//! and the IndexedDB where the choice is kept are `storage::folder`'s; the rules are
//! `model::folder`'s.

use chrono::{DateTime, Utc};

use crate::model::bundle::{Bundle, BundleKind, CryptoError};
use crate::model::folder::{deletable, next_name, Found, Reading, KEEP_OWN};
use crate::model::Id;
use crate::model::Lang;
use crate::storage::folder::{self as disk, FileAt};
use crate::ui::crypto;

pub use crate::model::folder::FolderError;
pub use crate::storage::folder::{supported, Dir, Permission};

use super::import::{read_one, Slicer};

/// Where a profile stands with its course folder.
#[derive(Clone, Debug, PartialEq)]
pub enum Access {
    /// Not known yet (the kept choice is being looked up).
    Checking,
    /// This browser cannot write in a folder: the views offer the fallbacks.
    Unsupported,
    /// No folder chosen in this browser.
    None,
    /// A folder was chosen on an earlier visit; the browser wants a click to allow it
    /// again.
    Asking(Dir),
    Ready(Dir),
}

impl Access {
    pub fn ready(&self) -> Option<&Dir> {
        match self {
            Access::Ready(dir) => Some(dir),
            _ => None,
        }
    }
}

/// The folder `profile` chose in this browser, and whether it may be used now.
pub async fn access(profile: Id) -> Access {
    if !supported() {
        return Access::Unsupported;
    }
    match disk::kept(profile).await {
        None => Access::None,
        Some(dir) => match dir.permission().await {
            disk::Permission::Granted => Access::Ready(dir),
            _ => Access::Asking(dir),
        },
    }
}

/// Lets the user pick the course folder (from a click) and keeps the choice for
/// `profile`. `kept` is false when this browser could not keep it: the folder works
/// for this visit, and is asked for again next time.
pub async fn choose(profile: Id) -> Result<(Dir, bool), FolderError> {
    let dir = disk::pick().await?;
    let kept = disk::keep(profile, &dir).await.is_ok();
    Ok((dir, kept))
}

/// Lets the user pick the course folder (from a click) for this visit only: a rater has
/// no profile to keep it for, and nothing of theirs is kept.
pub async fn pick_once() -> Result<Dir, FolderError> {
    disk::pick().await
}

/// Asks again for the folder chosen on an earlier visit (from a click).
pub async fn allow(dir: Dir) -> Result<Dir, FolderError> {
    dir.ask().await.map(|()| dir)
}

pub async fn forget(profile: Id) -> Result<(), FolderError> {
    disk::forget(profile).await
}

/// Reads the course folder (or only `participant`'s place), every candidate file
/// through `bundle::read`, giving the browser a turn between files. `progress(done,
/// total)` follows the reading.
pub async fn read(
    dir: &Dir,
    participant: Option<Id>,
    progress: impl Fn(usize, usize),
) -> Result<Vec<Found>, FolderError> {
    let under: Vec<String> = match participant {
        Some(p) => crate::model::folder::place(p)
            .split('/')
            .map(str::to_string)
            .collect(),
        None => Vec::new(),
    };
    let files = dir.files(&under).await?;
    let total = files.len();
    let mut found = Vec::with_capacity(total);
    let mut slicer = Slicer::new();
    for (i, FileAt { path, file }) in files.into_iter().enumerate() {
        found.push(match file {
            Ok(file) => read_one(path, &file).await,
            Err(_) => Found {
                path,
                size: 0,
                modified: None,
                reading: Reading::NotRead,
            },
        });
        progress(i + 1, total);
        slicer.turn().await;
    }
    Ok(found)
}

/// Why a bundle could not be put in the course folder. Nothing was written.
#[derive(Clone, Debug, PartialEq)]
pub enum WriteError {
    Folder(FolderError),
    Crypto(CryptoError),
    /// The bundle would hold what an import refuses (`bundle::unreadable`): not written.
    Unreadable(Vec<crate::model::validation::Problem>),
}

impl WriteError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WriteError::Folder(e) => e.message(lang),
            WriteError::Crypto(e) => e.message(lang).to_string(),
            WriteError::Unreadable(problems) => {
                let list: Vec<String> = problems
                    .iter()
                    .map(|p| format!("• {}", p.message(lang)))
                    .collect();
                lang.pick(
                    format!("deze bundel zou niet in te lezen zijn, ook niet in je eigen browser. Maak korter wat te lang is. {}", list.join(" ")),
                    format!("this bundle could not be read in, not even in your own browser. Shorten what is too long. {}", list.join(" ")),
                )
            }
        }
    }
}

/// What writing gave: the new file's name, and how many of the writer's own older files
/// were removed (beyond `KEEP_OWN`).
#[derive(Clone, Debug, PartialEq)]
pub struct Written {
    pub name: String,
    pub removed: usize,
}

/// Writes `writer`'s new bundle of `kind` into `participant`'s place: named by
/// `model::folder::next_name` (never over an existing file), built by `make` with that
/// moment as its export time, encrypted with `secret` when given. Then removes the
/// writer's own older files there beyond `KEEP_OWN` (`model::folder::deletable`);
/// a removal that fails is left for next time.
pub async fn write(
    dir: &Dir,
    participant: Id,
    writer: Id,
    kind: BundleKind,
    now: DateTime<Utc>,
    make: impl FnOnce(DateTime<Utc>) -> Bundle,
    secret: Option<String>,
) -> Result<Written, WriteError> {
    let names = dir
        .names_in(participant)
        .await
        .map_err(WriteError::Folder)?;
    let taken: Vec<&str> = names.iter().map(String::as_str).collect();
    let (name, at) = next_name(writer, kind, now, &taken);
    let bundle = make(at);
    let bundle = match secret {
        None => bundle,
        Some(secret) => {
            let plaintext = bundle.contents_text().unwrap_or_default();
            let sealed = crypto::encrypt(&plaintext, &secret)
                .await
                .map_err(WriteError::Crypto)?;
            bundle.sealed(sealed)
        }
    };
    // A bundle always serialises; should it not, nothing is written.
    let text = serde_json::to_string_pretty(&bundle).map_err(|_| {
        WriteError::Folder(FolderError::Failed {
            name: "serialise".into(),
        })
    })?;
    dir.write(participant, &name, &text)
        .await
        .map_err(WriteError::Folder)?;
    let mut removed = 0;
    if let Ok(found) = read(dir, Some(participant), |_, _| {}).await {
        for i in deletable(writer, &found, KEEP_OWN) {
            if dir.remove(&found[i].path).await.is_ok() {
                removed += 1;
            }
        }
    }
    Ok(Written { name, removed })
}
