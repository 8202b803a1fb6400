//! A begeleider's workspace: the participants they imported, kept apart from their own
//! profile under `<root>/v1/peer/<coach id>/…` (see `storage::keys`).
//!
//! localStorage holds about 5 MiB per origin, and thirty participants of ~150 KB each,
//! plus the copy before each one's last import, do not fit as plain JSON. Each copy is
//! therefore deflated and its bytes packed fifteen bits to a character ([`pack`]): the
//! browser counts UTF-16 units, and every character used is one unit and never a
//! surrogate, so a copy takes about an eighth of its JSON size (see `docs/performance.md`).
//!
//! Reading a copy goes through the same door as any stored document
//! (`restore_document`); an unreadable copy is reported, never silently dropped.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::backend::{Backend, BackendError};
use super::keys::Keys;
use super::pack::{pack, unpack};
use crate::model::order::SharedSort;
use crate::model::restore::{restore_stored_document, RestoreError};
use crate::model::{Document, Id, Lang};

/// What this app assumes localStorage allows per origin: Chromium and Firefox allow
/// 5 MiB of UTF-16 units (10 MB of bytes). Browsers do not say, so it is an assumption.
pub const ASSUMED_QUOTA_UNITS: usize = 5 * 1024 * 1024;
/// From this share of the quota on, the begeleider is warned.
pub const WARN_AT: f64 = 0.8;

/// One participant in the list, without reading their data.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Participant {
    pub id: Id,
    pub name: String,
    /// When the participant exported the bundle this copy came from.
    pub exported: DateTime<Utc>,
    /// When the begeleider imported it.
    pub received: DateTime<Utc>,
    /// Whether the copy from before the last import is kept.
    #[serde(default)]
    pub has_previous: bool,
}

/// A stored copy with when it came.
#[derive(Debug, Clone, PartialEq)]
pub struct ParticipantCopy {
    pub document: Document,
    pub exported: DateTime<Utc>,
    pub received: DateTime<Utc>,
}

/// Written with the document itself (`&Document`) and read with its text left as it is
/// (`Box<RawValue>`), so the document goes through the one door in on its quick way, and
/// no copy of it is built as a JSON tree either way.
#[derive(Serialize, Deserialize)]
struct Envelope<D> {
    exported: DateTime<Utc>,
    received: DateTime<Utc>,
    document: D,
}

#[derive(Debug, Clone, PartialEq)]
pub enum WorkspaceError {
    Backend(BackendError),
    /// The stored copy could not be read back.
    Unreadable(Option<RestoreError>),
    /// The participant is no longer in the workspace (removed, perhaps in another tab).
    Gone,
}

impl From<BackendError> for WorkspaceError {
    fn from(e: BackendError) -> Self {
        WorkspaceError::Backend(e)
    }
}

impl WorkspaceError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            WorkspaceError::Backend(BackendError::QuotaExceeded) => lang.pick(
                "Opslaan mislukt: de opslag van de browser is vol. Wat er al stond is onveranderd. Verwijder deelnemers die je niet meer begeleidt.",
                "Saving failed: the browser's storage is full. What was already there is unchanged. Remove participants you no longer coach.",
            ).into(),
            WorkspaceError::Backend(BackendError::Unavailable) => lang.pick(
                "De browser staat geen opslag toe.",
                "The browser does not allow storage.",
            ).into(),
            WorkspaceError::Backend(BackendError::Refused { name, .. }) => lang.pick(
                format!("Opslaan mislukt: de browser weigerde het ({name}). Wat er al stond is onveranderd."),
                format!("Saving failed: the browser refused it ({name}). What was already there is unchanged."),
            ),
            WorkspaceError::Backend(BackendError::Unencodable { .. }) => lang.pick(
                "Opslaan mislukt: de gegevens konden niet als tekst worden geschreven. Wat er al stond is onveranderd.",
                "Saving failed: the data could not be written as text. What was already there is unchanged.",
            ).into(),
            WorkspaceError::Unreadable(Some(e)) => {
                let why = e.message(lang);
                lang.pick(
                    format!("De opgeslagen gegevens van deze deelnemer zijn niet leesbaar: {why}"),
                    format!("This participant's stored data cannot be read: {why}"),
                )
            }
            WorkspaceError::Unreadable(None) => lang.pick(
                "De opgeslagen gegevens van deze deelnemer zijn beschadigd.",
                "This participant's stored data is damaged.",
            ).into(),
            WorkspaceError::Gone => lang.pick(
                "Niet opgeslagen: deze deelnemer staat niet meer in je werkruimte (misschien verwijderd in een ander tabblad).",
                "Not saved: this participant is no longer in your workspace (perhaps removed in another tab).",
            ).into(),
        }
    }
}

/// Why [`Workspace::change`] stored nothing: the workspace failed, or the edit itself
/// refused with its own error `R` (which the caller words, as it made it).
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeError<R> {
    Workspace(WorkspaceError),
    Refused(R),
}

impl<R> From<WorkspaceError> for ChangeError<R> {
    fn from(e: WorkspaceError) -> Self {
        ChangeError::Workspace(e)
    }
}

impl<R> From<BackendError> for ChangeError<R> {
    fn from(e: BackendError) -> Self {
        ChangeError::Workspace(e.into())
    }
}

impl<R: Refusal> ChangeError<R> {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ChangeError::Workspace(e) => e.message(lang),
            ChangeError::Refused(why) => why.message(lang),
        }
    }
}

/// An edit's own refusal, worded in the user's language.
pub trait Refusal {
    fn message(&self, lang: Lang) -> String;
}

/// Edits made in a view have already worded their refusal (in the language of that view).
impl Refusal for String {
    fn message(&self, _lang: Lang) -> String {
        self.clone()
    }
}

pub struct Workspace {
    backend: Box<dyn Backend>,
    keys: Keys,
    coach: Id,
}

impl Workspace {
    pub fn new(backend: Box<dyn Backend>, keys: Keys, coach: Id) -> Workspace {
        Workspace {
            backend,
            keys,
            coach,
        }
    }

    pub fn coach(&self) -> Id {
        self.coach
    }

    /// The participants, by name.
    pub fn list(&self) -> Result<Vec<Participant>, BackendError> {
        let raw = self.backend.get(&self.keys.workspace_index(self.coach))?;
        let mut list: Vec<Participant> = raw
            .and_then(|r| serde_json::from_str(&r).ok())
            .unwrap_or_default();
        list.shared_sort_by_key(|p| (p.name.to_lowercase(), p.id));
        Ok(list)
    }

    pub fn holds(&self, participant: Id) -> Result<bool, BackendError> {
        Ok(self.list()?.iter().any(|p| p.id == participant))
    }

    /// Stores a newly imported copy. The copy held until now becomes the previous one, so
    /// what changed can be shown. Each write either happens whole or leaves the old
    /// value: at worst the previous copy is updated and the current one is not.
    pub fn import(
        &self,
        document: &Document,
        exported: DateTime<Utc>,
        received: DateTime<Utc>,
    ) -> Result<(), WorkspaceError> {
        let id = document.id();
        let current_key = self.keys.participant_copy(self.coach, id);
        let has_previous = match self.backend.get(&current_key)? {
            Some(old) => {
                self.backend
                    .set(&self.keys.participant_previous(self.coach, id), &old)?;
                true
            }
            None => false,
        };
        self.write(document, exported, received)?;
        self.update_index(Participant {
            id,
            name: document.profile.name.clone(),
            exported,
            received,
            has_previous,
        })
    }

    /// Applies one of the begeleider's additions (feedback, a rating) to the participant's
    /// copy as it is stored now, stores it, and returns it. Not to the copy a page read
    /// when it opened: another tab may have imported a newer bundle since, or removed the
    /// participant, and neither may be undone by writing the older copy back. An edit
    /// that refuses changes nothing.
    pub fn change<R>(
        &self,
        participant: Id,
        edit: impl FnOnce(&mut Document) -> Result<(), R>,
    ) -> Result<ParticipantCopy, ChangeError<R>> {
        let mut held = self.load(participant)?.ok_or(WorkspaceError::Gone)?;
        edit(&mut held.document).map_err(ChangeError::Refused)?;
        self.write(&held.document, held.exported, held.received)?;
        Ok(held)
    }

    fn write(
        &self,
        document: &Document,
        exported: DateTime<Utc>,
        received: DateTime<Utc>,
    ) -> Result<(), WorkspaceError> {
        let envelope = Envelope {
            exported,
            received,
            document,
        };
        let text = serde_json::to_string(&envelope).map_err(BackendError::unencodable)?;
        self.backend.set(
            &self.keys.participant_copy(self.coach, document.id()),
            &pack(&text),
        )?;
        Ok(())
    }

    fn update_index(&self, entry: Participant) -> Result<(), WorkspaceError> {
        let mut list = self.list()?;
        list.retain(|p| p.id != entry.id);
        list.push(entry);
        self.write_index(&list)
    }

    fn write_index(&self, list: &[Participant]) -> Result<(), WorkspaceError> {
        let text = serde_json::to_string(list).map_err(BackendError::unencodable)?;
        self.backend
            .set(&self.keys.workspace_index(self.coach), &text)?;
        Ok(())
    }

    pub fn load(&self, participant: Id) -> Result<Option<ParticipantCopy>, WorkspaceError> {
        self.read(&self.keys.participant_copy(self.coach, participant))
    }

    /// The copy from before the last import, if there was one.
    pub fn load_previous(
        &self,
        participant: Id,
    ) -> Result<Option<ParticipantCopy>, WorkspaceError> {
        self.read(&self.keys.participant_previous(self.coach, participant))
    }

    fn read(&self, key: &str) -> Result<Option<ParticipantCopy>, WorkspaceError> {
        let Some(raw) = self.backend.get(key)? else {
            return Ok(None);
        };
        let text = unpack(&raw).ok_or(WorkspaceError::Unreadable(None))?;
        let envelope: Envelope<Box<RawValue>> =
            serde_json::from_str(&text).map_err(|_| WorkspaceError::Unreadable(None))?;
        let document = restore_stored_document(envelope.document.get())
            .map_err(|e| WorkspaceError::Unreadable(Some(e)))?;
        Ok(Some(ParticipantCopy {
            document,
            exported: envelope.exported,
            received: envelope.received,
        }))
    }

    /// Every participant that can be read, with the ones that cannot.
    pub fn load_all(&self) -> Result<(Vec<ParticipantCopy>, Vec<Participant>), BackendError> {
        let mut held = Vec::new();
        let mut unreadable = Vec::new();
        for p in self.list()? {
            match self.load(p.id) {
                Ok(Some(h)) => held.push(h),
                Err(WorkspaceError::Backend(e)) => return Err(e),
                Ok(None) | Err(_) => unreadable.push(p),
            }
        }
        Ok((held, unreadable))
    }

    /// Removes one participant, both copies.
    pub fn remove(&self, participant: Id) -> Result<(), WorkspaceError> {
        self.backend
            .remove(&self.keys.participant_copy(self.coach, participant))?;
        self.backend
            .remove(&self.keys.participant_previous(self.coach, participant))?;
        let mut list = self.list()?;
        list.retain(|p| p.id != participant);
        self.write_index(&list)
    }

    /// What this edition's keys take, in UTF-16 units, as browsers count towards quota.
    pub fn usage(&self) -> Result<usize, BackendError> {
        let mut total = 0;
        for key in self.backend.keys()? {
            if self.keys.owns(&key) {
                let len = self
                    .backend
                    .get(&key)?
                    .map_or(0, |v| v.encode_utf16().count());
                total += key.encode_utf16().count() + len;
            }
        }
        Ok(total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::sample::{document, Size};
    use crate::storage::MemoryBackend;
    use std::rc::Rc;

    struct Shared(Rc<MemoryBackend>);
    impl Backend for Shared {
        fn get(&self, k: &str) -> Result<Option<String>, BackendError> {
            self.0.get(k)
        }
        fn set(&self, k: &str, v: &str) -> Result<(), BackendError> {
            self.0.set(k, v)
        }
        fn remove(&self, k: &str) -> Result<(), BackendError> {
            self.0.remove(k)
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            self.0.keys()
        }
    }

    fn ws(mem: &Rc<MemoryBackend>, coach: u128) -> Workspace {
        Workspace::new(
            Box::new(Shared(mem.clone())),
            Keys::new("leerspoor"),
            Id::from_u128(coach),
        )
    }

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn participants_are_kept_per_coach_with_their_previous_copy() {
        let mem = Rc::new(MemoryBackend::default());
        let a = ws(&mem, 1);
        let mut doc = document(1, "Sanne", &Size::REALISTIC);
        a.import(&doc, t("2026-01-01T10:00:00Z"), t("2026-01-02T10:00:00Z"))
            .unwrap();
        assert_eq!(a.list().unwrap().len(), 1);
        assert!(!a.list().unwrap()[0].has_previous);
        assert_eq!(a.load_previous(doc.id()).unwrap(), None);
        let first = doc.clone();
        doc.profile.course = "Nieuw".into();
        a.import(&doc, t("2026-02-01T10:00:00Z"), t("2026-02-02T10:00:00Z"))
            .unwrap();
        let list = a.list().unwrap();
        assert_eq!(list.len(), 1);
        assert!(list[0].has_previous);
        assert_eq!(list[0].exported, t("2026-02-01T10:00:00Z"));
        assert_eq!(a.load(doc.id()).unwrap().unwrap().document, doc);
        assert_eq!(a.load_previous(doc.id()).unwrap().unwrap().document, first);
        // Another begeleider in the same browser sees none of it.
        assert!(ws(&mem, 2).list().unwrap().is_empty());
        a.remove(doc.id()).unwrap();
        assert!(a.list().unwrap().is_empty());
        assert_eq!(a.load(doc.id()).unwrap(), None);
    }

    #[test]
    fn a_change_goes_to_the_copy_stored_now_never_back_over_a_newer_import() {
        let mem = Rc::new(MemoryBackend::default());
        let (tab_a, tab_b) = (ws(&mem, 1), ws(&mem, 1));
        let doc = document(3, "Cas", &Size::REALISTIC);
        tab_a
            .import(&doc, t("2026-01-01T10:00:00Z"), t("2026-01-02T10:00:00Z"))
            .unwrap();
        // Tab A's page read this copy; then tab B imports a newer bundle.
        let read_by_a = tab_a.load(doc.id()).unwrap().unwrap();
        let mut newer = doc.clone();
        newer.profile.course = "Uit de nieuwe bundel".into();
        tab_b
            .import(&newer, t("2026-03-01T10:00:00Z"), t("2026-03-02T10:00:00Z"))
            .unwrap();
        // Tab A's change lands on the newer copy, which keeps what B imported.
        let changed = tab_a
            .change(doc.id(), |d| {
                d.profile.name = "Cas (besproken)".into();
                Ok::<(), String>(())
            })
            .unwrap();
        assert_eq!(changed.document.profile.course, "Uit de nieuwe bundel");
        assert_eq!(changed.exported, t("2026-03-01T10:00:00Z"));
        assert_ne!(changed, read_by_a);
        assert_eq!(tab_b.load(doc.id()).unwrap().unwrap(), changed);
        // A refused edit writes nothing and says why.
        assert_eq!(
            tab_a.change(doc.id(), |_| Err(RestoreError::NotJson {
                line: 2,
                column: 3
            })),
            Err(ChangeError::Refused(RestoreError::NotJson {
                line: 2,
                column: 3
            }))
        );
        assert_eq!(tab_b.load(doc.id()).unwrap().unwrap(), changed);
        // Removed in tab B: tab A's change brings nothing back.
        tab_b.remove(doc.id()).unwrap();
        assert_eq!(
            tab_a.change(doc.id(), |_| Ok::<(), String>(())),
            Err(ChangeError::Workspace(WorkspaceError::Gone))
        );
        assert_eq!(tab_a.load(doc.id()).unwrap(), None);
        assert!(tab_a.list().unwrap().is_empty());
    }

    #[test]
    fn a_damaged_copy_is_reported_not_dropped() {
        let mem = Rc::new(MemoryBackend::default());
        let a = ws(&mem, 1);
        let doc = document(2, "Bram", &Size::REALISTIC);
        a.import(&doc, t("2026-01-01T10:00:00Z"), t("2026-01-01T10:00:00Z"))
            .unwrap();
        let key = Keys::new("leerspoor").participant_copy(Id::from_u128(1), doc.id());
        mem.set(&key, "z1:3:garbage").unwrap();
        assert!(matches!(
            a.load(doc.id()),
            Err(WorkspaceError::Unreadable(_))
        ));
        let (held, unreadable) = a.load_all().unwrap();
        assert!(held.is_empty());
        assert_eq!(unreadable.len(), 1);
        assert_eq!(mem.get(&key).unwrap().as_deref(), Some("z1:3:garbage"));
    }

    #[test]
    fn a_full_store_keeps_what_was_there() {
        let doc = document(3, "Cas", &Size::REALISTIC);
        let mem = Rc::new(MemoryBackend::with_quota(1_000));
        let a = ws(&mem, 1);
        let result = a.import(&doc, t("2026-01-01T10:00:00Z"), t("2026-01-01T10:00:00Z"));
        assert_eq!(
            result,
            Err(WorkspaceError::Backend(BackendError::QuotaExceeded))
        );
        assert!(a.list().unwrap().is_empty());
    }

    /// The capacity figure in docs/performance.md: thirty realistic participants, each
    /// imported twice (so a previous copy is kept too), stay well below the warning.
    #[test]
    fn thirty_realistic_participants_fit_with_their_previous_copies() {
        let mem = Rc::new(MemoryBackend::with_quota(ASSUMED_QUOTA_UNITS));
        let a = ws(&mem, 1);
        let mut json = 0;
        for seed in 0..30 {
            let mut doc = document(seed, &format!("Deelnemer {seed}"), &Size::REALISTIC);
            json += serde_json::to_string(&doc).unwrap().len();
            a.import(&doc, t("2026-01-01T10:00:00Z"), t("2026-01-01T10:00:00Z"))
                .unwrap();
            doc.profile.course = "Tweede bundel".into();
            a.import(&doc, t("2026-02-01T10:00:00Z"), t("2026-02-01T10:00:00Z"))
                .unwrap();
        }
        let used = a.usage().unwrap();
        println!(
            "30 participants: {json} bytes of JSON (×2 with previous copies); stored {used} UTF-16 units = {:.1}% of {ASSUMED_QUOTA_UNITS}",
            used as f64 * 100.0 / ASSUMED_QUOTA_UNITS as f64
        );
        assert!((used as f64) < WARN_AT * ASSUMED_QUOTA_UNITS as f64 / 2.0);
        assert_eq!(a.load_all().unwrap().0.len(), 30);
    }
}
