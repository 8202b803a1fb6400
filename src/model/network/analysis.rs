//! Reading the map: who is central, who brokers between groups, who is out of reach.
//! Pure functions; the advisor counts as a node, and ties count as undirected and
//! unweighted, because information and influence travel both ways along a tie.

use std::collections::{HashMap, HashSet};

use super::graph::Graph;
use super::{Endpoint, Network};
use crate::model::order::SharedSort;
use crate::model::Id;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Centrality {
    /// Number of ties.
    pub degree: usize,
    /// `degree / (n - 1)`: the share of all others this node is tied to.
    pub degree_normalised: f64,
    /// Number of shortest paths between other pairs that pass through this node, each
    /// path shared equally when a pair has several (Brandes).
    pub betweenness: f64,
    /// `betweenness * 2 / ((n - 1)(n - 2))`: 1 for the centre of a star.
    pub betweenness_normalised: f64,
}

/// Centrality of every node of the map, the advisor included.
pub fn centrality(net: &Network) -> HashMap<Endpoint, Centrality> {
    let g = Graph::new(net);
    let n = g.len();
    let raw = betweenness(&g.adj);
    g.nodes
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let degree = g.adj[i].len();
            let c = Centrality {
                degree,
                degree_normalised: if n > 1 {
                    degree as f64 / (n - 1) as f64
                } else {
                    0.0
                },
                betweenness: raw[i],
                betweenness_normalised: normalised_betweenness(raw[i], n),
            };
            (*e, c)
        })
        .collect()
}

/// Scales raw undirected betweenness to 0–1 by the number of pairs of other nodes.
pub fn normalised_betweenness(raw: f64, nodes: usize) -> f64 {
    if nodes < 3 {
        return 0.0;
    }
    raw * 2.0 / ((nodes - 1) as f64 * (nodes - 2) as f64)
}

/// Raw betweenness by Brandes' algorithm, for symmetric adjacency lists without
/// duplicates. O(nodes × ties), which is nothing for a few hundred actors.
pub fn betweenness(adj: &[Vec<usize>]) -> Vec<f64> {
    let n = adj.len();
    let mut result = vec![0.0; n];
    let mut work = Brandes {
        order: Vec::with_capacity(n),
        sigma: vec![0.0; n],
        dist: vec![UNSEEN; n],
        delta: vec![0.0; n],
    };
    for s in 0..n {
        work.add_paths_from(s, adj, &mut result);
    }
    // Every undirected path was counted from both of its ends.
    for b in &mut result {
        *b /= 2.0;
    }
    result
}

const UNSEEN: usize = usize::MAX;

/// The buffers of [`betweenness`], reused for every source.
struct Brandes {
    order: Vec<usize>,
    sigma: Vec<f64>,
    dist: Vec<usize>,
    delta: Vec<f64>,
}

impl Brandes {
    /// Adds every shortest path from `s` to the betweenness of the nodes on it. Its own
    /// function, called once per node, so the browser optimises it: V8 runs a wasm
    /// function in baseline code until a later call.
    #[inline(never)]
    fn add_paths_from(&mut self, s: usize, adj: &[Vec<usize>], result: &mut [f64]) {
        let Brandes {
            order,
            sigma,
            dist,
            delta,
        } = self;
        order.clear();
        sigma.fill(0.0);
        dist.fill(UNSEEN);
        delta.fill(0.0);
        sigma[s] = 1.0;
        dist[s] = 0;
        order.push(s);
        // The breadth-first order doubles as the queue (`order[head..]` is still to
        // visit), and each node's values are read once per visit, not per neighbour.
        let mut head = 0;
        while let Some(&v) = order.get(head) {
            head += 1;
            let (next, paths) = (dist[v] + 1, sigma[v]);
            for &w in &adj[v] {
                if dist[w] == UNSEEN {
                    dist[w] = next;
                    order.push(w);
                }
                if dist[w] == next {
                    sigma[w] += paths;
                }
            }
        }
        // Predecessors are recomputed from the distances instead of stored per source.
        // Every neighbour of a reached node is reached, so no distance here is UNSEEN;
        // the source comes first in the order and has no predecessors.
        for &w in order.iter().rev().take_while(|&&w| w != s) {
            let (prev, paths, share) = (dist[w] - 1, sigma[w], 1.0 + delta[w]);
            for &v in &adj[w] {
                if dist[v] == prev {
                    delta[v] += sigma[v] / paths * share;
                }
            }
            result[w] += delta[w];
        }
    }
}

/// Actors without any tie, not even to the advisor, in the map's order.
pub fn isolated_actors(net: &Network) -> Vec<Id> {
    let tied: HashSet<Endpoint> = net
        .ties
        .iter()
        .filter(|t| t.a != t.b)
        .flat_map(|t| [t.a, t.b])
        .collect();
    net.actors
        .iter()
        .filter(|a| !tied.contains(&Endpoint::Actor(a.id)))
        .map(|a| a.id)
        .collect()
}

/// Connected groups (clusters), largest first. Without the advisor, the result shows
/// the groups that only the advisor connects; isolated actors are groups of one.
pub fn components(net: &Network, with_me: bool) -> Vec<Vec<Endpoint>> {
    let g = Graph::new(net);
    let mut seen = vec![false; g.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let first = if with_me { 0 } else { 1 };
    for start in first..g.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut group = vec![start];
        let mut stack = vec![start];
        while let Some(v) = stack.pop() {
            for &w in &g.adj[v] {
                if w >= first && !seen[w] {
                    seen[w] = true;
                    group.push(w);
                    stack.push(w);
                }
            }
        }
        group.shared_sort();
        groups.push(group);
    }
    groups.shared_sort_by(|x, y| y.len().cmp(&x.len()).then(x[0].cmp(&y[0])));
    groups
        .into_iter()
        .map(|group| group.into_iter().map(|i| g.nodes[i]).collect())
        .collect()
}

/// Below this normalised betweenness an actor is not called a broker, however it ranks.
pub const BROKER_MIN_BETWEENNESS: f64 = 0.1;
/// At most this many brokers are named, so the word keeps its meaning on a busy map.
pub const BROKER_MAX: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Broker {
    pub actor: Id,
    pub betweenness_normalised: f64,
}

/// Actors (never the advisor) with the highest betweenness, at least
/// [`BROKER_MIN_BETWEENNESS`], highest first.
pub fn brokers(net: &Network) -> Vec<Broker> {
    brokers_from(&centrality(net))
}

pub(crate) fn brokers_from(centrality: &HashMap<Endpoint, Centrality>) -> Vec<Broker> {
    let mut list: Vec<Broker> = centrality
        .iter()
        .filter_map(|(e, c)| {
            let actor = e.actor()?;
            (c.betweenness_normalised >= BROKER_MIN_BETWEENNESS).then_some(Broker {
                actor,
                betweenness_normalised: c.betweenness_normalised,
            })
        })
        .collect();
    list.shared_sort_by(|x, y| {
        y.betweenness_normalised
            .total_cmp(&x.betweenness_normalised)
            .then(x.actor.cmp(&y.actor))
    });
    list.truncate(BROKER_MAX);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::network::{Actor, Tie};

    fn undirected(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
        let mut adj = vec![Vec::new(); n];
        for &(a, b) in edges {
            adj[a].push(b);
            adj[b].push(a);
        }
        adj
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() < tol
    }

    /// Actors 1..=n; `edges` use 0 for the advisor and k for actor k.
    fn network(n: u128, edges: &[(u128, u128)]) -> Network {
        let mut net = Network::default();
        for k in 1..=n {
            net.add_actor(Actor::new(Id::from_u128(k), &format!("A{k}")))
                .unwrap();
        }
        let ep = |k: u128| {
            if k == 0 {
                Endpoint::Me
            } else {
                Endpoint::Actor(Id::from_u128(k))
            }
        };
        for (i, &(a, b)) in edges.iter().enumerate() {
            net.add_tie(Tie::new(Id::from_u128(1000 + i as u128), ep(a), ep(b)))
                .unwrap();
        }
        net
    }

    #[test]
    fn path_of_five() {
        let b = betweenness(&undirected(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]));
        assert_eq!(b, vec![0.0, 3.0, 4.0, 3.0, 0.0]);
        // 4 / ((4 * 3) / 2) = 4 / 6
        assert!(close(normalised_betweenness(b[2], 5), 4.0 / 6.0, 1e-12));
    }

    #[test]
    fn star_centre_lies_on_every_path() {
        for n in [3usize, 4, 7, 12] {
            let edges: Vec<_> = (1..n).map(|k| (0, k)).collect();
            let b = betweenness(&undirected(n, &edges));
            assert_eq!(b[0], ((n - 1) * (n - 2) / 2) as f64);
            assert!(b[1..].iter().all(|&x| x == 0.0));
            assert!(close(normalised_betweenness(b[0], n), 1.0, 1e-12));
        }
    }

    #[test]
    fn two_cliques_joined_by_a_bridge() {
        // Cliques {0,1,2,3} and {4,5,6,7}; bridge 3–4. Every path between the sides
        // (4 × 4 = 16 pairs) crosses the bridge; 3 carries all but those that start at 3
        // itself (4 pairs): 12. Within a clique nothing passes through anyone.
        let mut edges = Vec::new();
        for side in [0, 4] {
            for i in side..side + 4 {
                for j in i + 1..side + 4 {
                    edges.push((i, j));
                }
            }
        }
        edges.push((3, 4));
        let b = betweenness(&undirected(8, &edges));
        assert_eq!(b, vec![0.0, 0.0, 0.0, 12.0, 12.0, 0.0, 0.0, 0.0]);
    }

    #[test]
    fn a_square_shares_paths_equally() {
        // In a 4-cycle each opposite pair has two shortest paths: each middle node gets ½.
        let b = betweenness(&undirected(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]));
        assert_eq!(b, vec![0.5, 0.5, 0.5, 0.5]);
    }

    /// Zachary's karate club, 0-based, as in NetworkX.
    #[rustfmt::skip]
    const KARATE: [(usize, usize); 78] = [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11),
        (0, 12), (0, 13), (0, 17), (0, 19), (0, 21), (0, 31), (1, 2), (1, 3), (1, 7),
        (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3), (2, 7), (2, 8), (2, 9),
        (2, 13), (2, 27), (2, 28), (2, 32), (3, 7), (3, 12), (3, 13), (4, 6), (4, 10),
        (5, 6), (5, 10), (5, 16), (6, 16), (8, 30), (8, 32), (8, 33), (9, 33), (13, 33),
        (14, 32), (14, 33), (15, 32), (15, 33), (18, 32), (18, 33), (19, 33), (20, 32),
        (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29), (23, 32), (23, 33),
        (24, 25), (24, 27), (24, 31), (25, 31), (26, 29), (26, 33), (27, 33), (28, 31),
        (28, 33), (29, 32), (29, 33), (30, 32), (30, 33), (31, 32), (31, 33), (32, 33),
    ];

    #[test]
    fn karate_club_matches_the_published_values() {
        let adj = undirected(34, &KARATE);
        assert_eq!(adj.iter().map(Vec::len).sum::<usize>(), 156);
        assert_eq!(adj[0].len(), 16);
        assert_eq!(adj[33].len(), 17);
        let b = betweenness(&adj);
        let norm = |i: usize| normalised_betweenness(b[i], 34);
        assert!(close(norm(0), 0.4376, 1e-3), "{}", norm(0));
        assert!(close(norm(33), 0.3041, 1e-3), "{}", norm(33));
        assert!(close(norm(32), 0.1452, 1e-3), "{}", norm(32));
        assert!(close(norm(2), 0.1437, 1e-3), "{}", norm(2));
        // Node 11 hangs on node 0 alone, so no path runs through it.
        assert_eq!(b[11], 0.0);
    }

    #[test]
    fn karate_club_through_the_network_type() {
        // The advisor is node 0 here, so the map is the karate club itself.
        let edges: Vec<(u128, u128)> = KARATE
            .iter()
            .map(|&(a, b)| (a as u128, b as u128))
            .collect();
        let net = network(33, &edges);
        let c = centrality(&net);
        assert!(close(c[&Endpoint::Me].betweenness_normalised, 0.4376, 1e-3));
        let actor33 = Endpoint::Actor(Id::from_u128(33));
        assert!(close(c[&actor33].betweenness_normalised, 0.3041, 1e-3));
        assert_eq!(c[&actor33].degree, 17);
        assert!(close(c[&actor33].degree_normalised, 17.0 / 33.0, 1e-12));
        // Brokers never include the advisor: 33, 32, 2, 31 are above 0.1.
        let names: Vec<u128> = brokers(&net).iter().map(|b| b.actor.as_u128()).collect();
        assert_eq!(names, vec![33, 32, 2, 31]);
    }

    /// Run with `cargo test --release --lib centrality_speed -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn centrality_speed() {
        let net = crate::model::network::gen::generate(2026, 300, 1000);
        let start = std::time::Instant::now();
        let c = centrality(&net);
        println!(
            "centrality of 300 actors and 1000 ties: {:?}",
            start.elapsed()
        );
        assert_eq!(c.len(), 301);
    }

    #[test]
    fn centrality_on_a_small_map() {
        // me – 1 – 2, and 3 alone: four nodes, me has degree 1, actor 1 lies between.
        let net = network(3, &[(0, 1), (1, 2)]);
        let c = centrality(&net);
        let a1 = Endpoint::Actor(Id::from_u128(1));
        assert_eq!(c.len(), 4);
        assert_eq!(c[&a1].degree, 2);
        assert_eq!(c[&a1].betweenness, 1.0);
        // 1 × 2 / (3 × 2)
        assert!(close(c[&a1].betweenness_normalised, 1.0 / 3.0, 1e-12));
        assert_eq!(c[&Endpoint::Me].betweenness, 0.0);
    }

    #[test]
    fn tiny_maps_do_not_divide_by_zero() {
        let c = centrality(&Network::default());
        assert_eq!(c[&Endpoint::Me].degree_normalised, 0.0);
        assert_eq!(c[&Endpoint::Me].betweenness_normalised, 0.0);
        let c = centrality(&network(1, &[(0, 1)]));
        assert_eq!(c[&Endpoint::Me].betweenness_normalised, 0.0);
        assert_eq!(c[&Endpoint::Me].degree_normalised, 1.0);
    }

    #[test]
    fn isolated_actors_have_no_tie_at_all() {
        // A tie to the advisor counts: only 4 and 5 are isolated.
        let net = network(5, &[(0, 1), (2, 3)]);
        let ids: Vec<u128> = isolated_actors(&net).iter().map(|i| i.as_u128()).collect();
        assert_eq!(ids, vec![4, 5]);
    }

    #[test]
    fn components_with_and_without_me() {
        let net = network(5, &[(0, 1), (0, 2), (2, 3)]);
        let a = |k: u128| Endpoint::Actor(Id::from_u128(k));
        assert_eq!(
            components(&net, true),
            vec![vec![Endpoint::Me, a(1), a(2), a(3)], vec![a(4)], vec![a(5)]]
        );
        // Without the advisor, 1 and {2, 3} fall apart: only the advisor joins them.
        assert_eq!(
            components(&net, false),
            vec![vec![a(2), a(3)], vec![a(1)], vec![a(4)], vec![a(5)]]
        );
    }

    #[test]
    fn no_brokers_below_the_threshold() {
        // A triangle with the advisor: nobody lies between anybody.
        let net = network(2, &[(0, 1), (0, 2), (1, 2)]);
        assert!(brokers(&net).is_empty());
    }
}
