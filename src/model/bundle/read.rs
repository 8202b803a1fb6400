//! Reading a bundle: every check before anything is shown, let alone merged.

use serde_json::Value;

use super::{digest, Bundle, BUNDLE_FORMAT, BUNDLE_SCHEMA};
use crate::model::restore::{parse_json, restore_document_value, RestoreError, APP_VERSION};
use crate::model::{Document, FRAMEWORK_FORMAT};

/// Larger files are refused before they are read into a string (the UI checks the file
/// size first), so a wrong file cannot freeze the tab.
pub const MAX_BUNDLE_BYTES: usize = 20 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    Empty,
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// A file of a known binary kind, named in Dutch ("een PDF-bestand").
    Binary {
        kind: &'static str,
    },
    NotText,
    NotJson {
        line: usize,
        column: usize,
    },
    TooDeep,
    FrameworkFile,
    NotABundle,
    NewerFormat {
        found: u32,
        app: String,
    },
    Shape {
        detail: String,
    },
    DigestMismatch,
    WrongPassphrase,
    /// The contents did not pass the restore door (invalid data, newer schema, …).
    Contents(RestoreError),
    /// The envelope and the contents disagree about whose data this is.
    Inconsistent,
}

impl BundleError {
    pub fn message_nl(&self) -> String {
        match self {
            BundleError::Empty => "Het bestand is leeg.".into(),
            BundleError::TooLarge { bytes, max } => format!(
                "Het bestand is te groot ({} MB). Een Leerspoor-bundel is hoogstens {} MB.",
                bytes.div_ceil(1024 * 1024),
                max / (1024 * 1024)
            ),
            BundleError::Binary { kind } => {
                format!("Dit is {kind}, geen Leerspoor-bundel. Kies het .json-bestand dat Leerspoor heeft geëxporteerd.")
            }
            BundleError::NotText => {
                "Dit bestand is geen tekst en dus geen Leerspoor-bundel.".into()
            }
            BundleError::NotJson { line, column } => format!(
                "Dit bestand is beschadigd of onvolledig: het is geen geldige JSON (regel {line}, kolom {column}). Vraag om een nieuwe export."
            ),
            BundleError::TooDeep => {
                "Dit bestand is te diep genest om veilig te lezen; het is geen Leerspoor-bundel.".into()
            }
            BundleError::FrameworkFile => {
                "Dit is een competentiekader, geen bundel. Importeer het bij Zelfscan › Kader.".into()
            }
            BundleError::NotABundle => {
                "Dit is JSON, maar geen Leerspoor-bundel.".into()
            }
            BundleError::NewerFormat { found, app } => format!(
                "Deze bundel is gemaakt met Leerspoor {app} (bundelversie {found}). Deze versie ({APP_VERSION}) leest tot en met bundelversie {BUNDLE_SCHEMA}: werk Leerspoor bij naar versie {app} of nieuwer."
            ),
            BundleError::Shape { detail } => {
                format!("De bundel heeft niet de verwachte vorm: {detail}")
            }
            BundleError::DigestMismatch => {
                "De bundel is na het exporteren veranderd of beschadigd: de controlesom klopt niet. Er is niets ingelezen; vraag om een nieuwe export.".into()
            }
            BundleError::WrongPassphrase => {
                "Het wachtwoord klopt niet (of de versleutelde inhoud is beschadigd). Er is niets ingelezen.".into()
            }
            BundleError::Contents(e) => format!("De inhoud van de bundel is niet bruikbaar. {}", e.message_nl()),
            BundleError::Inconsistent => {
                "De afzender van de bundel en de gegevens erin horen niet bij elkaar. Er is niets ingelezen.".into()
            }
        }
    }
}

/// A bundle that passed every check.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    pub bundle: Bundle,
    pub document: Document,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    Ready(Box<Incoming>),
    /// Encrypted: decrypt `encrypted` with the passphrase, then call [`open_plaintext`].
    Locked(Box<Bundle>),
}

fn sniff(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 6] = [
        (b"%PDF", "een PDF-bestand"),
        (b"\x89PNG", "een PNG-afbeelding"),
        (b"\xFF\xD8\xFF", "een JPEG-afbeelding"),
        (b"GIF8", "een GIF-afbeelding"),
        (b"PK\x03\x04", "een Word-, Excel- of ZIP-bestand"),
        (b"\xD0\xCF\x11\xE0", "een oud Word- of Excel-bestand"),
    ];
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Bytes of a file in, a checked bundle (or a locked one) out.
pub fn read(bytes: &[u8]) -> Result<Opened, BundleError> {
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(BundleError::TooLarge {
            bytes: bytes.len(),
            max: MAX_BUNDLE_BYTES,
        });
    }
    if let Some(kind) = sniff(bytes) {
        return Err(BundleError::Binary { kind });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| BundleError::NotText)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value = parse_json(text, MAX_BUNDLE_BYTES).map_err(|e| match e {
        RestoreError::Empty => BundleError::Empty,
        RestoreError::TooDeep => BundleError::TooDeep,
        RestoreError::NotJson { line, column } => BundleError::NotJson { line, column },
        other => BundleError::Contents(other),
    })?;
    let Value::Object(map) = &value else {
        return Err(BundleError::NotABundle);
    };
    match map.get("format").and_then(Value::as_str) {
        Some(BUNDLE_FORMAT) => {}
        Some(FRAMEWORK_FORMAT) => return Err(BundleError::FrameworkFile),
        _ => return Err(BundleError::NotABundle),
    }
    let schema = map.get("schema").and_then(Value::as_u64).unwrap_or(0);
    if schema > u64::from(BUNDLE_SCHEMA) {
        return Err(BundleError::NewerFormat {
            found: u32::try_from(schema).unwrap_or(u32::MAX),
            app: map
                .get("app")
                .and_then(Value::as_str)
                .unwrap_or("?")
                .to_string(),
        });
    }
    let bundle: Bundle = serde_json::from_value(value).map_err(|e| BundleError::Shape {
        detail: e.to_string(),
    })?;
    if let Some(encrypted) = &bundle.encrypted {
        if !encrypted.is_supported() {
            return Err(BundleError::Shape {
                detail: format!(
                    "versleuteling {} met {} en {} herhalingen wordt niet ondersteund",
                    encrypted.cipher, encrypted.kdf, encrypted.iterations
                ),
            });
        }
        return Ok(Opened::Locked(Box::new(bundle)));
    }
    let Some(contents) = bundle.contents.clone() else {
        return Err(BundleError::Shape {
            detail: "de inhoud ontbreekt".into(),
        });
    };
    open_contents(bundle, contents).map(|i| Opened::Ready(Box::new(i)))
}

/// For an encrypted bundle, once WebCrypto has turned the ciphertext back into text.
pub fn open_plaintext(bundle: Bundle, plaintext: &str) -> Result<Incoming, BundleError> {
    let contents =
        parse_json(plaintext, MAX_BUNDLE_BYTES).map_err(|_| BundleError::WrongPassphrase)?;
    open_contents(bundle, contents)
}

fn open_contents(mut bundle: Bundle, contents: Value) -> Result<Incoming, BundleError> {
    if digest(&contents) != bundle.digest {
        return Err(BundleError::DigestMismatch);
    }
    let document = restore_document_value(contents).map_err(BundleError::Contents)?;
    // A participant's bundle holds their own data; a feedback bundle holds the
    // participant's, sent by the begeleider.
    if bundle.kind == super::BundleKind::Participant && document.profile.id != bundle.from.profile {
        return Err(BundleError::Inconsistent);
    }
    // The document is what matters from here on; keep the envelope light.
    bundle.contents = None;
    bundle.encrypted = None;
    Ok(Incoming { bundle, document })
}
