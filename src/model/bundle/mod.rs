//! Bundles: the one JSON file that carries a participant's data to their begeleider and
//! feedback back. Format: `docs/bundle-format.md`. Reading goes through [`read`], which
//! hands the contents to the same `restore` door as stored data.

mod digest;
mod export;
mod merge;
mod read;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Id, Role};

pub use digest::digest;
pub use export::{build, file_name, Selection};
pub use merge::{apply, plan, Conflict, MergePlan, MergeReport, Resolution};
pub use read::{open_plaintext, read, BundleError, Incoming, Opened, MAX_BUNDLE_BYTES};

pub const BUNDLE_FORMAT: &str = "leerspoor-bundel";
/// The version of the envelope; the contents carry the document schema.
pub const BUNDLE_SCHEMA: u32 = 1;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    /// A participant's own data.
    Participant,
    /// A begeleider's comments and ratings, returned to the participant.
    Feedback,
}

/// Who exported the bundle.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Sender {
    pub profile: Id,
    pub name: String,
    pub role: Role,
}

/// The envelope. Exactly one of `contents` and `encrypted` is present.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Bundle {
    pub format: String,
    pub schema: u32,
    pub app: String,
    pub exported: DateTime<Utc>,
    pub kind: BundleKind,
    pub from: Sender,
    /// `sha256:<hex>` of the canonical contents (before encryption).
    pub digest: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contents: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<Encrypted>,
}

/// Contents encrypted in the browser with WebCrypto: AES-256-GCM under a key derived from
/// the passphrase by PBKDF2-SHA256. Byte strings are base64.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Encrypted {
    pub cipher: String,
    pub kdf: String,
    pub iterations: u32,
    pub salt: String,
    pub nonce: String,
    pub ciphertext: String,
}

pub const CIPHER: &str = "AES-256-GCM";
pub const KDF: &str = "PBKDF2-SHA256";
pub const MIN_ITERATIONS: u32 = 600_000;

#[cfg(test)]
mod tests;
