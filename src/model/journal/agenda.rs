//! "Agenda voor de volgende sessie": every open coach question and open next step across
//! the live cases, in the order they need attention.

use chrono::{DateTime, NaiveDate, Utc};

use super::{fold, Entry, Journal};
use crate::model::order::SharedSort;
use crate::model::Id;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaKind {
    CoachQuestion,
    NextStep { step_id: Id },
}

#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub case_id: Id,
    pub case_title: String,
    pub entry_id: Id,
    pub entry_date: NaiveDate,
    /// The question or the step; a flagged question may be empty (the entry itself is
    /// what the participant wants to discuss).
    pub text: String,
    pub due: Option<NaiveDate>,
    /// Due before `today`; due today is not overdue yet.
    pub overdue: bool,
}

/// Overdue first, then by due date, then undated. Sorting by due date alone puts
/// overdue items first, as they are due before any item that is not. Ties go to the
/// older entry (it has waited longest), then case title, then the order in the entry.
pub fn agenda(journal: &Journal, today: NaiveDate) -> Vec<AgendaItem> {
    let mut items: Vec<(usize, AgendaItem)> = Vec::new();
    for entry in &journal.entries {
        let Some(case) = journal.case(entry.case_id) else {
            continue;
        };
        let item = |kind, text: &str, due: Option<NaiveDate>| AgendaItem {
            kind,
            case_id: case.id,
            case_title: case.title.clone(),
            entry_id: entry.id,
            entry_date: entry.date,
            text: text.to_string(),
            due,
            overdue: due.is_some_and(|d| d < today),
        };
        if let Some(q) = entry.coach_question.as_ref().filter(|q| !q.done) {
            items.push((0, item(AgendaKind::CoachQuestion, &q.text, None)));
        }
        let open_steps = entry
            .next_steps
            .iter()
            .filter(|s| !s.done && !s.text.trim().is_empty());
        for (n, step) in open_steps.enumerate() {
            let kind = AgendaKind::NextStep { step_id: step.id };
            items.push((n + 1, item(kind, &step.text, step.due)));
        }
    }
    items.shared_sort_by_key(|(order, i)| {
        (
            i.due.is_none(),
            i.due,
            i.entry_date,
            fold(&i.case_title),
            i.entry_id,
            *order,
        )
    });
    items.into_iter().map(|(_, item)| item).collect()
}

impl Journal {
    /// Ticks an agenda item off (or back on). A real change moves `updated` of the entry
    /// and its case. False if the entry, question or step does not exist or nothing changed.
    pub fn set_agenda_item_done(
        &mut self,
        entry_id: Id,
        kind: AgendaKind,
        done: bool,
        now: DateTime<Utc>,
    ) -> bool {
        let Some(entry) = self.entries.iter_mut().find(|e| e.id == entry_id) else {
            return false;
        };
        let Some(flag) = done_flag(entry, kind) else {
            return false;
        };
        if *flag == done {
            return false;
        }
        *flag = done;
        entry.updated = now;
        let case_id = entry.case_id;
        self.touch_case(case_id, now);
        true
    }
}

fn done_flag(entry: &mut Entry, kind: AgendaKind) -> Option<&mut bool> {
    match kind {
        AgendaKind::CoachQuestion => entry.coach_question.as_mut().map(|q| &mut q.done),
        AgendaKind::NextStep { step_id } => entry
            .next_steps
            .iter_mut()
            .find(|s| s.id == step_id)
            .map(|s| &mut s.done),
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{CoachQuestion, NextStep};
    use super::*;

    fn step(n: u128, text: &str, due: Option<NaiveDate>, done: bool) -> NextStep {
        NextStep {
            id: id(n),
            text: text.into(),
            due,
            done,
        }
    }

    fn question(text: &str, done: bool) -> Option<CoachQuestion> {
        Some(CoachQuestion {
            text: text.into(),
            done,
        })
    }

    fn journal() -> Journal {
        let mut e10 = entry(10, 1, day(2026, 3, 1));
        e10.next_steps = vec![
            step(101, "Wijkmanager bellen", Some(day(2026, 3, 12)), false),
            step(102, "Notitie sturen", Some(day(2026, 3, 5)), false),
            step(103, "Al gedaan", Some(day(2026, 3, 1)), true),
            step(104, "  ", Some(day(2026, 3, 1)), false),
        ];
        e10.coach_question = question("Hoe houd ik regie?", false);
        let mut e11 = entry(11, 2, day(2026, 2, 20));
        e11.next_steps = vec![
            step(111, "Offerte opvragen", None, false),
            step(112, "Planning delen", Some(day(2026, 3, 10)), false),
        ];
        e11.coach_question = question("Al besproken", true);
        let mut e12 = entry(12, 2, day(2026, 3, 3));
        e12.coach_question = question("", false);
        e12.next_steps = vec![step(121, "Aannemer mailen", Some(day(2026, 3, 5)), false)];
        let mut e13 = entry(13, 1, day(2026, 3, 2));
        e13.next_steps = vec![step(131, "In de prullenbak", None, false)];
        let mut j = Journal {
            cases: vec![
                case(1, "Bomenkap", day(2026, 1, 1)),
                case(2, "Afvalbakken", day(2026, 1, 1)),
            ],
            entries: vec![e10, e11, e12, e13],
            bin: Vec::new(),
        };
        j.delete_entry(id(13), at(1));
        j
    }

    #[test]
    fn overdue_first_then_by_due_date_then_undated_oldest_entry_first() {
        let items = agenda(&journal(), day(2026, 3, 10));
        let got: Vec<(AgendaKind, &str, bool)> = items
            .iter()
            .map(|i| (i.kind, i.text.as_str(), i.overdue))
            .collect();
        let step = |n| AgendaKind::NextStep { step_id: id(n) };
        assert_eq!(
            got,
            [
                (step(102), "Notitie sturen", true),
                (step(121), "Aannemer mailen", true),
                (step(112), "Planning delen", false),
                (step(101), "Wijkmanager bellen", false),
                (step(111), "Offerte opvragen", false),
                (AgendaKind::CoachQuestion, "Hoe houd ik regie?", false),
                (AgendaKind::CoachQuestion, "", false),
            ]
        );
        let first = &items[0];
        assert_eq!(first.case_title, "Bomenkap");
        assert_eq!(first.case_id, id(1));
        assert_eq!(first.entry_id, id(10));
        assert_eq!(first.entry_date, day(2026, 3, 1));
        assert_eq!(first.due, Some(day(2026, 3, 5)));
    }

    #[test]
    fn ticking_an_item_off_removes_it_and_marks_the_work_as_updated() {
        let mut j = journal();
        let kind = AgendaKind::NextStep { step_id: id(102) };
        assert!(j.set_agenda_item_done(id(10), kind, true, at(50)));
        assert!(
            !j.set_agenda_item_done(id(10), kind, true, at(51)),
            "no change"
        );
        assert_eq!(j.entry(id(10)).unwrap().updated, at(50));
        assert_eq!(j.case(id(1)).unwrap().updated, at(50));
        let items = agenda(&j, day(2026, 3, 10));
        assert_eq!(items.len(), 6);
        assert!(items.iter().all(|i| i.kind != kind));

        assert!(j.set_agenda_item_done(id(10), AgendaKind::CoachQuestion, true, at(52)));
        assert_eq!(agenda(&j, day(2026, 3, 10)).len(), 5);
        let unknown = AgendaKind::NextStep { step_id: id(999) };
        assert!(!j.set_agenda_item_done(id(10), unknown, true, at(53)));
        assert!(!j.set_agenda_item_done(id(13), AgendaKind::CoachQuestion, true, at(53)));
        assert!(
            j.set_agenda_item_done(id(10), kind, false, at(54)),
            "reopened"
        );
        assert_eq!(agenda(&j, day(2026, 3, 10)).len(), 6);
    }

    #[test]
    fn an_empty_journal_has_an_empty_agenda() {
        assert!(agenda(&Journal::default(), day(2026, 3, 10)).is_empty());
    }
}
