//! The import transaction's steps that read and write storage: what is held here (for
//! `bundle::admit`), and the confirm step. Plain Rust over [`Store`] and [`Workspace`],
//! so every outcome is tested natively, storage full included. `ui::state::import` adds
//! the browser's part (reading the file, WebCrypto) and the signals.
//!
//! The confirm step, in the order it runs:
//! - a refusal stays a refusal;
//! - a merge is applied to a copy of the open document and validated: invalid, nothing
//!   changes; no change at all, nothing is written (not even the backup, so the backup
//!   of an earlier import stays);
//! - the backup is written before anything else: without it, nothing changes;
//! - the merged document is saved with the revision check: refused (storage full,
//!   another tab newer), nothing changes;
//! - a restore is saved before it becomes active; a workspace import writes the
//!   begeleider's copy (the held copy becomes the previous one).

use chrono::{DateTime, Utc};

use super::{SaveError, Store, Workspace, WorkspaceError};
use crate::model::bundle::{
    self, Admission, BundleError, Conflict, CryptoError, Here, Incoming, MergePlan, Refusal,
    Resolution,
};
use crate::model::validation::Problem;
use crate::model::workspace::carry_over;
use crate::model::{Document, Id, Lang, Role};

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
    OpenedStored,
    /// Kept in the begeleider's workspace.
    AddedToWorkspace {
        name: String,
        id: Id,
    },
    UpdatedInWorkspace {
        name: String,
        id: Id,
    },
    /// A rating request, for the rater page: nothing was stored.
    ForRating,
}

/// Why an import did not happen. In every case the stored data is as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The browser could not read the file itself.
    FileUnreadable,
    /// Boxed: a bundle's error is large, and every step returns this type.
    Bundle(Box<BundleError>),
    Crypto(CryptoError),
    Refused(Refusal),
    /// Merging would produce invalid data.
    Invalid(Vec<Problem>),
    /// No backup could be written, so nothing was imported.
    Backup(SaveError),
    /// The merged or restored document could not be saved.
    NotSaved(SaveError),
    /// This browser already has the profile; restoring would write over later work.
    AlreadyHere,
    Workspace(WorkspaceError),
    /// The open profile changed between the preview and the confirmation.
    ProfileChanged,
}

impl From<BundleError> for ImportError {
    fn from(e: BundleError) -> Self {
        ImportError::Bundle(Box::new(e))
    }
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
            ImportError::AlreadyHere => bundle::already_here(lang).into(),
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

/// What this browser holds that `bundle::admit` needs: the open profile, whether the
/// store has the bundle's profile, and whether the open begeleider's workspace has it.
pub fn here(
    store: &Store,
    workspace: Option<&Workspace>,
    active: Option<(Id, Role)>,
    subject: Id,
) -> Here {
    Here {
        active,
        holds_profile: store.holds(subject).unwrap_or(false),
        holds_participant: workspace.is_some_and(|ws| ws.holds(subject).unwrap_or(false)),
        // Asked of the open document by the caller (`bundle::answer_fit`).
        answer: Default::default(),
    }
}

/// For a merge, what it would add and where it conflicts; empty otherwise.
pub fn preview(admission: &Admission, open: Option<&Document>, incoming: &Incoming) -> MergePlan {
    match open {
        Some(doc) if admission.merges() => {
            bundle::plan(doc, &incoming.document, incoming.bundle.kind)
        }
        _ => MergePlan::default(),
    }
}

/// A merge that went through: the document as saved, and how much changed.
#[derive(Debug)]
pub struct Merged {
    pub document: Document,
    pub changes: usize,
}

/// Confirms a merge into `open`, the open document as this tab shows it, last saved at
/// `saved_revision`. `Ok(None)`: nothing new, nothing written.
pub fn merge(
    store: &Store,
    open: &Document,
    saved_revision: u64,
    incoming: &Incoming,
    decide: &dyn Fn(&Conflict) -> Resolution,
    now: DateTime<Utc>,
) -> Result<Option<Merged>, ImportError> {
    if open.id() != incoming.document.id() {
        return Err(ImportError::ProfileChanged);
    }
    let (mut merged, report) =
        bundle::apply(open, &incoming.document, incoming.bundle.kind, decide)
            .map_err(ImportError::Invalid)?;
    if report.changes() == 0 {
        return Ok(None);
    }
    store.save_backup(open, now).map_err(ImportError::Backup)?;
    merged.revision = saved_revision + 1;
    store.save(&merged).map_err(ImportError::NotSaved)?;
    Ok(Some(Merged {
        document: merged,
        changes: report.changes(),
    }))
}

/// Makes a profile from a bundle (the first-run restore, or a new profile): saved first,
/// so only a stored document becomes active. Never over a profile the store holds.
pub fn restore(store: &Store, mut doc: Document) -> Result<Document, ImportError> {
    let id = doc.id();
    if store
        .holds(id)
        .map_err(|e| ImportError::NotSaved(e.into()))?
    {
        return Err(ImportError::AlreadyHere);
    }
    let base = store
        .stored_revision(id)
        .map_err(|e| ImportError::NotSaved(e.into()))?;
    doc.revision = base + 1;
    store.save(&doc).map_err(ImportError::NotSaved)?;
    let _ = store.set_active(id);
    Ok(doc)
}

/// Keeps a participant's bundle in the begeleider's workspace. What the begeleider added
/// to the copy held so far (feedback, ratings) comes along.
pub fn keep_in_workspace(
    workspace: &Workspace,
    incoming: &Incoming,
    now: DateTime<Utc>,
) -> Result<Imported, ImportError> {
    let id = incoming.document.id();
    let (document, updated) = match workspace.load(id) {
        Ok(Some(held)) => (carry_over(&held.document, &incoming.document), true),
        _ => (incoming.document.clone(), false),
    };
    workspace
        .import(&document, incoming.bundle.exported, now)
        .map_err(ImportError::Workspace)?;
    let name = incoming.document.profile.name.clone();
    Ok(if updated {
        Imported::UpdatedInWorkspace { name, id }
    } else {
        Imported::AddedToWorkspace { name, id }
    })
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use chrono::TimeZone;

    use super::*;
    use crate::model::bundle::{admit, Arrival, BundleKind, Selection};
    use crate::model::Profile;
    use crate::storage::{Backend, BackendError, Keys, MemoryBackend};

    /// A backend the test can reach after handing it to the store, and that can refuse
    /// writes to keys containing a given part, as a full browser storage would.
    #[derive(Clone, Default)]
    struct Shared {
        inner: Rc<MemoryBackend>,
        refuse: Rc<std::cell::RefCell<Option<&'static str>>>,
    }

    impl Backend for Shared {
        fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
            if let Some(part) = *self.refuse.borrow() {
                if key.contains(part) {
                    return Err(BackendError::QuotaExceeded);
                }
            }
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), BackendError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            self.inner.keys()
        }
    }

    impl Shared {
        fn dump(&self) -> Vec<(String, String)> {
            self.keys()
                .unwrap()
                .into_iter()
                .map(|k| {
                    let v = self.get(&k).unwrap().unwrap();
                    (k, v)
                })
                .collect()
        }
        fn refuse(&self, part: &'static str) {
            *self.refuse.borrow_mut() = Some(part);
        }
    }

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 10, 0, 0).unwrap()
    }

    fn person(id: u128, name: &str, role: Role, course: &str) -> Document {
        Document::new(Profile::new(Id::from_u128(id), name, role, course, at(1)).unwrap())
    }

    /// An incoming bundle of `doc`, as `bundle::read` would hand it on.
    fn bundle_of(doc: &Document, kind: BundleKind, sender: &Document) -> Incoming {
        let mut bundle = bundle::build(sender, &Selection::everything(), kind, at(2)).envelope();
        bundle.from.profile = sender.id();
        bundle.from.role = sender.profile.role;
        Incoming {
            bundle,
            document: doc.clone(),
        }
    }

    fn store(backend: &Shared) -> Store {
        Store::new(Box::new(backend.clone()), Keys::new("leerspoor"))
    }

    /// Stores `doc` as the open profile, as a first save would.
    fn stored(store: &Store, doc: Document) -> Document {
        restore(store, doc).unwrap()
    }

    /// `doc` as another laptop has it: with one actor more.
    fn with_actor(doc: &Document) -> Document {
        let mut other = doc.clone();
        let actor = crate::model::network::Actor::new(Id::from_u128(50), "Wethouder Groen");
        other.network.actors.push(actor);
        other
    }

    fn newest_wins(_: &Conflict) -> Resolution {
        Resolution::NewerWins
    }

    #[test]
    fn a_merge_writes_the_backup_first_then_the_merged_document() {
        let backend = Shared::default();
        let store = store(&backend);
        let mine = stored(&store, person(1, "Ilse", Role::Participant, "Leergang A"));
        let incoming = bundle_of(&with_actor(&mine), BundleKind::Participant, &mine);

        let merged = merge(&store, &mine, mine.revision, &incoming, &newest_wins, at(4))
            .unwrap()
            .unwrap();
        assert_eq!(merged.changes, 1);
        assert_eq!(merged.document.network.actors[0].name, "Wethouder Groen");
        assert_eq!(merged.document.revision, 2);
        let (taken, backup) = store.load_backup(mine.id()).unwrap().unwrap();
        assert_eq!((taken, backup.network.actors.len()), (at(4), 0));
        let again = store.load(mine.id()).unwrap().unwrap().unwrap();
        assert_eq!(again, merged.document);
    }

    #[test]
    fn nothing_new_writes_nothing_not_even_the_backup() {
        let backend = Shared::default();
        let store = store(&backend);
        let mine = stored(&store, person(1, "Ilse", Role::Participant, "Leergang A"));
        let before = backend.dump();
        let incoming = bundle_of(&mine, BundleKind::Participant, &mine);
        let outcome = merge(&store, &mine, mine.revision, &incoming, &newest_wins, at(4));
        assert!(matches!(outcome, Ok(None)));
        assert_eq!(backend.dump(), before);
    }

    #[test]
    fn storage_full_at_the_backup_or_at_the_save_changes_nothing_and_says_which() {
        for (refused, expect_backup) in [("/backup/", true), ("/doc/", false)] {
            let backend = Shared::default();
            let store = store(&backend);
            let mine = stored(&store, person(1, "Ilse", Role::Participant, "Leergang A"));
            let incoming = bundle_of(&with_actor(&mine), BundleKind::Participant, &mine);
            let doc_key = Keys::new("leerspoor").document(mine.id());
            let stored_doc = backend.get(&doc_key).unwrap();
            backend.refuse(refused);

            let err =
                merge(&store, &mine, mine.revision, &incoming, &newest_wins, at(4)).unwrap_err();
            match (&err, expect_backup) {
                (ImportError::Backup(SaveError::QuotaExceeded), true) => {}
                (ImportError::NotSaved(SaveError::QuotaExceeded), false) => {}
                other => panic!("{refused}: {other:?}"),
            }
            assert_eq!(backend.get(&doc_key).unwrap(), stored_doc, "{refused}");
            let message = err.message(Lang::Nl);
            let which = if expect_backup {
                "Er kon geen back-up worden gemaakt, dus er is niets ingelezen."
            } else {
                "De bundel kon niet worden opgeslagen, dus er is niets ingelezen; je gegevens zijn zoals ze waren."
            };
            assert!(message.starts_with(which), "{message}");
            assert!(
                message.contains("de opslag van de browser is vol"),
                "{message}"
            );
        }
    }

    #[test]
    fn an_invalid_merge_changes_nothing() {
        let backend = Shared::default();
        let store = store(&backend);
        let mine = stored(&store, person(1, "Ilse", Role::Participant, "Leergang A"));
        let before = backend.dump();
        let mut broken = with_actor(&mine);
        // A tie to an actor that does not exist.
        broken.network.ties.push(crate::model::network::Tie::new(
            Id::from_u128(70),
            crate::model::network::Endpoint::Actor(Id::from_u128(71)),
            crate::model::network::Endpoint::Me,
        ));
        let incoming = bundle_of(&broken, BundleKind::Participant, &broken);
        let outcome = merge(&store, &mine, mine.revision, &incoming, &newest_wins, at(4));
        assert!(
            matches!(outcome, Err(ImportError::Invalid(_))),
            "{outcome:?}"
        );
        assert_eq!(backend.dump(), before);
    }

    #[test]
    fn a_restore_is_saved_before_it_opens_and_never_over_a_profile_held_here() {
        let backend = Shared::default();
        let store = store(&backend);
        let anna = person(1, "Anna", Role::Participant, "Leergang");
        backend.refuse("/doc/");
        assert!(matches!(
            restore(&store, anna.clone()),
            Err(ImportError::NotSaved(SaveError::QuotaExceeded))
        ));
        assert_eq!(backend.dump(), Vec::new());
        *backend.refuse.borrow_mut() = None;

        let restored = restore(&store, anna.clone()).unwrap();
        assert_eq!(restored.revision, 1);
        assert_eq!(store.load(anna.id()).unwrap().unwrap().unwrap(), restored);
        // Later work on this laptop is never written over by the old bundle.
        let before = backend.dump();
        assert_eq!(restore(&store, anna), Err(ImportError::AlreadyHere));
        assert_eq!(backend.dump(), before);
    }

    #[test]
    fn the_admission_reads_what_is_held_here() {
        let backend = Shared::default();
        let store = store(&backend);
        let coach = stored(&store, person(9, "Bea", Role::Coach, "Leergang"));
        let workspace = Workspace::new(
            Box::new(backend.clone()),
            Keys::new("leerspoor"),
            coach.id(),
        );
        let anna = person(1, "Anna", Role::Participant, "Leergang");
        let incoming = bundle_of(&anna, BundleKind::Participant, &anna);
        let active = Some((coach.id(), Role::Coach));
        let ask = |ws: &Workspace| {
            admit(
                &Arrival::of(&incoming),
                here(&store, Some(ws), active, anna.id()),
            )
        };

        assert_eq!(ask(&workspace), Admission::AddToWorkspace);
        assert_eq!(
            keep_in_workspace(&workspace, &incoming, at(5)).unwrap(),
            Imported::AddedToWorkspace {
                name: "Anna".into(),
                id: anna.id()
            }
        );
        assert_eq!(ask(&workspace), Admission::UpdateInWorkspace);
        assert_eq!(
            keep_in_workspace(&workspace, &incoming, at(6)).unwrap(),
            Imported::UpdatedInWorkspace {
                name: "Anna".into(),
                id: anna.id()
            }
        );
        // On the first-run page the store's own profiles count.
        let first_run = here(&store, None, None, coach.id());
        assert!(first_run.holds_profile);
        let coach_bundle = bundle_of(&coach, BundleKind::Participant, &coach);
        assert_eq!(
            admit(&Arrival::of(&coach_bundle), first_run),
            Admission::OpenStored
        );
    }

    #[test]
    fn a_merge_after_another_profile_opened_is_refused() {
        let backend = Shared::default();
        let store = store(&backend);
        let mine = stored(&store, person(1, "Ilse", Role::Participant, "A"));
        let other = person(2, "Olaf", Role::Participant, "B");
        let incoming = bundle_of(&other, BundleKind::Participant, &other);
        let outcome = merge(&store, &mine, mine.revision, &incoming, &newest_wins, at(4));
        assert!(matches!(outcome, Err(ImportError::ProfileChanged)));
    }
}
