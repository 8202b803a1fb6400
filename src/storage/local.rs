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
