//! Case journal for action learning: cases, reflective entries, the coach agenda and the bin.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::validation::Problem;
use super::Id;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Journal {}

impl Journal {
    /// `actor_ids` are the actors of the network map: a case may only name those.
    pub fn validate(&self, _actor_ids: &HashSet<Id>, _problems: &mut Vec<Problem>) {}

    pub fn normalise(&mut self) {}

    /// Removes every link from a case to this actor; returns how many cases changed.
    pub fn unlink_actor(&mut self, _actor: Id) -> usize {
        0
    }
}
