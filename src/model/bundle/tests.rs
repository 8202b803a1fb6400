use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::*;
use crate::model::journal::Feedback;
use crate::model::restore::RestoreError;
use crate::model::sample::{self, Size};
use crate::model::selfscan::{default_framework, export_framework};
use crate::model::{Document, Lang};

fn now() -> DateTime<Utc> {
    "2026-11-28T10:00:00Z".parse().unwrap()
}

fn doc() -> Document {
    sample::document(7, "Sanne de Vries", &Size::REALISTIC)
}

fn export(doc: &Document) -> String {
    serde_json::to_string_pretty(&build(
        doc,
        &Selection::everything(),
        BundleKind::Participant,
        now(),
    ))
    .unwrap()
}

fn ready(text: &str) -> Incoming {
    match read(text.as_bytes()) {
        Ok(Opened::Ready(incoming)) => *incoming,
        other => panic!("expected a readable bundle, got {other:?}"),
    }
}

#[test]
fn export_then_import_gives_identical_data() {
    let d = doc();
    let incoming = ready(&export(&d));
    let mut expected = d.clone();
    expected.journal.bin.clear();
    assert_eq!(incoming.document, expected);
    assert_eq!(incoming.bundle.from.name, "Sanne de Vries");
    assert_eq!(incoming.bundle.kind, BundleKind::Participant);
}

#[test]
fn a_selection_shares_only_what_was_chosen() {
    let d = doc();
    let case = d.journal.cases[0].id;
    let selection = Selection {
        scans: false,
        goals: true,
        cases: Some(vec![case]),
        network: false,
    };
    let bundle = build(&d, &selection, BundleKind::Participant, now());
    let incoming = ready(&serde_json::to_string(&bundle).unwrap());
    let shared = incoming.document;
    assert!(shared.selfscan.scans.is_empty());
    assert_eq!(shared.journal.cases.len(), 1);
    assert!(shared.journal.entries.iter().all(|e| e.case_id == case));
    assert_eq!(
        shared.journal.entries.len(),
        d.journal
            .entries
            .iter()
            .filter(|e| e.case_id == case)
            .count()
    );
    assert!(shared.network.actors.is_empty());
    assert!(shared.journal.cases[0].actors.is_empty());
}

#[test]
fn merging_the_same_bundle_twice_changes_nothing_the_second_time() {
    let mine = doc();
    let mut other_laptop = mine.clone();
    // On the other laptop: a new case, and an edit to an existing one made later.
    let mut extra = other_laptop.journal.cases[1].clone();
    extra.id = Id::from_u128(0xCA5E);
    extra.title = "Nieuwe casus van de andere laptop".into();
    other_laptop.journal.cases.push(extra);
    other_laptop.journal.cases[0].title = "Later aangepaste titel".into();
    other_laptop.journal.cases[0].updated = now();
    let incoming = ready(&export(&other_laptop)).document;

    let plan = plan(&mine, &incoming, BundleKind::Participant);
    assert_eq!(plan.added, vec![(Record::Case, 1)]);
    assert_eq!(Record::Case.noun(Lang::Nl), "casus");
    assert_eq!(Record::Case.noun(Lang::En), "case");
    assert_eq!(plan.conflicts.len(), 1);
    assert!(plan.conflicts[0].incoming_is_newer());

    let (once, report) = apply(&mine, &incoming, BundleKind::Participant, &|_| {
        Resolution::NewerWins
    })
    .unwrap();
    assert_eq!(report.replaced, 1);
    assert!(once
        .journal
        .cases
        .iter()
        .any(|c| c.title == "Later aangepaste titel"));
    let (twice, report) = apply(&once, &incoming, BundleKind::Participant, &|_| {
        Resolution::NewerWins
    })
    .unwrap();
    assert_eq!(report.changes(), 0);
    assert_eq!(twice, once);
}

/// A case's solution-focused frame travels with the case: filled in on the other laptop,
/// it arrives through the bundle and the merge, once.
#[test]
fn a_frame_made_on_the_other_laptop_arrives_with_its_case() {
    use crate::model::journal::Frame;
    let mine = doc();
    let mut other_laptop = mine.clone();
    let frame = Frame {
        desired: "Een schone speelplaats".into(),
        works: "De wijkagent loopt mee".into(),
        next_step: "Wijkraad mailen".into(),
        whose_agenda: "Wijkraad Oost".into(),
        moment: "Wijkraadsvergadering".into(),
        date: Some("2026-12-14".parse().unwrap()),
        ..Frame::default()
    };
    other_laptop.journal.cases[0].frame = Some(Box::new(frame.clone()));
    other_laptop.journal.cases[0].updated = now();
    let text = export(&other_laptop);
    assert!(text.contains("\"whose_agenda\": \"Wijkraad Oost\""));
    let incoming = ready(&text).document;
    assert_eq!(incoming.journal.cases[0].frame.as_deref(), Some(&frame));

    let (merged, report) = apply(&mine, &incoming, BundleKind::Participant, &|_| {
        Resolution::NewerWins
    })
    .unwrap();
    assert_eq!(report.replaced, 1);
    let case = merged.journal.case(mine.journal.cases[0].id).unwrap();
    assert_eq!(case.frame.as_deref(), Some(&frame));
    let (twice, report) = apply(&merged, &incoming, BundleKind::Participant, &|_| {
        Resolution::NewerWins
    })
    .unwrap();
    assert_eq!(report.changes(), 0);
    assert_eq!(twice, merged);
}

#[test]
fn keep_both_and_skip_are_idempotent_too() {
    let mine = doc();
    let mut theirs = mine.clone();
    theirs.journal.cases[0].title = "Andere titel".into();
    let incoming = ready(&export(&theirs)).document;
    for resolution in [Resolution::KeepBoth, Resolution::Skip] {
        let (once, _) = apply(&mine, &incoming, BundleKind::Participant, &|_| resolution).unwrap();
        let (twice, report) =
            apply(&once, &incoming, BundleKind::Participant, &|_| resolution).unwrap();
        assert_eq!(twice, once, "{resolution:?}");
        assert_eq!(report.changes(), 0);
    }
    let (both, _) = apply(&mine, &incoming, BundleKind::Participant, &|_| {
        Resolution::KeepBoth
    })
    .unwrap();
    assert_eq!(both.journal.cases.len(), mine.journal.cases.len() + 1);
    let (skipped, _) = apply(&mine, &incoming, BundleKind::Participant, &|_| {
        Resolution::Skip
    })
    .unwrap();
    assert_eq!(skipped, {
        let mut m = mine.clone();
        m.normalise();
        m
    });
}

#[test]
fn feedback_merges_without_touching_the_participants_writing() {
    let mine = doc();
    let mut coach_copy = mine.clone();
    let entry = coach_copy.journal.entries[0].id;
    // The begeleider's copy is older and differs, but only feedback may come through.
    coach_copy.journal.entries[0].texts.clear();
    coach_copy.journal.cases[0].title = "Door begeleider gewijzigd".into();
    coach_copy
        .journal
        .merge_feedback(
            entry,
            vec![Feedback {
                author_profile: None,
                id: Id::from_u128(0xFEED),
                author: "Begeleider Bakker".into(),
                author_role: crate::model::Role::Coach,
                written: now(),
                text: "Mooi hoe je de wethouder vroeg betrok. Wat deed je anders dan vorige keer?"
                    .into(),
            }],
        )
        .unwrap();
    let bundle = build(
        &coach_copy,
        &Selection::everything(),
        BundleKind::Feedback,
        now(),
    );
    let incoming = ready(&serde_json::to_string(&bundle).unwrap()).document;
    let (merged, report) = apply(&mine, &incoming, BundleKind::Feedback, &|_| {
        Resolution::NewerWins
    })
    .unwrap();
    assert_eq!(report.feedback_added, 1);
    let merged_entry = merged.journal.entry(entry).unwrap();
    let own_entry = mine.journal.entry(entry).unwrap();
    assert_eq!(merged_entry.texts, own_entry.texts);
    assert_eq!(merged_entry.feedback.len(), own_entry.feedback.len() + 1);
    assert_eq!(merged.journal.cases[0].title, mine.journal.cases[0].title);
    let (again, report) = apply(&merged, &incoming, BundleKind::Feedback, &|_| {
        Resolution::NewerWins
    })
    .unwrap();
    assert_eq!(report.changes(), 0);
    assert_eq!(again, merged);
}

#[test]
fn a_merge_that_would_break_a_rule_changes_nothing() {
    let mine = doc();
    let mut theirs = mine.clone();
    // A new entry of theirs refers to a case that exists nowhere.
    let mut stray = theirs.journal.entries[0].clone();
    stray.id = Id::from_u128(0xE7);
    stray.case_id = Id::from_u128(0xDEAD);
    theirs.journal.entries.push(stray);
    let result = apply(&mine, &theirs, BundleKind::Participant, &|_| {
        Resolution::NewerWins
    });
    assert!(result.is_err());
}

#[test]
fn a_changed_bundle_is_refused_by_its_digest() {
    let text = export(&doc());
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["contents"]["profile"]["course"] = "gewijzigd".into();
    assert_eq!(
        read(v.to_string().as_bytes()).unwrap_err(),
        BundleError::DigestMismatch
    );
}

#[test]
fn a_bundle_another_program_rewrote_is_checked_the_full_way() {
    let d = doc();
    let bundle = build(&d, &Selection::everything(), BundleKind::Participant, now());
    let mut envelope = serde_json::to_value(&bundle).unwrap();
    envelope.as_object_mut().unwrap().remove("contents");
    let mut text = envelope.to_string();
    text.pop();
    // The same data with its keys in the document's own field order (schema, app,
    // revision, profile, …), not sorted: not the text Leerspoor writes.
    let shared = selected(&d, &Selection::everything());
    text.push_str(&format!(
        ",\"contents\":{}}}",
        serde_json::to_string(&shared).unwrap()
    ));
    assert!(super::read::read_quickly(&text).is_none());
    assert_eq!(ready(&text).document, ready(&export(&d)).document);
    // The quick way does read the file as exported.
    assert!(matches!(
        super::read::read_quickly(&export(&d)),
        Some(Ok(_))
    ));
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let big = vec![b' '; 50 * 1024 * 1024];
    let err = read(&big).unwrap_err();
    assert!(matches!(err, BundleError::TooLarge { .. }));
    assert!(err.message(Lang::Nl).contains("50 MB"));
    assert!(err.message(Lang::En).contains("too large (50 MB)"));
}

#[test]
fn the_parser_never_panics_on_arbitrary_bytes() {
    // A small, seeded fuzz: random bytes, and random cuts and flips of a real bundle.
    let original = sample::document(
        1,
        "A",
        &Size {
            cases: 2,
            entries: 4,
            actors: 5,
            ties: 6,
            scans: 1,
        },
    );
    let valid = export(&original);
    let mut unchanged = original.clone();
    unchanged.journal.bin.clear();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..400 {
        let len = (next() % 300) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
        let _ = read(&bytes);
        let mut mutated = valid.clone().into_bytes();
        let cut = (next() as usize) % mutated.len();
        mutated.truncate(cut);
        let _ = read(&mutated);
        let mut flipped = valid.clone().into_bytes();
        let at = (next() as usize) % flipped.len();
        flipped[at] = next() as u8;
        // A flip may land in white space or in the envelope's own fields (the digest
        // covers the contents): then the bundle still reads, with the contents unchanged.
        if let Ok(Opened::Ready(incoming)) = read(&flipped) {
            assert_eq!(incoming.document, unchanged);
        }
    }
}

// ---- Fixtures: one file per kind of bad input, kept in tests/fixtures/bad-bundles/.

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad-bundles")
}

/// What each fixture must produce. The browser tests read the same files.
fn expected(name: &str, result: &Result<Opened, BundleError>) -> bool {
    use BundleError as E;
    match (name, result) {
        ("empty.json", Err(E::Empty)) => true,
        ("report.pdf", Err(E::Binary { kind })) => *kind == BinaryKind::Pdf,
        ("photo.png", Err(E::Binary { kind })) => *kind == BinaryKind::Png,
        ("letter.docx", Err(E::Binary { kind })) => *kind == BinaryKind::Zip,
        ("truncated.json", Err(E::NotJson { .. })) => true,
        ("other-kind.json", Err(E::NotABundle)) => true,
        ("framework.json", Err(E::FrameworkFile)) => true,
        ("duplicate-ids.json", Err(E::Contents(RestoreError::Invalid { problems }))) => problems
            .iter()
            .any(|p| p.message(Lang::Nl).contains("meer dan eens")),
        ("dangling-reference.json", Err(E::Contents(RestoreError::Invalid { .. }))) => true,
        ("invalid-date.json", Err(E::Contents(RestoreError::Shape { .. }))) => true,
        ("level-out-of-range.json", Err(E::Contents(RestoreError::Invalid { .. }))) => true,
        ("wrong-types.json", Err(E::Contents(RestoreError::Shape { .. }))) => true,
        ("deep-nesting.json", Err(E::TooDeep)) => true,
        ("newer-format.json", Err(E::NewerFormat { app, .. })) => app == "3.0.0",
        ("newer-contents.json", Err(E::Contents(RestoreError::NewerSchema { .. }))) => true,
        ("damaged-digest.json", Err(E::DigestMismatch)) => true,
        ("duplicate-kind.json", Err(E::DuplicateKey { key, .. })) => key == "kind",
        ("both-contents.json", Err(E::BothContents)) => true,
        ("bad-base64.json", Err(E::BadEncryptedField { field, problem })) => {
            *field == "ciphertext" && *problem == EncodingProblem::NotBase64
        }
        ("changed-kind.json", Err(E::DigestMismatch)) => true,
        (
            "resaved-dangling-reference.json",
            Err(E::Contents(RestoreError::Invalid { problems })),
        ) => matches!(
            problems[..],
            [crate::model::validation::Problem::DanglingRef { .. }]
        ),
        ("resaved-invalid-date.json", Err(E::Contents(RestoreError::Shape(shape)))) => {
            shape.field == "start"
        }
        ("html-and-script.json", Ok(Opened::Ready(incoming))) => incoming
            .document
            .journal
            .cases
            .iter()
            .any(|c| c.title.contains("<script>")),
        _ => false,
    }
}

#[test]
fn every_bad_bundle_fixture_gets_its_own_error() {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let result = read(&bytes);
        assert!(expected(&name, &result), "{name}: {result:?}");
        if let Err(e) = &result {
            assert!(!e.message(Lang::Nl).is_empty());
            let english = e.message(Lang::En);
            // Words only Dutch messages have: a hit is a message or a noun left untranslated.
            for dutch in [
                " de ", " het ", " een ", " niet ", " van ", "bundel", "casus", "notitie",
                "verwijst", " is leeg", "zelfscan", "kader ",
            ] {
                assert!(!english.contains(dutch), "{name}: {dutch:?} in {english}");
            }
        }
        seen += 1;
    }
    assert_eq!(seen, 23);
}

/// Rewrites the fixtures: `cargo test --lib write_bad_bundle_fixtures -- --ignored`.
#[test]
#[ignore]
fn write_bad_bundle_fixtures() {
    let dir = fixtures_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    let small = fixture_profile();
    // These fixtures are bundles of version 1, as Leerspoor 0.1 wrote them: they stay,
    // so that version 1 keeps being read (and refused) as it was.
    let base = version_1(&small);
    // Rewrites the contents and signs them again, so the error found is the one meant.
    let resigned = |change: &dyn Fn(&mut Value)| {
        let mut v = base.clone();
        change(&mut v["contents"]);
        v["digest"] = digest(&v["contents"]).into();
        serde_json::to_string_pretty(&v).unwrap()
    };
    write("empty.json", b"");
    write(
        "report.pdf",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n",
    );
    write(
        "photo.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0",
    );
    write(
        "letter.docx",
        b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0word/document.xml",
    );
    let full = serde_json::to_string_pretty(&base).unwrap();
    write("truncated.json", &full.as_bytes()[..full.len() / 2]);
    write(
        "other-kind.json",
        br#"{"name": "my-package", "version": "1.0.0", "dependencies": {}}"#,
    );
    write(
        "framework.json",
        export_framework(&default_framework()).as_bytes(),
    );
    write(
        "duplicate-ids.json",
        resigned(&|c| {
            let first = c["journal"]["cases"][0].clone();
            c["journal"]["cases"].as_array_mut().unwrap().push(first);
        })
        .as_bytes(),
    );
    write(
        "dangling-reference.json",
        resigned(&|c| {
            c["journal"]["entries"][0]["case_id"] = "00000000-0000-4000-8000-00000000dead".into();
        })
        .as_bytes(),
    );
    write(
        "invalid-date.json",
        resigned(&|c| {
            c["journal"]["cases"][0]["start"] = "2026-02-31".into();
        })
        .as_bytes(),
    );
    write(
        "level-out-of-range.json",
        resigned(&|c| {
            let ratings = c["selfscan"]["scans"][0]["ratings"]
                .as_object_mut()
                .unwrap();
            let first = ratings.keys().next().unwrap().clone();
            ratings[&first]["rating"] = json!({"level": 9});
        })
        .as_bytes(),
    );
    write(
        "wrong-types.json",
        resigned(&|c| {
            c["network"]["actors"][0]["influence"] = "veel".into();
        })
        .as_bytes(),
    );
    let deep = format!(
        "{{\"format\":\"leerspoor-bundel\",\"x\":{}{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    write("deep-nesting.json", deep.as_bytes());
    let mut newer = base.clone();
    newer["schema"] = 3.into();
    newer["app"] = "3.0.0".into();
    write(
        "newer-format.json",
        serde_json::to_string_pretty(&newer).unwrap().as_bytes(),
    );
    write(
        "newer-contents.json",
        resigned(&|c| {
            c["schema"] = 7.into();
            c["app"] = "3.0.0".into();
        })
        .as_bytes(),
    );
    let mut damaged = base.clone();
    damaged["contents"]["profile"]["course"] = "Na export gewijzigd".into();
    write(
        "damaged-digest.json",
        serde_json::to_string_pretty(&damaged).unwrap().as_bytes(),
    );
    write(
        "html-and-script.json",
        resigned(&|c| {
            c["journal"]["cases"][0]["title"] =
                "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> Casus"
                    .into();
            c["network"]["actors"][0]["name"] =
                "<b>Vet</b> \u{202e}tekst van rechts\u{202c} 👩🏽‍🌾".into();
        })
        .as_bytes(),
    );
}

/// The small fixture profile's bundle as Leerspoor 0.1 wrote it: version 1, whose
/// digest covers the contents only.
fn version_1(doc: &Document) -> Value {
    let mut v: Value = serde_json::from_str(&export(doc)).unwrap();
    v["schema"] = 1.into();
    v["digest"] = digest(&v["contents"]).into();
    v
}

fn fixture_profile() -> Document {
    sample::document(
        11,
        "Fixture Deelnemer",
        &Size {
            cases: 2,
            entries: 3,
            actors: 4,
            ties: 4,
            scans: 1,
        },
    )
}

/// JSON as another program might save it: four spaces, keys in the types' own order
/// (not sorted), so only the full reader can check it.
fn resaved<T: serde::Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut writer = serde_json::Serializer::with_formatter(&mut out, formatter);
    value.serialize(&mut writer).unwrap();
    String::from_utf8(out).unwrap()
}

/// A version 1 envelope around `contents` (text), signed over their parsed value,
/// written in another order than Leerspoor's.
fn resaved_bundle(doc: &Document, contents: &str) -> String {
    let value: Value = serde_json::from_str(contents).unwrap();
    format!(
        "{{\n    \"schema\": 1,\n    \"kind\": \"participant\",\n    \"format\": \"leerspoor-bundel\",\n    \"from\": {},\n    \"exported\": \"2026-11-28T10:00:00Z\",\n    \"app\": \"0.1.0\",\n    \"digest\": \"{}\",\n    \"contents\": {}\n}}\n",
        resaved(&Sender {
            profile: doc.profile.id,
            name: doc.profile.name.clone(),
            role: doc.profile.role,
        }),
        digest(&value),
        contents
    )
}

/// Writes the fixtures of the envelope's protection and of the full reader:
/// `cargo test --lib write_envelope_fixtures -- --ignored`.
#[test]
#[ignore]
fn write_envelope_fixtures() {
    let dir = fixtures_dir();
    let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).unwrap();
    let small = fixture_profile();
    let v1 = serde_json::to_string_pretty(&version_1(&small)).unwrap();
    // "kind" twice: a reader that keeps the last sees feedback, one that keeps the
    // first a participant's data.
    let twice = v1.replacen(
        "  \"kind\": \"participant\",\n",
        "  \"kind\": \"participant\",\n  \"kind\": \"feedback\",\n",
        1,
    );
    assert_ne!(twice, v1);
    write("duplicate-kind.json", &twice);
    let sealed: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("../encrypted-bundle.json")).unwrap(),
    )
    .unwrap();
    let mut both = version_1(&small);
    both["encrypted"] = sealed["encrypted"].clone();
    write(
        "both-contents.json",
        &serde_json::to_string_pretty(&both).unwrap(),
    );
    let mut damaged = sealed.clone();
    let ciphertext = damaged["encrypted"]["ciphertext"]
        .as_str()
        .unwrap()
        .to_string();
    damaged["encrypted"]["ciphertext"] =
        format!("{}!*{}", &ciphertext[..8], &ciphertext[8..]).into();
    write(
        "bad-base64.json",
        &serde_json::to_string_pretty(&damaged).unwrap(),
    );
    // Version 2: the kind changed after export, the digest left as it was.
    let mut changed: Value = serde_json::from_str(&export(&small)).unwrap();
    assert_eq!(changed["schema"], 2);
    changed["kind"] = "feedback".into();
    write(
        "changed-kind.json",
        &serde_json::to_string_pretty(&changed).unwrap(),
    );
    // Re-saved by another program, with a mistake inside and the digest made to fit.
    let mut dangling = selected(&small, &Selection::everything());
    dangling.journal.entries[0].case_id = Id::from_u128(0xDEAD);
    write(
        "resaved-dangling-reference.json",
        &resaved_bundle(&small, &resaved(&dangling)),
    );
    let shared = selected(&small, &Selection::everything());
    let start = format!("\"start\": \"{}\"", shared.journal.cases[0].start);
    let text = resaved(&shared);
    let impossible = text.replacen(&start, "\"start\": \"2026-02-31\"", 1);
    assert_ne!(impossible, text);
    write(
        "resaved-invalid-date.json",
        &resaved_bundle(&small, &impossible),
    );
    // A bundle saved again by Notepad as "Unicode": UTF-16 little-endian with a BOM.
    let named = sample::document(12, "Zoë Kladblok", &Size::REALISTIC);
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in export(&named).encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    std::fs::write(dir.join("../utf16-bundle.json"), utf16).unwrap();
}

// ---- The envelope, limits and encodings (issue 20).

fn with_changed_envelope(change: &dyn Fn(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&export(&doc())).unwrap();
    change(&mut v);
    serde_json::to_string_pretty(&v).unwrap()
}

#[test]
fn a_key_twice_anywhere_is_refused_and_named() {
    let text = export(&doc());
    // In the envelope: as Leerspoor writes it, and with the second one last.
    let twice = text.replacen(
        "\"kind\": \"participant\",",
        "\"kind\": \"participant\", \"kind\": \"feedback\",",
        1,
    );
    let err = read(twice.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, BundleError::DuplicateKey { key, line: 6, .. } if key == "kind"),
        "{err:?}"
    );
    assert_eq!(
        err.message(Lang::Nl),
        "De bundel is na het exporteren bewerkt of beschadigd: de naam “kind” staat twee keer in hetzelfde object (regel 6, kolom 43), dus welke waarde bedoeld is, is niet te zeggen. Er is niets ingelezen; vraag om een nieuwe export."
    );
    assert!(err.message(Lang::En).starts_with(
        "The bundle was edited or damaged after it was exported: the name “kind” appears twice"
    ));
    // In the sender, and deep in the contents: in a record and in a map of ratings,
    // where a typed reader would keep the last without a word.
    let d = doc();
    let in_from = text.replacen(
        "\"name\": \"Sanne de Vries\",",
        "\"name\": \"Sanne de Vries\", \"name\": \"Iemand Anders\",",
        1,
    );
    assert!(
        matches!(read(in_from.as_bytes()), Err(BundleError::DuplicateKey { key, .. }) if key == "name")
    );
    let indicator = d.selfscan.scans[0].ratings.keys().next().unwrap().clone();
    let key = format!("\"{indicator}\": {{");
    assert!(text.contains(&key));
    let in_ratings = text.replacen(
        &key,
        &format!("\"{indicator}\": {{\"rating\": {{\"level\": 1}}}}, {key}"),
        1,
    );
    let err = read(in_ratings.as_bytes()).unwrap_err();
    assert!(
        matches!(&err, BundleError::DuplicateKey { key, .. } if *key == indicator),
        "{err:?}"
    );
    // Encrypted: a key twice in the decrypted contents is named too.
    assert!(matches!(
        open_plaintext(
            build(&d, &Selection::everything(), BundleKind::Participant, now()),
            r#"{"schema":2,"schema":2}"#
        ),
        Err(BundleError::DuplicateKey { .. })
    ));
}

#[test]
fn version_2_digest_covers_kind_sender_and_date() {
    let text = export(&doc());
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["schema"], 2);
    assert!(matches!(read(text.as_bytes()), Ok(Opened::Ready(_))));
    for change in [
        &(|v: &mut Value| v["kind"] = "feedback".into()) as &dyn Fn(&mut Value),
        &|v| v["from"]["name"] = "Iemand Anders".into(),
        &|v| v["from"]["role"] = "coach".into(),
        &|v| v["exported"] = "2020-01-01T00:00:00Z".into(),
        &|v| v["app"] = "0.0.1".into(),
    ] {
        let changed = with_changed_envelope(change);
        assert_eq!(
            read(changed.as_bytes()).unwrap_err(),
            BundleError::DigestMismatch
        );
        // The full reader, for a file in another layout, agrees.
        assert!(matches!(
            super::read::read_fully(&changed),
            Err(BundleError::DigestMismatch)
        ));
    }
    // The same meaning in another layout still reads: the digest is of the meaning.
    let relaid = with_changed_envelope(&|v| v["exported"] = "2026-11-28T11:00:00+01:00".into());
    assert!(matches!(read(relaid.as_bytes()), Ok(Opened::Ready(_))));
}

#[test]
fn version_1_bundles_still_read_with_the_digest_of_their_contents() {
    let d = doc();
    let v1 = serde_json::to_string(&version_1(&d)).unwrap();
    let incoming = ready(&v1);
    assert_eq!(incoming.bundle.schema, 1);
    assert_eq!(incoming.document.profile, d.profile);
    // A version 1 bundle claiming version 2 no longer matches its digest.
    let claimed = v1.replacen("\"schema\":1", "\"schema\":2", 1);
    assert_ne!(claimed, v1);
    assert_eq!(
        read(claimed.as_bytes()).unwrap_err(),
        BundleError::DigestMismatch
    );
}

#[test]
fn a_sealed_bundle_of_version_2_opens_and_its_envelope_is_checked_once_decrypted() {
    let d = doc();
    let bundle = build(&d, &Selection::everything(), BundleKind::Participant, now());
    let plaintext = bundle.contents_text().unwrap();
    let sealed = bundle.sealed(Encrypted {
        cipher: CIPHER.into(),
        kdf: KDF.into(),
        iterations: MIN_ITERATIONS,
        salt: "c2FsdHNhbHRzYWx0c2FsdA==".into(),
        nonce: "bm9uY2Vub25jZW5v".into(),
        ciphertext: "AAAAAAAAAAAAAAAAAAAAAA==".into(),
    });
    let mut v = serde_json::to_value(&sealed).unwrap();
    v["kind"] = "feedback".into();
    let Ok(Opened::Locked(locked)) = read(v.to_string().as_bytes()) else {
        panic!("not locked")
    };
    assert_eq!(
        open_plaintext(*locked, &plaintext).unwrap_err(),
        BundleError::DigestMismatch
    );
}

#[test]
fn both_contents_and_encrypted_or_bad_base64_are_refused_before_a_passphrase() {
    let d = doc();
    let bundle = build(&d, &Selection::everything(), BundleKind::Participant, now());
    let encrypted = Encrypted {
        cipher: CIPHER.into(),
        kdf: KDF.into(),
        iterations: MIN_ITERATIONS,
        salt: "c2FsdHNhbHRzYWx0c2FsdA==".into(),
        nonce: "bm9uY2Vub25jZW5v".into(),
        ciphertext: "AAAAAAAAAAAAAAAAAAAAAA==".into(),
    };
    let mut both = serde_json::to_value(&bundle).unwrap();
    both["encrypted"] = serde_json::to_value(&encrypted).unwrap();
    let err = read(both.to_string().as_bytes()).unwrap_err();
    assert_eq!(err, BundleError::BothContents);
    assert!(err
        .message(Lang::En)
        .contains("both readable contents (“contents”) and encrypted ones (“encrypted”)"));
    let sealed = serde_json::to_value(bundle.sealed(encrypted)).unwrap();
    let cases: [(&str, &str, EncodingProblem); 4] = [
        ("ciphertext", "AAAA!AAA", EncodingProblem::NotBase64),
        ("salt", "c2Fsd=A=", EncodingProblem::NotBase64),
        (
            "nonce",
            "bm9uY2U=",
            EncodingProblem::Length {
                bytes: 5,
                needed: 12,
            },
        ),
        (
            "ciphertext",
            "AAAA",
            EncodingProblem::Length {
                bytes: 3,
                needed: 16,
            },
        ),
    ];
    for (field, text, problem) in cases {
        let mut v = sealed.clone();
        v["encrypted"][field] = text.into();
        assert_eq!(
            read(v.to_string().as_bytes()).unwrap_err(),
            BundleError::BadEncryptedField { field, problem },
            "{field} {text}"
        );
    }
    assert_eq!(
        BundleError::BadEncryptedField { field: "nonce", problem: EncodingProblem::NotBase64 }.message(Lang::Nl),
        "De versleutelde bundel is beschadigd: veld “encrypted.nonce” is geen geldige base64. Er is niets ingelezen; vraag om een nieuwe export."
    );
    // What atob accepts is accepted: white space, and no padding.
    assert_eq!(
        super::read::base64_len("c2Fs dHNh\nbHRz YWx0c2FsdA"),
        Some(16)
    );
    assert_eq!(super::read::base64_len(""), Some(0));
    assert_eq!(super::read::base64_len("A"), None);
    assert_eq!(super::read::base64_len("AA=A"), None);
}

#[test]
fn utf16_with_a_byte_order_mark_and_utf8_with_one_are_read() {
    let d = doc();
    let text = export(&d);
    let expected = ready(&text).document;
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    let mut bom8 = b"\xEF\xBB\xBF".to_vec();
    bom8.extend(text.as_bytes());
    for bytes in [le.clone(), be, bom8] {
        let Ok(Opened::Ready(incoming)) = read(&bytes) else {
            panic!("not read")
        };
        assert_eq!(incoming.document, expected);
    }
    // The fixture Notepad might have saved.
    let fixture = std::fs::read(fixtures_dir().join("../utf16-bundle.json")).unwrap();
    let Ok(Opened::Ready(incoming)) = read(&fixture) else {
        panic!("fixture not read")
    };
    assert_eq!(incoming.bundle.from.name, "Zoë Kladblok");
    // Half a character, or a lone surrogate, is not text; nor is Latin-1 without a mark.
    le.pop();
    assert_eq!(read(&le).unwrap_err(), BundleError::NotText);
    assert_eq!(
        read(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).unwrap_err(),
        BundleError::NotText
    );
    let err = read(b"{\"name\": \"Caf\xE9\"}").unwrap_err();
    assert_eq!(err, BundleError::NotText);
    assert_eq!(
        err.message(Lang::Nl),
        "Dit bestand is geen tekst in UTF-8 of UTF-16 en dus geen Leerspoor-bundel."
    );
}

#[test]
fn a_name_of_15_million_characters_is_refused_at_once_and_named() {
    // The profile's name in the contents; the sender's name, shown first, is short.
    let mut d = doc();
    d.profile.name = "x".repeat(15_000_000);
    let bundle =
        build(&d, &Selection::everything(), BundleKind::Participant, now()).sent_by(Sender {
            profile: d.profile.id,
            name: "Sanne".into(),
            role: d.profile.role,
        });
    let text = serde_json::to_string(&bundle).unwrap();
    let started = std::time::Instant::now();
    let err = read(text.as_bytes()).unwrap_err();
    let took = started.elapsed();
    assert_eq!(
        err.message(Lang::Nl),
        format!("De inhoud van de bundel is niet bruikbaar. De gegevens zijn niet geldig:\n• profiel {}: naam is 15.000.000 tekens lang; hoogstens 100 mag.", d.profile.id)
    );
    assert_eq!(
        err.message(Lang::En),
        format!("The contents of the bundle cannot be used. The data is not valid:\n• profile {}: name is 15,000,000 characters long; at most 100 are allowed.", d.profile.id)
    );
    // The browser took 6 s to preview it. Optimised, reading 15 MB is a few passes over
    // the bytes; a debug build spends seconds in the unoptimised SHA-256 alone, so only
    // an optimised test run is timed (the browser test times the real thing).
    if !cfg!(debug_assertions) {
        assert!(took < std::time::Duration::from_millis(500), "{took:?}");
    }
    // The sender's name too long: refused from the envelope, before the contents.
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["from"]["name"] = "y".repeat(101).into();
    let err = read(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        err,
        BundleError::EnvelopeTooLong {
            field: "from.name",
            chars: 101,
            max: 100
        }
    );
    assert_eq!(
        err.message(Lang::Nl),
        "De bundel heeft niet de verwachte vorm. Veld “from.name”: is 101 tekens lang; hoogstens 100 mag."
    );
}

#[test]
fn every_limit_names_record_and_field_in_both_languages() {
    let mut d = doc();
    d.network.actors[0].notes = "n".repeat(5_001);
    d.journal.entries[0]
        .texts
        .insert("wat".into(), "é".repeat(20_001));
    d.journal.cases[0].title = "t".repeat(201);
    let actor = &d.network.actors[0];
    let (actor_id, actor_name) = (actor.id, actor.name.clone());
    let problems = d.check_limits();
    let messages: Vec<String> = problems.iter().map(|p| p.message(Lang::Nl)).collect();
    assert!(
        messages.contains(&format!(
            "actor {actor_id} (“{actor_name}”): notities is 5.001 tekens lang; hoogstens 5.000 mag."
        )),
        "{messages:?}"
    );
    assert!(messages.contains(&format!(
        "casus {}: titel is 201 tekens lang; hoogstens 200 mag.",
        d.journal.cases[0].id
    )));
    assert!(messages.contains(&format!(
        "journaalnotitie {}: antwoord is 20.001 tekens lang; hoogstens 20.000 mag.",
        d.journal.entries[0].id
    )));
    let english: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
    assert!(english.contains(&format!(
        "actor {actor_id} (“{actor_name}”): notes is 5,001 characters long; at most 5,000 are allowed."
    )));
    // A bundle of such a document is not made: Delen names what to shorten. Left out of
    // the selection, the network's notes do not count.
    assert_eq!(unreadable(&d, &Selection::everything()).len(), 3);
    let without_map = Selection {
        network: false,
        ..Selection::everything()
    };
    assert_eq!(unreadable(&d, &without_map).len(), 2);
    // Exactly at the limit is fine; characters are counted, not bytes.
    let mut d = doc();
    d.network.actors[0].notes = "é".repeat(5_000);
    assert!(d.check_limits().is_empty());
    // Counts: a map of 1,001 actors is refused before any other check runs.
    let mut d = doc();
    let template = d.network.actors[0].clone();
    for n in 0..1_001u128 {
        let mut a = template.clone();
        a.id = Id::from_u128(0xAC70_0000 + n);
        d.network.actors.push(a);
    }
    let err = read(
        serde_json::to_string(&build(
            &d,
            &Selection::everything(),
            BundleKind::Participant,
            now(),
        ))
        .unwrap()
        .as_bytes(),
    )
    .unwrap_err();
    let n = d.network.actors.len();
    assert_eq!(
        err.message(Lang::Nl),
        format!("De inhoud van de bundel is niet bruikbaar. De gegevens zijn niet geldig:\n• netwerkkaart: {n} actoren, terwijl Leerspoor er hoogstens 1000 leest.")
    );
    assert_eq!(
        err.message(Lang::En),
        format!("The contents of the bundle cannot be used. The data is not valid:\n• network map: {n} actors, while Leerspoor reads at most 1000.")
    );
}

#[test]
fn a_resaved_bundle_with_a_mistake_takes_the_full_way_and_is_refused_precisely() {
    for (name, nl) in [
        (
            "resaved-dangling-reference.json",
            "De inhoud van de bundel is niet bruikbaar. De gegevens zijn niet geldig:\n• journaalnotitie ",
        ),
        (
            "resaved-invalid-date.json",
            "De inhoud van de bundel is niet bruikbaar. De gegevens hebben niet de verwachte vorm. casus ",
        ),
    ] {
        let text = std::fs::read_to_string(fixtures_dir().join(name)).unwrap();
        assert!(super::read::read_quickly(&text).is_none(), "{name}");
        let message = read(text.as_bytes()).unwrap_err().message(Lang::Nl);
        assert!(message.starts_with(nl), "{name}: {message}");
    }
    let text = std::fs::read_to_string(fixtures_dir().join("resaved-invalid-date.json")).unwrap();
    let message = read(text.as_bytes()).unwrap_err().message(Lang::En);
    assert!(
        message.ends_with(", field “start”: “2026-02-31” is not a real date or time."),
        "{message}"
    );
}

#[test]
fn counts_read_in_either_language() {
    let c = Counts {
        scans: 1,
        goals: 2,
        cases: 3,
        entries: 1,
        actors: 0,
        ties: 5,
    };
    assert_eq!(
        c.summary(Lang::Nl),
        "1 scan, 2 ontwikkeldoelen, 3 casussen met 1 notitie, netwerkkaart met 0 actoren en 5 relaties"
    );
    assert_eq!(
        c.summary(Lang::En),
        "1 scan, 2 development goals, 3 cases with 1 entry, network map with 0 actors and 5 relationships"
    );
}

#[test]
fn a_bundle_knows_whose_it_is() {
    let d = doc();
    let own = ready(&export(&d));
    assert_eq!(relation(&own, d.id()), Relation::Own);
    assert_eq!(relation(&own, Id::from_u128(99)), Relation::Foreign);
    let feedback = build(&d, &Selection::everything(), BundleKind::Feedback, now());
    let feedback = ready(&serde_json::to_string(&feedback).unwrap());
    assert_eq!(relation(&feedback, d.id()), Relation::FeedbackForMe);
}

#[test]
fn a_sealed_bundle_is_locked_until_its_plaintext_checks_out() {
    let d = doc();
    let bundle = build(&d, &Selection::everything(), BundleKind::Participant, now());
    let plaintext = bundle.contents_text().unwrap();
    let sealed = bundle.sealed(Encrypted {
        cipher: CIPHER.into(),
        kdf: KDF.into(),
        iterations: MIN_ITERATIONS,
        salt: "c2FsdHNhbHRzYWx0c2FsdA==".into(),
        nonce: "bm9uY2Vub25jZW5v".into(),
        ciphertext: "AAAAAAAAAAAAAAAAAAAAAA==".into(),
    });
    let text = serde_json::to_string(&sealed).unwrap();
    assert!(!text.contains(&d.profile.course));
    let Ok(Opened::Locked(locked)) = read(text.as_bytes()) else {
        panic!("not locked")
    };
    let incoming = open_plaintext(*locked.clone(), &plaintext).unwrap();
    let mut expected = d.clone();
    expected.journal.bin.clear();
    assert_eq!(incoming.document, expected);
    // Garbage from a wrong key never gets past the digest.
    assert_eq!(
        open_plaintext(*locked.clone(), "{\"x\":1}").unwrap_err(),
        BundleError::DigestMismatch
    );
    assert_eq!(
        open_plaintext(*locked, "\u{1}\u{2}").unwrap_err(),
        BundleError::WrongPassphrase
    );
}

#[test]
fn an_absurd_work_factor_is_refused_before_any_work() {
    let d = doc();
    let mut v: Value = serde_json::to_value(
        build(&d, &Selection::everything(), BundleKind::Participant, now()).sealed(Encrypted {
            cipher: CIPHER.into(),
            kdf: KDF.into(),
            iterations: MIN_ITERATIONS,
            salt: String::new(),
            nonce: String::new(),
            ciphertext: String::new(),
        }),
    )
    .unwrap();
    v["encrypted"]["iterations"] = 4_000_000_000u32.into();
    assert!(matches!(
        read(v.to_string().as_bytes()),
        Err(BundleError::UnsupportedEncryption { .. })
    ));
    v["encrypted"]["iterations"] = 1_000.into();
    let err = read(v.to_string().as_bytes()).unwrap_err();
    assert!(matches!(
        err,
        BundleError::UnsupportedEncryption {
            iterations: 1_000,
            ..
        }
    ));
    assert!(err
        .message(Lang::Nl)
        .contains("met PBKDF2-SHA256 en 1000 herhalingen wordt niet ondersteund"));
}

#[test]
fn passphrases_are_long_enough_and_typed_twice_alike() {
    assert_eq!(
        check_passphrase("kort", "kort"),
        Err(PassphraseError::TooShort)
    );
    assert_eq!(
        check_passphrase("een lange zin", "een lange zim"),
        Err(PassphraseError::Different)
    );
    assert!(PassphraseError::TooShort
        .message(Lang::Nl)
        .contains("minstens 10 tekens"));
    assert!(PassphraseError::TooShort
        .message(Lang::En)
        .contains("at least 10 characters"));
    assert!(check_passphrase("een lange zin", "een lange zin").is_ok());
}

#[test]
fn the_encrypted_fixture_is_locked_with_supported_parameters() {
    let bytes = std::fs::read(fixtures_dir().join("../encrypted-bundle.json")).unwrap();
    let Ok(Opened::Locked(bundle)) = read(&bytes) else {
        panic!("not locked")
    };
    assert!(bundle.encrypted.as_ref().unwrap().is_supported());
    assert_eq!(bundle.from.name, "Versleutelde Fixture");
}

#[test]
fn a_wrong_envelope_field_is_named_without_serde_text() {
    let wrong = with_changed_envelope(&|v| v["kind"] = "bogus".into());
    assert_eq!(
        read(wrong.as_bytes()).unwrap_err().message(Lang::Nl),
        "De bundel heeft niet de verwachte vorm. Veld “kind”: is “bogus”, maar moet een van deze waarden zijn: “participant”, “feedback”, “rating_request”, “rating_answer”."
    );
    let wrong = with_changed_envelope(&|v| v["from"]["role"] = 2.5.into());
    assert_eq!(
        read(wrong.as_bytes()).unwrap_err().message(Lang::En),
        "The bundle does not have the expected shape. sender, field “role”: is the number 2.5, but must be one of the fixed values."
    );
}
