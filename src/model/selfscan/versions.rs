//! The stored framework versions. A finished scan keeps the version it was made with; a
//! draft always follows the newest version of its framework, since it has no results yet.
//! Versions no scan uses are dropped, except the newest of each framework.

use std::collections::HashSet;

use super::framework::{Framework, FrameworkRef};
use super::framework_edit::FrameworkEdit;
use super::framework_error::FrameworkError;
use super::scan::Scan;
use super::SelfScan;
use crate::model::Lang;

/// What an import did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkImport {
    /// The newest stored version already says exactly this; it is now the current framework.
    Unchanged { version: u32 },
    /// Stored as this version and made current.
    Added { version: u32 },
}

impl FrameworkImport {
    /// `name` is the framework's name as the reader sees it.
    pub fn message(&self, lang: Lang, name: &str) -> String {
        match (self, lang) {
            (FrameworkImport::Unchanged { version }, Lang::Nl) => {
                format!("Kader \u{201c}{name}\u{201d} (versie {version}) was al aanwezig; er is niets veranderd.")
            }
            (FrameworkImport::Unchanged { version }, Lang::En) => {
                format!("Framework \u{201c}{name}\u{201d} (version {version}) was already there; nothing has changed.")
            }
            (FrameworkImport::Added { version }, Lang::Nl) => {
                format!("Kader \u{201c}{name}\u{201d} is ingelezen als versie {version}.")
            }
            (FrameworkImport::Added { version }, Lang::En) => {
                format!("Framework \u{201c}{name}\u{201d} has been imported as version {version}.")
            }
        }
    }
}

impl SelfScan {
    pub fn framework(&self, reference: &FrameworkRef) -> Option<&Framework> {
        self.frameworks
            .iter()
            .find(|f| f.id == reference.id && f.version == reference.version)
    }

    /// The version a scan was made with (drafts: the newest).
    pub fn framework_of(&self, scan: &Scan) -> Option<&Framework> {
        self.framework(&scan.framework)
    }

    pub fn newest_version(&self, id: &str) -> Option<&Framework> {
        self.frameworks
            .iter()
            .filter(|f| f.id == id)
            .max_by_key(|f| f.version)
    }

    /// The framework new scans use: the newest version of the chosen framework, or of the
    /// first stored one if the choice is missing.
    pub fn current_framework(&self) -> Option<&Framework> {
        self.newest_version(&self.current_framework).or_else(|| {
            self.frameworks
                .first()
                .and_then(|f| self.newest_version(&f.id))
        })
    }

    /// Distinct framework ids, in stored order.
    pub fn framework_ids(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.frameworks
            .iter()
            .map(|f| f.id.as_str())
            .filter(|id| seen.insert(*id))
            .collect()
    }

    pub fn set_current_framework(&mut self, id: &str) -> Result<(), FrameworkError> {
        if self.newest_version(id).is_none() {
            return Err(FrameworkError::Unknown {
                what: "kader",
                id: id.to_string(),
            });
        }
        self.current_framework = id.to_string();
        Ok(())
    }

    /// Stores an imported framework and makes it current. A framework with an id already
    /// stored becomes its next version (or keeps its own, higher number), so an import
    /// never overwrites the rubric of an earlier scan.
    pub fn import_framework(
        &mut self,
        mut framework: Framework,
    ) -> Result<FrameworkImport, FrameworkError> {
        framework.normalise();
        framework.check()?;
        let outcome = match self.newest_version(&framework.id) {
            Some(newest) if newest.same_content(&framework) => FrameworkImport::Unchanged {
                version: newest.version,
            },
            Some(newest) => {
                framework.version = framework.version.max(newest.version.saturating_add(1));
                FrameworkImport::Added {
                    version: framework.version,
                }
            }
            None => FrameworkImport::Added {
                version: framework.version,
            },
        };
        self.current_framework = framework.id.clone();
        if let FrameworkImport::Added { .. } = outcome {
            self.install(framework);
        }
        Ok(outcome)
    }

    /// How many answers in scans in progress importing `framework` would drop: answers to
    /// indicators its new version no longer has (a scan in progress moves onto the newest
    /// version). Worked out on a copy; nothing here changes. The page asks first when it
    /// is more than none.
    pub fn answers_an_import_drops(&self, framework: &Framework) -> usize {
        let in_progress = |s: &SelfScan| -> usize {
            s.scans
                .iter()
                .filter(|scan| !scan.is_finished())
                .map(|scan| scan.ratings.len())
                .sum()
        };
        let mut copy = self.clone();
        match copy.import_framework(framework.clone()) {
            Ok(_) => in_progress(self).saturating_sub(in_progress(&copy)),
            Err(_) => 0,
        }
    }

    /// Applies an edit to the current framework as a new version and returns its number.
    /// An edit that changes nothing keeps the version.
    pub fn edit_framework(&mut self, edit: &FrameworkEdit) -> Result<u32, FrameworkError> {
        let current = self
            .current_framework()
            .ok_or(FrameworkError::NoFramework)?;
        let mut edited = current.apply(edit)?;
        if edited == *current {
            return Ok(current.version);
        }
        edited.version = current.version.saturating_add(1);
        let version = edited.version;
        self.current_framework = edited.id.clone();
        self.install(edited);
        Ok(version)
    }

    fn install(&mut self, framework: Framework) {
        let id = framework.id.clone();
        self.frameworks
            .retain(|f| !(f.id == framework.id && f.version == framework.version));
        self.frameworks.push(framework);
        self.follow_newest(&id);
        self.prune_frameworks();
    }

    /// Moves the drafts on framework `id` onto its newest version.
    pub(crate) fn follow_newest(&mut self, id: &str) {
        let Some(newest) = self.newest_version(id).cloned() else {
            return;
        };
        for scan in &mut self.scans {
            if !scan.is_finished()
                && scan.framework.id == id
                && scan.framework != newest.reference()
            {
                scan.conform_to(&newest);
            }
        }
    }

    /// Keeps the newest version of each framework and every version a scan uses.
    pub(crate) fn prune_frameworks(&mut self) {
        // A rating request's version too: its answer is checked against it.
        let used: HashSet<FrameworkRef> = self
            .scans
            .iter()
            .map(|s| s.framework.clone())
            .chain(self.requests.iter().map(|r| r.framework.clone()))
            .collect();
        let newest: HashSet<FrameworkRef> = self
            .framework_ids()
            .into_iter()
            .filter_map(|id| self.newest_version(id).map(Framework::reference))
            .collect();
        self.frameworks
            .retain(|f| used.contains(&f.reference()) || newest.contains(&f.reference()));
    }
}

#[cfg(test)]
mod tests {
    use super::super::framework_edit::Part;
    use super::super::scan::{Rater, Rating, ScanLabel};
    use super::super::test_support::{date, small_framework};
    use super::*;
    use crate::model::Id;

    fn section() -> SelfScan {
        let mut s = SelfScan::default();
        s.import_framework(small_framework()).unwrap();
        s
    }

    /// The section with scan 1 in progress: l1 at level 2, b2 at level 3.
    fn draft_rating_l1_and_b2() -> SelfScan {
        let mut s = section();
        s.start_scan(
            Id::from_u128(1),
            ScanLabel::Baseline,
            date(2026, 1, 5),
            Rater::Participant,
        )
        .unwrap();
        s.rate(Id::from_u128(1), "l1", Rating::Level(2)).unwrap();
        s.rate(Id::from_u128(1), "b2", Rating::Level(3)).unwrap();
        s
    }

    fn rename_l1(name: &str) -> FrameworkEdit {
        FrameworkEdit::Rename {
            part: Part::Indicator("l1".into()),
            name: name.into(),
        }
    }

    fn now() -> chrono::DateTime<chrono::Utc> {
        "2026-02-01T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn editing_bumps_the_version_and_prunes_unused_ones() {
        let mut s = section();
        assert_eq!(s.edit_framework(&rename_l1("Eerste")), Ok(2));
        assert_eq!(s.edit_framework(&rename_l1("Tweede")), Ok(3));
        // No scan used versions 1 and 2, so only the newest remains.
        let versions: Vec<u32> = s.frameworks.iter().map(|f| f.version).collect();
        assert_eq!(versions, [3]);
        assert_eq!(
            s.current_framework().unwrap().indicator("l1").unwrap().name,
            "Tweede"
        );
        assert_eq!(s.edit_framework(&rename_l1(" Tweede ")), Ok(3));
    }

    #[test]
    fn a_finished_scan_keeps_its_version_and_results() {
        let mut s = section();
        s.start_scan(
            Id::from_u128(1),
            ScanLabel::Baseline,
            date(2026, 1, 5),
            Rater::Participant,
        )
        .unwrap();
        s.rate(Id::from_u128(1), "b2", Rating::Level(3)).unwrap();
        s.finish_scan(Id::from_u128(1), now()).unwrap();
        let before = s.scores(Id::from_u128(1)).unwrap();

        s.edit_framework(&FrameworkEdit::RemoveIndicator {
            indicator: "b2".into(),
        })
        .unwrap();
        s.edit_framework(&rename_l1("Nieuw")).unwrap();
        let versions: Vec<u32> = s.frameworks.iter().map(|f| f.version).collect();
        assert_eq!(versions, [1, 3]);
        let scan = s.scan(Id::from_u128(1)).unwrap();
        assert_eq!(scan.framework.version, 1);
        assert_eq!(
            s.framework_of(scan).unwrap().indicator("l1").unwrap().name,
            "Gedrag l1"
        );
        assert_eq!(s.scores(Id::from_u128(1)).unwrap(), before);
        assert_eq!(before[1].mean, Some(3.0));
    }

    #[test]
    fn a_draft_follows_the_newest_version() {
        let mut s = draft_rating_l1_and_b2();
        s.edit_framework(&FrameworkEdit::RemoveIndicator {
            indicator: "b2".into(),
        })
        .unwrap();
        let scan = s.scan(Id::from_u128(1)).unwrap();
        assert_eq!(scan.framework.version, 2);
        assert_eq!(scan.rating("l1"), Rating::Level(2));
        assert!(!scan.ratings.contains_key("b2"));
        assert_eq!(s.frameworks.len(), 1);
    }

    #[test]
    fn an_import_that_would_drop_answers_in_a_draft_says_how_many_first() {
        let s = draft_rating_l1_and_b2();
        let without_b2 = small_framework()
            .apply(&FrameworkEdit::RemoveIndicator {
                indicator: "b2".into(),
            })
            .unwrap();
        let before = s.clone();
        assert_eq!(s.answers_an_import_drops(&without_b2), 1);
        assert_eq!(s, before, "counted on a copy");
        assert_eq!(s.answers_an_import_drops(&small_framework()), 0);
    }

    #[test]
    fn importing_the_same_framework_changes_nothing() {
        let mut s = section();
        let before = s.clone();
        assert_eq!(
            s.import_framework(small_framework()),
            Ok(FrameworkImport::Unchanged { version: 1 })
        );
        assert_eq!(s, before);
    }

    #[test]
    fn importing_a_changed_framework_adds_a_version() {
        let mut s = section();
        s.edit_framework(&rename_l1("Eigen tekst")).unwrap(); // version 2
                                                              // The coach's file still says version 1, but differs from the stored newest.
        let outcome = s.import_framework(small_framework()).unwrap();
        assert_eq!(outcome, FrameworkImport::Added { version: 3 });
        assert!(outcome
            .message(Lang::Nl, "Klein kader")
            .contains("versie 3"));
        assert!(outcome
            .message(Lang::En, "Small framework")
            .contains("as version 3"));
        assert_eq!(
            s.current_framework().unwrap().indicator("l1").unwrap().name,
            "Gedrag l1"
        );
        let mut later = small_framework();
        later.version = 7;
        later.name = "Klein kader 2027".into();
        assert_eq!(
            s.import_framework(later),
            Ok(FrameworkImport::Added { version: 7 })
        );
    }

    #[test]
    fn another_framework_becomes_current_and_can_be_switched_back() {
        let mut s = section();
        let mut other = small_framework();
        other.id = "ander".into();
        s.import_framework(other).unwrap();
        assert_eq!(s.current_framework().unwrap().id, "ander");
        assert_eq!(s.framework_ids(), ["klein", "ander"]);
        s.set_current_framework("klein").unwrap();
        assert_eq!(s.current_framework().unwrap().id, "klein");
        assert!(s.set_current_framework("geen").is_err());
        assert_eq!(s.current_framework().unwrap().id, "klein");
    }

    #[test]
    fn an_invalid_import_or_edit_changes_nothing() {
        let mut s = section();
        let before = s.clone();
        let mut broken = small_framework();
        broken.levels.truncate(2);
        assert_eq!(
            s.import_framework(broken),
            Err(FrameworkError::LevelCount {
                found: 2,
                min: 4,
                max: 5
            })
        );
        assert!(s.edit_framework(&rename_l1("")).is_err());
        assert_eq!(s, before);
        assert_eq!(
            SelfScan::default().edit_framework(&rename_l1("x")),
            Err(FrameworkError::NoFramework)
        );
    }
}
