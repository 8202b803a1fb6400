//! Bundles: the one JSON file that carries a participant's data to their begeleider and
//! feedback back. Format: `docs/bundle-format.md`. Reading goes through [`read`], which
//! hands the contents to the same `restore` door as stored data.

mod admission;
mod crypto;
mod digest;
mod export;
mod merge;
mod rating;
mod read;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Id, Lang, Role};

pub use admission::{admit, already_here, Admission, Arrival, Here, Refusal};
pub use crypto::CryptoError;
pub use digest::{digest, digest_of_text};
pub use export::{build, file_name, selected, unreadable, Selection};
pub(crate) use merge::copy_id;
pub use merge::{apply, plan, Conflict, ConflictTitle, MergePlan, MergeReport, Record, Resolution};
pub use rating::{
    answer_bundle, answer_fit, answer_of, keep_answer, kept_request, request_bundle,
    request_file_name, restore_kept_answer, KeptAnswerError, OpenRequest,
};
pub use read::{
    open_plaintext, read, text_of, BinaryKind, BundleError, EncodingProblem, Incoming, Opened,
    MAX_BUNDLE_BYTES,
};

pub const BUNDLE_FORMAT: &str = "leerspoor-bundel";
/// The version of the envelope; the contents carry the document schema. Version 2's
/// digest covers the envelope's fields too; version 1 (contents only) is still read.
pub const BUNDLE_SCHEMA: u32 = 2;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BundleKind {
    /// A participant's own data.
    Participant,
    /// A begeleider's comments and ratings, returned to the participant.
    Feedback,
    /// A participant's request for a rating by someone else (beoordelingsverzoek): the
    /// framework and the rater, for the rater to fill in without a profile.
    RatingRequest,
    /// A rater's answer to a rating request (beoordeling): one finished scan.
    RatingAnswer,
}

impl BundleKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            BundleKind::Participant => {
                lang.pick("gegevens van de deelnemer", "the participant's data")
            }
            BundleKind::Feedback => lang.pick(
                "terugkoppeling van de begeleider",
                "feedback from the coach",
            ),
            BundleKind::RatingRequest => lang.pick("beoordelingsverzoek", "rating request"),
            BundleKind::RatingAnswer => {
                lang.pick("beoordeling op een verzoek", "rating on a request")
            }
        }
    }
}

/// What is in a document, counted for previews ("3 scans, 12 casussen, …").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub scans: usize,
    pub goals: usize,
    pub cases: usize,
    pub entries: usize,
    pub actors: usize,
    pub ties: usize,
}

impl Counts {
    pub fn of(doc: &crate::model::Document) -> Counts {
        Counts {
            scans: doc.selfscan.scans.len(),
            goals: doc.selfscan.goals.len(),
            cases: doc.journal.cases.len(),
            entries: doc.journal.entries.len(),
            actors: doc.network.actors.len(),
            ties: doc.network.ties.len(),
        }
    }

    /// One line, e.g. "2 scans, 1 ontwikkeldoel, 3 casussen met 9 notities, …".
    pub fn summary(&self, lang: Lang) -> String {
        let n = |count, one, many| lang.count(count, one, many);
        match lang {
            Lang::Nl => format!(
                "{}, {}, {} met {}, netwerkkaart met {} en {}",
                n(self.scans, "scan", "scans"),
                n(self.goals, "ontwikkeldoel", "ontwikkeldoelen"),
                n(self.cases, "casus", "casussen"),
                n(self.entries, "notitie", "notities"),
                n(self.actors, "actor", "actoren"),
                n(self.ties, "relatie", "relaties"),
            ),
            Lang::En => format!(
                "{}, {}, {} with {}, network map with {} and {}",
                n(self.scans, "scan", "scans"),
                n(self.goals, "development goal", "development goals"),
                n(self.cases, "case", "cases"),
                n(self.entries, "entry", "entries"),
                n(self.actors, "actor", "actors"),
                n(self.ties, "relationship", "relationships"),
            ),
        }
    }
}

/// How an incoming bundle relates to the profile it is imported into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The participant's own data, e.g. from their other laptop.
    Own,
    /// A begeleider's feedback on this participant's data.
    FeedbackForMe,
    /// Someone else's data.
    Foreign,
    /// A rating request this profile made, or an answer to one.
    Rating,
}

pub fn relation(incoming: &Incoming, me: Id) -> Relation {
    match incoming.bundle.kind {
        _ if incoming.document.profile.id != me => Relation::Foreign,
        BundleKind::Participant => Relation::Own,
        BundleKind::Feedback => Relation::FeedbackForMe,
        BundleKind::RatingRequest | BundleKind::RatingAnswer => Relation::Rating,
    }
}

/// Who exported the bundle.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Sender {
    pub profile: Id,
    pub name: String,
    pub role: Role,
}

/// The envelope. Exactly one of `contents` and `encrypted` is present. The contents are a
/// JSON value; reading a bundle the quick way leaves them as text (`C` = `&RawValue`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(bound(deserialize = "C: Deserialize<'de>"))]
pub struct Bundle<C = Value> {
    pub format: String,
    pub schema: u32,
    pub app: String,
    pub exported: DateTime<Utc>,
    pub kind: BundleKind,
    pub from: Sender,
    /// `sha256:<hex>` of the canonical contents (before encryption); from version 2, of
    /// the envelope's other fields with them ([`Bundle::signed_fields`]).
    pub digest: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contents: Option<C>,
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
/// More than this would keep a tab busy for minutes: a hostile file could freeze it.
pub const MAX_ITERATIONS: u32 = 5_000_000;

impl<C> Bundle<C> {
    /// The envelope alone, once its contents have been read and checked.
    pub fn envelope(self) -> Bundle {
        Bundle {
            format: self.format,
            schema: self.schema,
            app: self.app,
            exported: self.exported,
            kind: self.kind,
            from: self.from,
            digest: self.digest,
            contents: None,
            encrypted: None,
        }
    }
}

impl<C> Bundle<C> {
    /// What bundle version 2's digest covers besides the contents: every field of the
    /// envelope but `digest`, `contents` and `encrypted`, as this build writes them.
    pub fn signed_fields(&self) -> serde_json::Map<String, Value> {
        #[derive(Serialize)]
        struct Signed<'a> {
            format: &'a str,
            schema: u32,
            app: &'a str,
            exported: &'a DateTime<Utc>,
            kind: BundleKind,
            from: &'a Sender,
        }
        let signed = Signed {
            format: &self.format,
            schema: self.schema,
            app: &self.app,
            exported: &self.exported,
            kind: self.kind,
            from: &self.from,
        };
        match crate::model::restore::encode_tree(&signed) {
            Some(Value::Object(fields)) => fields,
            _ => serde_json::Map::new(),
        }
    }
}

impl Bundle {
    /// The text that gets encrypted: the contents as compact JSON.
    pub fn contents_text(&self) -> Option<String> {
        self.contents.as_ref().map(Value::to_string)
    }

    /// Replaces the readable contents by their encryption; the digest stays, so the
    /// contents are still checked once decrypted.
    pub fn sealed(mut self, encrypted: Encrypted) -> Bundle {
        self.contents = None;
        self.encrypted = Some(encrypted);
        self
    }
}

pub const MIN_PASSPHRASE_CHARS: usize = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseError {
    TooShort,
    Different,
}

impl PassphraseError {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            PassphraseError::TooShort => lang.pick(
                "Kies een wachtwoord van minstens 10 tekens, bijvoorbeeld een korte zin.",
                "Choose a passphrase of at least 10 characters, for example a short sentence.",
            ),
            PassphraseError::Different => lang.pick(
                "De twee wachtwoorden zijn niet gelijk.",
                "The two passphrases are not the same.",
            ),
        }
    }
}

/// A passphrase protects a file that may travel by e-mail or USB stick, so it must not
/// be guessable in an afternoon; typed twice, because a typo would lock the data away.
pub fn check_passphrase(passphrase: &str, repeated: &str) -> Result<(), PassphraseError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(PassphraseError::TooShort);
    }
    if passphrase != repeated {
        return Err(PassphraseError::Different);
    }
    Ok(())
}

impl Encrypted {
    /// Whether this build can and may open it: the one cipher and key derivation it
    /// writes, with a work factor between the floor and what a laptop does in seconds.
    pub fn is_supported(&self) -> bool {
        self.cipher == CIPHER
            && self.kdf == KDF
            && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties;
#[cfg(test)]
mod tests;
