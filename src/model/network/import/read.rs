//! The readers: a table's columns by their Dutch or English names, and each row of an
//! actors file or a ties file into an actor or a tie, or into the reasons it was skipped.

use std::collections::HashMap;

use super::super::actor::{score_in_range, word_key, SCORE_DEFAULT};
use super::super::csv::{self, Row, Table};
use super::super::tie::pair;
use super::super::{
    name_key, Actor, ActorKind, Attitude, Direction, Endpoint, Network, Rapport, Strength, Tie,
    TieKind,
};
use super::{ImportError, ImportFile, ImportPreview, RowError, RowProblem, MAX_CSV_BYTES};
use crate::model::{Id, Lang};

pub(super) fn read(file: ImportFile, text: &str) -> Result<Table, ImportError> {
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
pub(super) struct Names<'a> {
    on_map: HashMap<String, Vec<&'a Actor>>,
    new: HashMap<String, (Id, usize)>,
    skipped: HashMap<String, usize>,
}

impl<'a> Names<'a> {
    pub(super) fn new(net: &'a Network) -> Names<'a> {
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

pub(super) fn read_actors(
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

pub(super) fn read_ties(
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
