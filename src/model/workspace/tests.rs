use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::model::bundle::{read, relation, Opened, Relation};
use crate::model::sample::{document, Size};
use crate::model::selfscan::{Goal, Rating};

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn coach() -> Profile {
    Profile::new(
        Id::from_u128(77),
        "Bea Begeleider",
        Role::Coach,
        "Leergang",
        t("2025-09-01T09:00:00Z"),
    )
    .unwrap()
}

fn participant(n: u128, name: &str) -> Document {
    let p = Profile::new(
        Id::from_u128(n),
        name,
        Role::Participant,
        "Leergang",
        t("2025-09-01T09:00:00Z"),
    )
    .unwrap();
    Document::new(p)
}

/// A finished own scan rating every indicator at `level`.
fn scan(doc: &mut Document, n: u128, label: ScanLabel, month: u32, level: u8) {
    let id = Id::from_u128(1000 + n);
    let date = NaiveDate::from_ymd_opt(2026, month, 1).unwrap();
    doc.selfscan
        .start_scan(id, label, date, Rater::Participant)
        .unwrap();
    let indicators: Vec<String> = doc
        .selfscan
        .current_framework()
        .unwrap()
        .indicators()
        .map(|i| i.id.clone())
        .collect();
    for i in indicators {
        doc.selfscan.rate(id, &i, Rating::Level(level)).unwrap();
    }
    doc.selfscan
        .finish_scan(id, t("2026-06-01T00:00:00Z"))
        .unwrap();
}

#[test]
fn changes_lists_what_a_new_bundle_brought() {
    let before = document(1, "Sanne", &Size::REALISTIC);
    assert!(changes(&before, &before, Lang::Nl).is_empty());
    let mut after = before.clone();
    let mut entry = after.journal.entries[0].clone();
    entry.id = Id::from_u128(9001);
    after.journal.entries.push(entry);
    after.journal.entries[1].set_text("wat", "Een nieuwe beschrijving");
    after
        .selfscan
        .goals
        .push(Goal::new(Id::from_u128(9002), "Beter luisteren", vec![]));
    let mut actor = after.network.actors[0].clone();
    actor.id = Id::from_u128(9003);
    actor.name = "Wijkraad Noord".into();
    after.network.actors.push(actor);
    // The begeleider's own feedback is not a change of the participant's.
    add_feedback(
        &mut after,
        FeedbackOn::Entry(before.journal.entries[2].id),
        &coach(),
        "Goed gezien",
        Id::from_u128(9004),
        t("2026-01-01T00:00:00Z"),
    )
    .unwrap();
    let c = changes(&before, &after, Lang::Nl);
    assert_eq!(c.entries_added.len(), 1);
    assert_eq!(c.entries_changed.len(), 1);
    assert_eq!(c.goals_added, ["Beter luisteren"]);
    assert_eq!(c.actors_added, ["Wijkraad Noord"]);
    assert!(c.scans_added.is_empty() && c.goals_changed.is_empty());
}

#[test]
fn feedback_is_the_coaches_and_never_empty() {
    let mut doc = document(2, "Bram", &Size::REALISTIC);
    let entry = doc.journal.entries[0].id;
    let now = t("2026-01-01T00:00:00Z");
    assert_eq!(
        add_feedback(
            &mut doc,
            FeedbackOn::Entry(entry),
            &coach(),
            "  ",
            Id::from_u128(1),
            now
        ),
        Err(FeedbackError::Empty)
    );
    assert_eq!(
        add_feedback(
            &mut doc,
            FeedbackOn::Entry(Id::from_u128(5)),
            &coach(),
            "x",
            Id::from_u128(1),
            now
        ),
        Err(FeedbackError::UnknownEntry)
    );
    assert_eq!(
        FeedbackError::Empty.message(Lang::Nl),
        "Schrijf eerst een opmerking."
    );
    assert_eq!(
        FeedbackError::Empty.message(Lang::En),
        "Write a comment first."
    );
    add_feedback(
        &mut doc,
        FeedbackOn::Entry(entry),
        &coach(),
        " Mooi ",
        Id::from_u128(1),
        now,
    )
    .unwrap();
    let f = doc.journal.entry(entry).unwrap().feedback.last().unwrap();
    assert_eq!(
        (f.author.as_str(), f.author_role, f.text.as_str()),
        ("Bea Begeleider", Role::Coach, "Mooi")
    );
}

#[test]
fn the_return_bundle_adds_feedback_and_rating_and_leaves_the_participants_texts() {
    let original = document(3, "Cas", &Size::REALISTIC);
    let mut amended = original.clone();
    let entry = original.journal.entries[0].id;
    add_feedback(
        &mut amended,
        FeedbackOn::Entry(entry),
        &coach(),
        "Sterk",
        Id::from_u128(1),
        t("2026-01-01T00:00:00Z"),
    )
    .unwrap();
    let rating = Id::from_u128(2);
    start_rating(
        &mut amended,
        &coach(),
        rating,
        NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
    )
    .unwrap();
    assert_eq!(draft_ratings(&amended, &coach()), [rating]);
    let first = amended
        .selfscan
        .current_framework()
        .unwrap()
        .indicators()
        .next()
        .unwrap()
        .id
        .clone();
    amended
        .selfscan
        .rate(rating, &first, Rating::Level(3))
        .unwrap();
    amended
        .selfscan
        .finish_scan(rating, t("2026-01-02T10:00:00Z"))
        .unwrap();
    // The participant meanwhile changed a text of their own.
    let mut theirs = original.clone();
    theirs.journal.entries[0].set_text("wat", "Mijn eigen tekst");

    let b = feedback_bundle(&amended, &coach(), t("2026-01-03T00:00:00Z"));
    assert_eq!(b.from.name, "Bea Begeleider");
    let bytes = serde_json::to_vec(&b).unwrap();
    let Ok(Opened::Ready(incoming)) = read(&bytes) else {
        panic!("unreadable")
    };
    assert_eq!(relation(&incoming, theirs.id()), Relation::FeedbackForMe);
    let (merged, report) =
        bundle::apply(&theirs, &incoming.document, incoming.bundle.kind, &|_| {
            Resolution::NewerWins
        })
        .unwrap();
    assert_eq!(report.feedback_added, 1);
    let e = merged.journal.entry(entry).unwrap();
    assert_eq!(e.text("wat"), "Mijn eigen tekst");
    assert_eq!(e.feedback[0].author_role, Role::Coach);
    assert!(merged.selfscan.scan(rating).is_some());
}

#[test]
fn a_new_bundle_keeps_what_the_coach_added() {
    let original = document(4, "Dana", &Size::REALISTIC);
    let mut held = original.clone();
    let entry = original.journal.entries[0].id;
    add_feedback(
        &mut held,
        FeedbackOn::Entry(entry),
        &coach(),
        "Sterk",
        Id::from_u128(1),
        t("2026-01-01T00:00:00Z"),
    )
    .unwrap();
    start_rating(
        &mut held,
        &coach(),
        Id::from_u128(2),
        NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
    )
    .unwrap();
    let mut incoming = original.clone();
    incoming.journal.entries[0].set_text("wat", "Nieuw");
    let merged = carry_over(&held, &incoming);
    let e = merged.journal.entry(entry).unwrap();
    assert_eq!(e.text("wat"), "Nieuw");
    assert_eq!(e.feedback.len(), 1);
    assert!(merged.selfscan.scan(Id::from_u128(2)).is_some());
}

#[test]
fn the_overview_counts_means_distribution_and_change() {
    let mut a = participant(1, "Anna");
    scan(&mut a, 1, ScanLabel::Baseline, 1, 2);
    scan(&mut a, 2, ScanLabel::Midpoint, 3, 3);
    let mut b = participant(2, "Bram");
    scan(&mut b, 3, ScanLabel::Baseline, 1, 1);
    scan(&mut b, 4, ScanLabel::Final, 5, 4);
    let mut c = participant(3, "Cas");
    scan(&mut c, 5, ScanLabel::Baseline, 1, 3);
    let d = participant(4, "Dana"); // no scans yet
    let o = overview(&[&c, &a, &d, &b], Lang::Nl);
    assert_eq!(o.levels, 4);
    let row = &o.competencies[0];
    assert_eq!(row.participants, 3);
    assert!((row.mean.unwrap() - 10.0 / 3.0).abs() < 1e-9);
    assert_eq!(row.distribution, [0, 0, 2, 1]);
    assert_eq!(row.baseline_mean, Some(1.5));
    assert_eq!(row.change, Some(2.0));
    assert_eq!(o.participants[0].name, "Anna");

    let csv = overview_csv(&o, false, Lang::Nl);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("Competentie;Aantal deelnemers;Gemiddelde laatste scan;Niveau 1;"));
    assert_eq!(lines[1], format!("{};3;3,33;0;0;2;1;1,50;2,00", row.name));
    assert!(!csv.contains("Anna") && !csv.contains("Bram"));
    assert!(csv.contains("Deelnemer 4;"));
    let named = overview_csv(&o, true, Lang::Nl);
    assert!(named.contains("\r\nAnna;2,00;3,00;"));
    assert!(named.contains("\r\nCas;;3,00;"));

    // In English, as an English spreadsheet reads it.
    let csv = overview_csv(&o, false, Lang::En);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].starts_with("Competency,Number of participants,Mean of latest scan,Level 1,"));
    assert!(lines[0].ends_with(",Mean of baseline,Change since baseline"));
    assert_eq!(lines[1], format!("{},3,3.33,0,0,2,1,1.50,2.00", row.name));
    assert!(csv.contains("\r\nParticipant 4,"));
    let named = overview_csv(&o, true, Lang::En);
    assert!(named.contains("\r\nAnna,2.00,3.00,"));
}

#[test]
fn csv_fields_cannot_become_formulas_or_break_lines() {
    let mut a = participant(1, "=HYPERLINK(\"x\");1");
    scan(&mut a, 1, ScanLabel::Baseline, 1, 2);
    let csv = overview_csv(&overview(&[&a], Lang::Nl), true, Lang::Nl);
    assert!(csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\");1\";"));
    let csv = overview_csv(&overview(&[&a], Lang::En), true, Lang::En);
    assert!(csv.contains("\r\n\"'=HYPERLINK(\"\"x\"\");1\","));
}

#[test]
fn goal_feedback_is_not_a_change_travels_back_and_survives_a_new_bundle() {
    let mut original = document(5, "Eva", &Size::REALISTIC);
    let competency = original
        .selfscan
        .competency_ids()
        .into_iter()
        .next()
        .unwrap();
    let goal = Id::from_u128(77);
    original
        .selfscan
        .save_goal(
            Goal::new(goal, "Beter luisteren", vec![competency]),
            "2026-03-01".parse().unwrap(),
        )
        .unwrap();
    let mut amended = original.clone();
    let now = t("2026-01-01T00:00:00Z");
    assert_eq!(
        add_feedback(
            &mut amended,
            FeedbackOn::Goal(Id::from_u128(5)),
            &coach(),
            "x",
            Id::from_u128(1),
            now
        ),
        Err(FeedbackError::UnknownGoal)
    );
    add_feedback(
        &mut amended,
        FeedbackOn::Goal(goal),
        &coach(),
        "Concreet maken",
        Id::from_u128(1),
        now,
    )
    .unwrap();
    assert!(changes(&original, &amended, Lang::Nl)
        .goals_changed
        .is_empty());

    // The participant meanwhile rewrote the goal; the begeleider's comment joins it.
    let mut theirs = original.clone();
    theirs.selfscan.goals[0].title = "Beter luisteren naar bewoners".into();
    let b = feedback_bundle(&amended, &coach(), t("2026-01-03T00:00:00Z"));
    let Ok(Opened::Ready(incoming)) = read(&serde_json::to_vec(&b).unwrap()) else {
        panic!("unreadable")
    };
    let (merged, report) =
        bundle::apply(&theirs, &incoming.document, incoming.bundle.kind, &|_| {
            Resolution::NewerWins
        })
        .unwrap();
    assert_eq!(report.feedback_added, 1);
    let g = merged.selfscan.goal(goal).unwrap();
    assert_eq!(g.title, "Beter luisteren naar bewoners");
    assert_eq!(g.feedback[0].text, "Concreet maken");
    assert_eq!(g.feedback[0].author_role, Role::Coach);
    let (again, report) = bundle::apply(&merged, &incoming.document, incoming.bundle.kind, &|_| {
        Resolution::NewerWins
    })
    .unwrap();
    assert_eq!((report.changes(), &again), (0, &merged));

    // On the begeleider's side, a newer bundle from the participant keeps the comment.
    let carried = carry_over(&amended, &theirs);
    assert_eq!(carried.selfscan.goal(goal).unwrap().feedback.len(), 1);
    assert_eq!(
        carried.selfscan.goal(goal).unwrap().title,
        "Beter luisteren naar bewoners"
    );
}

#[test]
fn what_changed_is_summed_up_in_one_line() {
    let changes = Changes {
        scans_added: vec!["Tussenmeting (Zelf), 01-12-2026".into()],
        entries_added: vec![
            ("Bomenkap".into(), day(2026, 11, 2)),
            ("Bomenkap".into(), day(2026, 11, 9)),
        ],
        goals_changed: vec!["Beter luisteren".into()],
        ties_added: 3,
        ..Changes::default()
    };
    assert_eq!(
        changes.summary(Lang::Nl),
        "1 nieuwe scan, 2 nieuwe notities, 1 gewijzigd doel, 3 nieuwe relaties"
    );
    assert_eq!(
        changes.summary(Lang::En),
        "1 new scan, 2 new entries, 1 changed goal, 3 new ties"
    );
    assert_eq!(
        Changes::default().summary(Lang::Nl),
        "niets nieuws in de eigen gegevens"
    );
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn entries_of_one_day_and_case_can_be_told_apart_in_the_choice() {
    use crate::model::journal::{Case, Entry};
    let mut doc = participant(5, "Anna");
    let now = t("2026-11-10T09:00:00Z");
    let case = Case::new(Id::from_u128(900), "Bomenkap Oost", day(2026, 11, 1), now);
    doc.journal.save_case(case, now).unwrap();
    let mut add = |n: u128, date: NaiveDate, minute: u32, text: &str| {
        let at = t(&format!("2026-11-10T09:{minute:02}:00Z"));
        let mut e = Entry::new(Id::from_u128(n), Id::from_u128(900), date, at);
        e.set_text("starr.situatie", text);
        doc.journal.save_entry(e, at).unwrap();
    };
    add(1, day(2026, 11, 2), 1, "");
    add(
        2,
        day(2026, 11, 9),
        2,
        "De wethouder wil eerst de buurt horen, daarna pas een besluit nemen over de bomen.",
    );
    add(3, day(2026, 11, 9), 3, "");
    add(4, day(2026, 11, 9), 4, "");
    let labels: Vec<String> = entry_choices(&doc, Lang::Nl)
        .into_iter()
        .map(|(_, l)| l)
        .collect();
    assert_eq!(
        labels,
        [
            // Newest first: on one date, the last changed first.
            "09-11-2026 — Bomenkap Oost",
            "09-11-2026 — Bomenkap Oost (2)",
            "09-11-2026 — Bomenkap Oost: De wethouder wil eerst de buurt horen, daarna pas een beslui…",
            "02-11-2026 — Bomenkap Oost",
        ]
    );
}

/// A begeleider who changes their name keeps their draft rating: it is theirs by profile,
/// not by name. A draft by another begeleider of the same name is not theirs.
#[test]
fn a_draft_rating_stays_the_begeleiders_under_a_new_name() {
    let mut doc = document(4, "Cas", &Size::REALISTIC);
    let draft = Id::from_u128(2);
    start_rating(
        &mut doc,
        &coach(),
        draft,
        NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
    )
    .unwrap();
    let mut renamed = coach();
    renamed.rename("Bea de Boer").unwrap();
    assert_eq!(draft_ratings(&doc, &renamed), [draft]);
    // Another profile with the name the draft was started under.
    let namesake = Profile::new(
        Id::from_u128(78),
        "Bea Begeleider",
        Role::Coach,
        "Leergang",
        t("2025-09-01T09:00:00Z"),
    )
    .unwrap();
    assert_eq!(draft_ratings(&doc, &namesake), Vec::<Id>::new());
    // A draft stored before started_by existed is found by name, as before.
    doc.selfscan
        .scans
        .iter_mut()
        .for_each(|s| s.started_by = None);
    assert_eq!(draft_ratings(&doc, &namesake), [draft]);
    // And it survives a save and a restore.
    let mut again = document(4, "Cas", &Size::REALISTIC);
    start_rating(
        &mut again,
        &coach(),
        draft,
        NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
    )
    .unwrap();
    let text = serde_json::to_string(&again).unwrap();
    assert!(text.contains(&format!("\"started_by\":\"{}\"", Id::from_u128(77))));
    let back: Document = serde_json::from_str(&text).unwrap();
    assert_eq!(draft_ratings(&back, &renamed), [draft]);
}

/// A begeleider's comment stays hers under a new name; one by another begeleider, or by
/// her name before comments named their profile, is told apart as before.
#[test]
fn a_comment_stays_the_begeleiders_under_a_new_name() {
    let mut doc = document(5, "Cas", &Size::REALISTIC);
    let entry = doc.journal.entries[0].id;
    let at = t("2026-01-01T00:00:00Z");
    add_feedback(
        &mut doc,
        FeedbackOn::Entry(entry),
        &coach(),
        "Sterk",
        Id::from_u128(9),
        at,
    )
    .unwrap();
    let mine = doc
        .journal
        .entry(entry)
        .unwrap()
        .feedback
        .iter()
        .find(|f| f.text == "Sterk")
        .unwrap()
        .clone();
    assert_eq!(mine.author_profile, Some(Id::from_u128(77)));
    let mut renamed = coach();
    renamed.rename("Bea de Boer").unwrap();
    assert!(mine.is_by(&renamed));
    let older = crate::model::feedback::Feedback {
        author_profile: None,
        ..mine.clone()
    };
    assert!(older.is_by(&coach()));
    assert!(!older.is_by(&renamed));
    let namesake = Profile::new(
        Id::from_u128(78),
        "Bea Begeleider",
        Role::Coach,
        "Leergang",
        at,
    )
    .unwrap();
    assert!(!mine.is_by(&namesake));
}
