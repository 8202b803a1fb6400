//! Why a framework file cannot be imported, or a framework edit cannot be made.

use std::fmt;

use super::framework::{MAX_LEVELS, MIN_LEVELS};

#[derive(Debug, Clone, PartialEq)]
pub enum FrameworkError {
    Empty,
    TooLarge {
        bytes: usize,
        max: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    TooDeep,
    NotAnObject,
    /// A Leerspoor profile or document was offered as a framework.
    IsProfile,
    /// A Leerspoor bundle (any other `leerspoor-…` format) was offered as a framework.
    IsBundle {
        format: String,
    },
    /// A foreign file, or a `format` that is not a string.
    WrongFormat {
        found: Option<String>,
    },
    MissingSchema,
    NewerSchema {
        found: u32,
        supported: u32,
    },
    MissingFramework,
    /// The file's values have the wrong types; `detail` is serde's description.
    Shape {
        detail: String,
    },
    EmptyId {
        what: &'static str,
    },
    EmptyName {
        what: &'static str,
        id: String,
    },
    DuplicateId {
        what: &'static str,
        id: String,
    },
    VersionZero,
    NoLevels,
    LevelCount {
        found: usize,
    },
    LevelNumbering {
        position: usize,
        found: u8,
    },
    NoAreas,
    EmptyArea {
        area: String,
    },
    EmptyCompetency {
        competency: String,
    },
    DescriptorCount {
        indicator: String,
        found: usize,
        expected: usize,
    },
    /// An edit names a part that the framework does not have.
    Unknown {
        what: &'static str,
        id: String,
    },
    LevelOutOfRange {
        level: u8,
        max: u8,
    },
    /// A competency needs at least one indicator to be rated at all.
    LastIndicator {
        competency: String,
    },
    NoFramework,
}

impl FrameworkError {
    pub fn message_nl(&self) -> String {
        use FrameworkError::*;
        match self {
            Empty => "Het bestand is leeg.".into(),
            TooLarge { bytes, max } => format!(
                "Te groot voor een competentiekader: {} kB, terwijl Leerspoor hoogstens {} kB leest.",
                bytes / 1024,
                max / 1024
            ),
            NotJson { line, column } => format!(
                "Dit is geen leesbare JSON (fout op regel {line}, kolom {column}). Het bestand is beschadigd, afgebroken of van een ander soort."
            ),
            TooDeep => "De gegevens zijn te diep genest om veilig te lezen; dit is geen competentiekader.".into(),
            NotAnObject => "Dit is JSON, maar geen competentiekader (een object werd verwacht).".into(),
            IsProfile => "Dit is een Leerspoor-profiel, geen competentiekader.".into(),
            IsBundle { format } => format!(
                "Dit is een Leerspoor-bundel (\u{201c}{format}\u{201d}), geen competentiekader; importeer het als bundel."
            ),
            WrongFormat { found: Some(kind) } => format!(
                "Dit is een ander soort bestand (\u{201c}{kind}\u{201d}), geen competentiekader."
            ),
            WrongFormat { found: None } => {
                "Dit is JSON, maar geen competentiekader: het veld \u{201c}format\u{201d} met de waarde \u{201c}leerspoor-kader\u{201d} ontbreekt.".into()
            }
            MissingSchema => "Het kader mist een geldige schemaversie (\u{201c}schema\u{201d}).".into(),
            NewerSchema { found, supported } => format!(
                "Dit kader heeft schemaversie {found}, maar deze versie van Leerspoor leest tot en met versie {supported}. Werk Leerspoor bij."
            ),
            MissingFramework => "Het bestand mist het eigenlijke kader (het veld \u{201c}framework\u{201d}).".into(),
            Shape { detail } => format!("Het kader heeft niet de verwachte vorm: {detail}"),
            EmptyId { what: "kader" } => "Het kader heeft geen id.".into(),
            EmptyId { what } => format!("Een {what} in het kader heeft geen id."),
            EmptyName { what, id } => format!("De naam van {what} \u{201c}{id}\u{201d} is leeg."),
            DuplicateId { what, id } => {
                format!("Het id \u{201c}{id}\u{201d} komt meer dan eens voor bij: {what}.")
            }
            VersionZero => "De versie van het kader moet 1 of hoger zijn.".into(),
            NoLevels => format!(
                "Het kader heeft geen niveaus; een kader heeft {MIN_LEVELS} of {MAX_LEVELS} niveaus nodig."
            ),
            LevelCount { found } => format!(
                "Het kader heeft {found} niveaus, maar Leerspoor werkt met {MIN_LEVELS} of {MAX_LEVELS} niveaus."
            ),
            LevelNumbering { position, found } => format!(
                "De niveaus moeten doorlopend genummerd zijn vanaf 1: op plaats {position} staat niveau {found}."
            ),
            NoAreas => "Het kader heeft geen gebieden met competenties.".into(),
            EmptyArea { area } => format!("Gebied \u{201c}{area}\u{201d} heeft geen competenties."),
            EmptyCompetency { competency } => {
                format!("Competentie \u{201c}{competency}\u{201d} heeft geen gedragsindicatoren.")
            }
            DescriptorCount {
                indicator,
                found,
                expected,
            } => format!(
                "Indicator \u{201c}{indicator}\u{201d} heeft {found} niveaubeschrijvingen, maar het kader heeft {expected} niveaus."
            ),
            Unknown { what, id } => format!("Het kader heeft geen {what} \u{201c}{id}\u{201d}."),
            LevelOutOfRange { level, max } => {
                format!("Niveau {level} bestaat niet; dit kader heeft niveaus 1 tot en met {max}.")
            }
            LastIndicator { competency } => format!(
                "Competentie \u{201c}{competency}\u{201d} houdt minstens één gedragsindicator; voeg eerst een andere toe."
            ),
            NoFramework => "Er is nog geen competentiekader.".into(),
        }
    }
}

impl fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_nl())
    }
}
