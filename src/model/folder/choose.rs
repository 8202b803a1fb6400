//! Readers trust contents, not names: which bundle in the folder is the newest of each
//! participant, decided by what is in the files.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::layout::{file_part, parse_name};
use super::{Found, Reading};
use crate::model::bundle::{BundleError, BundleKind, Incoming};
use crate::model::order::SharedSort;
use crate::model::{Id, Lang, Role};

/// The newest bundle of one participant from one writer. For participants' own bundles
/// the writer is the participant; for feedback, each begeleider's newest counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Newest {
    /// Whose data it holds (the contents' profile).
    pub subject: Id,
    /// Who exported it (`from.profile`).
    pub writer: Id,
    /// Its place in the files handed in.
    pub file: usize,
}

/// What a reader made of one file. Every file gets one; none is dropped.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The newest of its participant (and writer): the one used.
    Newest,
    /// The very same bundle (same export time and digest) as file `of`, under another
    /// name: a conflict copy, a renamed copy. Ignored, left where it is.
    Duplicate { of: usize },
    /// An older bundle of the same participant than file `than`, e.g. a stale copy that
    /// came back. Ignored, left where it is.
    Older { than: usize },
    /// A readable bundle, but not what this reader looks for (feedback when reading
    /// participants' bundles, a begeleider's own data, …). Left alone.
    OtherKind { kind: BundleKind, sender_role: Role },
    /// Not readable now; listed, never fatal, read again next time.
    Problem(Problem),
}

/// Why a file could not be used now.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Encrypted with a passphrase. `claimed` is whose data the envelope says it holds
    /// (known for a participant's own bundle), unchecked until it is unlocked.
    Locked {
        claimed: Option<Id>,
        exported: DateTime<Utc>,
    },
    /// `bundle::read` refused it.
    Unreadable(BundleError),
    /// The browser could not read the file.
    NotRead,
}

/// The reader's answer: the newest bundles, and a verdict for every file.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// By subject, then writer.
    pub newest: Vec<Newest>,
    /// One per file handed in, in the same order.
    pub verdicts: Vec<Verdict>,
}

impl Choice {
    /// The newest bundles about `subject`, one per writer: for a participant reading
    /// feedback, the newest of each begeleider.
    pub fn about(&self, subject: Id) -> impl Iterator<Item = &Newest> {
        self.newest.iter().filter(move |n| n.subject == subject)
    }

    /// One line for file `i`: its name, then what the reader made of it, e.g.
    /// "‘bundel (1).json’: Het bestand is leeg, …".
    pub fn explain(&self, files: &[Found], i: usize, lang: Lang) -> String {
        let name = files.get(i).map_or("?", |f| file_part(&f.path));
        let what = self
            .verdicts
            .get(i)
            .map(|v| v.message(files, lang))
            .unwrap_or_default();
        format!("‘{name}’: {what}")
    }

    /// The newest bundle of `subject` by `writer`.
    pub fn newest_of(&self, subject: Id, writer: Id) -> Option<usize> {
        self.newest
            .iter()
            .find(|n| n.subject == subject && n.writer == writer)
            .map(|n| n.file)
    }
}

/// Who may write a bundle of this kind: participants their own data, begeleiders
/// feedback (the same rule `bundle::admit` keeps).
fn writer_role(kind: BundleKind) -> Role {
    match kind {
        BundleKind::Participant | BundleKind::RatingRequest | BundleKind::RatingAnswer => {
            Role::Participant
        }
        BundleKind::Feedback => Role::Coach,
    }
}

/// Chooses, among `files`, the newest bundle of kind `wanted` per participant and
/// writer. Newest means: the latest export time (`exported`, the same clock for every
/// writer), then the higher document revision (revisions count per browser, so they only
/// break a tie), then the higher digest, so the answer never depends on the order the
/// files came in. Among copies of the very same bundle, the one shown as used is a file
/// named as Leerspoor names it, else the shortest name (a sync tool's conflict copy
/// adds to the name), then the first path. Which bundle is newest, names, sizes and
/// file times never decide.
pub fn choose(files: &[Found], wanted: BundleKind) -> Choice {
    let mut verdicts: Vec<Option<Verdict>> = vec![None; files.len()];
    let mut groups: BTreeMap<(Id, Id), Vec<(usize, &Incoming)>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        let other_kind = |kind: BundleKind, sender_role: Role| {
            (kind != wanted || sender_role != writer_role(wanted))
                .then_some(Verdict::OtherKind { kind, sender_role })
        };
        verdicts[i] = match &file.reading {
            Reading::Bundle(incoming) => {
                let other = other_kind(incoming.bundle.kind, incoming.bundle.from.role);
                if other.is_none() {
                    let key = (incoming.document.profile.id, incoming.bundle.from.profile);
                    groups.entry(key).or_default().push((i, incoming));
                }
                other
            }
            Reading::Locked(bundle) => Some(other_kind(bundle.kind, bundle.from.role).unwrap_or(
                Verdict::Problem(Problem::Locked {
                    claimed:
                        (bundle.kind == BundleKind::Participant).then_some(bundle.from.profile),
                    exported: bundle.exported,
                }),
            )),
            Reading::Failed(e) => Some(Verdict::Problem(Problem::Unreadable(e.clone()))),
            Reading::NotRead => Some(Verdict::Problem(Problem::NotRead)),
        };
    }
    let mut newest = Vec::with_capacity(groups.len());
    for ((subject, writer), mut members) in groups {
        members.shared_sort_by_key(|&(i, incoming)| {
            (
                Reverse(incoming.bundle.exported),
                Reverse(incoming.document.revision),
                Reverse(incoming.bundle.digest.clone()),
                parse_name(&files[i].path).is_none(),
                file_part(&files[i].path).chars().count(),
                files[i].path.clone(),
            )
        });
        let (head, _) = members[0];
        verdicts[head] = Some(Verdict::Newest);
        newest.push(Newest {
            subject,
            writer,
            file: head,
        });
        // Walking from newest to oldest, a copy of the bundle just before it is a
        // duplicate of the first file of that bundle; anything else is older.
        let mut first_of_bundle = members[0];
        for &(i, incoming) in &members[1..] {
            let (first, same) = first_of_bundle;
            verdicts[i] = Some(
                if incoming.bundle.exported == same.bundle.exported
                    && incoming.bundle.digest == same.bundle.digest
                {
                    Verdict::Duplicate { of: first }
                } else {
                    first_of_bundle = (i, incoming);
                    Verdict::Older { than: head }
                },
            );
        }
    }
    Choice {
        newest,
        // Every file got its verdict above; the fallback is never taken.
        verdicts: verdicts
            .into_iter()
            .map(|v| v.unwrap_or(Verdict::Problem(Problem::NotRead)))
            .collect(),
    }
}

impl Problem {
    /// Whether the file looks like one a sync had not finished writing.
    pub fn maybe_still_syncing(&self) -> bool {
        matches!(
            self,
            Problem::NotRead
                | Problem::Unreadable(BundleError::Empty | BundleError::NotJson { .. })
        )
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Locked { .. } => lang
                .pick(
                    "Deze bundel is versleuteld met een wachtwoord. Vul het wachtwoord van de cursus in om hem te lezen.",
                    "This bundle is encrypted with a passphrase. Enter the course's passphrase to read it.",
                )
                .into(),
            Problem::Unreadable(BundleError::Empty) => lang
                .pick(
                    "Het bestand is leeg, misschien omdat het nog niet helemaal is gesynchroniseerd. Het blijft staan; Leerspoor leest het de volgende keer opnieuw.",
                    "The file is empty, perhaps because it has not finished syncing. It stays where it is; Leerspoor reads it again next time.",
                )
                .into(),
            Problem::Unreadable(BundleError::NotJson { line, column }) => lang.pick(
                format!("Het bestand is onvolledig of beschadigd (regel {line}, kolom {column}), misschien omdat het nog niet helemaal is gesynchroniseerd. Het blijft staan; Leerspoor leest het de volgende keer opnieuw."),
                format!("The file is incomplete or damaged (line {line}, column {column}), perhaps because it has not finished syncing. It stays where it is; Leerspoor reads it again next time."),
            ),
            Problem::Unreadable(e) => {
                let reason = e.message(lang);
                lang.pick(
                    format!("{reason} Het bestand blijft staan; Leerspoor leest het de volgende keer opnieuw."),
                    format!("{reason} The file stays where it is; Leerspoor reads it again next time."),
                )
            }
            Problem::NotRead => lang
                .pick(
                    "De browser kon het bestand niet lezen: misschien is het verplaatst of wordt het nog gesynchroniseerd. Leerspoor probeert het de volgende keer opnieuw.",
                    "The browser could not read the file: perhaps it was moved or is still syncing. Leerspoor tries again next time.",
                )
                .into(),
        }
    }
}

impl Verdict {
    /// What the reader did with the file; `files` are the files handed to [`choose`],
    /// so a duplicate or older copy can name the file that was used instead.
    pub fn message(&self, files: &[Found], lang: Lang) -> String {
        let name = |i: usize| files.get(i).map_or("?", |f| file_part(&f.path)).to_string();
        match self {
            Verdict::Newest => lang
                .pick(
                    "De nieuwste bundel: deze wordt gebruikt.",
                    "The newest bundle: this one is used.",
                )
                .into(),
            Verdict::Duplicate { of } => {
                let of = name(*of);
                lang.pick(
                    format!("Dezelfde bundel als ‘{of}’, onder een andere naam. Overgeslagen; het bestand blijft staan."),
                    format!("The same bundle as ‘{of}’, under another name. Skipped; the file stays where it is."),
                )
            }
            Verdict::Older { than } => {
                let than = name(*than);
                lang.pick(
                    format!("Een oudere bundel dan ‘{than}’. Overgeslagen; het bestand blijft staan."),
                    format!("An older bundle than ‘{than}’. Skipped; the file stays where it is."),
                )
            }
            Verdict::OtherKind { kind: BundleKind::Feedback, sender_role: Role::Coach } => lang
                .pick(
                    "Terugkoppeling van een begeleider, geen bundel van een deelnemer. Hier niet gebruikt; het bestand blijft staan.",
                    "Feedback from a coach, not a participant's bundle. Not used here; the file stays where it is.",
                )
                .into(),
            Verdict::OtherKind { kind: BundleKind::Feedback, sender_role: Role::Participant } => lang
                .pick(
                    "Noemt zich terugkoppeling, maar komt niet van een begeleider. Niet gebruikt; het bestand blijft staan.",
                    "Calls itself feedback, but does not come from a coach. Not used; the file stays where it is.",
                )
                .into(),
            Verdict::OtherKind { kind: BundleKind::Participant, sender_role: Role::Coach } => lang
                .pick(
                    "De eigen gegevens van een begeleider, geen bundel van een deelnemer. Hier niet gebruikt; het bestand blijft staan.",
                    "A coach's own data, not a participant's bundle. Not used here; the file stays where it is.",
                )
                .into(),
            Verdict::OtherKind { kind: BundleKind::Participant, sender_role: Role::Participant } => lang
                .pick(
                    "De gegevens van een deelnemer, geen terugkoppeling. Hier niet gebruikt; het bestand blijft staan.",
                    "A participant's data, not feedback. Not used here; the file stays where it is.",
                )
                .into(),
            Verdict::OtherKind {
                kind: kind @ (BundleKind::RatingRequest | BundleKind::RatingAnswer),
                ..
            } => {
                let kind = kind.label(lang);
                lang.pick(
                    format!("Een {kind}, geen bundel met gegevens. Hier niet gebruikt; het bestand blijft staan."),
                    format!("A {kind}, not a bundle of data. Not used here; the file stays where it is."),
                )
            }
            Verdict::Problem(p) => p.message(lang),
        }
    }
}
