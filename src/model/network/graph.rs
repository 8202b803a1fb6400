//! The map as an index graph, the shape every analysis and the layout work on.

use std::collections::{HashMap, HashSet, VecDeque};

use super::{Endpoint, Network};
use crate::model::order::SharedSort;

/// Node 0 is always the advisor; actors follow in id order, so that the same map gives the
/// same graph however its lists happen to be ordered. Ties are undirected here, and ties
/// that break the rules (unknown ends, self-ties, a second tie for a pair) are left out.
pub(crate) struct Graph {
    pub nodes: Vec<Endpoint>,
    pub index: HashMap<Endpoint, usize>,
    pub adj: Vec<Vec<usize>>,
    /// Each tie once, as `(smaller index, larger index, position in Network::ties)`.
    pub edges: Vec<(usize, usize, usize)>,
}

impl Graph {
    pub fn new(net: &Network) -> Graph {
        let mut ids: Vec<_> = net.actors.iter().map(|a| a.id).collect();
        ids.shared_sort();
        ids.dedup();
        let mut nodes = Vec::with_capacity(ids.len() + 1);
        nodes.push(Endpoint::Me);
        nodes.extend(ids.into_iter().map(Endpoint::Actor));
        let index: HashMap<Endpoint, usize> =
            nodes.iter().enumerate().map(|(i, e)| (*e, i)).collect();
        let mut adj = vec![Vec::new(); nodes.len()];
        let mut edges = Vec::with_capacity(net.ties.len());
        let mut seen = HashSet::new();
        for (t, tie) in net.ties.iter().enumerate() {
            let (Some(&i), Some(&j)) = (index.get(&tie.a), index.get(&tie.b)) else {
                continue;
            };
            let (i, j) = (i.min(j), i.max(j));
            if i == j || !seen.insert((i, j)) {
                continue;
            }
            adj[i].push(j);
            adj[j].push(i);
            edges.push((i, j, t));
        }
        for list in &mut adj {
            list.shared_sort();
        }
        edges.shared_sort();
        Graph {
            nodes,
            index,
            adj,
            edges,
        }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }
}

/// Distances in ties from `start`, `None` where unreachable; stops past `max_depth`.
pub(crate) fn bfs(adj: &[Vec<usize>], start: usize, max_depth: usize) -> Vec<Option<usize>> {
    let mut dist = vec![None; adj.len()];
    let mut queue = VecDeque::new();
    dist[start] = Some(0);
    queue.push_back((start, 0));
    while let Some((v, d)) = queue.pop_front() {
        if d >= max_depth {
            continue;
        }
        for &w in &adj[v] {
            if dist[w].is_none() {
                dist[w] = Some(d + 1);
                queue.push_back((w, d + 1));
            }
        }
    }
    dist
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::network::{Actor, Tie};
    use crate::model::Id;

    #[test]
    fn broken_ties_are_left_out_and_order_does_not_matter() {
        let mut net = Network::default();
        net.actors.push(Actor::new(Id::from_u128(2), "B"));
        net.actors.push(Actor::new(Id::from_u128(1), "A"));
        let a = Endpoint::Actor(Id::from_u128(1));
        let b = Endpoint::Actor(Id::from_u128(2));
        net.ties.push(Tie::new(Id::from_u128(10), b, a));
        net.ties.push(Tie::new(Id::from_u128(11), a, b));
        net.ties.push(Tie::new(Id::from_u128(12), a, a));
        net.ties.push(Tie::new(
            Id::from_u128(13),
            a,
            Endpoint::Actor(Id::from_u128(9)),
        ));
        let g = Graph::new(&net);
        assert_eq!(g.nodes, vec![Endpoint::Me, a, b]);
        assert_eq!(g.adj, vec![vec![], vec![2], vec![1]]);
        assert_eq!(g.edges, vec![(1, 2, 0)]);
    }

    #[test]
    fn bfs_stops_at_the_depth() {
        let adj = vec![vec![1], vec![0, 2], vec![1, 3], vec![2], vec![]];
        assert_eq!(bfs(&adj, 0, 2), vec![Some(0), Some(1), Some(2), None, None]);
        assert_eq!(bfs(&adj, 0, 10)[3], Some(3));
    }
}
