//! `window.localStorage`, reached through gloo-storage, behind the [`Backend`] trait.
//!
//! gloo-storage's [`LocalStorage`] panics when the browser will not hand out storage at
//! all (a policy, a sandboxed iframe, some private modes): `LocalStorage::raw()` unwraps
//! `window.localStorage`. [`available`] checks exactly that, once, before anything here
//! calls gloo; without it the app runs on the memory backend, as it always has.
//!
//! What gloo-storage cannot do, and is therefore done on its `raw()` handle: its `get` and
//! `set` read and write JSON through serde, while Leerspoor stores text as it is, some of it
//! not JSON (packed documents start with `z1:`) and some of it unreadable on purpose (a
//! damaged copy must be read back as it is, to be kept aside). Its `get_all` parses every
//! value too, and stops at the first that is not JSON, so listing the keys and the crash
//! screen's raw copy read `key(i)` on the handle. And its error conversion panics
//! (`unreachable!`) when a write throws something that is not an `Error`, so writes go
//! through the handle too, and [`thrown`] turns what they throw into gloo's
//! [`StorageError`] without that assumption. Its `delete` and `length` are used as they
//! are (`removeItem` and `length` never throw).

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use super::backend::{Backend, BackendError};

pub struct LocalBackend;

const PROBE_KEY: &str = "leerspoor/probe";

/// Whether `window.localStorage` can be reached without throwing: the one thing
/// `LocalStorage::raw()` assumes and panics on.
fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

impl LocalBackend {
    /// Some browsers hand out a storage object that refuses every write (private modes,
    /// policies), so a probe write decides. A full store still counts as available.
    pub fn open() -> Result<LocalBackend, BackendError> {
        if !available() {
            return Err(BackendError::Unavailable);
        }
        match LocalStorage::raw().set_item(PROBE_KEY, "1").map_err(thrown) {
            Ok(()) | Err(BackendError::QuotaExceeded) => {}
            Err(e) => return Err(e),
        }
        LocalStorage::delete(PROBE_KEY);
        Ok(LocalBackend)
    }
}

/// A call on the raw handle that threw, worded as gloo-storage words its own failures.
fn thrown(e: wasm_bindgen::JsValue) -> BackendError {
    match e.dyn_into::<js_sys::Error>() {
        Ok(error) => map_error(StorageError::JsError(error.into())),
        Err(value) => BackendError::Refused {
            name: "?".into(),
            detail: format!("{value:?}"),
        },
    }
}

fn map_error(e: StorageError) -> BackendError {
    match e {
        // Chromium and Safari name it QuotaExceededError; older Firefox its own name.
        StorageError::JsError(ex)
            if ex.name == "QuotaExceededError" || ex.name == "NS_ERROR_DOM_QUOTA_REACHED" =>
        {
            BackendError::QuotaExceeded
        }
        StorageError::JsError(ex) if ex.name == "SecurityError" => BackendError::Unavailable,
        StorageError::JsError(ex) => BackendError::Refused {
            name: ex.name,
            detail: ex.message,
        },
        // gloo's own JSON or a missing key: its typed get and set are not used here.
        other => BackendError::Unencodable {
            detail: other.to_string(),
        },
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        LocalStorage::raw().get_item(key).map_err(thrown)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        LocalStorage::raw().set_item(key, value).map_err(thrown)
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        LocalStorage::delete(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let storage = LocalStorage::raw();
        let n = LocalStorage::length();
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = storage.key(i).map_err(thrown)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}

/// Every Leerspoor key in `localStorage` with its stored text, unparsed, as one JSON
/// object. Only for the crash screen: after a panic the app's state can no longer be
/// trusted, so this reads storage directly and copies it as it is, unreadable data
/// included. `None` when storage cannot be reached at all.
pub fn raw_dump() -> Option<String> {
    if !available() {
        return None;
    }
    let storage = LocalStorage::raw();
    let mut all = serde_json::Map::new();
    for i in 0..LocalStorage::length() {
        let Some(key) = storage.key(i).ok().flatten() else {
            continue;
        };
        if !key.starts_with("leerspoor") {
            continue;
        }
        if let Some(value) = storage.get_item(&key).ok().flatten() {
            all.insert(key, serde_json::Value::String(value));
        }
    }
    serde_json::to_string_pretty(&serde_json::json!({
        "leerspoor_noodkopie": 1,
        "uitleg": "Alle gegevens van Leerspoor in deze browser, precies zoals ze waren opgeslagen.",
        "sleutels": all,
    }))
    .ok()
}
