//! Why a framework file cannot be imported, or a framework edit cannot be made.

use std::fmt;

use crate::model::restore::ShapeError;
use crate::model::Lang;

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
    /// The field `framework` is there but holds no object.
    FrameworkNotAnObject,
    /// The file's values have the wrong types: where, and why.
    Shape(ShapeError),
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
    /// No levels; a framework has `min` to `max` (the bounds `framework` sets).
    NoLevels {
        min: usize,
        max: usize,
    },
    LevelCount {
        found: usize,
        min: usize,
        max: usize,
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
    /// An edit would leave a part without a name; `current` is the name it keeps.
    NameRequired {
        what: &'static str,
        current: String,
    },
    /// A competency needs at least one indicator to be rated at all.
    LastIndicator {
        competency: String,
    },
    NoFramework,
}

/// `what` in the errors is one of these Dutch nouns, chosen where the problem is found.
fn what(lang: Lang, what: &str) -> &str {
    match lang {
        Lang::Nl => what,
        Lang::En => match what {
            "kader" => "framework",
            "gebied" => "area",
            "competentie" => "competency",
            "indicator" => "indicator",
            "niveau" => "level",
            "beschrijving bij indicator" => "description of indicator",
            other => other,
        },
    }
}

impl FrameworkError {
    pub fn message(&self, lang: Lang) -> String {
        use FrameworkError::*;
        let en = |w: &str| what(Lang::En, w).to_string();
        match self {
            Empty => lang.pick("Het bestand is leeg.", "The file is empty.").into(),
            TooLarge { bytes, max } => lang.pick(
                format!(
                    "Te groot voor een competentiekader: {} kB, terwijl Leerspoor hoogstens {} kB leest.",
                    bytes / 1024,
                    max / 1024
                ),
                format!(
                    "Too large for a competency framework: {} kB, while Leerspoor reads at most {} kB.",
                    bytes / 1024,
                    max / 1024
                ),
            ),
            NotJson { line, column } => lang.pick(
                format!(
                    "Dit is geen leesbare JSON (fout op regel {line}, kolom {column}). Het bestand is beschadigd, afgebroken of van een ander soort."
                ),
                format!(
                    "This is not readable JSON (error on line {line}, column {column}). The file is damaged, cut off or of another kind."
                ),
            ),
            TooDeep => lang.pick(
                "De gegevens zijn te diep genest om veilig te lezen; dit is geen competentiekader.",
                "The data is nested too deeply to read safely; this is not a competency framework.",
            ).into(),
            NotAnObject => lang.pick(
                "Dit is JSON, maar geen competentiekader (een object werd verwacht).",
                "This is JSON, but not a competency framework (an object was expected).",
            ).into(),
            IsProfile => lang.pick(
                "Dit is een Leerspoor-profiel, geen competentiekader.",
                "This is a Leerspoor profile, not a competency framework.",
            ).into(),
            IsBundle { format } => lang.pick(
                format!(
                    "Dit is een Leerspoor-bundel (\u{201c}{format}\u{201d}), geen competentiekader; importeer het als bundel."
                ),
                format!(
                    "This is a Leerspoor bundle (\u{201c}{format}\u{201d}), not a competency framework; import it as a bundle."
                ),
            ),
            WrongFormat { found: Some(kind) } => lang.pick(
                format!(
                    "Dit is een ander soort bestand (\u{201c}{kind}\u{201d}), geen competentiekader."
                ),
                format!(
                    "This is another kind of file (\u{201c}{kind}\u{201d}), not a competency framework."
                ),
            ),
            WrongFormat { found: None } => lang.pick(
                "Dit is JSON, maar geen competentiekader: het veld \u{201c}format\u{201d} met de waarde \u{201c}leerspoor-kader\u{201d} ontbreekt.",
                "This is JSON, but not a competency framework: the field \u{201c}format\u{201d} with the value \u{201c}leerspoor-kader\u{201d} is missing.",
            ).into(),
            MissingSchema => lang.pick(
                "Het kader mist een geldige schemaversie (\u{201c}schema\u{201d}).",
                "The framework lacks a valid schema version (\u{201c}schema\u{201d}).",
            ).into(),
            NewerSchema { found, supported } => lang.pick(
                format!(
                    "Dit kader heeft schemaversie {found}, maar deze versie van Leerspoor leest tot en met versie {supported}. Werk Leerspoor bij."
                ),
                format!(
                    "This framework has schema version {found}, but this version of Leerspoor reads up to version {supported}. Update Leerspoor."
                ),
            ),
            MissingFramework => lang.pick(
                "Het bestand mist het eigenlijke kader (het veld \u{201c}framework\u{201d}).",
                "The file lacks the framework itself (the field \u{201c}framework\u{201d}).",
            ).into(),
            FrameworkNotAnObject => lang.pick(
                "Het kader heeft niet de verwachte vorm: het veld \u{201c}framework\u{201d} moet een object zijn.",
                "The framework does not have the expected shape: the field \u{201c}framework\u{201d} must be an object.",
            ).into(),
            // serde describes the problem in English whatever the interface language.
            Shape(shape) => lang.pick(
                format!("Het kader heeft niet de verwachte vorm. {}", shape.message(Lang::Nl)),
                format!("The framework does not have the expected shape. {}", shape.message(Lang::En)),
            ),
            EmptyId { what: "kader" } => lang.pick("Het kader heeft geen id.", "The framework has no id.").into(),
            EmptyId { what } => {
                let noun = en(what);
                let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "An" } else { "A" };
                lang.pick(
                    format!("Een {what} in het kader heeft geen id."),
                    format!("{article} {noun} in the framework has no id."),
                )
            }
            EmptyName { what, id } => lang.pick(
                format!("De naam van {what} \u{201c}{id}\u{201d} is leeg."),
                format!("The name of {} \u{201c}{id}\u{201d} is empty.", en(what)),
            ),
            DuplicateId { what, id } => lang.pick(
                format!("Het id \u{201c}{id}\u{201d} komt meer dan eens voor bij: {what}."),
                format!("The id \u{201c}{id}\u{201d} is used more than once for: {}.", en(what)),
            ),
            VersionZero => lang.pick(
                "De versie van het kader moet 1 of hoger zijn.",
                "The framework's version must be 1 or higher.",
            ).into(),
            NoLevels { min, max } => lang.pick(
                format!("Het kader heeft geen niveaus; een kader heeft {min} of {max} niveaus nodig."),
                format!("The framework has no levels; a framework needs {min} or {max} levels."),
            ),
            LevelCount { found, min, max } => lang.pick(
                format!("Het kader heeft {found} niveaus, maar Leerspoor werkt met {min} of {max} niveaus."),
                format!("The framework has {found} levels, but Leerspoor works with {min} or {max} levels."),
            ),
            LevelNumbering { position, found } => lang.pick(
                format!(
                    "De niveaus moeten doorlopend genummerd zijn vanaf 1: op plaats {position} staat niveau {found}."
                ),
                format!(
                    "The levels must be numbered consecutively from 1: position {position} holds level {found}."
                ),
            ),
            NoAreas => lang.pick(
                "Het kader heeft geen gebieden met competenties.",
                "The framework has no areas with competencies.",
            ).into(),
            EmptyArea { area } => lang.pick(
                format!("Gebied \u{201c}{area}\u{201d} heeft geen competenties."),
                format!("Area \u{201c}{area}\u{201d} has no competencies."),
            ),
            EmptyCompetency { competency } => lang.pick(
                format!("Competentie \u{201c}{competency}\u{201d} heeft geen gedragsindicatoren."),
                format!("Competency \u{201c}{competency}\u{201d} has no behavioural indicators."),
            ),
            DescriptorCount {
                indicator,
                found,
                expected,
            } => lang.pick(
                format!(
                    "Indicator \u{201c}{indicator}\u{201d} heeft {found} niveaubeschrijvingen, maar het kader heeft {expected} niveaus."
                ),
                format!(
                    "Indicator \u{201c}{indicator}\u{201d} has {found} level descriptors, but the framework has {expected} levels."
                ),
            ),
            Unknown { what, id } => lang.pick(
                format!("Het kader heeft geen {what} \u{201c}{id}\u{201d}."),
                format!("The framework has no {} \u{201c}{id}\u{201d}.", en(what)),
            ),
            LevelOutOfRange { level, max } => lang.pick(
                format!("Niveau {level} bestaat niet; dit kader heeft niveaus 1 tot en met {max}."),
                format!("Level {level} does not exist; this framework has levels 1 to {max}."),
            ),
            NameRequired { what, current } => lang.pick(
                format!("Een naam mag niet leeg zijn. Deze {what} heet nog \u{201c}{current}\u{201d}."),
                format!("A name cannot be empty. This {} is still called \u{201c}{current}\u{201d}.", en(what)),
            ),
            LastIndicator { competency } => lang.pick(
                format!(
                    "Competentie \u{201c}{competency}\u{201d} houdt minstens één gedragsindicator; voeg eerst een andere toe."
                ),
                format!(
                    "Competency \u{201c}{competency}\u{201d} keeps at least one behavioural indicator; add another one first."
                ),
            ),
            NoFramework => lang.pick(
                "Er is nog geen competentiekader.",
                "There is no competency framework yet.",
            ).into(),
        }
    }
}

impl fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}
