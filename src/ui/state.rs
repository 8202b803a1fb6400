//! The app's state: the active profile's document as a signal, and the saving of it.
//!
//! Every change goes through [`AppState::update`], which schedules one debounced save;
//! leaving the page flushes it at once, so a reload mid-sentence loses nothing. The store
//! itself lives in a thread-local (wasm has one thread) because signals must be `Send`.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;

use super::i18n::{lang, t};
use crate::model::order::SharedSort;
use crate::model::reminder::ExportMark;
use crate::model::{Document, Id, Lang, Profile};
use crate::storage::local::LocalBackend;
use crate::storage::{Backend, Kept, Keys, MemoryBackend, SaveError, Store};
use crate::ui::edition::key_root;

const SAVE_DELAY: Duration = Duration::from_millis(400);
/// During a long burst of typing the save still happens this often, so that a crash of
/// the browser mid-flow loses at most these few seconds.
const SAVE_MAX_WAIT_MS: f64 = 2_000.0;

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
    pub notice: RwSignal<Option<String>>,
    /// What this tab still held of a profile another tab removed: not written back, but
    /// offered for download.
    pub closed_copy: RwSignal<Option<ClosedCopy>>,
}

/// A profile closed here because another tab removed its stored copy.
#[derive(Clone, Debug, PartialEq)]
pub struct ClosedCopy {
    /// What this tab held, perhaps with a last change.
    pub doc: Document,
    pub why: Closed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Closed {
    /// Wiped there (or storage cleared): the wipe stands.
    Wiped,
    /// Another tab's start-up could not read the stored copy and set it aside (listed
    /// with the kept data); the profile's backup and participants stay.
    SetAside,
}

/// What `Store::load` found of the active profile.
enum Stored {
    Loaded,
    Gone,
    Unreadable(crate::model::restore::RestoreError),
    OutOfReach,
}

/// Names kept keys by when they were set aside; its strings sort by time.
fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H-%M-%S%.3fZ").to_string()
}

struct Runtime {
    store: Store,
    /// The revision this tab last read or wrote, per the storage protocol.
    saved_revision: u64,
    pending: Option<TimeoutHandle>,
    /// When the oldest unsaved change was made (ms since the epoch).
    pending_since: Option<f64>,
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
    };
    provide_context(state);
    listen_for_leaving(state);
    listen_for_other_tabs(state);
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

/// Why a profile this browser already has is not restored from a bundle.
pub fn already_here() -> &'static str {
    t(
        "Dit profiel staat al in deze browser, misschien met wat je na deze bundel nog deed: herstellen zou dat overschrijven. Open het profiel en lees de bundel in bij Delen; dan wordt hij samengevoegd en gaat er niets verloren.",
        "This profile is already in this browser, perhaps with work done after this bundle: restoring would write over it. Open the profile and import the bundle under Share; it is then merged and nothing is lost.",
    )
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

    /// Makes a new `doc` the active profile and saves it at once (first run, a new
    /// profile, a profile restored from a bundle). Refused when this browser already has
    /// that profile: its stored copy may hold work done after the bundle was made, and
    /// restoring would write over it. Importing the bundle into the open profile merges.
    pub fn activate(&self, doc: Document) -> Result<(), String> {
        let id = doc.id();
        if self.holds(id) {
            return Err(already_here().to_string());
        }
        self.flush();
        self.relist_open_profile();
        let last_export = with_runtime(|rt| {
            rt.saved_revision = rt.store.stored_revision(id).unwrap_or(doc.revision);
            let _ = rt.store.set_active(id);
            rt.store.last_export(id).ok().flatten()
        })
        .flatten();
        self.add_profile(doc.profile.clone());
        self.last_export.set(last_export);
        self.doc.set(Some(doc));
        self.save_now();
        Ok(())
    }

    fn add_profile(&self, profile: Profile) {
        self.profiles.update(|all| {
            all.retain(|p| p.id != profile.id);
            all.push(profile);
            all.shared_sort_by_key(|p| p.name.to_lowercase());
        });
    }

    /// Another tab made, renamed or removed a profile this tab does not have open: the
    /// list follows. A new profile is restored in full once, so that an unreadable one is
    /// not offered; a listed one is saved often by the tab that has it open, so only its
    /// profile part is read again.
    fn follow_other_profile(&self, id: Id, stored: bool) {
        if !stored {
            self.profiles.update(|all| all.retain(|p| p.id != id));
            return;
        }
        let listed = self
            .profiles
            .with_untracked(|all| all.iter().find(|p| p.id == id).cloned());
        match listed {
            Some(listed) => {
                if let Some(Ok(Some(now))) = with_runtime(|rt| rt.store.profile(id)) {
                    if now != listed {
                        self.add_profile(now);
                    }
                }
            }
            None => {
                if let Some(Ok(Some(Ok(doc)))) = with_runtime(|rt| rt.store.load(id)) {
                    self.add_profile(doc.profile);
                }
            }
        }
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
    pub fn switch_to(&self, id: Id) -> Result<(), String> {
        self.flush();
        self.relist_open_profile();
        let loaded = with_runtime(|rt| {
            let doc = match rt.store.load(id) {
                Ok(Some(Ok(doc))) => doc,
                Ok(Some(Err(e))) => return Err(e.message(lang())),
                Ok(None) => {
                    return Err(lang()
                        .pick(
                            "Dit profiel bestaat niet meer in deze browser.",
                            "This profile no longer exists in this browser.",
                        )
                        .into())
                }
                Err(_) => return Err(SaveError::Unavailable.message(lang())),
            };
            rt.saved_revision = doc.revision;
            let _ = rt.store.set_active(id);
            Ok((doc, rt.store.last_export(id).ok().flatten()))
        })
        .unwrap_or_else(|| Err(SaveError::Unavailable.message(lang())))?;
        self.last_export.set(loaded.1);
        self.doc.set(Some(loaded.0));
        self.save.set(if self.persistent {
            SaveState::Saved
        } else {
            SaveState::MemoryOnly
        });
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
    pub fn wipe_active(&self) -> Result<(), String> {
        let Some(id) = self.active_id() else {
            return Ok(());
        };
        with_runtime(|rt| rt.store.remove_profile(id))
            .unwrap_or(Err(crate::storage::BackendError::Unavailable))
            .map_err(|e| SaveError::from(e).message(lang()))?;
        self.close_gone(id);
        Ok(())
    }

    /// After a profile's keys are gone (wiped here or in another tab): it leaves the
    /// list, and the next profile opens, or the first-run page when there is none.
    fn close_gone(&self, id: Id) {
        with_runtime(|rt| {
            if let Some(handle) = rt.pending.take() {
                handle.clear();
            }
            rt.pending_since = None;
        });
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

    fn schedule_save(&self) {
        if self.save.get_untracked() != SaveState::MemoryOnly {
            self.save.set(SaveState::Pending);
        }
        let state = *self;
        let now = js_sys::Date::now();
        let overdue = with_runtime(|rt| {
            if let Some(handle) = rt.pending.take() {
                handle.clear();
            }
            let since = *rt.pending_since.get_or_insert(now);
            rt.pending = set_timeout_with_handle(move || state.flush(), SAVE_DELAY).ok();
            now - since >= SAVE_MAX_WAIT_MS
        })
        .unwrap_or(false);
        if overdue {
            self.save_now();
        }
    }

    /// Saves now if a change is waiting.
    pub fn flush(&self) {
        if self.has_pending() {
            self.save_now();
        }
    }

    fn save_now(&self) {
        // Saved where it lies, not from a clone: a year of data is megabytes to copy.
        // Only the revision changes, and only when the save went through.
        let result = self.doc.try_update_untracked(|doc| {
            let doc = doc.as_mut()?;
            with_runtime(|rt| {
                if let Some(handle) = rt.pending.take() {
                    handle.clear();
                }
                rt.pending_since = None;
                let before = doc.revision;
                doc.revision = rt.saved_revision + 1;
                let result = super::timed("leerspoor-save", || rt.store.save(doc));
                if result.is_ok() {
                    rt.saved_revision = doc.revision;
                } else {
                    doc.revision = before;
                }
                result
            })
        });
        match result.flatten() {
            Some(Ok(())) => {
                if self.persistent {
                    self.save.set(SaveState::Saved);
                } else {
                    self.save.set(SaveState::MemoryOnly);
                }
            }
            Some(Err(conflict @ SaveError::Conflict { .. })) => {
                // A wiped profile, or a copy this tab cannot read, reports itself there.
                let still_stored = self.reload_from_storage();
                if still_stored {
                    self.notice.set(Some(conflict.message(lang())));
                }
            }
            Some(Err(e)) => self.save.set(SaveState::Failed(e)),
            None => {}
        }
    }

    /// Takes the stored copy of the active profile, as another tab left it. Returns
    /// false when there is none: the profile was wiped there, so it is closed here too
    /// rather than kept on screen, where every edit would be refused; what this tab held
    /// is offered for download (`closed_copy`). Also false when the stored copy cannot
    /// be read here (a newer Leerspoor in the other tab wrote it): the save state says
    /// so, and the revision check keeps this tab from writing over that copy.
    /// Storage out of reach: true, and the next save reports it.
    fn reload_from_storage(&self) -> bool {
        let Some(id) = self.active_id() else {
            return true;
        };
        match self.load_stored(id) {
            Stored::Loaded | Stored::OutOfReach => true,
            Stored::Gone => {
                self.close_removed_elsewhere(id);
                false
            }
            Stored::Unreadable(unreadable) => {
                self.save
                    .set(SaveState::Failed(SaveError::StoredUnreadable(unreadable)));
                false
            }
        }
    }

    /// Shows the stored copy of `id` when it can be read.
    fn load_stored(&self, id: Id) -> Stored {
        let loaded = with_runtime(|rt| {
            let loaded = rt.store.load(id);
            if let Ok(Some(Ok(doc))) = &loaded {
                rt.saved_revision = doc.revision;
            }
            loaded
        });
        match loaded {
            Some(Ok(Some(Ok(doc)))) => {
                self.doc.set(Some(doc));
                self.save.set(SaveState::Saved);
                Stored::Loaded
            }
            Some(Ok(None)) => Stored::Gone,
            Some(Ok(Some(Err(unreadable)))) => Stored::Unreadable(unreadable),
            _ => Stored::OutOfReach,
        }
    }

    /// Another tab removed the active profile's stored copy. Each tab sees the other's
    /// writes a moment late, so a save of this tab may have crossed that.
    /// - Wiped there (or storage cleared): the profile's keys are removed here too, so
    ///   the wipe stands.
    /// - Set aside as unreadable by another tab's start-up: nothing more is removed, the
    ///   copy set aside joins the kept data here, and a readable save of this tab that
    ///   crossed it stays open.
    ///
    /// Otherwise what this tab held is kept in `closed_copy`, offered for download, never
    /// written back.
    fn close_removed_elsewhere(&self, id: Id) {
        // The other tab set it aside within the last moments; a copy set aside long ago
        // says nothing about this removal.
        let since = stamp(chrono::Utc::now() - chrono::Duration::minutes(2));
        let set_aside = with_runtime(|rt| rt.store.set_aside_since(id, &since).unwrap_or_default())
            .unwrap_or_default();
        let why = if set_aside.is_empty() {
            Closed::Wiped
        } else {
            for kept in set_aside {
                self.add_kept(kept);
            }
            if matches!(self.load_stored(id), Stored::Loaded) {
                return;
            }
            Closed::SetAside
        };
        let copy = self.doc.try_update_untracked(Option::take).flatten();
        if why == Closed::Wiped {
            let _ = with_runtime(|rt| rt.store.remove_profile(id));
        }
        self.close_gone(id);
        self.closed_copy
            .set(copy.map(|doc| ClosedCopy { doc, why }));
    }

    /// Replaces the whole document (an import, a restored backup) and saves at once.
    pub fn replace(&self, doc: Document) {
        self.doc.set(Some(doc));
        self.save_now();
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

    /// Whether the last save went through; an import is only reported done when it did.
    pub fn is_saved(&self) -> bool {
        matches!(
            self.save.get_untracked(),
            SaveState::Saved | SaveState::MemoryOnly
        )
    }

    fn has_pending(&self) -> bool {
        with_runtime(|rt| rt.pending.is_some()).unwrap_or(false)
    }

    /// Whether this browser already has that profile stored (readable or not).
    pub fn holds(&self, id: Id) -> bool {
        with_runtime(|rt| rt.store.holds(id).unwrap_or(false)).unwrap_or(false)
    }

    pub fn active_id(&self) -> Option<Id> {
        self.doc.with_untracked(|d| d.as_ref().map(Document::id))
    }

    /// The text of a kept copy; `None` when it is gone (removed where no event reached
    /// this tab), which also takes it off the list.
    pub fn read_kept(&self, kept: &Kept) -> Option<String> {
        let found = with_runtime(|rt| rt.store.read_kept(kept).ok().flatten()).flatten();
        if found.is_none() {
            self.kept.update(|all| all.retain(|k| k.key != kept.key));
        }
        found
    }

    /// Another tab set data aside (its start-up could not read it) or removed a kept
    /// copy: the list of kept data follows, so it never offers what is gone.
    fn follow_kept(&self, key: String, stored: bool) {
        if !stored {
            self.kept.update(|all| all.retain(|k| k.key != key));
        } else if let Some(Ok(kept)) = with_runtime(|rt| rt.store.kept_entry(&key)) {
            self.add_kept(kept);
        }
    }

    fn add_kept(&self, kept: Kept) {
        if !self
            .kept
            .with_untracked(|all| all.iter().any(|k| k.key == kept.key))
        {
            self.kept.update(|all| all.push(kept));
        }
    }

    pub fn forget_kept(&self, kept: &Kept) {
        let removed = with_runtime(|rt| rt.store.forget_kept(kept).unwrap_or(false));
        if removed == Some(true) {
            self.kept.update(|all| all.retain(|k| k.key != kept.key));
        }
    }
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

fn listen_for_leaving(state: AppState) {
    // pagehide fires on reload, navigation away and tab close, also where beforeunload
    // does not; visibilitychange covers mobile browsers that kill hidden tabs.
    let handle = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    std::mem::forget(handle);
    let handle = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            state.flush();
        }
    });
    std::mem::forget(handle);
}

fn listen_for_other_tabs(state: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        let active = state.active_id();
        let Some(key) = ev.key() else {
            // All of storage cleared, there or by the browser: every profile is gone, and
            // the kept data with it.
            state.kept.set(Vec::new());
            state
                .profiles
                .update(|all| all.retain(|p| Some(p.id) == active));
            if let Some(id) = active {
                state.close_removed_elsewhere(id);
            }
            return;
        };
        let stored = ev.new_value().is_some();
        if with_runtime(|rt| rt.store.keys().split_kept(&key).is_some()).unwrap_or(false) {
            state.follow_kept(key, stored);
            return;
        }
        let Some(id) = with_runtime(|rt| rt.store.keys().revision_of(&key)).flatten() else {
            return;
        };
        if Some(id) != active {
            state.follow_other_profile(id, stored);
        } else if !stored {
            state.close_removed_elsewhere(id);
        } else if state.has_pending() {
            // A change of ours still waiting is saved first; the revision check then
            // refuses it and the newer copy is loaded instead of overwritten.
            state.flush();
        } else {
            state.reload_from_storage();
        }
    });
    std::mem::forget(handle);
}
