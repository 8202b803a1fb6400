//! "Agenda voor de volgende sessie": every open coach question and open next step across
//! the live cases, and each case's solution-focused frame's open smallest next step and
//! agenda moment, in the order they need attention.

use chrono::{DateTime, NaiveDate, Utc};

use super::{fold, Case, Entry, Journal};
use crate::model::order::SharedSort;
use crate::model::Id;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaKind {
    CoachQuestion,
    NextStep {
        step_id: Id,
    },
    /// The smallest next step of the case's frame ("kleinste volgende stap").
    FrameStep,
    /// The moment the case must come on someone's agenda: a meeting or decision, a date.
    FrameMoment,
}

impl AgendaKind {
    /// Whether the item is the case's frame rather than one of its entries.
    pub fn of_frame(self) -> bool {
        matches!(self, AgendaKind::FrameStep | AgendaKind::FrameMoment)
    }
}

/// The entry an item comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgendaEntry {
    pub id: Id,
    pub date: NaiveDate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    pub kind: AgendaKind,
    pub case_id: Id,
    pub case_title: String,
    /// `None` for the items of a case's frame.
    pub entry: Option<AgendaEntry>,
    /// The question, the step or the frame's moment; a flagged question may be empty (the
    /// entry itself is what the participant wants to discuss), and so may a frame moment
    /// that has a date only.
    pub text: String,
    /// For the frame's items: on whose agenda the case must come (may be empty).
    pub whose_agenda: String,
    pub due: Option<NaiveDate>,
    /// Due before `today`; due today is not overdue yet.
    pub overdue: bool,
}

impl AgendaItem {
    /// What [`Journal::set_agenda_item_done`] needs besides the kind: the entry, or for
    /// a frame's item the case.
    pub fn source(&self) -> Id {
        self.entry.map_or(self.case_id, |e| e.id)
    }
}

/// Overdue first, then by due date, then undated. Sorting by due date alone puts
/// overdue items first, as they are due before any item that is not. Ties go to what
/// has waited longest: the older entry, or for a frame's items the case's start date
/// (the frame is the case's own; it waits as long as the case), then case title, then
/// the order in the entry or frame (the step before the moment).
pub fn agenda(journal: &Journal, today: NaiveDate) -> Vec<AgendaItem> {
    let mut items: Vec<(NaiveDate, usize, AgendaItem)> = Vec::new();
    let item = |case: &Case, kind, entry, text: &str, due: Option<NaiveDate>| AgendaItem {
        kind,
        case_id: case.id,
        case_title: case.title.clone(),
        entry,
        text: text.to_string(),
        whose_agenda: String::new(),
        due,
        overdue: due.is_some_and(|d| d < today),
    };
    for entry in &journal.entries {
        let Some(case) = journal.case(entry.case_id) else {
            continue;
        };
        let from = Some(AgendaEntry {
            id: entry.id,
            date: entry.date,
        });
        if let Some(q) = entry.coach_question.as_ref().filter(|q| !q.done) {
            let question = item(case, AgendaKind::CoachQuestion, from, &q.text, None);
            items.push((entry.date, 0, question));
        }
        let open_steps = entry
            .next_steps
            .iter()
            .filter(|s| !s.done && !s.text.trim().is_empty());
        for (n, step) in open_steps.enumerate() {
            let kind = AgendaKind::NextStep { step_id: step.id };
            items.push((
                entry.date,
                n + 1,
                item(case, kind, from, &step.text, step.due),
            ));
        }
    }
    for case in &journal.cases {
        let Some(frame) = &case.frame else {
            continue;
        };
        let with_whose = |mut i: AgendaItem| {
            i.whose_agenda = frame.whose_agenda.clone();
            i
        };
        if let Some(step) = frame.open_step() {
            let step = item(case, AgendaKind::FrameStep, None, step, None);
            items.push((case.start, 0, with_whose(step)));
        }
        if frame.open_moment() {
            let kind = AgendaKind::FrameMoment;
            let moment = item(case, kind, None, &frame.moment, frame.date);
            items.push((case.start, 1, with_whose(moment)));
        }
    }
    items.shared_sort_by_key(|(waiting, order, i)| {
        (
            i.due.is_none(),
            i.due,
            *waiting,
            fold(&i.case_title),
            i.source(),
            *order,
        )
    });
    items.into_iter().map(|(_, _, item)| item).collect()
}

impl Journal {
    /// Ticks an agenda item off (or back on). `source` is [`AgendaItem::source`]: the
    /// entry, or the case for a frame's item. A real change moves `updated` of the entry
    /// and its case. False if the entry, case, question or step does not exist or
    /// nothing changed.
    pub fn set_agenda_item_done(
        &mut self,
        source: Id,
        kind: AgendaKind,
        done: bool,
        now: DateTime<Utc>,
    ) -> bool {
        if kind.of_frame() {
            return self.set_frame_item_done(source, kind, done, now);
        }
        let Some(entry) = self.entries.iter_mut().find(|e| e.id == source) else {
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

    fn set_frame_item_done(
        &mut self,
        case_id: Id,
        kind: AgendaKind,
        done: bool,
        now: DateTime<Utc>,
    ) -> bool {
        let Some(frame) = self
            .cases
            .iter_mut()
            .find(|c| c.id == case_id)
            .and_then(|c| c.frame.as_mut())
        else {
            return false;
        };
        let flag = match kind {
            AgendaKind::FrameStep => &mut frame.next_step_done,
            _ => &mut frame.on_agenda,
        };
        if *flag == done {
            return false;
        }
        *flag = done;
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
        AgendaKind::FrameStep | AgendaKind::FrameMoment => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{CoachQuestion, Frame, NextStep};
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
        assert_eq!(
            first.entry,
            Some(AgendaEntry {
                id: id(10),
                date: day(2026, 3, 1)
            })
        );
        assert_eq!(first.source(), id(10));
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

    /// `journal()` with frames: Bomenkap's moment is overdue and its step taken;
    /// Afvalbakken (started 25 February) has an undated step and a dated moment;
    /// Speelplaats (started 2 March) a moment without a date; Kademuur's moment is on the
    /// agenda already; the binned Brug is left out.
    fn with_frames() -> Journal {
        let mut j = journal();
        let frame = |step: &str, whose: &str, moment: &str, date| {
            Some(Box::new(Frame {
                next_step: step.into(),
                whose_agenda: whose.into(),
                moment: moment.into(),
                date,
                ..Frame::default()
            }))
        };
        j.cases[0].frame = frame(
            "Raadsinformatiebrief schetsen",
            "Wethouder",
            "Collegevergadering",
            Some(day(2026, 3, 5)),
        );
        j.cases[0].frame.as_mut().unwrap().next_step_done = true;
        j.cases[1].start = day(2026, 2, 25);
        j.cases[1].frame = frame(
            "Bewonersavond plannen",
            "Stuurgroep afval",
            "Stuurgroep",
            Some(day(2026, 3, 20)),
        );
        let mut speelplaats = case(3, "Speelplaats", day(2026, 3, 2));
        speelplaats.frame = frame("", "", "Eerstvolgende wijkoverleg", None);
        let mut kademuur = case(4, "Kademuur", day(2026, 1, 1));
        kademuur.frame = frame("", "Raad", "Raadsvergadering", Some(day(2026, 3, 1)));
        kademuur.frame.as_mut().unwrap().on_agenda = true;
        let mut brug = case(5, "Brug", day(2026, 1, 1));
        brug.frame = frame("Vergunning aanvragen", "", "", Some(day(2026, 3, 1)));
        j.cases.extend([speelplaats, kademuur, brug]);
        j.delete_case(id(5), at(2));
        j
    }

    #[test]
    fn frame_steps_and_moments_join_the_agenda_in_the_same_order() {
        let items = agenda(&with_frames(), day(2026, 3, 10));
        let got: Vec<(AgendaKind, &str, &str, bool)> = items
            .iter()
            .map(|i| (i.kind, i.case_title.as_str(), i.text.as_str(), i.overdue))
            .collect();
        let step = |n| AgendaKind::NextStep { step_id: id(n) };
        let (fs, fm, q) = (
            AgendaKind::FrameStep,
            AgendaKind::FrameMoment,
            AgendaKind::CoachQuestion,
        );
        assert_eq!(
            got,
            [
                // Due 5 March: the frame's case started 1 January, before either entry.
                (fm, "Bomenkap", "Collegevergadering", true),
                (step(102), "Bomenkap", "Notitie sturen", true),
                (step(121), "Afvalbakken", "Aannemer mailen", true),
                (step(112), "Afvalbakken", "Planning delen", false),
                (step(101), "Bomenkap", "Wijkmanager bellen", false),
                (fm, "Afvalbakken", "Stuurgroep", false),
                // Undated: entry of 20 February, case of 25 February, entry of 1 March,
                // case of 2 March, entry of 3 March.
                (step(111), "Afvalbakken", "Offerte opvragen", false),
                (fs, "Afvalbakken", "Bewonersavond plannen", false),
                (q, "Bomenkap", "Hoe houd ik regie?", false),
                (fm, "Speelplaats", "Eerstvolgende wijkoverleg", false),
                (q, "Afvalbakken", "", false),
            ]
        );
        let first = &items[0];
        assert_eq!(first.entry, None);
        assert_eq!(first.source(), id(1));
        assert_eq!(first.whose_agenda, "Wethouder");
        assert_eq!(first.due, Some(day(2026, 3, 5)));
        assert_eq!(items[7].whose_agenda, "Stuurgroep afval");
        assert_eq!(items[7].due, None);
        assert_eq!(items[1].whose_agenda, "", "an entry's step names no agenda");
    }

    #[test]
    fn ticking_a_frame_item_off_marks_the_frame_and_its_case() {
        let mut j = with_frames();
        assert!(j.set_agenda_item_done(id(2), AgendaKind::FrameStep, true, at(60)));
        assert!(!j.set_agenda_item_done(id(2), AgendaKind::FrameStep, true, at(61)));
        let case = j.case(id(2)).unwrap();
        assert!(case.frame.as_ref().unwrap().next_step_done);
        assert_eq!(case.updated, at(60));
        assert!(j.set_agenda_item_done(id(1), AgendaKind::FrameMoment, true, at(62)));
        assert!(j.case(id(1)).unwrap().frame.as_ref().unwrap().on_agenda);
        let items = agenda(&j, day(2026, 3, 10));
        assert_eq!(items.len(), 9);
        assert!(!items
            .iter()
            .any(|i| i.kind == AgendaKind::FrameStep
                || i.case_title == "Bomenkap" && i.kind.of_frame()));

        // An entry's id is no case, a case without a frame has nothing to tick, and a
        // frame kind never ticks an entry's question.
        assert!(!j.set_agenda_item_done(id(10), AgendaKind::FrameStep, true, at(63)));
        j.cases[0].frame = None;
        assert!(!j.set_agenda_item_done(id(1), AgendaKind::FrameMoment, false, at(63)));
        assert!(
            !j.set_agenda_item_done(id(5), AgendaKind::FrameStep, true, at(63)),
            "in the bin"
        );
        assert!(
            j.set_agenda_item_done(id(2), AgendaKind::FrameStep, false, at(64)),
            "reopened"
        );
        assert_eq!(agenda(&j, day(2026, 3, 10)).len(), 10);
    }

    #[test]
    fn an_empty_journal_has_an_empty_agenda() {
        assert!(agenda(&Journal::default(), day(2026, 3, 10)).is_empty());
    }
}
