//! `window.localStorage` behind the [`Backend`] trait.

use wasm_bindgen::JsCast;
use web_sys::DomException;

use super::backend::{Backend, BackendError};

pub struct LocalBackend {
    storage: web_sys::Storage,
}

const PROBE_KEY: &str = "leerspoor/probe";

impl LocalBackend {
    /// Some browsers hand out a storage object that refuses every write (private modes,
    /// policies), so a probe write decides. A full store still counts as available.
    pub fn open() -> Result<LocalBackend, BackendError> {
        let window = web_sys::window().ok_or(BackendError::Unavailable)?;
        let storage = window
            .local_storage()
            .map_err(|_| BackendError::Unavailable)?
            .ok_or(BackendError::Unavailable)?;
        match storage.set_item(PROBE_KEY, "1").map_err(map_error) {
            Ok(()) | Err(BackendError::QuotaExceeded) => {}
            Err(e) => return Err(e),
        }
        let _ = storage.remove_item(PROBE_KEY);
        Ok(LocalBackend { storage })
    }
}

fn map_error(e: wasm_bindgen::JsValue) -> BackendError {
    match e.dyn_ref::<DomException>() {
        // 22 is the legacy code Chromium and Safari give; Firefox names it differently.
        Some(ex)
            if ex.name() == "QuotaExceededError"
                || ex.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || ex.code() == 22 =>
        {
            BackendError::QuotaExceeded
        }
        Some(ex) if ex.name() == "SecurityError" => BackendError::Unavailable,
        Some(ex) => BackendError::Other(format!("{}: {}", ex.name(), ex.message())),
        None => BackendError::Other(format!("{e:?}")),
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        self.storage.get_item(key).map_err(map_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        self.storage.set_item(key, value).map_err(map_error)
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.storage.remove_item(key).map_err(map_error)
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        let n = self.storage.length().map_err(map_error)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.storage.key(i).map_err(map_error)? {
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
    let storage = web_sys::window()?.local_storage().ok()??;
    let mut all = serde_json::Map::new();
    for i in 0..storage.length().ok()? {
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
