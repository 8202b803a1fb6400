//! Property tests: the bundle rules hold for generated documents and arbitrary bytes, not
//! only for the examples in `tests.rs`. Each property runs a few dozen cases, so `cargo
//! test` stays quick; proptest shrinks any failure to a small document to look at.

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;

use super::*;
use crate::model::sample::{self, Size};
use crate::model::{Document, Id};

fn now() -> DateTime<Utc> {
    "2026-11-28T10:00:00Z".parse().unwrap()
}

fn export(doc: &Document) -> String {
    serde_json::to_string(&build(
        doc,
        &Selection::everything(),
        BundleKind::Participant,
        now(),
    ))
    .unwrap()
}

fn import(text: &str) -> Document {
    match read(text.as_bytes()) {
        Ok(Opened::Ready(incoming)) => incoming.document,
        other => panic!("an export must read back, got {other:?}"),
    }
}

/// Text a user could type: letters, digits, markup, quotes, right-to-left marks, emoji.
fn typed() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9àéïöüß€😀<>&\"'/\\\\\u{202E}\u{05D0}]([a-zA-Z0-9 àéïöüß€😀<>&\"'/\\\\\u{202E}\u{05D0}]{0,38}[a-zA-Z0-9àé😀<>&\"'])?"
}

/// A small generated document, with typed text put into its cases, entries and actors.
fn document() -> impl Strategy<Value = Document> {
    (
        any::<u64>(),
        1..4usize,
        0..10usize,
        2..8usize,
        0..8usize,
        0..3usize,
        proptest::collection::vec(typed(), 4),
    )
        .prop_map(|(seed, cases, entries, actors, ties, scans, texts)| {
            let size = Size {
                cases,
                entries,
                actors,
                ties,
                scans,
            };
            let mut doc = sample::document(seed, "Sanne", &size);
            if let Some(case) = doc.journal.cases.first_mut() {
                case.title = texts[0].clone();
                case.situation = texts[1].clone();
            }
            if let Some(entry) = doc.journal.entries.first_mut() {
                if let Some(text) = entry.texts.values_mut().next() {
                    *text = texts[2].clone();
                }
            }
            if let Some(actor) = doc.network.actors.first_mut() {
                actor.name = texts[3].clone();
            }
            doc.normalise();
            doc
        })
}

/// What the same participant's data looks like on another laptop: some cases retitled
/// (some later, some earlier than here), one new case.
fn other_laptop(mine: &Document, edits: &[(usize, bool, String)], add: bool) -> Document {
    let mut theirs = mine.clone();
    let n = theirs.journal.cases.len();
    for (i, later, title) in edits {
        let case = &mut theirs.journal.cases[i % n];
        case.title = title.clone();
        case.updated = if *later {
            case.updated + Duration::days(1)
        } else {
            case.updated - Duration::days(1)
        };
    }
    if add {
        let mut extra = theirs.journal.cases[0].clone();
        extra.id = Id::from_u128(0xCA5E_0000_0000_0000_0000_0000_0000_0001);
        extra.title = "Nieuw op de andere laptop".into();
        theirs.journal.cases.push(extra);
    }
    theirs.normalise();
    theirs
}

/// The user's choice per conflict, fixed by the conflict's key, so that a second import
/// sees the same choices as the first.
fn chooser(seed: u64) -> impl Fn(&Conflict) -> Resolution {
    move |c: &Conflict| {
        let h = c
            .key
            .bytes()
            .fold(seed, |h, b| h.rotate_left(5) ^ u64::from(b));
        match h % 3 {
            0 => Resolution::NewerWins,
            1 => Resolution::KeepBoth,
            _ => Resolution::Skip,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_identical_data(doc in document()) {
        let mut expected = doc.clone();
        // The bin is not shared: deleted writing stays on the laptop it was deleted on.
        expected.journal.bin.clear();
        prop_assert_eq!(import(&export(&doc)), expected);
    }

    #[test]
    fn importing_the_same_bundle_twice_changes_nothing_the_second_time(
        mine in document(),
        edits in proptest::collection::vec((any::<usize>(), any::<bool>(), typed()), 0..4),
        add in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let theirs = other_laptop(&mine, &edits, add);
        let incoming = import(&export(&theirs));
        let choose = chooser(seed);
        let (once, _) = apply(&mine, &incoming, BundleKind::Participant, &choose).unwrap();
        let (twice, report) = apply(&once, &incoming, BundleKind::Participant, &choose).unwrap();
        prop_assert_eq!(report.changes(), 0);
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn the_quick_way_reads_what_the_full_way_reads(doc in document(), pretty in any::<bool>()) {
        let bundle = build(&doc, &Selection::everything(), BundleKind::Participant, now());
        let text = if pretty {
            serde_json::to_string_pretty(&bundle).unwrap()
        } else {
            serde_json::to_string(&bundle).unwrap()
        };
        let quick = super::read::read_quickly(&text).expect("a bundle as Leerspoor writes it");
        let full = match super::read::read_fully(&text) {
            Ok(Opened::Ready(incoming)) => Ok(*incoming),
            Ok(Opened::Locked(_)) => panic!("not encrypted"),
            Err(e) => Err(e),
        };
        prop_assert_eq!(quick, full);
        // The restore door's quick way (typed) and full way (tree) agree as well.
        let contents = serde_json::to_string(&doc).unwrap();
        prop_assert_eq!(
            crate::model::restore::restore_document(&contents),
            crate::model::restore::restore_document_value(serde_json::from_str(&contents).unwrap())
        );
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = read(&bytes);
    }

    #[test]
    fn the_reader_never_panics_on_a_damaged_bundle(
        doc in document(),
        cut in any::<prop::sample::Index>(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    ) {
        let valid = export(&doc).into_bytes();
        let _ = read(&valid[..cut.index(valid.len())]);
        let mut damaged = valid.clone();
        for (at, byte) in &flips {
            let i = at.index(damaged.len());
            damaged[i] = *byte;
        }
        // A flip may land in white space or in the envelope's own fields (the digest
        // covers only the contents): then the contents read back unchanged, or not at all.
        if let Ok(Opened::Ready(incoming)) = read(&damaged) {
            let mut expected = doc.clone();
            expected.journal.bin.clear();
            prop_assert_eq!(incoming.document, expected);
        }
    }
}
