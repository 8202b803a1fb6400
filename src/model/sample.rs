//! Realistic generated documents, seeded so tests and benchmarks see the same data every
//! run: a profile with scans, goals, a network map and a case journal whose cases name
//! actors of that map.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::selfscan::{Rater, RaterRole, Rating, ScanLabel};
use super::{journal, network, Document, Id, Profile, Role};
use crate::model::order::SharedSort;

pub struct Size {
    pub cases: usize,
    pub entries: usize,
    pub actors: usize,
    pub ties: usize,
    pub scans: usize,
}

impl Size {
    /// About what a participant has after a year of the course (~150 KB as JSON).
    pub const REALISTIC: Size = Size {
        cases: 12,
        entries: 60,
        actors: 40,
        ties: 70,
        scans: 3,
    };
}

pub fn document(seed: u64, name: &str, size: &Size) -> Document {
    let created: DateTime<Utc> = "2025-09-01T09:00:00Z".parse().unwrap_or_default();
    let id = Id::from_u128(0x5EED_0000_0000_0000_0000_0000_0000_0000 | u128::from(seed));
    let profile = Profile {
        id,
        name: name.to_string(),
        role: Role::Participant,
        course: "Stadsbeheerleergang 2025–2026".into(),
        created,
    };
    let mut doc = Document::new(profile);
    doc.network = network::gen::generate(seed, size.actors, size.ties);
    doc.journal = journal::gen::generate(seed, size.cases, size.entries);
    // The journal generator names its own actors; point its cases at this map instead.
    let actors: Vec<Id> = doc.network.actors.iter().map(|a| a.id).collect();
    for (i, case) in doc.journal.cases.iter_mut().enumerate() {
        case.actors = if actors.is_empty() {
            Vec::new()
        } else {
            (0..3)
                .map(|k| actors[(i * 7 + k * 3) % actors.len()])
                .collect()
        };
        case.actors.shared_sort();
        case.actors.dedup();
    }
    let indicators: Vec<String> = doc
        .selfscan
        .current_framework()
        .map(|f| f.indicators().map(|i| i.id.clone()).collect())
        .unwrap_or_default();
    let labels = [ScanLabel::Baseline, ScanLabel::Midpoint, ScanLabel::Final];
    let start = NaiveDate::from_ymd_opt(2025, 9, 15).unwrap_or_default();
    for s in 0..size.scans {
        let scan = Id::from_u128(
            0x5CA0_0000_0000_0000_0000_0000_0000_0000 | (u128::from(seed) << 8) | s as u128,
        );
        let label = labels
            .get(s)
            .cloned()
            .unwrap_or(ScanLabel::Custom(format!("Scan {}", s + 1)));
        let rater = if s == size.scans - 1 && size.scans > 1 {
            Rater::Other {
                name: "Begeleider Bakker".into(),
                role: RaterRole::Coach,
            }
        } else {
            Rater::Participant
        };
        let date = start + Duration::days(120 * s as i64);
        if doc.selfscan.start_scan(scan, label, date, rater).is_err() {
            continue;
        }
        for (k, indicator) in indicators.iter().enumerate() {
            let level = 1 + ((k as u64 + seed + s as u64) % 4) as u8;
            let rating = if k % 9 == 8 {
                Rating::NotApplicable
            } else {
                Rating::Level(level)
            };
            let _ = doc.selfscan.rate(scan, indicator, rating);
            if k % 3 == 0 {
                let _ = doc.selfscan.set_evidence(
                    scan,
                    indicator,
                    "In het overleg met de wijkraad heb ik de vraag van bewoners teruggebracht tot één besluit voor de wethouder.",
                );
            }
        }
        let _ = doc
            .selfscan
            .finish_scan(scan, created + Duration::days(120 * s as i64 + 14));
    }
    doc.normalise();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_is_valid_and_stable() {
        let a = document(3, "Sanne", &Size::REALISTIC);
        assert!(a.validate().is_empty(), "{:?}", a.validate());
        assert_eq!(a, document(3, "Sanne", &Size::REALISTIC));
        assert_eq!(a.selfscan.scans.len(), 3);
        assert!(a.journal.cases.iter().any(|c| !c.actors.is_empty()));
        let bytes = serde_json::to_string(&a).unwrap().len();
        assert!((60_000..400_000).contains(&bytes), "{bytes} bytes");
    }
}
