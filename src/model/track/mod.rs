//! *Mijn leerspoor*: the participant's year as one track, drawn from what the document
//! already holds (nothing is entered twice). [`track`] lists every event newest first;
//! [`Filter`] narrows it by kind, case, competency and "since"; [`report`] is the
//! *ontwikkelverslag*, the growth per competency with its evidence and cases.
//!
//! Moments (a snapshot taken, feedback written) become the user's local day through the
//! `local_day` argument: the model never reads the time zone.

pub mod report;

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};

use super::journal::{Entry, ReflectionModel};
use super::network::snapshot::{compare, SnapshotDiff};
use super::order::SharedSort;
use super::selfscan::scoring::{deltas, CompetencyDelta};
use super::selfscan::{Rater, Scan, ScanLabel, ScanStatus};
use super::{Document, Id, Lang};

pub use report::{report, CaseEvidence, Growth, OtherView, Point, Report};

/// The longest excerpt of a text the track shows; the whole text is one link away.
pub const EXCERPT_CHARS: usize = 160;

/// How many events the page shows at first; *Toon oudere* shows this many more. A year
/// of 2,000 entries stays quick to open (the bench's *Mijn leerspoor* figure).
pub const PAGE: usize = 150;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Scan,
    Entry,
    Case,
    Goal,
    Snapshot,
    Feedback,
    Session,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Scan,
        Kind::Entry,
        Kind::Case,
        Kind::Goal,
        Kind::Snapshot,
        Kind::Feedback,
        Kind::Session,
    ];

    /// The kind's code in the page's address (`Filter::to_query`).
    pub fn code(self) -> &'static str {
        match self {
            Kind::Scan => "scan",
            Kind::Entry => "notitie",
            Kind::Case => "casus",
            Kind::Goal => "doel",
            Kind::Snapshot => "momentopname",
            Kind::Feedback => "terugkoppeling",
            Kind::Session => "vraag",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The filter's name for the kind.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Kind::Scan => lang.pick("Scans en beoordelingen", "Scans and ratings"),
            Kind::Entry => lang.pick("Notities", "Entries"),
            Kind::Case => lang.pick("Casussen", "Cases"),
            Kind::Goal => lang.pick("Ontwikkeldoelen", "Development goals"),
            Kind::Snapshot => lang.pick("Momentopnamen van de kaart", "Map snapshots"),
            Kind::Feedback => lang.pick("Terugkoppeling", "Feedback"),
            Kind::Session => lang.pick("Vragen voor de begeleider", "Questions for the coach"),
        }
    }

    /// A count of events of this kind, for "since …": "3 notities".
    pub fn count(self, lang: Lang, n: usize) -> String {
        let (one, many) = match self {
            Kind::Scan => lang.pick(("scan", "scans"), ("scan", "scans")),
            Kind::Entry => lang.pick(("notitie", "notities"), ("entry", "entries")),
            Kind::Case => lang.pick(
                ("nieuwe casus", "nieuwe casussen"),
                ("new case", "new cases"),
            ),
            Kind::Goal => lang.pick(
                ("wijziging in je doelen", "wijzigingen in je doelen"),
                ("change in your goals", "changes in your goals"),
            ),
            Kind::Snapshot => {
                lang.pick(("momentopname", "momentopnamen"), ("snapshot", "snapshots"))
            }
            Kind::Feedback => lang.pick(
                ("reactie van je begeleider", "reacties van je begeleider"),
                ("comment from your coach", "comments from your coach"),
            ),
            Kind::Session => lang.pick(
                ("vraag voor de begeleider", "vragen voor de begeleider"),
                ("question for the coach", "questions for the coach"),
            ),
        };
        lang.count(n, one, many)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalStep {
    Set,
    Changed,
    Reached,
}

/// What changed in the map since the snapshot before, in counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MapChange {
    pub actors_added: usize,
    pub actors_removed: usize,
    pub actors_changed: usize,
    pub ties_added: usize,
    pub ties_removed: usize,
    pub ties_changed: usize,
}

impl MapChange {
    fn of(diff: &SnapshotDiff) -> MapChange {
        MapChange {
            actors_added: diff.actors_added.len(),
            actors_removed: diff.actors_removed.len(),
            actors_changed: diff.actors_changed.len(),
            ties_added: diff.ties_added.len(),
            ties_removed: diff.ties_removed.len(),
            ties_changed: diff.ties_changed.len(),
        }
    }

    /// "2 actoren erbij, 1 relatie gewijzigd", or that nothing changed.
    pub fn summary(&self, lang: Lang) -> String {
        let parts: Vec<String> = [
            (
                self.actors_added,
                lang.pick(
                    ("actor erbij", "actoren erbij"),
                    ("actor added", "actors added"),
                ),
            ),
            (
                self.actors_removed,
                lang.pick(
                    ("actor weg", "actoren weg"),
                    ("actor removed", "actors removed"),
                ),
            ),
            (
                self.actors_changed,
                lang.pick(
                    ("actor gewijzigd", "actoren gewijzigd"),
                    ("actor changed", "actors changed"),
                ),
            ),
            (
                self.ties_added,
                lang.pick(
                    ("relatie erbij", "relaties erbij"),
                    ("tie added", "ties added"),
                ),
            ),
            (
                self.ties_removed,
                lang.pick(
                    ("relatie weg", "relaties weg"),
                    ("tie removed", "ties removed"),
                ),
            ),
            (
                self.ties_changed,
                lang.pick(
                    ("relatie gewijzigd", "relaties gewijzigd"),
                    ("tie changed", "ties changed"),
                ),
            ),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, (one, many))| lang.count(n, one, many))
        .collect();
        if parts.is_empty() {
            lang.pick(
                "Niets veranderd sinds de vorige",
                "Nothing changed since the one before",
            )
            .into()
        } else {
            parts.join(", ")
        }
    }
}

/// Where a begeleider's comment was written.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedbackOn {
    Entry { entry: Id, case: Id },
    Goal { goal: Id, title: String },
}

#[derive(Clone, Debug, PartialEq)]
pub enum What {
    /// A scan by the participant or by someone else; `change` is against the previous
    /// finished self-scan (own scans only).
    Scan {
        id: Id,
        label: ScanLabel,
        rater: Rater,
        finished: bool,
        change: Option<Vec<CompetencyDelta>>,
    },
    Entry {
        id: Id,
        case: Id,
        case_title: String,
        model: ReflectionModel,
        excerpt: String,
    },
    Case {
        id: Id,
        title: String,
    },
    Goal {
        id: Id,
        title: String,
        step: GoalStep,
    },
    Snapshot {
        id: Id,
        label: String,
        /// None for the first snapshot: there is nothing to compare it with.
        change: Option<MapChange>,
    },
    Feedback {
        author: String,
        excerpt: String,
        on: FeedbackOn,
    },
    /// A question the participant took to the next session with the begeleider.
    Session {
        entry: Id,
        case: Id,
        case_title: String,
        question: String,
        done: bool,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub day: NaiveDate,
    pub kind: Kind,
    pub what: What,
    /// The case it belongs to, for the case filter.
    pub case: Option<Id>,
    /// The competencies it is about, for the competency filter: a case's and its
    /// entries', a goal's, every competency a scan rated.
    pub competencies: Vec<String>,
}

/// The first `EXCERPT_CHARS` characters of a text, whitespace folded, with "…" when cut.
pub fn excerpt(text: &str) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", folded[..cut].trim_end()),
        None => folded,
    }
}

/// An entry's first text in the order of its model's steps.
fn entry_excerpt(entry: &Entry) -> String {
    let first = entry
        .model
        .steps()
        .iter()
        .map(|step| entry.text(step.key))
        .chain(entry.other_texts().into_iter().map(|(_, text)| text))
        .find(|text| !text.trim().is_empty())
        .unwrap_or("");
    excerpt(first)
}

/// Every event of the year, newest day first; on one day in the order: scans, cases,
/// entries, questions, goals, snapshots, feedback.
pub fn track(doc: &Document, local_day: impl Fn(DateTime<Utc>) -> NaiveDate) -> Vec<Event> {
    let mut events = Vec::new();
    scan_events(doc, &mut events);
    let cases: HashMap<Id, (&str, &[String])> = doc
        .journal
        .cases
        .iter()
        .map(|c| (c.id, (c.title.as_str(), c.competencies.as_slice())))
        .collect();
    for case in &doc.journal.cases {
        events.push(Event {
            day: case.start,
            kind: Kind::Case,
            what: What::Case {
                id: case.id,
                title: case.title.clone(),
            },
            case: Some(case.id),
            competencies: case.competencies.clone(),
        });
    }
    for entry in &doc.journal.entries {
        // An entry whose case is in the bin is not part of the live journal.
        let Some(&(title, competencies)) = cases.get(&entry.case_id) else {
            continue;
        };
        events.push(Event {
            day: entry.date,
            kind: Kind::Entry,
            what: What::Entry {
                id: entry.id,
                case: entry.case_id,
                case_title: title.to_string(),
                model: entry.model,
                excerpt: entry_excerpt(entry),
            },
            case: Some(entry.case_id),
            competencies: competencies.to_vec(),
        });
        if let Some(question) = &entry.coach_question {
            events.push(Event {
                day: entry.date,
                kind: Kind::Session,
                what: What::Session {
                    entry: entry.id,
                    case: entry.case_id,
                    case_title: title.to_string(),
                    question: excerpt(&question.text),
                    done: question.done,
                },
                case: Some(entry.case_id),
                competencies: competencies.to_vec(),
            });
        }
        events.extend(entry.feedback.iter().map(|f| Event {
            day: local_day(f.written),
            kind: Kind::Feedback,
            what: What::Feedback {
                author: f.author.clone(),
                excerpt: excerpt(&f.text),
                on: FeedbackOn::Entry {
                    entry: entry.id,
                    case: entry.case_id,
                },
            },
            case: Some(entry.case_id),
            competencies: competencies.to_vec(),
        }));
    }
    for goal in &doc.selfscan.goals {
        let steps = [
            (goal.set_on, GoalStep::Set),
            (goal.changed_on, GoalStep::Changed),
            (goal.reached_on, GoalStep::Reached),
        ];
        for (day, step) in steps {
            let Some(day) = day else { continue };
            events.push(Event {
                day,
                kind: Kind::Goal,
                what: What::Goal {
                    id: goal.id,
                    title: goal.title.clone(),
                    step,
                },
                case: None,
                competencies: goal.competencies.clone(),
            });
        }
        events.extend(goal.feedback.iter().map(|f| Event {
            day: local_day(f.written),
            kind: Kind::Feedback,
            what: What::Feedback {
                author: f.author.clone(),
                excerpt: excerpt(&f.text),
                on: FeedbackOn::Goal {
                    goal: goal.id,
                    title: goal.title.clone(),
                },
            },
            case: None,
            competencies: goal.competencies.clone(),
        }));
    }
    let mut snapshots: Vec<_> = doc.network.snapshots.iter().collect();
    snapshots.shared_sort_by_key(|s| s.taken);
    for (i, snapshot) in snapshots.iter().enumerate() {
        let change = i
            .checked_sub(1)
            .map(|before| MapChange::of(&compare(snapshots[before], snapshot)));
        events.push(Event {
            day: local_day(snapshot.taken),
            kind: Kind::Snapshot,
            what: What::Snapshot {
                id: snapshot.id,
                label: snapshot.label.clone(),
                change,
            },
            case: None,
            competencies: Vec::new(),
        });
    }
    // Stable: one day's events keep the order above, kinds in the order of `Kind`.
    events.shared_sort_by_key(|e| (Reverse(e.day), e.kind));
    events
}

fn scan_events(doc: &Document, events: &mut Vec<Event>) {
    let section = &doc.selfscan;
    let mut scans: Vec<&Scan> = section.scans.iter().collect();
    scans.shared_sort_by_key(|s| s.date);
    // The previous finished self-scan, with its framework, as the scans go by in date order.
    let mut previous = None;
    for scan in scans {
        let Some(framework) = section.framework_of(scan) else {
            continue;
        };
        let own = scan.rater.is_participant();
        let change = own
            .then(|| previous.map(|before| deltas(before, (framework, scan))))
            .flatten();
        if own && scan.status == ScanStatus::Finished {
            previous = Some((framework, scan));
        }
        events.push(Event {
            day: scan.date,
            kind: Kind::Scan,
            what: What::Scan {
                id: scan.id,
                label: scan.label.clone(),
                rater: scan.rater.clone(),
                finished: scan.is_finished(),
                change,
            },
            case: None,
            competencies: framework.competency_ids().map(str::to_string).collect(),
        });
    }
}

/// What the page narrows the track to. Every kind is shown but those in `hidden`; with
/// every kind hidden, nothing is.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Filter {
    pub hidden: BTreeSet<Kind>,
    pub case: Option<Id>,
    pub competency: Option<String>,
    /// "Wat is er gebeurd sinds …": this day and later.
    pub since: Option<NaiveDate>,
}

impl Filter {
    pub fn matches(&self, event: &Event) -> bool {
        self.shows(event.kind)
            && self.case.is_none_or(|case| event.case == Some(case))
            && self
                .competency
                .as_ref()
                .is_none_or(|c| event.competencies.iter().any(|e| e == c))
            && self.since.is_none_or(|since| event.day >= since)
    }

    pub fn shows(&self, kind: Kind) -> bool {
        !self.hidden.contains(&kind)
    }

    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// The filter as the page's address keeps it, so Back and a reload find it again:
    /// `(key, value)` pairs, none for what is not narrowed. The values are ids, dates and
    /// the kinds' codes, which need no escaping but a competency id's own characters.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.hidden.is_empty() {
            let codes: Vec<&str> = self.hidden.iter().map(|k| k.code()).collect();
            out.push(("verberg", codes.join(",")));
        }
        if let Some(case) = self.case {
            out.push(("casus", case.to_string()));
        }
        if let Some(c) = &self.competency {
            out.push(("competentie", c.clone()));
        }
        if let Some(day) = self.since {
            out.push(("sinds", Lang::iso_date(day)));
        }
        out
    }

    /// The filter an address names (`get` reads one key of its query). What cannot be
    /// read, such as an unknown kind or a malformed date, is left out: an edited or old
    /// address shows more, never an error.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filter {
        Filter {
            hidden: get("verberg")
                .map(|v| v.split(',').filter_map(Kind::from_code).collect())
                .unwrap_or_default(),
            case: get("casus").and_then(|v| v.parse().ok()),
            competency: get("competentie").filter(|v| !v.is_empty()),
            since: get("sinds").and_then(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok()),
        }
    }
}

/// The events of each kind among `events`, in the order of `Kind::ALL`, kinds with none
/// left out: the "since …" summary.
pub fn counts<'a>(events: impl IntoIterator<Item = &'a Event>) -> Vec<(Kind, usize)> {
    let mut counts: HashMap<Kind, usize> = HashMap::new();
    for event in events {
        *counts.entry(event.kind).or_default() += 1;
    }
    Kind::ALL
        .into_iter()
        .filter_map(|kind| counts.get(&kind).map(|&n| (kind, n)))
        .collect()
}

#[cfg(test)]
mod tests;
