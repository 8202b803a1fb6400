//! Made-up maps for tests and benchmarks: the same seed always gives the same map.

use std::collections::HashSet;

use super::{
    Actor, ActorKind, Attitude, Direction, Endpoint, Network, Rapport, Strength, Tie, TieKind,
};

pub use crate::model::rng::SplitMix64 as Rng;

/// A valid map with `actors` actors and `ties` ties (fewer if the actors and the advisor
/// cannot hold that many distinct pairs).
pub fn generate(seed: u64, actors: usize, ties: usize) -> Network {
    let mut rng = Rng::new(seed);
    let mut net = Network::default();
    for i in 0..actors {
        let mut a = Actor::new(rng.id(), &format!("Actor {:03}", i + 1));
        a.kind = rng.pick(&ActorKind::ALL);
        a.organisation = format!("Organisatie {}", 1 + rng.below(8));
        a.influence = 1 + rng.below(5) as u8;
        a.interest = 1 + rng.below(5) as u8;
        a.attitude = rng.pick(&Attitude::ALL);
        a.rapport = rng.pick(&Rapport::ALL);
        net.actors.push(a);
    }
    let mut nodes = vec![Endpoint::Me];
    nodes.extend(net.actors.iter().map(|a| Endpoint::Actor(a.id)));
    let n = nodes.len();
    let max_pairs = n * (n - 1) / 2;
    let ties = ties.min(max_pairs);
    let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(ties);
    if ties * 2 > max_pairs {
        // Dense: drawing at random would keep hitting taken pairs, so shuffle them all.
        let mut all: Vec<(usize, usize)> = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
        for i in (1..all.len()).rev() {
            let j = rng.below(i + 1);
            all.swap(i, j);
        }
        all.truncate(ties);
        pairs = all;
    } else {
        let mut taken = HashSet::new();
        while pairs.len() < ties {
            let (i, j) = (rng.below(n), rng.below(n));
            if i != j && taken.insert((i.min(j), i.max(j))) {
                pairs.push((i, j));
            }
        }
    }
    for (i, j) in pairs {
        let mut t = Tie::new(rng.id(), nodes[i], nodes[j]);
        t.kind = rng.pick(&TieKind::ALL);
        t.strength = rng.pick(&Strength::ALL);
        t.direction = rng.pick(&Direction::ALL);
        net.ties.push(t);
    }
    net
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_map() {
        assert_eq!(generate(7, 40, 90), generate(7, 40, 90));
        assert_ne!(generate(7, 40, 90), generate(8, 40, 90));
    }

    #[test]
    fn generated_maps_are_valid_and_have_the_asked_size() {
        for (actors, ties) in [(300, 1000), (5, 15), (5, 100), (0, 3), (1, 1)] {
            let net = generate(42, actors, ties);
            let mut problems = Vec::new();
            net.validate(&mut problems);
            assert!(problems.is_empty(), "{problems:?}");
            assert_eq!(net.actors.len(), actors);
            // Five actors and the advisor hold at most 6 × 5 / 2 = 15 pairs.
            let max = (actors + 1) * actors / 2;
            assert_eq!(net.ties.len(), ties.min(max));
        }
    }

    #[test]
    fn splitmix_matches_its_reference_output() {
        // First outputs of SplitMix64 seeded with 0 (reference implementation).
        let mut rng = Rng::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }
}
