//! The one import transaction, for every place that imports a bundle: Delen's picker and
//! drop zone, the first-run restore, and the begeleider's workspace (through Delen).
//!
//! 1. **Open** ([`open`], [`unlock`]): the file's size is checked before it is read;
//!    `bundle::read` sniffs, parses and checks the envelope, the digest and the contents
//!    (through `restore`); an encrypted bundle waits for its passphrase, then its
//!    plaintext takes the same checks. `bundle::admit` decides what the bundle may do
//!    here ([`Arrived::admission`]).
//! 2. **Preview**: the view shows [`Arrived`]; for a merge, `bundle::plan`. Nothing has
//!    changed yet.
//! 3. **Confirm** ([`AppState::confirm`]): `storage::import` carries it out (its module
//!    doc gives the order: backup before anything stored changes, saved before shown);
//!    then the signals follow.
//!
//! Outcomes are typed (`storage::import::{Imported, ImportError}`); the views word them.

use leptos::prelude::*;

use crate::model::bundle::{
    self, admit, Admission, Arrival, Bundle, BundleError, Conflict, CryptoError, Here, Incoming,
    MergePlan, Opened, Resolution,
};
use crate::model::folder::{Found, Reading, Step};
use crate::model::Document;
use crate::storage::{self, SaveError};
use crate::ui::crypto;
use crate::ui::files::read_bytes;
use crate::ui::time::now;
use crate::ui::timed;

pub use crate::storage::import::{ImportError, Imported};

use super::workspace::with_workspace;
use super::{with_runtime, AppState, ProfileError};

/// An encrypted bundle, checked as far as it can be without its passphrase.
#[derive(Clone, Debug, PartialEq)]
pub struct Locked {
    pub file: String,
    bundle: Box<Bundle>,
}

/// A bundle read and checked, with what it may do here.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrived {
    pub file: String,
    pub incoming: Incoming,
    pub admission: Admission,
    /// What a merge would add and where it conflicts; empty unless the admission merges.
    pub plan: MergePlan,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    Ready(Box<Arrived>),
    Locked(Locked),
}

/// Step 1: reads and checks a picked or dropped file. The size is checked before the
/// file is read, so a huge one is refused without being loaded.
pub async fn open(app: AppState, file: &web_sys::File) -> Result<Opening, ImportError> {
    let name = file.name();
    let size = file.size() as usize;
    if size > bundle::MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge {
            bytes: size,
            max: bundle::MAX_BUNDLE_BYTES,
        }
        .into());
    }
    let bytes = read_bytes(file)
        .await
        .map_err(|_| ImportError::FileUnreadable)?;
    match timed("leerspoor-bundle-read", || bundle::read(&bytes)).map_err(ImportError::from)? {
        Opened::Ready(incoming) => Ok(Opening::Ready(Box::new(arrive(app, name, *incoming)))),
        Opened::Locked(bundle) => Ok(Opening::Locked(Locked { file: name, bundle })),
    }
}

/// Step 1 for an encrypted bundle: decrypts it and gives the plaintext every check of a
/// plain one. A wrong passphrase leaves `locked` as it was, to try again.
pub async fn unlock(
    app: AppState,
    locked: &Locked,
    passphrase: &str,
) -> Result<Arrived, ImportError> {
    let Some(encrypted) = &locked.bundle.encrypted else {
        return Err(ImportError::Crypto(CryptoError::WrongPassphrase));
    };
    let plaintext = crypto::decrypt(encrypted, passphrase)
        .await
        .map_err(ImportError::Crypto)?;
    let incoming =
        bundle::open_plaintext((*locked.bundle).clone(), &plaintext).map_err(ImportError::from)?;
    Ok(arrive(app, locked.file.clone(), incoming))
}

/// Step 1 for a bundle already read from the course folder: offered with the same
/// preview (or passphrase) as a picked file; `None` for a file that did not read.
pub fn offered(app: AppState, found: &Found) -> Option<Opening> {
    let file = found.name().to_string();
    match &found.reading {
        Reading::Bundle(incoming) => Some(Opening::Ready(Box::new(arrive(
            app,
            file,
            (**incoming).clone(),
        )))),
        Reading::Locked(bundle) => Some(Opening::Locked(Locked {
            file,
            bundle: bundle.clone(),
        })),
        Reading::Failed(_) | Reading::NotRead => None,
    }
}

/// What the checked bundle may do here, and for a merge its preview.
fn arrive(app: AppState, file: String, incoming: Incoming) -> Arrived {
    let subject = incoming.document.id();
    let active = app
        .doc
        .with_untracked(|d| d.as_ref().map(|d| (d.id(), d.profile.role)));
    let coach = app.coach().map(|c| c.id);
    let here = with_runtime(|rt| match coach {
        Some(coach) => with_workspace(coach, |ws| {
            storage::import::here(&rt.store, Some(ws), active, subject)
        }),
        None => storage::import::here(&rt.store, None, active, subject),
    })
    .unwrap_or(Here {
        active,
        ..Here::default()
    });
    let here = Here {
        answer: app.doc.with_untracked(|open| {
            open.as_ref()
                .map(|open| bundle::answer_fit(open, &incoming))
                .unwrap_or_default()
        }),
        ..here
    };
    let admission = admit(&Arrival::of(&incoming), here);
    let plan = app.doc.with_untracked(|open| {
        timed("leerspoor-bundle-plan", || {
            storage::import::preview(&admission, open.as_ref(), &incoming)
        })
    });
    Arrived {
        file,
        incoming,
        admission,
        plan,
    }
}

impl AppState {
    /// Step 3: carries out what the preview showed. `decide` answers each conflict.
    pub fn confirm(
        &self,
        arrived: &Arrived,
        decide: &dyn Fn(&Conflict) -> Resolution,
    ) -> Result<Imported, ImportError> {
        let incoming = &arrived.incoming;
        match &arrived.admission {
            Admission::Refuse(refusal) => Err(ImportError::Refused(refusal.clone())),
            Admission::Restore => {
                self.activate(incoming.document.clone())
                    .map_err(|e| match e {
                        ProfileError::AlreadyHere => ImportError::AlreadyHere,
                        ProfileError::Storage(e) => ImportError::NotSaved(e),
                        ProfileError::Gone | ProfileError::Unreadable(_) => {
                            ImportError::ProfileChanged
                        }
                    })?;
                Ok(Imported::Restored)
            }
            Admission::OpenStored => {
                self.switch_to(incoming.document.id())
                    .map_err(|_| ImportError::ProfileChanged)?;
                Ok(Imported::OpenedStored)
            }
            Admission::Merge | Admission::ReadFeedback | Admission::ReadRating => {
                self.merge(incoming, decide)
            }
            // The rater page takes it from here; nothing is stored.
            Admission::Rate => Ok(Imported::ForRating),
            Admission::AddToWorkspace | Admission::UpdateInWorkspace => {
                let coach = self.coach().ok_or(ImportError::ProfileChanged)?;
                with_workspace(coach.id, |ws| {
                    storage::import::keep_in_workspace(ws, incoming, now())
                })
            }
        }
    }

    fn merge(
        &self,
        incoming: &Incoming,
        decide: &dyn Fn(&Conflict) -> Resolution,
    ) -> Result<Imported, ImportError> {
        // Read in place: the profile can be megabytes to clone.
        let merged = self.doc.with_untracked(|open| {
            let open = open.as_ref().ok_or(ImportError::ProfileChanged)?;
            with_runtime(|rt| {
                timed("leerspoor-bundle-apply", || {
                    storage::import::merge(
                        &rt.store,
                        open,
                        rt.saved_revision,
                        incoming,
                        decide,
                        now(),
                    )
                })
            })
            .unwrap_or(Err(ImportError::NotSaved(SaveError::Unavailable)))
        })?;
        let Some(merged) = merged else {
            return Ok(Imported::NothingNew);
        };
        // The merge was made from the document as shown, a waiting change included.
        self.show_saved(merged.document);
        Ok(Imported::Merged {
            changes: merged.changes,
        })
    }

    /// Shows `doc`, which is stored already at its revision: the waiting save, made
    /// from the document shown before, is dropped.
    fn show_saved(&self, doc: Document) {
        with_runtime(|rt| {
            rt.saved_revision = doc.revision;
            rt.cancel_pending();
        });
        self.doc.set(Some(doc));
        self.save.set(self.settled());
    }

    /// Replaces the open document by `doc` (a restored backup), all or nothing: `doc`
    /// is saved first, and shown only once it is stored.
    pub fn commit(&self, mut doc: Document) -> Result<(), SaveError> {
        with_runtime(|rt| {
            doc.revision = rt.saved_revision + 1;
            timed("leerspoor-save", || rt.store.save(&doc))
        })
        .unwrap_or(Err(SaveError::Unavailable))?;
        // Only now: had the save failed, the waiting change would still be saved.
        self.show_saved(doc);
        Ok(())
    }
}

/// Reads many picked or dropped files (a whole course folder too), each through
/// `bundle::read`, for `model::folder::list`. A file too large is listed unread; one the
/// browser cannot read is listed as such. Between files the browser gets a turn, so the
/// page stays responsive and `progress(done, total)` is shown.
pub async fn read_many(files: Vec<web_sys::File>, progress: impl Fn(usize, usize)) -> Vec<Found> {
    let total = files.len();
    let mut found = Vec::with_capacity(total);
    let mut slicer = Slicer::new();
    for (i, file) in files.into_iter().enumerate() {
        // `webkitRelativePath` is set for a folder picked with `webkitdirectory`; web-sys
        // does not bind it.
        let relative = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
            .ok()
            .and_then(|v| v.as_string())
            .filter(|p| !p.is_empty());
        let path = relative.unwrap_or_else(|| file.name());
        found.push(read_one(path, &file).await);
        progress(i + 1, total);
        slicer.turn().await;
    }
    found
}

/// One file of a folder or a batch, listed under `path`: too large ones unread, the
/// others through `bundle::read`.
pub(super) async fn read_one(path: String, file: &web_sys::File) -> Found {
    let modified = chrono::DateTime::from_timestamp_millis(file.last_modified() as i64);
    let size = file.size() as u64;
    match Found::too_large(&path, size, modified) {
        Some(too_large) => too_large,
        None => match read_bytes(file).await {
            Ok(bytes) => timed("leerspoor-folder-read", || {
                Found::read(&path, &bytes, modified)
            }),
            Err(_) => Found {
                path,
                size,
                modified,
                reading: Reading::NotRead,
            },
        },
    }
}

/// Unlocks, with one passphrase (the course's), every encrypted bundle among `found`:
/// each opened one takes every check of a plain one and becomes `Reading::Bundle` (or
/// `Reading::Failed`); one the passphrase does not fit stays locked. Returns how many
/// were opened and how many stay locked.
pub async fn unlock_found(found: &mut [Found], passphrase: &str) -> (usize, usize) {
    let (mut opened, mut locked) = (0, 0);
    let mut slicer = Slicer::new();
    for one in found.iter_mut() {
        let Reading::Locked(bundle) = &one.reading else {
            continue;
        };
        let Some(encrypted) = &bundle.encrypted else {
            continue;
        };
        match crypto::decrypt(encrypted, passphrase).await {
            Ok(plaintext) => {
                one.reading = match bundle::open_plaintext((**bundle).clone(), &plaintext) {
                    Ok(incoming) => Reading::Bundle(Box::new(incoming)),
                    Err(e) => Reading::Failed(e),
                };
                opened += 1;
            }
            Err(_) => locked += 1,
        }
        slicer.turn().await;
    }
    (opened, locked)
}

/// Gives the browser a turn once a slice of work has taken this long, rather than after
/// every file: the page stays responsive (no task much over a slice), and a folder of
/// small files is not slowed down by a turn per file.
const SLICE_MS: f64 = 30.0;

/// Time-slices a loop of work: `turn().await` between pieces yields only when the slice
/// is used up.
pub(super) struct Slicer {
    since: f64,
}

impl Slicer {
    pub(super) fn new() -> Slicer {
        Slicer { since: clock() }
    }

    pub(super) async fn turn(&mut self) {
        if clock() - self.since >= SLICE_MS {
            next_turn().await;
            self.since = clock();
        }
    }
}

pub(super) fn clock() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Lets the browser render and handle input before the next piece of work.
pub(super) async fn next_turn() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

impl AppState {
    /// "Alles bijwerken": each step of `model::folder::Listing::plan` goes through the one
    /// import path (`bundle::admit`, then `confirm`), a refused or failed one reported and
    /// skipped, the others going on. One result per step, in the plan's order.
    pub async fn import_many(
        &self,
        found: &[Found],
        steps: &[Step],
        progress: impl Fn(usize, usize),
    ) -> Vec<(Step, Result<Imported, ImportError>)> {
        let mut results = Vec::with_capacity(steps.len());
        for (i, step) in steps.iter().enumerate() {
            let result = match found.get(step.file).map(|f| (&f.path, &f.reading)) {
                Some((path, Reading::Bundle(incoming))) => {
                    let arrived = arrive(*self, path.clone(), (**incoming).clone());
                    self.confirm(&arrived, &|_| Resolution::default())
                }
                _ => Err(ImportError::FileUnreadable),
            };
            results.push((*step, result));
            progress(i + 1, steps.len());
            next_turn().await;
        }
        results
    }
}
