//! The *ontwikkelverslag*: what the participant takes to the final review with manager
//! and begeleider. Per competency of the current framework: the first and the latest
//! finished self-scan, the target, the latest view of each other rater, the evidence
//! written in the latest self-scan, and the goals and cases behind it.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::journal::CaseStatus;
use crate::model::order::SharedSort;
use crate::model::selfscan::scoring::competency_mean;
use crate::model::selfscan::{GoalStatus, Rater, Scan};
use crate::model::{Document, Id};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub day: NaiveDate,
    pub mean: f64,
}

/// Another rater's latest finished view of one competency.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherView {
    pub rater: Rater,
    pub day: NaiveDate,
    pub mean: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseEvidence {
    pub id: Id,
    pub title: String,
    pub status: CaseStatus,
    pub entries: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Growth {
    pub competency: String,
    /// The first finished self-scan that rated it.
    pub first: Option<Point>,
    /// The latest finished self-scan that rated it (the same as `first` with one scan).
    pub latest: Option<Point>,
    pub target: Option<u8>,
    pub others: Vec<OtherView>,
    /// The examples from practice written in the latest self-scan, in indicator order.
    pub evidence: Vec<String>,
    pub goals: Vec<(Id, String, GoalStatus)>,
    pub cases: Vec<CaseEvidence>,
}

impl Growth {
    /// Latest − first, when two different scans rated it.
    pub fn change(&self) -> Option<f64> {
        let (first, latest) = (self.first?, self.latest?);
        (first.day != latest.day).then_some(latest.mean - first.mean)
    }

    /// Each other rater's view minus the participant's own latest: the gap to talk about.
    pub fn gap(&self, other: &OtherView) -> Option<f64> {
        Some(other.mean - self.latest?.mean)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The first day anything was recorded: a scan, a case, an entry.
    pub first_day: Option<NaiveDate>,
    pub competencies: Vec<Growth>,
    pub scans: usize,
    pub cases: usize,
    pub entries: usize,
    pub snapshots: usize,
}

pub fn report(doc: &Document) -> Report {
    let section = &doc.selfscan;
    let mut finished: Vec<&Scan> = section.scans.iter().filter(|s| s.is_finished()).collect();
    finished.shared_sort_by_key(|s| s.date);
    let own: Vec<&Scan> = finished
        .iter()
        .copied()
        .filter(|s| s.rater.is_participant())
        .collect();
    let latest_own = own.last().copied();
    let mut entries_per_case: HashMap<Id, usize> = HashMap::new();
    for entry in &doc.journal.entries {
        *entries_per_case.entry(entry.case_id).or_default() += 1;
    }
    let point = |scan: &Scan, competency: &str| {
        let framework = section.framework_of(scan)?;
        competency_mean(framework, scan, competency).map(|mean| Point {
            day: scan.date,
            mean,
        })
    };
    let competencies = section
        .current_framework()
        .into_iter()
        .flat_map(|f| f.competencies())
        .map(|c| {
            let id = c.id.as_str();
            let mut others: Vec<OtherView> = Vec::new();
            for scan in finished.iter().filter(|s| !s.rater.is_participant()) {
                let Some(p) = point(scan, id) else { continue };
                let view = OtherView {
                    rater: scan.rater.clone(),
                    day: p.day,
                    mean: p.mean,
                };
                // Scans are in date order: a later one by the same rater replaces.
                match others.iter_mut().find(|o| o.rater == scan.rater) {
                    Some(o) => *o = view,
                    None => others.push(view),
                }
            }
            let evidence = latest_own
                .and_then(|scan| Some((scan, section.framework_of(scan)?.competency(id)?)))
                .map(|(scan, competency)| {
                    competency
                        .indicators
                        .iter()
                        .map(|i| scan.evidence(&i.id).trim())
                        .filter(|e| !e.is_empty())
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            Growth {
                competency: id.to_string(),
                first: own.iter().find_map(|s| point(s, id)),
                latest: own.iter().rev().find_map(|s| point(s, id)),
                target: latest_own.and_then(|s| s.target(id)),
                others,
                evidence,
                goals: section
                    .goals_for_competency(id)
                    .into_iter()
                    .map(|g| (g.id, g.title.clone(), g.status))
                    .collect(),
                cases: doc
                    .journal
                    .cases
                    .iter()
                    .filter(|case| case.competencies.iter().any(|x| x == id))
                    .map(|case| CaseEvidence {
                        id: case.id,
                        title: case.title.clone(),
                        status: case.status,
                        entries: entries_per_case.get(&case.id).copied().unwrap_or(0),
                    })
                    .collect(),
            }
        })
        .collect();
    let first_day = section
        .scans
        .iter()
        .map(|s| s.date)
        .chain(doc.journal.cases.iter().map(|c| c.start))
        .chain(doc.journal.entries.iter().map(|e| e.date))
        .min();
    Report {
        first_day,
        competencies,
        scans: section.scans.len(),
        cases: doc.journal.cases.len(),
        entries: doc.journal.entries.len(),
        snapshots: doc.network.snapshots.len(),
    }
}
