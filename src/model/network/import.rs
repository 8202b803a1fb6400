//! Importing actors and ties from spreadsheet exports (CSV). Reading makes a preview and
//! changes nothing; [`apply`] adds the preview to the map in one step.

use std::collections::{HashMap, HashSet};

use super::actor::{score_in_range, word_key, SCORE_DEFAULT};
use super::csv::{self, CsvError, Row, Table};
use super::tie::pair;
use super::{
    name_key, Actor, ActorKind, Attitude, Direction, EditError, Endpoint, Network, Rapport,
    Strength, Tie, TieKind,
};
use crate::model::validation::term;
use crate::model::{Id, Lang};

/// Larger files are refused before parsing; a map of a thousand actors is far smaller.
pub const MAX_CSV_BYTES: usize = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ImportFile {
    Actors,
    Ties,
}

impl ImportFile {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ImportFile::Actors => lang.pick("actorenbestand", "actors file"),
            ImportFile::Ties => lang.pick("relatiebestand", "ties file"),
        }
    }
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
    /// `column` is the Dutch header the file needs ("naam", "van", "naar").
    MissingColumn {
        file: ImportFile,
        column: &'static str,
    },
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::TooLarge { file, bytes }, Lang::Nl) => format!(
                "Het {} is te groot ({} kB); Leerspoor leest hoogstens {} kB.",
                file.label(lang),
                bytes / 1024,
                MAX_CSV_BYTES / 1024
            ),
            (ImportError::TooLarge { file, bytes }, Lang::En) => format!(
                "The {} is too large ({} kB); Leerspoor reads at most {} kB.",
                file.label(lang),
                bytes / 1024,
                MAX_CSV_BYTES / 1024
            ),
            (ImportError::Csv { file, error }, Lang::Nl) => {
                format!("Het {}: {}", file.label(lang), error.message(lang))
            }
            (ImportError::Csv { file, error }, Lang::En) => {
                format!("The {}: {}", file.label(lang), error.message(lang))
            }
            (ImportError::MissingColumn { file, column }, Lang::Nl) => format!(
                "Het {} heeft geen kolom \u{201c}{column}\u{201d}. De eerste regel moet de kolomnamen bevatten.",
                file.label(lang)
            ),
            // The English name of the column is accepted too, so that is the one to ask for.
            (ImportError::MissingColumn { file, column }, Lang::En) => format!(
                "The {} has no column \u{201c}{}\u{201d}. The first line must hold the column names.",
                file.label(lang),
                term(lang, column)
            ),
        }
    }
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

impl RowError {
    pub fn message(&self, lang: Lang) -> String {
        let reason = match lang {
            Lang::Nl => self.reason_in_dutch(),
            Lang::En => self.reason_in_english(),
        };
        let line = self.line;
        let file = capitalise(self.file.label(lang));
        match lang {
            Lang::Nl => format!("{file}, regel {line}: {reason}"),
            Lang::En => format!("{file}, line {line}: {reason}"),
        }
    }

    fn reason_in_dutch(&self) -> String {
        let lang = Lang::Nl;
        match &self.problem {
            RowProblem::MissingName => "de naam ontbreekt.".to_string(),
            RowProblem::InvalidScore { column, value } => {
                format!("{column} \u{201c}{value}\u{201d} is geen getal van 1 tot en met 5.")
            }
            RowProblem::UnknownKind { value } => format!(
                "soort \u{201c}{value}\u{201d} is onbekend; kies uit {}.",
                choices(ActorKind::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownTieKind { value } => format!(
                "soort \u{201c}{value}\u{201d} is onbekend; kies uit {}.",
                choices(TieKind::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownAttitude { value } => format!(
                "houding \u{201c}{value}\u{201d} is onbekend; kies uit {}.",
                choices(Attitude::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownRapport { value } => format!(
                "verstandhouding \u{201c}{value}\u{201d} is onbekend; kies uit {}.",
                choices(Rapport::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownStrength { value } => format!(
                "sterkte \u{201c}{value}\u{201d} is onbekend; kies uit {}.",
                choices(Strength::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownDirection { value } => format!(
                "richting \u{201c}{value}\u{201d} is onbekend; kies uit {}.",
                choices(Direction::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::DuplicateName { name, first_line: Some(first) } => {
                format!("\u{201c}{name}\u{201d} staat al op regel {first}.")
            }
            RowProblem::DuplicateName { name, first_line: None } => {
                format!("\u{201c}{name}\u{201d} staat al op de kaart.")
            }
            RowProblem::MissingEnd { column } => format!("de kolom \u{201c}{column}\u{201d} is leeg."),
            RowProblem::UnknownActor { name } => format!(
                "\u{201c}{name}\u{201d} staat niet op de kaart en niet in het actorenbestand."
            ),
            RowProblem::AmbiguousActor { name, count } => format!(
                "er staan {count} actoren met de naam \u{201c}{name}\u{201d} op de kaart; geef ze eerst verschillende namen."
            ),
            RowProblem::SkippedActor { name, line } => format!(
                "\u{201c}{name}\u{201d} is niet ingelezen (zie regel {line} van het actorenbestand)."
            ),
            RowProblem::SelfTie { name } => {
                format!("van en naar zijn allebei \u{201c}{name}\u{201d}.")
            }
            RowProblem::DuplicateTie { from, to, first_line: Some(first) } => format!(
                "de relatie tussen \u{201c}{from}\u{201d} en \u{201c}{to}\u{201d} staat al op regel {first}."
            ),
            RowProblem::DuplicateTie { from, to, first_line: None } => format!(
                "tussen \u{201c}{from}\u{201d} en \u{201c}{to}\u{201d} staat al een relatie op de kaart."
            ),
        }
    }

    fn reason_in_english(&self) -> String {
        let lang = Lang::En;
        match &self.problem {
            RowProblem::MissingName => "the name is missing.".to_string(),
            RowProblem::InvalidScore { column, value } => format!(
                "{} \u{201c}{value}\u{201d} is not a whole number from 1 to 5.",
                term(lang, column)
            ),
            RowProblem::UnknownKind { value } => format!(
                "kind \u{201c}{value}\u{201d} is unknown; choose from {}.",
                choices(ActorKind::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownTieKind { value } => format!(
                "kind \u{201c}{value}\u{201d} is unknown; choose from {}.",
                choices(TieKind::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownAttitude { value } => format!(
                "attitude \u{201c}{value}\u{201d} is unknown; choose from {}.",
                choices(Attitude::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownRapport { value } => format!(
                "working relationship \u{201c}{value}\u{201d} is unknown; choose from {}.",
                choices(Rapport::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownStrength { value } => format!(
                "strength \u{201c}{value}\u{201d} is unknown; choose from {}.",
                choices(Strength::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::UnknownDirection { value } => format!(
                "direction \u{201c}{value}\u{201d} is unknown; choose from {}.",
                choices(Direction::ALL.iter().map(|k| k.label(lang)))
            ),
            RowProblem::DuplicateName { name, first_line: Some(first) } => {
                format!("\u{201c}{name}\u{201d} is already on line {first}.")
            }
            RowProblem::DuplicateName { name, first_line: None } => {
                format!("\u{201c}{name}\u{201d} is already on the map.")
            }
            RowProblem::MissingEnd { column } => format!(
                "the \u{201c}{}\u{201d} column is empty.",
                term(lang, column)
            ),
            RowProblem::UnknownActor { name } => format!(
                "\u{201c}{name}\u{201d} is neither on the map nor in the actors file."
            ),
            RowProblem::AmbiguousActor { name, count } => format!(
                "the map has {count} actors named \u{201c}{name}\u{201d}; give them different names first."
            ),
            RowProblem::SkippedActor { name, line } => format!(
                "\u{201c}{name}\u{201d} was not read in (see line {line} of the actors file)."
            ),
            RowProblem::SelfTie { name } => {
                format!("from and to are both \u{201c}{name}\u{201d}.")
            }
            RowProblem::DuplicateTie { from, to, first_line: Some(first) } => format!(
                "the tie between \u{201c}{from}\u{201d} and \u{201c}{to}\u{201d} is already on line {first}."
            ),
            RowProblem::DuplicateTie { from, to, first_line: None } => format!(
                "the map already has a tie between \u{201c}{from}\u{201d} and \u{201c}{to}\u{201d}."
            ),
        }
    }
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
}

impl ImportPreview {
    pub fn summary(&self, lang: Lang) -> String {
        let (actors, ties) = (self.actors.len(), self.ties.len());
        let mut text = match lang {
            Lang::Nl => format!(
                "{}, {}.",
                lang.count(actors, "nieuwe actor", "nieuwe actoren"),
                lang.count(ties, "nieuwe relatie", "nieuwe relaties"),
            ),
            Lang::En => format!(
                "{}, {}.",
                lang.count(actors, "new actor", "new actors"),
                lang.count(ties, "new tie", "new ties"),
            ),
        };
        let skipped: HashSet<_> = self.errors.iter().map(|e| (e.file, e.line)).collect();
        if !skipped.is_empty() {
            let lines = match lang {
                Lang::Nl => lang.count(skipped.len(), "regel", "regels"),
                Lang::En => lang.count(skipped.len(), "line", "lines"),
            };
            text.push_str(&format!(
                " {lines} {}.",
                lang.pick("overgeslagen", "skipped")
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
}

/// Reads an actors file, a ties file, or both. Ties may name actors from the same import
/// or already on the map, by name without regard to case or extra spaces; "ik" or "me" is the
/// advisor. `new_id` gives the ids of new records (pass `id::new_id`).
pub fn preview(
    net: &Network,
    actors_csv: Option<&str>,
    ties_csv: Option<&str>,
    mut new_id: impl FnMut() -> Id,
) -> Result<ImportPreview, ImportError> {
    let actor_table = actors_csv
        .map(|text| read(ImportFile::Actors, text))
        .transpose()?;
    let tie_table = ties_csv
        .map(|text| read(ImportFile::Ties, text))
        .transpose()?;
    let mut out = ImportPreview::default();
    let mut names = Names::new(net);
    if let Some(table) = actor_table {
        read_actors(&table, &mut names, &mut new_id, &mut out)?;
    }
    if let Some(table) = tie_table {
        read_ties(net, &table, &names, &mut new_id, &mut out)?;
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

impl ApplyError {
    pub fn message(&self, lang: Lang) -> String {
        let detail = match (self, lang) {
            (ApplyError::NameTaken { name }, Lang::Nl) => {
                format!("\u{201c}{name}\u{201d} staat inmiddels al op de kaart.")
            }
            (ApplyError::NameTaken { name }, Lang::En) => {
                format!("\u{201c}{name}\u{201d} has been added to the map in the meantime.")
            }
            (ApplyError::Edit(e), _) => e.message(lang),
        };
        match lang {
            Lang::Nl => format!("De kaart is veranderd sinds het voorbeeld ({detail}) Lees de bestanden opnieuw in; er is niets toegevoegd."),
            Lang::En => format!("The map has changed since the preview ({detail}) Read the files in again; nothing was added."),
        }
    }
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

fn read(file: ImportFile, text: &str) -> Result<Table, ImportError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(ImportError::TooLarge {
            file,
            bytes: text.len(),
        });
    }
    csv::parse(text).map_err(|error| ImportError::Csv { file, error })
}

/// Where each known field sits in a header; the first matching column wins.
fn columns<const N: usize>(
    file: ImportFile,
    table: &Table,
    aliases: [&[&str]; N],
    out: &mut ImportPreview,
) -> [Option<usize>; N] {
    let mut found = [None; N];
    for (col, head) in table.header.iter().enumerate() {
        let key = word_key(head);
        if key.is_empty() {
            continue;
        }
        match aliases
            .iter()
            .position(|names| names.contains(&key.as_str()))
        {
            Some(field) if found[field].is_none() => found[field] = Some(col),
            _ => out.ignored_columns.push((file, head.clone())),
        }
    }
    found
}

/// The names ties can refer to: actors on the map, and actors of this import.
struct Names<'a> {
    on_map: HashMap<String, Vec<&'a Actor>>,
    new: HashMap<String, (Id, usize)>,
    skipped: HashMap<String, usize>,
}

impl<'a> Names<'a> {
    fn new(net: &'a Network) -> Names<'a> {
        let mut on_map: HashMap<String, Vec<&Actor>> = HashMap::new();
        for a in &net.actors {
            on_map.entry(name_key(&a.name)).or_default().push(a);
        }
        Names {
            on_map,
            new: HashMap::new(),
            skipped: HashMap::new(),
        }
    }

    fn resolve(&self, name: &str, column: &'static str) -> Result<Endpoint, RowProblem> {
        let key = name_key(name);
        if key.is_empty() {
            return Err(RowProblem::MissingEnd { column });
        }
        if let Some((id, _)) = self.new.get(&key) {
            return Ok(Endpoint::Actor(*id));
        }
        match self.on_map.get(&key).map(Vec::as_slice) {
            Some([one]) => return Ok(Endpoint::Actor(one.id)),
            Some(many) if many.len() > 1 => {
                return Err(RowProblem::AmbiguousActor {
                    name: name.to_string(),
                    count: many.len(),
                })
            }
            _ => {}
        }
        // Files are read the same whatever the interface's language.
        if Lang::ALL
            .iter()
            .any(|&lang| key == Endpoint::me_label(lang))
        {
            return Ok(Endpoint::Me);
        }
        match self.skipped.get(&key) {
            Some(&line) => Err(RowProblem::SkippedActor {
                name: name.to_string(),
                line,
            }),
            None => Err(RowProblem::UnknownActor {
                name: name.to_string(),
            }),
        }
    }
}

const NAME: &[&str] = &["naam", "name"];
const KIND: &[&str] = &["soort", "kind", "type"];
const ORGANISATION: &[&str] = &["organisatie", "organisation", "organization"];
const ROLE: &[&str] = &["rol", "role", "functie"];
const INFLUENCE: &[&str] = &["invloed", "influence"];
const INTEREST: &[&str] = &["belang", "interest"];
const ATTITUDE: &[&str] = &["houding", "attitude"];
const RAPPORT: &[&str] = &["verstandhouding", "rapport"];
const NOTES: &[&str] = &["notities", "notitie", "opmerkingen", "notes", "note"];

fn read_actors(
    table: &Table,
    names: &mut Names,
    new_id: &mut impl FnMut() -> Id,
    out: &mut ImportPreview,
) -> Result<(), ImportError> {
    let file = ImportFile::Actors;
    let [name, kind, organisation, role, influence, interest, attitude, rapport, notes] = columns(
        file,
        table,
        [
            NAME,
            KIND,
            ORGANISATION,
            ROLE,
            INFLUENCE,
            INTEREST,
            ATTITUDE,
            RAPPORT,
            NOTES,
        ],
        out,
    );
    let name = name.ok_or(ImportError::MissingColumn {
        file,
        column: "naam",
    })?;
    for row in &table.rows {
        let mut problems = Vec::new();
        let actor_name = row.get(name);
        let key = name_key(actor_name);
        let mut duplicate = false;
        if key.is_empty() {
            problems.push(RowProblem::MissingName);
        } else if names.on_map.contains_key(&key) {
            problems.push(RowProblem::DuplicateName {
                name: actor_name.to_string(),
                first_line: None,
            });
            duplicate = true;
        } else if let Some(&(_, first)) = names.new.get(&key) {
            problems.push(RowProblem::DuplicateName {
                name: actor_name.to_string(),
                first_line: Some(first),
            });
            duplicate = true;
        }
        let mut actor = Actor::new(Id::nil(), actor_name);
        actor.kind = choice(
            row,
            kind,
            ActorKind::parse,
            |value| RowProblem::UnknownKind { value },
            &mut problems,
        );
        actor.attitude = choice(
            row,
            attitude,
            Attitude::parse,
            |value| RowProblem::UnknownAttitude { value },
            &mut problems,
        );
        actor.rapport = choice(
            row,
            rapport,
            Rapport::parse,
            |value| RowProblem::UnknownRapport { value },
            &mut problems,
        );
        actor.influence = score(row, influence, "invloed", &mut problems);
        actor.interest = score(row, interest, "belang", &mut problems);
        actor.organisation = cell(row, organisation).to_string();
        actor.role = cell(row, role).to_string();
        actor.notes = cell(row, notes).to_string();
        if problems.is_empty() {
            actor.id = new_id();
            names.new.insert(key, (actor.id, row.line));
            out.actors.push(actor);
        } else {
            if !key.is_empty() && !duplicate {
                names.skipped.entry(key).or_insert(row.line);
            }
            push_errors(file, row.line, problems, out);
        }
    }
    Ok(())
}

const FROM: &[&str] = &["van", "from", "bron", "source"];
const TO: &[&str] = &["naar", "to", "doel", "target"];
const STRENGTH: &[&str] = &["sterkte", "strength"];
const DIRECTION: &[&str] = &["richting", "direction"];

fn read_ties(
    net: &Network,
    table: &Table,
    names: &Names,
    new_id: &mut impl FnMut() -> Id,
    out: &mut ImportPreview,
) -> Result<(), ImportError> {
    let file = ImportFile::Ties;
    let [from, to, kind, strength, direction, note] = columns(
        file,
        table,
        [FROM, TO, KIND, STRENGTH, DIRECTION, NOTES],
        out,
    );
    let from = from.ok_or(ImportError::MissingColumn {
        file,
        column: "van",
    })?;
    let to = to.ok_or(ImportError::MissingColumn {
        file,
        column: "naar",
    })?;
    let mut pairs: HashMap<(Endpoint, Endpoint), usize> = HashMap::new();
    for row in &table.rows {
        let mut problems = Vec::new();
        let (from_name, to_name) = (row.get(from), row.get(to));
        let a = names
            .resolve(from_name, "van")
            .map_err(|p| problems.push(p))
            .ok();
        let b = names
            .resolve(to_name, "naar")
            .map_err(|p| problems.push(p))
            .ok();
        if let (Some(a), Some(b)) = (a, b) {
            if a == b {
                problems.push(RowProblem::SelfTie {
                    name: from_name.to_string(),
                });
            } else if net.tie_between(a, b).is_some() {
                problems.push(RowProblem::DuplicateTie {
                    from: from_name.to_string(),
                    to: to_name.to_string(),
                    first_line: None,
                });
            } else if let Some(&first) = pairs.get(&pair(a, b)) {
                problems.push(RowProblem::DuplicateTie {
                    from: from_name.to_string(),
                    to: to_name.to_string(),
                    first_line: Some(first),
                });
            }
        }
        let kind = choice(
            row,
            kind,
            TieKind::parse,
            |value| RowProblem::UnknownTieKind { value },
            &mut problems,
        );
        let strength = choice(
            row,
            strength,
            Strength::parse,
            |value| RowProblem::UnknownStrength { value },
            &mut problems,
        );
        let direction = choice(
            row,
            direction,
            Direction::parse,
            |value| RowProblem::UnknownDirection { value },
            &mut problems,
        );
        match (a, b) {
            (Some(a), Some(b)) if problems.is_empty() => {
                pairs.insert(pair(a, b), row.line);
                let mut tie = Tie::new(new_id(), a, b);
                tie.kind = kind;
                tie.strength = strength;
                tie.direction = direction;
                tie.note = cell(row, note).to_string();
                out.ties.push(tie);
            }
            _ => push_errors(file, row.line, problems, out),
        }
    }
    Ok(())
}

fn cell(row: &Row, column: Option<usize>) -> &str {
    column.map_or("", |c| row.get(c))
}

/// An empty cell gives the default; an unreadable one a problem (and the default).
fn choice<T: Default>(
    row: &Row,
    column: Option<usize>,
    parse: impl Fn(&str) -> Option<T>,
    problem: impl Fn(String) -> RowProblem,
    problems: &mut Vec<RowProblem>,
) -> T {
    let value = cell(row, column);
    if value.is_empty() {
        return T::default();
    }
    parse(value).unwrap_or_else(|| {
        problems.push(problem(value.to_string()));
        T::default()
    })
}

fn score(
    row: &Row,
    column: Option<usize>,
    name: &'static str,
    problems: &mut Vec<RowProblem>,
) -> u8 {
    let value = cell(row, column);
    if value.is_empty() {
        return SCORE_DEFAULT;
    }
    match value.parse::<u8>() {
        Ok(n) if score_in_range(n) => n,
        _ => {
            problems.push(RowProblem::InvalidScore {
                column: name,
                value: value.to_string(),
            });
            SCORE_DEFAULT
        }
    }
}

fn push_errors(file: ImportFile, line: usize, problems: Vec<RowProblem>, out: &mut ImportPreview) {
    out.errors
        .extend(problems.into_iter().map(|problem| RowError {
            file,
            line,
            problem,
        }));
}

fn choices<'a>(labels: impl Iterator<Item = &'a str>) -> String {
    labels.collect::<Vec<_>>().join(", ")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids 1, 2, 3, … in the order asked for.
    fn ids() -> impl FnMut() -> Id {
        let mut n = 0;
        move || {
            n += 1;
            Id::from_u128(n)
        }
    }

    fn map_with(names: &[&str]) -> Network {
        let mut net = Network::default();
        for (i, name) in names.iter().enumerate() {
            net.add_actor(Actor::new(Id::from_u128(1000 + i as u128), name))
                .unwrap();
        }
        net
    }

    fn problems(p: &ImportPreview) -> Vec<(usize, RowProblem)> {
        p.errors
            .iter()
            .map(|e| (e.line, e.problem.clone()))
            .collect()
    }

    #[test]
    fn a_dutch_excel_export_reads_fully() {
        let actors = "\u{feff}Naam;Soort;Organisatie;Rol;Invloed;Belang\r\n\
                      Anna de Wit;persoon;Gemeente;wethouder;5;4\r\n\
                      Buurtvereniging Oost;bewonersgroep;;;2;5\r\n";
        let ties = "van;naar;soort;sterkte\r\nik;anna de wit;formeel;sterk\r\nAnna de Wit; Buurtvereniging Oost ;samenwerking;zwak\r\n";
        let net = Network::default();
        let p = preview(&net, Some(actors), Some(ties), ids()).unwrap();
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert!(p.ignored_columns.is_empty());
        assert_eq!(p.actors.len(), 2);
        let anna = &p.actors[0];
        assert_eq!(
            (
                anna.name.as_str(),
                anna.kind,
                anna.organisation.as_str(),
                anna.role.as_str()
            ),
            ("Anna de Wit", ActorKind::Person, "Gemeente", "wethouder")
        );
        assert_eq!((anna.influence, anna.interest), (5, 4));
        assert_eq!(p.actors[1].kind, ActorKind::ResidentsGroup);
        assert_eq!(p.ties.len(), 2);
        assert_eq!(
            (p.ties[0].a, p.ties[0].b),
            (Endpoint::Me, Endpoint::Actor(anna.id))
        );
        assert_eq!(
            (p.ties[0].kind, p.ties[0].strength),
            (TieKind::Formal, Strength::Strong)
        );
        assert_eq!(
            (p.ties[1].kind, p.ties[1].strength),
            (TieKind::Collaboration, Strength::Weak)
        );
        assert_eq!(p.ties[1].b, Endpoint::Actor(p.actors[1].id));
        // Nothing happens before apply.
        assert!(net.actors.is_empty());
        assert_eq!(p.summary(Lang::Nl), "2 nieuwe actoren, 2 nieuwe relaties.");
        assert_eq!(p.summary(Lang::En), "2 new actors, 2 new ties.");
    }

    #[test]
    fn english_headers_and_defaults() {
        let p = preview(
            &Network::default(),
            Some("name,organization,influence\nBram,,\n"),
            None,
            ids(),
        )
        .unwrap();
        assert_eq!(p.actors.len(), 1);
        assert_eq!(p.actors[0].influence, 3);
        assert_eq!(p.actors[0].interest, 3);
        assert_eq!(p.actors[0].kind, ActorKind::Person);
    }

    #[test]
    fn an_english_spreadsheet_reads_fully() {
        let actors = "Name,Kind,Organisation,Influence,Interest,Attitude,Rapport\n\
                      Anna,person,Council,5,4,advocate,good\n\
                      East Residents,residents' group,,2,5,critical,none\n\
                      Parks,department/team,,3,3,,\n";
        let ties = "From,To,Kind,Strength,Direction\n\
                    me,Anna,informal,strong,one-way\n\
                    Anna,East Residents,collaboration,weak,mutual\n\
                    Parks,ik,assignment,normal,\n";
        let p = preview(&Network::default(), Some(actors), Some(ties), ids()).unwrap();
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert!(p.ignored_columns.is_empty());
        let kinds: Vec<_> = p.actors.iter().map(|a| a.kind).collect();
        assert_eq!(
            kinds,
            [
                ActorKind::Person,
                ActorKind::ResidentsGroup,
                ActorKind::Team
            ]
        );
        assert_eq!(
            (p.actors[0].attitude, p.actors[0].rapport),
            (Attitude::Advocate, Rapport::Good)
        );
        let t = &p.ties[0];
        assert_eq!(
            (t.a, t.kind, t.strength, t.direction),
            (
                Endpoint::Me,
                TieKind::Informal,
                Strength::Strong,
                Direction::OneWay
            )
        );
        assert_eq!(p.ties[1].direction, Direction::Both);
        assert_eq!(p.ties[2].b, Endpoint::Me);
        assert_eq!(p.ties[2].kind, TieKind::Assignment);
        assert_eq!(p.summary(Lang::En), "3 new actors, 3 new ties.");
    }

    #[test]
    fn bad_rows_are_listed_by_line_with_a_reason() {
        let actors = "naam,soort,invloed,belang,telefoon\n\
                      Anna,persoon,7,3,0612\n\
                      ,persoon,3,3,\n\
                      Bram,kat,3,x,\n\
                      Cor,,,,\n\
                      cor ,,,,\n\
                      Dirk,,,,\n";
        let net = map_with(&["Dirk"]);
        let p = preview(&net, Some(actors), None, ids()).unwrap();
        assert_eq!(
            p.actors.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
            ["Cor"]
        );
        assert_eq!(
            problems(&p),
            vec![
                (
                    2,
                    RowProblem::InvalidScore {
                        column: "invloed",
                        value: "7".into()
                    }
                ),
                (3, RowProblem::MissingName),
                (
                    4,
                    RowProblem::UnknownKind {
                        value: "kat".into()
                    }
                ),
                (
                    4,
                    RowProblem::InvalidScore {
                        column: "belang",
                        value: "x".into()
                    }
                ),
                (
                    6,
                    RowProblem::DuplicateName {
                        name: "cor".into(),
                        first_line: Some(5)
                    }
                ),
                (
                    7,
                    RowProblem::DuplicateName {
                        name: "Dirk".into(),
                        first_line: None
                    }
                ),
            ]
        );
        assert_eq!(
            p.ignored_columns,
            vec![(ImportFile::Actors, "telefoon".to_string())]
        );
        assert_eq!(
            p.errors[0].message(Lang::Nl),
            "Actorenbestand, regel 2: invloed \u{201c}7\u{201d} is geen getal van 1 tot en met 5."
        );
        assert_eq!(
            p.errors[0].message(Lang::En),
            "Actors file, line 2: influence \u{201c}7\u{201d} is not a whole number from 1 to 5."
        );
        assert!(p.errors[2]
            .message(Lang::Nl)
            .contains("kies uit persoon, organisatie"));
        assert!(p.errors[2]
            .message(Lang::En)
            .contains("choose from person, organisation, department/team"));
        assert_eq!(
            p.errors[4].message(Lang::En),
            "Actors file, line 6: \u{201c}cor\u{201d} is already on line 5."
        );
        assert_eq!(
            p.summary(Lang::Nl),
            "1 nieuwe actor, 0 nieuwe relaties. 5 regels overgeslagen. Niet gelezen kolommen: telefoon."
        );
        assert_eq!(
            p.summary(Lang::En),
            "1 new actor, 0 new ties. 5 lines skipped. Columns not read: telefoon."
        );
    }

    #[test]
    fn ties_name_actors_on_the_map_and_in_the_file() {
        let net = {
            let mut n = map_with(&["Wethouder", "Jan", "jan "]);
            n.add_tie(Tie::new(
                Id::from_u128(9000),
                Endpoint::Me,
                Endpoint::Actor(Id::from_u128(1000)),
            ))
            .unwrap();
            n
        };
        let actors = "naam,invloed\nNieuw,4\nFout,9\n";
        let ties = "from,to,strength,richting,kleur\n\
                    Nieuw,WETHOUDER,gewoon,eenzijdig,rood\n\
                    Nieuw,Onbekend,,,\n\
                    Nieuw,Jan,,,\n\
                    Nieuw,Fout,,,\n\
                    Nieuw,nieuw,,,\n\
                    wethouder,Nieuw,,,\n\
                    Wethouder,ik,,,\n\
                    ,Nieuw,heel sterk,,\n";
        let p = preview(&net, Some(actors), Some(ties), ids()).unwrap();
        assert_eq!(p.ties.len(), 1);
        let t = &p.ties[0];
        assert_eq!(t.a, Endpoint::Actor(p.actors[0].id));
        assert_eq!(t.b, Endpoint::Actor(Id::from_u128(1000)));
        assert_eq!(t.direction, Direction::OneWay);
        let tie_problems: Vec<_> = p
            .errors
            .iter()
            .filter(|e| e.file == ImportFile::Ties)
            .map(|e| (e.line, e.problem.clone()))
            .collect();
        assert_eq!(
            tie_problems,
            vec![
                (
                    3,
                    RowProblem::UnknownActor {
                        name: "Onbekend".into()
                    }
                ),
                (
                    4,
                    RowProblem::AmbiguousActor {
                        name: "Jan".into(),
                        count: 2
                    }
                ),
                (
                    5,
                    RowProblem::SkippedActor {
                        name: "Fout".into(),
                        line: 3
                    }
                ),
                (
                    6,
                    RowProblem::SelfTie {
                        name: "Nieuw".into()
                    }
                ),
                (
                    7,
                    RowProblem::DuplicateTie {
                        from: "wethouder".into(),
                        to: "Nieuw".into(),
                        first_line: Some(2)
                    }
                ),
                (
                    8,
                    RowProblem::DuplicateTie {
                        from: "Wethouder".into(),
                        to: "ik".into(),
                        first_line: None
                    }
                ),
                (9, RowProblem::MissingEnd { column: "van" }),
                (
                    9,
                    RowProblem::UnknownStrength {
                        value: "heel sterk".into()
                    }
                ),
            ]
        );
        assert_eq!(
            p.ignored_columns,
            vec![(ImportFile::Ties, "kleur".to_string())]
        );
        assert!(p
            .errors
            .last()
            .unwrap()
            .message(Lang::Nl)
            .starts_with("Relatiebestand, regel 9:"));
        assert_eq!(
            p.errors.last().unwrap().message(Lang::En),
            "Ties file, line 9: strength \u{201c}heel sterk\u{201d} is unknown; choose from weak, normal, strong."
        );
        assert_eq!(
            p.errors
                .iter()
                .find(|e| e.line == 9)
                .unwrap()
                .message(Lang::En),
            "Ties file, line 9: the \u{201c}from\u{201d} column is empty."
        );
    }

    #[test]
    fn missing_columns_and_broken_files_stop_the_preview() {
        let net = Network::default();
        assert_eq!(
            preview(&net, Some("rol,invloed\nx,3\n"), None, ids()),
            Err(ImportError::MissingColumn {
                file: ImportFile::Actors,
                column: "naam"
            })
        );
        assert_eq!(
            preview(&net, None, Some("van,soort\nik,formeel\n"), ids()),
            Err(ImportError::MissingColumn {
                file: ImportFile::Ties,
                column: "naar"
            })
        );
        let err = preview(&net, Some("naam\n\"Anna\n"), None, ids()).unwrap_err();
        assert_eq!(
            err,
            ImportError::Csv {
                file: ImportFile::Actors,
                error: CsvError::UnterminatedQuote { line: 2 }
            }
        );
        assert!(err.message(Lang::Nl).contains("regel 2"));
        assert_eq!(
            err.message(Lang::En),
            "The actors file: On line 2 a quotation mark (\") opens that is never closed. Check the file."
        );
        assert_eq!(
            ImportError::MissingColumn {
                file: ImportFile::Ties,
                column: "naar"
            }
            .message(Lang::En),
            "The ties file has no column \u{201c}to\u{201d}. The first line must hold the column names."
        );
        let big = "naam\n".to_string() + &"x\n".repeat(MAX_CSV_BYTES / 2);
        assert!(matches!(
            preview(&net, Some(&big), None, ids()),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_second_column_for_the_same_field_is_ignored() {
        let p = preview(
            &Network::default(),
            Some("naam,name\nAnna,Anne\n"),
            None,
            ids(),
        )
        .unwrap();
        assert_eq!(p.actors[0].name, "Anna");
        assert_eq!(
            p.ignored_columns,
            vec![(ImportFile::Actors, "name".to_string())]
        );
    }

    #[test]
    fn apply_adds_everything_in_one_step() {
        let mut net = map_with(&["Wethouder"]);
        let p = preview(
            &net,
            Some("naam\nAnna\nBram\n"),
            Some("van,naar\nAnna,Bram\nik,Wethouder\n"),
            ids(),
        )
        .unwrap();
        assert_eq!(apply(p, &mut net), Ok(Applied { actors: 2, ties: 2 }));
        assert_eq!(net.actors.len(), 3);
        assert_eq!(net.ties.len(), 2);
        let mut problems = Vec::new();
        net.validate(&mut problems);
        assert!(problems.is_empty());
    }

    #[test]
    fn apply_refuses_a_stale_preview_and_changes_nothing() {
        let mut net = Network::default();
        let p = preview(&net, Some("naam\nAnna\nBram\n"), None, ids()).unwrap();
        net.add_actor(Actor::new(Id::from_u128(500), "bram"))
            .unwrap();
        let before = net.clone();
        assert_eq!(
            apply(p, &mut net),
            Err(ApplyError::NameTaken {
                name: "Bram".into()
            })
        );
        assert_eq!(net, before);

        let mut net = map_with(&["Anna"]);
        let p = preview(&net, None, Some("van,naar\nik,Anna\n"), ids()).unwrap();
        net.remove_actor(Id::from_u128(1000));
        let err = apply(p, &mut net).unwrap_err();
        assert_eq!(
            err,
            ApplyError::Edit(EditError::UnknownActor(Id::from_u128(1000)))
        );
        assert!(err.message(Lang::Nl).contains("niets toegevoegd"));
        assert!(err.message(Lang::En).contains("nothing was added"));
        assert!(net.ties.is_empty());
    }
}
