//! Scores: means per competency and area, growth between scans, gaps to the target level,
//! and the comparison of a self-scan with a rating by another rater.
//!
//! Every score is computed with the scan's own framework version, and scans are compared by
//! competency id, so a later edit of the framework never changes an earlier result.

use std::cmp::Ordering;

use super::display::{display_text, FrameworkText};
use super::framework::Framework;
use super::scan::Scan;
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

/// Self and other "differ" from one whole level apart: less is within the noise of a
/// four-step rubric, more is worth a conversation.
pub const NOTABLE_DIFFERENCE: f64 = 1.0;

/// Means are ratios of small integers; this absorbs their rounding (7/3 − 4/3 ≠ 1.0 in
/// floating point) without blurring real differences, which are at least 1/12 apart.
const EPSILON: f64 = 1e-9;

#[derive(Clone, Debug, PartialEq)]
pub struct CompetencyScore {
    pub competency: String,
    /// Mean level over the indicators rated with a level; None when there are none.
    pub mean: Option<f64>,
    /// Indicators that count towards the mean (n.v.t. and unrated do not).
    pub rated: usize,
    pub target: Option<u8>,
}

impl CompetencyScore {
    /// Target − mean: positive while the target is still ahead.
    pub fn gap(&self) -> Option<f64> {
        Some(f64::from(self.target?) - self.mean?)
    }
}

/// Mean level over the indicators rated with a level. `framework` is the scan's version.
pub fn competency_mean(framework: &Framework, scan: &Scan, competency: &str) -> Option<f64> {
    framework.competency(competency).and_then(|c| {
        mean(
            c.indicators
                .iter()
                .filter_map(|i| scan.rating(&i.id).level()),
        )
    })
}

fn mean(levels: impl Iterator<Item = u8>) -> Option<f64> {
    let (sum, n) = levels.fold((0u32, 0u32), |(s, n), l| (s + u32::from(l), n + 1));
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

/// One score per competency, in framework order.
pub fn competency_scores(framework: &Framework, scan: &Scan) -> Vec<CompetencyScore> {
    framework
        .competencies()
        .map(|c| {
            let levels: Vec<u8> = c
                .indicators
                .iter()
                .filter_map(|i| scan.rating(&i.id).level())
                .collect();
            CompetencyScore {
                competency: c.id.clone(),
                mean: mean(levels.iter().copied()),
                rated: levels.len(),
                target: scan.target(&c.id),
            }
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct AreaScore {
    pub area: String,
    pub mean: Option<f64>,
}

/// The mean of an area is the mean of its competencies' means (competencies without any
/// rating are left out), not of all its indicators: each competency weighs the same,
/// however many indicators describe it.
pub fn area_scores(framework: &Framework, scan: &Scan) -> Vec<AreaScore> {
    framework
        .areas
        .iter()
        .map(|area| {
            let means: Vec<f64> = area
                .competencies
                .iter()
                .filter_map(|c| competency_mean(framework, scan, &c.id))
                .collect();
            AreaScore {
                area: area.id.clone(),
                mean: (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64),
            }
        })
        .collect()
}

/// Descending, with ties kept in framework order (the sort is stable).
fn sort_desc_by(scores: &mut [&CompetencyScore], key: impl Fn(&CompetencyScore) -> f64) {
    scores.shared_sort_by(|a, b| key(b).partial_cmp(&key(a)).unwrap_or(Ordering::Equal));
}

/// The `n` highest means; ties keep framework order. Unrated competencies are left out.
pub fn strengths(scores: &[CompetencyScore], n: usize) -> Vec<&CompetencyScore> {
    let mut rated: Vec<&CompetencyScore> = scores.iter().filter(|s| s.mean.is_some()).collect();
    sort_desc_by(&mut rated, |s| s.mean.unwrap_or(0.0));
    rated.truncate(n);
    rated
}

/// The `n` largest positive gaps to the target level; ties keep framework order.
pub fn largest_gaps(scores: &[CompetencyScore], n: usize) -> Vec<&CompetencyScore> {
    let mut open: Vec<&CompetencyScore> = scores
        .iter()
        .filter(|s| s.gap().is_some_and(|g| g > EPSILON))
        .collect();
    sort_desc_by(&mut open, |s| s.gap().unwrap_or(0.0));
    open.truncate(n);
    open
}

/// Competency ids of `first`, then those only `second` has: comparisons across framework
/// versions show every competency either side rated.
fn union_order(first: &Framework, second: &Framework) -> Vec<String> {
    let mut ids: Vec<String> = first.competency_ids().map(str::to_string).collect();
    for id in second.competency_ids() {
        if first.competency(id).is_none() {
            ids.push(id.to_string());
        }
    }
    ids
}

#[derive(Clone, Debug, PartialEq)]
pub struct CompetencyDelta {
    pub competency: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl CompetencyDelta {
    /// After − before; None when either side has no mean.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

/// Growth per competency from one scan to a later one, each with its own framework version,
/// in the order of the later scan's framework.
pub fn deltas(before: (&Framework, &Scan), after: (&Framework, &Scan)) -> Vec<CompetencyDelta> {
    union_order(after.0, before.0)
        .into_iter()
        .map(|id| CompetencyDelta {
            before: competency_mean(before.0, before.1, &id),
            after: competency_mean(after.0, after.1, &id),
            competency: id,
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct RaterComparison {
    pub competency: String,
    pub own: Option<f64>,
    pub other: Option<f64>,
    /// True when both rated and they are at least [`NOTABLE_DIFFERENCE`] apart.
    pub differs: bool,
}

impl RaterComparison {
    /// Other − own: positive when the other rater sees more than the participant does.
    pub fn difference(&self) -> Option<f64> {
        Some(self.other? - self.own?)
    }
}

/// The participant's view beside another rater's, per competency, in the order of the
/// participant's framework.
pub fn compare_raters(
    own: (&Framework, &Scan),
    other: (&Framework, &Scan),
) -> Vec<RaterComparison> {
    union_order(own.0, other.0)
        .into_iter()
        .map(|id| {
            let mut row = RaterComparison {
                own: competency_mean(own.0, own.1, &id),
                other: competency_mean(other.0, other.1, &id),
                competency: id,
                differs: false,
            };
            row.differs = row
                .difference()
                .is_some_and(|d| d.abs() >= NOTABLE_DIFFERENCE - EPSILON);
            row
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
pub struct RadarAxis {
    pub competency: String,
    /// As people read it in the radar's language.
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RadarSeries {
    pub scan: Id,
    /// One value per axis, in axis order; None where the scan has no mean.
    pub values: Vec<Option<f64>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Radar {
    pub axes: Vec<RadarAxis>,
    /// The scale's outer ring: the number of levels of the axes' framework.
    pub max: u8,
    pub series: Vec<RadarSeries>,
}

/// Axes are the competencies of `axes` in framework order; each scan is scored with its
/// own framework version and placed by competency id. Axis names are in `lang`.
pub fn radar(lang: Lang, axes: &Framework, scans: &[(&Framework, &Scan)]) -> Radar {
    Radar {
        axes: axes
            .competencies()
            .map(|c| RadarAxis {
                competency: c.id.clone(),
                name: display_text(lang, axes, FrameworkText::CompetencyName(&c.id)).to_string(),
            })
            .collect(),
        max: axes.level_count(),
        series: scans
            .iter()
            .map(|(fw, scan)| RadarSeries {
                scan: scan.id,
                values: axes
                    .competency_ids()
                    .map(|id| competency_mean(fw, scan, id))
                    .collect(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::{Rater, Rating, ScanLabel};
    use super::super::test_support::{date, small_framework};
    use super::*;

    /// Ratings as (indicator, rating); targets as (competency, level).
    fn scan(n: u128, ratings: &[(&str, Rating)], targets: &[(&str, u8)]) -> Scan {
        let fw = small_framework();
        let mut s = Scan::new(
            Id::from_u128(n),
            ScanLabel::Baseline,
            date(2026, 1, 1),
            &fw,
            Rater::Participant,
        )
        .unwrap();
        for (i, r) in ratings {
            s.set_rating(&fw, i, *r).unwrap();
        }
        for (c, t) in targets {
            s.set_target(&fw, c, Some(*t)).unwrap();
        }
        s
    }

    use Rating::{Level as L, NotApplicable as Na};

    #[test]
    fn the_mean_leaves_out_nvt_and_unrated() {
        let fw = small_framework();
        // lezen: 3 and 4 rated, l3 n.v.t. → 3.5; benutten: only n.v.t. → None.
        let s = scan(
            1,
            &[("l1", L(3)), ("l2", L(4)), ("l3", Na), ("b1", Na)],
            &[],
        );
        assert_eq!(competency_mean(&fw, &s, "lezen"), Some(3.5));
        assert_eq!(competency_mean(&fw, &s, "benutten"), None);
        assert_eq!(competency_mean(&fw, &s, "adviseren"), None);
        assert_eq!(competency_mean(&fw, &s, "onbekend"), None);
        let scores = competency_scores(&fw, &s);
        assert_eq!(scores[0].rated, 2);
        assert_eq!(scores[1].rated, 0);
    }

    #[test]
    fn the_area_mean_is_the_mean_of_competency_means() {
        let fw = small_framework();
        // lezen: (1+2+3)/3 = 2; benutten: 4/1 = 4 → netwerk (2+4)/2 = 3,
        // where the mean of all four indicators would have been 2.5.
        let s = scan(
            1,
            &[("l1", L(1)), ("l2", L(2)), ("l3", L(3)), ("b1", L(4))],
            &[],
        );
        let areas = area_scores(&fw, &s);
        assert_eq!(
            areas,
            vec![
                AreaScore {
                    area: "netwerk".into(),
                    mean: Some(3.0)
                },
                AreaScore {
                    area: "advies".into(),
                    mean: None
                },
            ]
        );
    }

    #[test]
    fn gap_is_target_minus_mean() {
        let fw = small_framework();
        let s = scan(
            1,
            &[("l1", L(2)), ("l2", L(3)), ("b1", L(4)), ("a1", L(1))],
            &[("lezen", 4), ("benutten", 3), ("adviseren", 4)],
        );
        let scores = competency_scores(&fw, &s);
        let gaps: Vec<Option<f64>> = scores.iter().map(CompetencyScore::gap).collect();
        assert_eq!(gaps, [Some(1.5), Some(-1.0), Some(3.0)]);
        let no_target = scan(2, &[("l1", L(2))], &[]);
        assert_eq!(competency_scores(&fw, &no_target)[0].gap(), None);
        let no_mean = scan(3, &[], &[("lezen", 3)]);
        assert_eq!(competency_scores(&fw, &no_mean)[0].gap(), None);
    }

    #[test]
    fn largest_gaps_are_positive_and_descending() {
        let fw = small_framework();
        let s = scan(
            1,
            &[("l1", L(2)), ("l2", L(3)), ("b1", L(4)), ("a1", L(1))],
            &[("lezen", 4), ("benutten", 3), ("adviseren", 4)],
        );
        let scores = competency_scores(&fw, &s);
        let ids: Vec<&str> = largest_gaps(&scores, 5)
            .iter()
            .map(|s| s.competency.as_str())
            .collect();
        assert_eq!(ids, ["adviseren", "lezen"]);
        assert_eq!(largest_gaps(&scores, 1)[0].competency, "adviseren");
    }

    #[test]
    fn strengths_break_ties_by_framework_order() {
        let fw = small_framework();
        // lezen 3.0, benutten 3.0, adviseren 3.5: ties between lezen and benutten keep
        // framework order whatever the input order of equal values.
        let s = scan(
            1,
            &[
                ("l1", L(2)),
                ("l2", L(4)),
                ("b1", L(3)),
                ("a1", L(3)),
                ("a2", L(4)),
            ],
            &[],
        );
        let scores = competency_scores(&fw, &s);
        let ids: Vec<&str> = strengths(&scores, 3)
            .iter()
            .map(|s| s.competency.as_str())
            .collect();
        assert_eq!(ids, ["adviseren", "lezen", "benutten"]);
        assert_eq!(strengths(&scores, 2).len(), 2);
        let only_lezen = scan(2, &[("l1", L(1))], &[]);
        assert_eq!(strengths(&competency_scores(&fw, &only_lezen), 3).len(), 1);
    }

    #[test]
    fn deltas_compare_by_competency_and_need_both_sides() {
        let fw = small_framework();
        let before = scan(1, &[("l1", L(1)), ("l2", L(2)), ("b1", L(3))], &[]);
        let after = scan(2, &[("l1", L(3)), ("l2", L(3)), ("a1", L(2))], &[]);
        let d = deltas((&fw, &before), (&fw, &after));
        let values: Vec<Option<f64>> = d.iter().map(CompetencyDelta::delta).collect();
        // lezen 1.5 → 3.0; benutten 3 → none; adviseren none → 2.
        assert_eq!(values, [Some(1.5), None, None]);
        assert_eq!(d[1].before, Some(3.0));
        assert_eq!(d[2].after, Some(2.0));
    }

    #[test]
    fn deltas_across_versions_use_each_scans_own_framework() {
        let old = small_framework();
        let before = scan(1, &[("l1", L(1)), ("b1", L(2))], &[]);
        let mut new = old.clone();
        new.version = 2;
        new.areas[0].competencies.remove(1); // benutten dropped in version 2
        new.areas[0].competencies[0]
            .indicators
            .push(super::super::framework::Indicator {
                id: "l4".into(),
                name: "Nieuw gedrag".into(),
                name_en: None,
                descriptors: vec!["1".into(), "2".into(), "3".into(), "4".into()],
            });
        let mut after = before.clone();
        after.conform_to(&new);
        after.ratings.clear();
        after.set_rating(&new, "l4", L(4)).unwrap();
        let d = deltas((&old, &before), (&new, &after));
        let ids: Vec<&str> = d.iter().map(|d| d.competency.as_str()).collect();
        assert_eq!(ids, ["lezen", "adviseren", "benutten"]);
        assert_eq!(d[0].delta(), Some(3.0));
        assert_eq!((d[2].before, d[2].after), (Some(2.0), None));
    }

    #[test]
    fn self_and_other_differ_from_one_level_apart() {
        let fw = small_framework();
        // lezen: own (1+2+2)/3 = 5/3, other (2+3+3)/3 = 8/3: one level apart, which f64
        // computes as 0.9999999999999998 but must still be flagged.
        // benutten: 2 vs 2.5 → not flagged. adviseren: other only → no difference.
        let own = scan(
            1,
            &[("l1", L(1)), ("l2", L(2)), ("l3", L(2)), ("b1", L(2))],
            &[],
        );
        let other = scan(
            2,
            &[
                ("l1", L(2)),
                ("l2", L(3)),
                ("l3", L(3)),
                ("b1", L(2)),
                ("b2", L(3)),
                ("a1", L(1)),
            ],
            &[],
        );
        let rows = compare_raters((&fw, &own), (&fw, &other));
        let flags: Vec<bool> = rows.iter().map(|r| r.differs).collect();
        assert_eq!(flags, [true, false, false]);
        assert!((rows[0].difference().unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(rows[1].difference(), Some(0.5));
        assert_eq!(rows[2].difference(), None);
        let lower = compare_raters((&fw, &other), (&fw, &own));
        assert!(lower[0].differs);
        assert!(lower[0].difference().unwrap() < 0.0);
    }

    #[test]
    fn radar_gives_one_value_per_axis_per_scan() {
        let fw = small_framework();
        let a = scan(1, &[("l1", L(2)), ("a1", L(4)), ("a2", L(3))], &[]);
        let b = scan(2, &[("b1", L(1))], &[]);
        let r = radar(Lang::Nl, &fw, &[(&fw, &a), (&fw, &b)]);
        let axes: Vec<&str> = r.axes.iter().map(|a| a.competency.as_str()).collect();
        assert_eq!(axes, ["lezen", "benutten", "adviseren"]);
        assert_eq!(r.axes[0].name, "Netwerk lezen");
        assert_eq!(r.max, 4);
        assert_eq!(r.series[0].values, [Some(2.0), None, Some(3.5)]);
        assert_eq!(r.series[1].values, [None, Some(1.0), None]);
        assert_eq!(r.series[1].scan, Id::from_u128(2));
    }
}
