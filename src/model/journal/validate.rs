//! The journal's part of the restore door: what makes stored data unacceptable, and the
//! tidying that makes two equal journals serialise alike.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use super::{BinItem, Journal};
use crate::model::order::SharedSort;
use crate::model::validation::{
    check_count, check_feedback, check_text, check_unique_ids, limits, named, Problem, Reason,
};
use crate::model::Id;

/// Dates outside these years are typing or conversion errors, not course work.
pub const MIN_YEAR: i32 = 1990;
pub const MAX_YEAR: i32 = 2100;

const CASE: &str = "casus";
const ENTRY: &str = "journaalnotitie";

impl Journal {
    /// `actor_ids` are the actors of the network map: a case may only name those.
    /// Cases and entries in the bin obey the same rules, as they can come back.
    pub fn validate(&self, actor_ids: &HashSet<Id>, problems: &mut Vec<Problem>) {
        check_unique_ids(CASE, self.all_cases().map(|c| &c.id), problems);
        check_unique_ids(ENTRY, self.all_entries().map(|e| &e.id), problems);
        check_unique_ids(
            "feedback",
            self.all_entries().flat_map(|e| &e.feedback).map(|f| &f.id),
            problems,
        );
        check_unique_ids(
            "vervolgstap",
            self.all_entries()
                .flat_map(|e| &e.next_steps)
                .map(|s| &s.id),
            problems,
        );

        for case in self.all_cases() {
            let id = case.id.to_string();
            if case.title.trim().is_empty() {
                problems.push(Problem::EmptyField {
                    what: CASE,
                    id: id.clone(),
                    field: "titel",
                });
            }
            for actor in case.actors.iter().filter(|a| !actor_ids.contains(a)) {
                problems.push(Problem::DanglingRef {
                    what: CASE,
                    id: id.clone(),
                    field: "betrokkene",
                    target: actor.to_string(),
                });
            }
            let mut planned = HashSet::new();
            let mut twice = HashSet::new();
            for story in &case.stories {
                if !actor_ids.contains(&story.actor) {
                    problems.push(Problem::DanglingRef {
                        what: CASE,
                        id: id.clone(),
                        field: "verhaalplan",
                        target: story.actor.to_string(),
                    });
                }
                if !planned.insert(story.actor) && twice.insert(story.actor) {
                    problems.push(Problem::Invalid {
                        what: CASE,
                        id: id.clone(),
                        reason: Reason::SecondStoryFor {
                            actor: story.actor.to_string(),
                        },
                    });
                }
            }
            check_date(CASE, &id, "jaar van de startdatum", case.start, problems);
            if let Some(date) = case.frame.as_ref().and_then(|f| f.date) {
                check_date(CASE, &id, "jaar van het agendamoment", date, problems);
            }
            check_moment(CASE, &id, "jaar van aanmaken", case.created, problems);
            check_moment(
                CASE,
                &id,
                "jaar van de laatste wijziging",
                case.updated,
                problems,
            );
        }

        let live_cases: HashSet<Id> = self.cases.iter().map(|c| c.id).collect();
        let binned_cases: HashSet<Id> = self
            .bin
            .iter()
            .filter_map(BinItem::case)
            .map(|c| c.id)
            .collect();
        for entry in &self.entries {
            if !live_cases.contains(&entry.case_id) {
                problems.push(dangling_case(entry.id, entry.case_id));
            }
        }
        for item in &self.bin {
            match item {
                BinItem::Case { case, entries, .. } => {
                    for entry in entries.iter().filter(|e| e.case_id != case.id) {
                        problems.push(Problem::Invalid {
                            what: ENTRY,
                            id: entry.id.to_string(),
                            reason: Reason::InBinOfOtherCase {
                                bin: case.id.to_string(),
                                home: entry.case_id.to_string(),
                            },
                        });
                    }
                }
                BinItem::Entry { entry, .. } => {
                    if !live_cases.contains(&entry.case_id)
                        && !binned_cases.contains(&entry.case_id)
                    {
                        problems.push(dangling_case(entry.id, entry.case_id));
                    }
                }
            }
        }

        for entry in self.all_entries() {
            let id = entry.id.to_string();
            check_date(ENTRY, &id, "jaar van de datum", entry.date, problems);
            check_moment(ENTRY, &id, "jaar van aanmaken", entry.created, problems);
            check_moment(
                ENTRY,
                &id,
                "jaar van de laatste wijziging",
                entry.updated,
                problems,
            );
            for due in entry.next_steps.iter().filter_map(|s| s.due) {
                check_date(ENTRY, &id, "jaar van een streefdatum", due, problems);
            }
            for feedback in &entry.feedback {
                check_moment(
                    ENTRY,
                    &id,
                    "jaar van een feedback",
                    feedback.written,
                    problems,
                );
            }
        }
    }

    pub fn normalise(&mut self) {
        for case in self.all_cases_mut() {
            case.normalise();
        }
        for entry in self.all_entries_mut() {
            entry.normalise();
        }
        self.cases.shared_sort_by_key(|c| (c.created, c.id));
        self.entries
            .shared_sort_by_key(|e| (e.date, e.created, e.id));
        for item in &mut self.bin {
            if let BinItem::Case { entries, .. } = item {
                entries.shared_sort_by_key(|e| (e.date, e.created, e.id));
            }
        }
        self.bin
            .shared_sort_by_key(|item| (item.deleted(), item.id()));
    }

    /// Removes every link from a case to this actor, and its story plans; returns how
    /// many cases changed. Cases in the bin count too, so restoring one never brings back
    /// a dangling link.
    pub fn unlink_actor(&mut self, actor: Id) -> usize {
        let mut changed = 0;
        for case in self.all_cases_mut() {
            let before = case.actors.len();
            case.actors.retain(|a| *a != actor);
            let had_story = case.remove_story(actor);
            if case.actors.len() != before || had_story {
                changed += 1;
            }
        }
        changed
    }
}

fn dangling_case(entry: Id, case: Id) -> Problem {
    Problem::DanglingRef {
        what: ENTRY,
        id: entry.to_string(),
        field: "casus",
        target: case.to_string(),
    }
}

fn check_date(
    what: &'static str,
    id: &str,
    field: &'static str,
    date: NaiveDate,
    problems: &mut Vec<Problem>,
) {
    let year = date.year();
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        problems.push(Problem::OutOfRange {
            what,
            id: id.to_string(),
            field,
            value: i64::from(year),
            min: i64::from(MIN_YEAR),
            max: i64::from(MAX_YEAR),
        });
    }
}

fn check_moment(
    what: &'static str,
    id: &str,
    field: &'static str,
    moment: DateTime<Utc>,
    problems: &mut Vec<Problem>,
) {
    check_date(what, id, field, moment.date_naive(), problems);
}

impl Journal {
    /// The limits of [`limits`], for the live journal and the bin alike. Each problem
    /// names the case or entry by id and title.
    pub fn check_limits(&self, problems: &mut Vec<Problem>) {
        let before = problems.len();
        let journal = || None;
        check_count(
            "journaal",
            journal(),
            "casussen",
            self.cases.len(),
            limits::CASES,
            problems,
        );
        check_count(
            "journaal",
            journal(),
            "notities in het journaal",
            self.entries.len(),
            limits::ENTRIES,
            problems,
        );
        check_count(
            "prullenbak",
            journal(),
            "items",
            self.bin.len(),
            limits::BIN,
            problems,
        );
        if problems.len() > before {
            return;
        }
        for case in self.all_cases() {
            let id = || named(case.id, &case.title);
            check_text(
                CASE,
                || case.id.to_string(),
                "titel",
                &case.title,
                limits::LINE,
                problems,
            );
            check_text(
                CASE,
                id,
                "situatie",
                &case.situation,
                limits::LONG_TEXT,
                problems,
            );
            check_text(
                CASE,
                id,
                "vraag",
                &case.question,
                limits::LONG_TEXT,
                problems,
            );
            check_text(
                CASE,
                id,
                "opdrachtgever",
                &case.client,
                limits::LINE,
                problems,
            );
            if let Some(frame) = &case.frame {
                // As the form's fields allow: the two texts as long as the situation,
                // the step as an entry's next step, the rest one line.
                for (field, text, max) in [
                    ("gewenste situatie", &frame.desired, limits::LONG_TEXT),
                    ("wat werkt al", &frame.works, limits::LONG_TEXT),
                    (
                        "kleinste volgende stap",
                        &frame.next_step,
                        limits::SHORT_TEXT,
                    ),
                    ("op wiens agenda", &frame.whose_agenda, limits::LINE),
                    ("agendamoment", &frame.moment, limits::LINE),
                ] {
                    check_text(CASE, id, field, text, max, problems);
                }
            }
            for story in &case.stories {
                // As the story form's fields allow (`story::MAX_*`).
                for (field, text, max) in [
                    ("waar deze partij om geeft", &story.cares, super::MAX_CARES),
                    ("verhaal", &story.story, super::MAX_STORY),
                    ("wie vertelt het", &story.messenger, super::MAX_MESSENGER),
                    ("wanneer en waar", &story.when_where, super::MAX_WHEN_WHERE),
                    ("hoe het aankwam", &story.landed, super::MAX_LANDED),
                ] {
                    check_text(CASE, id, field, text, max, problems);
                }
            }
            for (items, count) in [
                ("tags", case.tags.len()),
                ("gekoppelde competenties", case.competencies.len()),
                ("betrokkenen", case.actors.len()),
                ("namen van betrokkenen", case.involved_names.len()),
                ("verhaalplannen", case.stories.len()),
            ] {
                check_count(CASE, Some(id()), items, count, limits::PER_RECORD, problems);
            }
            for tag in &case.tags {
                check_text(CASE, id, "tag", tag, limits::KEY, problems);
            }
            for competency in &case.competencies {
                check_text(CASE, id, "competentie", competency, limits::KEY, problems);
            }
            for name in &case.involved_names {
                check_text(
                    CASE,
                    id,
                    "naam van een betrokkene",
                    name,
                    limits::LINE,
                    problems,
                );
            }
        }
        for entry in self.all_entries() {
            let id = || entry.id.to_string();
            for (items, count) in [
                ("antwoorden", entry.texts.len()),
                ("vervolgstappen", entry.next_steps.len()),
                ("reacties", entry.feedback.len()),
            ] {
                check_count(
                    ENTRY,
                    Some(id()),
                    items,
                    count,
                    limits::PER_RECORD,
                    problems,
                );
            }
            for (key, text) in &entry.texts {
                check_text(ENTRY, id, "sleutel", key, limits::KEY, problems);
                check_text(ENTRY, id, "antwoord", text, limits::LONG_TEXT, problems);
            }
            for step in &entry.next_steps {
                check_text(
                    "vervolgstap",
                    || step.id.to_string(),
                    "tekst",
                    &step.text,
                    limits::SHORT_TEXT,
                    problems,
                );
            }
            if let Some(question) = &entry.coach_question {
                check_text(
                    ENTRY,
                    id,
                    "vraag voor de begeleider",
                    &question.text,
                    limits::LONG_TEXT,
                    problems,
                );
            }
            check_feedback(&entry.feedback, problems);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{Feedback, NextStep};
    use super::*;
    use crate::model::Role;

    fn actors() -> HashSet<Id> {
        HashSet::from([id(100), id(101)])
    }

    fn problems(j: &Journal) -> Vec<Problem> {
        let mut problems = Vec::new();
        j.validate(&actors(), &mut problems);
        problems
    }

    fn feedback(n: u128) -> Feedback {
        Feedback {
            author_profile: None,
            id: id(n),
            author: "Marieke".into(),
            author_role: Role::Coach,
            written: at(1),
            text: "Goed".into(),
        }
    }

    /// Case 1 (actor 100) with entry 10; case 2 with entry 20.
    fn journal() -> Journal {
        let mut c1 = case(1, "Bomenkap", day(2026, 1, 10));
        c1.actors = vec![id(100)];
        Journal {
            cases: vec![c1, case(2, "Afval", day(2026, 2, 1))],
            entries: vec![entry(10, 1, day(2026, 3, 1)), entry(20, 2, day(2026, 3, 2))],
            bin: Vec::new(),
        }
    }

    #[test]
    fn a_sound_journal_has_no_problems_also_with_things_in_the_bin() {
        let mut j = journal();
        assert_eq!(problems(&j), []);
        j.delete_entry(id(10), at(1));
        j.delete_case(id(1), at(2));
        assert_eq!(problems(&j), []);
    }

    #[test]
    fn duplicate_ids_are_found_across_live_records_and_the_bin() {
        let mut j = journal();
        j.entries[0].feedback.push(feedback(50));
        j.entries[1].feedback.push(feedback(50));
        j.delete_case(id(2), at(1));
        j.cases.push(case(2, "Kopie", day(2026, 2, 1)));
        j.entries.push(entry(20, 2, day(2026, 3, 2)));
        assert_eq!(
            problems(&j),
            [
                Problem::DuplicateId {
                    what: "casus",
                    id: id(2).to_string()
                },
                Problem::DuplicateId {
                    what: "journaalnotitie",
                    id: id(20).to_string()
                },
                Problem::DuplicateId {
                    what: "feedback",
                    id: id(50).to_string()
                },
            ]
        );
    }

    #[test]
    fn entries_must_point_at_a_case_that_can_hold_them() {
        let mut j = journal();
        j.entries.push(entry(30, 9, day(2026, 3, 1)));
        j.delete_case(id(2), at(1));
        // A live entry of a case in the bin: the bin would lose it on restore.
        j.entries.push(entry(21, 2, day(2026, 3, 1)));
        let dangling = |e: u128, c: u128| Problem::DanglingRef {
            what: "journaalnotitie",
            id: id(e).to_string(),
            field: "casus",
            target: id(c).to_string(),
        };
        assert_eq!(problems(&j), [dangling(30, 9), dangling(21, 2)]);
        assert!(problems(&j)[0]
            .message(crate::model::Lang::Nl)
            .contains("casus verwijst naar"));

        let mut j = journal();
        j.delete_case(id(1), at(1));
        if let BinItem::Case { entries, .. } = &mut j.bin[0] {
            entries[0].case_id = id(2);
        }
        let found = problems(&j);
        assert_eq!(found.len(), 1);
        assert!(
            matches!(&found[0], Problem::Invalid { what: "journaalnotitie", id: e, .. } if *e == id(10).to_string())
        );
    }

    #[test]
    fn cases_may_only_name_actors_on_the_map_and_need_a_title() {
        let mut j = journal();
        j.cases[1].actors = vec![id(101), id(102)];
        j.cases[1].title = "  ".into();
        j.delete_case(id(1), at(1));
        if let BinItem::Case { case, .. } = &mut j.bin[0] {
            case.actors.push(id(103));
        }
        let dangling = |c: u128, a: u128| Problem::DanglingRef {
            what: "casus",
            id: id(c).to_string(),
            field: "betrokkene",
            target: id(a).to_string(),
        };
        assert_eq!(
            problems(&j),
            [
                Problem::EmptyField {
                    what: "casus",
                    id: id(2).to_string(),
                    field: "titel"
                },
                dangling(2, 102),
                dangling(1, 103),
            ]
        );
    }

    #[test]
    fn dates_outside_the_sane_years_are_named() {
        let mut j = journal();
        j.cases[0].start = day(1899, 12, 31);
        j.entries[1].next_steps.push(NextStep {
            id: id(70),
            text: "Ooit".into(),
            due: Some(day(2201, 1, 1)),
            done: false,
        });
        j.entries[1].date = day(MAX_YEAR, 12, 31);
        let found = problems(&j);
        assert_eq!(
            found,
            [
                Problem::OutOfRange {
                    what: "casus",
                    id: id(1).to_string(),
                    field: "jaar van de startdatum",
                    value: 1899,
                    min: 1990,
                    max: 2100
                },
                Problem::OutOfRange {
                    what: "journaalnotitie",
                    id: id(20).to_string(),
                    field: "jaar van een streefdatum",
                    value: 2201,
                    min: 1990,
                    max: 2100
                },
            ]
        );
        assert!(found[0]
            .message(crate::model::Lang::Nl)
            .contains("jaar van de startdatum is 1899, maar moet tussen 1990 en 2100 liggen"));
    }

    #[test]
    fn a_frame_is_held_to_the_text_limits_and_sane_years_also_in_the_bin() {
        use super::super::Frame;
        let mut j = journal();
        j.cases[1].frame = Some(Box::new(Frame {
            desired: "d".repeat(limits::LONG_TEXT),
            next_step: "s".repeat(limits::SHORT_TEXT + 1),
            whose_agenda: "w".repeat(limits::LINE + 2),
            date: Some(day(2026, 4, 14)),
            ..Frame::default()
        }));
        j.cases[0].frame = Some(Box::new(Frame {
            moment: "m".repeat(limits::LINE + 1),
            date: Some(day(1989, 12, 31)),
            ..Frame::default()
        }));
        j.delete_case(id(1), at(1));
        let mut found = Vec::new();
        j.check_limits(&mut found);
        let too_long = |c: u128, title: &str, field, chars, max| Problem::TooLong {
            what: "casus",
            id: named(id(c), title),
            field,
            chars,
            max,
        };
        assert_eq!(
            found,
            [
                too_long(2, "Afval", "kleinste volgende stap", 501, 500),
                too_long(2, "Afval", "op wiens agenda", 202, 200),
                too_long(1, "Bomenkap", "agendamoment", 201, 200),
            ]
        );
        assert!(found[1]
            .message(crate::model::Lang::En)
            .contains("whose agenda is 202 characters long; at most 200 are allowed"));
        assert_eq!(
            problems(&j),
            [Problem::OutOfRange {
                what: "casus",
                id: id(1).to_string(),
                field: "jaar van het agendamoment",
                value: 1989,
                min: 1990,
                max: 2100
            }]
        );
    }

    #[test]
    fn normalise_tidies_live_and_binned_records_and_sorts() {
        let mut j = journal();
        j.cases[0].created = at(5);
        j.cases[1].tags = vec![" afval ".into(), "Afval".into()];
        j.entries.reverse();
        j.entries[0]
            .texts
            .insert("starr.taak".into(), "  \n".into());
        j.entries[0]
            .texts
            .insert("starr.actie".into(), "Gebeld".into());
        j.delete_case(id(1), at(9));
        if let BinItem::Case { case, .. } = &mut j.bin[0] {
            case.title = " Bomenkap ".into();
        }
        j.cases.push(case(3, "Nieuw", day(2026, 1, 1)));
        j.cases[1].created = at(-1);
        j.normalise();
        assert_eq!(
            j.cases.iter().map(|c| c.id).collect::<Vec<_>>(),
            [id(3), id(2)]
        );
        assert_eq!(j.cases[1].tags, ["afval"]);
        let e20 = j.entry(id(20)).unwrap();
        assert_eq!(e20.texts.keys().collect::<Vec<_>>(), ["starr.actie"]);
        assert_eq!(j.bin[0].case().unwrap().title, "Bomenkap");
        let once = j.clone();
        j.normalise();
        assert_eq!(j, once, "normalising twice changes nothing");
    }

    #[test]
    fn unlinking_an_actor_counts_every_case_that_named_it_also_in_the_bin() {
        let mut j = journal();
        j.cases[1].actors = vec![id(101), id(100)];
        j.cases.push(case(3, "Zonder", day(2026, 1, 1)));
        j.delete_case(id(1), at(1));
        assert_eq!(j.unlink_actor(id(100)), 2);
        assert_eq!(j.case(id(2)).unwrap().actors, [id(101)]);
        assert!(j.bin[0].case().unwrap().actors.is_empty());
        assert_eq!(j.unlink_actor(id(100)), 0);
    }

    #[test]
    fn story_plans_must_name_an_actor_on_the_map_once_per_case_also_in_the_bin() {
        use super::super::StoryPlan;
        let plan = |a: u128| StoryPlan {
            story: "Verhaal".into(),
            ..StoryPlan::new(id(a))
        };
        let mut j = journal();
        j.cases[0].stories = vec![plan(100), plan(100), plan(100), plan(101)];
        j.cases[1].stories = vec![plan(102)];
        j.delete_case(id(2), at(1));
        let found = problems(&j);
        assert_eq!(
            found,
            [
                Problem::Invalid {
                    what: "casus",
                    id: id(1).to_string(),
                    reason: Reason::SecondStoryFor {
                        actor: id(100).to_string()
                    },
                },
                Problem::DanglingRef {
                    what: "casus",
                    id: id(2).to_string(),
                    field: "verhaalplan",
                    target: id(102).to_string(),
                },
            ]
        );
        assert_eq!(
            found[0].message(crate::model::Lang::Nl),
            format!(
                "casus {}: heeft twee verhaalplannen voor actor {}; er mag er één zijn.",
                id(1),
                id(100)
            )
        );
        assert_eq!(
            found[1].message(crate::model::Lang::En),
            format!(
                "case {}: story plan refers to {}, which does not exist.",
                id(2),
                id(102)
            )
        );
        // A plan for a map actor no longer linked to the case is kept, and sound.
        let mut j = journal();
        j.cases[0].stories = vec![plan(101)];
        assert_eq!(problems(&j), []);
    }

    #[test]
    fn story_plans_are_held_to_the_forms_lengths_and_a_count() {
        use super::super::StoryPlan;
        let mut j = journal();
        j.cases[0].stories = vec![StoryPlan {
            cares: "c".repeat(500),
            story: "s".repeat(2_001),
            messenger: "m".repeat(201),
            when_where: "w".repeat(200),
            landed: "l".repeat(2_002),
            ..StoryPlan::new(id(100))
        }];
        j.cases[1].stories = (0..201).map(|n| StoryPlan::new(id(1_000 + n))).collect();
        let mut found = Vec::new();
        j.check_limits(&mut found);
        let too_long = |field, chars, max| Problem::TooLong {
            what: "casus",
            id: named(id(1), "Bomenkap"),
            field,
            chars,
            max,
        };
        assert_eq!(
            found,
            [
                too_long("verhaal", 2_001, 2_000),
                too_long("wie vertelt het", 201, 200),
                too_long("hoe het aankwam", 2_002, 2_000),
                Problem::TooMany {
                    what: "casus",
                    id: Some(named(id(2), "Afval")),
                    items: "verhaalplannen",
                    count: 201,
                    max: 200,
                },
            ]
        );
        assert!(found[1]
            .message(crate::model::Lang::En)
            .contains("who tells it is 201 characters long; at most 200 are allowed"));
    }

    #[test]
    fn removing_an_actor_takes_its_story_plans_along_also_from_unlinked_and_binned_cases() {
        use super::super::StoryPlan;
        let mut j = journal();
        let plan = StoryPlan {
            told: true,
            ..StoryPlan::new(id(100))
        };
        // Case 2 no longer links actor 100, but kept its plan.
        j.cases[0].stories = vec![plan.clone()];
        j.cases[1].stories = vec![plan];
        j.cases.push(case(3, "Zonder", day(2026, 1, 1)));
        j.delete_case(id(1), at(1));
        assert_eq!(j.unlink_actor(id(100)), 2);
        assert!(j.case(id(2)).unwrap().stories.is_empty());
        assert!(j.bin[0].case().unwrap().stories.is_empty());
        assert_eq!(j.unlink_actor(id(100)), 0);
    }
}
