//! Reading a bundle: every check before anything is shown, let alone merged.

use serde_json::value::RawValue;
use serde_json::Value;

use super::{digest, digest_of_text, Bundle, BUNDLE_FORMAT, BUNDLE_SCHEMA};
use crate::model::restore::{
    decode_tree, parse_json, restore_document, restore_document_value, RestoreError, APP_VERSION,
};
use crate::model::{Document, Lang, FRAMEWORK_FORMAT};

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
    /// A file of a known binary kind.
    Binary {
        kind: BinaryKind,
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
    /// Encrypted in a way (or with a work factor) this build does not open.
    UnsupportedEncryption {
        cipher: String,
        kdf: String,
        iterations: u32,
    },
    /// Neither readable nor encrypted contents.
    NoContents,
    DigestMismatch,
    WrongPassphrase,
    /// The contents did not pass the restore door (invalid data, newer schema, …).
    Contents(RestoreError),
    /// The envelope and the contents disagree about whose data this is.
    Inconsistent,
}

/// Files people pick by mistake, recognised by their first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    /// Word, Excel and ZIP files all start as a ZIP archive.
    Zip,
    OldOffice,
}

impl BinaryKind {
    /// With its article, to follow "Dit is" / "This is".
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            BinaryKind::Pdf => lang.pick("een PDF-bestand", "a PDF file"),
            BinaryKind::Png => lang.pick("een PNG-afbeelding", "a PNG image"),
            BinaryKind::Jpeg => lang.pick("een JPEG-afbeelding", "a JPEG image"),
            BinaryKind::Gif => lang.pick("een GIF-afbeelding", "a GIF image"),
            BinaryKind::Zip => lang.pick(
                "een Word-, Excel- of ZIP-bestand",
                "a Word, Excel or ZIP file",
            ),
            BinaryKind::OldOffice => lang.pick(
                "een oud Word- of Excel-bestand",
                "an old Word or Excel file",
            ),
        }
    }
}

impl BundleError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => self.message_in_dutch(),
            Lang::En => self.message_in_english(),
        }
    }

    fn message_in_dutch(&self) -> String {
        match self {
            BundleError::Empty => "Het bestand is leeg.".into(),
            BundleError::TooLarge { bytes, max } => format!(
                "Het bestand is te groot ({} MB). Een Leerspoor-bundel is hoogstens {} MB.",
                bytes.div_ceil(1024 * 1024),
                max / (1024 * 1024)
            ),
            BundleError::Binary { kind } => {
                format!("Dit is {}, geen Leerspoor-bundel. Kies het .json-bestand dat Leerspoor heeft geëxporteerd.", kind.name(Lang::Nl))
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
            BundleError::UnsupportedEncryption { cipher, kdf, iterations } => format!(
                "De bundel heeft niet de verwachte vorm: versleuteling {cipher} met {kdf} en {iterations} herhalingen wordt niet ondersteund"
            ),
            BundleError::NoContents => {
                "De bundel heeft niet de verwachte vorm: de inhoud ontbreekt".into()
            }
            BundleError::DigestMismatch => {
                "De bundel is na het exporteren veranderd of beschadigd: de controlesom klopt niet. Er is niets ingelezen; vraag om een nieuwe export.".into()
            }
            BundleError::WrongPassphrase => {
                "Het wachtwoord klopt niet (of de versleutelde inhoud is beschadigd). Er is niets ingelezen.".into()
            }
            BundleError::Contents(e) => format!("De inhoud van de bundel is niet bruikbaar. {}", e.message(Lang::Nl)),
            BundleError::Inconsistent => {
                "De afzender van de bundel en de gegevens erin horen niet bij elkaar. Er is niets ingelezen.".into()
            }
        }
    }

    fn message_in_english(&self) -> String {
        match self {
            BundleError::Empty => "The file is empty.".into(),
            BundleError::TooLarge { bytes, max } => format!(
                "The file is too large ({} MB). A Leerspoor bundle is at most {} MB.",
                bytes.div_ceil(1024 * 1024),
                max / (1024 * 1024)
            ),
            BundleError::Binary { kind } => {
                format!("This is {}, not a Leerspoor bundle. Choose the .json file that Leerspoor exported.", kind.name(Lang::En))
            }
            BundleError::NotText => {
                "This file is not text, so it is not a Leerspoor bundle.".into()
            }
            BundleError::NotJson { line, column } => format!(
                "This file is damaged or incomplete: it is not valid JSON (line {line}, column {column}). Ask for a new export."
            ),
            BundleError::TooDeep => {
                "This file is nested too deeply to read safely; it is not a Leerspoor bundle.".into()
            }
            BundleError::FrameworkFile => {
                "This is a competency framework, not a bundle. Import it under Self-scan › Framework.".into()
            }
            BundleError::NotABundle => {
                "This is JSON, but not a Leerspoor bundle.".into()
            }
            BundleError::NewerFormat { found, app } => format!(
                "This bundle was made with Leerspoor {app} (bundle version {found}). This version ({APP_VERSION}) reads up to bundle version {BUNDLE_SCHEMA}: update Leerspoor to version {app} or newer."
            ),
            BundleError::Shape { detail } => {
                format!("The bundle does not have the expected shape: {detail}")
            }
            BundleError::UnsupportedEncryption { cipher, kdf, iterations } => format!(
                "The bundle does not have the expected shape: encryption {cipher} with {kdf} and {iterations} iterations is not supported"
            ),
            BundleError::NoContents => {
                "The bundle does not have the expected shape: the contents are missing".into()
            }
            BundleError::DigestMismatch => {
                "The bundle was changed or damaged after it was exported: the checksum does not match. Nothing was imported; ask for a new export.".into()
            }
            BundleError::WrongPassphrase => {
                "The passphrase is not right (or the encrypted contents are damaged). Nothing was imported.".into()
            }
            BundleError::Contents(e) => format!("The contents of the bundle cannot be used. {}", e.message(Lang::En)),
            BundleError::Inconsistent => {
                "The sender of the bundle and the data in it do not belong together. Nothing was imported.".into()
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

fn sniff(bytes: &[u8]) -> Option<BinaryKind> {
    const KINDS: [(&[u8], BinaryKind); 6] = [
        (b"%PDF", BinaryKind::Pdf),
        (b"\x89PNG", BinaryKind::Png),
        (b"\xFF\xD8\xFF", BinaryKind::Jpeg),
        (b"GIF8", BinaryKind::Gif),
        (b"PK\x03\x04", BinaryKind::Zip),
        (b"\xD0\xCF\x11\xE0", BinaryKind::OldOffice),
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
    match read_quickly(text) {
        Some(opened) => opened.map(|i| Opened::Ready(Box::new(i))),
        None => read_fully(text),
    }
}

/// Every check in order, on the JSON tree: the answer for any file, precise in its error.
pub(super) fn read_fully(text: &str) -> Result<Opened, BundleError> {
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
    // The contents come out before the envelope is decoded: decoding them into the
    // envelope's `Value` field would rebuild the whole tree, which for a 5 MB bundle
    // costs as much as parsing it.
    let mut value = value;
    let contents = value.as_object_mut().and_then(|map| map.remove("contents"));
    let bundle: Bundle = decode_tree(&value).map_err(|detail| BundleError::Shape { detail })?;
    if let Some(encrypted) = &bundle.encrypted {
        if !encrypted.is_supported() {
            return Err(BundleError::UnsupportedEncryption {
                cipher: encrypted.cipher.clone(),
                kdf: encrypted.kdf.clone(),
                iterations: encrypted.iterations,
            });
        }
        return Ok(Opened::Locked(Box::new(bundle)));
    }
    let Some(contents) = contents else {
        return Err(BundleError::NoContents);
    };
    open_contents(bundle, contents).map(|i| Opened::Ready(Box::new(i)))
}

/// For an encrypted bundle, once WebCrypto has turned the ciphertext back into text.
pub fn open_plaintext(bundle: Bundle, plaintext: &str) -> Result<Incoming, BundleError> {
    let contents =
        parse_json(plaintext, MAX_BUNDLE_BYTES).map_err(|_| BundleError::WrongPassphrase)?;
    open_contents(bundle, contents)
}

/// A plain bundle as Leerspoor writes it, read without building the JSON tree: the
/// envelope is decoded with the contents left as text, the digest is taken over that
/// text ([`digest_of_text`]) and the document is decoded from it by the restore door.
/// For a 5 MB bundle this is several times faster than the full way. `None` when the
/// quick way cannot vouch for the file (another envelope, encrypted, rewritten by
/// another program, damaged): then the full way runs and gives the precise answer.
pub(super) fn read_quickly(text: &str) -> Option<Result<Incoming, BundleError>> {
    let bundle: Bundle<&RawValue> = serde_json::from_str(text).ok()?;
    if bundle.format != BUNDLE_FORMAT || bundle.schema > BUNDLE_SCHEMA || bundle.encrypted.is_some()
    {
        return None;
    }
    let contents = bundle.contents?.get();
    if digest_of_text(contents) != bundle.digest {
        return None;
    }
    Some(accept(bundle, restore_document(contents)))
}

fn open_contents(bundle: Bundle, contents: Value) -> Result<Incoming, BundleError> {
    if digest(&contents) != bundle.digest {
        return Err(BundleError::DigestMismatch);
    }
    accept(bundle, restore_document_value(contents))
}

/// The last checks, the same on the quick and the full way.
fn accept<C>(
    bundle: Bundle<C>,
    document: Result<Document, RestoreError>,
) -> Result<Incoming, BundleError> {
    let document = document.map_err(BundleError::Contents)?;
    // A participant's bundle holds their own data; a feedback bundle holds the
    // participant's, sent by the begeleider.
    if bundle.kind == super::BundleKind::Participant && document.profile.id != bundle.from.profile {
        return Err(BundleError::Inconsistent);
    }
    // The document is what matters from here on; keep the envelope light.
    Ok(Incoming {
        bundle: bundle.envelope(),
        document,
    })
}
