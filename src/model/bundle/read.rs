//! Reading a bundle: every check before anything is shown, let alone merged.

use std::borrow::Cow;
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::digest::{envelope_digest, Contents};
use super::{digest, digest_of_text, Bundle, Encrypted, BUNDLE_FORMAT, BUNDLE_SCHEMA};
use crate::model::restore::{
    decode_tree, excerpt, parse_json, restore_document, restore_document_value, RestoreError,
    ShapeError, APP_VERSION,
};
use crate::model::validation::limits;
use crate::model::{Document, Lang, FRAMEWORK_FORMAT};

/// Larger files are refused before they are read into a string (the UI checks the file
/// size first), so a wrong file cannot freeze the tab.
pub const MAX_BUNDLE_BYTES: usize = 20 * 1024 * 1024;

/// The envelope's texts that a view shows, and how long they may be.
const MAX_APP_CHARS: usize = 40;

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
    /// A key twice in one object, anywhere in the file: which value is meant cannot be
    /// told, and a reader that kept the last could be shown another kind or sender.
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
    FrameworkFile,
    NotABundle,
    NewerFormat {
        found: u32,
        app: String,
    },
    /// The envelope is not of the expected shape: where, and why.
    Shape(ShapeError),
    /// A text of the envelope longer than Leerspoor shows (`field` as in the file).
    EnvelopeTooLong {
        field: &'static str,
        chars: usize,
        max: usize,
    },
    /// Encrypted in a way (or with a work factor) this build does not open.
    UnsupportedEncryption {
        cipher: String,
        kdf: String,
        iterations: u32,
    },
    /// Both readable and encrypted contents: which is meant cannot be told.
    BothContents,
    /// A byte string of `encrypted` that is not base64, or not of the length the cipher
    /// needs; refused before a passphrase is asked for.
    BadEncryptedField {
        field: &'static str,
        problem: EncodingProblem,
    },
    /// Neither readable nor encrypted contents.
    NoContents,
    /// A rating request or answer that does not hold what its kind must
    /// (`bundle::rating`): one request, and for an answer one finished scan on it.
    RatingIncomplete {
        kind: super::BundleKind,
    },
    DigestMismatch,
    WrongPassphrase,
    /// The contents did not pass the restore door (invalid data, newer schema, …).
    Contents(RestoreError),
    /// The envelope and the contents disagree about whose data this is.
    Inconsistent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingProblem {
    NotBase64,
    /// Decoded to `bytes`, where the cipher needs `needed` (at least, for the ciphertext).
    Length {
        bytes: usize,
        needed: usize,
    },
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
        match self {
            BundleError::Empty => lang.pick("Het bestand is leeg.", "The file is empty.").into(),
            BundleError::TooLarge { bytes, max } => {
                let (mb, max) = (bytes.div_ceil(1024 * 1024), max / (1024 * 1024));
                lang.pick(
                    format!("Het bestand is te groot ({mb} MB). Een Leerspoor-bundel is hoogstens {max} MB."),
                    format!("The file is too large ({mb} MB). A Leerspoor bundle is at most {max} MB."),
                )
            }
            BundleError::Binary { kind } => lang.pick(
                format!("Dit is {}, geen Leerspoor-bundel. Kies het .json-bestand dat Leerspoor heeft geëxporteerd.", kind.name(lang)),
                format!("This is {}, not a Leerspoor bundle. Choose the .json file that Leerspoor exported.", kind.name(lang)),
            ),
            BundleError::NotText => lang
                .pick(
                    "Dit bestand is geen tekst in UTF-8 of UTF-16 en dus geen Leerspoor-bundel.",
                    "This file is not text in UTF-8 or UTF-16, so it is not a Leerspoor bundle.",
                )
                .into(),
            BundleError::NotJson { line, column } => lang.pick(
                format!("Dit bestand is beschadigd of onvolledig: het is geen geldige JSON (regel {line}, kolom {column}). Vraag om een nieuwe export."),
                format!("This file is damaged or incomplete: it is not valid JSON (line {line}, column {column}). Ask for a new export."),
            ),
            BundleError::TooDeep => lang
                .pick(
                    "Dit bestand is te diep genest om veilig te lezen; het is geen Leerspoor-bundel.",
                    "This file is nested too deeply to read safely; it is not a Leerspoor bundle.",
                )
                .into(),
            BundleError::DuplicateKey { key, line, column } => {
                let key = excerpt(key);
                lang.pick(
                    format!("De bundel is na het exporteren bewerkt of beschadigd: de naam “{key}” staat twee keer in hetzelfde object (regel {line}, kolom {column}), dus welke waarde bedoeld is, is niet te zeggen. Er is niets ingelezen; vraag om een nieuwe export."),
                    format!("The bundle was edited or damaged after it was exported: the name “{key}” appears twice in the same object (line {line}, column {column}), so which value is meant cannot be told. Nothing was imported; ask for a new export."),
                )
            }
            BundleError::FrameworkFile => lang
                .pick(
                    "Dit is een competentiekader, geen bundel. Importeer het bij Zelfscan › Kader.",
                    "This is a competency framework, not a bundle. Import it under Self-scan › Framework.",
                )
                .into(),
            BundleError::NotABundle => lang
                .pick(
                    "Dit is JSON, maar geen Leerspoor-bundel.",
                    "This is JSON, but not a Leerspoor bundle.",
                )
                .into(),
            BundleError::NewerFormat { found, app } => {
                let app = excerpt(app);
                lang.pick(
                    format!("Deze bundel is gemaakt met Leerspoor {app} (bundelversie {found}). Deze versie ({APP_VERSION}) leest tot en met bundelversie {BUNDLE_SCHEMA}: werk Leerspoor bij naar versie {app} of nieuwer."),
                    format!("This bundle was made with Leerspoor {app} (bundle version {found}). This version ({APP_VERSION}) reads up to bundle version {BUNDLE_SCHEMA}: update Leerspoor to version {app} or newer."),
                )
            }
            BundleError::Shape(shape) => format!(
                "{} {}",
                lang.pick(
                    "De bundel heeft niet de verwachte vorm.",
                    "The bundle does not have the expected shape."
                ),
                shape.message(lang)
            ),
            BundleError::EnvelopeTooLong { field, chars, max } => lang.pick(
                format!("De bundel heeft niet de verwachte vorm. Veld “{field}”: is {chars} tekens lang; hoogstens {max} mag."),
                format!("The bundle does not have the expected shape. Field “{field}”: is {chars} characters long; at most {max} are allowed."),
            ),
            BundleError::UnsupportedEncryption {
                cipher,
                kdf,
                iterations,
            } => {
                let (cipher, kdf) = (excerpt(cipher), excerpt(kdf));
                lang.pick(
                    format!("De bundel heeft niet de verwachte vorm: versleuteling {cipher} met {kdf} en {iterations} herhalingen wordt niet ondersteund"),
                    format!("The bundle does not have the expected shape: encryption {cipher} with {kdf} and {iterations} iterations is not supported"),
                )
            }
            BundleError::BothContents => lang
                .pick(
                    "De bundel heeft niet de verwachte vorm: hij heeft zowel leesbare inhoud (“contents”) als versleutelde (“encrypted”), en welke bedoeld is, is niet te zeggen. Er is niets ingelezen; vraag om een nieuwe export.",
                    "The bundle does not have the expected shape: it has both readable contents (“contents”) and encrypted ones (“encrypted”), and which is meant cannot be told. Nothing was imported; ask for a new export.",
                )
                .into(),
            BundleError::BadEncryptedField { field, problem } => {
                let why = match problem {
                    EncodingProblem::NotBase64 => lang
                        .pick("is geen geldige base64", "is not valid base64")
                        .to_string(),
                    EncodingProblem::Length { bytes, needed } => lang.pick(
                        format!("is {bytes} bytes lang, maar moet {needed} bytes zijn"),
                        format!("is {bytes} bytes long, but must be {needed} bytes"),
                    ),
                };
                lang.pick(
                    format!("De versleutelde bundel is beschadigd: veld “encrypted.{field}” {why}. Er is niets ingelezen; vraag om een nieuwe export."),
                    format!("The encrypted bundle is damaged: field “encrypted.{field}” {why}. Nothing was imported; ask for a new export."),
                )
            }
            BundleError::NoContents => lang
                .pick(
                    "De bundel heeft niet de verwachte vorm: de inhoud ontbreekt",
                    "The bundle does not have the expected shape: the contents are missing",
                )
                .into(),
            BundleError::DigestMismatch => lang
                .pick(
                    "De bundel is na het exporteren veranderd of beschadigd: de controlesom klopt niet. Er is niets ingelezen; vraag om een nieuwe export.",
                    "The bundle was changed or damaged after it was exported: the checksum does not match. Nothing was imported; ask for a new export.",
                )
                .into(),
            BundleError::WrongPassphrase => lang
                .pick(
                    "Het wachtwoord klopt niet (of de versleutelde inhoud is beschadigd). Er is niets ingelezen.",
                    "The passphrase is not right (or the encrypted contents are damaged). Nothing was imported.",
                )
                .into(),
            BundleError::Contents(e) => lang.pick(
                format!("De inhoud van de bundel is niet bruikbaar. {}", e.message(lang)),
                format!("The contents of the bundle cannot be used. {}", e.message(lang)),
            ),
            BundleError::RatingIncomplete { kind } => {
                let kind = kind.label(lang);
                lang.pick(
                    format!("Dit bestand noemt zich een {kind}, maar bevat niet wat daarbij hoort (één verzoek, en bij een beoordeling één afgeronde beoordeling op dat verzoek). Er is niets ingelezen."),
                    format!("This file calls itself a {kind}, but does not hold what belongs to one (one request, and for a rating one finished rating on that request). Nothing was imported."),
                )
            }
            BundleError::Inconsistent => lang
                .pick(
                    "De afzender van de bundel en de gegevens erin horen niet bij elkaar. Er is niets ingelezen.",
                    "The sender of the bundle and the data in it do not belong together. Nothing was imported.",
                )
                .into(),
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
    let text = text_of(bytes)?;
    match read_quickly(&text) {
        Some(opened) => opened.map(|i| Opened::Ready(Box::new(i))),
        None => read_fully(&text),
    }
}

/// The text of a file: UTF-8, with or without a byte order mark, or UTF-16 with one (as
/// Windows Notepad saves "Unicode"). Anything else is not text to Leerspoor.
pub fn text_of(bytes: &[u8]) -> Result<Cow<'_, str>, BundleError> {
    let utf16 = |rest: &[u8], from: fn([u8; 2]) -> u16| {
        if !rest.len().is_multiple_of(2) {
            return Err(BundleError::NotText);
        }
        let units = rest.chunks_exact(2).map(|p| from([p[0], p[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map(Cow::Owned)
            .map_err(|_| BundleError::NotText)
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(bytes)
                .map(Cow::Borrowed)
                .map_err(|_| BundleError::NotText)
        }
    }
}

/// Every check in order, on the JSON tree: the answer for any file, precise in its error.
pub(super) fn read_fully(text: &str) -> Result<Opened, BundleError> {
    let value = parse_json(text, MAX_BUNDLE_BYTES).map_err(parse_error)?;
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
    let bundle: Bundle = decode_tree(&value).map_err(BundleError::Shape)?;
    check_envelope(&bundle, contents.is_some())?;
    if bundle.encrypted.is_some() {
        return Ok(Opened::Locked(Box::new(bundle)));
    }
    let Some(contents) = contents else {
        return Err(BundleError::NoContents);
    };
    open_contents(bundle, contents).map(|i| Opened::Ready(Box::new(i)))
}

fn parse_error(e: RestoreError) -> BundleError {
    match e {
        RestoreError::Empty => BundleError::Empty,
        RestoreError::TooDeep => BundleError::TooDeep,
        RestoreError::NotJson { line, column } => BundleError::NotJson { line, column },
        RestoreError::DuplicateKey { key, line, column } => {
            BundleError::DuplicateKey { key, line, column }
        }
        other => BundleError::Contents(other),
    }
}

/// What the envelope must be before any contents are read or a passphrase is asked for:
/// one kind of contents, texts a view can show, and encryption this build opens, with
/// byte strings that decode to what the cipher needs.
fn check_envelope<C>(bundle: &Bundle<C>, readable: bool) -> Result<(), BundleError> {
    let too_long = |field, text: &str, max| {
        let chars = text.chars().count();
        match text.len() > max && chars > max {
            true => Err(BundleError::EnvelopeTooLong { field, chars, max }),
            false => Ok(()),
        }
    };
    too_long("from.name", &bundle.from.name, limits::NAME)?;
    too_long("app", &bundle.app, MAX_APP_CHARS)?;
    let Some(encrypted) = &bundle.encrypted else {
        return Ok(());
    };
    if readable {
        return Err(BundleError::BothContents);
    }
    if !encrypted.is_supported() {
        return Err(BundleError::UnsupportedEncryption {
            cipher: encrypted.cipher.clone(),
            kdf: encrypted.kdf.clone(),
            iterations: encrypted.iterations,
        });
    }
    check_encrypted_fields(encrypted)
}

/// The salt, nonce and ciphertext decode as the browser's `atob` decodes them, to the
/// lengths AES-256-GCM and PBKDF2 as Leerspoor uses them need: a damaged file is named
/// as damaged, not as a wrong passphrase after a second's key derivation.
fn check_encrypted_fields(encrypted: &Encrypted) -> Result<(), BundleError> {
    // (field, text, bytes needed, exactly or at least)
    let fields = [
        ("salt", &encrypted.salt, SALT_BYTES, false),
        ("nonce", &encrypted.nonce, NONCE_BYTES, true),
        ("ciphertext", &encrypted.ciphertext, TAG_BYTES, false),
    ];
    for (field, text, needed, exact) in fields {
        let problem = match base64_len(text) {
            None => Some(EncodingProblem::NotBase64),
            Some(bytes) if bytes < needed || (exact && bytes != needed) => {
                Some(EncodingProblem::Length { bytes, needed })
            }
            Some(_) => None,
        };
        if let Some(problem) = problem {
            return Err(BundleError::BadEncryptedField { field, problem });
        }
    }
    Ok(())
}

/// At least this much salt for PBKDF2 (Leerspoor writes 16 bytes).
const SALT_BYTES: usize = 16;
/// AES-GCM's nonce as WebCrypto uses it here.
const NONCE_BYTES: usize = 12;
/// GCM appends its 16-byte tag to the ciphertext.
const TAG_BYTES: usize = 16;

/// The number of bytes base64 `text` decodes to, by the browser's "forgiving" decoding
/// (`atob`): ASCII white space ignored, padding optional; `None` when it is not base64.
pub(super) fn base64_len(text: &str) -> Option<usize> {
    let mut symbols = 0usize;
    let mut padding = 0usize;
    for b in text.bytes() {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0C' => {}
            b'=' => padding += 1,
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'+' | b'/' if padding == 0 => symbols += 1,
            _ => return None,
        }
    }
    if padding > 2 || (padding > 0 && !(symbols + padding).is_multiple_of(4)) || symbols % 4 == 1 {
        return None;
    }
    Some(symbols * 6 / 8)
}

/// For an encrypted bundle, once WebCrypto has turned the ciphertext back into text.
pub fn open_plaintext(bundle: Bundle, plaintext: &str) -> Result<Incoming, BundleError> {
    let contents = parse_json(plaintext, MAX_BUNDLE_BYTES).map_err(|e| match e {
        RestoreError::DuplicateKey { key, line, column } => {
            BundleError::DuplicateKey { key, line, column }
        }
        _ => BundleError::WrongPassphrase,
    })?;
    open_contents(bundle, contents)
}

/// A plain bundle as Leerspoor writes it, read without building the JSON tree: the
/// envelope's fields are decoded with the contents left as text, the digest is taken
/// over that text ([`digest_of_text`], [`envelope_digest`]) and the document is decoded
/// from it by the restore door. For a 5 MB bundle this is several times faster than the
/// full way. `None` when the quick way cannot vouch for the file (another envelope,
/// encrypted, rewritten by another program, a key twice, damaged): then the full way
/// runs and gives the precise answer.
pub(super) fn read_quickly(text: &str) -> Option<Result<Incoming, BundleError>> {
    let Members(members) = serde_json::from_str(text).ok()?;
    let mut fields = Map::new();
    let mut contents = None;
    for (key, raw) in members {
        if key == "contents" {
            contents = Some(raw.get());
        } else {
            // Small values: parsed as the full way does, so a key twice in the sender
            // is found there too.
            fields.insert(
                key.to_string(),
                parse_json(raw.get(), MAX_BUNDLE_BYTES).ok()?,
            );
        }
    }
    let contents = contents?;
    let bundle: Bundle = decode_tree(&Value::Object(fields)).ok()?;
    if bundle.format != BUNDLE_FORMAT
        || bundle.schema > BUNDLE_SCHEMA
        || bundle.encrypted.is_some()
        || check_envelope(&bundle, true).is_err()
    {
        return None;
    }
    let matches = match bundle.schema {
        0 | 1 => digest_of_text(contents),
        _ => envelope_digest(&bundle.signed_fields(), Contents::Text(contents)),
    };
    if matches.as_deref() != Some(bundle.digest.as_str()) {
        return None;
    }
    Some(accept(bundle, restore_document(contents)))
}

/// The members of the top-level object with their values left as text; an error for a
/// key twice, or a key with an escape (the full way reads those).
struct Members<'a>(Vec<(&'a str, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Each<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for Each<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'a>, A::Error> {
                let mut members: Vec<(&'a str, &'a RawValue)> = Vec::new();
                while let Some(key) = map.next_key::<&'a str>()? {
                    if members.iter().any(|(k, _)| *k == key) {
                        return Err(serde::de::Error::custom("duplicate key"));
                    }
                    members.push((key, map.next_value()?));
                }
                Ok(Members(members))
            }
        }
        deserializer.deserialize_map(Each(std::marker::PhantomData))
    }
}

/// The contents' digest, as the bundle's version defines it (`docs/bundle-format.md`).
fn digest_matches(bundle: &Bundle, contents: &Value) -> bool {
    let expected = match bundle.schema {
        0 | 1 => Some(digest(contents)),
        _ => envelope_digest(&bundle.signed_fields(), Contents::Tree(contents)),
    };
    expected.as_deref() == Some(bundle.digest.as_str())
}

fn open_contents(bundle: Bundle, contents: Value) -> Result<Incoming, BundleError> {
    if !digest_matches(&bundle, &contents) {
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
    if !super::rating::check_shape(bundle.kind, &bundle.from, &document) {
        return Err(BundleError::RatingIncomplete { kind: bundle.kind });
    }
    // The document is what matters from here on; keep the envelope light.
    Ok(Incoming {
        bundle: bundle.envelope(),
        document,
    })
}
