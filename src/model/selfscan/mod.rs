//! Competency self-scan: frameworks, scans, ratings by others and development goals.

use serde::{Deserialize, Serialize};

use super::validation::Problem;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct SelfScan {}

impl SelfScan {
    /// A new profile starts with the course's default framework.
    pub fn new_with_default() -> SelfScan {
        SelfScan::default()
    }

    pub fn validate(&self, _problems: &mut Vec<Problem>) {}

    pub fn normalise(&mut self) {}
}
