//! One small year, worked out by hand: two self-scans (every indicator of *Het netwerk
//! lezen* at 2, then at 3), one rating by a manager (all at 4), one case with two
//! entries, a question for the begeleider and a comment on it, one goal set, changed and
//! reached, and two snapshots of the map with one actor added in between.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use super::*;
use crate::model::feedback::Feedback;
use crate::model::journal::CoachQuestion;
use crate::model::journal::{Case, CaseStatus, Entry};
use crate::model::network::Actor;
use crate::model::selfscan::{Goal, GoalStatus, RaterRole, Rating};
use crate::model::{Profile, Role};

fn id(n: u128) -> Id {
    Id::from_u128(n)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// Amsterdam in winter: a moment late in the UTC evening is the next local day.
fn amsterdam(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&FixedOffset::east_opt(3600).unwrap())
        .date_naive()
}

const LEZEN: &str = "netwerk-lezen";

fn year() -> Document {
    let profile = Profile::new(
        id(1),
        "Sanne",
        Role::Participant,
        "",
        at("2026-01-05T09:00:00Z"),
    );
    let mut doc = Document::new(profile.unwrap());
    let indicators: Vec<String> = doc
        .selfscan
        .current_framework()
        .unwrap()
        .competency(LEZEN)
        .unwrap()
        .indicators
        .iter()
        .map(|i| i.id.clone())
        .collect();
    let s = &mut doc.selfscan;
    let scans = [
        (10, day(2026, 1, 12), Rater::Participant, 2),
        (11, day(2026, 6, 15), Rater::Participant, 3),
        (
            12,
            day(2026, 6, 20),
            Rater::Other {
                name: "Joris".into(),
                role: RaterRole::Manager,
            },
            4,
        ),
    ];
    for (n, date, rater, level) in scans {
        let label = if n == 11 {
            ScanLabel::Midpoint
        } else {
            ScanLabel::Baseline
        };
        s.start_scan(id(n), label, date, rater).unwrap();
        if n == 11 {
            s.set_target(id(n), LEZEN, Some(4)).unwrap();
        }
        for i in &indicators {
            s.rate(id(n), i, Rating::Level(level)).unwrap();
        }
        s.set_evidence(id(n), &indicators[0], &format!("Voorbeeld {n}"))
            .unwrap();
        s.finish_scan(id(n), at("2026-06-30T10:00:00Z")).unwrap();
    }
    let mut goal = Goal::new(id(20), "Vaker de wijk in", vec![LEZEN.into()]);
    s.save_goal(goal.clone(), day(2026, 2, 1)).unwrap();
    // Changed and reached in one save: both steps, on one day.
    goal.status = GoalStatus::Done;
    goal.description = "Elke maand één wijk, met de wijkmanager.".into();
    s.save_goal(goal, day(2026, 5, 1)).unwrap();

    let mut case = Case::new(
        id(30),
        "Speelplaats Oost",
        day(2026, 2, 10),
        at("2026-02-10T09:00:00Z"),
    );
    case.competencies = vec![LEZEN.into()];
    case.status = CaseStatus::Agenda;
    doc.journal.cases.push(case);
    let mut first = Entry::new(id(31), id(30), day(2026, 3, 2), at("2026-03-02T09:00:00Z"));
    first.set_text("situatie", "  De wijkraad   wil eerst cijfers. ");
    first.coach_question = Some(CoachQuestion {
        text: "Hoe kom ik bij de wethouder?".into(),
        done: false,
    });
    first.feedback.push(Feedback {
        author_profile: None,
        id: id(32),
        author: "Karin".into(),
        author_role: Role::Coach,
        // 23:30 UTC on 3 March is 00:30 on 4 March in Amsterdam.
        written: at("2026-03-03T23:30:00Z"),
        text: "Vraag het de wijkagent.".into(),
    });
    doc.journal.entries.push(first);
    doc.journal.entries.push(Entry::new(
        id(33),
        id(30),
        day(2026, 4, 7),
        at("2026-04-07T09:00:00Z"),
    ));

    doc.network
        .add_actor(Actor::new(id(40), "Wijkraad"))
        .unwrap();
    doc.network
        .take_snapshot(id(41), at("2026-02-20T12:00:00Z"), "Begin")
        .unwrap();
    doc.network
        .add_actor(Actor::new(id(42), "Wethouder"))
        .unwrap();
    doc.network
        .take_snapshot(id(43), at("2026-05-20T12:00:00Z"), "Halverwege")
        .unwrap();
    doc
}

fn days_and_kinds(events: &[&Event]) -> Vec<(String, Kind)> {
    events.iter().map(|e| (e.day.to_string(), e.kind)).collect()
}

#[test]
fn the_year_is_one_track_newest_first() {
    let doc = year();
    let events = track(&doc, amsterdam);
    let all: Vec<&Event> = events.iter().collect();
    let expected: Vec<(String, Kind)> = [
        ("2026-06-20", Kind::Scan),
        ("2026-06-15", Kind::Scan),
        ("2026-05-20", Kind::Snapshot),
        ("2026-05-01", Kind::Goal), // changed
        ("2026-05-01", Kind::Goal), // reached
        ("2026-04-07", Kind::Entry),
        ("2026-03-04", Kind::Feedback), // the local day, not the UTC one
        ("2026-03-02", Kind::Entry),
        ("2026-03-02", Kind::Session),
        ("2026-02-20", Kind::Snapshot),
        ("2026-02-10", Kind::Case),
        ("2026-02-01", Kind::Goal), // set
        ("2026-01-12", Kind::Scan),
    ]
    .into_iter()
    .map(|(d, k)| (d.to_string(), k))
    .collect();
    assert_eq!(days_and_kinds(&all), expected);

    // The second self-scan against the first: every indicator from 2 to 3, so +1.
    let What::Scan { change, rater, .. } = &events[1].what else {
        panic!("a scan")
    };
    assert!(rater.is_participant());
    let lezen = change
        .as_ref()
        .unwrap()
        .iter()
        .find(|d| d.competency == LEZEN)
        .unwrap();
    assert_eq!(
        (lezen.before, lezen.after, lezen.delta()),
        (Some(2.0), Some(3.0), Some(1.0))
    );
    // Someone else's rating has no change of its own; the first scan has nothing before.
    assert!(matches!(&events[0].what, What::Scan { change: None, .. }));
    assert!(matches!(&events[12].what, What::Scan { change: None, .. }));

    // The second snapshot: one actor added since the first; the first has nothing before.
    let What::Snapshot { change, .. } = &events[2].what else {
        panic!("a snapshot")
    };
    assert_eq!(change.unwrap().summary(Lang::Nl), "1 actor erbij");
    assert_eq!(change.unwrap().summary(Lang::En), "1 actor added");
    assert!(matches!(
        &events[9].what,
        What::Snapshot { change: None, .. }
    ));

    let What::Entry {
        excerpt,
        case_title,
        ..
    } = &events[7].what
    else {
        panic!("an entry")
    };
    assert_eq!(excerpt, "De wijkraad wil eerst cijfers.");
    assert_eq!(case_title, "Speelplaats Oost");
    assert!(matches!(
        &events[3].what,
        What::Goal {
            step: GoalStep::Changed,
            ..
        }
    ));
    assert!(matches!(
        &events[4].what,
        What::Goal {
            step: GoalStep::Reached,
            ..
        }
    ));
}

#[test]
fn filters_narrow_by_kind_case_competency_and_since() {
    let doc = year();
    let events = track(&doc, amsterdam);
    let pick = |filter: &Filter| -> Vec<(String, Kind)> {
        days_and_kinds(
            &events
                .iter()
                .filter(|e| filter.matches(e))
                .collect::<Vec<_>>(),
        )
    };
    let mut filter = Filter::default();
    assert!(filter.is_empty());
    assert_eq!(pick(&filter).len(), 13);

    filter.hidden = Kind::ALL
        .into_iter()
        .filter(|k| ![Kind::Entry, Kind::Feedback].contains(k))
        .collect();
    assert_eq!(
        pick(&filter),
        [
            ("2026-04-07".to_string(), Kind::Entry),
            ("2026-03-04".to_string(), Kind::Feedback),
            ("2026-03-02".to_string(), Kind::Entry),
        ]
    );

    // The case: its start, entries, question and the comment on its entry.
    let filter = Filter {
        case: Some(id(30)),
        ..Filter::default()
    };
    assert_eq!(pick(&filter).len(), 5);

    // A competency: the scans that rated it, the goal's three days, the case's five.
    let mut filter = Filter {
        competency: Some(LEZEN.into()),
        ..Filter::default()
    };
    assert_eq!(pick(&filter).len(), 3 + 3 + 5);
    filter.competency = Some("verhalend-verbinden".into());
    // Only the scans rated it (all of the framework); nothing else is linked to it.
    assert_eq!(pick(&filter).len(), 3);

    let since = Filter {
        since: Some(day(2026, 5, 1)),
        ..Filter::default()
    };
    let recent: Vec<&Event> = events.iter().filter(|e| since.matches(e)).collect();
    assert_eq!(recent.len(), 5);
    let counts = counts(recent);
    assert_eq!(
        counts,
        [(Kind::Scan, 2), (Kind::Goal, 2), (Kind::Snapshot, 1)]
    );
    let words: Vec<String> = counts.iter().map(|&(k, n)| k.count(Lang::Nl, n)).collect();
    assert_eq!(
        words,
        ["2 scans", "2 wijzigingen in je doelen", "1 momentopname"]
    );
    assert_eq!(Kind::Entry.count(Lang::En, 1), "1 entry");
}

#[test]
fn an_entry_of_a_case_in_the_bin_is_not_on_the_track() {
    let mut doc = year();
    doc.journal.cases.clear();
    let events = track(&doc, amsterdam);
    assert!(events
        .iter()
        .all(|e| !matches!(e.kind, Kind::Entry | Kind::Case | Kind::Session)));
}

#[test]
fn excerpts_fold_whitespace_and_cut_at_the_limit() {
    assert_eq!(excerpt(" a \n\n b "), "a b");
    let long = "é".repeat(EXCERPT_CHARS + 5);
    let cut = excerpt(&long);
    assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
    assert!(cut.ends_with('…'));
    assert_eq!(
        excerpt(&"x".repeat(EXCERPT_CHARS)),
        "x".repeat(EXCERPT_CHARS)
    );
}

#[test]
fn the_report_shows_growth_per_competency_with_its_evidence() {
    let doc = year();
    let report = report(&doc);
    assert_eq!(report.first_day, Some(day(2026, 1, 12)));
    assert_eq!(
        (report.scans, report.cases, report.entries, report.snapshots),
        (3, 1, 2, 2)
    );
    assert_eq!(report.competencies.len(), 9);
    let lezen = &report.competencies[0];
    assert_eq!(lezen.competency, LEZEN);
    assert_eq!(
        lezen.first,
        Some(Point {
            day: day(2026, 1, 12),
            mean: 2.0
        })
    );
    assert_eq!(
        lezen.latest,
        Some(Point {
            day: day(2026, 6, 15),
            mean: 3.0
        })
    );
    assert_eq!(lezen.change(), Some(1.0));
    assert_eq!(lezen.target, Some(4));
    // Joris rated 4, Sanne herself 3: Joris sees one level more.
    assert_eq!(lezen.others.len(), 1);
    assert_eq!(lezen.others[0].mean, 4.0);
    assert_eq!(lezen.gap(&lezen.others[0]), Some(1.0));
    // The evidence of the latest self-scan only.
    assert_eq!(lezen.evidence, ["Voorbeeld 11"]);
    assert_eq!(
        lezen.goals,
        [(id(20), "Vaker de wijk in".to_string(), GoalStatus::Done)]
    );
    assert_eq!(lezen.cases.len(), 1);
    assert_eq!(
        (lezen.cases[0].title.as_str(), lezen.cases[0].entries),
        ("Speelplaats Oost", 2)
    );
    // A competency nobody rated has no points, no change and nothing behind it.
    let other = &report.competencies[8];
    assert_eq!((other.first, other.change()), (None, None));
    assert!(other.cases.is_empty() && other.goals.is_empty() && other.evidence.is_empty());
}

/// The browser test's year (`tests/e2e/tests/track.spec.js`) is this one, as stored;
/// `LEERSPOOR_WRITE_TRACK_FIXTURE=1 cargo test` writes it again after a change here.
#[test]
fn the_browser_fixture_is_this_year() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/track/year.json"
    );
    let mut doc = year();
    doc.app = "0.1.0".into();
    let made = serde_json::to_string_pretty(&doc).unwrap() + "\n";
    if std::env::var_os("LEERSPOOR_WRITE_TRACK_FIXTURE").is_some() {
        std::fs::create_dir_all(std::path::Path::new(path).parent().unwrap()).unwrap();
        std::fs::write(path, &made).unwrap();
    }
    let on_disk = std::fs::read_to_string(path).expect("the fixture is there");
    assert_eq!(on_disk, made);
    // Through the door, it is the same track.
    let back = crate::model::restore::restore_document(&on_disk).unwrap();
    assert_eq!(track(&back, amsterdam), track(&doc, amsterdam));
}

#[test]
fn every_kind_hidden_shows_nothing() {
    let doc = year();
    let events = track(&doc, amsterdam);
    let filter = Filter {
        hidden: Kind::ALL.into(),
        ..Filter::default()
    };
    assert_eq!(events.iter().filter(|e| filter.matches(e)).count(), 0);
    assert!(!filter.is_empty());
}

#[test]
fn a_filter_goes_into_the_address_and_comes_back() {
    let filter = Filter {
        hidden: [Kind::Scan, Kind::Snapshot].into(),
        case: Some(id(30)),
        competency: Some(LEZEN.into()),
        since: Some(day(2026, 5, 1)),
    };
    let query = filter.to_query();
    assert_eq!(
        query,
        [
            ("verberg", "scan,momentopname".to_string()),
            ("casus", id(30).to_string()),
            ("competentie", LEZEN.to_string()),
            ("sinds", "2026-05-01".to_string()),
        ]
    );
    let get = |k: &str| query.iter().find(|(q, _)| *q == k).map(|(_, v)| v.clone());
    assert_eq!(Filter::from_query(get), filter);
    assert!(Filter::default().to_query().is_empty());
    // An address edited by hand, or from an older Leerspoor: what cannot be read is left out.
    let odd = |k: &str| match k {
        "verberg" => Some("notitie,onbekend".to_string()),
        "casus" => Some("geen-id".to_string()),
        "sinds" => Some("31-02-2026".to_string()),
        _ => None,
    };
    assert_eq!(
        Filter::from_query(odd),
        Filter {
            hidden: [Kind::Entry].into(),
            ..Filter::default()
        }
    );
}
