//! Seeded data for `./dev.sh bench`: prints one JSON value to stdout, the same every run.
//!
//!   cargo run --release --example bench_data -- journal   document: 100 cases, 2,000 entries
//!   cargo run --release --example bench_data -- network   document: 300 actors, 1,000 ties
//!   cargo run --release --example bench_data -- realistic a year of the course (start-up with data)
//!   cargo run --release --example bench_data -- small     document: the profile a bundle is imported into
//!   cargo run --release --example bench_data -- bundle    a ~5 MB bundle of that same profile's own data
//!   cargo run --release --example bench_data -- hostile   document: every free text hostile
//!                                                         (tests/fixtures/hostile-document.json)
//!
//! Documents are `model::Document` as stored under `leerspoor/v1/doc/<id>`.

use chrono::{DateTime, Utc};
use leerspoor::model::bundle::{self, BundleKind, Selection};
use leerspoor::model::sample::{self, Size};
use leerspoor::model::Document;

const NAME: &str = "Sanne de Vries";
/// The bundle's target size in bytes.
const BUNDLE_BYTES: usize = 5 * 1024 * 1024;

fn size(cases: usize, entries: usize, actors: usize, ties: usize, scans: usize) -> Size {
    Size {
        cases,
        entries,
        actors,
        ties,
        scans,
    }
}

fn small() -> Document {
    sample::document(1, NAME, &size(2, 2, 3, 2, 1))
}

/// A document of the small profile's own, from its "other laptop": seed 2 makes other
/// ids, so importing it adds everything and asks no conflict choices.
fn big_own(entries: usize) -> Document {
    let mut doc = sample::document(2, NAME, &size(120, entries, 300, 1_000, 3));
    doc.profile = small().profile;
    doc
}

fn own_bundle(entries: usize) -> String {
    let exported: DateTime<Utc> = "2026-06-01T12:00:00Z".parse().unwrap_or_default();
    let b = bundle::build(
        &big_own(entries),
        &Selection::everything(),
        BundleKind::Participant,
        exported,
    );
    serde_json::to_string(&b).expect("a bundle serialises")
}

fn main() {
    let what = std::env::args().nth(1).unwrap_or_default();
    let text = match what.as_str() {
        "journal" => json(&sample::document(11, NAME, &size(100, 2_000, 40, 70, 3))),
        "network" => json(&sample::document(12, NAME, &size(12, 60, 300, 1_000, 3))),
        "small" => json(&small()),
        "realistic" => json(&sample::document(3, NAME, &Size::REALISTIC)),
        "hostile" => hostile(),
        "bundle" => {
            // Entries make up most of the size: scale their number to reach the target.
            let probe = 1_000;
            let bytes = own_bundle(probe).len();
            let fixed = own_bundle(0).len();
            let per_entry = (bytes - fixed) as f64 / probe as f64;
            let entries = ((BUNDLE_BYTES - fixed) as f64 / per_entry).ceil() as usize;
            own_bundle(entries)
        }
        _ => {
            eprintln!("usage: bench_data journal|network|small|bundle");
            std::process::exit(2);
        }
    };
    println!("{text}");
}

/// Text that must be shown literally and must not break the layout.
const HOSTILE: [&str; 5] = [
    "<script>window.__pwned = 1</script> Bewonersavond",
    "<img src=x onerror=\"window.__pwned = 1\"> & <b>vet</b> \"aanhalingstekens\"",
    "مشاورة السكان في الحي الشرقي \u{202e} lanruoj \u{202c} en dan weer Nederlands",
    "👩🏽‍🌾🌳🚧 Boomfeestdag 🎉 met 👨‍👩‍👧‍👦 gezinnen",
    "",
];

/// A small sample with every free text (any string with a space, and names and titles)
/// replaced by hostile text in turn, one of them a 3,000-character word without a break.
fn hostile() -> String {
    let doc = sample::document(5, NAME, &size(3, 8, 6, 6, 2));
    let mut value = serde_json::to_value(&doc).expect("a document serialises");
    let mut n = 0usize;
    walk(&mut value, None, &mut n);
    let text = serde_json::to_string_pretty(&value).expect("json");
    // It must still pass the one door in, or the test would test nothing.
    if let Err(e) = leerspoor::model::restore::restore_document(&text) {
        eprintln!("the hostile document does not restore: {}", e.message_nl());
        std::process::exit(1);
    }
    text
}

fn walk(value: &mut serde_json::Value, key: Option<&str>, n: &mut usize) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                walk(v, Some(k.as_str()), n);
            }
        }
        Value::Array(items) => {
            for v in items {
                walk(v, key, n);
            }
        }
        Value::String(s) => {
            let named = matches!(
                key,
                Some(
                    "name"
                        | "title"
                        | "text"
                        | "course"
                        | "notes"
                        | "note"
                        | "client"
                        | "tags"
                        | "others"
                )
            );
            if (s.contains(' ') || named) && key != Some("id") && key != Some("framework") {
                let long = "Langwoord".repeat(333);
                let pick = *n % HOSTILE.len();
                *s = if pick == 4 {
                    long
                } else {
                    HOSTILE[pick].to_string()
                };
                *n += 1;
            }
        }
        _ => {}
    }
}

fn json(doc: &Document) -> String {
    serde_json::to_string(doc).expect("a document serialises")
}
