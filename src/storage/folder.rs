//! The course folder on disk (`docs/course-folder.md`), through the File System Access
//! API: the only code that touches directory handles, and the IndexedDB database that
//! keeps the chosen folder per profile (a handle can be kept nowhere else).
//!
//! This module lists, reads, writes and removes what it is told; which file is whose,
//! which is newest and which may go are `model::folder`'s rules. Errors are the model's
//! [`FolderError`]; the browser's English text never leaves this module.
//!
//! The picker and the permission calls are not in web-sys's stable API (they are WICG
//! drafts behind `--cfg=web_sys_unstable_apis`), so the four calls are bound here; the
//! directory, file and writable-stream handles are web-sys's own.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    File, FileSystemDirectoryHandle, FileSystemFileHandle, FileSystemGetDirectoryOptions,
    FileSystemGetFileOptions, FileSystemHandle, FileSystemHandleKind, FileSystemWritableFileStream,
    IdbDatabase, IdbRequest, IdbTransactionMode,
};

use crate::model::folder::{is_candidate, place, FolderError};
use crate::model::order::SharedSort;
use crate::model::Id;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = window, js_name = showDirectoryPicker)]
    fn show_directory_picker(options: &JsValue) -> Result<Promise, JsValue>;
    /// A directory handle seen for its permission calls.
    type Permissions;
    #[wasm_bindgen(catch, method, js_name = queryPermission)]
    fn query_permission(this: &Permissions, descriptor: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, method, js_name = requestPermission)]
    fn request_permission(this: &Permissions, descriptor: &JsValue) -> Result<Promise, JsValue>;
}

/// Folders deeper than this below the course folder are not read: the layout needs two
/// (`deelnemers/<id>/`), and a sync tool's or a person's subfolders a few more.
const MAX_DEPTH: usize = 4;
/// More files than this are not read: a wrong folder (a whole drive) must not freeze
/// the tab. A course of 30 with 3 own files each and feedback has about 200.
pub const MAX_FILES: usize = 5000;

const DB_NAME: &str = "leerspoor-cursusmap";
const DB_STORE: &str = "mappen";

/// A chosen course folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Dir(FileSystemDirectoryHandle);

/// Whether the page may read and write the folder now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    /// The browser asks the user again; only a click may start that (`ask`).
    Prompt,
    Denied,
}

/// One file found: its path below the course folder (`/` between the parts) and the
/// file, or why the browser could not give it.
pub struct FileAt {
    pub path: String,
    pub file: Result<File, FolderError>,
}

fn error(e: JsValue) -> FolderError {
    let name = Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    FolderError::from_dom(&name)
}

async fn wait(promise: Promise) -> Result<JsValue, FolderError> {
    JsFuture::from(promise).await.map_err(error)
}

fn read_write() -> JsValue {
    let descriptor = Object::new();
    let _ = Reflect::set(&descriptor, &"mode".into(), &"readwrite".into());
    descriptor.into()
}

/// Whether this browser can open a folder to read and write (Edge, Chrome).
pub fn supported() -> bool {
    web_sys::window()
        .is_some_and(|w| Reflect::has(&w, &"showDirectoryPicker".into()).unwrap_or(false))
}

/// Lets the user pick a folder, read-write. Must be called from a click.
pub async fn pick() -> Result<Dir, FolderError> {
    if !supported() {
        return Err(FolderError::Unsupported);
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let _ = Reflect::set(&options, &"id".into(), &"leerspoor-cursusmap".into());
    let handle = wait(show_directory_picker(&options).map_err(error)?).await?;
    handle
        .dyn_into::<FileSystemDirectoryHandle>()
        .map(Dir)
        .map_err(|_| FolderError::Failed {
            name: "not a directory".into(),
        })
}

impl Dir {
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Whether reading and writing is allowed now, without asking.
    pub async fn permission(&self) -> Permission {
        let answer = match self
            .0
            .unchecked_ref::<Permissions>()
            .query_permission(&read_write())
        {
            Ok(promise) => wait(promise).await.ok().and_then(|s| s.as_string()),
            // A browser without the call grants what the handle gives.
            Err(_) => Some("granted".into()),
        };
        match answer.as_deref() {
            Some("granted") => Permission::Granted,
            Some("prompt") => Permission::Prompt,
            _ => Permission::Denied,
        }
    }

    /// Asks the user for access again (a later visit). Must be called from a click.
    pub async fn ask(&self) -> Result<(), FolderError> {
        let promise = match self
            .0
            .unchecked_ref::<Permissions>()
            .request_permission(&read_write())
        {
            Ok(promise) => promise,
            Err(_) => return Ok(()),
        };
        match wait(promise).await?.as_string().as_deref() {
            Some("granted") => Ok(()),
            _ => Err(FolderError::NotAllowed),
        }
    }

    async fn subfolder(
        &self,
        parts: &[impl AsRef<str>],
        create: bool,
    ) -> Result<FileSystemDirectoryHandle, FolderError> {
        let mut at = self.0.clone();
        for part in parts {
            let options = FileSystemGetDirectoryOptions::new();
            options.set_create(create);
            at = wait(at.get_directory_handle_with_options(part.as_ref(), &options))
                .await?
                .unchecked_into();
        }
        Ok(at)
    }

    /// Every candidate file (`model::folder::is_candidate`) below `under` (a path of
    /// folders; empty for the whole course folder), up to [`MAX_FILES`]. A folder that
    /// is not there gives no files. Hidden folders (a sync tool's `.stversions`, `.git`)
    /// are not read.
    pub async fn files(&self, under: &[String]) -> Result<Vec<FileAt>, FolderError> {
        let start = match self.subfolder(under, false).await {
            Ok(start) => start,
            Err(FolderError::Gone) if !under.is_empty() => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let prefix: String = under.iter().map(|p| format!("{p}/")).collect();
        let mut out = Vec::new();
        let mut todo = vec![(start, prefix, 0usize)];
        while let Some((folder, prefix, depth)) = todo.pop() {
            let entries = folder.values();
            loop {
                let next = entries.next().map_err(error)?;
                let step = wait(next).await?;
                if Reflect::get(&step, &"done".into())
                    .ok()
                    .and_then(|d| d.as_bool())
                    .unwrap_or(true)
                {
                    break;
                }
                let Ok(handle) = Reflect::get(&step, &"value".into())
                    .map(|v| v.unchecked_into::<FileSystemHandle>())
                else {
                    continue;
                };
                let name = handle.name();
                let path = format!("{prefix}{name}");
                match handle.kind() {
                    FileSystemHandleKind::Directory
                        if depth + 1 < MAX_DEPTH && !name.starts_with('.') =>
                    {
                        todo.push((handle.unchecked_into(), format!("{path}/"), depth + 1));
                    }
                    FileSystemHandleKind::File if is_candidate(&name) => {
                        if out.len() >= MAX_FILES {
                            return Ok(out);
                        }
                        let file: FileSystemFileHandle = handle.unchecked_into();
                        let file = wait(file.get_file()).await.map(|f| f.unchecked_into());
                        out.push(FileAt { path, file });
                    }
                    _ => {}
                }
            }
        }
        out.shared_sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// The names of the files in a participant's place (none when it is not there).
    pub async fn names_in(&self, participant: Id) -> Result<Vec<String>, FolderError> {
        let folder = match self.subfolder(&place_parts(participant), false).await {
            Ok(folder) => folder,
            Err(FolderError::Gone) => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let keys = folder.keys();
        let mut names = Vec::new();
        loop {
            let step = wait(keys.next().map_err(error)?).await?;
            if Reflect::get(&step, &"done".into())
                .ok()
                .and_then(|d| d.as_bool())
                .unwrap_or(true)
            {
                break;
            }
            if let Some(name) = Reflect::get(&step, &"value".into())
                .ok()
                .and_then(|v| v.as_string())
            {
                names.push(name);
            }
        }
        Ok(names)
    }

    /// Writes a new file `name` with `text` into a participant's place, creating the
    /// place when it is missing. `createWritable` writes to a copy the browser puts in
    /// place when it is closed, so nobody reads half a file; should writing fail, the
    /// empty file `getFileHandle` made is removed again.
    pub async fn write(&self, participant: Id, name: &str, text: &str) -> Result<(), FolderError> {
        let folder = self.subfolder(&place_parts(participant), true).await?;
        let options = FileSystemGetFileOptions::new();
        options.set_create(true);
        let file: FileSystemFileHandle = wait(folder.get_file_handle_with_options(name, &options))
            .await?
            .unchecked_into();
        let written = async {
            let stream: FileSystemWritableFileStream =
                wait(file.create_writable()).await?.unchecked_into();
            let wrote = match stream.write_with_str(text) {
                Ok(promise) => wait(promise).await.map(|_| ()),
                Err(e) => Err(error(e)),
            };
            match wrote {
                Ok(()) => wait(stream.close()).await.map(|_| ()),
                Err(e) => {
                    let _ = wait(stream.abort()).await;
                    Err(e)
                }
            }
        }
        .await;
        if written.is_err() {
            let _ = wait(folder.remove_entry(name)).await;
        }
        written
    }

    /// Removes one file, `path` as [`Dir::files`] gave it. Only for a writer's own older
    /// files (`model::folder::deletable`).
    pub async fn remove(&self, path: &str) -> Result<(), FolderError> {
        let mut parts: Vec<&str> = path.split('/').collect();
        let Some(name) = parts.pop() else {
            return Ok(());
        };
        let folder = self.subfolder(&parts, false).await?;
        wait(folder.remove_entry(name)).await.map(|_| ())
    }
}

/// A participant's place, `deelnemers/<id>` (`model::folder::place`), as its parts.
fn place_parts(participant: Id) -> Vec<String> {
    place(participant).split('/').map(str::to_string).collect()
}

// ---- Keeping the chosen folder: IndexedDB, one entry per profile ------------------

/// The key a profile's folder is kept under.
fn key_of(profile: Id) -> String {
    format!("map:{profile}")
}

fn done(request: &IdbRequest) -> Promise {
    let request = request.clone();
    Promise::new(&mut |resolve, reject| {
        let ok = request.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move || {
            let e = failed
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::UNDEFINED);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    })
}

async fn database() -> Result<IdbDatabase, FolderError> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(FolderError::Unsupported)?;
    let request = factory.open_with_u32(DB_NAME, 1).map_err(error)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result() {
            let db: IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(DB_STORE) {
                let _ = db.create_object_store(DB_STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    Ok(wait(done(&request)).await?.unchecked_into())
}

async fn in_store<T>(
    mode: IdbTransactionMode,
    act: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>,
    then: impl FnOnce(JsValue) -> T,
) -> Result<T, FolderError> {
    let db = database().await?;
    let tx = db
        .transaction_with_str_and_mode(DB_STORE, mode)
        .map_err(error)?;
    let store = tx.object_store(DB_STORE).map_err(error)?;
    let request = act(&store).map_err(error)?;
    let value = wait(done(&request)).await;
    db.close();
    value.map(then)
}

/// Keeps `dir` as `profile`'s course folder in this browser.
pub async fn keep(profile: Id, dir: &Dir) -> Result<(), FolderError> {
    let key = JsValue::from_str(&key_of(profile));
    in_store(
        IdbTransactionMode::Readwrite,
        |s| s.put_with_key(&dir.0, &key),
        |_| (),
    )
    .await
}

/// `profile`'s course folder kept in this browser, if any.
pub async fn kept(profile: Id) -> Option<Dir> {
    let key = JsValue::from_str(&key_of(profile));
    in_store(IdbTransactionMode::Readonly, |s| s.get(&key), |v| v)
        .await
        .ok()?
        .dyn_into::<FileSystemDirectoryHandle>()
        .ok()
        .map(Dir)
}

/// Forgets `profile`'s course folder in this browser (the folder itself is untouched).
pub async fn forget(profile: Id) -> Result<(), FolderError> {
    let key = JsValue::from_str(&key_of(profile));
    in_store(IdbTransactionMode::Readwrite, |s| s.delete(&key), |_| ()).await
}
