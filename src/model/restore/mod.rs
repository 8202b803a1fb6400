//! The one door into the app: any JSON text (a stored document, the contents of a bundle,
//! an old schema) becomes a valid current [`Document`] here, or a precise error.
//! Steps, as in Excalidraw's `restore`: size check, parse, identify, migrate, decode,
//! check the limits, validate, normalise. Nothing is accepted half-way.

mod shape;
mod strict;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use super::migrate::{self, MigrateError};
use super::validation::Problem;
use super::{Document, Lang, SCHEMA_VERSION};

pub use shape::{Expected, Found, RecordId, RecordRef, ShapeError, ShapeProblem};

/// Larger text is refused before parsing, so a wrong file cannot freeze the tab.
pub const MAX_DOCUMENT_BYTES: usize = 20 * 1024 * 1024;

/// The version of this build, written into every document it saves, so that an older
/// build can name the version a newer document needs.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone, PartialEq)]
pub enum RestoreError {
    Empty,
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// `line` and `column` are 1-based, as serde_json counts.
    NotJson {
        line: usize,
        column: usize,
    },
    /// Valid JSON nested deeper than the parser allows.
    TooDeep,
    /// One object names the same key twice: which of the two is meant cannot be told.
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
    NotAnObject,
    /// Another Leerspoor file (a framework, a bundle) or a foreign JSON file.
    WrongKind {
        found: Option<String>,
    },
    MissingSchema,
    NewerSchema {
        found: u32,
        supported: u32,
        app: Option<String>,
    },
    UnknownSchema {
        found: u32,
    },
    Shape(ShapeError),
    Invalid {
        problems: Vec<Problem>,
    },
}

impl From<MigrateError> for RestoreError {
    fn from(e: MigrateError) -> RestoreError {
        match e {
            MigrateError::Unknown { found } => RestoreError::UnknownSchema { found },
            MigrateError::Newer { found, supported } => RestoreError::NewerSchema {
                found,
                supported,
                app: None,
            },
        }
    }
}

impl RestoreError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RestoreError::Empty => lang
                .pick(
                    "Het bestand of de opgeslagen gegevens zijn leeg.",
                    "The file or the stored data is empty.",
                )
                .into(),
            RestoreError::TooLarge { bytes, max } => {
                let (mb, max) = (bytes / (1024 * 1024), max / (1024 * 1024));
                lang.pick(
                    format!("Te groot: {mb} MB, terwijl Leerspoor hoogstens {max} MB leest."),
                    format!("Too large: {mb} MB, while Leerspoor reads at most {max} MB."),
                )
            }
            RestoreError::NotJson { line, column } => lang.pick(
                format!("Dit is geen leesbare JSON (fout op regel {line}, kolom {column}). Het bestand is beschadigd, afgebroken of van een ander soort (zoals PDF, afbeelding of Word)."),
                format!("This is not readable JSON (error on line {line}, column {column}). The file is damaged, cut off or of another kind (such as a PDF, an image or a Word document)."),
            ),
            RestoreError::TooDeep => lang
                .pick(
                    "De gegevens zijn te diep genest om veilig te lezen; dit is geen Leerspoor-bestand.",
                    "The data is nested too deeply to read safely; this is not a Leerspoor file.",
                )
                .into(),
            RestoreError::DuplicateKey { key, line, column } => {
                let key = excerpt(key);
                lang.pick(
                    format!("De naam “{key}” staat twee keer in hetzelfde object (regel {line}, kolom {column}), dus welke waarde bedoeld is, is niet te zeggen. Het bestand is na het exporteren bewerkt of beschadigd."),
                    format!("The name “{key}” appears twice in the same object (line {line}, column {column}), so which value is meant cannot be told. The file was edited or damaged after it was exported."),
                )
            }
            RestoreError::NotAnObject => lang
                .pick(
                    "Dit is JSON, maar geen Leerspoor-gegevens (een object werd verwacht).",
                    "This is JSON, but not Leerspoor data (an object was expected).",
                )
                .into(),
            RestoreError::WrongKind { found: Some(kind) } if kind == super::FRAMEWORK_FORMAT => lang
                .pick(
                    "Dit is een competentiekader, geen profiel of bundel. Importeer het bij Zelfscan › Kader.",
                    "This is a competency framework, not a profile or a bundle. Import it under Self-scan › Framework.",
                )
                .into(),
            RestoreError::WrongKind { found: Some(kind) } => {
                let kind = excerpt(kind);
                lang.pick(
                    format!("Dit is een ander soort bestand (“{kind}”), geen Leerspoor-profiel."),
                    format!("This is another kind of file (“{kind}”), not a Leerspoor profile."),
                )
            }
            RestoreError::WrongKind { found: None } => lang
                .pick(
                    "Dit is JSON, maar geen Leerspoor-gegevens.",
                    "This is JSON, but not Leerspoor data.",
                )
                .into(),
            RestoreError::MissingSchema => lang
                .pick(
                    "De gegevens missen een schemaversie; zo weet Leerspoor niet hoe ze te lezen.",
                    "The data has no schema version, so Leerspoor cannot tell how to read it.",
                )
                .into(),
            RestoreError::NewerSchema {
                found,
                supported,
                app,
            } => {
                let needs = match app {
                    Some(app) => {
                        let app = excerpt(app);
                        lang.pick(
                            format!(" Ze zijn gemaakt met Leerspoor {app}; werk Leerspoor bij naar die versie of nieuwer."),
                            format!(" It was made with Leerspoor {app}; update Leerspoor to that version or newer."),
                        )
                    }
                    None => lang
                        .pick(
                            " Werk Leerspoor bij naar een nieuwere versie.",
                            " Update Leerspoor to a newer version.",
                        )
                        .into(),
                };
                lang.pick(
                    format!("Deze gegevens hebben schemaversie {found}, maar deze versie van Leerspoor ({APP_VERSION}) leest tot en met versie {supported}.{needs}"),
                    format!("This data has schema version {found}, but this version of Leerspoor ({APP_VERSION}) reads up to version {supported}.{needs}"),
                )
            }
            RestoreError::UnknownSchema { found } => lang.pick(
                format!("Schemaversie {found} is onbekend; deze gegevens kan Leerspoor niet lezen."),
                format!("Schema version {found} is unknown; Leerspoor cannot read this data."),
            ),
            RestoreError::Shape(shape) => format!(
                "{} {}",
                lang.pick(
                    "De gegevens hebben niet de verwachte vorm.",
                    "The data does not have the expected shape."
                ),
                shape.message(lang)
            ),
            RestoreError::Invalid { problems } => {
                let mut text = lang
                    .pick("De gegevens zijn niet geldig:", "The data is not valid:")
                    .to_string();
                for p in problems.iter().take(SHOWN_PROBLEMS) {
                    text.push_str("\n• ");
                    text.push_str(&p.message(lang));
                }
                let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
                if more > 0 {
                    text.push('\n');
                    text.push_str(&lang.pick(
                        format!("… en nog {}.", lang.count(more, "ander probleem", "andere problemen")),
                        format!("… and {}.", lang.count(more, "other problem", "other problems")),
                    ));
                }
                text
            }
        }
    }
}

/// More would bury the first ones; they are usually all the same mistake.
const SHOWN_PROBLEMS: usize = 10;

/// A value from a file, cut short for a message: a hostile file's megabyte is never shown.
pub fn excerpt(text: &str) -> String {
    const SHOWN: usize = 40;
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(SHOWN).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// Where a document comes from, which decides whether the limits apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    /// From outside: a bundle's contents. Every text within what its form allows and
    /// every count within what keeps the app usable (`validation::limits`).
    Imported,
    /// What this browser stored itself. The limits came after the data: a text an older
    /// Leerspoor took in (from a framework file, a CSV import) may be longer than a form
    /// allows now, and a stored profile must never become unreadable for that. Every
    /// other rule still holds.
    Stored,
}

/// Text from outside (a bundle's contents) in, valid document out.
pub fn restore_document(raw: &str) -> Result<Document, RestoreError> {
    restore_text(raw, Origin::Imported)
}

/// A document this browser stored itself: the same door, without the limits (see
/// [`Origin::Stored`]).
pub fn restore_stored_document(raw: &str) -> Result<Document, RestoreError> {
    restore_text(raw, Origin::Stored)
}

fn restore_text(raw: &str, origin: Origin) -> Result<Document, RestoreError> {
    // Nearly always the text is a document of the current schema, as a Leerspoor of this
    // version wrote it. Decoded straight into the types it skips building the JSON tree,
    // which costs about as much again as the decoding (start-up with a year of data, a
    // 5 MB bundle). Everything else (an old schema to migrate, a mistake to name) takes
    // the full way, which alone decides what is refused and why. The ways differ in one
    // case only: a current document that also has a top-level `format` key is read here,
    // that key ignored like any unknown one, where the full way calls it another kind of
    // file. A key twice in one record is refused by the typed decoding itself (serde
    // refuses a duplicate field), and goes the full way to be named; a key twice in a
    // map (a scan's ratings) is caught by the caller: stored data is Leerspoor's own,
    // and a bundle's contents are read this way only when their text is canonical
    // (`bundle::read`), which has every key once.
    if raw.len() <= MAX_DOCUMENT_BYTES {
        if let Ok(doc) = serde_json::from_str::<Document>(raw) {
            if doc.schema == SCHEMA_VERSION {
                return accept(doc, origin);
            }
        }
    }
    let value = parse_json(raw, MAX_DOCUMENT_BYTES)?;
    restore_value(value, origin)
}

/// Parses text with the size and depth guards every import needs, refusing a key that
/// appears twice in one object.
pub fn parse_json(raw: &str, max_bytes: usize) -> Result<Value, RestoreError> {
    if raw.len() > max_bytes {
        return Err(RestoreError::TooLarge {
            bytes: raw.len(),
            max: max_bytes,
        });
    }
    if raw.trim().is_empty() {
        return Err(RestoreError::Empty);
    }
    // serde_json stops at 128 levels of nesting, which no Leerspoor file comes near.
    strict::parse(raw).map_err(|e| match e {
        strict::StrictError::DuplicateKey { key, line, column } => {
            RestoreError::DuplicateKey { key, line, column }
        }
        strict::StrictError::Json(e) if e.to_string().contains("recursion limit") => {
            RestoreError::TooDeep
        }
        strict::StrictError::Json(e) => RestoreError::NotJson {
            line: e.line(),
            column: e.column(),
        },
    })
}

/// For values already parsed, such as a bundle's contents.
pub fn restore_document_value(value: Value) -> Result<Document, RestoreError> {
    restore_value(value, Origin::Imported)
}

fn restore_value(value: Value, origin: Origin) -> Result<Document, RestoreError> {
    let Value::Object(map) = &value else {
        return Err(RestoreError::NotAnObject);
    };
    if let Some(format) = map.get("format") {
        return Err(RestoreError::WrongKind {
            found: format.as_str().map(str::to_string),
        });
    }
    if !map.contains_key("profile") {
        return Err(RestoreError::WrongKind { found: None });
    }
    let schema = match map.get("schema") {
        None => return Err(RestoreError::MissingSchema),
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(RestoreError::MissingSchema)?,
    };
    if schema > SCHEMA_VERSION {
        return Err(RestoreError::NewerSchema {
            found: schema,
            supported: SCHEMA_VERSION,
            app: map.get("app").and_then(Value::as_str).map(str::to_string),
        });
    }
    let value = migrate::migrate(value, schema)?;
    let doc: Document = decode_tree(&value).map_err(RestoreError::Shape)?;
    accept(doc, origin)
}

/// Decodes a parsed tree into a type by way of its text. `serde_json::from_value` would
/// be quicker here, but it makes every `Deserialize` impl exist a second time in the wasm
/// (once for the text reader, once for `Value`), and the quick ways read text anyway.
/// The error names the record and field, found from the position in that text.
pub fn decode_tree<T: DeserializeOwned>(value: &Value) -> Result<T, ShapeError> {
    let text = value.to_string();
    serde_json::from_str(&text).map_err(|e| ShapeError::locate(&e, &text, value))
}

/// A tree of any value, made the same way as [`decode_tree`] for the same reason: its
/// `Serialize` impls then exist only for the text writer, not for `Value` as well. The
/// text is read back by the same parser as every file, so serde_json's own `Value`
/// reader is not in the wasm beside it. Leerspoor's own types always encode; `None`
/// would be a bug (a map with non-text keys).
pub fn encode_tree<T: Serialize>(value: &T) -> Option<Value> {
    let text = serde_json::to_string(value).ok()?;
    strict::parse(&text).ok()
}

/// serde_json's message without " at line L column C", which would point into generated
/// text. Only read to sort the error, never shown.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&suffix) {
        Some(message) => message.to_string(),
        None => text,
    }
}

/// Decoded is not yet accepted: the data must be within the limits the forms have, the
/// rules of the model must hold, and the same data must always look the same. The limits
/// come first and alone: they are cheap, and the other checks need not run over a
/// hostile file's million records.
fn accept(mut doc: Document, origin: Origin) -> Result<Document, RestoreError> {
    if origin == Origin::Imported {
        let problems = doc.check_limits();
        if !problems.is_empty() {
            return Err(RestoreError::Invalid { problems });
        }
    }
    let problems = doc.validate();
    if !problems.is_empty() {
        return Err(RestoreError::Invalid { problems });
    }
    doc.normalise();
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Profile, Role};

    fn doc() -> Document {
        let profile = Profile::new(
            Id::from_u128(7),
            "Sanne",
            Role::Participant,
            "Leergang 2026",
            "2026-01-05T09:00:00Z".parse().unwrap(),
        )
        .unwrap();
        Document::new(profile)
    }

    /// The limits guard what comes in from outside; a profile this browser stored before
    /// they existed, with a longer text an older Leerspoor took in, stays readable.
    #[test]
    fn the_limits_hold_for_imported_data_not_for_what_this_browser_stored() {
        let mut d = doc();
        let long = "a".repeat(300);
        d.network
            .actors
            .push(crate::model::network::Actor::new(Id::from_u128(8), &long));
        let text = serde_json::to_string(&d).unwrap();
        match restore_document(&text) {
            Err(RestoreError::Invalid { problems }) => {
                let message = problems[0].message(Lang::Nl);
                assert!(
                    message.contains("naam is 300 tekens lang; hoogstens 200 mag"),
                    "{message}"
                );
            }
            other => panic!("{other:?}"),
        }
        let stored = restore_stored_document(&text).unwrap();
        assert_eq!(stored.network.actors[0].name, long);
    }

    #[test]
    fn a_saved_document_restores_to_itself() {
        let d = doc();
        let text = serde_json::to_string(&d).unwrap();
        assert_eq!(restore_document(&text).unwrap(), d);
    }

    #[test]
    fn the_v1_fixture_still_restores() {
        let text = include_str!("../../../tests/fixtures/schema/v1.json");
        let d = restore_document(text).unwrap();
        assert_eq!(d.profile.name, "Fixture Deelnemer");
        assert_eq!(d.schema, SCHEMA_VERSION);
    }

    /// The last schema before the case's solution-focused frame: it reads, from storage
    /// and from a bundle alike, as schema 3 with no frames, and a frame added then comes
    /// through the door again unchanged.
    #[test]
    fn the_v2_fixture_reads_without_frames_and_a_frame_survives_the_door() {
        use crate::model::journal::{CaseStatus, Frame};
        let text = include_str!("../../../tests/fixtures/schema/v2.json");
        assert!(!text.contains("\"frame\""));
        let stored = restore_stored_document(text).unwrap();
        let mut d = restore_document(text).unwrap();
        assert_eq!(stored, d);
        assert_eq!(d.schema, SCHEMA_VERSION);
        assert_eq!(d.revision, 12);
        assert_eq!(d.journal.cases.len(), 2);
        assert_eq!(d.journal.entries.len(), 1);
        let case = &d.journal.cases[0];
        assert_eq!(case.title, "Speelplaats Oost");
        assert_eq!(case.status, CaseStatus::Agenda);
        assert!(d.journal.cases.iter().all(|c| c.frame.is_none()));
        let written = serde_json::to_string(&d).unwrap();
        assert!(!written.contains("\"frame\""), "no frame, no key");

        d.journal.cases[0].frame = Some(Box::new(Frame {
            desired: "Een schone speelplaats".into(),
            works: "De wijkagent loopt mee".into(),
            next_step: "Wijkraad mailen".into(),
            whose_agenda: "Wijkraad Oost".into(),
            moment: "Wijkraadsvergadering".into(),
            date: Some("2026-04-14".parse().unwrap()),
            ..Frame::default()
        }));
        let again = restore_document(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(again, d);
        // The same by the full way, as a bundle's contents go.
        let mut tree = serde_json::to_value(&d).unwrap();
        assert_eq!(restore_document_value(tree.clone()).unwrap(), d);
        // A frame of the wrong shape is named by its case and field, in the user's words.
        tree["journal"]["cases"][0]["frame"]["date"] = 14.into();
        let err = restore_document_value(tree).unwrap_err();
        assert_eq!(
            err.message(Lang::Nl),
            "De gegevens hebben niet de verwachte vorm. casus 0b6a2f0e-6d55-4c1b-8b0a-2c3e4f5a6b01, veld “frame.date”: is het getal 14, maar moet een datum zijn."
        );
    }

    /// The last schema before story plans and rating requests: its frame reads as it
    /// was written, from storage and from a bundle alike, and the document is written
    /// back as the current schema.
    #[test]
    fn the_v3_fixture_reads_with_its_frame() {
        let text = include_str!("../../../tests/fixtures/schema/v3.json");
        assert!(text.contains("\"schema\": 3"));
        let stored = restore_stored_document(text).unwrap();
        let d = restore_document(text).unwrap();
        assert_eq!(stored, d);
        assert_eq!(d.schema, SCHEMA_VERSION);
        assert_eq!(d.revision, 13);
        let frame = d.journal.cases[0].frame.as_deref().unwrap();
        assert_eq!(frame.whose_agenda, "Wijkraad Oost");
        assert_eq!(frame.date, Some("2026-04-14".parse().unwrap()));
        assert!(d.journal.cases[1].frame.is_none());
        let again = restore_document(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(again, d);
    }

    /// Schema 4's rating requests: a document with a request and the scan that answers it
    /// passes the door as it is; a scan naming a request that is not there does not.
    #[test]
    fn a_document_with_rating_requests_and_an_answered_scan_survives_the_door() {
        let text = include_str!("../../../tests/fixtures/schema/v3.json");
        let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
        // The fixture has no self-scan section: the course's framework, as a new profile has.
        let fw = serde_json::to_value(crate::model::selfscan::default_framework()).unwrap();
        v["selfscan"] = serde_json::json!({ "frameworks": [fw.clone()], "scans": [] });
        let (fw_id, fw_version) = (fw["id"].clone(), fw["version"].clone());
        let indicator = fw["areas"][0]["competencies"][0]["indicators"][0]["id"].clone();
        let request = "00000000-0000-4000-8000-000000000071";
        v["selfscan"]["requests"] = serde_json::json!([{
            "id": request, "rater": "Joris Bakker", "role": "manager",
            "question": "Hoe zie jij mijn netwerk?",
            "framework": { "id": fw_id, "version": fw_version }, "sent": "2026-11-28"
        }]);
        let answer = serde_json::json!({
            "id": request, "label": { "custom": "Beoordeling op verzoek" }, "date": "2026-11-29",
            "framework": { "id": fw_id, "version": fw_version },
            "rater": { "other": { "name": "Joris Bakker", "role": "manager" } },
            "status": "finished", "finished_at": "2026-11-29T10:00:00Z",
            "ratings": { indicator.as_str().unwrap(): { "rating": { "level": 3 }, "evidence": "Bij de Kade" } },
            "request": request
        });
        v["selfscan"]["scans"].as_array_mut().unwrap().push(answer);
        let d = restore_document(&v.to_string()).unwrap();
        let id: crate::model::Id = request.parse().unwrap();
        assert_eq!(d.selfscan.request(id).unwrap().rater, "Joris Bakker");
        assert_eq!(d.selfscan.answer_to(id).unwrap().request, Some(id));
        let again = restore_document(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(again, d);

        v["selfscan"]["requests"] = serde_json::json!([]);
        assert!(matches!(
            restore_document(&v.to_string()),
            Err(RestoreError::Invalid { .. })
        ));
    }

    /// Story plans (schema 4): the v3 fixture has none and writes none back; a plan added
    /// comes through the door unchanged, from storage and as a bundle's contents, and a
    /// plan of the wrong shape is named by its case and field, in the user's words.
    #[test]
    fn a_case_with_story_plans_survives_the_door_and_a_wrong_shape_is_named() {
        use crate::model::journal::StoryPlan;
        let text = include_str!("../../../tests/fixtures/schema/v3.json");
        let mut d = restore_document(text).unwrap();
        assert!(d.journal.cases.iter().all(|c| c.stories.is_empty()));
        assert!(!serde_json::to_string(&d).unwrap().contains("\"stories\""));
        let wijkraad: Id = "0b6a2f0e-6d55-4c1b-8b0a-2c3e4f5a6c01".parse().unwrap();
        d.journal.cases[0].stories = vec![StoryPlan {
            cares: "Een veilige wijk".into(),
            story: "Schoon is veilig".into(),
            messenger: "De wijkagent".into(),
            when_where: "Wijkraadsvergadering 14 april".into(),
            told: true,
            landed: "Goed: ze nemen het op".into(),
            ..StoryPlan::new(wijkraad)
        }];
        let text = serde_json::to_string(&d).unwrap();
        assert_eq!(restore_document(&text).unwrap(), d);
        assert_eq!(restore_stored_document(&text).unwrap(), d);
        let mut tree = serde_json::to_value(&d).unwrap();
        assert_eq!(restore_document_value(tree.clone()).unwrap(), d);

        tree["journal"]["cases"][0]["stories"][0]["told"] = "ja".into();
        let err = restore_document_value(tree.clone()).unwrap_err();
        assert_eq!(
            err.message(Lang::Nl),
            "De gegevens hebben niet de verwachte vorm. casus 0b6a2f0e-6d55-4c1b-8b0a-2c3e4f5a6b01, veld “stories[0].told”: is de tekst “ja”, maar moet true of false zijn."
        );
        // A plan for an actor not on the map is refused by name.
        tree["journal"]["cases"][0]["stories"][0]["told"] = true.into();
        tree["journal"]["cases"][0]["stories"][0]["actor"] =
            "0b6a2f0e-6d55-4c1b-8b0a-2c3e4f5a6c09".into();
        let err = restore_document_value(tree).unwrap_err();
        assert!(
            err.message(Lang::Nl).contains(
                "casus 0b6a2f0e-6d55-4c1b-8b0a-2c3e4f5a6b01: verhaalplan verwijst naar 0b6a2f0e-6d55-4c1b-8b0a-2c3e4f5a6c09, maar dat bestaat niet."
            ),
            "{}",
            err.message(Lang::Nl)
        );
    }

    #[test]
    fn empty_and_garbage_are_named() {
        assert_eq!(restore_document("  \n"), Err(RestoreError::Empty));
        assert!(matches!(
            restore_document("{\"profile\": "),
            Err(RestoreError::NotJson { line: 1, .. })
        ));
        assert!(matches!(
            restore_document("%PDF-1.7 ..."),
            Err(RestoreError::NotJson { .. })
        ));
        assert_eq!(restore_document("[1,2]"), Err(RestoreError::NotAnObject));
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(restore_document(&deep), Err(RestoreError::TooDeep));
    }

    #[test]
    fn oversize_is_refused_before_parsing() {
        let big = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        assert!(matches!(
            restore_document(&big),
            Err(RestoreError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_newer_schema_names_the_app_it_needs() {
        let mut v = serde_json::to_value(doc()).unwrap();
        v["schema"] = (SCHEMA_VERSION + 1).into();
        v["app"] = "9.4.0".into();
        let err = restore_document(&v.to_string()).unwrap_err();
        assert!(
            matches!(err, RestoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1)
        );
        assert!(err.message(Lang::Nl).contains("Leerspoor 9.4.0"));
        assert!(err
            .message(Lang::En)
            .contains("It was made with Leerspoor 9.4.0; update Leerspoor"));
    }

    #[test]
    fn other_kinds_of_file_are_named() {
        let err = restore_document(r#"{"format":"leerspoor-kader","schema":1}"#).unwrap_err();
        assert!(err.message(Lang::Nl).contains("competentiekader"));
        assert!(err.message(Lang::En).contains("competency framework"));
        let err = restore_document(r#"{"name":"package.json"}"#).unwrap_err();
        assert_eq!(err, RestoreError::WrongKind { found: None });
    }

    #[test]
    fn a_missing_or_odd_schema_is_an_error() {
        let mut v = serde_json::to_value(doc()).unwrap();
        v.as_object_mut().unwrap().remove("schema");
        assert_eq!(
            restore_document(&v.to_string()),
            Err(RestoreError::MissingSchema)
        );
        v["schema"] = "een".into();
        assert_eq!(
            restore_document(&v.to_string()),
            Err(RestoreError::MissingSchema)
        );
        v["schema"] = 0.into();
        assert_eq!(
            restore_document(&v.to_string()),
            Err(RestoreError::UnknownSchema { found: 0 })
        );
    }

    #[test]
    fn wrong_types_are_a_shape_error() {
        let mut v = serde_json::to_value(doc()).unwrap();
        v["profile"]["name"] = 42.into();
        let err = restore_document(&v.to_string()).unwrap_err();
        assert!(matches!(err, RestoreError::Shape(_)));
        assert_eq!(
            err.message(Lang::Nl),
            "De gegevens hebben niet de verwachte vorm. profiel 00000000-0000-0000-0000-000000000007, veld “name”: is het getal 42, maar moet tekst zijn."
        );
    }

    #[test]
    fn an_empty_profile_name_is_invalid() {
        let mut v = serde_json::to_value(doc()).unwrap();
        v["profile"]["name"] = " ".into();
        let err = restore_document(&v.to_string()).unwrap_err();
        assert!(matches!(err, RestoreError::Invalid { .. }));
        assert!(err.message(Lang::Nl).contains("naam is leeg"));
        assert!(err
            .message(Lang::En)
            .starts_with("The data is not valid:\n• profile "));
        assert!(err.message(Lang::En).ends_with(": name is empty."));
    }

    #[test]
    fn a_tree_decodes_as_its_text_would_and_names_the_field_not_serde_text() {
        let d = doc();
        let tree = encode_tree(&d).unwrap();
        assert_eq!(tree, serde_json::to_value(&d).unwrap());
        assert_eq!(decode_tree::<Document>(&tree).unwrap(), d);
        let mut wrong = tree;
        wrong["profile"]["name"] = 5.into();
        let shape = decode_tree::<Document>(&wrong).unwrap_err();
        assert_eq!(
            shape.message(Lang::En),
            "profile 00000000-0000-0000-0000-000000000007, field “name”: is the number 5, but must be text."
        );
    }
}
