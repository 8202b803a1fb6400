use std::cell::RefCell;
use std::collections::BTreeMap;

/// What can go wrong with a key-value store, in the terms the user is told about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendError {
    /// Disabled by policy, private mode, or blocked by the browser.
    Unavailable,
    /// `QuotaExceededError`: the write was refused and the old value is still there.
    QuotaExceeded,
    /// Any other refusal by the browser: the exception's name (`InvalidStateError`, …),
    /// which the message names, and the browser's own text, kept for developers only.
    Refused { name: String, detail: String },
    /// What was to be stored could not be written as JSON. Leerspoor's own types always
    /// can, so only a bug gets here; serde's text is kept for developers, never shown.
    Unencodable { detail: String },
}

impl BackendError {
    /// A serde failure while writing what is to be stored.
    pub fn unencodable(e: serde_json::Error) -> BackendError {
        BackendError::Unencodable {
            detail: e.to_string(),
        }
    }
}

/// A synchronous string store: what `localStorage` offers.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError>;
    fn set(&self, key: &str, value: &str) -> Result<(), BackendError>;
    fn remove(&self, key: &str) -> Result<(), BackendError>;
    fn keys(&self) -> Result<Vec<String>, BackendError>;
}

/// For native tests, and for the session when the browser's storage is unavailable.
/// `quota` counts the UTF-16 units of keys and values, as browsers do.
#[derive(Default)]
pub struct MemoryBackend {
    items: RefCell<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryBackend {
    pub fn with_quota(quota: usize) -> MemoryBackend {
        MemoryBackend {
            items: RefCell::default(),
            quota: Some(quota),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.items
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| utf16_len(k) + utf16_len(v))
            .sum()
    }
}

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, BackendError> {
        Ok(self.items.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), BackendError> {
        if let Some(quota) = self.quota {
            if self.used_without(key) + utf16_len(key) + utf16_len(value) > quota {
                return Err(BackendError::QuotaExceeded);
            }
        }
        self.items
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), BackendError> {
        self.items.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, BackendError> {
        Ok(self.items.borrow().keys().cloned().collect())
    }
}
