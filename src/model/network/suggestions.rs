//! Plain-language hints from the map: whom the advisor might get to know better.

use std::collections::HashSet;

use super::analysis::{brokers_from, centrality};
use super::{name_key, Endpoint, Network, Strength};
use crate::model::order::SharedSort;
use crate::model::{Id, Lang};

/// From this influence (1–5) on, an actor counts as influential.
pub const INFLUENTIAL_MIN: u8 = 4;

#[derive(Debug, Clone, PartialEq)]
pub enum Suggestion {
    /// Influential, with no tie to the advisor (`tie: None`) or only a weak one.
    StrengthenInfluential {
        actor: Id,
        name: String,
        influence: u8,
        tie: Option<Strength>,
    },
    /// A broker (see [`super::analysis::brokers`]) without a direct tie to the advisor.
    ReachBroker {
        actor: Id,
        name: String,
        betweenness_normalised: f64,
    },
    /// Named by an open case but without any tie on the map.
    ConnectStakeholder { actor: Id, name: String },
}

impl Suggestion {
    pub fn actor(&self) -> Id {
        match self {
            Suggestion::StrengthenInfluential { actor, .. }
            | Suggestion::ReachBroker { actor, .. }
            | Suggestion::ConnectStakeholder { actor, .. } => *actor,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Suggestion::StrengthenInfluential {
                    name,
                    influence,
                    tie: None,
                    ..
                },
                Lang::Nl,
            ) => format!(
                "{name} heeft veel invloed ({influence} van 5), maar je hebt geen relatie met {name}. Zoek contact, bijvoorbeeld via iemand die je al kent."
            ),
            (
                Suggestion::StrengthenInfluential {
                    name,
                    influence,
                    tie: None,
                    ..
                },
                Lang::En,
            ) => format!(
                "{name} has a lot of influence ({influence} out of 5), but you have no tie with {name}. Get in touch, for example through someone you already know."
            ),
            (Suggestion::StrengthenInfluential { name, influence, .. }, Lang::Nl) => format!(
                "{name} heeft veel invloed ({influence} van 5), maar je relatie met {name} is zwak. Investeer in dit contact."
            ),
            (Suggestion::StrengthenInfluential { name, influence, .. }, Lang::En) => format!(
                "{name} has a lot of influence ({influence} out of 5), but your tie with {name} is weak. Invest in this contact."
            ),
            // The course's "verhalend verbinden": a broker is also whom a story must reach.
            (Suggestion::ReachBroker { name, .. }, Lang::Nl) => format!(
                "{name} verbindt groepen die elkaar anders niet bereiken: wie vertelt hun het verhaal van deze casus? {name} is een makelaar in je netwerk, en je hebt geen rechtstreekse relatie met {name}; die zou je minder afhankelijk maken van tussenpersonen."
            ),
            (Suggestion::ReachBroker { name, .. }, Lang::En) => format!(
                "{name} connects groups that would not otherwise reach each other: who tells them the story of this case? {name} is a broker in your network, and you have no direct tie with {name}; one would make you less dependent on go-betweens."
            ),
            (Suggestion::ConnectStakeholder { name, .. }, Lang::Nl) => format!(
                "{name} is betrokken bij een open casus, maar heeft nog geen enkele relatie op de kaart. Teken in hoe {name} verbonden is, of leg zelf contact."
            ),
            (Suggestion::ConnectStakeholder { name, .. }, Lang::En) => format!(
                "{name} is involved in an open case, but has no tie on the map yet. Draw how {name} is connected, or get in touch yourself."
            ),
        }
    }
}

/// All hints, in this order: stakeholders of open cases without any tie (in the order
/// given; `open_case_stakeholders` comes from the journal, unknown ids are skipped);
/// influential actors, most influential first; brokers, strongest first.
pub fn suggestions(net: &Network, open_case_stakeholders: &[Id]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let tied: HashSet<Endpoint> = net
        .ties
        .iter()
        .filter(|t| t.a != t.b)
        .flat_map(|t| [t.a, t.b])
        .collect();
    let mut seen = HashSet::new();
    for &id in open_case_stakeholders {
        if !seen.insert(id) || tied.contains(&Endpoint::Actor(id)) {
            continue;
        }
        if let Some(a) = net.actor(id) {
            out.push(Suggestion::ConnectStakeholder {
                actor: id,
                name: a.name.clone(),
            });
        }
    }

    let mut influential: Vec<_> = net
        .actors
        .iter()
        .filter(|a| a.influence >= INFLUENTIAL_MIN)
        .filter_map(|a| {
            let tie = net
                .tie_between(Endpoint::Me, Endpoint::Actor(a.id))
                .map(|t| t.strength);
            matches!(tie, None | Some(Strength::Weak)).then_some((a, tie))
        })
        .collect();
    influential
        .shared_sort_by_key(|(a, _)| (std::cmp::Reverse(a.influence), name_key(&a.name), a.id));
    out.extend(
        influential
            .into_iter()
            .map(|(a, tie)| Suggestion::StrengthenInfluential {
                actor: a.id,
                name: a.name.clone(),
                influence: a.influence,
                tie,
            }),
    );

    for b in brokers_from(&centrality(net)) {
        if net
            .tie_between(Endpoint::Me, Endpoint::Actor(b.actor))
            .is_some()
        {
            continue;
        }
        if let Some(a) = net.actor(b.actor) {
            out.push(Suggestion::ReachBroker {
                actor: a.id,
                name: a.name.clone(),
                betweenness_normalised: b.betweenness_normalised,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::network::{Actor, Tie};

    fn a(k: u128) -> Endpoint {
        Endpoint::Actor(Id::from_u128(k))
    }

    fn actor(k: u128, name: &str, influence: u8) -> Actor {
        let mut x = Actor::new(Id::from_u128(k), name);
        x.influence = influence;
        x
    }

    fn tie(n: u128, x: Endpoint, y: Endpoint, strength: Strength) -> Tie {
        let mut t = Tie::new(Id::from_u128(n), x, y);
        t.strength = strength;
        t
    }

    #[test]
    fn influential_actors_without_a_good_tie_to_me() {
        let mut net = Network::default();
        net.add_actor(actor(1, "Wethouder", 5)).unwrap();
        net.add_actor(actor(2, "Directeur", 4)).unwrap();
        net.add_actor(actor(3, "Teamleider", 4)).unwrap();
        net.add_actor(actor(4, "Buurman", 3)).unwrap();
        net.add_tie(tie(10, Endpoint::Me, a(2), Strength::Weak))
            .unwrap();
        net.add_tie(tie(11, a(3), Endpoint::Me, Strength::Normal))
            .unwrap();
        let s = suggestions(&net, &[]);
        assert_eq!(
            s,
            vec![
                Suggestion::StrengthenInfluential {
                    actor: Id::from_u128(1),
                    name: "Wethouder".into(),
                    influence: 5,
                    tie: None
                },
                Suggestion::StrengthenInfluential {
                    actor: Id::from_u128(2),
                    name: "Directeur".into(),
                    influence: 4,
                    tie: Some(Strength::Weak)
                },
            ]
        );
        assert!(s[0]
            .message(Lang::Nl)
            .contains("geen relatie met Wethouder"));
        assert!(s[1].message(Lang::Nl).contains("is zwak"));
        assert!(s[0]
            .message(Lang::En)
            .contains("you have no tie with Wethouder"));
        assert!(s[1].message(Lang::En).contains("(4 out of 5)"));
        assert!(s[1].message(Lang::En).contains("is weak"));
    }

    #[test]
    fn a_broker_out_of_my_reach_is_suggested() {
        // me – 1 – 2 – {3, 4, 5}: actor 2 connects three actors to the rest of the map
        // without touching me; actor 1 is a broker too, but already tied to me.
        let mut net = Network::default();
        for k in 1..=5 {
            net.add_actor(actor(k, &format!("A{k}"), 2)).unwrap();
        }
        net.add_tie(tie(10, Endpoint::Me, a(1), Strength::Normal))
            .unwrap();
        net.add_tie(tie(11, a(1), a(2), Strength::Normal)).unwrap();
        for k in 3..=5 {
            net.add_tie(tie(10 + k, a(2), a(k), Strength::Normal))
                .unwrap();
        }
        let s = suggestions(&net, &[]);
        assert_eq!(s.len(), 1);
        match &s[0] {
            Suggestion::ReachBroker {
                actor,
                betweenness_normalised,
                ..
            } => {
                assert_eq!(*actor, Id::from_u128(2));
                // Six nodes; actor 2 lies between {me, 1} and {3, 4, 5} (6 pairs) and
                // among 3, 4, 5 (3 pairs): 9 × 2 / (5 × 4).
                assert!((betweenness_normalised - 0.9).abs() < 1e-12);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            s[0].message(Lang::Nl),
            "A2 verbindt groepen die elkaar anders niet bereiken: wie vertelt hun het verhaal van deze casus? \
             A2 is een makelaar in je netwerk, en je hebt geen rechtstreekse relatie met A2; \
             die zou je minder afhankelijk maken van tussenpersonen."
        );
        assert_eq!(
            s[0].message(Lang::En),
            "A2 connects groups that would not otherwise reach each other: who tells them the story of this case? \
             A2 is a broker in your network, and you have no direct tie with A2; \
             one would make you less dependent on go-betweens."
        );
    }

    #[test]
    fn stakeholders_of_open_cases_without_any_tie() {
        let mut net = Network::default();
        net.add_actor(actor(1, "Bewonerscomité", 2)).unwrap();
        net.add_actor(actor(2, "Aannemer", 2)).unwrap();
        net.add_actor(actor(3, "Projectleider", 2)).unwrap();
        net.add_tie(tie(10, a(2), a(3), Strength::Normal)).unwrap();
        let ids = [
            Id::from_u128(1),
            Id::from_u128(2),
            Id::from_u128(99),
            Id::from_u128(1),
        ];
        let s = suggestions(&net, &ids);
        assert_eq!(
            s,
            vec![Suggestion::ConnectStakeholder {
                actor: Id::from_u128(1),
                name: "Bewonerscomité".into()
            }]
        );
        assert!(s[0]
            .message(Lang::Nl)
            .starts_with("Bewonerscomité is betrokken"));
        assert!(s[0]
            .message(Lang::En)
            .starts_with("Bewonerscomité is involved in an open case"));
    }

    #[test]
    fn an_empty_map_has_no_suggestions() {
        assert!(suggestions(&Network::default(), &[Id::from_u128(1)]).is_empty());
    }
}
