//! Network map: actors, ties, snapshots and the analysis of the web around the advisor.
//!
//! The advisor ("ik") is a node of every map but not an actor record: ties name it as
//! [`Endpoint::Me`]. Fields are public for reading; edits go through the methods here,
//! which keep the rules that [`Network::validate`] checks on stored data.

pub mod actor;
pub mod analysis;
pub mod csv;
pub mod filter;
pub mod gen;
pub mod geometry;
mod graph;
pub mod grid;
pub mod import;
pub mod layout;
pub mod rows;
pub mod sizing;
pub mod snapshot;
pub mod suggestions;
pub mod tie;
mod validate;

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::validation::{check_unique_ids, limits, term, Problem, Reason};
use super::{Id, Lang};
use crate::model::order::SharedSort;

pub use actor::{name_key, Actor, ActorKind, Attitude, Position, Rapport};
pub use snapshot::{compare, Snapshot, SnapshotDiff, Taken};
pub use tie::{Direction, Endpoint, Strength, Tie, TieKind};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Network {
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub ties: Vec<Tie>,
    #[serde(default)]
    pub snapshots: Vec<Snapshot>,
    /// Where the user dragged the advisor's own node, when the map is not centred on them.
    #[serde(default)]
    pub me_position: Option<Position>,
}

/// What deleting an actor took with it.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedActor {
    pub actor: Actor,
    /// How many ties ended at the actor and were deleted with it.
    pub ties: usize,
}

/// Why an edit of the map was refused; nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    DuplicateId,
    NotFound,
    EmptyName,
    /// `field` is the Dutch field name ("invloed", "belang").
    ScoreOutOfRange {
        field: &'static str,
        value: u8,
    },
    UnknownActor(Id),
    SelfTie,
    /// At most one tie may connect two ends; `existing` is the one already there.
    DuplicatePair {
        existing: Id,
    },
    /// Another actor already has this name (by [`name_key`]), as the CSV import refuses
    /// too: ties and cases name actors, and two of one name cannot be told apart.
    DuplicateName {
        name: String,
    },
    /// The map already holds as many of these as an import would accept
    /// (`validation::limits`): one more would make a bundle of it unreadable.
    Full {
        items: Items,
        max: usize,
    },
}

/// What a map can be full of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Items {
    Actors,
    Ties,
    Snapshots,
}

impl EditError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EditError::DuplicateId, _) => lang
                .pick("Dit id bestaat al op de kaart.", "This id is already on the map.")
                .into(),
            (EditError::NotFound, _) => lang
                .pick(
                    "Dit staat niet (meer) op de kaart.",
                    "This is not (or no longer) on the map.",
                )
                .into(),
            (EditError::EmptyName, _) => lang
                .pick("Geef de actor een naam.", "Give the actor a name.")
                .into(),
            (EditError::ScoreOutOfRange { field, value }, Lang::Nl) => {
                format!("De {field} is {value}, maar moet 1 tot en met 5 zijn.")
            }
            (EditError::ScoreOutOfRange { field, value }, Lang::En) => format!(
                "The {} is {value}, but must be from 1 to 5.",
                term(lang, field)
            ),
            (EditError::UnknownActor(_), _) => lang
                .pick(
                    "De relatie verwijst naar een actor die niet op de kaart staat.",
                    "The tie refers to an actor that is not on the map.",
                )
                .into(),
            (EditError::SelfTie, _) => lang
                .pick(
                    "Een relatie verbindt twee verschillende actoren.",
                    "A tie connects two different actors.",
                )
                .into(),
            (EditError::DuplicatePair { .. }, _) => lang
                .pick(
                    "Tussen deze twee bestaat al een relatie; pas die aan in plaats van een tweede te maken.",
                    "These two already have a tie; change that one instead of adding a second.",
                )
                .into(),
            (EditError::DuplicateName { name }, Lang::Nl) => format!(
                "Er staat al een actor met de naam ‘{name}’ op de kaart. Kies een andere naam, of bewerk die actor."
            ),
            (EditError::DuplicateName { name }, Lang::En) => format!(
                "There is already an actor named ‘{name}’ on the map. Choose another name, or edit that actor."
            ),
            (EditError::Full { items, max }, _) => {
                let (what, remove) = match items {
                    Items::Actors => lang.pick(
                        ("actoren", "verwijder eerst een actor"),
                        ("actors", "remove an actor first"),
                    ),
                    Items::Ties => lang.pick(
                        ("relaties", "verwijder eerst een relatie"),
                        ("ties", "remove a tie first"),
                    ),
                    Items::Snapshots => lang.pick(
                        ("momentopnamen", "verwijder eerst een oudere"),
                        ("snapshots", "remove an older one first"),
                    ),
                };
                let max = lang.integer(*max);
                lang.pick(
                    format!("De kaart heeft al {max} {what}, het meeste dat Leerspoor bewaart; {remove}."),
                    format!("The map already has {max} {what}, the most Leerspoor keeps; {remove}."),
                )
            }
        }
    }
}

/// One more of `items` after `count` would pass `max`.
pub(crate) fn full(items: Items, count: usize, max: usize) -> Result<(), EditError> {
    if count >= max {
        Err(EditError::Full { items, max })
    } else {
        Ok(())
    }
}

impl Network {
    /// Returns the ids of all actors, for the cross-checks of other sections.
    pub fn validate(&self, problems: &mut Vec<Problem>) -> HashSet<Id> {
        let ids = validate_parts(&self.actors, &self.ties, LIVE, problems);
        check_unique_ids(
            "momentopname",
            self.snapshots.iter().map(|s| &s.id),
            problems,
        );
        for s in &self.snapshots {
            validate_parts(&s.actors, &s.ties, IN_SNAPSHOT, problems);
        }
        ids
    }

    /// Trims names and sorts, so that two copies of the same map compare and store alike.
    pub fn normalise(&mut self) {
        normalise_parts(&mut self.actors, &mut self.ties);
        for s in &mut self.snapshots {
            s.label = s.label.trim().to_string();
            normalise_parts(&mut s.actors, &mut s.ties);
        }
        self.snapshots
            .shared_sort_by(|x, y| x.taken.cmp(&y.taken).then(x.id.cmp(&y.id)));
    }

    pub fn actor(&self, id: Id) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn has_endpoint(&self, e: Endpoint) -> bool {
        match e {
            Endpoint::Me => true,
            Endpoint::Actor(id) => self.actor(id).is_some(),
        }
    }

    /// The name to show for an end of a tie: "ik" ("me") for the advisor.
    pub fn endpoint_name(&self, e: Endpoint, lang: Lang) -> Option<&str> {
        match e {
            Endpoint::Me => Some(Endpoint::me_label(lang)),
            Endpoint::Actor(id) => self.actor(id).map(|a| a.name.as_str()),
        }
    }

    /// Actors whose name matches `name` by [`name_key`]; more than one means ambiguous.
    pub fn actors_named(&self, name: &str) -> Vec<&Actor> {
        let key = name_key(name);
        self.actors
            .iter()
            .filter(|a| name_key(&a.name) == key)
            .collect()
    }

    pub fn add_actor(&mut self, mut actor: Actor) -> Result<(), EditError> {
        if self.actor(actor.id).is_some() {
            return Err(EditError::DuplicateId);
        }
        check_actor(&mut actor)?;
        self.check_name_free(&actor, None)?;
        full(Items::Actors, self.actors.len(), limits::ACTORS)?;
        self.actors.push(actor);
        Ok(())
    }

    /// Replaces the actor with the same id.
    pub fn update_actor(&mut self, mut actor: Actor) -> Result<(), EditError> {
        check_actor(&mut actor)?;
        let old = self.actor(actor.id).ok_or(EditError::NotFound)?;
        // Data from before this rule may hold two of one name: keeping the name is allowed.
        let old = name_key(&old.name);
        self.check_name_free(&actor, Some(old))?;
        let slot = self
            .actors
            .iter_mut()
            .find(|a| a.id == actor.id)
            .ok_or(EditError::NotFound)?;
        *slot = actor;
        Ok(())
    }

    /// Refuses a name another actor has, unless it is `kept` (the actor's own old name).
    fn check_name_free(&self, actor: &Actor, kept: Option<String>) -> Result<(), EditError> {
        let key = name_key(&actor.name);
        if kept.as_ref() == Some(&key) {
            return Ok(());
        }
        match self
            .actors
            .iter()
            .find(|a| a.id != actor.id && name_key(&a.name) == key)
        {
            Some(other) => Err(EditError::DuplicateName {
                name: other.name.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Deletes the actor and every tie ending at it. Cases that name the actor are
    /// unlinked by the document, which owns both sections.
    pub fn remove_actor(&mut self, id: Id) -> Option<RemovedActor> {
        let index = self.actors.iter().position(|a| a.id == id)?;
        let actor = self.actors.remove(index);
        let before = self.ties.len();
        self.ties.retain(|t| !t.touches(Endpoint::Actor(id)));
        Some(RemovedActor {
            actor,
            ties: before - self.ties.len(),
        })
    }

    pub fn tie(&self, id: Id) -> Option<&Tie> {
        self.ties.iter().find(|t| t.id == id)
    }

    pub fn tie_between(&self, x: Endpoint, y: Endpoint) -> Option<&Tie> {
        let key = tie::pair(x, y);
        self.ties.iter().find(|t| t.pair() == key)
    }

    pub fn add_tie(&mut self, tie: Tie) -> Result<(), EditError> {
        if self.tie(tie.id).is_some() {
            return Err(EditError::DuplicateId);
        }
        self.check_tie(&tie)?;
        full(Items::Ties, self.ties.len(), limits::TIES)?;
        self.ties.push(tie);
        Ok(())
    }

    /// Replaces the tie with the same id; its ends may change, within the same rules.
    pub fn update_tie(&mut self, tie: Tie) -> Result<(), EditError> {
        let index = self
            .ties
            .iter()
            .position(|t| t.id == tie.id)
            .ok_or(EditError::NotFound)?;
        self.check_tie(&tie)?;
        self.ties[index] = tie;
        Ok(())
    }

    pub fn remove_tie(&mut self, id: Id) -> Option<Tie> {
        let index = self.ties.iter().position(|t| t.id == id)?;
        Some(self.ties.remove(index))
    }

    /// Stores where the user dropped a node, or forgets it with `None` so the layout
    /// places it again. Returns false (and changes nothing) for an unknown actor or a
    /// position that is not a finite number.
    pub fn set_position(&mut self, e: Endpoint, position: Option<Position>) -> bool {
        if position.is_some_and(|p| !p.is_finite()) {
            return false;
        }
        match e {
            Endpoint::Me => {
                self.me_position = position;
                true
            }
            Endpoint::Actor(id) => match self.actors.iter_mut().find(|a| a.id == id) {
                Some(a) => {
                    a.position = position;
                    true
                }
                None => false,
            },
        }
    }

    /// Lets the layout place every node again.
    pub fn clear_positions(&mut self) {
        self.me_position = None;
        for a in &mut self.actors {
            a.position = None;
        }
    }

    fn check_tie(&self, tie: &Tie) -> Result<(), EditError> {
        if tie.a == tie.b {
            return Err(EditError::SelfTie);
        }
        for e in [tie.a, tie.b] {
            if let Endpoint::Actor(id) = e {
                if self.actor(id).is_none() {
                    return Err(EditError::UnknownActor(id));
                }
            }
        }
        match self.tie_between(tie.a, tie.b) {
            Some(existing) if existing.id != tie.id => Err(EditError::DuplicatePair {
                existing: existing.id,
            }),
            _ => Ok(()),
        }
    }
}

fn check_actor(actor: &mut Actor) -> Result<(), EditError> {
    actor.name = actor.name.trim().to_string();
    if actor.name.is_empty() {
        return Err(EditError::EmptyName);
    }
    for (field, value) in [("invloed", actor.influence), ("belang", actor.interest)] {
        if !actor::score_in_range(value) {
            return Err(EditError::ScoreOutOfRange { field, value });
        }
    }
    Ok(())
}

/// The Dutch nouns problems use, for the live map and for a snapshot's frozen copy.
struct Nouns {
    actor: &'static str,
    tie: &'static str,
}

const LIVE: Nouns = Nouns {
    actor: "actor",
    tie: "relatie",
};
const IN_SNAPSHOT: Nouns = Nouns {
    actor: "actor in momentopname",
    tie: "relatie in momentopname",
};

fn validate_parts(
    actors: &[Actor],
    ties: &[Tie],
    nouns: Nouns,
    problems: &mut Vec<Problem>,
) -> HashSet<Id> {
    let ids = check_unique_ids(nouns.actor, actors.iter().map(|a| &a.id), problems);
    for a in actors {
        if a.name.trim().is_empty() {
            problems.push(Problem::EmptyField {
                what: nouns.actor,
                id: a.id.to_string(),
                field: "naam",
            });
        }
        for (field, value) in [("invloed", a.influence), ("belang", a.interest)] {
            if !actor::score_in_range(value) {
                problems.push(Problem::OutOfRange {
                    what: nouns.actor,
                    id: a.id.to_string(),
                    field,
                    value: i64::from(value),
                    min: i64::from(actor::SCORE_MIN),
                    max: i64::from(actor::SCORE_MAX),
                });
            }
        }
    }
    check_unique_ids(nouns.tie, ties.iter().map(|t| &t.id), problems);
    let mut pairs: HashMap<(Endpoint, Endpoint), Id> = HashMap::new();
    for t in ties {
        for (field, e) in [("van", t.a), ("naar", t.b)] {
            if let Endpoint::Actor(target) = e {
                if !ids.contains(&target) {
                    problems.push(Problem::DanglingRef {
                        what: nouns.tie,
                        id: t.id.to_string(),
                        field,
                        target: target.to_string(),
                    });
                }
            }
        }
        if t.a == t.b {
            problems.push(Problem::Invalid {
                what: nouns.tie,
                id: t.id.to_string(),
                reason: Reason::TieToItself,
            });
            continue;
        }
        match pairs.get(&t.pair()) {
            Some(first) => problems.push(Problem::Invalid {
                what: nouns.tie,
                id: t.id.to_string(),
                reason: Reason::SameTwoAs {
                    first: first.to_string(),
                },
            }),
            None => {
                pairs.insert(t.pair(), t.id);
            }
        }
    }
    ids
}

fn normalise_parts(actors: &mut [Actor], ties: &mut [Tie]) {
    for a in actors.iter_mut() {
        a.name = a.name.trim().to_string();
        a.organisation = a.organisation.trim().to_string();
        a.role = a.role.trim().to_string();
    }
    actors.shared_sort_by_key(|a| (name_key(&a.name), a.id));
    ties.shared_sort_by_key(|t| (t.pair(), t.id));
}

#[cfg(test)]
mod tests;
