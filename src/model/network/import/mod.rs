//! Importing actors and ties from spreadsheet exports (CSV). Reading makes a preview and
//! changes nothing; [`apply`] adds the preview to the map in one step.
//!
//! `encoding` turns a file's bytes into text (UTF-8, UTF-16, Windows-1252), `read` the
//! text's rows into actors and ties, `wording` words every outcome in both languages.

mod encoding;
mod read;
mod wording;

use super::csv::CsvError;
use super::{Actor, EditError, Network, Tie};
use crate::model::validation::limits;
use crate::model::Id;
use read::{read, read_actors, read_ties, Names};

pub use encoding::{decode, Decoded, Encoding};

/// Larger files are refused before parsing; a map of a thousand actors is far smaller.
pub const MAX_CSV_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImportFile {
    Actors,
    Ties,
}

/// The whole file cannot be read; nothing was previewed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        file: ImportFile,
        bytes: usize,
    },
    Csv {
        file: ImportFile,
        error: CsvError,
    },
    /// A file that starts with a UTF-16 byte order mark but does not continue as UTF-16.
    BadUtf16 {
        file: ImportFile,
        encoding: Encoding,
    },
    /// `column` is the Dutch header the file needs ("naam", "van", "naar").
    MissingColumn {
        file: ImportFile,
        column: &'static str,
    },
    /// The file would give the map more actors or ties than it keeps
    /// (`validation::limits`); `room` is how many still fit.
    TooMany {
        file: ImportFile,
        adding: usize,
        room: usize,
        max: usize,
    },
}

/// Why one row was skipped. Values are quoted as they stood in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    MissingName,
    /// `column` is the Dutch column name ("invloed", "belang").
    InvalidScore {
        column: &'static str,
        value: String,
    },
    UnknownKind {
        value: String,
    },
    UnknownTieKind {
        value: String,
    },
    UnknownAttitude {
        value: String,
    },
    UnknownRapport {
        value: String,
    },
    UnknownStrength {
        value: String,
    },
    UnknownDirection {
        value: String,
    },
    /// `first_line` is the earlier row in this file; `None` when the map already has it.
    DuplicateName {
        name: String,
        first_line: Option<usize>,
    },
    /// `column` is "van" or "naar".
    MissingEnd {
        column: &'static str,
    },
    UnknownActor {
        name: String,
    },
    AmbiguousActor {
        name: String,
        count: usize,
    },
    /// The name belongs to a row of the actors file that was itself skipped.
    SkippedActor {
        name: String,
        line: usize,
    },
    SelfTie {
        name: String,
    },
    /// `first_line` is the earlier row in this file; `None` when the map already has it.
    DuplicateTie {
        from: String,
        to: String,
        first_line: Option<usize>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub file: ImportFile,
    pub line: usize,
    pub problem: RowProblem,
}

/// What an import would add. Nothing is on the map until [`apply`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPreview {
    pub actors: Vec<Actor>,
    pub ties: Vec<Tie>,
    /// Columns that were not read: unknown names, or a second column for the same field.
    pub ignored_columns: Vec<(ImportFile, String)>,
    /// Skipped rows, in file order; a row may have more than one problem.
    pub errors: Vec<RowError>,
    /// The files that were not UTF-8, and what they were read as.
    pub encodings: Vec<(ImportFile, Encoding)>,
}

/// Reads an actors file, a ties file, or both, typed or pasted as text. Ties may name
/// actors from the same import or already on the map, by name without regard to case or
/// extra spaces; "ik" or "me" is the advisor. `new_id` gives the ids of new records (pass
/// `id::new_id`).
pub fn preview(
    net: &Network,
    actors_csv: Option<&str>,
    ties_csv: Option<&str>,
    new_id: impl FnMut() -> Id,
) -> Result<ImportPreview, ImportError> {
    let typed = |text| (text, Encoding::Utf8);
    preview_as(net, actors_csv.map(typed), ties_csv.map(typed), new_id)
}

/// [`preview`] of texts read from files by [`decode`], each with the encoding it was read
/// in: the preview says which files were not UTF-8.
pub fn preview_as(
    net: &Network,
    actors: Option<(&str, Encoding)>,
    ties: Option<(&str, Encoding)>,
    mut new_id: impl FnMut() -> Id,
) -> Result<ImportPreview, ImportError> {
    let actor_table = actors
        .map(|(text, _)| read(ImportFile::Actors, text))
        .transpose()?;
    let tie_table = ties
        .map(|(text, _)| read(ImportFile::Ties, text))
        .transpose()?;
    let mut out = ImportPreview::default();
    for (file, input) in [(ImportFile::Actors, actors), (ImportFile::Ties, ties)] {
        if let Some((_, encoding)) = input.filter(|(_, e)| *e != Encoding::Utf8) {
            out.encodings.push((file, encoding));
        }
    }
    let mut names = Names::new(net);
    if let Some(table) = actor_table {
        read_actors(&table, &mut names, &mut new_id, &mut out)?;
    }
    if let Some(table) = tie_table {
        read_ties(net, &table, &names, &mut new_id, &mut out)?;
    }
    // What the map cannot take is said now, in the preview, not when it is applied.
    for (file, have, adding, max) in [
        (
            ImportFile::Actors,
            net.actors.len(),
            out.actors.len(),
            limits::ACTORS,
        ),
        (
            ImportFile::Ties,
            net.ties.len(),
            out.ties.len(),
            limits::TIES,
        ),
    ] {
        if have + adding > max {
            return Err(ImportError::TooMany {
                file,
                adding,
                room: max.saturating_sub(have),
                max,
            });
        }
    }
    Ok(out)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// The map changed since the preview, so it no longer fits; nothing was added.
    NameTaken {
        name: String,
    },
    Edit(EditError),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub actors: usize,
    pub ties: usize,
}

/// Adds everything in the preview, or nothing when any part no longer fits the map.
pub fn apply(preview: ImportPreview, net: &mut Network) -> Result<Applied, ApplyError> {
    let mut next = net.clone();
    let applied = Applied {
        actors: preview.actors.len(),
        ties: preview.ties.len(),
    };
    for actor in preview.actors {
        if !next.actors_named(&actor.name).is_empty() {
            return Err(ApplyError::NameTaken { name: actor.name });
        }
        next.add_actor(actor).map_err(ApplyError::Edit)?;
    }
    for tie in preview.ties {
        next.add_tie(tie).map_err(ApplyError::Edit)?;
    }
    *net = next;
    Ok(applied)
}

#[cfg(test)]
mod tests;
