//! Every text the CSV import shows, in both languages: what was read, what was skipped
//! and why, and why a file could not be read at all.

use std::collections::HashSet;

use super::super::{ActorKind, Attitude, Direction, Rapport, Strength, TieKind};
use super::{
    ApplyError, Encoding, ImportError, ImportFile, ImportPreview, RowError, RowProblem,
    MAX_CSV_BYTES,
};
use crate::model::validation::term;
use crate::model::Lang;

impl ImportFile {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ImportFile::Actors => lang.pick("actorenbestand", "actors file"),
            ImportFile::Ties => lang.pick("relatiebestand", "ties file"),
        }
    }
}

impl Encoding {
    /// The encoding's name as spreadsheet programs show it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => lang.pick("UTF-16 (little-endian)", "UTF-16 (little-endian)"),
            Encoding::Utf16Be => lang.pick("UTF-16 (big-endian)", "UTF-16 (big-endian)"),
            Encoding::Windows1252 => "Windows-1252",
        }
    }

    /// Where files in this encoding usually come from.
    fn origin(self, lang: Lang) -> &'static str {
        match self {
            Encoding::Utf8 => "",
            Encoding::Utf16Le | Encoding::Utf16Be => lang.pick(
                " (zo bewaren Excel en Kladblok \u{201c}Unicode-tekst\u{201d})",
                " (as Excel and Notepad save \u{201c}Unicode text\u{201d})",
            ),
            Encoding::Windows1252 => lang.pick(
                " (zo bewaart Excel op Windows een CSV-bestand)",
                " (as Excel on Windows saves a CSV file)",
            ),
        }
    }
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::TooLarge { file, bytes } => lang.pick(
                format!(
                    "Het {} is te groot ({} kB); Leerspoor leest hoogstens {} kB.",
                    file.label(lang),
                    bytes / 1024,
                    MAX_CSV_BYTES / 1024
                ),
                format!(
                    "The {} is too large ({} kB); Leerspoor reads at most {} kB.",
                    file.label(lang),
                    bytes / 1024,
                    MAX_CSV_BYTES / 1024
                ),
            ),
            ImportError::TooMany {
                file,
                adding,
                room,
                max,
            } => {
                let (nl, en) = match file {
                    ImportFile::Actors => ("actoren", "actors"),
                    ImportFile::Ties => ("relaties", "ties"),
                };
                lang.pick(
                    format!(
                        "Het {} voegt {} {nl} toe, maar er passen er nog {} op de kaart: Leerspoor bewaart hoogstens {} {nl}. Er is niets ingelezen.",
                        file.label(lang),
                        lang.integer(*adding),
                        lang.integer(*room),
                        lang.integer(*max)
                    ),
                    format!(
                        "The {} adds {} {en}, but only {} more fit on the map: Leerspoor keeps at most {} {en}. Nothing was read in.",
                        file.label(lang),
                        lang.integer(*adding),
                        lang.integer(*room),
                        lang.integer(*max)
                    ),
                )
            }
            ImportError::Csv { file, error } => lang.pick(
                format!("Het {}: {}", file.label(lang), error.message(lang)),
                format!("The {}: {}", file.label(lang), error.message(lang)),
            ),
            ImportError::BadUtf16 { file, encoding } => lang.pick(
                format!(
                    "Het {} begint als {}-tekst, maar is verderop geen geldige {} meer. Bewaar het opnieuw als CSV en kies het nog eens.",
                    file.label(lang),
                    encoding.label(lang),
                    encoding.label(lang)
                ),
                format!(
                    "The {} starts as {} text, but further on is no valid {}. Save it again as CSV and choose it once more.",
                    file.label(lang),
                    encoding.label(lang),
                    encoding.label(lang)
                ),
            ),
            // The English name of the column is accepted too, so that is the one to ask for.
            ImportError::MissingColumn { file, column } => lang.pick(
                format!(
                    "Het {} heeft geen kolom \u{201c}{column}\u{201d}. De eerste regel moet de kolomnamen bevatten.",
                    file.label(lang)
                ),
                format!(
                    "The {} has no column \u{201c}{}\u{201d}. The first line must hold the column names.",
                    file.label(lang),
                    term(lang, column)
                ),
            ),
        }
    }
}

impl RowError {
    pub fn message(&self, lang: Lang) -> String {
        let reason = reason(&self.problem, lang);
        let line = self.line;
        let file = capitalise(self.file.label(lang));
        lang.pick(
            format!("{file}, regel {line}: {reason}"),
            format!("{file}, line {line}: {reason}"),
        )
    }
}

/// Why a row was skipped. Dutch column names are given in English by `term`.
fn reason(problem: &RowProblem, lang: Lang) -> String {
    let unknown = |what_nl: &str, what_en: &str, value: &str, labels: Vec<&str>| {
        let labels = labels.join(", ");
        lang.pick(
            format!("{what_nl} \u{201c}{value}\u{201d} is onbekend; kies uit {labels}."),
            format!("{what_en} \u{201c}{value}\u{201d} is unknown; choose from {labels}."),
        )
    };
    match problem {
        RowProblem::MissingName => lang
            .pick("de naam ontbreekt.", "the name is missing.")
            .to_string(),
        RowProblem::InvalidScore { column, value } => lang.pick(
            format!("{column} \u{201c}{value}\u{201d} is geen getal van 1 tot en met 5."),
            format!(
                "{} \u{201c}{value}\u{201d} is not a whole number from 1 to 5.",
                term(lang, column)
            ),
        ),
        RowProblem::UnknownKind { value } => unknown(
            "soort",
            "kind",
            value,
            ActorKind::ALL.iter().map(|k| k.label(lang)).collect(),
        ),
        RowProblem::UnknownTieKind { value } => unknown(
            "soort",
            "kind",
            value,
            TieKind::ALL.iter().map(|k| k.label(lang)).collect(),
        ),
        RowProblem::UnknownAttitude { value } => unknown(
            "houding",
            "attitude",
            value,
            Attitude::ALL.iter().map(|k| k.label(lang)).collect(),
        ),
        RowProblem::UnknownRapport { value } => unknown(
            "verstandhouding",
            "working relationship",
            value,
            Rapport::ALL.iter().map(|k| k.label(lang)).collect(),
        ),
        RowProblem::UnknownStrength { value } => unknown(
            "sterkte",
            "strength",
            value,
            Strength::ALL.iter().map(|k| k.label(lang)).collect(),
        ),
        RowProblem::UnknownDirection { value } => unknown(
            "richting",
            "direction",
            value,
            Direction::ALL.iter().map(|k| k.label(lang)).collect(),
        ),
        RowProblem::DuplicateName {
            name,
            first_line: Some(first),
        } => lang.pick(
            format!("\u{201c}{name}\u{201d} staat al op regel {first}."),
            format!("\u{201c}{name}\u{201d} is already on line {first}."),
        ),
        RowProblem::DuplicateName {
            name,
            first_line: None,
        } => lang.pick(
            format!("\u{201c}{name}\u{201d} staat al op de kaart."),
            format!("\u{201c}{name}\u{201d} is already on the map."),
        ),
        RowProblem::MissingEnd { column } => lang.pick(
            format!("de kolom \u{201c}{column}\u{201d} is leeg."),
            format!("the \u{201c}{}\u{201d} column is empty.", term(lang, column)),
        ),
        RowProblem::UnknownActor { name } => lang.pick(
            format!("\u{201c}{name}\u{201d} staat niet op de kaart en niet in het actorenbestand."),
            format!("\u{201c}{name}\u{201d} is neither on the map nor in the actors file."),
        ),
        RowProblem::AmbiguousActor { name, count } => lang.pick(
            format!("er staan {count} actoren met de naam \u{201c}{name}\u{201d} op de kaart; geef ze eerst verschillende namen."),
            format!("the map has {count} actors named \u{201c}{name}\u{201d}; give them different names first."),
        ),
        RowProblem::SkippedActor { name, line } => lang.pick(
            format!("\u{201c}{name}\u{201d} is niet ingelezen (zie regel {line} van het actorenbestand)."),
            format!("\u{201c}{name}\u{201d} was not read in (see line {line} of the actors file)."),
        ),
        RowProblem::SelfTie { name } => lang.pick(
            format!("van en naar zijn allebei \u{201c}{name}\u{201d}."),
            format!("from and to are both \u{201c}{name}\u{201d}."),
        ),
        RowProblem::DuplicateTie {
            from,
            to,
            first_line: Some(first),
        } => lang.pick(
            format!("de relatie tussen \u{201c}{from}\u{201d} en \u{201c}{to}\u{201d} staat al op regel {first}."),
            format!("the tie between \u{201c}{from}\u{201d} and \u{201c}{to}\u{201d} is already on line {first}."),
        ),
        RowProblem::DuplicateTie {
            from,
            to,
            first_line: None,
        } => lang.pick(
            format!("tussen \u{201c}{from}\u{201d} en \u{201c}{to}\u{201d} staat al een relatie op de kaart."),
            format!("the map already has a tie between \u{201c}{from}\u{201d} and \u{201c}{to}\u{201d}."),
        ),
    }
}

impl ImportPreview {
    pub fn summary(&self, lang: Lang) -> String {
        let (actors, ties) = (self.actors.len(), self.ties.len());
        let mut text = lang.pick(
            format!(
                "{}, {}.",
                lang.count(actors, "nieuwe actor", "nieuwe actoren"),
                lang.count(ties, "nieuwe relatie", "nieuwe relaties"),
            ),
            format!(
                "{}, {}.",
                lang.count(actors, "new actor", "new actors"),
                lang.count(ties, "new tie", "new ties"),
            ),
        );
        let skipped: HashSet<_> = self.errors.iter().map(|e| (e.file, e.line)).collect();
        if !skipped.is_empty() {
            let n = skipped.len();
            text.push_str(&lang.pick(
                format!(" {} overgeslagen.", lang.count(n, "regel", "regels")),
                format!(" {} skipped.", lang.count(n, "line", "lines")),
            ));
        }
        if !self.ignored_columns.is_empty() {
            let names: Vec<_> = self
                .ignored_columns
                .iter()
                .map(|(_, c)| c.as_str())
                .collect();
            text.push_str(&format!(
                " {}: {}.",
                lang.pick("Niet gelezen kolommen", "Columns not read"),
                names.join(", ")
            ));
        }
        text
    }

    /// One line per file that was not UTF-8: which encoding it was read in.
    pub fn encoding_notes(&self, lang: Lang) -> Vec<String> {
        self.encodings
            .iter()
            .map(|(file, encoding)| {
                lang.pick(
                    format!(
                        "Het {} is gelezen als {}{}.",
                        file.label(lang),
                        encoding.label(lang),
                        encoding.origin(lang)
                    ),
                    format!(
                        "The {} was read as {}{}.",
                        file.label(lang),
                        encoding.label(lang),
                        encoding.origin(lang)
                    ),
                )
            })
            .collect()
    }
}

impl ApplyError {
    pub fn message(&self, lang: Lang) -> String {
        let detail = match self {
            ApplyError::NameTaken { name } => lang.pick(
                format!("\u{201c}{name}\u{201d} staat inmiddels al op de kaart."),
                format!("\u{201c}{name}\u{201d} has been added to the map in the meantime."),
            ),
            ApplyError::Edit(e) => e.message(lang),
        };
        lang.pick(
            format!("De kaart is veranderd sinds het voorbeeld ({detail}) Lees de bestanden opnieuw in; er is niets toegevoegd."),
            format!("The map has changed since the preview ({detail}) Read the files in again; nothing was added."),
        )
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
