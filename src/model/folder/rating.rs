//! Rating requests and their answers through the course folder (`docs/course-folder.md`,
//! "Beoordelingen"). The participant puts a request in their own place; a rater who can
//! reach the folder finds it there ([`requests`]) and puts the answer beside it; the
//! participant finds the answers in their place ([`answers`]) and reads each in with the
//! import's usual preview. As everywhere in the folder, contents decide, never names, and
//! each request and each answer counts once, however many copies a sync client made.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use super::layout::{file_part, parse_name};
use super::{Found, Reading};
use crate::model::bundle::{BundleKind, Incoming};
use crate::model::order::SharedSort;
use crate::model::selfscan::RatingRequest;
use crate::model::{Document, Id};

/// A rating request found in the folder, for the rater to choose theirs.
#[derive(Debug, Clone, PartialEq)]
pub struct FolderRequest {
    /// The file to open: the newest copy of this request.
    pub file: usize,
    /// Who asks: the participant's id and name.
    pub participant: Id,
    pub participant_name: String,
    pub request: RatingRequest,
    /// An answer to it lies in the folder already (someone may answer again).
    pub answered: bool,
}

/// A rating answer found in a participant's place.
#[derive(Debug, Clone, PartialEq)]
pub struct FolderAnswer {
    /// The file to read in: the newest answer to this request.
    pub file: usize,
    /// The request it answers.
    pub request: Id,
    /// The rater's name, as the answer's scan names them.
    pub rater: String,
    pub exported: DateTime<Utc>,
    /// The participant has read an answer to this request in already: offering it again
    /// would add nothing (the import would find nothing new).
    pub read_in: bool,
}

fn ready(file: &Found) -> Option<&Incoming> {
    match &file.reading {
        Reading::Bundle(incoming) => Some(incoming),
        _ => None,
    }
}

/// The one request a checked `rating_request` bundle carries (`bundle::read` held it to
/// that shape), or `None` for any other file.
fn request_in(incoming: &Incoming) -> Option<&RatingRequest> {
    (incoming.bundle.kind == BundleKind::RatingRequest)
        .then(|| incoming.document.selfscan.requests.first())
        .flatten()
}

/// The request a checked `rating_answer` bundle answers, and its scan's rater name.
fn answer_in(incoming: &Incoming) -> Option<(Id, String)> {
    if incoming.bundle.kind != BundleKind::RatingAnswer {
        return None;
    }
    let scan = incoming.document.selfscan.scans.first()?;
    let request = scan.request?;
    let rater = incoming
        .document
        .selfscan
        .request(request)
        .map(|r| r.rater.clone())
        .unwrap_or_default();
    Some((request, rater))
}

/// A file and its export time.
type Candidate = (usize, DateTime<Utc>);

/// Among copies, the one to use: the latest export, then a file named as Leerspoor names
/// it, then the shortest name, then the first path (as `choose` does).
fn newest_first(files: &[Found], members: &mut [Candidate]) {
    members.shared_sort_by_key(|&(i, exported)| {
        (
            Reverse(exported),
            parse_name(&files[i].path).is_none(),
            file_part(&files[i].path).chars().count(),
            files[i].path.clone(),
        )
    });
}

/// The rating requests among `files` (a whole course folder), one per request, in the
/// order a rater looks for theirs: by participant, then newest first, then by rater.
pub fn requests(files: &[Found]) -> Vec<FolderRequest> {
    let mut copies: BTreeMap<(Id, Id), Vec<Candidate>> = BTreeMap::new();
    let mut answered: Vec<(Id, Id)> = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let Some(incoming) = ready(file) else {
            continue;
        };
        let participant = incoming.document.profile.id;
        if let Some(request) = request_in(incoming) {
            copies
                .entry((participant, request.id))
                .or_default()
                .push((i, incoming.bundle.exported));
        } else if let Some((request, _)) = answer_in(incoming) {
            answered.push((participant, request));
        }
    }
    let mut out: Vec<FolderRequest> = copies
        .into_iter()
        .filter_map(|(key, mut members)| {
            newest_first(files, &mut members);
            let file = members.first()?.0;
            let incoming = ready(&files[file])?;
            Some(FolderRequest {
                file,
                participant: key.0,
                participant_name: incoming.document.profile.name.clone(),
                request: request_in(incoming)?.clone(),
                answered: answered.contains(&key),
            })
        })
        .collect();
    out.shared_sort_by_key(|r| {
        (
            r.participant_name.to_lowercase(),
            r.participant,
            Reverse(r.request.sent),
            r.request.rater.to_lowercase(),
            r.file,
        )
    });
    out
}

/// The rating answers about `doc`'s profile among `files` (its place in the folder), the
/// newest per request, newest first. Answers about someone else are left out; an answer
/// to a request `doc` never made is listed, and the import's preview says why it cannot
/// be read in.
pub fn answers(files: &[Found], doc: &Document) -> Vec<FolderAnswer> {
    let mut copies: BTreeMap<Id, Vec<Candidate>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        let Some(incoming) = ready(file) else {
            continue;
        };
        if incoming.document.profile.id != doc.profile.id {
            continue;
        }
        if let Some((request, _)) = answer_in(incoming) {
            copies
                .entry(request)
                .or_default()
                .push((i, incoming.bundle.exported));
        }
    }
    let mut out: Vec<FolderAnswer> = copies
        .into_iter()
        .filter_map(|(request, mut members)| {
            newest_first(files, &mut members);
            let (file, exported) = *members.first()?;
            let (_, rater) = answer_in(ready(&files[file])?)?;
            Some(FolderAnswer {
                file,
                request,
                rater,
                exported,
                read_in: doc.selfscan.answer_to(request).is_some(),
            })
        })
        .collect();
    out.shared_sort_by_key(|a| (Reverse(a.exported), a.file));
    out
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::model::bundle::{answer_bundle, request_bundle, Bundle, OpenRequest, Opened};
    use crate::model::folder::{deletable, layout, place};
    use crate::model::selfscan::rating::answer_draft;
    use crate::model::selfscan::{finish_answer_for_test, RaterRole, Rating};
    use crate::model::{Profile, Role};

    const ANNA: Id = Id::from_u128(0xA1);
    const BERT: Id = Id::from_u128(0xB2);
    const TO_JORIS: Id = Id::from_u128(0x71);
    const TO_PIET: Id = Id::from_u128(0x72);
    const TO_CARLA: Id = Id::from_u128(0x73);
    const JORIS_SENDS: Id = Id::from_u128(0x10);

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn person(id: Id, name: &str) -> Document {
        let created = at("2026-09-01T09:00:00Z");
        Document::new(Profile::new(id, name, Role::Participant, "Leergang", created).unwrap())
    }

    /// Anna asks Joris (manager, on the 27th) and Piet (colleague, on the 28th).
    fn anna() -> Document {
        let mut d = person(ANNA, "Anna de Boer");
        d.selfscan
            .make_request(TO_JORIS, "Joris Bakker", RaterRole::Manager, "", day(27))
            .unwrap();
        d.selfscan
            .make_request(TO_PIET, "Piet Smit", RaterRole::Colleague, "", day(28))
            .unwrap();
        d
    }

    /// Bert asks Carla (network contact, on the 26th).
    fn bert() -> Document {
        let mut d = person(BERT, "Bert Jansen");
        d.selfscan
            .make_request(TO_CARLA, "Carla Visser", RaterRole::Network, "", day(26))
            .unwrap();
        d
    }

    fn bytes(bundle: &Bundle) -> Vec<u8> {
        serde_json::to_vec_pretty(bundle).unwrap()
    }

    fn request(doc: &Document, id: Id, exported: &str) -> Vec<u8> {
        bytes(&request_bundle(doc, id, at(exported)).unwrap())
    }

    /// The rater's answer to `doc`'s request `id`: level `level` on the first indicator.
    fn answer(doc: &Document, id: Id, sender: Id, level: u8, exported: &str) -> Vec<u8> {
        let Ok(Opened::Ready(incoming)) = crate::model::bundle::read(&request(doc, id, exported))
        else {
            panic!("the request reads");
        };
        let open = OpenRequest::of(&incoming).unwrap();
        let fw = &open.framework;
        let mut draft = answer_draft(&open.request, fw, day(29));
        draft
            .set_rating(fw, "netwerk-lezen-betrokkenen", Rating::Level(level))
            .unwrap();
        let scan = finish_answer_for_test(&draft, at(exported));
        bytes(&answer_bundle(&open, &scan, sender, at(exported)))
    }

    fn found(path: &str, bytes: &[u8]) -> Found {
        Found::read(path, bytes, Some(at("2026-11-30T12:00:00Z")))
    }

    fn own(doc: &Document, writer: Id, kind: BundleKind, exported: &str) -> String {
        layout::path(doc.id(), writer, kind, at(exported))
    }

    /// Anna's place holds her two requests (the one to Joris also as a sync client's
    /// conflict copy) and Joris's answer; Bert's place his request to Carla; beside them
    /// a half-synced file.
    fn folder() -> Vec<Found> {
        let (a, b) = (anna(), bert());
        let to_joris = own(&a, ANNA, BundleKind::RatingRequest, "2026-11-27T10:00:00Z");
        vec![
            found(
                &format!("{}/bundel (1).json", place(ANNA)),
                &request(&a, TO_JORIS, "2026-11-27T10:00:00Z"),
            ),
            found(&to_joris, &request(&a, TO_JORIS, "2026-11-27T10:00:00Z")),
            found(
                &own(&a, ANNA, BundleKind::RatingRequest, "2026-11-28T10:00:00Z"),
                &request(&a, TO_PIET, "2026-11-28T10:00:00Z"),
            ),
            found(
                &own(&b, BERT, BundleKind::RatingRequest, "2026-11-26T10:00:00Z"),
                &request(&b, TO_CARLA, "2026-11-26T10:00:00Z"),
            ),
            found(
                &own(
                    &a,
                    JORIS_SENDS,
                    BundleKind::RatingAnswer,
                    "2026-11-29T16:00:00Z",
                ),
                &answer(&a, TO_JORIS, JORIS_SENDS, 3, "2026-11-29T16:00:00Z"),
            ),
            found(
                &format!("{}/half.json", place(BERT)),
                b"{\"format\": \"leersp",
            ),
        ]
    }

    #[test]
    fn a_rater_finds_each_request_once_with_whether_it_was_answered() {
        let files = folder();
        let got: Vec<(usize, String, String, bool)> = requests(&files)
            .into_iter()
            .map(|r| (r.file, r.participant_name, r.request.rater, r.answered))
            .collect();
        // Anna's newest request first; the copy under Leerspoor's own name stands for
        // the conflict copy of the same export.
        assert_eq!(
            got,
            vec![
                (2, "Anna de Boer".into(), "Piet Smit".into(), false),
                (1, "Anna de Boer".into(), "Joris Bakker".into(), true),
                (3, "Bert Jansen".into(), "Carla Visser".into(), false),
            ]
        );
    }

    #[test]
    fn a_request_put_in_again_later_is_opened_from_its_newest_copy() {
        let a = anna();
        let files = vec![
            found(
                &own(&a, ANNA, BundleKind::RatingRequest, "2026-11-27T10:00:00Z"),
                &request(&a, TO_JORIS, "2026-11-27T10:00:00Z"),
            ),
            found(
                &own(&a, ANNA, BundleKind::RatingRequest, "2026-11-30T08:00:00Z"),
                &request(&a, TO_JORIS, "2026-11-30T08:00:00Z"),
            ),
        ];
        let rows = requests(&files);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].file, 1);
    }

    #[test]
    fn the_participant_finds_the_newest_answer_per_request_and_what_is_read_in() {
        let mut a = anna();
        let b = bert();
        let stranger = Id::from_u128(0x99);
        let mut files = vec![
            // Joris answered, then sent a corrected answer.
            found(
                &own(
                    &a,
                    JORIS_SENDS,
                    BundleKind::RatingAnswer,
                    "2026-11-29T16:00:00Z",
                ),
                &answer(&a, TO_JORIS, JORIS_SENDS, 3, "2026-11-29T16:00:00Z"),
            ),
            found(
                &own(
                    &a,
                    JORIS_SENDS,
                    BundleKind::RatingAnswer,
                    "2026-11-30T09:00:00Z",
                ),
                &answer(&a, TO_JORIS, JORIS_SENDS, 4, "2026-11-30T09:00:00Z"),
            ),
            // Carla's answer to Bert, put in Anna's place by mistake: not Anna's.
            found(
                &own(
                    &a,
                    Id::from_u128(0x11),
                    BundleKind::RatingAnswer,
                    "2026-11-30T10:00:00Z",
                ),
                &answer(&b, TO_CARLA, Id::from_u128(0x11), 2, "2026-11-30T10:00:00Z"),
            ),
            // Anna's own request lies there too: no answer.
            found(
                &own(&a, ANNA, BundleKind::RatingRequest, "2026-11-28T10:00:00Z"),
                &request(&a, TO_PIET, "2026-11-28T10:00:00Z"),
            ),
        ];
        // An answer to a request this Anna never made (asked from another laptop).
        let mut other_laptop = a.clone();
        other_laptop
            .selfscan
            .make_request(
                Id::from_u128(0x7f),
                "Ria Kok",
                RaterRole::Colleague,
                "",
                day(29),
            )
            .unwrap();
        files.push(found(
            &own(
                &a,
                stranger,
                BundleKind::RatingAnswer,
                "2026-11-30T11:00:00Z",
            ),
            &answer(
                &other_laptop,
                Id::from_u128(0x7f),
                stranger,
                1,
                "2026-11-30T11:00:00Z",
            ),
        ));
        let got = |doc: &Document| -> Vec<(usize, String, bool)> {
            answers(&files, doc)
                .into_iter()
                .map(|a| (a.file, a.rater, a.read_in))
                .collect()
        };
        assert_eq!(
            got(&a),
            vec![
                (4, "Ria Kok".into(), false),
                (1, "Joris Bakker".into(), false),
            ]
        );
        // Once Joris's answer is read in, it is listed as such.
        let Reading::Bundle(joris) = &files[1].reading else {
            panic!("the answer reads");
        };
        a.selfscan
            .scans
            .push(joris.document.selfscan.scans[0].clone());
        assert_eq!(
            got(&a),
            vec![
                (4, "Ria Kok".into(), false),
                (1, "Joris Bakker".into(), true),
            ]
        );
    }

    #[test]
    fn a_fourth_request_never_removes_the_first_only_copies_of_one_request_go() {
        let mut a = anna();
        a.selfscan
            .make_request(
                Id::from_u128(0x74),
                "Ria Kok",
                RaterRole::Colleague,
                "",
                day(29),
            )
            .unwrap();
        a.selfscan
            .make_request(
                Id::from_u128(0x75),
                "Kees Bos",
                RaterRole::Network,
                "",
                day(30),
            )
            .unwrap();
        let ids = [TO_JORIS, TO_PIET, Id::from_u128(0x74), Id::from_u128(0x75)];
        let four: Vec<Found> = ids
            .iter()
            .enumerate()
            .map(|(n, id)| {
                let when = format!("2026-11-30T1{n}:00:00Z");
                found(
                    &own(&a, ANNA, BundleKind::RatingRequest, &when),
                    &request(&a, *id, &when),
                )
            })
            .collect();
        assert_eq!(deletable(ANNA, &four, 3), Vec::<usize>::new());
        // The request to Joris put in four times: the oldest copy may go.
        let again: Vec<Found> = (0..4)
            .map(|n| {
                let when = format!("2026-11-30T1{n}:00:00Z");
                found(
                    &own(&a, ANNA, BundleKind::RatingRequest, &when),
                    &request(&a, TO_JORIS, &when),
                )
            })
            .collect();
        assert_eq!(deletable(ANNA, &again, 3), vec![0]);
    }
}
