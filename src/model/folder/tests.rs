//! The course folder's rules on real bundles: each file below is made by `bundle::build`
//! and read back by `bundle::read`, as the folder reader will; the expected answers are
//! worked out by hand from the rules in `docs/course-folder.md`.

use chrono::{DateTime, Utc};

use super::*;
use crate::model::bundle::{build, BundleError, BundleKind, Selection};
use crate::model::workspace::feedback_bundle;
use crate::model::{Document, Id, Lang, Profile, Role};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

fn person(n: u128, name: &str, role: Role) -> Document {
    Document::new(Profile {
        id: Id::from_u128(n),
        name: name.into(),
        role,
        course: "Stadsbeheerleergang 2026".into(),
        created: at("2025-09-01T09:00:00Z"),
    })
}

fn anna() -> Document {
    person(0xA1, "Anna de Boer", Role::Participant)
}

fn bert() -> Document {
    person(0xB2, "Bert Jansen", Role::Participant)
}

fn coach() -> Document {
    person(0xC0, "Carla Visser", Role::Coach)
}

/// A participant's bundle of `doc` at `revision`, exported at `exported`.
fn own(doc: &Document, revision: u64, exported: &str) -> Vec<u8> {
    let mut doc = doc.clone();
    doc.revision = revision;
    let bundle = build(
        &doc,
        &Selection::everything(),
        BundleKind::Participant,
        at(exported),
    );
    serde_json::to_vec_pretty(&bundle).unwrap()
}

/// A begeleider's feedback on `participant`'s data.
fn feedback(participant: &Document, coach: &Document, exported: &str) -> Vec<u8> {
    let bundle = feedback_bundle(participant, &coach.profile, at(exported));
    serde_json::to_vec_pretty(&bundle).unwrap()
}

/// The path Leerspoor writes for `writer`'s bundle of this kind in `participant`'s place.
fn own_path(participant: &Document, writer: &Document, kind: BundleKind, exported: &str) -> String {
    layout::path(participant.id(), writer.id(), kind, at(exported))
}

/// Another file in `participant`'s place.
fn in_place(participant: &Document, name: &str) -> String {
    format!("{}/{name}", place(participant.id()))
}

fn file(path: &str, bytes: &[u8]) -> Found {
    Found::read(path, bytes, Some(at("2026-11-30T12:00:00Z")))
}

fn file_at(path: &str, bytes: &[u8], modified: &str) -> Found {
    Found::read(path, bytes, Some(at(modified)))
}

fn participants(files: &[Found]) -> Choice {
    choose(files, BundleKind::Participant)
}

// --- Choosing by contents ------------------------------------------------------------

#[test]
fn a_conflict_copy_newer_than_the_original_wins() {
    let original = own_path(
        &anna(),
        &anna(),
        BundleKind::Participant,
        "2026-11-28T10:00:00Z",
    );
    let files = vec![
        file(&original, &own(&anna(), 5, "2026-11-28T10:00:00Z")),
        file(
            &in_place(&anna(), "bundel (1).json"),
            &own(&anna(), 9, "2026-11-29T08:30:00Z"),
        ),
    ];
    let choice = participants(&files);
    assert_eq!(
        choice.newest,
        vec![Newest {
            subject: anna().id(),
            writer: anna().id(),
            file: 1
        }]
    );
    assert_eq!(
        choice.verdicts,
        vec![Verdict::Older { than: 1 }, Verdict::Newest]
    );
}

#[test]
fn a_stale_copy_that_comes_back_is_older() {
    let newer = own_path(
        &anna(),
        &anna(),
        BundleKind::Participant,
        "2026-11-29T08:30:00Z",
    );
    let stale = own_path(
        &anna(),
        &anna(),
        BundleKind::Participant,
        "2026-11-02T16:00:00Z",
    );
    let files = vec![
        // The stale copy came back last (newest modified time): that decides nothing.
        file_at(
            &newer,
            &own(&anna(), 9, "2026-11-29T08:30:00Z"),
            "2026-11-29T08:30:01Z",
        ),
        file_at(
            &stale,
            &own(&anna(), 2, "2026-11-02T16:00:00Z"),
            "2026-11-30T23:00:00Z",
        ),
    ];
    let choice = participants(&files);
    assert_eq!(choice.newest_of(anna().id(), anna().id()), Some(0));
    assert_eq!(choice.verdicts[1], Verdict::Older { than: 0 });
}

#[test]
fn a_renamed_file_is_read_like_any_other() {
    // Someone renamed the newest to a tidy name; an older one keeps Leerspoor's name.
    let files = vec![
        file(
            &own_path(
                &anna(),
                &anna(),
                BundleKind::Participant,
                "2026-11-01T09:00:00Z",
            ),
            &own(&anna(), 1, "2026-11-01T09:00:00Z"),
        ),
        file(
            &in_place(&anna(), "Anna nieuwste.json"),
            &own(&anna(), 4, "2026-11-20T09:00:00Z"),
        ),
    ];
    assert_eq!(
        participants(&files).newest_of(anna().id(), anna().id()),
        Some(1)
    );
}

#[test]
fn the_same_bundle_twice_under_two_names_is_one_bundle() {
    let bytes = own(&anna(), 5, "2026-11-28T10:00:00Z");
    let leerspoor = own_path(
        &anna(),
        &anna(),
        BundleKind::Participant,
        "2026-11-28T10:00:00Z",
    );
    let copy = in_place(&anna(), "bundel-LAPTOP-123.json");
    // Either order: the file named as Leerspoor names it is the one used.
    for files in [
        vec![file(&leerspoor, &bytes), file(&copy, &bytes)],
        vec![file(&copy, &bytes), file(&leerspoor, &bytes)],
    ] {
        let choice = participants(&files);
        let used = files.iter().position(|f| f.path == leerspoor).unwrap();
        let other = 1 - used;
        assert_eq!(choice.newest.len(), 1);
        assert_eq!(choice.newest[0].file, used);
        assert_eq!(choice.verdicts[used], Verdict::Newest);
        assert_eq!(choice.verdicts[other], Verdict::Duplicate { of: used });
    }
}

#[test]
fn copies_of_an_older_bundle_are_duplicates_of_that_one() {
    let old = own(&anna(), 2, "2026-11-02T16:00:00Z");
    let files = vec![
        file(&in_place(&anna(), "a.json"), &old),
        file(
            &in_place(&anna(), "b.json"),
            &own(&anna(), 9, "2026-11-29T08:30:00Z"),
        ),
        file(&in_place(&anna(), "c.json"), &old),
    ];
    let choice = participants(&files);
    assert_eq!(
        choice.verdicts,
        vec![
            Verdict::Older { than: 1 },
            Verdict::Newest,
            Verdict::Duplicate { of: 0 },
        ]
    );
}

#[test]
fn at_the_same_export_time_the_higher_revision_wins() {
    let files = vec![
        file(
            &in_place(&anna(), "a.json"),
            &own(&anna(), 7, "2026-11-28T10:00:00Z"),
        ),
        file(
            &in_place(&anna(), "b.json"),
            &own(&anna(), 8, "2026-11-28T10:00:00Z"),
        ),
    ];
    let choice = participants(&files);
    assert_eq!(choice.newest_of(anna().id(), anna().id()), Some(1));
    assert_eq!(choice.verdicts[0], Verdict::Older { than: 1 });
}

#[test]
fn a_later_export_wins_over_a_higher_revision() {
    // Revisions count per browser: a new laptop starts low again.
    let files = vec![
        file(
            &in_place(&anna(), "oude-laptop.json"),
            &own(&anna(), 200, "2026-11-20T10:00:00Z"),
        ),
        file(
            &in_place(&anna(), "nieuwe-laptop.json"),
            &own(&anna(), 3, "2026-11-21T10:00:00Z"),
        ),
    ];
    assert_eq!(
        participants(&files).newest_of(anna().id(), anna().id()),
        Some(1)
    );
}

#[test]
fn the_order_files_are_found_in_changes_nothing() {
    let files = vec![
        file(
            &in_place(&anna(), "a.json"),
            &own(&anna(), 7, "2026-11-28T10:00:00Z"),
        ),
        file(
            &in_place(&anna(), "b.json"),
            &own(&anna(), 7, "2026-11-28T10:00:00Z"),
        ),
        file(
            &in_place(&bert(), "c.json"),
            &own(&bert(), 1, "2026-11-27T10:00:00Z"),
        ),
        file(
            &in_place(&bert(), "d.json"),
            &own(&bert(), 2, "2026-11-28T10:00:00Z"),
        ),
        file(&in_place(&anna(), "e.json"), b""),
    ];
    let forward = participants(&files);
    let mut reversed = files.clone();
    reversed.reverse();
    let backward = participants(&reversed);
    let paths = |choice: &Choice, files: &[Found]| -> Vec<String> {
        choice
            .newest
            .iter()
            .map(|n| files[n.file].path.clone())
            .collect()
    };
    assert_eq!(
        paths(&forward, &files),
        vec![in_place(&anna(), "a.json"), in_place(&bert(), "d.json")]
    );
    assert_eq!(paths(&backward, &reversed), paths(&forward, &files));
}

#[test]
fn contents_say_whose_bundle_it_is_not_the_folder() {
    // Bert's bundle was put in Anna's folder by hand: it is Bert's.
    let files = vec![file(
        &in_place(&anna(), "bundel.json"),
        &own(&bert(), 1, "2026-11-28T10:00:00Z"),
    )];
    let choice = participants(&files);
    assert_eq!(choice.newest[0].subject, bert().id());
    let listing = list(&files, &[]);
    assert_eq!(listing.rows.len(), 1);
    assert_eq!(listing.rows[0].participant, bert().id());
    assert_eq!(listing.rows[0].name.as_deref(), Some("Bert Jansen"));
}

#[test]
fn a_cut_off_file_is_listed_with_its_reason_and_the_rest_is_read() {
    let whole = own(&anna(), 9, "2026-11-29T08:30:00Z");
    let cut = &whole[..whole.len() / 2];
    let files = vec![
        file(
            &own_path(
                &anna(),
                &anna(),
                BundleKind::Participant,
                "2026-11-28T10:00:00Z",
            ),
            &own(&anna(), 5, "2026-11-28T10:00:00Z"),
        ),
        file(
            &own_path(
                &anna(),
                &anna(),
                BundleKind::Participant,
                "2026-11-29T08:30:00Z",
            ),
            cut,
        ),
    ];
    let choice = participants(&files);
    assert_eq!(choice.verdicts[0], Verdict::Newest);
    let Verdict::Problem(problem @ Problem::Unreadable(BundleError::NotJson { .. })) =
        &choice.verdicts[1]
    else {
        panic!("a cut-off file is not JSON: {:?}", choice.verdicts[1]);
    };
    assert!(problem.maybe_still_syncing());
    assert!(problem
        .message(Lang::Nl)
        .contains("misschien omdat het nog niet helemaal is gesynchroniseerd"));
    assert!(problem
        .message(Lang::En)
        .contains("perhaps because it has not finished syncing"));
    // Anna is new with the readable bundle; the cut-off file is listed with her.
    let listing = list(&files, &[]);
    assert_eq!(listing.rows.len(), 1);
    assert_eq!(listing.rows[0].state, State::New);
    assert_eq!(listing.rows[0].newest, Some(0));
    assert_eq!(listing.rows[0].problems, vec![1]);
}

#[test]
fn an_empty_file_is_unreadable_never_fatal() {
    let files = vec![
        file(&in_place(&anna(), "bundel.json"), b""),
        file(
            &in_place(&bert(), "bundel.json"),
            &own(&bert(), 1, "2026-11-28T10:00:00Z"),
        ),
    ];
    let listing = list(&files, &[]);
    assert_eq!(listing.rows.len(), 2);
    // Bert by name; Anna's name nothing readable says, so she comes last.
    assert_eq!(listing.rows[0].participant, bert().id());
    assert_eq!(listing.rows[0].state, State::New);
    let row = &listing.rows[1];
    assert_eq!(row.participant, anna().id());
    assert_eq!(row.name, None);
    assert_eq!(
        row.state,
        State::Unreadable(Problem::Unreadable(BundleError::Empty))
    );
    assert_eq!(
        row.state.message(Lang::Nl),
        "Onleesbaar: er is geen leesbare bundel van deze deelnemer. Het bestand is leeg, \
         misschien omdat het nog niet helemaal is gesynchroniseerd. Het blijft staan; \
         Leerspoor leest het de volgende keer opnieuw."
    );
    assert_eq!(
        row.state.message(Lang::En),
        "Unreadable: there is no readable bundle of this participant. The file is empty, \
         perhaps because it has not finished syncing. It stays where it is; Leerspoor \
         reads it again next time."
    );
    assert_eq!(
        row.display_name(Lang::Nl),
        "Onbekende deelnemer (map 00000000-0000-0000-0000-0000000000a1)"
    );
    assert_eq!(listing.plan().len(), 1);
}

#[test]
fn an_unreadable_participant_held_in_the_workspace_keeps_their_name() {
    let files = vec![file(
        &in_place(&anna(), "bundel.json"),
        b"{\"format\": \"leerspoor-bun",
    )];
    let held = [InWorkspace {
        id: anna().id(),
        name: "Anna de Boer".into(),
        exported: at("2026-11-01T09:00:00Z"),
        revision: None,
    }];
    let listing = list(&files, &held);
    assert_eq!(listing.rows[0].display_name(Lang::En), "Anna de Boer");
    assert!(matches!(
        listing.rows[0].state,
        State::Unreadable(Problem::Unreadable(BundleError::NotJson { line: 1, .. }))
    ));
    assert!(listing.plan().is_empty());
}

#[test]
fn the_reason_shown_is_that_of_the_file_changed_last() {
    let files = vec![
        file_at(&in_place(&anna(), "a.json"), b"", "2026-11-28T10:00:00Z"),
        file_at(
            &in_place(&anna(), "b.json"),
            b"%PDF-1.7",
            "2026-11-29T10:00:00Z",
        ),
    ];
    let listing = list(&files, &[]);
    assert_eq!(listing.rows[0].problems, vec![1, 0]);
    assert_eq!(
        listing.rows[0].state,
        State::Unreadable(Problem::Unreadable(BundleError::Binary {
            kind: crate::model::bundle::BinaryKind::Pdf
        }))
    );
    assert!(listing.rows[0]
        .state
        .message(Lang::Nl)
        .contains("Dit is een PDF-bestand, geen Leerspoor-bundel."));
}

#[test]
fn a_file_of_another_kind_in_a_participants_folder_is_left_alone() {
    let files = vec![
        file(
            &own_path(
                &anna(),
                &anna(),
                BundleKind::Participant,
                "2026-11-28T10:00:00Z",
            ),
            &own(&anna(), 5, "2026-11-28T10:00:00Z"),
        ),
        // The begeleider's feedback, in Anna's place as the layout says.
        file(
            &own_path(
                &anna(),
                &coach(),
                BundleKind::Feedback,
                "2026-11-30T09:00:00Z",
            ),
            &feedback(&anna(), &coach(), "2026-11-30T09:00:00Z"),
        ),
        // A begeleider's own data, dropped there by mistake.
        file(
            &in_place(&anna(), "carla.json"),
            &own(&coach(), 3, "2026-11-30T10:00:00Z"),
        ),
    ];
    let choice = participants(&files);
    assert_eq!(choice.verdicts[0], Verdict::Newest);
    assert_eq!(
        choice.verdicts[1],
        Verdict::OtherKind {
            kind: BundleKind::Feedback,
            sender_role: Role::Coach
        }
    );
    assert_eq!(
        choice.verdicts[2],
        Verdict::OtherKind {
            kind: BundleKind::Participant,
            sender_role: Role::Coach
        }
    );
    assert_eq!(
        choice.verdicts[2].message(&files, Lang::Nl),
        "De eigen gegevens van een begeleider, geen bundel van een deelnemer. Hier niet \
         gebruikt; het bestand blijft staan."
    );
    let listing = list(&files, &[]);
    assert_eq!(listing.rows.len(), 1);
    assert_eq!(listing.rows[0].ignored, vec![1]);
    // Carla is no participant in the list: her file is listed outside the rows.
    assert_eq!(listing.outside, vec![2]);
}

#[test]
fn a_participant_reads_the_newest_feedback_of_each_begeleider() {
    let second_coach = person(0xC1, "Dirk Smit", Role::Coach);
    let files = vec![
        file(
            &own_path(
                &anna(),
                &coach(),
                BundleKind::Feedback,
                "2026-11-20T09:00:00Z",
            ),
            &feedback(&anna(), &coach(), "2026-11-20T09:00:00Z"),
        ),
        file(
            &own_path(
                &anna(),
                &coach(),
                BundleKind::Feedback,
                "2026-11-30T09:00:00Z",
            ),
            &feedback(&anna(), &coach(), "2026-11-30T09:00:00Z"),
        ),
        file(
            &own_path(
                &anna(),
                &second_coach,
                BundleKind::Feedback,
                "2026-11-25T09:00:00Z",
            ),
            &feedback(&anna(), &second_coach, "2026-11-25T09:00:00Z"),
        ),
        file(
            &own_path(
                &anna(),
                &anna(),
                BundleKind::Participant,
                "2026-11-28T10:00:00Z",
            ),
            &own(&anna(), 5, "2026-11-28T10:00:00Z"),
        ),
    ];
    let choice = choose(&files, BundleKind::Feedback);
    assert_eq!(choice.newest_of(anna().id(), coach().id()), Some(1));
    assert_eq!(choice.newest_of(anna().id(), second_coach.id()), Some(2));
    assert_eq!(choice.newest.len(), 2);
    assert_eq!(
        choice
            .about(anna().id())
            .map(|n| n.file)
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert_eq!(choice.about(bert().id()).count(), 0);
    assert_eq!(choice.verdicts[0], Verdict::Older { than: 1 });
    assert_eq!(
        choice.verdicts[3].message(&files, Lang::En),
        "A participant's data, not feedback. Not used here; the file stays where it is."
    );
}

#[test]
fn a_locked_bundle_waits_for_the_passphrase() {
    let bytes = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/encrypted-bundle.json"),
    )
    .unwrap();
    let claimed: Id = "65af1f5d-c651-4b46-99b9-b7204e0c7c3c".parse().unwrap();
    let files = vec![file(&format!("deelnemers/{claimed}/bundel.json"), &bytes)];
    let choice = participants(&files);
    assert_eq!(
        choice.verdicts[0],
        Verdict::Problem(Problem::Locked {
            claimed: Some(claimed),
            exported: at("2026-11-28T05:35:18.829Z"),
        })
    );
    let listing = list(&files, &[]);
    assert_eq!(
        listing.rows[0].name.as_deref(),
        Some("Versleutelde Fixture")
    );
    assert_eq!(
        listing.rows[0].state.message(Lang::Nl),
        "Onleesbaar: er is geen leesbare bundel van deze deelnemer. Deze bundel is \
         versleuteld met een wachtwoord. Vul het wachtwoord van de cursus in om hem te lezen."
    );
}

#[test]
fn a_file_the_browser_could_not_read_is_tried_again() {
    let files = vec![Found {
        path: in_place(&anna(), "bundel.json"),
        size: 4096,
        modified: None,
        reading: Reading::NotRead,
    }];
    let listing = list(&files, &[]);
    assert_eq!(listing.rows[0].state, State::Unreadable(Problem::NotRead));
    assert!(listing.rows[0]
        .state
        .message(Lang::En)
        .ends_with("perhaps it was moved or is still syncing. Leerspoor tries again next time."));
}

#[test]
fn unreadable_files_outside_any_participants_folder_are_listed_outside() {
    let files = vec![
        file("LEESMIJ.txt", b"Deze map is de cursusmap van de leergang."),
        file("Cursusmap/bundel.json", b""),
    ];
    let listing = list(&files, &[]);
    assert!(listing.rows.is_empty());
    assert_eq!(listing.outside, vec![0, 1]);
    assert_eq!(
        listing.choice.verdicts[0],
        Verdict::Problem(Problem::Unreadable(BundleError::NotJson {
            line: 1,
            column: 1
        }))
    );
}

#[test]
fn a_file_too_large_is_listed_without_reading_it() {
    let path = in_place(&anna(), "film.json");
    assert_eq!(Found::too_large(&path, 20 * 1024 * 1024, None), None);
    let big = Found::too_large(&path, 21 * 1024 * 1024, None).unwrap();
    let files = vec![big];
    let choice = participants(&files);
    assert_eq!(
        choice.explain(&files, 0, Lang::Nl),
        "‘film.json’: Het bestand is te groot (21 MB). Een Leerspoor-bundel is hoogstens \
         20 MB. Het bestand blijft staan; Leerspoor leest het de volgende keer opnieuw."
    );
    assert_eq!(
        choice.explain(&files, 0, Lang::En),
        "‘film.json’: The file is too large (21 MB). A Leerspoor bundle is at most 20 MB. \
         The file stays where it is; Leerspoor reads it again next time."
    );
}

// --- The begeleider's list and "Alles bijwerken" --------------------------------------

fn held(doc: &Document, exported: &str, revision: Option<u64>) -> InWorkspace {
    InWorkspace {
        id: doc.id(),
        name: doc.profile.name.clone(),
        exported: at(exported),
        revision,
    }
}

#[test]
fn each_participant_is_new_updated_or_unchanged_against_the_workspace() {
    let emma = person(0xE5, "emma Bakker", Role::Participant);
    let daan = person(0xD4, "Daan Mulder", Role::Participant);
    let files = vec![
        file(
            &in_place(&anna(), "a.json"),
            &own(&anna(), 9, "2026-11-29T08:30:00Z"),
        ),
        file(
            &in_place(&bert(), "b.json"),
            &own(&bert(), 4, "2026-11-20T10:00:00Z"),
        ),
        file(
            &in_place(&daan, "d.json"),
            &own(&daan, 6, "2026-11-10T10:00:00Z"),
        ),
        file(
            &in_place(&emma, "e.json"),
            &own(&emma, 1, "2026-11-10T10:00:00Z"),
        ),
    ];
    let workspace = [
        held(&anna(), "2026-11-20T08:30:00Z", None),
        held(&bert(), "2026-11-20T10:00:00Z", Some(4)),
        // Daan's copy came by e-mail, after the folder's.
        held(&daan, "2026-11-15T10:00:00Z", Some(8)),
    ];
    let listing = list(&files, &workspace);
    let states: Vec<(&str, &State)> = listing
        .rows
        .iter()
        .map(|r| (r.name.as_deref().unwrap(), &r.state))
        .collect();
    assert_eq!(
        states,
        vec![
            ("Anna de Boer", &State::Updated),
            (
                "Bert Jansen",
                &State::Unchanged {
                    held_is_newer: false
                }
            ),
            (
                "Daan Mulder",
                &State::Unchanged {
                    held_is_newer: true
                }
            ),
            // Sorted without regard to case.
            ("emma Bakker", &State::New),
        ]
    );
    assert_eq!(listing.rows[0].exported, Some(at("2026-11-29T08:30:00Z")));
    assert_eq!(
        listing.plan(),
        vec![
            Step {
                participant: anna().id(),
                file: 0,
                update: true
            },
            Step {
                participant: emma.id(),
                file: 3,
                update: false
            },
        ]
    );
    assert_eq!(
        listing.summary(Lang::Nl),
        "4 deelnemers gevonden: 1 nieuw, 1 bijgewerkt, 2 ongewijzigd, 0 onleesbaar."
    );
    assert_eq!(
        listing.plan_summary(Lang::En),
        "Import 2 bundles: 1 new, 1 updated."
    );
}

#[test]
fn at_the_same_export_time_a_higher_revision_is_an_update_when_the_held_one_is_known() {
    let files = vec![file(
        &in_place(&anna(), "a.json"),
        &own(&anna(), 9, "2026-11-20T08:30:00Z"),
    )];
    let known = list(&files, &[held(&anna(), "2026-11-20T08:30:00Z", Some(8))]);
    assert_eq!(known.rows[0].state, State::Updated);
    let unknown = list(&files, &[held(&anna(), "2026-11-20T08:30:00Z", None)]);
    assert_eq!(
        unknown.rows[0].state,
        State::Unchanged {
            held_is_newer: false
        }
    );
}

#[test]
fn thirty_participants_with_one_bad_file() {
    let people: Vec<Document> = (0..30u128)
        .map(|n| {
            person(
                0x100 + n,
                &format!("Deelnemer {:02}", n + 1),
                Role::Participant,
            )
        })
        .collect();
    let mut files: Vec<Found> = people
        .iter()
        .map(|p| {
            file(
                &own_path(p, p, BundleKind::Participant, "2026-11-28T10:00:00Z"),
                &own(p, 3, "2026-11-28T10:00:00Z"),
            )
        })
        .collect();
    // Deelnemer 17's file was cut off by a half-finished sync.
    let whole = own(&people[16], 3, "2026-11-28T10:00:00Z");
    files[16] = file(&files[16].path.clone(), &whole[..1000]);
    // Found in an order of the file system's choosing.
    files.reverse();
    let listing = list(&files, &[]);
    assert_eq!(listing.rows.len(), 30);
    assert_eq!(listing.counts(), (29, 0, 0, 1));
    assert_eq!(
        listing.summary(Lang::Nl),
        "30 deelnemers gevonden: 29 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 onleesbaar."
    );
    assert_eq!(
        listing.summary(Lang::En),
        "30 participants found: 29 new, 0 updated, 0 unchanged, 1 unreadable."
    );
    assert_eq!(
        listing.plan_summary(Lang::Nl),
        "29 bundels inlezen: 29 nieuw, 0 bijgewerkt. 1 deelnemer zonder leesbare bundel overgeslagen."
    );
    // The plan follows the list: by name, Deelnemer 17 left out.
    let plan = listing.plan();
    let expected: Vec<Id> = people
        .iter()
        .enumerate()
        .filter(|(n, _)| *n != 16)
        .map(|(_, p)| p.id())
        .collect();
    assert_eq!(
        plan.iter().map(|s| s.participant).collect::<Vec<_>>(),
        expected
    );
    assert!(plan.iter().all(|s| !s.update));
    for step in &plan {
        let Reading::Bundle(incoming) = &files[step.file].reading else {
            panic!("the plan names an unreadable file");
        };
        assert_eq!(incoming.document.id(), step.participant);
    }
    // The unreadable one is nameless, so it comes last.
    let last = listing.rows.last().unwrap();
    assert_eq!(last.participant, people[16].id());
    assert!(matches!(
        last.state,
        State::Unreadable(Problem::Unreadable(BundleError::NotJson { .. }))
    ));
}

#[test]
fn nothing_to_update_says_so() {
    let files = vec![file(
        &in_place(&anna(), "a.json"),
        &own(&anna(), 9, "2026-11-20T08:30:00Z"),
    )];
    let listing = list(&files, &[held(&anna(), "2026-11-20T08:30:00Z", Some(9))]);
    assert_eq!(
        listing.plan_summary(Lang::Nl),
        "Er is niets bij te werken: je werkruimte is bij met de cursusmap."
    );
}

#[test]
fn nothing_is_lost_every_file_is_in_the_list_once() {
    let whole = own(&bert(), 2, "2026-11-29T10:00:00Z");
    let files = vec![
        file(
            &in_place(&anna(), "a.json"),
            &own(&anna(), 5, "2026-11-28T10:00:00Z"),
        ),
        file(
            &in_place(&anna(), "a (1).json"),
            &own(&anna(), 5, "2026-11-28T10:00:00Z"),
        ),
        file(
            &in_place(&anna(), "oud.json"),
            &own(&anna(), 1, "2026-10-01T10:00:00Z"),
        ),
        file(
            &own_path(
                &anna(),
                &coach(),
                BundleKind::Feedback,
                "2026-11-30T09:00:00Z",
            ),
            &feedback(&anna(), &coach(), "2026-11-30T09:00:00Z"),
        ),
        file(&in_place(&bert(), "b.json"), &whole[..whole.len() - 3]),
        file(&in_place(&bert(), "c.json"), b""),
        file("los.json", b"[]"),
        file(
            &in_place(&bert(), "d.json"),
            &own(&bert(), 1, "2026-11-01T10:00:00Z"),
        ),
    ];
    let listing = list(&files, &[]);
    assert_eq!(listing.choice.verdicts.len(), files.len());
    let mut seen: Vec<usize> = listing.outside.clone();
    for row in &listing.rows {
        seen.extend(row.newest);
        seen.extend(&row.problems);
        seen.extend(&row.ignored);
    }
    seen.sort();
    assert_eq!(seen, (0..files.len()).collect::<Vec<_>>());
    assert_eq!(listing.outside, vec![6]);
    assert_eq!(listing.rows[0].ignored, vec![1, 2, 3]);
    assert_eq!(listing.rows[1].newest, Some(7));
    assert_eq!(listing.rows[1].problems.len(), 2);
}

#[test]
fn every_verdict_has_words_in_both_languages() {
    let bytes = own(&anna(), 5, "2026-11-28T10:00:00Z");
    let files = vec![
        file(&in_place(&anna(), "bundel.json"), &bytes),
        file(&in_place(&anna(), "bundel (1).json"), &bytes),
        file(
            &in_place(&anna(), "oud.json"),
            &own(&anna(), 1, "2026-10-01T10:00:00Z"),
        ),
    ];
    let choice = participants(&files);
    assert_eq!(
        choice.verdicts[1].message(&files, Lang::Nl),
        "Dezelfde bundel als ‘bundel.json’, onder een andere naam. Overgeslagen; het bestand blijft staan."
    );
    assert_eq!(
        choice.verdicts[1].message(&files, Lang::En),
        "The same bundle as ‘bundel.json’, under another name. Skipped; the file stays where it is."
    );
    assert_eq!(
        choice.verdicts[2].message(&files, Lang::Nl),
        "Een oudere bundel dan ‘bundel.json’. Overgeslagen; het bestand blijft staan."
    );
    assert_eq!(
        choice.verdicts[0].message(&files, Lang::En),
        "The newest bundle: this one is used."
    );
    for state in [
        State::New,
        State::Updated,
        State::Unchanged {
            held_is_newer: false,
        },
        State::Unchanged {
            held_is_newer: true,
        },
        State::Unreadable(Problem::NotRead),
    ] {
        assert_ne!(state.message(Lang::Nl), state.message(Lang::En));
        assert_ne!(state.label(Lang::Nl), state.label(Lang::En));
    }
    // A refusal of bundle::read keeps its own words and says the file stays.
    let p = Problem::Unreadable(BundleError::DigestMismatch);
    assert!(p
        .message(Lang::Nl)
        .starts_with("De bundel is na het exporteren veranderd"));
    assert!(p
        .message(Lang::Nl)
        .ends_with("Het bestand blijft staan; Leerspoor leest het de volgende keer opnieuw."));
    assert!(!p.maybe_still_syncing());
}

// --- Retention ------------------------------------------------------------------------

#[test]
fn a_writer_may_delete_its_own_files_beyond_the_newest_three() {
    let times = [
        "2026-11-01T09:00:00Z",
        "2026-11-08T09:00:00Z",
        "2026-11-15T09:00:00Z",
        "2026-11-22T09:00:00Z",
        "2026-11-29T09:00:00Z",
    ];
    // Found newest first, as a directory listing might give them.
    let files: Vec<Found> = times
        .iter()
        .rev()
        .enumerate()
        .map(|(n, t)| {
            file(
                &own_path(&anna(), &anna(), BundleKind::Participant, t),
                &own(&anna(), 10 - n as u64, t),
            )
        })
        .collect();
    assert_eq!(KEEP_OWN, 3);
    // Files 3 and 4 are 8 and 1 November.
    assert_eq!(deletable(anna().id(), &files, KEEP_OWN), vec![3, 4]);
    assert_eq!(deletable(anna().id(), &files, 4), vec![4]);
    // At least the newest is always kept.
    assert_eq!(deletable(anna().id(), &files, 0), vec![1, 2, 3, 4]);
    // Another writer may delete none of them.
    assert_eq!(
        deletable(bert().id(), &files, KEEP_OWN),
        Vec::<usize>::new()
    );
}

#[test]
fn never_a_file_it_cannot_read_nor_a_copy_nor_another_writers() {
    let mut files = Vec::new();
    for (n, t) in [
        "2026-11-01T09:00:00Z",
        "2026-11-08T09:00:00Z",
        "2026-11-15T09:00:00Z",
        "2026-11-22T09:00:00Z",
    ]
    .iter()
    .enumerate()
    {
        files.push(file(
            &own_path(&anna(), &anna(), BundleKind::Participant, t),
            &own(&anna(), n as u64 + 1, t),
        ));
    }
    // 0..=3: Anna's own; only 0 (1 November) is beyond the three newest.
    let old = own(&anna(), 0, "2026-10-01T09:00:00Z");
    // 4: an own name, but cut off: never.
    files.push(file(
        &own_path(
            &anna(),
            &anna(),
            BundleKind::Participant,
            "2026-10-01T09:00:00Z",
        ),
        &old[..old.len() / 2],
    ));
    // 5: a conflict copy of an old own file: the sync tool made it; never.
    files.push(file(&in_place(&anna(), "bundel (1).json"), &old));
    // 6: Anna's name on it, but Bert's bundle inside: never.
    files.push(file(
        &own_path(
            &anna(),
            &anna(),
            BundleKind::Participant,
            "2026-09-01T09:00:00Z",
        ),
        &own(&bert(), 1, "2026-09-01T09:00:00Z"),
    ));
    // 7: Anna's bundle whose name says another moment (renamed by hand): never.
    files.push(file(
        &own_path(
            &anna(),
            &anna(),
            BundleKind::Participant,
            "2026-09-02T09:00:00Z",
        ),
        &own(&anna(), 0, "2026-09-03T09:00:00Z"),
    ));
    // 8: a begeleider's feedback in Anna's place: another writer's; never.
    files.push(file(
        &own_path(
            &anna(),
            &coach(),
            BundleKind::Feedback,
            "2026-08-01T09:00:00Z",
        ),
        &feedback(&anna(), &coach(), "2026-08-01T09:00:00Z"),
    ));
    // 9: the browser could not read it: never.
    files.push(Found {
        path: own_path(
            &anna(),
            &anna(),
            BundleKind::Participant,
            "2026-08-02T09:00:00Z",
        ),
        size: 100,
        modified: None,
        reading: Reading::NotRead,
    });
    assert_eq!(deletable(anna().id(), &files, KEEP_OWN), vec![0]);
}

#[test]
fn a_begeleider_keeps_its_newest_feedback_in_each_participants_folder() {
    let mut files = Vec::new();
    for t in [
        "2026-11-01T09:00:00Z",
        "2026-11-08T09:00:00Z",
        "2026-11-15T09:00:00Z",
        "2026-11-22T09:00:00Z",
    ] {
        files.push(file(
            &own_path(&anna(), &coach(), BundleKind::Feedback, t),
            &feedback(&anna(), &coach(), t),
        ));
    }
    for t in ["2026-11-01T09:00:00Z", "2026-11-08T09:00:00Z"] {
        files.push(file(
            &own_path(&bert(), &coach(), BundleKind::Feedback, t),
            &feedback(&bert(), &coach(), t),
        ));
    }
    // Anna's folder has four: the oldest goes; Bert's has two: both stay.
    assert_eq!(deletable(coach().id(), &files, KEEP_OWN), vec![0]);
    // The participant deletes none of the begeleider's feedback.
    assert_eq!(
        deletable(anna().id(), &files, KEEP_OWN),
        Vec::<usize>::new()
    );
}

#[test]
fn a_stale_copy_that_comes_back_goes_again() {
    let times = [
        "2026-11-01T09:00:00Z",
        "2026-11-08T09:00:00Z",
        "2026-11-15T09:00:00Z",
        "2026-11-22T09:00:00Z",
    ];
    let files: Vec<Found> = times
        .iter()
        .enumerate()
        .map(|(n, t)| {
            file(
                &own_path(&anna(), &anna(), BundleKind::Participant, t),
                &own(&anna(), n as u64 + 1, t),
            )
        })
        .collect();
    assert_eq!(deletable(anna().id(), &files, KEEP_OWN), vec![0]);
    // The begeleider still reads the newest, whatever came back.
    assert_eq!(
        participants(&files).newest_of(anna().id(), anna().id()),
        Some(3)
    );
}

#[test]
fn a_written_file_is_named_for_its_contents() {
    // The writer names the file with next_name and builds the bundle at that moment:
    // the name and the contents agree, so the writer later knows the file as its own.
    let taken = [own_path(
        &anna(),
        &anna(),
        BundleKind::Participant,
        "2026-11-28T10:00:00Z",
    )];
    let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
    let (name, moment) = next_name(
        anna().id(),
        BundleKind::Participant,
        at("2026-11-28T10:00:00.250Z"),
        &taken,
    );
    assert_eq!(
        name,
        "00000000-0000-0000-0000-0000000000a1.participant.20261128T100001Z.json"
    );
    let path = format!("{}/{name}", place(anna().id()));
    let files = vec![
        file(taken[0], &own(&anna(), 1, "2026-11-28T10:00:00Z")),
        file(&path, &own(&anna(), 2, &moment.to_rfc3339())),
    ];
    assert_eq!(
        participants(&files).newest_of(anna().id(), anna().id()),
        Some(1)
    );
    // Both are Anna's own: keeping one, the older may go.
    assert_eq!(deletable(anna().id(), &files, 1), vec![0]);
}

// --- A course folder on disk ----------------------------------------------------------

/// `tests/fixtures/folder/cursusmap`: a small course folder as a sync tool leaves it, for
/// these tests and for the browser tests that pick a real folder.
fn fixture_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/folder/cursusmap")
}

fn cees() -> Document {
    person(0xCE, "Cees Smit", Role::Participant)
}

/// The fixture's files and their bytes, as they were made. Rewritten on disk with
/// `LEERSPOOR_WRITE_FOLDER_FIXTURES=1 cargo test --lib folder::tests::the_fixture`.
fn fixture_files() -> Vec<(String, Vec<u8>)> {
    let p = BundleKind::Participant;
    let anna_old = own(&anna(), 4, "2026-11-21T08:30:00Z");
    let anna_mid = own(&anna(), 7, "2026-11-28T10:05:09Z");
    let bert_newer = own(&bert(), 6, "2026-11-29T20:00:00Z");
    vec![
        (
            "LEESMIJ.txt".into(),
            b"De cursusmap van de leergang: zie docs/course-folder.md.\n".to_vec(),
        ),
        (
            own_path(&anna(), &anna(), p, "2026-11-21T08:30:00Z"),
            anna_old,
        ),
        (
            own_path(&anna(), &anna(), p, "2026-11-28T10:05:09Z"),
            anna_mid.clone(),
        ),
        // The sync tool's copy of the same bundle.
        (
            in_place(
                &anna(),
                "00000000-0000-0000-0000-0000000000a1.participant.20261128T100509Z (1).json",
            ),
            anna_mid,
        ),
        // Anna's new laptop: a low revision, the latest export, a conflict copy's name.
        (
            in_place(&anna(), "bundel-LAPTOP-123.json"),
            own(&anna(), 3, "2026-11-29T08:15:00Z"),
        ),
        (
            own_path(
                &anna(),
                &coach(),
                BundleKind::Feedback,
                "2026-11-30T09:00:00Z",
            ),
            feedback(&anna(), &coach(), "2026-11-30T09:00:00Z"),
        ),
        (
            own_path(&bert(), &bert(), p, "2026-11-25T14:00:00Z"),
            own(&bert(), 5, "2026-11-25T14:00:00Z"),
        ),
        // Half-synced.
        (
            own_path(&bert(), &bert(), p, "2026-11-29T20:00:00Z"),
            bert_newer[..bert_newer.len() / 2].to_vec(),
        ),
        // An old copy that came back.
        (
            own_path(&bert(), &bert(), p, "2026-11-01T09:00:00Z"),
            own(&bert(), 1, "2026-11-01T09:00:00Z"),
        ),
        // Still arriving: nothing written yet.
        (
            own_path(&cees(), &cees(), p, "2026-11-27T11:00:00Z"),
            Vec::new(),
        ),
    ]
}

/// Reads the fixture folder as the browser will: every file under it, its path from the
/// picked folder (`cursusmap/…`), only names a reader reads.
fn walk(dir: &std::path::Path, prefix: &str, out: &mut Vec<Found>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().to_string();
        let path = format!("{prefix}/{name}");
        if entry.path().is_dir() {
            walk(&entry.path(), &path, out);
        } else if is_candidate(&path) {
            out.push(Found::read(
                &path,
                &std::fs::read(entry.path()).unwrap(),
                None,
            ));
        }
    }
}

#[test]
fn the_fixture_folder_is_as_made() {
    let root = fixture_root();
    for (path, bytes) in fixture_files() {
        let at = root.join(&path);
        if std::env::var_os("LEERSPOOR_WRITE_FOLDER_FIXTURES").is_some() {
            std::fs::create_dir_all(at.parent().unwrap()).unwrap();
            std::fs::write(&at, &bytes).unwrap();
        }
        let on_disk = std::fs::read(&at).unwrap_or_else(|_| panic!("missing fixture {path}"));
        // Made by another Leerspoor version, the `app` fields differ; nothing else may.
        let strip = |b: &[u8]| {
            String::from_utf8_lossy(b)
                .lines()
                .filter(|l| !l.trim_start().starts_with("\"app\""))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(
            strip(&on_disk),
            strip(&bytes),
            "{path} differs from how it is made"
        );
    }
}

#[test]
fn a_course_folder_on_disk_is_listed() {
    let mut files = Vec::new();
    walk(&fixture_root(), "cursusmap", &mut files);
    // LEESMIJ.txt is no candidate; the nine others are read.
    assert_eq!(files.len(), 9);
    let by_name = |name: &str| files.iter().position(|f| f.name() == name).unwrap();
    let held = [InWorkspace {
        id: bert().id(),
        name: "Bert Jansen".into(),
        exported: at("2026-11-25T14:00:00Z"),
        revision: Some(5),
    }];
    let listing = list(&files, &held);
    let rows: Vec<(String, &State, Option<DateTime<Utc>>)> = listing
        .rows
        .iter()
        .map(|r| (r.display_name(Lang::Nl), &r.state, r.exported))
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                "Anna de Boer".to_string(),
                &State::New,
                Some(at("2026-11-29T08:15:00Z"))
            ),
            (
                "Bert Jansen".to_string(),
                &State::Unchanged {
                    held_is_newer: false
                },
                Some(at("2026-11-25T14:00:00Z"))
            ),
            (
                "Onbekende deelnemer (map 00000000-0000-0000-0000-0000000000ce)".to_string(),
                &State::Unreadable(Problem::Unreadable(BundleError::Empty)),
                None
            ),
        ]
    );
    let anna_row = &listing.rows[0];
    assert_eq!(anna_row.newest, Some(by_name("bundel-LAPTOP-123.json")));
    assert_eq!(anna_row.ignored.len(), 4);
    let copy =
        by_name("00000000-0000-0000-0000-0000000000a1.participant.20261128T100509Z (1).json");
    let original =
        by_name("00000000-0000-0000-0000-0000000000a1.participant.20261128T100509Z.json");
    assert_eq!(
        listing.choice.verdicts[copy],
        Verdict::Duplicate { of: original }
    );
    assert_eq!(
        listing.rows[1].problems,
        vec![by_name(
            "00000000-0000-0000-0000-0000000000b2.participant.20261129T200000Z.json"
        )]
    );
    assert!(listing.outside.is_empty());
    assert_eq!(
        listing.plan(),
        vec![Step {
            participant: anna().id(),
            file: by_name("bundel-LAPTOP-123.json"),
            update: false
        }]
    );
    // Anna has two own files, Bert one readable own file besides the stale copy.
    assert_eq!(
        deletable(anna().id(), &files, KEEP_OWN),
        Vec::<usize>::new()
    );
    assert_eq!(
        deletable(anna().id(), &files, 1),
        vec![by_name(
            "00000000-0000-0000-0000-0000000000a1.participant.20261121T083000Z.json"
        )]
    );
    assert_eq!(
        deletable(bert().id(), &files, 1),
        vec![by_name(
            "00000000-0000-0000-0000-0000000000b2.participant.20261101T090000Z.json"
        )]
    );
    assert_eq!(deletable(coach().id(), &files, 1), Vec::<usize>::new());
}
