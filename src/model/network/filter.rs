//! Showing part of the map: the ego network around one node, and actors of chosen kinds.

use std::collections::HashSet;

use super::graph::{bfs, Graph};
use super::{ActorKind, Endpoint, Network};
use crate::model::Id;

/// The nodes within `depth` ties of `centre` (the centre included); empty when the centre
/// is not on the map.
pub fn ego_network(net: &Network, centre: Endpoint, depth: usize) -> HashSet<Endpoint> {
    let g = Graph::new(net);
    let Some(&start) = g.index.get(&centre) else {
        return HashSet::new();
    };
    bfs(&g.adj, start, depth)
        .iter()
        .enumerate()
        .filter(|(_, d)| d.is_some())
        .map(|(i, _)| g.nodes[i])
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ego {
    pub centre: Endpoint,
    /// 1: direct ties only; 2: also the ties of those.
    pub depth: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewFilter {
    pub ego: Option<Ego>,
    /// Actor kinds to show; empty shows all kinds.
    pub kinds: HashSet<ActorKind>,
    /// Only these actors (for example the stakeholders of one case); `None` shows all.
    /// The advisor stays on the map, so a case's sub-map shows how they reach its actors.
    pub only: Option<HashSet<Id>>,
}

impl ViewFilter {
    /// Whether actors of `kind` are shown (an empty set shows every kind).
    pub fn shows_kind(&self, kind: ActorKind) -> bool {
        self.kinds.is_empty() || self.kinds.contains(&kind)
    }

    /// Shows or hides one kind, as a checkbox per kind does; all kinds shown is kept as the
    /// empty set, so kinds added later are shown too.
    pub fn toggle_kind(&mut self, kind: ActorKind) {
        if self.kinds.is_empty() {
            self.kinds = ActorKind::ALL.into_iter().filter(|k| *k != kind).collect();
        } else if !self.kinds.remove(&kind) {
            self.kinds.insert(kind);
        }
        if self.kinds.len() == ActorKind::ALL.len() {
            self.kinds.clear();
        }
    }
}

/// What to draw. A tie is shown when both its ends are.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct View {
    pub me: bool,
    pub actors: HashSet<Id>,
    pub ties: HashSet<Id>,
}

impl View {
    pub fn shows(&self, e: Endpoint) -> bool {
        match e {
            Endpoint::Me => self.me,
            Endpoint::Actor(id) => self.actors.contains(&id),
        }
    }
}

/// Applies both filters. Distances count over the whole map, so hiding a kind never
/// pulls in or pushes out someone else; the ego centre stays visible whatever its kind.
pub fn view(net: &Network, filter: &ViewFilter) -> View {
    let ego = filter
        .ego
        .map(|e| (e.centre, ego_network(net, e.centre, e.depth)));
    let in_ego = |e: Endpoint| ego.as_ref().is_none_or(|(_, set)| set.contains(&e));
    let is_centre = |e: Endpoint| ego.as_ref().is_some_and(|(c, _)| *c == e);
    let actors: HashSet<Id> = net
        .actors
        .iter()
        .filter(|a| {
            let e = Endpoint::Actor(a.id);
            let listed = filter.only.as_ref().is_none_or(|only| only.contains(&a.id));
            in_ego(e)
                && (is_centre(e)
                    || (listed && (filter.kinds.is_empty() || filter.kinds.contains(&a.kind))))
        })
        .map(|a| a.id)
        .collect();
    let mut result = View {
        me: in_ego(Endpoint::Me),
        actors,
        ties: HashSet::new(),
    };
    result.ties = net
        .ties
        .iter()
        .filter(|t| t.a != t.b && result.shows(t.a) && result.shows(t.b))
        .map(|t| t.id)
        .collect();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::network::{Actor, Tie};

    fn a(k: u128) -> Endpoint {
        Endpoint::Actor(Id::from_u128(k))
    }

    /// me – 1 – 2 – 3 – 4, and 5 alone; actor 2 is an organisation.
    fn chain() -> Network {
        let mut net = Network::default();
        for k in 1..=5 {
            let mut actor = Actor::new(Id::from_u128(k), &format!("A{k}"));
            if k == 2 {
                actor.kind = ActorKind::Organisation;
            }
            net.add_actor(actor).unwrap();
        }
        let ends = [
            (Endpoint::Me, a(1)),
            (a(1), a(2)),
            (a(2), a(3)),
            (a(3), a(4)),
        ];
        for (i, (x, y)) in ends.into_iter().enumerate() {
            net.add_tie(Tie::new(Id::from_u128(100 + i as u128), x, y))
                .unwrap();
        }
        net
    }

    #[test]
    fn ego_networks_of_depth_one_and_two() {
        let net = chain();
        assert_eq!(
            ego_network(&net, a(2), 1),
            HashSet::from([a(1), a(2), a(3)])
        );
        assert_eq!(
            ego_network(&net, a(2), 2),
            HashSet::from([Endpoint::Me, a(1), a(2), a(3), a(4)])
        );
        assert_eq!(
            ego_network(&net, Endpoint::Me, 1),
            HashSet::from([Endpoint::Me, a(1)])
        );
        assert_eq!(ego_network(&net, a(5), 2), HashSet::from([a(5)]));
        assert!(ego_network(&net, a(99), 2).is_empty());
    }

    #[test]
    fn no_filter_shows_everything() {
        let net = chain();
        let v = view(&net, &ViewFilter::default());
        assert!(v.me);
        assert_eq!(v.actors.len(), 5);
        assert_eq!(v.ties.len(), 4);
    }

    #[test]
    fn a_kind_filter_hides_actors_and_their_ties() {
        let net = chain();
        let filter = ViewFilter {
            ego: None,
            kinds: HashSet::from([ActorKind::Person]),
            only: None,
        };
        let v = view(&net, &filter);
        assert!(!v.shows(a(2)));
        assert!(v.shows(a(1)) && v.me);
        // me–1 and 3–4 remain; both ties of the organisation go.
        assert_eq!(
            v.ties,
            HashSet::from([Id::from_u128(100), Id::from_u128(103)])
        );
    }

    #[test]
    fn ego_and_kind_combine_but_keep_the_centre() {
        let net = chain();
        let filter = ViewFilter {
            ego: Some(Ego {
                centre: a(2),
                depth: 1,
            }),
            kinds: HashSet::from([ActorKind::Person]),
            only: None,
        };
        let v = view(&net, &filter);
        assert!(!v.me);
        assert_eq!(
            v.actors,
            HashSet::from([Id::from_u128(1), Id::from_u128(2), Id::from_u128(3)])
        );
        assert_eq!(
            v.ties,
            HashSet::from([Id::from_u128(101), Id::from_u128(102)])
        );
    }

    #[test]
    fn a_case_filter_keeps_its_actors_and_the_advisor() {
        let net = chain();
        let filter = ViewFilter {
            only: Some(HashSet::from([Id::from_u128(1), Id::from_u128(3)])),
            ..ViewFilter::default()
        };
        let v = view(&net, &filter);
        assert!(v.me);
        assert_eq!(
            v.actors,
            HashSet::from([Id::from_u128(1), Id::from_u128(3)])
        );
        // Only me–1 has both ends shown.
        assert_eq!(v.ties, HashSet::from([Id::from_u128(100)]));
    }

    #[test]
    fn toggling_kinds_keeps_all_as_the_empty_set() {
        let mut f = ViewFilter::default();
        f.toggle_kind(ActorKind::Team);
        assert!(!f.shows_kind(ActorKind::Team));
        assert!(f.shows_kind(ActorKind::Person));
        f.toggle_kind(ActorKind::Team);
        assert!(f.kinds.is_empty());
        assert!(f.shows_kind(ActorKind::Team));
    }
}
