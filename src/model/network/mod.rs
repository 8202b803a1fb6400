//! Network map: actors, ties, snapshots and the analysis of the web around the advisor.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::validation::Problem;
use super::Id;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Network {}

impl Network {
    /// Returns the ids of all actors, for the cross-checks of other sections.
    pub fn validate(&self, _problems: &mut Vec<Problem>) -> HashSet<Id> {
        HashSet::new()
    }

    pub fn normalise(&mut self) {}
}
