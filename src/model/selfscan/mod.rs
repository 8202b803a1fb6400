//! Competency self-scan: frameworks, scans, ratings by others and development goals.
//!
//! - [`framework`]: the rubric as data; [`framework_file`] reads and writes it as a file,
//!   [`framework_edit`] changes it, [`versions`] keeps every version a scan still needs.
//! - [`scan`]: one dated rating; [`scans`] the section's operations on them.
//! - [`scoring`] and [`progress`]: what a scan says, computed, never stored.
//! - [`goal`]: the development plan.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::Lang;

pub mod default_framework;
mod default_framework_en;
pub mod display;
pub mod framework;
pub mod framework_edit;
pub mod framework_error;
pub mod framework_file;
pub mod goal;
pub mod progress;
pub mod rating;
pub mod scan;
pub mod scans;
pub mod scoring;
pub mod validate;
pub mod versions;

#[cfg(test)]
mod test_support;

pub use default_framework::{default_framework, DEFAULT_FRAMEWORK_ID};
pub use display::{display_text, shown_otherwise, FrameworkText};
pub use framework::{Area, Competency, Framework, FrameworkRef, Indicator, Level};
pub use framework_edit::{FrameworkEdit, Part};
pub use framework_error::FrameworkError;
pub use framework_file::{export_file_name, export_framework, parse_framework};
pub use goal::{Goal, GoalAction, GoalError, GoalStatus};
pub use progress::{CompetencyProgress, ScanProgress};
#[cfg(test)]
pub use rating::finish_answer_for_test;
pub use rating::{AnswerFit, RatingRequest, RequestError};
pub use scan::{IndicatorRating, Rater, RaterRole, Rating, Scan, ScanError, ScanLabel, ScanStatus};
pub use scoring::{AreaScore, CompetencyDelta, CompetencyScore, Radar, RaterComparison};
pub use versions::FrameworkImport;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct SelfScan {
    /// The newest version of each framework, plus every older version a scan was made with.
    #[serde(default)]
    pub frameworks: Vec<Framework>,
    /// The id of the framework new scans use; its newest version is "the current framework".
    #[serde(default)]
    pub current_framework: String,
    /// In date order.
    #[serde(default)]
    pub scans: Vec<Scan>,
    #[serde(default)]
    pub goals: Vec<Goal>,
    /// The rating requests sent to others (`rating`), in the order made; answered when a
    /// scan names one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<RatingRequest>,
}

impl SelfScan {
    /// A new profile starts with the course's default framework.
    pub fn new_with_default() -> SelfScan {
        let mut section = SelfScan::default();
        section.normalise();
        section
    }

    /// Every competency id of every stored version, so that a journal case or goal linked
    /// to a competency an edit removed still points at something known.
    pub fn competency_ids(&self) -> HashSet<String> {
        self.frameworks
            .iter()
            .flat_map(|f| f.competency_ids().map(str::to_string))
            .collect()
    }

    /// The framework version a competency is described by: the current one, or else the
    /// newest stored version that still has it.
    fn framework_with_competency(&self, id: &str) -> Option<&Framework> {
        if let Some(f) = self
            .current_framework()
            .filter(|f| f.competency(id).is_some())
        {
            return Some(f);
        }
        self.frameworks
            .iter()
            .filter(|f| f.competency(id).is_some())
            .max_by_key(|f| f.version)
    }

    /// The competency's name as people read it in `lang` (see [`display_text`]).
    pub fn competency_name(&self, lang: Lang, id: &str) -> Option<&str> {
        self.framework_with_competency(id)
            .map(|f| display_text(lang, f, FrameworkText::CompetencyName(id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_section_has_the_course_framework() {
        let s = SelfScan::new_with_default();
        let fw = s.current_framework().unwrap();
        assert_eq!(fw.id, DEFAULT_FRAMEWORK_ID);
        assert_eq!(fw.version, 1);
        assert!(s.competency_ids().contains("netwerk-lezen"));
        assert_eq!(s.competency_ids().len(), 9);
        assert_eq!(
            s.competency_name(Lang::Nl, "netwerk-lezen"),
            Some("Het netwerk lezen")
        );
        assert_eq!(
            s.competency_name(Lang::En, "netwerk-lezen"),
            Some("Reading the network")
        );
        assert_eq!(s.competency_name(Lang::Nl, "onbekend"), None);
    }

    #[test]
    fn a_removed_competency_stays_known_while_a_scan_uses_it() {
        let mut s = SelfScan::new_with_default();
        let mut v2 = default_framework();
        v2.version = 2;
        v2.areas[2].competencies.pop(); // werkend-leren
                                        // Keep version 1 alive through a finished scan.
        s.start_scan(
            crate::model::Id::from_u128(1),
            ScanLabel::Baseline,
            test_support::date(2026, 1, 5),
            Rater::Participant,
        )
        .unwrap();
        s.rate(
            crate::model::Id::from_u128(1),
            "werkend-leren-theorie",
            Rating::Level(2),
        )
        .unwrap();
        s.finish_scan(
            crate::model::Id::from_u128(1),
            "2026-01-05T10:00:00Z".parse().unwrap(),
        )
        .unwrap();
        s.import_framework(v2).unwrap();
        assert!(s
            .current_framework()
            .unwrap()
            .competency("werkend-leren")
            .is_none());
        assert!(s.competency_ids().contains("werkend-leren"));
        assert_eq!(
            s.competency_name(Lang::Nl, "werkend-leren"),
            Some("Leren in de praktijk")
        );
        assert_eq!(
            s.competency_name(Lang::En, "werkend-leren"),
            Some("Learning in practice")
        );
    }

    /// Every new profile stores the default framework; storage budgets rely on this bound.
    #[test]
    fn the_default_section_stays_small() {
        let len = serde_json::to_string(&SelfScan::new_with_default())
            .unwrap()
            .len();
        assert!((10_000..24_000).contains(&len), "{len} bytes");
    }

    #[test]
    fn the_section_round_trips_through_json() {
        let s = SelfScan::new_with_default();
        let text = serde_json::to_string(&s).unwrap();
        let back: SelfScan = serde_json::from_str(&text).unwrap();
        assert_eq!(back, s);
        let empty: SelfScan = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, SelfScan::default());
    }
}
