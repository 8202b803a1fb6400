//! How big each node is drawn: all the same, by the actor's influence (1–5), or by its
//! betweenness (its role as a broker, *makelaar*). A view preference: nothing of it is
//! stored in the document, and sizing a node never moves it.
//!
//! The measure becomes a share of its range (0 to 1), and the share an *area*: a node
//! with twice the share covers twice the extra area, so the eye reads the measure rather
//! than an exaggerated square of it.

use std::collections::HashMap;

use super::actor::{SCORE_MAX, SCORE_MIN};
use super::analysis::centrality;
use super::{Endpoint, Network};
use crate::model::Lang;

/// The radius every shape is drawn at (the person's circle), in map units: the size of
/// every node when the map sizes none, and of the advisor's star always.
pub const BASE_RADIUS: f64 = 14.0;
/// The radius of a node with the least of the measure (share 0).
pub const MIN_RADIUS: f64 = 10.0;
/// The radius of a node with the most of the measure (share 1).
pub const MAX_RADIUS: f64 = 30.0;

/// What the size of a node shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SizeBy {
    /// Every node the same size.
    #[default]
    Same,
    /// The actor's influence, 1–5 (*invloed*).
    Influence,
    /// The actor's betweenness, relative to the actor with the most (*makelaarsrol*).
    Betweenness,
}

impl SizeBy {
    pub const ALL: [SizeBy; 3] = [SizeBy::Same, SizeBy::Influence, SizeBy::Betweenness];

    /// A stable name for a form's value.
    pub fn slug(self) -> &'static str {
        match self {
            SizeBy::Same => "gelijk",
            SizeBy::Influence => "invloed",
            SizeBy::Betweenness => "makelaars",
        }
    }

    pub fn parse(text: &str) -> Option<SizeBy> {
        SizeBy::ALL.into_iter().find(|s| s.slug() == text)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SizeBy::Same => lang.pick("Allemaal even groot", "All the same size"),
            SizeBy::Influence => lang.pick("Naar invloed (1–5)", "By influence (1–5)"),
            SizeBy::Betweenness => lang.pick(
                "Naar makelaarsrol (tussenpositie)",
                "By brokerage (betweenness)",
            ),
        }
    }

    /// What the legend says about the sizes; `None` when every node is the same size.
    pub fn explanation(self, lang: Lang) -> Option<&'static str> {
        match self {
            SizeBy::Same => None,
            SizeBy::Influence => Some(lang.pick(
                "Hoe groter de actor, hoe meer invloed (1 klein, 5 groot). De ster (ik) houdt haar grootte.",
                "The larger the actor, the more influence (1 small, 5 large). The star (me) keeps its size.",
            )),
            SizeBy::Betweenness => Some(lang.pick(
                "Hoe groter de actor, hoe vaker die op de kortste weg tussen anderen ligt: de grootste is de sterkste makelaar. De ster (ik) houdt haar grootte.",
                "The larger the actor, the more often it lies on the shortest path between others: the largest is the strongest broker. The star (me) keeps its size.",
            )),
        }
    }
}

/// One node's size, and the measure behind it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodeSize {
    /// In map units; the shapes are drawn at [`BASE_RADIUS`], so they scale by
    /// `radius / BASE_RADIUS`.
    pub radius: f64,
    /// The measure: the influence (1–5), or the normalised betweenness (0–1); `None`
    /// when the size shows nothing (all the same, or the advisor).
    pub value: Option<f64>,
}

impl NodeSize {
    pub const BASE: NodeSize = NodeSize {
        radius: BASE_RADIUS,
        value: None,
    };

    /// How much the shape is scaled from the size it is drawn at.
    pub fn scale(self) -> f64 {
        self.radius / BASE_RADIUS
    }

    /// The measure in words, for the node's accessible name ("invloed 4 van 5",
    /// "tussenpositie 0,90"); `None` when the size shows nothing.
    pub fn describe(self, by: SizeBy, lang: Lang) -> Option<String> {
        let value = self.value?;
        match by {
            SizeBy::Same => None,
            SizeBy::Influence => Some(lang.pick(
                format!("invloed {value} van 5"),
                format!("influence {value} out of 5"),
            )),
            SizeBy::Betweenness => Some(format!(
                "{} {}",
                lang.pick("tussenpositie", "betweenness"),
                lang.decimal(value, 2)
            )),
        }
    }
}

/// The radius for a share of the measure's range (clamped to 0–1): the area grows with
/// the share, from [`MIN_RADIUS`] at 0 to [`MAX_RADIUS`] at 1, so
/// `radius² = MIN² + (MAX² − MIN²) × share`.
pub fn radius_for(share: f64) -> f64 {
    let share = if share.is_nan() {
        0.0
    } else {
        share.clamp(0.0, 1.0)
    };
    let (lo, hi) = (MIN_RADIUS * MIN_RADIUS, MAX_RADIUS * MAX_RADIUS);
    (lo + (hi - lo) * share).sqrt()
}

/// The size of every node of the map (the advisor and each actor), worked out on the
/// whole map, so that a filter changes no size. The advisor has no influence score and
/// is never called a broker, so its star keeps [`BASE_RADIUS`]. By betweenness, the
/// share is an actor's betweenness over the highest of any actor; where no actor lies
/// between others, every actor has share 0.
pub fn node_sizes(net: &Network, by: SizeBy) -> HashMap<Endpoint, NodeSize> {
    let mut sizes: HashMap<Endpoint, NodeSize> = HashMap::with_capacity(net.actors.len() + 1);
    sizes.insert(Endpoint::Me, NodeSize::BASE);
    match by {
        SizeBy::Same => {
            for a in &net.actors {
                sizes.insert(Endpoint::Actor(a.id), NodeSize::BASE);
            }
        }
        SizeBy::Influence => {
            let range = f64::from(SCORE_MAX - SCORE_MIN);
            for a in &net.actors {
                let value = f64::from(a.influence.clamp(SCORE_MIN, SCORE_MAX));
                sizes.insert(
                    Endpoint::Actor(a.id),
                    NodeSize {
                        radius: radius_for((value - f64::from(SCORE_MIN)) / range),
                        value: Some(value),
                    },
                );
            }
        }
        SizeBy::Betweenness => {
            let c = centrality(net);
            let of = |e: &Endpoint| c.get(e).map_or(0.0, |c| c.betweenness_normalised);
            let most = net
                .actors
                .iter()
                .map(|a| of(&Endpoint::Actor(a.id)))
                .fold(0.0f64, f64::max);
            for a in &net.actors {
                let e = Endpoint::Actor(a.id);
                let value = of(&e);
                let share = if most > 0.0 { value / most } else { 0.0 };
                sizes.insert(
                    e,
                    NodeSize {
                        radius: radius_for(share),
                        value: Some(value),
                    },
                );
            }
        }
    }
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::network::{Actor, Tie};
    use crate::model::Id;

    fn a(k: u128) -> Endpoint {
        Endpoint::Actor(Id::from_u128(k))
    }

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() < 1e-9
    }

    /// me – 1 – 2, and 2 – 3, 2 – 4: a path from the advisor that forks at actor 2.
    /// Influence 5, 1, 3, 2 for actors 1 to 4.
    fn fork() -> Network {
        let mut net = Network::default();
        for (k, influence) in [(1u128, 5u8), (2, 1), (3, 3), (4, 2)] {
            let mut x = Actor::new(Id::from_u128(k), &format!("A{k}"));
            x.influence = influence;
            net.add_actor(x).unwrap();
        }
        let ties = [
            (Endpoint::Me, a(1)),
            (a(1), a(2)),
            (a(2), a(3)),
            (a(2), a(4)),
        ];
        for (i, (x, y)) in ties.into_iter().enumerate() {
            net.add_tie(Tie::new(Id::from_u128(100 + i as u128), x, y))
                .unwrap();
        }
        net
    }

    #[test]
    fn the_radius_grows_with_the_area() {
        assert_eq!(radius_for(0.0), 10.0);
        assert_eq!(radius_for(1.0), 30.0);
        // 100 + 800 × 3/8 = 400 = 20².
        assert!(close(radius_for(0.375), 20.0));
        // 100 + 800 / 2 = 500.
        assert!(close(radius_for(0.5), 500f64.sqrt()));
        // Out of range and no number: the ends of the range.
        assert_eq!(radius_for(-1.0), 10.0);
        assert_eq!(radius_for(7.0), 30.0);
        assert_eq!(radius_for(f64::NAN), 10.0);
    }

    #[test]
    fn all_the_same_size() {
        let sizes = node_sizes(&fork(), SizeBy::Same);
        assert_eq!(sizes.len(), 5);
        assert!(sizes
            .values()
            .all(|s| s.radius == BASE_RADIUS && s.value.is_none()));
        assert_eq!(sizes[&a(1)].scale(), 1.0);
    }

    #[test]
    fn by_influence() {
        let sizes = node_sizes(&fork(), SizeBy::Influence);
        // Influence 5: share 1; 1: share 0; 3: share ½, √500; 2: share ¼, √300.
        assert_eq!(sizes[&a(1)].radius, 30.0);
        assert_eq!(sizes[&a(2)].radius, 10.0);
        assert!(close(sizes[&a(3)].radius, 500f64.sqrt()));
        assert!(close(sizes[&a(4)].radius, 300f64.sqrt()));
        assert_eq!(sizes[&a(1)].value, Some(5.0));
        assert_eq!(sizes[&Endpoint::Me], NodeSize::BASE);
        assert_eq!(
            sizes[&a(3)]
                .describe(SizeBy::Influence, Lang::Nl)
                .as_deref(),
            Some("invloed 3 van 5")
        );
        assert_eq!(
            sizes[&a(3)]
                .describe(SizeBy::Influence, Lang::En)
                .as_deref(),
            Some("influence 3 out of 5")
        );
        assert_eq!(
            sizes[&Endpoint::Me].describe(SizeBy::Influence, Lang::Nl),
            None
        );
    }

    #[test]
    fn by_betweenness_worked_out_by_hand() {
        // Pairs whose shortest path passes through someone (n = 5, 6 pairs of others):
        //   me–2 via 1; me–3 and me–4 via 1 and 2; 1–3, 1–4 and 3–4 via 2.
        // So actor 1 lies on 3 paths, actor 2 on 5, the rest on none.
        // Normalised: × 2 / (4 × 3), so 1 has 0.5 and 2 has 5/6.
        let sizes = node_sizes(&fork(), SizeBy::Betweenness);
        assert!(close(sizes[&a(1)].value.unwrap(), 0.5));
        assert!(close(sizes[&a(2)].value.unwrap(), 5.0 / 6.0));
        // Actor 2 has the most: share 1. Actor 1: 3/5 of it, 100 + 800 × 0.6 = 580.
        assert_eq!(sizes[&a(2)].radius, 30.0);
        assert!(close(sizes[&a(1)].radius, 580f64.sqrt()));
        assert_eq!(sizes[&a(3)].radius, 10.0);
        assert_eq!(sizes[&a(4)].radius, 10.0);
        // The advisor lies on no path here, and keeps its size anyway.
        assert_eq!(sizes[&Endpoint::Me], NodeSize::BASE);
        assert_eq!(
            sizes[&a(1)]
                .describe(SizeBy::Betweenness, Lang::Nl)
                .as_deref(),
            Some("tussenpositie 0,50")
        );
        assert_eq!(
            sizes[&a(2)]
                .describe(SizeBy::Betweenness, Lang::En)
                .as_deref(),
            Some("betweenness 0.83")
        );
    }

    #[test]
    fn without_a_broker_every_actor_is_small() {
        // A triangle with the advisor: nobody lies between anybody.
        let mut net = Network::default();
        for k in 1..=2 {
            net.add_actor(Actor::new(Id::from_u128(k), &format!("A{k}")))
                .unwrap();
        }
        for (i, (x, y)) in [(Endpoint::Me, a(1)), (Endpoint::Me, a(2)), (a(1), a(2))]
            .into_iter()
            .enumerate()
        {
            net.add_tie(Tie::new(Id::from_u128(10 + i as u128), x, y))
                .unwrap();
        }
        let sizes = node_sizes(&net, SizeBy::Betweenness);
        assert_eq!(sizes[&a(1)].radius, MIN_RADIUS);
        assert_eq!(sizes[&a(2)].radius, MIN_RADIUS);
        assert_eq!(
            node_sizes(&Network::default(), SizeBy::Betweenness).len(),
            1
        );
    }

    #[test]
    fn the_choice_by_name() {
        for by in SizeBy::ALL {
            assert_eq!(SizeBy::parse(by.slug()), Some(by));
        }
        assert_eq!(SizeBy::parse("groot"), None);
        assert_eq!(SizeBy::default(), SizeBy::Same);
        assert_eq!(SizeBy::Same.explanation(Lang::Nl), None);
        assert!(SizeBy::Betweenness
            .explanation(Lang::En)
            .unwrap()
            .contains("strongest broker"));
    }
}
