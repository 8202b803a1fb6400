//! The begeleider's "Cursusmap lezen" list: every participant found in the folder, with
//! their newest bundle and how it stands to the copy in the workspace; and the plan for
//! "Alles bijwerken".

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::choose::{choose, Choice, Problem, Verdict};
use super::layout::place_of;
use super::{Found, Reading};
use crate::model::bundle::BundleKind;
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

/// What the workspace holds of one participant (from `storage::Workspace::list`, with
/// the revision of the held copy where it is known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InWorkspace {
    pub id: Id,
    pub name: String,
    /// The export time of the bundle the held copy came from.
    pub exported: DateTime<Utc>,
    /// The held document's revision; `None` when not read.
    pub revision: Option<u64>,
}

/// How a participant's newest bundle in the folder stands to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum State {
    /// Not in the workspace yet.
    New,
    /// Newer than the copy in the workspace.
    Updated,
    /// The workspace has this bundle already; `held_is_newer`: it even has a newer one
    /// (imported another way), so the folder's is not taken.
    Unchanged { held_is_newer: bool },
    /// No readable bundle of this participant in the folder; the reason of the file
    /// changed last.
    Unreadable(Problem),
}

/// One participant in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub participant: Id,
    /// From the newest bundle, else from the workspace, else from a locked bundle's
    /// envelope; `None` when nothing readable says it.
    pub name: Option<String>,
    /// The file of the newest bundle, and its export time.
    pub newest: Option<usize>,
    pub exported: Option<DateTime<Utc>>,
    pub held: Option<InWorkspace>,
    pub state: State,
    /// This participant's files that could not be read now (also when a readable
    /// bundle was found), the file changed last first.
    pub problems: Vec<usize>,
    /// This participant's files left alone: duplicates, older copies, other kinds.
    pub ignored: Vec<usize>,
}

/// The list, with the reader's choice it was made from.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub choice: Choice,
    /// By name (participants without a known name last), then id.
    pub rows: Vec<Row>,
    /// Files that belong to no participant in the list: unreadable files outside any
    /// participant's folder, other kinds of bundle of people not in the list.
    pub outside: Vec<usize>,
}

/// One import of "Alles bijwerken".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub participant: Id,
    /// The file to import (its `Reading::Bundle`).
    pub file: usize,
    /// Whether it updates a copy the workspace holds (else it adds one).
    pub update: bool,
}

/// The list for the begeleider: reads `files` for participants' own bundles and sets
/// each participant found against what the workspace `held`.
pub fn list(files: &[Found], held: &[InWorkspace]) -> Listing {
    let choice = choose(files, BundleKind::Participant);
    let mut rows: BTreeMap<Id, Row> = BTreeMap::new();
    let blank = |participant: Id| Row {
        participant,
        name: None,
        newest: None,
        exported: None,
        held: held.iter().find(|h| h.id == participant).cloned(),
        state: State::New,
        problems: Vec::new(),
        ignored: Vec::new(),
    };
    for newest in &choice.newest {
        let Reading::Bundle(incoming) = &files[newest.file].reading else {
            continue;
        };
        let row = rows
            .entry(newest.subject)
            .or_insert_with(|| blank(newest.subject));
        row.name = Some(incoming.document.profile.name.clone());
        row.newest = Some(newest.file);
        row.exported = Some(incoming.bundle.exported);
        row.state = match &row.held {
            None => State::New,
            Some(h) => compare(incoming.bundle.exported, incoming.document.revision, h),
        };
    }
    let mut outside = Vec::new();
    for (i, verdict) in choice.verdicts.iter().enumerate() {
        match verdict {
            Verdict::Newest => {}
            Verdict::Duplicate { .. } | Verdict::Older { .. } | Verdict::OtherKind { .. } => {
                match subject_of(&files[i]).and_then(|s| rows.get_mut(&s)) {
                    Some(row) => row.ignored.push(i),
                    None => outside.push(i),
                }
            }
            Verdict::Problem(problem) => {
                let claimed = match problem {
                    Problem::Locked { claimed, .. } => *claimed,
                    _ => None,
                };
                match claimed.or_else(|| place_of(&files[i].path)) {
                    Some(subject) => {
                        let row = rows.entry(subject).or_insert_with(|| blank(subject));
                        row.problems.push(i);
                        if row.name.is_none() {
                            row.name =
                                row.held.as_ref().map(|h| h.name.clone()).or_else(|| {
                                    match (&files[i].reading, claimed) {
                                        (Reading::Locked(b), Some(_)) => Some(b.from.name.clone()),
                                        _ => None,
                                    }
                                });
                        }
                    }
                    None => outside.push(i),
                }
            }
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    for row in &mut rows {
        row.problems
            .shared_sort_by_key(|&i| (Reverse(files[i].modified), files[i].path.clone()));
        if row.newest.is_none() {
            if let Some(Verdict::Problem(p)) = row.problems.first().map(|&i| &choice.verdicts[i]) {
                row.state = State::Unreadable(p.clone());
            }
        }
    }
    rows.shared_sort_by_key(|r| {
        (
            r.name.is_none(),
            r.name.as_deref().map(str::to_lowercase),
            r.participant,
        )
    });
    Listing {
        choice,
        rows,
        outside,
    }
}

/// Whose data a readable file holds.
fn subject_of(file: &Found) -> Option<Id> {
    match &file.reading {
        Reading::Bundle(incoming) => Some(incoming.document.profile.id),
        _ => None,
    }
}

/// The folder's newest bundle against the held copy: a later export is an update; at
/// the same export time a higher revision (when known) is one too.
fn compare(exported: DateTime<Utc>, revision: u64, held: &InWorkspace) -> State {
    if exported > held.exported
        || (exported == held.exported && held.revision.is_some_and(|r| revision > r))
    {
        State::Updated
    } else {
        State::Unchanged {
            held_is_newer: exported < held.exported || held.revision.is_some_and(|r| r > revision),
        }
    }
}

impl Listing {
    /// "Alles bijwerken": every new or updated participant's newest bundle, in the
    /// list's order. Each goes through the one import transaction on its own; a refusal
    /// or a bad file skips that one and the others go on.
    pub fn plan(&self) -> Vec<Step> {
        self.rows
            .iter()
            .filter_map(|row| match (&row.state, row.newest) {
                (State::New, Some(file)) => Some(Step {
                    participant: row.participant,
                    file,
                    update: false,
                }),
                (State::Updated, Some(file)) => Some(Step {
                    participant: row.participant,
                    file,
                    update: true,
                }),
                _ => None,
            })
            .collect()
    }

    /// How many participants are in each state: (new, updated, unchanged, unreadable).
    pub fn counts(&self) -> (usize, usize, usize, usize) {
        let mut counts = (0, 0, 0, 0);
        for row in &self.rows {
            match row.state {
                State::New => counts.0 += 1,
                State::Updated => counts.1 += 1,
                State::Unchanged { .. } => counts.2 += 1,
                State::Unreadable(_) => counts.3 += 1,
            }
        }
        counts
    }

    /// One line above the list, e.g. "30 deelnemers gevonden: 28 nieuw, 1 bijgewerkt,
    /// 0 ongewijzigd, 1 onleesbaar."
    pub fn summary(&self, lang: Lang) -> String {
        let (new, updated, unchanged, unreadable) = self.counts();
        let found = lang.count(
            self.rows.len(),
            lang.pick("deelnemer", "participant"),
            lang.pick("deelnemers", "participants"),
        );
        lang.pick(
            format!("{found} gevonden: {new} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd, {unreadable} onleesbaar."),
            format!("{found} found: {new} new, {updated} updated, {unchanged} unchanged, {unreadable} unreadable."),
        )
    }

    /// What "Alles bijwerken" is about to do, on its button's confirmation.
    pub fn plan_summary(&self, lang: Lang) -> String {
        let plan = self.plan();
        let updates = plan.iter().filter(|s| s.update).count();
        let adds = plan.len() - updates;
        let skipped = self.counts().3;
        if plan.is_empty() {
            return lang
                .pick(
                    "Er is niets bij te werken: je werkruimte is bij met de cursusmap.",
                    "There is nothing to update: your workspace is up to date with the course folder.",
                )
                .into();
        }
        let n = lang.count(
            plan.len(),
            lang.pick("bundel", "bundle"),
            lang.pick("bundels", "bundles"),
        );
        let mut text = lang.pick(
            format!("{n} inlezen: {adds} nieuw, {updates} bijgewerkt."),
            format!("Import {n}: {adds} new, {updates} updated."),
        );
        if skipped > 0 {
            let who = lang.count(
                skipped,
                lang.pick("deelnemer", "participant"),
                lang.pick("deelnemers", "participants"),
            );
            text.push(' ');
            text.push_str(&lang.pick(
                format!("{who} zonder leesbare bundel overgeslagen."),
                format!("{who} without a readable bundle skipped."),
            ));
        }
        text
    }
}

impl State {
    /// The state's word in the list.
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            State::New => lang.pick("nieuw", "new"),
            State::Updated => lang.pick("bijgewerkt", "updated"),
            State::Unchanged { .. } => lang.pick("ongewijzigd", "unchanged"),
            State::Unreadable(_) => lang.pick("onleesbaar", "unreadable"),
        }
    }

    /// The state explained, with the reason when unreadable.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            State::New => lang
                .pick(
                    "Nieuw: nog niet in je werkruimte.",
                    "New: not in your workspace yet.",
                )
                .into(),
            State::Updated => lang
                .pick(
                    "Bijgewerkt: nieuwer dan de kopie in je werkruimte.",
                    "Updated: newer than the copy in your workspace.",
                )
                .into(),
            State::Unchanged {
                held_is_newer: false,
            } => lang
                .pick(
                    "Ongewijzigd: deze bundel staat al in je werkruimte.",
                    "Unchanged: this bundle is already in your workspace.",
                )
                .into(),
            State::Unchanged {
                held_is_newer: true,
            } => lang
                .pick(
                    "Ongewijzigd: je werkruimte heeft al een nieuwere kopie dan die in de cursusmap.",
                    "Unchanged: your workspace already has a newer copy than the one in the course folder.",
                )
                .into(),
            State::Unreadable(problem) => {
                let reason = problem.message(lang);
                lang.pick(
                    format!("Onleesbaar: er is geen leesbare bundel van deze deelnemer. {reason}"),
                    format!("Unreadable: there is no readable bundle of this participant. {reason}"),
                )
            }
        }
    }
}

impl Row {
    /// The name to show: a participant whose name nothing readable says is named by
    /// their folder.
    pub fn display_name(&self, lang: Lang) -> String {
        match &self.name {
            Some(name) => name.clone(),
            None => lang.pick(
                format!("Onbekende deelnemer (map {})", self.participant),
                format!("Unknown participant (folder {})", self.participant),
            ),
        }
    }
}
