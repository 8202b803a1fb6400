//! The course folder's layout: where each writer puts its files and how they are named
//! (`docs/course-folder.md`). Names only tell a writer which files it wrote itself;
//! readers decide by contents ([`super::choose`]).

use chrono::{DateTime, NaiveDateTime, Timelike, Utc};

use crate::model::bundle::BundleKind;
use crate::model::Id;

/// The folder that holds one folder per participant.
pub const PARTICIPANTS: &str = "deelnemers";

/// How many of its own files a writer keeps per participant folder and kind; older
/// ones may be deleted by that writer ([`super::deletable`]).
pub const KEEP_OWN: usize = 3;

const STAMP: &str = "%Y%m%dT%H%M%SZ";

/// The participant's place: `deelnemers/<profile-id>`.
pub fn place(participant: Id) -> String {
    format!("{PARTICIPANTS}/{participant}")
}

/// The kind as the file name writes it: the bundle's own `kind` value.
pub fn kind_token(kind: BundleKind) -> &'static str {
    match kind {
        BundleKind::Participant => "participant",
        BundleKind::Feedback => "feedback",
        BundleKind::RatingRequest => "rating_request",
        BundleKind::RatingAnswer => "rating_answer",
    }
}

fn kind_of_token(token: &str) -> Option<BundleKind> {
    match token {
        "participant" => Some(BundleKind::Participant),
        "feedback" => Some(BundleKind::Feedback),
        "rating_request" => Some(BundleKind::RatingRequest),
        "rating_answer" => Some(BundleKind::RatingAnswer),
        _ => None,
    }
}

/// `<writer-id>.<kind>.<yyyymmddThhmmssZ>.json`, the export time in UTC to the second.
pub fn file_name(writer: Id, kind: BundleKind, exported: DateTime<Utc>) -> String {
    format!(
        "{writer}.{}.{}.json",
        kind_token(kind),
        exported.format(STAMP)
    )
}

/// The whole path in the course folder: `deelnemers/<participant>/<file name>`.
pub fn path(participant: Id, writer: Id, kind: BundleKind, exported: DateTime<Utc>) -> String {
    format!(
        "{}/{}",
        place(participant),
        file_name(writer, kind, exported)
    )
}

/// A name as Leerspoor writes it, taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnName {
    pub writer: Id,
    pub kind: BundleKind,
    /// The export time the name carries (whole seconds, UTC).
    pub exported: DateTime<Utc>,
}

/// Takes a file name (the last part of a path) apart, or `None` for any other name:
/// a conflict copy ("… (1).json", "…-LAPTOP-123.json"), a renamed file, another file.
/// Strict on purpose: only a name in exactly this shape may ever count as one's own.
pub fn parse_name(name: &str) -> Option<OwnName> {
    let name = file_part(name);
    let rest = name.strip_suffix(".json")?;
    let mut parts = rest.split('.');
    let (token, kind, stamp) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let writer = Id::parse_str(token).ok()?;
    // Leerspoor writes ids hyphenated in lower case; another spelling is someone else's.
    if writer.to_string() != token {
        return None;
    }
    let kind = kind_of_token(kind)?;
    let exported = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    if exported.format(STAMP).to_string() != stamp {
        return None;
    }
    Some(OwnName {
        writer,
        kind,
        exported,
    })
}

/// Whether a reader reads the file: every name ending in `.json` (any case), whoever
/// named it, so conflict copies and renamed files are read too. Other files (a README,
/// a sync tool's own files) are no bundles and are left out of the list.
pub fn is_candidate(path: &str) -> bool {
    let name = file_part(path);
    name.len() > 5
        && name.is_char_boundary(name.len() - 5)
        && name[name.len() - 5..].eq_ignore_ascii_case(".json")
}

/// The last part of a path (`/` or `\` separated).
pub fn file_part(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The participant whose place holds the file: the nearest `deelnemers/<id>` folder
/// above it. The path may start anywhere above the course folder (a picked folder's
/// relative path starts with its own name). Only a hint, for files whose contents say
/// nothing (unreadable ones); readers never choose by it.
pub fn place_of(path: &str) -> Option<Id> {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    let folders = parts.len().checked_sub(1)?;
    (1..folders).rev().find_map(|i| {
        if parts[i - 1].eq_ignore_ascii_case(PARTICIPANTS) {
            Id::parse_str(parts[i]).ok()
        } else {
            None
        }
    })
}

/// The moment a new file is written for, and its name: `now` to the whole second, or
/// the first later second whose name is not taken yet, so that a writer never writes
/// over a file (even its own). Never before the writer's newest file of that kind: shares
/// quicker than one a second move on a second each, and once the oldest is removed its
/// name must not come back for a newer file, which would then count as the oldest and
/// go at once. Build the bundle with this moment as its export time, so the name and the
/// contents agree.
pub fn next_name(
    writer: Id,
    kind: BundleKind,
    now: DateTime<Utc>,
    taken: &[&str],
) -> (String, DateTime<Utc>) {
    let newest = taken
        .iter()
        .filter_map(|t| parse_name(t))
        .filter(|own| own.writer == writer && own.kind == kind)
        .map(|own| own.exported)
        .max();
    let mut at = now.with_nanosecond(0).unwrap_or(now);
    if let Some(newest) = newest.filter(|newest| *newest >= at) {
        at = newest + chrono::Duration::seconds(1);
    }
    loop {
        let name = file_name(writer, kind, at);
        if !taken
            .iter()
            .any(|t| file_part(t).eq_ignore_ascii_case(&name))
        {
            return (name, at);
        }
        at += chrono::Duration::seconds(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANNA: Id = Id::from_u128(0x0000_00aa_0000_4000_8000_0000_0000_0001);

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_new_name_comes_after_the_writers_newest_even_when_an_older_second_is_free() {
        let kind = BundleKind::Participant;
        let now = at("2026-12-03T08:11:29.900Z");
        // Four shares within the second 08:11:29 took 29, 30, 31 and 32; 29 was then
        // removed (the writer keeps 3). The fifth is the newest, so it is named 33.
        let kept: Vec<String> = ["30", "31", "32"]
            .iter()
            .map(|s| file_name(ANNA, kind, at(&format!("2026-12-03T08:11:{s}Z"))))
            .collect();
        let taken: Vec<&str> = kept.iter().map(String::as_str).collect();
        let (name, moment) = next_name(ANNA, kind, now, &taken);
        assert_eq!(moment, at("2026-12-03T08:11:33Z"));
        assert_eq!(name, file_name(ANNA, kind, moment));
        // Another writer's files, or another kind's, do not move it.
        let (_, moment) = next_name(ANNA, BundleKind::RatingRequest, now, &taken);
        assert_eq!(moment, at("2026-12-03T08:11:29Z"));
    }

    #[test]
    fn a_name_is_writer_kind_and_export_time() {
        assert_eq!(
            file_name(
                ANNA,
                BundleKind::Participant,
                at("2026-11-28T10:05:09.734Z")
            ),
            "000000aa-0000-4000-8000-000000000001.participant.20261128T100509Z.json"
        );
        assert_eq!(
            path(
                ANNA,
                Id::from_u128(0xc0),
                BundleKind::Feedback,
                at("2026-12-01T23:59:59Z")
            ),
            "deelnemers/000000aa-0000-4000-8000-000000000001/\
             00000000-0000-0000-0000-0000000000c0.feedback.20261201T235959Z.json"
        );
    }

    #[test]
    fn own_names_parse_back() {
        let name = "000000aa-0000-4000-8000-000000000001.feedback.20261128T100509Z.json";
        assert_eq!(
            parse_name(&format!("Cursus/deelnemers/x/{name}")),
            Some(OwnName {
                writer: ANNA,
                kind: BundleKind::Feedback,
                exported: at("2026-11-28T10:05:09Z"),
            })
        );
    }

    #[test]
    fn conflict_copies_and_other_names_are_nobodys_own() {
        for name in [
            "000000aa-0000-4000-8000-000000000001.participant.20261128T100509Z (1).json",
            "000000aa-0000-4000-8000-000000000001.participant.20261128T100509Z-LAPTOP-123.json",
            "000000aa-0000-4000-8000-000000000001.participant.20261128T100509Z.sync-conflict-20261128-110000-ABC.json",
            "000000AA-0000-4000-8000-000000000001.participant.20261128T100509Z.json",
            "000000aa-0000-4000-8000-000000000001.participant.20261128T100509Z.json.tmp",
            "000000aa-0000-4000-8000-000000000001.deelnemer.20261128T100509Z.json",
            "000000aa-0000-4000-8000-000000000001.participant.20261331T100509Z.json",
            "000000aa-0000-4000-8000-000000000001.participant.2026-11-28.json",
            "bundel (1).json",
            "bundel-LAPTOP-123.json",
            "leerspoor-anna-2026-11-28.json",
            "",
        ] {
            assert_eq!(parse_name(name), None, "{name}");
        }
    }

    #[test]
    fn every_json_file_is_read_whatever_its_name() {
        for path in [
            "deelnemers/x/bundel (1).json",
            "deelnemers/x/bundel-LAPTOP-123.JSON",
            "deelnemers/x/bundel.sync-conflict-20261128-110000-ABCDEFG.json",
            "deelnemers/x/bundel (conflicted copy 2026-11-28 110000).json",
            "a.json",
        ] {
            assert!(is_candidate(path), "{path}");
        }
        for path in [
            "LEESMIJ.txt",
            "deelnemers/x/bundel.json.tmp",
            "deelnemers/x/.json",
            "deelnemers/x/desktop.ini",
            "deelnemers/x/é.jsoné",
        ] {
            assert!(!is_candidate(path), "{path}");
        }
    }

    #[test]
    fn the_place_is_the_nearest_participants_folder() {
        let anna = "000000aa-0000-4000-8000-000000000001";
        assert_eq!(place_of(&format!("deelnemers/{anna}/x.json")), Some(ANNA));
        assert_eq!(
            place_of(&format!("Leergang 2026/Deelnemers/{anna}/bundel (1).json")),
            Some(ANNA)
        );
        assert_eq!(place_of(&format!("deelnemers\\{anna}\\x.json")), Some(ANNA));
        assert_eq!(place_of("deelnemers/anna/x.json"), None);
        assert_eq!(place_of("x.json"), None);
        assert_eq!(place_of(&format!("deelnemers/{anna}")), None);
        assert_eq!(place_of(&format!("elders/{anna}/x.json")), None);
    }

    #[test]
    fn a_new_name_never_takes_one_already_there() {
        let now = at("2026-11-28T10:05:09.734Z");
        let first = "000000aa-0000-4000-8000-000000000001.participant.20261128T100509Z.json";
        let second = "000000aa-0000-4000-8000-000000000001.participant.20261128T100510Z.json";
        assert_eq!(
            next_name(ANNA, BundleKind::Participant, now, &[]),
            (first.to_string(), at("2026-11-28T10:05:09Z"))
        );
        assert_eq!(
            next_name(
                ANNA,
                BundleKind::Participant,
                now,
                &[&format!("deelnemers/x/{first}")]
            ),
            (second.to_string(), at("2026-11-28T10:05:10Z"))
        );
        // Another kind or writer at the same second is no clash.
        assert_eq!(
            next_name(ANNA, BundleKind::Feedback, now, &[first]).1,
            at("2026-11-28T10:05:09Z")
        );
    }
}
