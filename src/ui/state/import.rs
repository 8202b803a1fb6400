//! The one import transaction, for every place that imports a bundle: Delen's picker and
//! drop zone, the first-run restore, and the begeleider's workspace (through Delen).
//!
//! 1. **Open** ([`open`], [`unlock`]): the file's size is checked before it is read;
//!    `bundle::read` sniffs, parses and checks the envelope, the digest and the contents
//!    (through `restore`); an encrypted bundle waits for its passphrase, then its
//!    plaintext takes the same checks. `bundle::admit` then decides what the bundle may
//!    do here ([`Arrived::admission`]).
//! 2. **Preview**: the view shows [`Arrived`]; for a merge, `bundle::plan` (what is new,
//!    which records conflict). Nothing has changed yet.
//! 3. **Confirm** ([`AppState::confirm`]): a refusal stays a refusal; a merge is applied
//!    to a copy and validated (invalid: nothing changes), and when it changes anything,
//!    the backup is written *before* anything stored changes (no backup: nothing
//!    changes), then the merged document is saved, and only a saved document is shown
//!    ([`AppState::commit`]). A restore is saved before it becomes active; a
//!    workspace import writes the begeleider's copy.
//!
//! Every outcome is typed ([`Imported`], [`ImportError`]); the views word them with
//! `message(lang)`. Any failure leaves the stored data as it was.

use leptos::prelude::*;

use crate::model::bundle::{
    self, admit, Admission, Arrival, Bundle, BundleError, Conflict, Here, Incoming, MergePlan,
    Opened, Refusal, Resolution,
};
use crate::model::validation::Problem;
use crate::model::workspace::carry_over;
use crate::model::{Document, Id, Lang};
use crate::storage::{SaveError, WorkspaceError};
use crate::ui::crypto::{self, CryptoError};
use crate::ui::files::read_bytes;
use crate::ui::timed;

use super::workspace::{coach_profile, holds_participant, with_workspace};
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

/// What a confirmed import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Imported {
    /// Merged into the open profile, backup first.
    Merged {
        changes: usize,
    },
    /// Everything in the bundle was already here; nothing changed.
    NothingNew,
    /// The profile was made from the bundle and is open now.
    Restored,
    /// The copy this browser already had is open now; the bundle was not restored over it.
    OpenedHeld,
    /// Kept in the begeleider's workspace.
    AddedToWorkspace {
        name: String,
        id: Id,
    },
    UpdatedInWorkspace {
        name: String,
        id: Id,
    },
}

/// Why an import did not happen. Nothing stored changed in any of these cases.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The browser could not read the file itself.
    FileUnreadable,
    Bundle(BundleError),
    Crypto(CryptoError),
    Refused(Refusal),
    /// Merging would produce invalid data.
    Invalid(Vec<Problem>),
    /// No backup could be written, so nothing was imported.
    Backup(SaveError),
    /// The merged document could not be saved.
    NotSaved(SaveError),
    Profile(ProfileError),
    Workspace(WorkspaceError),
    /// The open profile changed between the preview and the confirmation.
    ProfileChanged,
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::FileUnreadable => lang
                .pick(
                    "Het bestand kon niet worden gelezen.",
                    "The file could not be read.",
                )
                .into(),
            ImportError::Bundle(e) => e.message(lang),
            ImportError::Crypto(e) => e.message(lang),
            ImportError::Refused(r) => r.message(lang),
            ImportError::Invalid(problems) => {
                let detail = problems
                    .iter()
                    .take(5)
                    .map(|p| p.message(lang))
                    .collect::<Vec<_>>()
                    .join(" ");
                lang.pick(
                    format!("Samenvoegen zou ongeldige gegevens opleveren; er is niets veranderd. {detail}"),
                    format!("Merging would produce invalid data; nothing has been changed. {detail}"),
                )
            }
            ImportError::Backup(e) => {
                let reason = e.message(lang);
                lang.pick(
                    format!(
                        "Er kon geen back-up worden gemaakt, dus er is niets ingelezen. {reason}"
                    ),
                    format!("No backup could be made, so nothing has been imported. {reason}"),
                )
            }
            ImportError::NotSaved(e) => {
                let reason = e.message(lang);
                lang.pick(
                    format!("De bundel kon niet worden opgeslagen, dus er is niets ingelezen; je gegevens zijn zoals ze waren. {reason}"),
                    format!("The bundle could not be saved, so nothing has been imported; your data is as it was. {reason}"),
                )
            }
            ImportError::Profile(e) => e.message(lang),
            ImportError::Workspace(e) => e.message(lang),
            ImportError::ProfileChanged => lang
                .pick(
                    "Intussen is een ander profiel geopend. Kies de bundel opnieuw.",
                    "Another profile was opened in the meantime. Choose the bundle again.",
                )
                .into(),
        }
    }
}

/// Step 1: reads and checks a picked or dropped file. The size is checked before the
/// file is read, so a huge one is refused without being loaded.
pub async fn open(app: AppState, file: &web_sys::File) -> Result<Opening, ImportError> {
    let name = file.name();
    let size = file.size() as usize;
    if size > bundle::MAX_BUNDLE_BYTES {
        return Err(ImportError::Bundle(BundleError::TooLarge {
            bytes: size,
            max: bundle::MAX_BUNDLE_BYTES,
        }));
    }
    let bytes = read_bytes(file)
        .await
        .map_err(|_| ImportError::FileUnreadable)?;
    match timed("leerspoor-bundle-read", || bundle::read(&bytes)).map_err(ImportError::Bundle)? {
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
    let incoming = bundle::open_plaintext((*locked.bundle).clone(), &plaintext)
        .map_err(ImportError::Bundle)?;
    Ok(arrive(app, locked.file.clone(), incoming))
}

/// What the checked bundle may do here, and for a merge its preview.
fn arrive(app: AppState, file: String, incoming: Incoming) -> Arrived {
    let subject = incoming.document.id();
    let active = app
        .doc
        .with_untracked(|d| d.as_ref().map(|d| (d.id(), d.profile.role)));
    let here = Here {
        active,
        holds_profile: app.holds(subject),
        holds_participant: holds_participant(subject),
    };
    let admission = admit(&Arrival::of(&incoming), here);
    let plan = if admission.merges() {
        app.doc.with_untracked(|d| {
            d.as_ref()
                .map(|d| {
                    timed("leerspoor-bundle-plan", || {
                        bundle::plan(d, &incoming.document, incoming.bundle.kind)
                    })
                })
                .unwrap_or_default()
        })
    } else {
        MergePlan::default()
    };
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
                    .map_err(ImportError::Profile)?;
                Ok(Imported::Restored)
            }
            Admission::OpenHeld => {
                self.switch_to(incoming.document.id())
                    .map_err(ImportError::Profile)?;
                Ok(Imported::OpenedHeld)
            }
            Admission::Merge | Admission::ReadFeedback => self.merge(incoming, decide),
            Admission::AddToWorkspace | Admission::UpdateInWorkspace => {
                self.keep_in_workspace(incoming)
            }
        }
    }

    fn merge(
        &self,
        incoming: &Incoming,
        decide: &dyn Fn(&Conflict) -> Resolution,
    ) -> Result<Imported, ImportError> {
        if self.active_id() != Some(incoming.document.id()) {
            return Err(ImportError::ProfileChanged);
        }
        // Read in place: the profile can be megabytes to clone.
        let merged = self.doc.with_untracked(|doc| {
            doc.as_ref().map(|doc| {
                timed("leerspoor-bundle-apply", || {
                    bundle::apply(doc, &incoming.document, incoming.bundle.kind, decide)
                })
            })
        });
        let Some(merged) = merged else {
            return Err(ImportError::ProfileChanged);
        };
        let (merged, report) = merged.map_err(ImportError::Invalid)?;
        if report.changes() == 0 {
            return Ok(Imported::NothingNew);
        }
        // The backup must exist before anything stored changes; without it, nothing does.
        timed("leerspoor-backup", || self.backup_now()).map_err(ImportError::Backup)?;
        self.commit(merged).map_err(ImportError::NotSaved)?;
        Ok(Imported::Merged {
            changes: report.changes(),
        })
    }

    /// Stores a participant's bundle in the open begeleider's workspace. What the
    /// begeleider added to the copy held so far (feedback, ratings) comes along.
    fn keep_in_workspace(&self, incoming: &Incoming) -> Result<Imported, ImportError> {
        let coach = coach_profile().ok_or(ImportError::ProfileChanged)?;
        let id = incoming.document.id();
        let updated = with_workspace(coach.id, |ws| {
            let (document, updated) = match ws.load(id) {
                Ok(Some(held)) => (carry_over(&held.document, &incoming.document), true),
                _ => (incoming.document.clone(), false),
            };
            ws.import(&document, incoming.bundle.exported, chrono::Utc::now())
                .map(|()| updated)
        })
        .map_err(ImportError::Workspace)?;
        let name = incoming.document.profile.name.clone();
        Ok(if updated {
            Imported::UpdatedInWorkspace { name, id }
        } else {
            Imported::AddedToWorkspace { name, id }
        })
    }

    /// Replaces the open document by `doc` (a merged import, a restored backup), all or
    /// nothing: `doc` is saved first, and
    /// shown only once it is stored. A change still waiting is part of `doc` already
    /// (it was made from the document as shown), so it is not saved separately.
    pub fn commit(&self, mut doc: Document) -> Result<(), SaveError> {
        with_runtime(|rt| {
            doc.revision = rt.saved_revision + 1;
            timed("leerspoor-save", || rt.store.save(&doc))?;
            rt.saved_revision = doc.revision;
            // Only now: had the save failed, the waiting change would still be saved.
            if let Some(handle) = rt.pending.take() {
                handle.clear();
            }
            rt.pending_since = None;
            Ok(())
        })
        .unwrap_or(Err(SaveError::Unavailable))?;
        self.doc.set(Some(doc));
        self.save.set(self.settled());
        Ok(())
    }
}
