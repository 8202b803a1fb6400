//! Which of its own older files a writer may delete. Everything else stays: another
//! writer's files, files it cannot read, conflict copies and renamed files (the sync
//! tool or a person made those, not Leerspoor).

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::{DateTime, Timelike, Utc};

use super::layout::{parse_name, place_of};
use super::{Found, Reading};
use crate::model::bundle::{Bundle, BundleKind};
use crate::model::order::SharedSort;
use crate::model::Id;

/// The files among `files` that writer `me` may delete: per participant folder and
/// kind, its own files beyond the `keep` newest (at least one is always kept). Rating
/// requests count per request: each is its own file for its own rater, so a fourth
/// request never removes the first, and only copies of the same request go. A file
/// counts as its own only when both agree: the name is one Leerspoor writes, with `me`
/// as the writer, and the envelope read from the file says `me` exported it, of that
/// kind, at the moment the name says. An encrypted file's envelope is read without the
/// passphrase, so a writer's own encrypted files count too; a file that did not read as
/// a bundle never does. Returned in the order of `files`.
pub fn deletable(me: Id, files: &[Found], keep: usize) -> Vec<usize> {
    // Per (participant folder, kind): (file, export time, revision).
    type Own = (usize, DateTime<Utc>, u64);
    let mut groups: BTreeMap<(Option<Id>, u8, Option<Id>), Vec<Own>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        let Some(name) = parse_name(&file.path) else {
            continue;
        };
        if name.writer != me {
            continue;
        }
        let (envelope, revision, request): (&Bundle, u64, Option<Id>) = match &file.reading {
            Reading::Bundle(incoming) => (
                &incoming.bundle,
                incoming.document.revision,
                incoming.document.selfscan.requests.first().map(|r| r.id),
            ),
            // Leerspoor never encrypts a request: its rater has no passphrase.
            Reading::Locked(bundle) if bundle.kind == BundleKind::RatingRequest => continue,
            Reading::Locked(bundle) => (bundle, 0, None),
            Reading::Failed(_) | Reading::NotRead => continue,
        };
        let exported = envelope.exported;
        let to_second = exported.with_nanosecond(0).unwrap_or(exported);
        if envelope.from.profile != me || envelope.kind != name.kind || to_second != name.exported {
            continue;
        }
        let kind = match name.kind {
            BundleKind::Participant => 0,
            BundleKind::Feedback => 1,
            BundleKind::RatingRequest => 2,
            BundleKind::RatingAnswer => 3,
        };
        let request = (name.kind == BundleKind::RatingRequest)
            .then_some(request)
            .flatten();
        groups
            .entry((place_of(&file.path), kind, request))
            .or_default()
            .push((i, exported, revision));
    }
    let mut out = Vec::new();
    for mut own in groups.into_values() {
        own.shared_sort_by_key(|&(i, exported, revision)| {
            (Reverse(exported), Reverse(revision), files[i].path.clone())
        });
        out.extend(own.iter().skip(keep.max(1)).map(|&(i, _, _)| i));
    }
    out.shared_sort();
    out
}
