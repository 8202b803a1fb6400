//! What the table view and the filters need from the map and the journal.

use std::collections::HashSet;

use super::analysis::{centrality, Centrality};
use super::{name_key, Actor, Endpoint, Network, Tie};
use crate::model::journal::{CaseStatus, Journal};
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

/// One line of the actors table.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRow {
    pub actor: Actor,
    pub degree: usize,
    /// Normalised betweenness, 0–1.
    pub betweenness: f64,
}

/// Every actor with its number of ties and its betweenness, by name.
pub fn actor_rows(net: &Network) -> Vec<ActorRow> {
    let c = centrality(net);
    let zero = Centrality {
        degree: 0,
        degree_normalised: 0.0,
        betweenness: 0.0,
        betweenness_normalised: 0.0,
    };
    let mut rows: Vec<ActorRow> = net
        .actors
        .iter()
        .map(|a| {
            let ca = c.get(&Endpoint::Actor(a.id)).unwrap_or(&zero);
            ActorRow {
                actor: a.clone(),
                degree: ca.degree,
                betweenness: ca.betweenness_normalised,
            }
        })
        .collect();
    rows.shared_sort_by_key(|r| (name_key(&r.actor.name), r.actor.id));
    rows
}

/// Every actor's id and name, by name, in the order of [`actor_rows`]: the choices of a
/// `<select>`, without the centrality the table computes.
pub fn actor_choices(net: &Network) -> Vec<(Id, String)> {
    let mut list: Vec<(Id, String)> = net.actors.iter().map(|a| (a.id, a.name.clone())).collect();
    list.shared_sort_by_key(|(id, name)| (name_key(name), *id));
    list
}

/// One line of the ties table, with the names of both ends ("ik" or "me" for the advisor).
#[derive(Debug, Clone, PartialEq)]
pub struct TieRow {
    pub tie: Tie,
    pub from: String,
    pub to: String,
}

/// Every tie with the names of its ends, by those names.
pub fn tie_rows(net: &Network, lang: Lang) -> Vec<TieRow> {
    let mut rows: Vec<TieRow> = net
        .ties
        .iter()
        .map(|t| TieRow {
            tie: t.clone(),
            from: net.endpoint_name(t.a, lang).unwrap_or("?").to_string(),
            to: net.endpoint_name(t.b, lang).unwrap_or("?").to_string(),
        })
        .collect();
    rows.shared_sort_by_key(|r| (name_key(&r.from), name_key(&r.to), r.tie.id));
    rows
}

/// Actors named by cases that are not done, each once, in the order met: what
/// [`super::suggestions::suggestions`] takes as `open_case_stakeholders`.
pub fn open_case_stakeholders(journal: &Journal) -> Vec<Id> {
    let mut seen = HashSet::new();
    journal
        .cases
        .iter()
        .filter(|c| c.status != CaseStatus::Done)
        .flat_map(|c| c.actors.iter().copied())
        .filter(|id| seen.insert(*id))
        .collect()
}

/// The actors of one case, for the case's sub-map; `None` when there is no such case.
pub fn case_actors(journal: &Journal, case: Id) -> Option<HashSet<Id>> {
    journal
        .case(case)
        .map(|c| c.actors.iter().copied().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::Case;

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    #[test]
    fn rows_are_sorted_by_name_with_degree_and_betweenness() {
        let mut net = Network::default();
        for (n, name) in [(1, "Cor"), (2, "anna"), (3, "Bram")] {
            net.add_actor(Actor::new(id(n), name)).unwrap();
        }
        // me – Cor – anna: Cor lies on the only path between me and anna.
        net.add_tie(Tie::new(id(10), Endpoint::Me, Endpoint::Actor(id(1))))
            .unwrap();
        net.add_tie(Tie::new(
            id(11),
            Endpoint::Actor(id(1)),
            Endpoint::Actor(id(2)),
        ))
        .unwrap();
        let rows = actor_rows(&net);
        let names: Vec<_> = rows.iter().map(|r| r.actor.name.as_str()).collect();
        assert_eq!(names, ["anna", "Bram", "Cor"]);
        assert_eq!(rows[2].degree, 2);
        assert!(rows[2].betweenness > 0.0);
        assert_eq!(rows[1].degree, 0);
        let choices: Vec<_> = actor_choices(&net)
            .into_iter()
            .map(|(_, name)| name)
            .collect();
        assert_eq!(choices, names);
        let ties = tie_rows(&net, Lang::Nl);
        assert_eq!(ties[0].from, "Cor");
        assert_eq!(ties[1].from, "ik");
        let ties = tie_rows(&net, Lang::En);
        assert_eq!(ties[1].from, "me");
    }

    #[test]
    fn stakeholders_come_from_open_cases_only() {
        let now = "2026-03-01T10:00:00Z".parse().unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let mut open = Case::new(id(1), "Open", day, now);
        open.actors = vec![id(10), id(11)];
        let mut other = Case::new(id(3), "Ook open", day, now);
        other.actors = vec![id(11), id(13)];
        let mut done = Case::new(id(2), "Klaar", day, now);
        done.status = CaseStatus::Done;
        done.actors = vec![id(12)];
        let journal = Journal {
            cases: vec![open, done, other],
            ..Journal::default()
        };
        assert_eq!(
            open_case_stakeholders(&journal),
            vec![id(10), id(11), id(13)]
        );
        assert_eq!(case_actors(&journal, id(2)), Some(HashSet::from([id(12)])));
        assert_eq!(case_actors(&journal, id(99)), None);
    }
}
