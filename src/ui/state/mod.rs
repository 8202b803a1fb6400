//! The app's state: the active profile's document as a signal, and the saving of it.
//!
//! Every change goes through [`AppState::update`], which schedules one debounced save;
//! leaving the page flushes it at once, so a reload mid-sentence loses nothing. The store
//! itself lives in a thread-local (wasm has one thread) because signals must be `Send`.

mod auto_share;
pub mod folder;
pub mod import;
mod kept;
mod saver;
mod tabs;
pub mod workspace;

pub use auto_share::AutoStatus;
pub use tabs::{Closed, ClosedCopy};

use std::cell::RefCell;

use leptos::prelude::*;

use crate::model::bundle::already_here;
use crate::model::concurrent;
use crate::model::order::SharedSort;
use crate::model::reminder::ExportMark;
use crate::model::restore::RestoreError;
use crate::model::{Document, Id, Lang, Profile};
use crate::storage::import::ImportError;
use crate::storage::local::LocalBackend;
use crate::storage::{Backend, Kept, Keys, MemoryBackend, SaveError, Store};
use crate::ui::edition::key_root;
use crate::ui::time::stamp;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    Pending,
    Failed(SaveError),
    /// Storage is unavailable: the session lives in memory only.
    MemoryOnly,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The active profile's document; `None` on first run and while making a new profile.
    pub doc: RwSignal<Option<Document>>,
    /// Every profile in this browser (shared laptops), by name.
    pub profiles: RwSignal<Vec<Profile>>,
    /// When the active profile was last exported from this browser.
    pub last_export: RwSignal<Option<ExportMark>>,
    pub save: RwSignal<SaveState>,
    /// Data found unreadable at start-up, kept aside.
    pub kept: RwSignal<Vec<Kept>>,
    pub persistent: bool,
    /// A notice for the whole app, e.g. that another tab's change was loaded.
    pub notice: RwSignal<Option<Notice>>,
    /// What this tab still held of a profile another tab removed: not written back, but
    /// offered for download.
    pub closed_copy: RwSignal<Option<ClosedCopy>>,
    /// Where *automatisch delen* stands (`auto_share`).
    pub auto_share: RwSignal<AutoStatus>,
}

struct Runtime {
    store: Store,
    /// The revision this tab last read or wrote, per the storage protocol.
    saved_revision: u64,
    pending: Option<TimeoutHandle>,
    /// When the oldest unsaved change was made (ms since the epoch).
    pending_since: Option<f64>,
    /// The save in steps under way (`saver`), by its number; `None` once it is stored,
    /// or dropped because a save in one go or another document took its place.
    in_flight: Option<u64>,
    /// The number the next save in steps gets.
    flights: u64,
}

impl Runtime {
    /// Drops the save that is waiting, if any: what it would have written is saved
    /// already, or is gone.
    fn cancel_pending(&mut self) {
        if let Some(handle) = self.pending.take() {
            handle.clear();
        }
        self.pending_since = None;
        self.in_flight = None;
    }
}

thread_local! {
    static RUNTIME: RefCell<Option<Runtime>> = const { RefCell::new(None) };
}

fn with_runtime<R>(f: impl FnOnce(&mut Runtime) -> R) -> Option<R> {
    RUNTIME.with(|rt| rt.borrow_mut().as_mut().map(f))
}

/// Opens storage and reads what is there, before the first view renders.
pub fn init() {
    let (backend, persistent): (Box<dyn Backend>, bool) = match LocalBackend::open() {
        Ok(local) => (Box::new(local), true),
        Err(_) => (Box::new(MemoryBackend::default()), false),
    };
    let store = Store::new(backend, Keys::new(key_root()));
    let now = stamp(chrono::Utc::now());
    let (doc, profiles, kept, persistent) = match store.start(&now) {
        Ok(startup) => {
            let active = startup.active;
            let profiles: Vec<Profile> = startup
                .documents
                .iter()
                .map(|d| d.profile.clone())
                .collect();
            let doc = startup
                .documents
                .into_iter()
                .find(|d| Some(d.id()) == active);
            (doc, profiles, startup.kept, persistent)
        }
        // Storage that answers the probe but fails on reading is treated as unavailable.
        Err(_) => (None, Vec::new(), Vec::new(), false),
    };
    let last_export = doc
        .as_ref()
        .and_then(|d| store.last_export(d.id()).ok().flatten());
    let saved_revision = doc.as_ref().map_or(0, |d| d.revision);
    let store = if persistent {
        store
    } else {
        Store::new(Box::new(MemoryBackend::default()), Keys::new(key_root()))
    };
    RUNTIME.with(|rt| {
        *rt.borrow_mut() = Some(Runtime {
            store,
            saved_revision,
            pending: None,
            pending_since: None,
            in_flight: None,
            flights: 0,
        })
    });
    let state = AppState {
        doc: RwSignal::new(doc),
        profiles: RwSignal::new(profiles),
        last_export: RwSignal::new(last_export),
        save: RwSignal::new(if persistent {
            SaveState::Saved
        } else {
            SaveState::MemoryOnly
        }),
        kept: RwSignal::new(kept),
        persistent,
        notice: RwSignal::new(None),
        closed_copy: RwSignal::new(None),
        auto_share: RwSignal::new(AutoStatus::Off),
    };
    provide_context(state);
    saver::listen_for_leaving(state);
    tabs::listen_for_other_tabs(state);
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The open profile's document, for the pages the shell mounts only while a profile is
/// open (`ui::app`): they read and change the document without handling its absence.
/// When the profile closes, the shell drops those pages; in the moment between, a read
/// gives `T::default()` and a change does nothing, which is the only place that case is
/// handled.
#[derive(Clone, Copy)]
pub struct OpenDoc(AppState);

impl OpenDoc {
    /// Reads the document, subscribing to it.
    pub fn with<T: Default>(&self, f: impl FnOnce(&Document) -> T) -> T {
        self.0.doc.with(|d| d.as_ref().map(f).unwrap_or_default())
    }

    /// Reads the document without subscribing (in event handlers).
    pub fn with_untracked<T: Default>(&self, f: impl FnOnce(&Document) -> T) -> T {
        self.0
            .doc
            .with_untracked(|d| d.as_ref().map(f).unwrap_or_default())
    }

    /// A value derived from the document, passed on only when it differs, so a keystroke
    /// elsewhere does not rebuild the views that read it.
    pub fn memo<T>(&self, f: impl Fn(&Document) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Default + Send + Sync + 'static,
    {
        let doc = *self;
        Memo::new(move |_| doc.with(&f))
    }

    /// Changes the document and schedules its save ([`AppState::update`]).
    pub fn update(&self, change: impl FnOnce(&mut Document)) {
        self.0.update(change)
    }

    pub fn app(&self) -> AppState {
        self.0
    }
}

/// The open profile's document; for pages under the profile routes only.
pub fn use_doc() -> OpenDoc {
    OpenDoc(use_app())
}

/// A notice for the whole app, shown under the header until closed.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Worded by the view that raised it.
    Text(String),
    /// A save met another tab's newer copy, which is loaded now.
    Save(SaveError),
    /// A save met another tab's newer copy, and the two were merged and saved.
    Merged(concurrent::Outcome),
    Profile(ProfileError),
}

impl Notice {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::Text(text) => text.clone(),
            Notice::Save(e) => e.message(lang),
            Notice::Merged(outcome) => outcome.message(lang),
            Notice::Profile(e) => e.message(lang),
        }
    }
}

/// Why a profile could not be made or opened here.
#[derive(Clone, Debug, PartialEq)]
pub enum ProfileError {
    /// This browser already has that profile: making it anew from a bundle would write
    /// over work done after the bundle (`bundle::Admission::OpenStored`).
    AlreadyHere,
    /// It is no longer stored here (removed in another tab).
    Gone,
    /// Its stored copy cannot be read.
    Unreadable(RestoreError),
    /// Storage refused the save, or is out of reach; nothing changed.
    Storage(SaveError),
}

impl ProfileError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProfileError::AlreadyHere => already_here(lang).into(),
            ProfileError::Gone => lang
                .pick(
                    "Dit profiel bestaat niet meer in deze browser.",
                    "This profile no longer exists in this browser.",
                )
                .into(),
            ProfileError::Unreadable(e) => e.message(lang),
            ProfileError::Storage(e) => e.message(lang),
        }
    }
}

impl AppState {
    /// Applies a change to the active document and schedules its save.
    pub fn update(&self, change: impl FnOnce(&mut Document)) {
        let mut changed = false;
        self.doc.update(|doc| {
            if let Some(doc) = doc {
                change(doc);
                changed = true;
            }
        });
        if changed {
            self.schedule_save();
        }
    }

    /// Makes a new `doc` the active profile (first run, a new profile, a profile restored
    /// from a bundle). All or nothing: it is saved first, and only a saved document
    /// becomes active; when storage refuses, nothing changes and the error says why.
    /// Refused when this browser already has that profile: its stored copy may hold work
    /// done after the bundle was made, and restoring would write over it.
    pub fn activate(&self, doc: Document) -> Result<(), ProfileError> {
        self.flush();
        let (doc, last_export) = with_runtime(|rt| {
            let doc = crate::storage::import::restore(&rt.store, doc).map_err(|e| match e {
                ImportError::AlreadyHere => ProfileError::AlreadyHere,
                ImportError::NotSaved(e) => ProfileError::Storage(e),
                _ => ProfileError::Storage(SaveError::Unavailable),
            })?;
            rt.saved_revision = doc.revision;
            let last_export = rt.store.last_export(doc.id()).ok().flatten();
            Ok((doc, last_export))
        })
        .unwrap_or(Err(ProfileError::Storage(SaveError::Unavailable)))?;
        self.relist_open_profile();
        self.add_profile(doc.profile.clone());
        self.last_export.set(last_export);
        self.doc.set(Some(doc));
        self.save.set(self.settled());
        Ok(())
    }

    /// The save state with nothing waiting.
    fn settled(&self) -> SaveState {
        if self.persistent {
            SaveState::Saved
        } else {
            SaveState::MemoryOnly
        }
    }

    fn add_profile(&self, profile: Profile) {
        self.profiles.update(|all| {
            all.retain(|p| p.id != profile.id);
            all.push(profile);
            all.shared_sort_by_key(|p| p.name.to_lowercase());
        });
    }

    /// Before leaving the open profile: its entry in the list takes the name it has now.
    /// The switcher shows the open profile's name as it is edited, the others' from the
    /// list, which would otherwise keep the name from before the edit.
    fn relist_open_profile(&self) {
        let Some(profile) = self
            .doc
            .with_untracked(|d| d.as_ref().map(|d| d.profile.clone()))
        else {
            return;
        };
        let changed = self
            .profiles
            .with_untracked(|all| all.iter().any(|p| p.id == profile.id && *p != profile));
        if changed {
            self.add_profile(profile);
        }
    }

    /// Switches to another stored profile; the current one's pending change is saved first.
    pub fn switch_to(&self, id: Id) -> Result<(), ProfileError> {
        self.flush();
        self.relist_open_profile();
        let loaded = with_runtime(|rt| {
            let doc = match rt.store.load(id) {
                Ok(Some(Ok(doc))) => doc,
                Ok(Some(Err(e))) => return Err(ProfileError::Unreadable(e)),
                Ok(None) => return Err(ProfileError::Gone),
                Err(_) => return Err(ProfileError::Storage(SaveError::Unavailable)),
            };
            rt.saved_revision = doc.revision;
            let _ = rt.store.set_active(id);
            Ok((doc, rt.store.last_export(id).ok().flatten()))
        })
        .unwrap_or(Err(ProfileError::Storage(SaveError::Unavailable)))?;
        self.last_export.set(loaded.1);
        self.doc.set(Some(loaded.0));
        self.save.set(self.settled());
        Ok(())
    }

    /// Leaves the active profile (saved) to make a new one.
    pub fn start_new_profile(&self) {
        self.flush();
        self.relist_open_profile();
        self.doc.set(None);
    }

    /// Records that the active profile was exported at its current revision.
    pub fn mark_exported(&self) {
        let Some(id) = self.active_id() else { return };
        let mark = with_runtime(|rt| {
            let mark = ExportMark {
                at: chrono::Utc::now(),
                revision: rt.saved_revision,
            };
            rt.store.mark_exported(id, mark).ok().map(|_| mark)
        })
        .flatten();
        if mark.is_some() {
            self.last_export.set(mark);
        }
    }

    /// What wiping the active profile would remove: (key, size in UTF-16 units).
    pub fn footprint(&self) -> Vec<(String, usize)> {
        let Some(id) = self.active_id() else {
            return Vec::new();
        };
        with_runtime(|rt| rt.store.profile_footprint(id).unwrap_or_default()).unwrap_or_default()
    }

    /// Removes the active profile's data from this browser, and nothing else.
    pub fn wipe_active(&self) -> Result<(), SaveError> {
        let Some(id) = self.active_id() else {
            return Ok(());
        };
        with_runtime(|rt| rt.store.remove_profile(id))
            .unwrap_or(Err(crate::storage::BackendError::Unavailable))
            .map_err(SaveError::from)?;
        // The course folder chosen for this profile is forgotten too (the folder itself
        // and what is in it stay): on a shared laptop, the next user must not find it
        // open.
        leptos::task::spawn_local(async move {
            let _ = folder::forget(id).await;
        });
        self.close_gone(id);
        Ok(())
    }

    /// After a profile's keys are gone (wiped here or in another tab): it leaves the
    /// list, and the next profile opens, or the first-run page when there is none.
    fn close_gone(&self, id: Id) {
        with_runtime(Runtime::cancel_pending);
        self.save.set(if self.persistent {
            SaveState::Saved
        } else {
            SaveState::MemoryOnly
        });
        self.profiles.update(|all| all.retain(|p| p.id != id));
        self.doc.set(None);
        self.last_export.set(None);
        let next = self
            .profiles
            .with_untracked(|all| all.first().map(|p| p.id));
        if let Some(next) = next {
            let _ = self.switch_to(next);
        }
    }

    /// Copies the active document aside before an import changes it.
    pub fn backup_now(&self) -> Result<(), SaveError> {
        self.doc.with_untracked(|doc| {
            let Some(doc) = doc else {
                return Ok(());
            };
            with_runtime(|rt| rt.store.save_backup(doc, chrono::Utc::now()))
                .unwrap_or(Err(SaveError::Unavailable))
        })
    }

    pub fn backup(&self) -> Option<(chrono::DateTime<chrono::Utc>, Document)> {
        let id = self.active_id()?;
        with_runtime(|rt| rt.store.load_backup(id).ok().flatten()).flatten()
    }

    /// The rater's kept answers in progress, as stored (`pages::rate`); no profile needed.
    pub fn kept_ratings(&self) -> Vec<(Id, String)> {
        with_runtime(|rt| rt.store.kept_ratings().unwrap_or_default()).unwrap_or_default()
    }

    /// Keeps the rater's answer in progress to `request`, or removes it (`None`).
    pub fn keep_rating(&self, request: Id, text: Option<&str>) -> Result<(), SaveError> {
        with_runtime(|rt| rt.store.set_kept_rating(request, text))
            .unwrap_or(Err(crate::storage::BackendError::Unavailable))
            .map_err(SaveError::from)
    }

    /// Whether this browser already has that profile stored (readable or not).
    pub fn holds(&self, id: Id) -> bool {
        with_runtime(|rt| rt.store.holds(id).unwrap_or(false)).unwrap_or(false)
    }

    pub fn active_id(&self) -> Option<Id> {
        self.doc.with_untracked(|d| d.as_ref().map(Document::id))
    }
}

/// Every `leerspoor…` key of this browser, unparsed, as one JSON text: what the panic page
/// offers for download. Reads storage directly, without the store: after a panic the
/// store's state cannot be trusted.
pub fn raw_dump() -> Option<String> {
    crate::storage::local::raw_dump()
}

/// The language chosen on this device, Dutch when none was chosen or storage is closed.
pub fn stored_language() -> Lang {
    with_runtime(|rt| rt.store.language().ok().flatten())
        .flatten()
        .unwrap_or_default()
}

/// Remembers the language; where storage fails the choice lasts for this session only,
/// which is not worth a message.
pub fn remember_language(lang: Lang) {
    with_runtime(|rt| rt.store.set_language(lang));
}
