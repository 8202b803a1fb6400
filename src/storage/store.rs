//! The storage protocol: how documents are found at start-up, written, and kept aside.
//!
//! Two promises: a write never replaces newer data (the revision check), and data this
//! build cannot read is never overwritten or silently dropped (it is kept aside, or left
//! where it is when it needs a newer Leerspoor).

use super::backend::{Backend, BackendError};
use super::keys::Keys;
#[cfg(test)]
use super::pack::pack;
use super::pack::{unpack, Packer, PACKED, QUICK};
use crate::model::order::SharedSort;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::model::concurrent::{self, Merged};
use crate::model::folder::AutoShare;
use crate::model::reminder::ExportMark;
use crate::model::restore::{restore_stored_document, RestoreError};
use crate::model::{Document, Id, Lang, Profile};
use std::cell::RefCell;
use std::collections::HashMap;

/// Documents larger than this are stored deflated and packed (`storage::pack::pack_quick`, about
/// an eighth of the UTF-16 units): localStorage allows an origin about five million units, and
/// a prolific writer's year of journalling, or a large imported bundle, passes that as
/// JSON. Smaller documents stay plain JSON, readable in the browser's developer tools, and
/// their saves cost no compression while typing.
const PACK_ABOVE: usize = 256 * 1024;

/// The stored form of a document's (or backup's) JSON text.
fn encode(json: String) -> String {
    Encoding::new(json).finish()
}

/// A document's JSON on its way to its stored form: plain, or being packed a piece at a
/// time ([`Packer`]).
enum Encoding {
    Plain(String),
    Packing(Box<Packer<String>>),
}

impl Encoding {
    fn new(json: String) -> Encoding {
        if json.len() > PACK_ABOVE {
            Encoding::Packing(Box::new(Packer::new(json, QUICK)))
        } else {
            Encoding::Plain(json)
        }
    }

    fn step(&mut self) -> bool {
        match self {
            Encoding::Plain(_) => true,
            Encoding::Packing(packer) => packer.step(),
        }
    }

    fn finish(self) -> String {
        match self {
            Encoding::Plain(json) => json,
            Encoding::Packing(packer) => packer.finish(),
        }
    }
}

/// A save in steps (see [`Store::begin_save`]): the document's text is written already;
/// its packing is done a piece at a time, and nothing is stored before
/// [`Store::finish_save`].
pub struct SaveInSteps {
    id: Id,
    revision: u64,
    encoding: Encoding,
}

impl SaveInSteps {
    /// The revision this save stores.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The next piece of the packing; true once only the write is left.
    pub fn step(&mut self) -> bool {
        self.encoding.step()
    }
}

/// The JSON text behind a stored value, packed or not; `None` when a packed value is
/// damaged, which start-up then keeps aside like any unreadable document.
fn decode(raw: &str) -> Option<std::borrow::Cow<'_, str>> {
    if raw.starts_with(PACKED) {
        unpack(raw).map(std::borrow::Cow::Owned)
    } else {
        Some(std::borrow::Cow::Borrowed(raw))
    }
}

/// A stored value that is neither a document nor unpackable: reported as not JSON at its
/// first character, which is what the raw text is to anyone reading it.
fn restore_stored(raw: &str) -> Result<Document, RestoreError> {
    match decode(raw) {
        Some(json) => restore_stored_document(&json),
        None => Err(RestoreError::NotJson { line: 1, column: 1 }),
    }
}

pub struct Store {
    backend: Box<dyn Backend>,
    keys: Keys,
    /// Per profile, the stored text this tab last read or wrote: the copy a save refused
    /// by the revision check started from, so that it can be merged with the other tab's
    /// (`Store::merge_stored`). Start-up keeps only the open profile's; later, each
    /// profile read in full (`load`) or written keeps its own until it is removed. The
    /// text is the one read or written anyway, so keeping it costs no work, only memory.
    bases: RefCell<HashMap<Id, String>>,
    /// This tab, as the writer key names it: random per tab (per `Store`).
    tab: String,
    /// Per profile, this tab's last write: see [`Store::rewind_if_replaced`].
    written: RefCell<HashMap<Id, Written>>,
}

/// A revision this tab wrote, and the copy that write started from.
struct Written {
    revision: u64,
    started_from: Option<String>,
}

/// Data found at start-up that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Where the raw text is now; offer it for download from here.
    pub key: String,
    pub reason: KeptReason,
    pub error: RestoreError,
    pub bytes: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeptReason {
    /// Unreadable: moved to a `kept/` key so the profile can start afresh.
    MovedAside,
    /// Written by a newer Leerspoor: left in place for that version to read.
    NeedsNewerApp,
    /// Unreadable, but there was no room to copy it: left in place and not written to.
    LeftInPlace,
}

#[derive(Debug, Default)]
pub struct Startup {
    /// Every readable profile, by name.
    pub documents: Vec<Document>,
    /// The profile to show first, if it is among `documents`.
    pub active: Option<Id>,
    pub kept: Vec<Kept>,
}

/// Written with the document itself and read with its text left as it is, like the
/// workspace's envelope: the document comes back through the one door in on its quick
/// way, and no JSON tree of it is built either way.
#[derive(Serialize, Deserialize)]
struct Backup<D> {
    taken: DateTime<Utc>,
    document: D,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Unavailable,
    QuotaExceeded,
    /// Another tab saved a newer revision since this one last read or wrote.
    Conflict {
        stored: u64,
        base: u64,
    },
    /// The copy another tab stored cannot be read by this build (a newer Leerspoor wrote
    /// it): this tab must not write over it.
    StoredUnreadable(RestoreError),
    /// See [`BackendError::Refused`].
    Refused {
        name: String,
        detail: String,
    },
    /// See [`BackendError::Unencodable`].
    Unencodable {
        detail: String,
    },
}

impl SaveError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            SaveError::Unavailable => lang.pick(
                "Opslaan kan niet: de browser staat geen opslag toe. Je werk blijft alleen in dit venster.",
                "Saving is not possible: the browser does not allow storage. Your work stays in this window only.",
            ).into(),
            SaveError::QuotaExceeded => lang.pick(
                "Opslaan mislukt: de opslag van de browser is vol. Je vorige opgeslagen versie is onveranderd. Exporteer een bundel of maak ruimte vrij (bijvoorbeeld de prullenbak legen).",
                "Saving failed: the browser's storage is full. Your previously saved version is unchanged. Export a bundle or free up space (for example by emptying the bin).",
            ).into(),
            SaveError::Conflict { .. } => lang.pick(
                "In een ander tabblad is intussen een nieuwere versie opgeslagen. Die is nu geladen; je laatste wijziging in dit tabblad is niet over die nieuwere versie heen geschreven.",
                "A newer version was saved in another tab in the meantime. It has now been loaded; your last change in this tab was not written over that newer version.",
            ).into(),
            SaveError::StoredUnreadable(why) => {
                let why = why.message(lang);
                match lang {
                    Lang::Nl => format!(
                        "Niet opgeslagen: in een ander tabblad is een versie van dit profiel opgeslagen die dit tabblad niet kan lezen. {why} \
                         Dit tabblad schrijft er niet overheen. Herlaad de pagina om verder te werken."
                    ),
                    Lang::En => format!(
                        "Not saved: another tab stored a version of this profile that this tab cannot read. {why} \
                         This tab does not write over it. Reload the page to go on working."
                    ),
                }
            }
            SaveError::Refused { name, .. } => lang.pick(
                format!("Opslaan mislukt: de browser weigerde het ({name}). Je vorige opgeslagen versie is onveranderd."),
                format!("Saving failed: the browser refused it ({name}). Your previously saved version is unchanged."),
            ),
            SaveError::Unencodable { .. } => lang.pick(
                "Opslaan mislukt: je gegevens konden niet als tekst worden geschreven. Je vorige opgeslagen versie is onveranderd.",
                "Saving failed: your data could not be written as text. Your previously saved version is unchanged.",
            ).into(),
        }
    }
}

impl From<BackendError> for SaveError {
    fn from(e: BackendError) -> SaveError {
        match e {
            BackendError::Unavailable => SaveError::Unavailable,
            BackendError::QuotaExceeded => SaveError::QuotaExceeded,
            BackendError::Refused { name, detail } => SaveError::Refused { name, detail },
            BackendError::Unencodable { detail } => SaveError::Unencodable { detail },
        }
    }
}

impl Store {
    pub fn new(backend: Box<dyn Backend>, keys: Keys) -> Store {
        Store {
            backend,
            keys,
            bases: RefCell::default(),
            tab: crate::model::id::new_id().simple().to_string(),
            written: RefCell::default(),
        }
    }

    pub fn keys(&self) -> &Keys {
        &self.keys
    }

    /// Finds every profile; moves unreadable documents aside. `now` names the kept key
    /// (an ISO timestamp), so repeated start-ups never collide with an earlier kept copy.
    pub fn start(&self, now: &str) -> Result<Startup, BackendError> {
        let mut startup = Startup::default();
        let all_keys = self.backend.keys()?;
        let doc_prefix = self.keys.document_prefix();
        let kept_prefix = self.keys.kept_prefix();
        for key in &all_keys {
            if key.starts_with(&doc_prefix) {
                let Some(raw) = self.backend.get(key)? else {
                    continue;
                };
                match restore_stored(&raw) {
                    Ok(doc) => {
                        self.bases.borrow_mut().insert(doc.id(), raw);
                        startup.documents.push(doc);
                    }
                    Err(error) => startup.kept.push(self.keep_aside(key, &raw, error, now)),
                }
            } else if key.starts_with(&kept_prefix) {
                // Kept on an earlier start-up: still reported until the user removes it.
                startup.kept.push(self.kept_entry(key)?);
            }
        }
        startup.documents.shared_sort_by(|a, b| {
            a.profile
                .name
                .to_lowercase()
                .cmp(&b.profile.name.to_lowercase())
        });
        let active = self
            .backend
            .get(&self.keys.active())?
            .and_then(|s| s.parse::<Id>().ok());
        startup.active = active
            .filter(|id| startup.documents.iter().any(|d| d.id() == *id))
            .or_else(|| startup.documents.first().map(Document::id));
        self.bases
            .borrow_mut()
            .retain(|id, _| Some(*id) == startup.active);
        Ok(startup)
    }

    /// A kept copy as the list of kept data shows it.
    pub fn kept_entry(&self, key: &str) -> Result<Kept, BackendError> {
        let raw = self.backend.get(key)?.unwrap_or_default();
        let error = restore_stored(&raw)
            .err()
            .unwrap_or(RestoreError::WrongKind { found: None });
        Ok(Kept {
            key: key.to_string(),
            reason: KeptReason::MovedAside,
            error,
            bytes: raw.len(),
        })
    }

    /// The copies of a profile's document that a start-up set aside as unreadable at or
    /// after `since` (the same timestamp format as `start`'s `now`). Another tab's start-up
    /// does this while this tab has the profile open; that is not a wipe, and the
    /// profile's other keys (its backup, a begeleider's participants) must stay.
    pub fn kept_since(&self, profile: Id, since: &str) -> Result<Vec<Kept>, BackendError> {
        let mut found = Vec::new();
        for key in self.backend.keys()? {
            let Some((when, original)) = self.keys.split_kept(&key) else {
                continue;
            };
            if original == self.keys.document(profile) && when >= since {
                found.push(self.kept_entry(&key)?);
            }
        }
        Ok(found)
    }

    fn keep_aside(&self, key: &str, raw: &str, error: RestoreError, now: &str) -> Kept {
        let bytes = raw.len();
        if matches!(error, RestoreError::NewerSchema { .. }) {
            return Kept {
                key: key.to_string(),
                reason: KeptReason::NeedsNewerApp,
                error,
                bytes,
            };
        }
        let kept_key = self.keys.kept(now, key);
        // Only remove the original once the copy is known to be there, byte for byte.
        let copied = self.backend.set(&kept_key, raw).is_ok()
            && self.backend.get(&kept_key).ok().flatten().as_deref() == Some(raw);
        if copied && self.backend.remove(key).is_ok() {
            if let Some(id) = key.rsplit('/').next().and_then(|s| s.parse::<Id>().ok()) {
                let _ = self.backend.remove(&self.keys.revision(id));
            }
            Kept {
                key: kept_key,
                reason: KeptReason::MovedAside,
                error,
                bytes,
            }
        } else {
            let _ = self.backend.remove(&kept_key);
            Kept {
                key: key.to_string(),
                reason: KeptReason::LeftInPlace,
                error,
                bytes,
            }
        }
    }

    /// Writes `doc`, whose `revision` must be one more than the revision this tab last
    /// read or wrote. If the stored revision is anything else, another tab has written
    /// since, and nothing is written.
    pub fn save(&self, doc: &Document) -> Result<(), SaveError> {
        self.finish_save(self.begin_save(doc)?)
    }

    /// [`Store::save`] in steps, for a tab that gives the browser turns while it saves:
    /// this writes the document's text (as it is now: later changes are the next save's),
    /// [`SaveInSteps::step`] packs it, and [`Store::finish_save`] checks the revision and
    /// stores it. Nothing is stored until then, so a save left unfinished (the tab
    /// closed, or a newer save begun) changes nothing.
    pub fn begin_save(&self, doc: &Document) -> Result<SaveInSteps, SaveError> {
        let text = serde_json::to_string(doc).map_err(BackendError::unencodable)?;
        Ok(SaveInSteps {
            id: doc.id(),
            revision: doc.revision,
            encoding: Encoding::new(text),
        })
    }

    /// Stores a save begun with [`Store::begin_save`], whose revision must be one more
    /// than the stored one (the check [`Store::save`] makes), the packing finished first.
    pub fn finish_save(&self, save: SaveInSteps) -> Result<(), SaveError> {
        let SaveInSteps {
            id,
            revision,
            encoding,
        } = save;
        let base = revision.saturating_sub(1);
        let stored = self.stored_revision(id)?;
        if stored != base || self.rewind_if_replaced(id)? {
            return Err(SaveError::Conflict { stored, base });
        }
        let text = encoding.finish();
        self.backend.set(&self.keys.document(id), &text)?;
        let started_from = self.bases.borrow_mut().insert(id, text);
        self.written.borrow_mut().insert(
            id,
            Written {
                revision,
                started_from,
            },
        );
        // The document is written; if this small write fails the next save reports a
        // conflict and merges with what is stored, which loses nothing.
        self.backend
            .set(&self.keys.revision(id), &revision.to_string())?;
        // Only a hint for other tabs (see `rewind_if_replaced`): a full store that refuses
        // it loses no data, so it does not fail the save.
        let _ = self
            .backend
            .set(&self.keys.writer(id), &format!("{revision} {}", self.tab));
        Ok(())
    }

    /// Whether another tab wrote over this tab's last write of `profile` at the same
    /// revision. `localStorage` has no compare-and-set across tabs: two tabs that check
    /// the revision at the same moment (two merges with a third tab's save, say) both
    /// pass, and the later write replaces the earlier. The revision key then does not
    /// change; the writer key does (`"<revision> <tab>"`), so the replaced tab hears of
    /// it (a `storage` event), or meets it on its next save. Which write stands is told
    /// by the document itself: the stored revision is the one this tab wrote, but the
    /// stored text is not the text it wrote. (The writer key cannot tell: the two tabs'
    /// writes of the document and of the writer key can interleave, so that the key
    /// names the tab whose document was replaced.) Then the copy this tab's write
    /// started from becomes the base again, so that `merge_stored` merges what this tab
    /// holds with the write that replaced it, and true is returned, once.
    pub fn rewind_if_replaced(&self, profile: Id) -> Result<bool, BackendError> {
        let Some(revision) = self.written.borrow().get(&profile).map(|w| w.revision) else {
            return Ok(false);
        };
        if self.stored_revision(profile)? != revision {
            return Ok(false);
        }
        let stored = self.backend.get(&self.keys.document(profile))?;
        let replaced = stored.as_ref() != self.bases.borrow().get(&profile);
        if replaced {
            let written = self.written.borrow_mut().remove(&profile);
            let mut bases = self.bases.borrow_mut();
            match written.and_then(|w| w.started_from) {
                Some(from) => bases.insert(profile, from),
                None => bases.remove(&profile),
            };
        }
        Ok(replaced)
    }

    pub fn stored_revision(&self, profile: Id) -> Result<u64, BackendError> {
        Ok(self
            .backend
            .get(&self.keys.revision(profile))?
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0))
    }

    /// Reads one profile's document again, e.g. after another tab changed it.
    pub fn load(
        &self,
        profile: Id,
    ) -> Result<Option<Result<Document, RestoreError>>, BackendError> {
        let Some(raw) = self.backend.get(&self.keys.document(profile))? else {
            return Ok(None);
        };
        let restored = restore_stored(&raw);
        if restored.is_ok() {
            self.bases.borrow_mut().insert(profile, raw);
            // What this tab wrote before is behind the copy it goes on from now.
            self.written.borrow_mut().remove(&profile);
        }
        Ok(Some(restored))
    }

    /// After a save of `ours` met [`SaveError::Conflict`]: merges it with the copy another
    /// tab stored, from the copy this tab last read or wrote (`model::concurrent`), for
    /// the caller to save as the next revision. `None` when there is nothing to merge
    /// with (no stored copy, or one this build cannot read), no base, or no valid merge:
    /// the caller then loads the stored copy, as before.
    pub fn merge_stored(&self, ours: &Document) -> Result<Option<Merged>, BackendError> {
        let id = ours.id();
        let base = self.bases.borrow().get(&id).map(|raw| restore_stored(raw));
        let Some(Ok(base)) = base else {
            return Ok(None);
        };
        let Some(Ok(theirs)) = self.load(id)? else {
            return Ok(None);
        };
        Ok(concurrent::merge(&base, ours, &theirs))
    }

    /// Whether this browser already has a document of that profile (readable or not).
    pub fn holds(&self, id: Id) -> Result<bool, BackendError> {
        Ok(self.backend.get(&self.keys.document(id))?.is_some())
    }

    /// Only the profile part of a stored document (its name, role, course), the rest
    /// skipped unread: for the profile list, when another tab saves a profile this tab
    /// does not have open. Far cheaper than [`Store::load`], which restores everything.
    /// `None` when there is no document or its profile cannot be read; the list then
    /// keeps what it had.
    pub fn profile(&self, id: Id) -> Result<Option<Profile>, BackendError> {
        #[derive(Deserialize)]
        struct Head {
            profile: Profile,
        }
        let Some(raw) = self.backend.get(&self.keys.document(id))? else {
            return Ok(None);
        };
        Ok(decode(&raw)
            .and_then(|json| serde_json::from_str::<Head>(&json).ok())
            .map(|head| head.profile)
            .filter(|profile| profile.id == id))
    }

    pub fn set_active(&self, profile: Id) -> Result<(), BackendError> {
        self.backend.set(&self.keys.active(), &profile.to_string())
    }

    /// The interface language chosen on this device; an unknown value (a newer app's
    /// language) reads as no choice, so the default applies and nothing breaks.
    pub fn language(&self) -> Result<Option<Lang>, BackendError> {
        Ok(self
            .backend
            .get(&self.keys.language())?
            .and_then(|code| Lang::from_code(&code)))
    }

    pub fn set_language(&self, lang: Lang) -> Result<(), BackendError> {
        self.backend.set(&self.keys.language(), lang.code())
    }

    /// The text behind a kept item, for download: unpacked where it was packed and can
    /// be, so the user gets JSON they (or a newer Leerspoor) can read; byte for byte
    /// otherwise.
    pub fn read_kept(&self, kept: &Kept) -> Result<Option<String>, BackendError> {
        Ok(self.backend.get(&kept.key)?.map(|raw| match decode(&raw) {
            Some(json) => json.into_owned(),
            None => raw,
        }))
    }

    /// Removes a kept copy once the user has decided to. Only keys under `kept/` can go
    /// this way: a document left in place for a newer Leerspoor is not this app's to drop.
    pub fn forget_kept(&self, kept: &Kept) -> Result<bool, BackendError> {
        if !kept.key.starts_with(&self.keys.kept_prefix()) {
            return Ok(false);
        }
        self.backend.remove(&kept.key)?;
        Ok(true)
    }

    /// Keeps a copy of `doc` from before an import, replacing the previous backup. Written
    /// whole or not at all: a failed write leaves the earlier backup as it was.
    pub fn save_backup(&self, doc: &Document, taken: DateTime<Utc>) -> Result<(), SaveError> {
        let backup = Backup {
            taken,
            document: doc,
        };
        let text = serde_json::to_string(&backup).map_err(BackendError::unencodable)?;
        self.backend
            .set(&self.keys.backup(doc.id()), &encode(text))?;
        Ok(())
    }

    /// The backup of a profile, read through the same door as any stored document.
    pub fn load_backup(
        &self,
        profile: Id,
    ) -> Result<Option<(DateTime<Utc>, Document)>, BackendError> {
        let Some(raw) = self.backend.get(&self.keys.backup(profile))? else {
            return Ok(None);
        };
        let Some(Ok(backup)) =
            decode(&raw).map(|json| serde_json::from_str::<Backup<Box<RawValue>>>(&json))
        else {
            return Ok(None);
        };
        Ok(restore_stored_document(backup.document.get())
            .ok()
            .map(|doc| (backup.taken, doc)))
    }

    pub fn mark_exported(&self, profile: Id, mark: ExportMark) -> Result<(), BackendError> {
        let text = serde_json::to_string(&mark).map_err(BackendError::unencodable)?;
        self.backend.set(&self.keys.exported(profile), &text)
    }

    pub fn last_export(&self, profile: Id) -> Result<Option<ExportMark>, BackendError> {
        Ok(self
            .backend
            .get(&self.keys.exported(profile))?
            .and_then(|raw| serde_json::from_str(&raw).ok()))
    }

    /// The profile's *automatisch delen* choice; `None` when it is off (or unreadable:
    /// then it is off, and the user turns it on again).
    pub fn auto_share(&self, profile: Id) -> Result<Option<AutoShare>, BackendError> {
        Ok(self
            .backend
            .get(&self.keys.auto_share(profile))?
            .and_then(|raw| serde_json::from_str(&raw).ok()))
    }

    pub fn set_auto_share(
        &self,
        profile: Id,
        choice: Option<&AutoShare>,
    ) -> Result<(), BackendError> {
        let key = self.keys.auto_share(profile);
        match choice {
            Some(choice) => {
                let text = serde_json::to_string(choice).map_err(BackendError::unencodable)?;
                self.backend.set(&key, &text)
            }
            None => self.backend.remove(&key),
        }
    }

    /// The rater's kept answers in progress, by request, each as text for
    /// `bundle::restore_kept_answer`, in key order. A key under the prefix that names no
    /// request (made by hand) is left alone.
    pub fn kept_ratings(&self) -> Result<Vec<(Id, String)>, BackendError> {
        let prefix = self.keys.rating_prefix();
        let mut keys: Vec<(Id, String)> = self
            .backend
            .keys()?
            .into_iter()
            .filter_map(|k| Some((k.strip_prefix(&prefix)?.parse().ok()?, k)))
            .collect();
        keys.shared_sort();
        let mut out = Vec::with_capacity(keys.len());
        for (request, key) in keys {
            if let Some(text) = self.backend.get(&key)? {
                out.push((request, text));
            }
        }
        Ok(out)
    }

    /// Keeps the rater's answer in progress to `request` (`Some`), or removes it
    /// (`None`). A refused write leaves the value there before.
    pub fn set_kept_rating(&self, request: Id, text: Option<&str>) -> Result<(), BackendError> {
        let key = self.keys.rating(request);
        match text {
            Some(text) => self.backend.set(&key, text),
            None => self.backend.remove(&key),
        }
    }

    /// What removing a profile would remove: its keys that exist, with their sizes in
    /// UTF-16 units. Other profiles' keys and kept data are never among them.
    pub fn profile_footprint(&self, profile: Id) -> Result<Vec<(String, usize)>, BackendError> {
        let mut found = Vec::new();
        for key in self.profile_keys(profile)? {
            if let Some(value) = self.backend.get(&key)? {
                found.push((key, value.encode_utf16().count()));
            }
        }
        Ok(found)
    }

    /// Removes one profile's data and nothing else; the active mark goes with it if it
    /// pointed there.
    pub fn remove_profile(&self, profile: Id) -> Result<(), BackendError> {
        self.bases.borrow_mut().remove(&profile);
        self.written.borrow_mut().remove(&profile);
        for key in self.profile_keys(profile)? {
            self.backend.remove(&key)?;
        }
        let active = self.backend.get(&self.keys.active())?;
        if active.as_deref() == Some(profile.to_string().as_str()) {
            self.backend.remove(&self.keys.active())?;
        }
        Ok(())
    }

    /// A profile's own keys, and for a begeleider the participants they hold.
    fn profile_keys(&self, profile: Id) -> Result<Vec<String>, BackendError> {
        let mut keys = self.keys.of_profile(profile);
        let peers = self.keys.workspace_prefix(profile);
        keys.extend(
            self.backend
                .keys()?
                .into_iter()
                .filter(|k| k.starts_with(&peers)),
        );
        Ok(keys)
    }

    /// What this edition's keys take, in UTF-16 units as browsers count towards quota.
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
    use crate::model::{Role, SCHEMA_VERSION};
    use crate::storage::MemoryBackend;
    use std::rc::Rc;

    /// Lets a test look into the backend the store owns.
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

    fn store(backend: &Rc<MemoryBackend>) -> Store {
        Store::new(Box::new(Shared(backend.clone())), Keys::new("leerspoor"))
    }

    fn doc(n: u128, name: &str) -> Document {
        let p = Profile::new(
            Id::from_u128(n),
            name,
            Role::Participant,
            "Leergang",
            "2026-01-05T09:00:00Z".parse().unwrap(),
        )
        .unwrap();
        let mut d = Document::new(p);
        d.revision = 1;
        d
    }

    /// A store with Anna and Bram saved in it.
    fn two_profiles() -> (Rc<MemoryBackend>, Store, Document, Document) {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let (anna, bram) = (doc(1, "Anna"), doc(2, "Bram"));
        s.save(&anna).unwrap();
        s.save(&bram).unwrap();
        (mem, s, anna, bram)
    }

    #[test]
    fn saved_documents_come_back_at_start_up() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        s.save(&doc(2, "Bram")).unwrap();
        s.save(&doc(1, "anna")).unwrap();
        s.set_active(Id::from_u128(2)).unwrap();
        let start = s.start("t0").unwrap();
        let names: Vec<_> = start
            .documents
            .iter()
            .map(|d| d.profile.name.as_str())
            .collect();
        assert_eq!(names, ["anna", "Bram"]);
        assert_eq!(start.active, Some(Id::from_u128(2)));
        assert!(start.kept.is_empty());
    }

    #[test]
    fn a_stale_tab_cannot_overwrite_newer_data() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let mut d = doc(1, "Anna");
        s.save(&d).unwrap();
        // Tab A and tab B both hold revision 1; B saves first.
        let mut b = d.clone();
        b.revision = 2;
        b.profile.course = "B".into();
        s.save(&b).unwrap();
        d.revision = 2;
        d.profile.course = "A".into();
        assert_eq!(s.save(&d), Err(SaveError::Conflict { stored: 2, base: 1 }));
        let stored = s.load(Id::from_u128(1)).unwrap().unwrap().unwrap();
        assert_eq!(stored.profile.course, "B");
    }

    #[test]
    fn a_save_refused_by_the_revision_check_merges_with_the_other_tabs_copy_from_the_copy_it_last_read(
    ) {
        let mem = Rc::new(MemoryBackend::default());
        let (tab_a, tab_b) = (store(&mem), store(&mem));
        tab_a.save(&doc(1, "Anna")).unwrap();
        let id = Id::from_u128(1);
        // Both tabs hold revision 1, as read at start-up.
        tab_a.set_active(id).unwrap();
        tab_a.start("t0").unwrap();
        tab_b.start("t0").unwrap();
        let mut a = tab_a.load(id).unwrap().unwrap().unwrap();
        let mut b = tab_b.load(id).unwrap().unwrap().unwrap();
        // B changes the course and saves first; A renames and is refused.
        b.revision = 2;
        b.profile.course = "Leergang uit B".into();
        tab_b.save(&b).unwrap();
        a.revision = 2;
        a.profile.name = "Anna uit A".into();
        assert_eq!(
            tab_a.save(&a),
            Err(SaveError::Conflict { stored: 2, base: 1 })
        );
        a.revision = 1;
        let merged = tab_a.merge_stored(&a).unwrap().unwrap();
        assert_eq!(merged.doc.profile.name, "Anna uit A");
        assert_eq!(merged.doc.profile.course, "Leergang uit B");
        assert_eq!(merged.outcome, concurrent::Outcome::default());
        let mut next = merged.doc;
        assert_eq!(next.revision, 2);
        next.revision = 3;
        tab_a.save(&next).unwrap();
        let stored = tab_b.load(id).unwrap().unwrap().unwrap();
        assert_eq!(
            (stored.profile.name.as_str(), stored.profile.course.as_str()),
            ("Anna uit A", "Leergang uit B")
        );
    }

    #[test]
    fn without_the_copy_it_started_from_a_refused_save_is_not_merged() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let mut d = doc(1, "Anna");
        // Written by another store (tab): this one never read it.
        store(&mem).save(&d).unwrap();
        d.revision = 1;
        assert_eq!(s.merge_stored(&d).unwrap(), None);
    }

    /// One tab's storage as Chrome keeps it: the tab reads its own copy, which hears of
    /// the other tabs' writes a moment late (here: when the test calls `hear`).
    struct TabCache {
        shared: Rc<MemoryBackend>,
        own: Rc<MemoryBackend>,
    }
    impl Backend for TabCache {
        fn get(&self, k: &str) -> Result<Option<String>, BackendError> {
            self.own.get(k)
        }
        fn set(&self, k: &str, v: &str) -> Result<(), BackendError> {
            self.shared.set(k, v)?;
            self.own.set(k, v)
        }
        fn remove(&self, k: &str) -> Result<(), BackendError> {
            self.shared.remove(k)?;
            self.own.remove(k)
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            self.own.keys()
        }
    }

    /// A tab over `shared`, and its own copy, up to date now.
    fn tab(shared: &Rc<MemoryBackend>) -> (Store, Rc<MemoryBackend>) {
        let own = Rc::new(MemoryBackend::default());
        hear(shared, &own);
        let backend = TabCache {
            shared: shared.clone(),
            own: own.clone(),
        };
        (Store::new(Box::new(backend), Keys::new("leerspoor")), own)
    }

    fn hear(shared: &MemoryBackend, own: &MemoryBackend) {
        for key in shared.keys().unwrap() {
            own.set(&key, &shared.get(&key).unwrap().unwrap()).unwrap();
        }
    }

    /// Three tabs hold Anna's revision 1. C saves a new course (revision 2); A renamed
    /// her and B added a case meanwhile. A and B are both refused, both merge with C's
    /// copy and both save revision 3, B before it heard of A's write: B's replaces A's.
    /// Returns A's store, its cache, and the merge A wrote.
    fn a_write_replaced_by_another_tab() -> (Rc<MemoryBackend>, Store, Rc<MemoryBackend>, Document)
    {
        let shared = Rc::new(MemoryBackend::default());
        let id = Id::from_u128(1);
        store(&shared).save(&doc(1, "Anna")).unwrap();
        let [(tab_a, own_a), (tab_b, own_b), (tab_c, _)] =
            [tab(&shared), tab(&shared), tab(&shared)];
        let load = |s: &Store| s.load(id).unwrap().unwrap().unwrap();
        let (mut a, mut b, mut c) = (load(&tab_a), load(&tab_b), load(&tab_c));
        c.revision = 2;
        c.profile.course = "Leergang uit C".into();
        tab_c.save(&c).unwrap();
        hear(&shared, &own_a);
        hear(&shared, &own_b);
        a.profile.name = "Anna uit A".into();
        let created: DateTime<Utc> = "2026-01-06T09:00:00Z".parse().unwrap();
        b.journal.cases.push(crate::model::journal::Case::new(
            Id::from_u128(10),
            "Kadeplein",
            created.date_naive(),
            created,
        ));
        let [ours, theirs] = [(&tab_a, a), (&tab_b, b)].map(|(s, mut ours)| {
            ours.revision = 2;
            assert_eq!(
                s.save(&ours),
                Err(SaveError::Conflict { stored: 2, base: 1 })
            );
            ours.revision = 1;
            let mut merged = s.merge_stored(&ours).unwrap().unwrap().doc;
            assert_eq!(merged.revision, 2);
            merged.revision = 3;
            merged
        });
        tab_a.save(&ours).unwrap();
        // B has not heard of A's write: its check passes too.
        tab_b.save(&theirs).unwrap();
        hear(&shared, &own_b);
        assert!(!tab_b.rewind_if_replaced(id).unwrap(), "B's write stands");
        (shared, tab_a, own_a, ours)
    }

    #[test]
    fn a_write_another_tab_replaced_at_the_same_revision_is_merged_again_from_the_copy_it_started_from(
    ) {
        let (shared, tab_a, own_a, ours) = a_write_replaced_by_another_tab();
        let id = Id::from_u128(1);
        let stored = || store(&shared).load(id).unwrap().unwrap().unwrap();
        // The stored revision is still 3: only the text says it is not A's.
        assert_eq!(stored().profile.name, "Anna");
        assert!(!tab_a.rewind_if_replaced(id).unwrap(), "not heard yet");
        hear(&shared, &own_a);
        assert!(tab_a.rewind_if_replaced(id).unwrap());
        assert!(!tab_a.rewind_if_replaced(id).unwrap(), "once");
        // From C's copy, both writes' changes: A's name, B's case, C's course.
        let mut merged = tab_a.merge_stored(&ours).unwrap().unwrap().doc;
        assert_eq!(merged.revision, 3);
        merged.revision = 4;
        tab_a.save(&merged).unwrap();
        let now = stored();
        assert_eq!(now.profile.name, "Anna uit A");
        assert_eq!(now.profile.course, "Leergang uit C");
        assert_eq!(now.journal.cases.len(), 1);
        assert_eq!(now.revision, 4);
    }

    /// The two tabs' writes interleave: B's document lands after A's, A's writer key
    /// after B's. The key names A, but the document is B's: A's write is the one
    /// replaced, and B's stands. (Found by hostile.spec's two-saves test under load.)
    #[test]
    fn the_document_not_the_writer_key_tells_which_write_was_replaced() {
        let (shared, tab_a, own_a, ours) = a_write_replaced_by_another_tab();
        let id = Id::from_u128(1);
        let keys = Keys::new("leerspoor");
        shared
            .set(&keys.writer(id), &format!("3 {}", tab_a.tab))
            .unwrap();
        hear(&shared, &own_a);
        assert!(tab_a.rewind_if_replaced(id).unwrap());
        let merged = tab_a.merge_stored(&ours).unwrap().unwrap().doc;
        assert_eq!(merged.profile.name, "Anna uit A");
        assert_eq!(merged.journal.cases.len(), 1);
    }

    #[test]
    fn a_tab_whose_write_was_replaced_is_refused_its_next_save_before_it_hears_of_it() {
        let (shared, tab_a, own_a, mut ours) = a_write_replaced_by_another_tab();
        hear(&shared, &own_a);
        ours.revision = 4;
        // The stored revision is the one A wrote, but not A's write.
        assert_eq!(
            tab_a.save(&ours),
            Err(SaveError::Conflict { stored: 3, base: 3 })
        );
        ours.revision = 3;
        let merged = tab_a.merge_stored(&ours).unwrap().unwrap().doc;
        assert_eq!(merged.profile.name, "Anna uit A");
        assert_eq!(merged.journal.cases.len(), 1);
    }

    #[test]
    fn a_full_store_refuses_the_write_and_keeps_the_old_value() {
        let mut d = doc(1, "Anna");
        let room = serde_json::to_string(&d).unwrap().len() + 1_000;
        let mem = Rc::new(MemoryBackend::with_quota(room));
        let s = store(&mem);
        s.save(&d).unwrap();
        d.revision = 2;
        d.profile.course = "x".repeat(2_000);
        assert_eq!(s.save(&d), Err(SaveError::QuotaExceeded));
        let stored = s.load(Id::from_u128(1)).unwrap().unwrap().unwrap();
        assert_eq!(stored.profile.course, "Leergang");
        assert_eq!(s.stored_revision(Id::from_u128(1)).unwrap(), 1);
    }

    /// A participant's year and more: ~5 MB as JSON, what a 5 MB bundle import produces.
    fn big(n: u128) -> Document {
        use crate::model::sample::{document, Size};
        let size = Size {
            cases: 100,
            entries: 4_000,
            actors: 300,
            ties: 1_000,
            scans: 3,
        };
        let mut d = document(n as u64, "Groot", &size);
        d.revision = 1;
        d
    }

    #[test]
    fn a_large_document_is_stored_packed_within_the_quota_and_comes_back_whole() {
        let d = big(7);
        let json = serde_json::to_string(&d).unwrap();
        assert!(json.len() > 4_000_000, "the sample is {} bytes", json.len());
        // The browser's quota: about five million UTF-16 units for the whole origin.
        let mem = Rc::new(MemoryBackend::with_quota(5 * 1024 * 1024));
        let s = store(&mem);
        s.save(&d).unwrap();
        let raw = mem.get(&s.keys().document(d.id())).unwrap().unwrap();
        assert!(raw.starts_with(PACKED));
        assert!(raw.encode_utf16().count() < json.len() / 4);
        // A backup of it fits beside it, and both read back through restore.
        s.save_backup(&d, "2026-01-01T00:00:00Z".parse().unwrap())
            .unwrap();
        assert_eq!(s.load_backup(d.id()).unwrap().unwrap().1, d);
        let start = s.start("t").unwrap();
        assert_eq!(start.documents, vec![d.clone()]);
        assert_eq!(s.load(d.id()).unwrap().unwrap().unwrap(), d);
    }

    #[test]
    fn a_save_in_steps_stores_nothing_until_its_last_step_and_checks_the_revision_then() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let mut d = big(8);
        s.save(&d).unwrap();
        let stored_before = mem.get(&s.keys().document(d.id())).unwrap();
        d.revision = 2;
        d.profile.course = "In stappen".into();
        let mut save = s.begin_save(&d).unwrap();
        // A change after the text was written is the next save's, not this one's.
        d.profile.course = "Later".into();
        let mut steps = 1;
        while !save.step() {
            steps += 1;
            // Nothing is stored while it packs.
            assert_eq!(mem.get(&s.keys().document(d.id())).unwrap(), stored_before);
            assert_eq!(s.stored_revision(d.id()).unwrap(), 1);
        }
        // ~5 MB of JSON in pieces of 16 KiB.
        assert!(steps > 200, "{steps} steps");
        assert_eq!(save.revision(), 2);
        s.finish_save(save).unwrap();
        let stored = s.load(d.id()).unwrap().unwrap().unwrap();
        assert_eq!(stored.profile.course, "In stappen");
        assert_eq!(stored.revision, 2);
        // What the steps store is the document packed in one go.
        let json = serde_json::to_string(&stored).unwrap();
        assert_eq!(
            mem.get(&s.keys().document(d.id())).unwrap(),
            Some(super::super::pack::pack_quick(&json))
        );
        let again = stored;
        // Another tab saved while this one packed: the last step refuses, nothing written.
        let mut late = again.clone();
        late.revision = 3;
        let save = s.begin_save(&late).unwrap();
        let mut other = again.clone();
        other.revision = 3;
        other.profile.course = "Andere tab".into();
        s.save(&other).unwrap();
        assert_eq!(
            s.finish_save(save),
            Err(SaveError::Conflict { stored: 3, base: 2 })
        );
        let stored = s.load(d.id()).unwrap().unwrap().unwrap();
        assert_eq!(stored.profile.course, "Andere tab");
    }

    #[test]
    fn a_profile_is_read_without_its_document_plain_or_packed() {
        let (mem, s, mut anna, _) = two_profiles();
        anna.profile.name = "Anna Hernoemd".into();
        anna.revision = 2;
        s.save(&anna).unwrap();
        assert_eq!(s.profile(anna.id()).unwrap(), Some(anna.profile.clone()));
        let large = big(3);
        s.save(&large).unwrap();
        let raw = mem.get(&s.keys().document(large.id())).unwrap().unwrap();
        assert!(raw.starts_with(PACKED));
        assert_eq!(s.profile(large.id()).unwrap(), Some(large.profile.clone()));
        // Nothing there, or nothing readable: no profile, and no error to show.
        assert_eq!(s.profile(Id::from_u128(99)).unwrap(), None);
        assert!(!s.holds(Id::from_u128(99)).unwrap());
        assert!(s.holds(anna.id()).unwrap());
        mem.set(&s.keys().document(anna.id()), "{\"kapot").unwrap();
        assert_eq!(s.profile(anna.id()).unwrap(), None);
        // A document stored under another profile's key is not taken for that profile.
        let bram_text = mem
            .get(&s.keys().document(Id::from_u128(2)))
            .unwrap()
            .unwrap();
        mem.set(&s.keys().document(anna.id()), &bram_text).unwrap();
        assert_eq!(s.profile(anna.id()).unwrap(), None);
    }

    #[test]
    fn a_small_document_stays_plain_json() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let d = doc(1, "Anna");
        s.save(&d).unwrap();
        let raw = mem.get(&s.keys().document(d.id())).unwrap().unwrap();
        assert_eq!(raw, serde_json::to_string(&d).unwrap());
    }

    #[test]
    fn a_damaged_packed_document_is_kept_aside_and_offered_as_it_was() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let key = s.keys().document(Id::from_u128(9));
        let damaged = "z1:40:\u{100}\u{101}";
        mem.set(&key, damaged).unwrap();
        let start = s.start("t").unwrap();
        assert!(start.documents.is_empty());
        assert_eq!(start.kept.len(), 1);
        assert_eq!(
            s.read_kept(&start.kept[0]).unwrap().as_deref(),
            Some(damaged)
        );
        // A packed document a newer Leerspoor wrote is offered unpacked, as JSON.
        let mut v = serde_json::to_value(doc(10, "Cas")).unwrap();
        v["schema"] = (SCHEMA_VERSION + 1).into();
        let json = v.to_string();
        let key2 = s.keys().document(Id::from_u128(10));
        mem.set(&key2, &pack(&json)).unwrap();
        let start = s.start("u").unwrap();
        let kept = start.kept.iter().find(|k| k.key == key2).unwrap();
        assert_eq!(kept.reason, KeptReason::NeedsNewerApp);
        assert_eq!(s.read_kept(kept).unwrap().as_deref(), Some(json.as_str()));
    }

    #[test]
    fn a_copy_set_aside_by_a_start_up_is_found_by_its_profile_and_time() {
        let (mem, s, anna, bram) = two_profiles();
        mem.set(&s.keys().document(anna.id()), "{kapot").unwrap();
        // An older copy of Anna's, set aside long ago, is not this start-up's doing.
        let old = s
            .keys()
            .kept("2026-01-01T00-00-00.000Z", &s.keys().document(anna.id()));
        mem.set(&old, "{ouder").unwrap();
        let start = s.start("2026-11-30T10-00-00.000Z").unwrap();
        assert_eq!(start.documents, vec![bram.clone()]);
        let found = s.kept_since(anna.id(), "2026-11-30T09-58-00.000Z").unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(s.read_kept(&found[0]).unwrap().as_deref(), Some("{kapot"));
        assert_eq!(found[0].reason, KeptReason::MovedAside);
        assert!(s
            .kept_since(bram.id(), "2026-11-30T09-58-00.000Z")
            .unwrap()
            .is_empty());
        assert_eq!(
            s.kept_since(anna.id(), "2025-01-01T00-00-00.000Z")
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn corrupt_data_is_moved_aside_byte_for_byte() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let key = s.keys().document(Id::from_u128(9));
        mem.set(&key, "{\"schema\":1, \"profile\": {broken")
            .unwrap();
        let start = s.start("2026-11-28T10:00:00Z").unwrap();
        assert!(start.documents.is_empty());
        assert_eq!(start.kept.len(), 1);
        let kept = &start.kept[0];
        assert_eq!(kept.reason, KeptReason::MovedAside);
        assert!(matches!(kept.error, RestoreError::NotJson { .. }));
        assert_eq!(mem.get(&key).unwrap(), None);
        assert_eq!(
            s.read_kept(kept).unwrap().as_deref(),
            Some("{\"schema\":1, \"profile\": {broken")
        );
        // Still reported on the next start, until the user removes it.
        let again = s.start("2026-11-28T11:00:00Z").unwrap();
        assert_eq!(again.kept.len(), 1);
        assert_eq!(again.kept[0].key, kept.key);
        assert!(s.forget_kept(kept).unwrap());
        assert!(s.start("t2").unwrap().kept.is_empty());
    }

    #[test]
    fn newer_data_is_left_where_it_is() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let mut v = serde_json::to_value(doc(3, "Cas")).unwrap();
        v["schema"] = (SCHEMA_VERSION + 1).into();
        let raw = v.to_string();
        let key = s.keys().document(Id::from_u128(3));
        mem.set(&key, &raw).unwrap();
        let start = s.start("t").unwrap();
        assert_eq!(start.kept[0].reason, KeptReason::NeedsNewerApp);
        assert_eq!(start.kept[0].key, key);
        assert_eq!(mem.get(&key).unwrap().as_deref(), Some(raw.as_str()));
        assert!(!s.forget_kept(&start.kept[0]).unwrap());
        assert_eq!(mem.get(&key).unwrap().as_deref(), Some(raw.as_str()));
    }

    #[test]
    fn corrupt_data_stays_in_place_when_there_is_no_room_to_copy_it() {
        let garbage = "z".repeat(3_000);
        let mem = Rc::new(MemoryBackend::with_quota(4_000));
        let s = store(&mem);
        let key = s.keys().document(Id::from_u128(4));
        mem.set(&key, &garbage).unwrap();
        let start = s.start("t").unwrap();
        assert_eq!(start.kept[0].reason, KeptReason::LeftInPlace);
        assert_eq!(mem.get(&key).unwrap().as_deref(), Some(garbage.as_str()));
        assert_eq!(mem.keys().unwrap().len(), 1);
    }

    #[test]
    fn the_auto_share_choice_is_kept_per_profile_and_wiped_with_it() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let d = doc(1, "Anna");
        s.save(&d).unwrap();
        assert_eq!(s.auto_share(d.id()).unwrap(), None);
        let choice = AutoShare::of(&crate::model::bundle::Selection::everything(), false);
        s.set_auto_share(d.id(), Some(&choice)).unwrap();
        assert_eq!(s.auto_share(d.id()).unwrap(), Some(choice));
        assert_eq!(s.auto_share(Id::from_u128(2)).unwrap(), None);
        s.remove_profile(d.id()).unwrap();
        assert_eq!(s.auto_share(d.id()).unwrap(), None);
        assert!(mem
            .keys()
            .unwrap()
            .iter()
            .all(|k| !k.contains("auto-share")));
    }

    #[test]
    fn kept_ratings_are_no_profile_one_per_request_and_a_full_store_keeps_the_one_before() {
        let mem = Rc::new(MemoryBackend::with_quota(400));
        let s = store(&mem);
        let (first, second) = (Id::from_u128(1), Id::from_u128(2));
        assert_eq!(s.kept_ratings().unwrap(), vec![]);
        s.set_kept_rating(second, Some("tweede")).unwrap();
        s.set_kept_rating(first, Some("eerste")).unwrap();
        // One per request: keeping the second never overwrote the first.
        let both = vec![
            (first, "eerste".to_string()),
            (second, "tweede".to_string()),
        ];
        assert_eq!(s.kept_ratings().unwrap(), both);
        // Start-up lists no profile for them and keeps nothing aside.
        let start = s.start("t").unwrap();
        assert!(start.documents.is_empty() && start.kept.is_empty());
        // Too large for what is left: refused, and the one before is still there.
        assert_eq!(
            s.set_kept_rating(first, Some(&"x".repeat(400))),
            Err(BackendError::QuotaExceeded)
        );
        assert_eq!(s.kept_ratings().unwrap(), both);
        s.set_kept_rating(first, None).unwrap();
        s.set_kept_rating(second, None).unwrap();
        assert!(mem.keys().unwrap().is_empty());
    }

    #[test]
    fn a_backup_comes_back_whole() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        let d = doc(1, "Anna");
        assert_eq!(s.load_backup(d.id()).unwrap(), None);
        let taken = "2026-11-28T09:00:00Z".parse().unwrap();
        s.save_backup(&d, taken).unwrap();
        let (when, back) = s.load_backup(d.id()).unwrap().unwrap();
        assert_eq!(when, taken);
        assert_eq!(back, d);
        // A backup is not a profile: start-up does not list it.
        assert!(s.start("t").unwrap().documents.is_empty());
    }

    #[test]
    fn removing_a_profile_leaves_the_others_alone() {
        let (mem, s, a, b) = two_profiles();
        s.save_backup(&a, "2026-01-01T00:00:00Z".parse().unwrap())
            .unwrap();
        let mark = ExportMark {
            at: "2026-01-02T00:00:00Z".parse().unwrap(),
            revision: 1,
        };
        s.mark_exported(a.id(), mark).unwrap();
        assert_eq!(s.last_export(a.id()).unwrap(), Some(mark));
        s.set_active(a.id()).unwrap();
        mem.set(&s.keys().kept("t", "x"), "kept").unwrap();
        assert_eq!(s.profile_footprint(a.id()).unwrap().len(), 5);
        s.remove_profile(a.id()).unwrap();
        let start = s.start("t").unwrap();
        assert_eq!(start.documents.len(), 1);
        assert_eq!(start.documents[0].profile.name, "Bram");
        assert_eq!(start.active, Some(b.id()));
        assert_eq!(start.kept.len(), 1);
        assert!(s.profile_footprint(a.id()).unwrap().is_empty());
        assert_eq!(s.profile_footprint(b.id()).unwrap().len(), 3);
    }

    #[test]
    fn the_language_is_the_devices_and_outlives_a_wiped_profile() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        assert_eq!(s.language().unwrap(), None);
        let a = doc(1, "Anna");
        s.save(&a).unwrap();
        s.set_language(Lang::En).unwrap();
        s.remove_profile(a.id()).unwrap();
        assert_eq!(s.language().unwrap(), Some(Lang::En));
        // A code this version does not know reads as no choice.
        mem.set(&s.keys().language(), "tlh").unwrap();
        assert_eq!(s.language().unwrap(), None);
    }

    #[test]
    fn an_unknown_active_profile_falls_back_to_the_first() {
        let mem = Rc::new(MemoryBackend::default());
        let s = store(&mem);
        s.save(&doc(1, "Anna")).unwrap();
        mem.set(&s.keys().active(), "not-an-id").unwrap();
        assert_eq!(s.start("t").unwrap().active, Some(Id::from_u128(1)));
    }

    #[test]
    fn other_editions_keys_are_not_touched() {
        let mem = Rc::new(MemoryBackend::default());
        mem.set("leerspoor-bestand/v1/doc/x", "garbage").unwrap();
        mem.set("something-else", "garbage").unwrap();
        let s = store(&mem);
        let start = s.start("t").unwrap();
        assert!(start.kept.is_empty());
        assert_eq!(mem.keys().unwrap().len(), 2);
        assert_eq!(s.usage().unwrap(), 0);
    }

    #[test]
    fn save_errors_are_worded_in_either_language() {
        let full = SaveError::QuotaExceeded;
        assert!(full
            .message(Lang::Nl)
            .starts_with("Opslaan mislukt: de opslag"));
        assert!(full
            .message(Lang::En)
            .starts_with("Saving failed: the browser's storage is full."));
        let refused = SaveError::from(BackendError::Refused {
            name: "InvalidStateError".into(),
            detail: "The object is in an invalid state.".into(),
        });
        assert_eq!(
            refused.message(Lang::Nl),
            "Opslaan mislukt: de browser weigerde het (InvalidStateError). Je vorige opgeslagen versie is onveranderd."
        );
        // The browser's (or serde's) own English text is data, never the message.
        assert!(!refused.message(Lang::En).contains("invalid state"));
        let unencodable = SaveError::from(BackendError::Unencodable {
            detail: "key must be a string".into(),
        });
        assert!(!unencodable.message(Lang::Nl).contains("key must"));
        assert!(unencodable
            .message(Lang::En)
            .starts_with("Saving failed: your data could not be written as text."));
    }
}
