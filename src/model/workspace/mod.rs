//! The begeleider's workspace: what they do with their participants' data. Storing it is
//! `storage::workspace`; here are the rules: what changed since the previous bundle, the
//! begeleider's feedback and rating scan, the return bundle, and the regiegroep overview.

mod overview;

pub use overview::{overview, overview_csv, CompetencyRow, Overview, ParticipantLine};

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::bundle::{self, Bundle, BundleKind, Resolution, Selection, Sender};
use super::journal::Feedback;
use super::selfscan::{Rater, RaterRole, ScanError, ScanLabel};
use super::{Document, Id, Lang, Profile, Role};
use crate::model::order::SharedSort;

/// What a new bundle brought, compared with the copy held before it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Changes {
    /// "Nulmeting (Zelf), 15-09-2025", … in the language asked for.
    pub scans_added: Vec<String>,
    pub cases_added: Vec<String>,
    /// (case title, entry date)
    pub entries_added: Vec<(String, NaiveDate)>,
    pub entries_changed: Vec<(String, NaiveDate)>,
    pub goals_added: Vec<String>,
    pub goals_changed: Vec<String>,
    pub actors_added: Vec<String>,
    pub ties_added: usize,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// One line of what changed, for *Alles bijwerken*'s summary: "2 nieuwe scans,
    /// 1 nieuwe notitie, …", or that nothing of the participant's own data changed.
    pub fn summary(&self, lang: Lang) -> String {
        let parts: Vec<String> = [
            (
                self.scans_added.len(),
                ("nieuwe scan", "nieuwe scans"),
                ("new scan", "new scans"),
            ),
            (
                self.cases_added.len(),
                ("nieuwe casus", "nieuwe casussen"),
                ("new case", "new cases"),
            ),
            (
                self.entries_added.len(),
                ("nieuwe notitie", "nieuwe notities"),
                ("new entry", "new entries"),
            ),
            (
                self.entries_changed.len(),
                ("gewijzigde notitie", "gewijzigde notities"),
                ("changed entry", "changed entries"),
            ),
            (
                self.goals_added.len(),
                ("nieuw doel", "nieuwe doelen"),
                ("new goal", "new goals"),
            ),
            (
                self.goals_changed.len(),
                ("gewijzigd doel", "gewijzigde doelen"),
                ("changed goal", "changed goals"),
            ),
            (
                self.actors_added.len(),
                ("nieuwe actor", "nieuwe actoren"),
                ("new actor", "new actors"),
            ),
            (
                self.ties_added,
                ("nieuwe relatie", "nieuwe relaties"),
                ("new tie", "new ties"),
            ),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, nl, en)| {
            let (one, many) = lang.pick(nl, en);
            lang.count(n, one, many)
        })
        .collect();
        if parts.is_empty() {
            lang.pick(
                "niets nieuws in de eigen gegevens",
                "nothing new in their own data",
            )
            .to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// The difference between two copies of one participant's data, by record id. Feedback
/// is left out: it is the begeleider's own.
pub fn changes(previous: &Document, current: &Document, lang: Lang) -> Changes {
    let mut out = Changes::default();
    let case_title = |id: Id| {
        current
            .journal
            .case(id)
            .map_or_else(String::new, |c| c.title.clone())
    };
    for scan in &current.selfscan.scans {
        if previous.selfscan.scan(scan.id).is_none() {
            let (label, rater) = (scan.label.label(lang), scan.rater.label(lang));
            out.scans_added
                .push(format!("{label} ({rater}), {}", lang.short_date(scan.date)));
        }
    }
    for case in &current.journal.cases {
        if previous.journal.case(case.id).is_none() {
            out.cases_added.push(case.title.clone());
        }
    }
    for entry in &current.journal.entries {
        match previous.journal.entry(entry.id) {
            None => out
                .entries_added
                .push((case_title(entry.case_id), entry.date)),
            Some(old) => {
                let (mut a, mut b) = (old.clone(), entry.clone());
                a.feedback.clear();
                b.feedback.clear();
                (a.updated, b.updated) = (b.updated, b.updated);
                if a != b {
                    out.entries_changed
                        .push((case_title(entry.case_id), entry.date));
                }
            }
        }
    }
    for goal in &current.selfscan.goals {
        match previous.selfscan.goal(goal.id) {
            None => out.goals_added.push(goal.title.clone()),
            Some(old) => {
                // The begeleider's own comments are not a change of the participant's.
                let (mut a, mut b) = (old.clone(), goal.clone());
                a.feedback.clear();
                b.feedback.clear();
                if a != b {
                    out.goals_changed.push(goal.title.clone());
                }
            }
        }
    }
    for actor in &current.network.actors {
        if !previous.network.actors.iter().any(|a| a.id == actor.id) {
            out.actors_added.push(actor.name.clone());
        }
    }
    out.ties_added = current
        .network
        .ties
        .iter()
        .filter(|t| !previous.network.ties.iter().any(|p| p.id == t.id))
        .count();
    out
}

/// A new bundle replaces the held copy, but what the begeleider added to that copy
/// (feedback, their rating scans) comes along; the participant's own records are theirs.
pub fn carry_over(held: &Document, incoming: &Document) -> Document {
    match bundle::apply(incoming, held, BundleKind::Feedback, &|_| Resolution::Skip) {
        Ok((merged, _)) => merged,
        Err(_) => incoming.clone(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedbackError {
    Empty,
    UnknownEntry,
    UnknownGoal,
}

impl FeedbackError {
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            FeedbackError::Empty => {
                lang.pick("Schrijf eerst een opmerking.", "Write a comment first.")
            }
            FeedbackError::UnknownEntry => lang.pick(
                "Deze notitie bestaat niet meer.",
                "This entry no longer exists.",
            ),
            FeedbackError::UnknownGoal => lang.pick(
                "Dit ontwikkeldoel bestaat niet meer.",
                "This development goal no longer exists.",
            ),
        }
    }
}

/// What the begeleider is commenting on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedbackOn {
    Entry(Id),
    Goal(Id),
}

/// Adds the begeleider's comment to one of the participant's entries or goals.
pub fn add_feedback(
    doc: &mut Document,
    on: FeedbackOn,
    coach: &Profile,
    text: &str,
    id: Id,
    now: DateTime<Utc>,
) -> Result<(), FeedbackError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FeedbackError::Empty);
    }
    let feedback = Feedback {
        author_profile: Some(coach.id),
        id,
        author: coach.name.clone(),
        author_role: Role::Coach,
        written: now,
        text: text.to_string(),
    };
    match on {
        FeedbackOn::Entry(entry) => doc
            .journal
            .merge_feedback(entry, [feedback])
            .map(|_| ())
            .ok_or(FeedbackError::UnknownEntry),
        FeedbackOn::Goal(goal) => doc
            .selfscan
            .goals
            .iter_mut()
            .find(|g| g.id == goal)
            .map(|g| {
                g.merge_feedback([feedback]);
            })
            .ok_or(FeedbackError::UnknownGoal),
    }
}

/// Starts the begeleider's rating scan about the participant, labelled like the
/// participant's latest own scan so the two are compared.
pub fn start_rating(
    doc: &mut Document,
    coach: &Profile,
    id: Id,
    date: NaiveDate,
) -> Result<(), ScanError> {
    let label = doc
        .selfscan
        .own_scans()
        .last()
        .map_or(ScanLabel::Baseline, |s| s.label.clone());
    let rater = Rater::Other {
        name: coach.name.clone(),
        role: RaterRole::Coach,
    };
    doc.selfscan.start_scan(id, label, date, rater)?;
    if let Some(scan) = doc.selfscan.scans.iter_mut().find(|s| s.id == id) {
        scan.started_by = Some(coach.id);
    }
    Ok(())
}

/// The begeleider's draft rating scans of this participant: those their profile started,
/// whatever name it has now; a draft from before `started_by` by their name.
pub fn draft_ratings(doc: &Document, coach: &Profile) -> Vec<Id> {
    doc.selfscan
        .scans_by_others()
        .filter(|s| !s.is_finished())
        .filter(|s| match s.started_by {
            Some(profile) => profile == coach.id,
            None => matches!(&s.rater, Rater::Other { name, role: RaterRole::Coach } if *name == coach.name),
        })
        .map(|s| s.id)
        .collect()
}

/// The return bundle ("terugkoppeling"): the participant's data as the begeleider amended
/// it, marked as feedback and sent by the begeleider. Importing it adds only the
/// begeleider's feedback and ratings (see `bundle::apply`).
pub fn feedback_bundle(doc: &Document, coach: &Profile, now: DateTime<Utc>) -> Bundle {
    bundle::build(doc, &Selection::everything(), BundleKind::Feedback, now).sent_by(Sender {
        profile: coach.id,
        name: coach.name.clone(),
        role: coach.role,
    })
}

/// The newest entries first (by date, then last changed), at most `n`.
pub fn recent_entries(doc: &Document, n: usize) -> Vec<&super::journal::Entry> {
    let mut all: Vec<_> = doc
        .journal
        .entries
        .iter()
        .filter(|e| doc.journal.case(e.case_id).is_some())
        .collect();
    all.shared_sort_by(|a, b| b.date.cmp(&a.date).then(b.updated.cmp(&a.updated)));
    all.truncate(n);
    all
}

/// The entries a begeleider can comment on, newest first, each labelled so that two of
/// one day and case can be told apart: date, case and the start of its first text, and
/// "(2)", "(3)" after a label that would read the same as one before it.
pub fn entry_choices(doc: &Document, lang: Lang) -> Vec<(Id, String)> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    recent_entries(doc, usize::MAX)
        .into_iter()
        .map(|e| {
            let case = doc.journal.case(e.case_id).map_or("", |c| c.title.as_str());
            let preview = e.preview(60);
            let mut label = format!("{} — {case}", lang.short_date(e.date));
            if !preview.is_empty() {
                label = format!("{label}: {preview}");
            }
            let n = seen.entry(label.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                label = format!("{label} ({n})");
            }
            (e.id, label)
        })
        .collect()
}

#[cfg(test)]
mod tests;
