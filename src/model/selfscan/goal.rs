//! Development goals (the POP): what the participant wants to grow in, linked to
//! competencies, with actions and an optional due date.

use std::collections::HashSet;
use std::fmt;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::framework::trim;
use super::SelfScan;
use crate::model::feedback::{self, Feedback};
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] = [
        GoalStatus::Open,
        GoalStatus::InProgress,
        GoalStatus::Done,
        GoalStatus::Dropped,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            GoalStatus::Open => "Open",
            GoalStatus::InProgress => lang.pick("Mee bezig", "In progress"),
            GoalStatus::Done => lang.pick("Bereikt", "Achieved"),
            GoalStatus::Dropped => lang.pick("Losgelaten", "Dropped"),
        }
    }

    /// Still asking for attention: not achieved and not let go.
    pub fn is_open(self) -> bool {
        matches!(self, GoalStatus::Open | GoalStatus::InProgress)
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct GoalAction {
    pub text: String,
    #[serde(default)]
    pub done: bool,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Competency ids; at least one, so every goal shows up beside a score.
    #[serde(default)]
    pub competencies: Vec<String>,
    #[serde(default)]
    pub actions: Vec<GoalAction>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: GoalStatus,
    /// The begeleider's comments (schema 2 on); never edited by the participant.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<Feedback>,
    /// The day the goal was first saved (schema 4 on; older goals have none). Set by
    /// [`SelfScan::save_goal`], like the two below: they put the goal on *Mijn leerspoor*.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_on: Option<NaiveDate>,
    /// The day of the last saved change after that.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_on: Option<NaiveDate>,
    /// The day it was marked *Bereikt*; none while it is not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reached_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoalError {
    UnknownGoal,
    EmptyTitle,
    NoCompetency,
    UnknownCompetency(String),
    EmptyAction,
}

impl GoalError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            GoalError::UnknownGoal => lang
                .pick(
                    "Dit ontwikkeldoel bestaat niet (meer).",
                    "This development goal does not exist (any more).",
                )
                .into(),
            GoalError::EmptyTitle => lang
                .pick(
                    "Geef het ontwikkeldoel een titel.",
                    "Give the development goal a title.",
                )
                .into(),
            GoalError::NoCompetency => lang
                .pick(
                    "Koppel het ontwikkeldoel aan minstens één competentie.",
                    "Link the development goal to at least one competency.",
                )
                .into(),
            GoalError::UnknownCompetency(id) => lang.pick(
                format!("Competentie \u{201c}{id}\u{201d} staat niet in het kader."),
                format!("Competency \u{201c}{id}\u{201d} is not in the framework."),
            ),
            GoalError::EmptyAction => lang
                .pick(
                    "Een actie zonder tekst kan niet worden bewaard.",
                    "An action without text cannot be saved.",
                )
                .into(),
        }
    }
}

impl fmt::Display for GoalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

impl Goal {
    /// A new open goal; it is checked against the framework when saved.
    pub fn new(id: Id, title: &str, competencies: Vec<String>) -> Goal {
        Goal {
            id,
            title: title.trim().to_string(),
            description: String::new(),
            competencies,
            actions: Vec::new(),
            due: None,
            status: GoalStatus::Open,
            feedback: Vec::new(),
            set_on: None,
            changed_on: None,
            reached_on: None,
        }
    }

    /// The same goal apart from its dates: what counts as a change.
    fn same_as(&self, other: &Goal) -> bool {
        let undated = |g: &Goal| Goal {
            set_on: None,
            changed_on: None,
            reached_on: None,
            ..g.clone()
        };
        undated(self) == undated(other)
    }

    pub fn is_open(&self) -> bool {
        self.status.is_open()
    }

    /// Open and its due date has passed (the due date itself is not overdue yet).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|due| due < today)
    }

    /// Open and due from `today` up to and including `today + days`.
    pub fn is_due_within(&self, today: NaiveDate, days: u32) -> bool {
        let Some(due) = self.due else { return false };
        let until = today
            .checked_add_days(Days::new(u64::from(days)))
            .unwrap_or(NaiveDate::MAX);
        self.is_open() && today <= due && due <= until
    }

    /// (done, total) actions.
    pub fn action_progress(&self) -> (usize, usize) {
        let done = self.actions.iter().filter(|a| a.done).count();
        (done, self.actions.len())
    }

    pub fn add_action(&mut self, text: &str) -> Result<(), GoalError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(GoalError::EmptyAction);
        }
        self.actions.push(GoalAction {
            text: text.to_string(),
            done: false,
        });
        Ok(())
    }

    /// Trims texts and drops repeated competency ids, keeping the first.
    pub fn normalise(&mut self) {
        trim(&mut self.title);
        trim(&mut self.description);
        self.competencies.iter_mut().for_each(trim);
        let mut seen = HashSet::new();
        self.competencies.retain(|c| seen.insert(c.clone()));
        for action in &mut self.actions {
            trim(&mut action.text);
        }
        feedback::sort(&mut self.feedback);
    }

    /// Adds a begeleider's comments; the goal itself (the participant's words) is left
    /// as it is. Returns how many comments changed.
    pub fn merge_feedback(&mut self, incoming: impl IntoIterator<Item = Feedback>) -> usize {
        feedback::merge(&mut self.feedback, incoming)
    }

    /// What [`SelfScan::save_goal`] and validation require; `known` are competency ids.
    pub fn check(&self, known: &HashSet<String>) -> Result<(), GoalError> {
        if self.title.trim().is_empty() {
            return Err(GoalError::EmptyTitle);
        }
        if self.competencies.is_empty() {
            return Err(GoalError::NoCompetency);
        }
        if let Some(unknown) = self.competencies.iter().find(|c| !known.contains(*c)) {
            return Err(GoalError::UnknownCompetency(unknown.clone()));
        }
        if self.actions.iter().any(|a| a.text.trim().is_empty()) {
            return Err(GoalError::EmptyAction);
        }
        Ok(())
    }
}

impl SelfScan {
    pub fn goal(&self, id: Id) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// Adds the goal, or replaces the one with the same id; refused goals change nothing.
    /// The UI edits a clone of a goal and saves it here. `today` dates it: the day it was
    /// set (a new goal), changed (a saved difference) and reached (status *Bereikt*).
    pub fn save_goal(&mut self, mut goal: Goal, today: NaiveDate) -> Result<(), GoalError> {
        goal.normalise();
        goal.check(&self.competency_ids())?;
        let reached = goal.status == GoalStatus::Done;
        match self.goals.iter_mut().find(|g| g.id == goal.id) {
            Some(existing) => {
                if existing.same_as(&goal) {
                    return Ok(());
                }
                goal.set_on = existing.set_on;
                // Marking it reached is its own step on the track, not a change: the day
                // of the last change before it stays.
                let only_reached = reached && {
                    let mut before = goal.clone();
                    before.status = existing.status;
                    existing.same_as(&before)
                };
                goal.changed_on = if only_reached {
                    existing.changed_on
                } else {
                    Some(today)
                };
                goal.reached_on = match (reached, existing.status == GoalStatus::Done) {
                    (true, true) => existing.reached_on,
                    (true, false) => Some(today),
                    (false, _) => None,
                };
                *existing = goal;
            }
            None => {
                goal.set_on = Some(today);
                goal.changed_on = None;
                goal.reached_on = reached.then_some(today);
                self.goals.push(goal);
            }
        }
        Ok(())
    }

    pub fn delete_goal(&mut self, id: Id) -> Result<Goal, GoalError> {
        let index = self
            .goals
            .iter()
            .position(|g| g.id == id)
            .ok_or(GoalError::UnknownGoal)?;
        Ok(self.goals.remove(index))
    }

    pub fn open_goals(&self) -> Vec<&Goal> {
        self.goals.iter().filter(|g| g.is_open()).collect()
    }

    /// Open goals due in the coming `days` days (today included), soonest first.
    pub fn goals_due_within(&self, today: NaiveDate, days: u32) -> Vec<&Goal> {
        let mut due: Vec<&Goal> = self
            .goals
            .iter()
            .filter(|g| g.is_due_within(today, days))
            .collect();
        due.shared_sort_by_key(|g| g.due);
        due
    }

    /// Open goals past their due date, longest overdue first.
    pub fn overdue_goals(&self, today: NaiveDate) -> Vec<&Goal> {
        let mut overdue: Vec<&Goal> = self.goals.iter().filter(|g| g.is_overdue(today)).collect();
        overdue.shared_sort_by_key(|g| g.due);
        overdue
    }

    /// Open goals not overdue, as the overview lists them under the overdue ones: soonest
    /// due first, goals without a due date last (in the order they were made).
    pub fn upcoming_goals(&self, today: NaiveDate) -> Vec<&Goal> {
        let mut open: Vec<&Goal> = self
            .goals
            .iter()
            .filter(|g| g.is_open() && !g.is_overdue(today))
            .collect();
        open.shared_sort_by_key(|g| (g.due.is_none(), g.due));
        open
    }

    pub fn goals_for_competency(&self, competency: &str) -> Vec<&Goal> {
        self.goals
            .iter()
            .filter(|g| g.competencies.iter().any(|c| c == competency))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::date;
    use super::*;

    fn goal(n: u128, due: Option<NaiveDate>, status: GoalStatus) -> Goal {
        let mut g = Goal::new(Id::from_u128(n), "Doel", vec!["netwerk-lezen".into()]);
        g.due = due;
        g.status = status;
        g
    }

    #[test]
    fn save_checks_title_competencies_and_actions() {
        let mut s = SelfScan::new_with_default();
        let mut g = Goal::new(Id::from_u128(1), "  ", vec!["netwerk-lezen".into()]);
        assert_eq!(
            s.save_goal(g.clone(), date(2026, 3, 1)),
            Err(GoalError::EmptyTitle)
        );
        g.title = " Netwerkkaart maken ".into();
        g.competencies.clear();
        assert_eq!(
            s.save_goal(g.clone(), date(2026, 3, 1)),
            Err(GoalError::NoCompetency)
        );
        g.competencies = vec!["netwerk-lezen".into(), "vliegen".into()];
        assert_eq!(
            s.save_goal(g.clone(), date(2026, 3, 1)),
            Err(GoalError::UnknownCompetency("vliegen".into()))
        );
        g.competencies = vec!["netwerk-lezen".into(), " netwerk-lezen".into()];
        g.actions.push(GoalAction {
            text: " ".into(),
            done: false,
        });
        assert_eq!(
            s.save_goal(g.clone(), date(2026, 3, 1)),
            Err(GoalError::EmptyAction)
        );
        assert!(s.goals.is_empty());
        g.actions.clear();
        assert_eq!(g.add_action("  "), Err(GoalError::EmptyAction));
        g.add_action("Kaart bespreken met begeleider").unwrap();
        s.save_goal(g, date(2026, 3, 1)).unwrap();
        let saved = s.goal(Id::from_u128(1)).unwrap();
        assert_eq!(saved.title, "Netwerkkaart maken");
        assert_eq!(saved.competencies, ["netwerk-lezen"]);
        assert_eq!(saved.action_progress(), (0, 1));
    }

    #[test]
    fn saving_again_replaces_and_delete_removes() {
        let mut s = SelfScan::new_with_default();
        let mut g = goal(1, None, GoalStatus::Open);
        s.save_goal(g.clone(), date(2026, 3, 1)).unwrap();
        g.status = GoalStatus::Done;
        g.add_action("Gedaan").unwrap();
        g.actions[0].done = true;
        s.save_goal(g, date(2026, 3, 1)).unwrap();
        assert_eq!(s.goals.len(), 1);
        assert_eq!(s.goals[0].status, GoalStatus::Done);
        assert_eq!(s.goals[0].action_progress(), (1, 1));
        assert!(s.open_goals().is_empty());
        assert!(s.delete_goal(Id::from_u128(1)).is_ok());
        assert_eq!(s.delete_goal(Id::from_u128(1)), Err(GoalError::UnknownGoal));
    }

    /// The dates *Mijn leerspoor* shows: set on the first save, changed on a later save
    /// that changes something, reached when marked *Bereikt* (and kept while it stays so).
    #[test]
    fn saving_dates_a_goal_set_changed_and_reached() {
        let mut s = SelfScan::new_with_default();
        let mut g = goal(1, None, GoalStatus::Open);
        s.save_goal(g.clone(), date(2026, 2, 2)).unwrap();
        let dates = |s: &SelfScan| {
            let g = &s.goals[0];
            (g.set_on, g.changed_on, g.reached_on)
        };
        assert_eq!(dates(&s), (Some(date(2026, 2, 2)), None, None));
        // Saved unchanged: no change to date.
        s.save_goal(s.goals[0].clone(), date(2026, 2, 9)).unwrap();
        assert_eq!(dates(&s), (Some(date(2026, 2, 2)), None, None));
        g.title = "Doel, scherper".into();
        s.save_goal(g.clone(), date(2026, 3, 3)).unwrap();
        assert_eq!(
            dates(&s),
            (Some(date(2026, 2, 2)), Some(date(2026, 3, 3)), None)
        );
        // Marked reached, nothing else: reached that day, last changed still in March.
        g.status = GoalStatus::Done;
        s.save_goal(g.clone(), date(2026, 4, 4)).unwrap();
        let reached = (
            Some(date(2026, 2, 2)),
            Some(date(2026, 3, 3)),
            Some(date(2026, 4, 4)),
        );
        assert_eq!(dates(&s), reached);
        // Still reached after another edit: the day it was reached stays.
        g.description = "Terugblik".into();
        s.save_goal(g.clone(), date(2026, 5, 5)).unwrap();
        assert_eq!(s.goals[0].reached_on, Some(date(2026, 4, 4)));
        assert_eq!(s.goals[0].changed_on, Some(date(2026, 5, 5)));
        // Opened again: no longer reached.
        g.status = GoalStatus::InProgress;
        s.save_goal(g, date(2026, 6, 6)).unwrap();
        assert_eq!(s.goals[0].reached_on, None);
        // A goal saved new as reached is reached that day.
        let mut done = goal(2, None, GoalStatus::Done);
        done.set_on = Some(date(2020, 1, 1)); // whatever the form held: the save decides
        s.save_goal(done, date(2026, 7, 7)).unwrap();
        let g2 = &s.goals[1];
        assert_eq!(
            (g2.set_on, g2.reached_on),
            (Some(date(2026, 7, 7)), Some(date(2026, 7, 7)))
        );
    }

    #[test]
    fn due_and_overdue_only_count_open_goals() {
        let today = date(2026, 3, 10);
        let mut s = SelfScan::new_with_default();
        s.goals = vec![
            goal(1, Some(date(2026, 3, 17)), GoalStatus::Open), // due in 7 days
            goal(2, Some(date(2026, 3, 10)), GoalStatus::InProgress), // due today
            goal(3, Some(date(2026, 3, 18)), GoalStatus::Open), // in 8 days
            goal(4, Some(date(2026, 3, 9)), GoalStatus::Open),  // overdue by 1
            goal(5, Some(date(2026, 3, 1)), GoalStatus::Done),  // done: never overdue
            goal(6, Some(date(2026, 3, 12)), GoalStatus::Dropped),
            goal(7, None, GoalStatus::Open),
            goal(8, Some(date(2026, 2, 1)), GoalStatus::InProgress),
        ];
        let ids =
            |goals: Vec<&Goal>| -> Vec<u128> { goals.iter().map(|g| g.id.as_u128()).collect() };
        assert_eq!(ids(s.goals_due_within(today, 7)), [2, 1]);
        assert_eq!(ids(s.goals_due_within(today, 0)), [2]);
        assert_eq!(ids(s.overdue_goals(today)), [8, 4]);
        // The rest of the open goals: due today first, undated last.
        assert_eq!(ids(s.upcoming_goals(today)), [2, 1, 3, 7]);
        assert_eq!(ids(s.open_goals()), [1, 2, 3, 4, 7, 8]);
        assert_eq!(GoalStatus::InProgress.label(Lang::Nl), "Mee bezig");
        assert_eq!(GoalStatus::InProgress.label(Lang::En), "In progress");
        assert_eq!(
            GoalError::NoCompetency.message(Lang::En),
            "Link the development goal to at least one competency."
        );
    }

    #[test]
    fn goals_are_found_by_competency() {
        let mut s = SelfScan::new_with_default();
        let mut g = goal(1, None, GoalStatus::Open);
        g.competencies.push("verhalend-verbinden".into());
        s.save_goal(g, date(2026, 3, 1)).unwrap();
        assert_eq!(s.goals_for_competency("verhalend-verbinden").len(), 1);
        assert!(s.goals_for_competency("netwerk-benutten").is_empty());
    }
}
