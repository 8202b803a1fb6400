//! Writes realistic participant bundles for the browser tests of the begeleider's
//! workspace: `cargo run --example sample_bundles -- <count> <dir>` writes
//! `<dir>/deelnemer-<n>.json` for n = 1..=count, each a different seeded participant of
//! about 150 KB (`model::sample`).

use chrono::{DateTime, Utc};
use leerspoor::model::bundle::{build, BundleKind, Selection};
use leerspoor::model::sample::{document, Size};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2);
    let dir = args.next().unwrap_or_else(|| ".".into());
    std::fs::create_dir_all(&dir).expect("output folder");
    let exported: DateTime<Utc> = "2026-03-02T10:00:00Z".parse().expect("date");
    for n in 1..=count {
        let doc = document(n, &format!("Deelnemer {n:02}"), &Size::REALISTIC);
        let bundle = build(
            &doc,
            &Selection::everything(),
            BundleKind::Participant,
            exported,
        );
        let text = serde_json::to_string(&bundle).expect("json");
        std::fs::write(format!("{dir}/deelnemer-{n}.json"), text).expect("write");
    }
}
