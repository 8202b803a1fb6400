//! Seeded data for `./dev.sh bench`: prints one JSON value to stdout, the same every run.
//!
//!   cargo run --release --example bench_data -- journal   document: 100 cases, 2,000 entries
//!   cargo run --release --example bench_data -- network   document: 300 actors, 1,000 ties
//!   cargo run --release --example bench_data -- realistic a year of the course (start-up with data)
//!   cargo run --release --example bench_data -- track     document: a heavy year for Mijn leerspoor:
//!                                                         2,000 entries, 20 scans, 50 snapshots
//!   cargo run --release --example bench_data -- small     document: the profile a bundle is imported into
//!   cargo run --release --example bench_data -- bundle [MB]  a bundle of that same profile's own
//!                                                         data, about MB megabytes (default 5)
//!   cargo run --release --example bench_data -- hostile   document: every free text hostile
//!                                                         (tests/fixtures/hostile-document.json)
//!
//! Documents are `model::Document` as stored under `leerspoor/v1/doc/<id>`.

use chrono::{DateTime, Utc};
use leerspoor::model::bundle::{self, BundleKind, Selection};
use leerspoor::model::sample::{self, Size};
use leerspoor::model::Document;

const NAME: &str = "Sanne de Vries";

fn size(cases: usize, entries: usize, actors: usize, ties: usize, scans: usize) -> Size {
    Size {
        cases,
        entries,
        actors,
        ties,
        scans,
    }
}

/// Mijn leerspoor's heavy year: 2,000 entries over 100 cases, 20 scans, and 50 snapshots
/// of a 40-actor map, a week apart, with one actor's notes changed before each.
fn heavy_year() -> Document {
    let mut doc = sample::document(13, NAME, &size(100, 2_000, 40, 70, 20));
    let start: DateTime<Utc> = "2026-01-05T12:00:00Z".parse().unwrap_or_default();
    for week in 0..50u32 {
        let n = doc.network.actors.len().max(1);
        if let Some(actor) = doc.network.actors.get_mut(week as usize % n) {
            actor.notes = format!("Week {week}");
        }
        let at = start + chrono::Duration::weeks(i64::from(week));
        let id = leerspoor::model::Id::from_u128(0x7ac0_0000 + u128::from(week));
        doc.network
            .take_snapshot(id, at, &format!("Week {week}"))
            .expect("within the limit");
    }
    doc
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
        "track" => json(&heavy_year()),
        "realistic" => json(&sample::document(3, NAME, &Size::REALISTIC)),
        "hostile" => hostile(),
        "bundle" => {
            // Entries make up most of the size: scale their number to reach the target.
            let probe = 1_000;
            let bytes = own_bundle(probe).len();
            let fixed = own_bundle(0).len();
            let per_entry = (bytes - fixed) as f64 / probe as f64;
            let mb: usize = std::env::args()
                .nth(2)
                .and_then(|a| a.parse().ok())
                .unwrap_or(5);
            let target = mb * 1024 * 1024;
            let entries = ((target.max(fixed) - fixed) as f64 / per_entry).ceil() as usize;
            own_bundle(entries)
        }
        "import-profile" => {
            import_profile();
            return;
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
        eprintln!(
            "the hostile document does not restore: {}",
            e.message(leerspoor::model::Lang::En)
        );
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

/// Where the time of an import goes, natively (wasm is slower, the shares hold roughly):
/// `bench_data import-profile < bundle.json`.
fn import_profile() {
    use leerspoor::model::bundle::{digest, Opened, Resolution};
    use std::io::Read;
    use std::time::Instant;
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let _: serde_json::Value = serde_json::from_str(&text).expect("json");
    println!("parse to a JSON value        {:7.1} ms", ms(t));
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let contents = value["contents"].clone();
    let t = Instant::now();
    let _ = digest(&contents);
    println!("digest (canonical + SHA-256) {:7.1} ms", ms(t));
    let t = Instant::now();
    let _ = leerspoor::model::restore::restore_document_value(contents).expect("restores");
    println!("restore (decode, validate)   {:7.1} ms", ms(t));
    // The quick way's parts: the text digest, and decoding straight into the types.
    let raw = serde_json::to_string(&value["contents"]).expect("json");
    let t = Instant::now();
    let _ = bundle::digest_of_text(&raw);
    println!("digest of the text           {:7.1} ms", ms(t));
    let t = Instant::now();
    let _ = leerspoor::model::restore::restore_document(&raw).expect("restores");
    println!("restore from text (typed)    {:7.1} ms", ms(t));
    let t = Instant::now();
    let Ok(Opened::Ready(incoming)) = bundle::read(text.as_bytes()) else {
        panic!("the bundle does not open");
    };
    println!("bundle::read, all of it      {:7.1} ms", ms(t));
    let doc = small();
    let t = Instant::now();
    let _ = bundle::plan(&doc, &incoming.document, incoming.bundle.kind);
    println!("plan                         {:7.1} ms", ms(t));
    let t = Instant::now();
    let (merged, _) = bundle::apply(&doc, &incoming.document, incoming.bundle.kind, &|_| {
        Resolution::Skip
    })
    .expect("merges");
    println!("apply (merge, validate)      {:7.1} ms", ms(t));
    let t = Instant::now();
    let saved = serde_json::to_string(&merged).expect("json");
    println!("serialise for saving         {:7.1} ms", ms(t));
    let t = Instant::now();
    let _ = leerspoor::storage::pack_quick(&saved);
    println!("pack for saving (deflate 1)  {:7.1} ms", ms(t));
}

fn json(doc: &Document) -> String {
    serde_json::to_string(doc).expect("a document serialises")
}
