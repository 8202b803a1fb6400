//! "Verhalend verbinden": a case's story plans ("verhaalplannen"), one per party involved.
//! For each actor linked to the case the participant writes what that party cares about,
//! the story that connects the case to it, who tells it (the messenger, often not the
//! advisor), when and where, and afterwards whether it was told and how it landed.
//!
//! The rules:
//! - a plan belongs to one actor of the network map, and a case has at most one per actor
//!   (`Journal::validate` names a second one and a plan for an actor not on the map);
//! - a plan with nothing in it is no plan (`StoryPlan::is_empty`), so normalising drops it;
//! - unlinking an actor from the case keeps its plan (nothing typed is lost), shown apart
//!   as "no longer involved" ([`StoryRows::former`]) and counted nowhere; linking the actor
//!   again brings it back. Removing the actor from the map removes its plans
//!   (`Journal::unlink_actor`), so no plan points at an actor that is gone;
//! - a party counts as reached when its story has been told ([`StoryState::Told`]); the
//!   reach counts the actors linked to the case ([`reach`]).

use serde::{Deserialize, Serialize};

use super::Case;
use crate::model::network::{name_key, Network};
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

/// What the form allows, in characters: the texts as a rating's evidence, the
/// messenger and the moment one line.
pub const MAX_CARES: usize = crate::model::validation::limits::SHORT_TEXT;
pub const MAX_STORY: usize = crate::model::validation::limits::EVIDENCE;
pub const MAX_MESSENGER: usize = crate::model::validation::limits::LINE;
pub const MAX_WHEN_WHERE: usize = crate::model::validation::limits::LINE;
pub const MAX_LANDED: usize = crate::model::validation::limits::EVIDENCE;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct StoryPlan {
    /// The party: an actor of the network map, linked to the case.
    pub actor: Id,
    /// Waar deze partij om geeft: its interests, worries, what it wants to be seen doing.
    #[serde(default)]
    pub cares: String,
    /// Het verhaal: the story or frame that connects the case to what the party cares about.
    #[serde(default)]
    pub story: String,
    /// Wie vertelt het: the messenger, as the participant names them.
    #[serde(default)]
    pub messenger: String,
    /// Wanneer en waar: a meeting, a walk, a moment.
    #[serde(default)]
    pub when_where: String,
    /// The story has been told: the party is reached.
    #[serde(default)]
    pub told: bool,
    /// Hoe kwam het aan: written afterwards.
    #[serde(default)]
    pub landed: String,
}

impl StoryPlan {
    pub fn new(actor: Id) -> StoryPlan {
        StoryPlan {
            actor,
            cares: String::new(),
            story: String::new(),
            messenger: String::new(),
            when_where: String::new(),
            told: false,
            landed: String::new(),
        }
    }

    /// Nothing written and not told: the same as no plan.
    pub fn is_empty(&self) -> bool {
        !self.told
            && [
                &self.cares,
                &self.story,
                &self.messenger,
                &self.when_where,
                &self.landed,
            ]
            .iter()
            .all(|t| t.trim().is_empty())
    }

    pub fn state(&self) -> StoryState {
        if self.told {
            StoryState::Told
        } else if self.is_empty() {
            StoryState::None
        } else {
            StoryState::Planned
        }
    }

    /// The one-line fields are trimmed, as the frame's are; the texts are kept as typed.
    fn normalise(&mut self) {
        for text in [&mut self.messenger, &mut self.when_where] {
            if text.trim().len() != text.len() {
                *text = text.trim().to_string();
            }
        }
    }
}

/// Where a party stands: no plan yet, a plan not yet told, or told (reached).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum StoryState {
    #[default]
    None,
    Planned,
    Told,
}

impl StoryState {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            StoryState::None => lang.pick("nog geen verhaalplan", "no story plan yet"),
            StoryState::Planned => lang.pick("gepland, nog niet verteld", "planned, not told yet"),
            StoryState::Told => lang.pick("verteld, bereikt", "told, reached"),
        }
    }

    /// The short word on the map, under the actor's name.
    pub fn short(self, lang: Lang) -> &'static str {
        match self {
            StoryState::None => lang.pick("geen verhaal", "no story"),
            StoryState::Planned => lang.pick("gepland", "planned"),
            StoryState::Told => lang.pick("verteld", "told"),
        }
    }

    /// A stable word for class names and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            StoryState::None => "none",
            StoryState::Planned => "planned",
            StoryState::Told => "told",
        }
    }
}

impl Case {
    pub fn story(&self, actor: Id) -> Option<&StoryPlan> {
        self.stories.iter().find(|s| s.actor == actor)
    }

    /// The party's state in this case; an actor not linked has none.
    pub fn story_state(&self, actor: Id) -> StoryState {
        self.story(actor).map_or(StoryState::None, StoryPlan::state)
    }

    /// Changes the plan for `actor`, making one when there is none. A plan left empty is
    /// dropped when the case is saved (`Case::normalise`).
    pub fn change_story(&mut self, actor: Id, change: impl FnOnce(&mut StoryPlan)) {
        match self.stories.iter_mut().find(|s| s.actor == actor) {
            Some(plan) => change(plan),
            None => {
                let mut plan = StoryPlan::new(actor);
                change(&mut plan);
                self.stories.push(plan);
            }
        }
    }

    /// Removes the plan for `actor`; returns whether there was one.
    pub fn remove_story(&mut self, actor: Id) -> bool {
        let before = self.stories.len();
        self.stories.retain(|s| s.actor != actor);
        self.stories.len() != before
    }
}

/// A case's plans after normalising: empties dropped, one-line fields trimmed, in the
/// order of the actors' ids so two equal cases serialise alike. A second plan for one
/// actor is left for validation to name (it runs before normalising).
pub(super) fn normalise_stories(stories: &mut Vec<StoryPlan>) {
    for plan in stories.iter_mut() {
        plan.normalise();
    }
    stories.retain(|s| !s.is_empty());
    stories.shared_sort_by_key(|s| s.actor);
}

/// How many of the case's parties are reached: "2 van 5 partijen bereikt".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reach {
    /// Linked actors whose story has been told.
    pub reached: usize,
    /// Linked actors with a plan not yet told.
    pub planned: usize,
    /// Every actor linked to the case.
    pub total: usize,
}

impl Reach {
    pub fn message(&self, lang: Lang) -> String {
        let Reach { reached, total, .. } = *self;
        lang.pick(
            format!(
                "{reached} van {total} {} bereikt",
                if total == 1 { "partij" } else { "partijen" }
            ),
            format!(
                "{reached} of {total} {} reached",
                if total == 1 { "party" } else { "parties" }
            ),
        )
    }
}

pub fn reach(case: &Case) -> Reach {
    let mut r = Reach {
        reached: 0,
        planned: 0,
        total: case.actors.len(),
    };
    for actor in &case.actors {
        match case.story_state(*actor) {
            StoryState::Told => r.reached += 1,
            StoryState::Planned => r.planned += 1,
            StoryState::None => {}
        }
    }
    r
}

/// One party of a case, for the story section and the map.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StoryRow {
    pub actor: Id,
    pub name: String,
    pub state: StoryState,
}

/// The case's parties with their state: the linked actors by name, and apart, the plans
/// of actors no longer linked to the case (kept, so nothing typed is lost).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct StoryRows {
    pub linked: Vec<StoryRow>,
    pub former: Vec<StoryRow>,
}

pub fn story_rows(case: &Case, net: &Network) -> StoryRows {
    let row = |actor: Id| StoryRow {
        actor,
        name: net
            .actor(actor)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "?".into()),
        state: case.story_state(actor),
    };
    let mut linked: Vec<StoryRow> = case.actors.iter().map(|a| row(*a)).collect();
    let mut former: Vec<StoryRow> = case
        .stories
        .iter()
        .filter(|s| !case.actors.contains(&s.actor))
        .map(|s| row(s.actor))
        .collect();
    for list in [&mut linked, &mut former] {
        list.shared_sort_by_key(|r| (name_key(&r.name), r.actor));
    }
    StoryRows { linked, former }
}

/// Open cases (not done) that link `actor`, as (id, title): where a suggestion about this
/// actor can lead to the story plan.
pub fn open_cases_with(journal: &super::Journal, actor: Id) -> Vec<(Id, String)> {
    journal
        .cases
        .iter()
        .filter(|c| c.status != super::CaseStatus::Done && c.actors.contains(&actor))
        .map(|c| (c.id, c.title.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::super::{CaseStatus, Journal};
    use super::*;
    use crate::model::network::Actor;

    fn planned(actor: u128) -> StoryPlan {
        StoryPlan {
            story: "Minder klachten".into(),
            ..StoryPlan::new(id(actor))
        }
    }

    fn told(actor: u128) -> StoryPlan {
        StoryPlan {
            told: true,
            landed: "Goed".into(),
            ..StoryPlan::new(id(actor))
        }
    }

    #[test]
    fn a_plan_is_empty_planned_or_told() {
        let mut p = StoryPlan::new(id(1));
        assert!(p.is_empty());
        assert_eq!(p.state(), StoryState::None);
        p.when_where = "  ".into();
        assert_eq!(p.state(), StoryState::None, "spaces are nothing");
        p.messenger = "Wijkagent".into();
        assert_eq!(p.state(), StoryState::Planned);
        p.told = true;
        assert_eq!(p.state(), StoryState::Told);
        // Told alone, nothing written, still counts: the party is reached.
        assert_eq!(
            StoryPlan {
                told: true,
                ..StoryPlan::new(id(2))
            }
            .state(),
            StoryState::Told
        );
        assert_eq!(StoryState::Told.label(Lang::Nl), "verteld, bereikt");
        assert_eq!(StoryState::Planned.short(Lang::En), "planned");
    }

    #[test]
    fn change_story_makes_or_changes_the_one_plan_and_remove_takes_it_away() {
        let mut c = case(1, "Plein", day(2026, 2, 1));
        c.change_story(id(7), |p| p.cares = "Rust".into());
        c.change_story(id(7), |p| p.story = "Een rustig plein".into());
        assert_eq!(c.stories.len(), 1);
        assert_eq!(c.story(id(7)).unwrap().cares, "Rust");
        assert_eq!(c.story(id(7)).unwrap().story, "Een rustig plein");
        assert!(c.remove_story(id(7)));
        assert!(!c.remove_story(id(7)));
        assert_eq!(c.story(id(7)), None);
    }

    #[test]
    fn normalising_drops_empty_plans_trims_one_liners_and_sorts_by_actor() {
        let mut stories = vec![
            StoryPlan {
                messenger: "  Wethouder ".into(),
                cares: " Geld \n".into(),
                ..StoryPlan::new(id(9))
            },
            StoryPlan {
                landed: " \n ".into(),
                ..StoryPlan::new(id(3))
            },
            told(2),
        ];
        normalise_stories(&mut stories);
        assert_eq!(
            stories.iter().map(|s| s.actor).collect::<Vec<_>>(),
            [id(2), id(9)]
        );
        assert_eq!(stories[1].messenger, "Wethouder");
        assert_eq!(stories[1].cares, " Geld \n", "a text is kept as typed");
    }

    #[test]
    fn saving_a_case_with_an_emptied_plan_stores_none() {
        let mut j = Journal::default();
        let mut c = case(1, "Plein", day(2026, 2, 1));
        c.actors = vec![id(7)];
        c.change_story(id(7), |p| p.cares = "x".into());
        assert_eq!(j.save_case(c.clone(), at(1)), Ok(true));
        c.change_story(id(7), |p| p.cares = " ".into());
        assert_eq!(j.save_case(c, at(2)), Ok(true));
        assert!(j.case(id(1)).unwrap().stories.is_empty());
        let json = serde_json::to_string(j.case(id(1)).unwrap()).unwrap();
        assert!(!json.contains("stories"), "no plans, no key: {json}");
    }

    #[test]
    fn reach_counts_linked_actors_only() {
        let mut c = case(1, "Plein", day(2026, 2, 1));
        c.actors = vec![id(1), id(2), id(3), id(4), id(5)];
        c.stories = vec![told(1), told(2), planned(3), told(9)];
        let r = reach(&c);
        assert_eq!(
            r,
            Reach {
                reached: 2,
                planned: 1,
                total: 5
            }
        );
        assert_eq!(r.message(Lang::Nl), "2 van 5 partijen bereikt");
        assert_eq!(r.message(Lang::En), "2 of 5 parties reached");
        c.actors = vec![id(3)];
        assert_eq!(reach(&c).message(Lang::Nl), "0 van 1 partij bereikt");
        assert_eq!(reach(&c).message(Lang::En), "0 of 1 party reached");
    }

    #[test]
    fn rows_list_linked_parties_by_name_and_plans_of_unlinked_ones_apart() {
        let mut net = Network::default();
        for (n, name) in [(1, "Wijkraad"), (2, "bewoners"), (3, "Ahmed")] {
            net.add_actor(Actor::new(id(n), name)).unwrap();
        }
        let mut c = case(1, "Plein", day(2026, 2, 1));
        c.actors = vec![id(1), id(2)];
        c.stories = vec![told(1), planned(3)];
        let rows = story_rows(&c, &net);
        let row = |n, name: &str, state| StoryRow {
            actor: id(n),
            name: name.into(),
            state,
        };
        assert_eq!(
            rows.linked,
            [
                row(2, "bewoners", StoryState::None),
                row(1, "Wijkraad", StoryState::Told)
            ]
        );
        assert_eq!(rows.former, [row(3, "Ahmed", StoryState::Planned)]);
    }

    #[test]
    fn open_cases_with_an_actor_leave_out_done_ones() {
        let mut j = Journal::default();
        let mut a = case(1, "Plein", day(2026, 2, 1));
        a.actors = vec![id(7)];
        let mut b = case(2, "Kade", day(2026, 2, 1));
        b.actors = vec![id(7)];
        b.status = CaseStatus::Done;
        let c = case(3, "Zonder", day(2026, 2, 1));
        j.cases = vec![a, b, c];
        assert_eq!(open_cases_with(&j, id(7)), [(id(1), "Plein".to_string())]);
    }

    /// A bundle merges cases by id, the newer one winning: the plans travel with the case.
    #[test]
    fn plans_travel_with_their_case_through_a_merge() {
        use crate::model::bundle::{apply, BundleKind, Resolution};
        use crate::model::{Document, Profile, Role};
        let profile = Profile::new(id(50), "Sanne", Role::Participant, "", at(0)).unwrap();
        let mut here = Document::new(profile);
        here.network
            .add_actor(Actor::new(id(7), "Wijkraad"))
            .unwrap();
        let mut c = case(1, "Plein", day(2026, 2, 1));
        c.actors = vec![id(7)];
        c.stories = vec![planned(7)];
        here.journal.cases.push(c);
        let mut there = here.clone();
        there.journal.cases[0].stories = vec![told(7)];
        there.journal.cases[0].updated = at(5);
        let (merged, report) = apply(&here, &there, BundleKind::Participant, &|_| {
            Resolution::NewerWins
        })
        .unwrap();
        assert_eq!(report.replaced, 1);
        assert_eq!(merged.journal.cases[0].stories, [told(7)]);
        assert_eq!(reach(&merged.journal.cases[0]).reached, 1);
    }
}
