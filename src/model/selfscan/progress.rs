//! How far a draft is: the scan is filled in one competency per step.

use super::framework::Framework;
use super::scan::Scan;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompetencyProgress {
    pub competency: String,
    /// Indicators with a level or n.v.t.
    pub answered: usize,
    pub total: usize,
}

impl CompetencyProgress {
    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanProgress {
    /// In framework order: entry k-1 is step k.
    pub steps: Vec<CompetencyProgress>,
    pub answered: usize,
    pub total: usize,
}

impl ScanProgress {
    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    pub fn complete_steps(&self) -> usize {
        self.steps.iter().filter(|s| s.is_complete()).count()
    }

    /// The 1-based step to resume at: the first competency not fully answered.
    pub fn next_open_step(&self) -> Option<usize> {
        self.steps
            .iter()
            .position(|s| !s.is_complete())
            .map(|i| i + 1)
    }

    pub fn is_complete(&self) -> bool {
        self.answered == self.total
    }
}

/// `framework` must be the scan's own framework version.
pub fn progress(framework: &Framework, scan: &Scan) -> ScanProgress {
    let steps: Vec<CompetencyProgress> = framework
        .competencies()
        .map(|c| CompetencyProgress {
            competency: c.id.clone(),
            answered: c
                .indicators
                .iter()
                .filter(|i| scan.rating(&i.id).is_answered())
                .count(),
            total: c.indicators.len(),
        })
        .collect();
    ScanProgress {
        answered: steps.iter().map(|s| s.answered).sum(),
        total: steps.iter().map(|s| s.total).sum(),
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::{Rater, Rating, ScanLabel};
    use super::super::test_support::{date, small_framework};
    use super::*;
    use crate::model::Id;

    #[test]
    fn progress_counts_levels_and_nvt_but_not_evidence_alone() {
        let fw = small_framework();
        let mut scan = Scan::new(
            Id::from_u128(1),
            ScanLabel::Baseline,
            date(2026, 1, 1),
            &fw,
            Rater::Participant,
        )
        .unwrap();
        let p = progress(&fw, &scan);
        assert_eq!((p.answered, p.total, p.step_count()), (0, 7, 3));
        assert_eq!(p.next_open_step(), Some(1));

        for i in ["l1", "l2"] {
            scan.set_rating(&fw, i, Rating::Level(2)).unwrap();
        }
        scan.set_rating(&fw, "l3", Rating::NotApplicable).unwrap();
        scan.set_evidence(&fw, "b1", "alleen een notitie").unwrap();
        scan.set_rating(&fw, "a1", Rating::Level(1)).unwrap();
        let p = progress(&fw, &scan);
        assert_eq!(p.answered, 4);
        assert_eq!(
            p.steps[0],
            CompetencyProgress {
                competency: "lezen".into(),
                answered: 3,
                total: 3
            }
        );
        assert_eq!(p.steps[1].answered, 0);
        assert_eq!(p.complete_steps(), 1);
        assert_eq!(p.next_open_step(), Some(2));
        assert!(!p.is_complete());

        for i in ["b1", "b2", "a2"] {
            scan.set_rating(&fw, i, Rating::Level(3)).unwrap();
        }
        let p = progress(&fw, &scan);
        assert!(p.is_complete());
        assert_eq!(p.next_open_step(), None);
    }
}
