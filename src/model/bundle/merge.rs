//! Merging an incoming document into the one here, record by record, by id.
//!
//! Records new here are added; identical ones are left alone; a record that exists on
//! both sides with different contents is a conflict, settled per conflict by the user:
//! the newer wins, both are kept, or the incoming one is skipped. Merging the same bundle
//! twice changes nothing the second time: a kept copy gets an id derived from the
//! original id and its contents, so it is recognised when it comes again.
//! Feedback (a begeleider's comments) is merged into entries and goals without touching the
//! participant's own texts, whatever the resolution.

use std::collections::hash_map;
use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sha2::{Digest, Sha256};

use super::BundleKind;
use crate::model::journal::{Case, Entry};
use crate::model::network::{Actor, Endpoint, Snapshot, Tie};
use crate::model::selfscan::{Goal, Scan, ScanLabel};
use crate::model::validation::Problem;
use crate::model::{Document, Id, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resolution {
    /// The version changed last wins; where a record has no time, the incoming one.
    #[default]
    NewerWins,
    KeepBoth,
    Skip,
}

/// The kinds of record a merge adds or asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    FrameworkVersion,
    RatingRequest,
    Scan,
    Goal,
    Actor,
    Tie,
    Snapshot,
    Case,
    Entry,
}

impl Record {
    /// The singular noun, as in "3 × casus".
    pub fn noun(self, lang: Lang) -> &'static str {
        match self {
            Record::FrameworkVersion => lang.pick("kaderversie", "framework version"),
            Record::RatingRequest => lang.pick("beoordelingsverzoek", "rating request"),
            Record::Scan => "scan",
            Record::Goal => lang.pick("ontwikkeldoel", "development goal"),
            Record::Actor => "actor",
            Record::Tie => lang.pick("relatie", "relationship"),
            Record::Snapshot => lang.pick("momentopname", "snapshot"),
            Record::Case => lang.pick("casus", "case"),
            Record::Entry => lang.pick("notitie", "entry"),
        }
    }
}

/// What a conflicting record is called, worded when shown.
#[derive(Debug, Clone, PartialEq)]
pub enum ConflictTitle {
    /// The record's own name or title.
    Named(String),
    Scan {
        label: ScanLabel,
        date: NaiveDate,
    },
    Entry(NaiveDate),
    Tie,
}

impl ConflictTitle {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (ConflictTitle::Named(name), _) => name.clone(),
            (ConflictTitle::Scan { label, date }, Lang::Nl) => {
                format!("{} ({date})", label.label(lang))
            }
            (ConflictTitle::Scan { label, date }, Lang::En) => {
                format!("{} ({})", label.label(lang), lang.date(*date))
            }
            (ConflictTitle::Entry(date), Lang::Nl) => format!("notitie van {date}"),
            (ConflictTitle::Entry(date), Lang::En) => format!("entry of {}", lang.date(*date)),
            (ConflictTitle::Tie, _) => Record::Tie.noun(lang).to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Stable across `plan` and `apply`, for the UI to remember each choice.
    pub key: String,
    pub what: Record,
    pub title: ConflictTitle,
    pub local_updated: Option<DateTime<Utc>>,
    pub incoming_updated: Option<DateTime<Utc>>,
}

impl Conflict {
    /// Which side "newer wins" picks.
    pub fn incoming_is_newer(&self) -> bool {
        match (self.local_updated, self.incoming_updated) {
            (Some(l), Some(i)) => i > l,
            _ => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergeReport {
    /// Per kind of record, how many were added.
    pub added: Vec<(Record, usize)>,
    pub unchanged: usize,
    pub replaced: usize,
    pub kept_both: usize,
    pub skipped: usize,
    pub feedback_added: usize,
    pub conflicts: Vec<Conflict>,
}

impl MergeReport {
    pub fn changes(&self) -> usize {
        self.added.iter().map(|(_, n)| n).sum::<usize>()
            + self.replaced
            + self.kept_both
            + self.feedback_added
    }

    fn add(&mut self, what: Record) {
        match self.added.iter_mut().find(|(w, _)| *w == what) {
            Some((_, n)) => *n += 1,
            None => self.added.push((what, 1)),
        }
    }
}

/// What a merge would do, for the preview; every conflict is listed, nothing is changed.
pub type MergePlan = MergeReport;

pub fn plan(doc: &Document, incoming: &Document, kind: BundleKind) -> MergePlan {
    let mut copy = doc.clone();
    merge_into(&mut copy, incoming, kind, &|_| Resolution::Skip)
}

/// Merges into a copy and returns it only if the result is valid: on any problem the
/// caller's document is untouched.
pub fn apply(
    doc: &Document,
    incoming: &Document,
    kind: BundleKind,
    decide: &dyn Fn(&Conflict) -> Resolution,
) -> Result<(Document, MergeReport), Vec<Problem>> {
    let mut merged = doc.clone();
    let report = merge_into(&mut merged, incoming, kind, decide);
    merged.normalise();
    let problems = merged.validate();
    if problems.is_empty() {
        Ok((merged, report))
    } else {
        Err(problems)
    }
}

fn merge_into(
    doc: &mut Document,
    incoming: &Document,
    kind: BundleKind,
    decide: &dyn Fn(&Conflict) -> Resolution,
) -> MergeReport {
    let mut report = MergeReport::default();
    match kind {
        // A rating adds its one scan, never anything else: the request and its framework
        // are here already (`bundle::admit` checked).
        BundleKind::RatingAnswer => {
            let answers: Vec<Scan> = incoming
                .selfscan
                .scans
                .iter()
                .filter(|s| s.request.is_some() && !s.rater.is_participant())
                .cloned()
                .collect();
            merge_records(
                &mut doc.selfscan.scans,
                &answers,
                &SCANS,
                decide,
                &mut report,
            );
            return report;
        }
        // A request is filled in, never merged.
        BundleKind::RatingRequest => return report,
        BundleKind::Participant | BundleKind::Feedback => {}
    }
    // Feedback goes first: it must reach entries whatever happens to them below.
    for entry in &incoming.journal.entries {
        if !entry.feedback.is_empty() {
            report.feedback_added += doc
                .journal
                .merge_feedback(entry.id, entry.feedback.clone())
                .unwrap_or(0);
        }
    }
    for goal in &incoming.selfscan.goals {
        if goal.feedback.is_empty() {
            continue;
        }
        if let Some(here) = doc.selfscan.goals.iter_mut().find(|g| g.id == goal.id) {
            report.feedback_added += here.merge_feedback(goal.feedback.clone());
        }
    }
    if kind == BundleKind::Feedback {
        // A begeleider's bundle adds their ratings and comments, never replaces the
        // participant's own records.
        for scan in incoming
            .selfscan
            .scans
            .iter()
            .filter(|s| !s.rater.is_participant())
        {
            merge_records(
                &mut doc.selfscan.scans,
                std::slice::from_ref(scan),
                &SCANS,
                decide,
                &mut report,
            );
        }
        add_missing_frameworks(doc, incoming, &mut report);
        return report;
    }
    add_missing_frameworks(doc, incoming, &mut report);
    add_missing_requests(doc, incoming, &mut report);
    merge_records(
        &mut doc.selfscan.scans,
        &incoming.selfscan.scans,
        &SCANS,
        decide,
        &mut report,
    );
    merge_records(
        &mut doc.selfscan.goals,
        &incoming.selfscan.goals,
        &GOALS,
        decide,
        &mut report,
    );
    merge_records(
        &mut doc.network.actors,
        &incoming.network.actors,
        &ACTORS,
        decide,
        &mut report,
    );
    // The local ties by the pair they join, in either direction.
    let mut pairs: HashMap<(Endpoint, Endpoint), Vec<Id>> = HashMap::new();
    for l in &doc.network.ties {
        pairs.entry(pair(l)).or_default().push(l.id);
    }
    let incoming_ties: Vec<Tie> = incoming
        .network
        .ties
        .iter()
        .filter(|t| {
            // Two laptops may each have drawn the same tie: one per pair is the rule.
            let same_pair = pairs
                .get(&pair(t))
                .is_some_and(|ids| ids.iter().any(|&id| id != t.id));
            if same_pair {
                report.skipped += 1;
            }
            !same_pair
        })
        .cloned()
        .collect();
    merge_records(
        &mut doc.network.ties,
        &incoming_ties,
        &TIES,
        decide,
        &mut report,
    );
    merge_records(
        &mut doc.network.snapshots,
        &incoming.network.snapshots,
        &SNAPSHOTS,
        decide,
        &mut report,
    );
    merge_records(
        &mut doc.journal.cases,
        &incoming.journal.cases,
        &CASES,
        decide,
        &mut report,
    );
    merge_records(
        &mut doc.journal.entries,
        &incoming.journal.entries,
        &ENTRIES,
        decide,
        &mut report,
    );
    report
}

fn pair(tie: &Tie) -> (Endpoint, Endpoint) {
    (tie.a.min(tie.b), tie.a.max(tie.b))
}

/// Framework versions never change once made, so a missing version is simply added.
fn add_missing_frameworks(doc: &mut Document, incoming: &Document, report: &mut MergeReport) {
    for fw in &incoming.selfscan.frameworks {
        let present = doc
            .selfscan
            .frameworks
            .iter()
            .any(|f| f.id == fw.id && f.version == fw.version);
        if !present {
            doc.selfscan.frameworks.push(fw.clone());
            report.add(Record::FrameworkVersion);
        }
    }
}

/// A rating request never changes once sent: one missing here (made on the other laptop)
/// is added, one already here stays as it is.
fn add_missing_requests(doc: &mut Document, incoming: &Document, report: &mut MergeReport) {
    for request in &incoming.selfscan.requests {
        if doc.selfscan.request(request.id).is_none() {
            doc.selfscan.requests.push(request.clone());
            report.add(Record::RatingRequest);
        }
    }
}

/// How to handle one kind of record.
struct Kind<T> {
    what: Record,
    id: fn(&T) -> Id,
    set_id: fn(&mut T, Id),
    updated: fn(&T) -> Option<DateTime<Utc>>,
    title: fn(&T) -> ConflictTitle,
    /// Carries over what the local record has that must survive a replacement.
    keep: fn(&T, &mut T),
    /// Whether two versions can stand side by side; a second tie between the same pair
    /// cannot, so "keep both" means "newer wins" there.
    can_copy: bool,
}

fn nothing_to_keep<T>(_: &T, _: &mut T) {}

const SCANS: Kind<Scan> = Kind {
    what: Record::Scan,
    id: |s| s.id,
    set_id: |s, id| s.id = id,
    updated: |s| s.finished_at,
    title: |s| ConflictTitle::Scan {
        label: s.label.clone(),
        date: s.date,
    },
    keep: nothing_to_keep,
    can_copy: true,
};
const GOALS: Kind<Goal> = Kind {
    what: Record::Goal,
    id: |g| g.id,
    set_id: |g, id| g.id = id,
    updated: |_| None,
    title: |g| ConflictTitle::Named(g.title.clone()),
    keep: |local, new| {
        new.merge_feedback(local.feedback.clone());
    },
    can_copy: true,
};
const ACTORS: Kind<Actor> = Kind {
    what: Record::Actor,
    id: |a| a.id,
    set_id: |a, id| a.id = id,
    updated: |_| None,
    title: |a| ConflictTitle::Named(a.name.clone()),
    // Where the user placed a node on this laptop is theirs to keep.
    keep: |local, new| {
        if local.position.is_some() {
            new.position = local.position;
        }
    },
    can_copy: true,
};
const TIES: Kind<Tie> = Kind {
    what: Record::Tie,
    id: |t| t.id,
    set_id: |t, id| t.id = id,
    updated: |_| None,
    title: |_| ConflictTitle::Tie,
    keep: nothing_to_keep,
    can_copy: false,
};
const SNAPSHOTS: Kind<Snapshot> = Kind {
    what: Record::Snapshot,
    id: |s| s.id,
    set_id: |s, id| s.id = id,
    updated: |s| Some(s.taken),
    title: |s| ConflictTitle::Named(s.label.clone()),
    keep: nothing_to_keep,
    can_copy: true,
};
const CASES: Kind<Case> = Kind {
    what: Record::Case,
    id: |c| c.id,
    set_id: |c, id| c.id = id,
    updated: |c| Some(c.updated),
    title: |c| ConflictTitle::Named(c.title.clone()),
    keep: nothing_to_keep,
    can_copy: true,
};
const ENTRIES: Kind<Entry> = Kind {
    what: Record::Entry,
    id: |e| e.id,
    set_id: |e, id| e.id = id,
    updated: |e| Some(e.updated),
    title: |e| ConflictTitle::Entry(e.date),
    keep: |local, new| {
        new.merge_feedback(local.feedback.clone());
    },
    can_copy: true,
};

fn merge_records<T: Clone + PartialEq + serde::Serialize>(
    local: &mut Vec<T>,
    incoming: &[T],
    kind: &Kind<T>,
    decide: &dyn Fn(&Conflict) -> Resolution,
    report: &mut MergeReport,
) {
    // Where each id sits: looked up, not searched for. A scan per incoming record made
    // merging two year-long journals quadratic (millions of id comparisons for 5,000
    // records). The first record with an id wins, as a scan from the front would find.
    let mut at: HashMap<Id, usize> = HashMap::with_capacity(local.len() + incoming.len());
    for (index, record) in local.iter().enumerate() {
        at.entry((kind.id)(record)).or_insert(index);
    }
    for new in incoming {
        let id = (kind.id)(new);
        let Some(&index) = at.get(&id) else {
            at.insert(id, local.len());
            local.push(new.clone());
            report.add(kind.what);
            continue;
        };
        let mut candidate = new.clone();
        (kind.keep)(&local[index], &mut candidate);
        if local[index] == candidate {
            report.unchanged += 1;
            continue;
        }
        let conflict = Conflict {
            key: format!("{}:{id}", kind.what.noun(Lang::Nl)),
            what: kind.what,
            title: (kind.title)(new),
            local_updated: (kind.updated)(&local[index]),
            incoming_updated: (kind.updated)(new),
        };
        let mut resolution = decide(&conflict);
        if resolution == Resolution::KeepBoth && !kind.can_copy {
            resolution = Resolution::NewerWins;
        }
        match resolution {
            Resolution::NewerWins if conflict.incoming_is_newer() => {
                local[index] = candidate;
                report.replaced += 1;
            }
            Resolution::NewerWins => report.unchanged += 1,
            Resolution::KeepBoth => {
                let copy_id = copy_id(id, new);
                match at.entry(copy_id) {
                    hash_map::Entry::Occupied(_) => report.unchanged += 1,
                    hash_map::Entry::Vacant(slot) => {
                        (kind.set_id)(&mut candidate, copy_id);
                        slot.insert(local.len());
                        local.push(candidate);
                        report.kept_both += 1;
                    }
                }
            }
            Resolution::Skip => report.skipped += 1,
        }
        report.conflicts.push(conflict);
    }
}

/// The id of a kept copy: derived, not random, so the same bundle merged again finds it.
pub(crate) fn copy_id<T: serde::Serialize>(original: Id, record: &T) -> Id {
    let mut hasher = Sha256::new();
    hasher.update(original.as_bytes());
    hasher.update(serde_json::to_string(record).unwrap_or_default().as_bytes());
    let hash = hasher.finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}
