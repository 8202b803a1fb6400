//! Placing the map: a force-directed layout (Fruchterman–Reingold) that gives the same
//! picture for the same data. Start points come from the ids, never from a clock or a
//! random source, and the number of rounds is fixed, so a map does not jump about
//! between visits.
//!
//! Once placed, a node stays where it is ([`place`]): the map stores every place it
//! shows, so only moving a node ([`move_node`]), adding one (placed among the others,
//! which stay) or *Opnieuw plaatsen* ([`place_again`]) changes where nodes are.

use std::collections::HashMap;

use super::graph::Graph;
use super::{Endpoint, Network, Position};

#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Pins the advisor at the origin.
    pub me_centre: bool,
    /// Leaves nodes the user dragged where they are.
    pub keep_positions: bool,
    /// The ideal length of a tie, in map units.
    pub spacing: f64,
    pub iterations: usize,
    /// A pull towards the origin, so that groups without ties between them stay in view
    /// instead of drifting apart; 0 turns it off.
    pub gravity: f64,
}

impl Default for LayoutOptions {
    fn default() -> LayoutOptions {
        LayoutOptions {
            me_centre: true,
            keep_positions: true,
            spacing: 100.0,
            iterations: 250,
            gravity: 0.5,
        }
    }
}

/// Positions for every node: the advisor and each actor.
pub fn layout(net: &Network, options: &LayoutOptions) -> HashMap<Endpoint, Position> {
    all_placed(net, options).unwrap_or_else(|| force_layout(net, options))
}

/// [`layout`] by the forces, for a map with nodes still to place.
fn force_layout(net: &Network, options: &LayoutOptions) -> HashMap<Endpoint, Position> {
    let g = Graph::new(net);
    let n = g.len();
    let k = if options.spacing.is_finite() && options.spacing > 0.0 {
        options.spacing
    } else {
        LayoutOptions::default().spacing
    };
    let stored: HashMap<_, _> = net
        .actors
        .iter()
        .filter_map(|a| Some((Endpoint::Actor(a.id), a.position.filter(|p| p.is_finite())?)))
        .chain(
            net.me_position
                .filter(|p| p.is_finite())
                .map(|p| (Endpoint::Me, p)),
        )
        .collect();

    let radius = k * (n as f64 / std::f64::consts::PI).sqrt();
    let mut x = vec![0.0; n];
    let mut y = vec![0.0; n];
    let mut pinned = vec![false; n];
    for (i, e) in g.nodes.iter().enumerate() {
        let keep = if options.keep_positions {
            stored.get(e)
        } else {
            None
        };
        if *e == Endpoint::Me && options.me_centre {
            pinned[i] = true;
        } else if let Some(p) = keep {
            (x[i], y[i], pinned[i]) = (p.x, p.y, true);
        } else if let Endpoint::Actor(id) = e {
            let h = seed_of(id.as_u128());
            let r = radius * unit(h).sqrt();
            let angle = std::f64::consts::TAU * unit(h.rotate_left(32));
            (x[i], y[i]) = (r * angle.cos(), r * angle.sin());
        }
    }

    let gravity = if options.gravity.is_finite() && options.gravity > 0.0 {
        options.gravity
    } else {
        0.0
    };
    let free: Vec<usize> = (0..n).filter(|&i| !pinned[i]).collect();
    let k2 = k * k;
    let start_temperature = radius / 3.0 + k;
    let mut dx = vec![0.0; n];
    let mut dy = vec![0.0; n];
    // With every node placed there is nothing to compute; with a few new ones among many
    // placed, only the new ones feel forces (a new actor costs one row, not the whole map).
    let iterations = if free.is_empty() {
        0
    } else {
        options.iterations
    };
    let few = free.len() * 2 < n;
    for round in 0..iterations {
        dx.fill(0.0);
        dy.fill(0.0);
        if few {
            for &i in &free {
                let (fx, fy) = repel_one(i, &x, &y, k2);
                dx[i] += fx - x[i] * gravity;
                dy[i] += fy - y[i] * gravity;
            }
        } else {
            for i in 0..n {
                let (fx, fy) = repel(i, &x, &y, &mut dx, &mut dy, k2);
                dx[i] += fx - x[i] * gravity;
                dy[i] += fy - y[i] * gravity;
            }
        }
        attract(&g.edges, &x, &y, &mut dx, &mut dy, k);
        // Linear cooling: big moves first to untangle, small ones at the end to settle.
        let t = start_temperature * (1.0 - round as f64 / iterations as f64);
        shift(&mut x, &mut y, &dx, &dy, &pinned, t);
    }
    g.nodes
        .iter()
        .enumerate()
        .map(|(i, e)| (*e, Position::new(x[i], y[i])))
        .collect()
}

/// The stored places, when every node has one and the layout would move none: the map
/// runs [`layout`] on every change of the network (a move among them), and this answers
/// without building the graph or sorting anything.
fn all_placed(net: &Network, options: &LayoutOptions) -> Option<HashMap<Endpoint, Position>> {
    if !options.keep_positions {
        return None;
    }
    let me = if options.me_centre {
        Position::new(0.0, 0.0)
    } else {
        net.me_position.filter(|p| p.is_finite())?
    };
    let mut placed = HashMap::with_capacity(net.actors.len() + 1);
    placed.insert(Endpoint::Me, me);
    for a in &net.actors {
        placed.insert(Endpoint::Actor(a.id), a.position.filter(|p| p.is_finite())?);
    }
    Some(placed)
}

/// How many nodes of the map have no place yet: actors without a stored position, and
/// the advisor when the map is not centred on them and they were never moved.
pub fn unplaced(net: &Network, options: &LayoutOptions) -> usize {
    let actors = net
        .actors
        .iter()
        .filter(|a| !a.position.is_some_and(|p| p.is_finite()))
        .count();
    actors + usize::from(me_unplaced(net, options))
}

fn me_unplaced(net: &Network, options: &LayoutOptions) -> bool {
    !options.me_centre && !net.me_position.is_some_and(|p| p.is_finite())
}

/// The rule of the map: **once placed, a node stays where it is.** Gives every node
/// without a place one (laid out among the placed ones, which do not move) and stores
/// it, so the map looks the same after a reload, a filter or another view. Nodes that
/// have a place keep it exactly. Returns how many nodes were placed.
///
/// Places are stored to a tenth of a map unit (a node is about 30 units wide), which keeps
/// the stored document short.
pub fn place(net: &mut Network, options: &LayoutOptions) -> usize {
    let missing = unplaced(net, options);
    if missing == 0 {
        return 0;
    }
    let options = LayoutOptions {
        keep_positions: true,
        ..options.clone()
    };
    let positions = layout(net, &options);
    let me_missing = me_unplaced(net, &options);
    for a in &mut net.actors {
        if !a.position.is_some_and(|p| p.is_finite()) {
            a.position = positions.get(&Endpoint::Actor(a.id)).map(|p| rounded(*p));
        }
    }
    if me_missing {
        net.me_position = positions.get(&Endpoint::Me).map(|p| rounded(*p));
    }
    missing
}

/// Moves one node to `to` and nothing else: every other node is first given its place
/// (when it had none), so that none of them moves with it. Refuses (and changes
/// nothing) for an unknown actor, a position that is not a finite number, and the
/// advisor while the map is centred on them.
pub fn move_node(net: &mut Network, e: Endpoint, to: Position, options: &LayoutOptions) -> bool {
    if !to.is_finite() || !net.has_endpoint(e) || (e == Endpoint::Me && options.me_centre) {
        return false;
    }
    place(net, options);
    net.set_position(e, Some(rounded(to)))
}

/// *Opnieuw plaatsen* ("place again"): forgets every place and lays the whole map out
/// anew, on purpose.
pub fn place_again(net: &mut Network, options: &LayoutOptions) -> usize {
    net.clear_positions();
    place(net, options)
}

fn rounded(p: Position) -> Position {
    Position::new((p.x * 10.0).round() / 10.0, (p.y * 10.0).round() / 10.0)
}

/// The push between node `i` and every later node: the later ones' share goes into `dx`
/// and `dy`, node `i`'s own is returned.
///
/// Its own function, called once per node and round, so that the browser optimises it:
/// V8 starts a wasm function in baseline code and switches to optimised code only at a
/// later call, and `layout` itself is called once. Slices and iterators instead of
/// indexing, too: at `opt-level = "z"` every `v[j]` stayed a call with a bounds check.
/// This loop runs 11 million times for a map of 300 actors.
#[inline(never)]
fn repel(i: usize, x: &[f64], y: &[f64], dx: &mut [f64], dy: &mut [f64], k2: f64) -> (f64, f64) {
    let (xi, yi) = (x[i], y[i]);
    let (mut fx, mut fy) = (0.0, 0.0);
    let others = x[i + 1..]
        .iter()
        .zip(&y[i + 1..])
        .zip(dx[i + 1..].iter_mut().zip(&mut dy[i + 1..]));
    for (j, ((&xj, &yj), (dxj, dyj))) in (i + 1..).zip(others) {
        let (mut ux, mut uy) = (xi - xj, yi - yj);
        let mut d2 = ux * ux + uy * uy;
        if d2 < 1e-4 {
            // Two nodes on one spot: push them apart in a direction fixed by their
            // indices, so the result stays reproducible.
            let angle = (i * 7919 + j * 104_729) as f64;
            (ux, uy) = (angle.cos() * 0.01, angle.sin() * 0.01);
            d2 = 1e-4;
        }
        let f = k2 / d2;
        fx += ux * f;
        fy += uy * f;
        *dxj -= ux * f;
        *dyj -= uy * f;
    }
    (fx, fy)
}

/// The push on node `i` from every other node, for a layout where only a few nodes move.
/// Its own function for the reason given at [`repel`].
#[inline(never)]
fn repel_one(i: usize, x: &[f64], y: &[f64], k2: f64) -> (f64, f64) {
    let (xi, yi) = (x[i], y[i]);
    let (mut fx, mut fy) = (0.0, 0.0);
    for (j, (&xj, &yj)) in x.iter().zip(y).enumerate() {
        if j == i {
            continue;
        }
        let (mut ux, mut uy) = (xi - xj, yi - yj);
        let mut d2 = ux * ux + uy * uy;
        if d2 < 1e-4 {
            // The same fixed direction as in `repel`, seen from node `i`.
            let (lo, hi) = (i.min(j), i.max(j));
            let angle = (lo * 7919 + hi * 104_729) as f64;
            let sign = if i < j { 1.0 } else { -1.0 };
            (ux, uy) = (sign * angle.cos() * 0.01, sign * angle.sin() * 0.01);
            d2 = 1e-4;
        }
        let f = k2 / d2;
        fx += ux * f;
        fy += uy * f;
    }
    (fx, fy)
}

/// The pull along every tie. Its own function for the reason given at [`repel`].
#[inline(never)]
fn attract(
    edges: &[(usize, usize, usize)],
    x: &[f64],
    y: &[f64],
    dx: &mut [f64],
    dy: &mut [f64],
    k: f64,
) {
    for &(i, j, _) in edges {
        let (ux, uy) = (x[i] - x[j], y[i] - y[j]);
        let f = (ux * ux + uy * uy).sqrt() / k;
        dx[i] -= ux * f;
        dy[i] -= uy * f;
        dx[j] += ux * f;
        dy[j] += uy * f;
    }
}

/// Moves every free node along its force, by at most `t`. Its own function for the reason
/// given at [`repel`].
#[inline(never)]
fn shift(x: &mut [f64], y: &mut [f64], dx: &[f64], dy: &[f64], pinned: &[bool], t: f64) {
    for i in 0..x.len() {
        if pinned[i] {
            continue;
        }
        let len = (dx[i] * dx[i] + dy[i] * dy[i]).sqrt();
        if len > 0.0 && len.is_finite() {
            let step = len.min(t) / len;
            x[i] += dx[i] * step;
            y[i] += dy[i] * step;
        }
    }
}

/// The smallest box around all positions, as (top-left, bottom-right), for fitting the
/// map into view; `None` when there is nothing to show.
pub fn bounds<'a>(
    positions: impl IntoIterator<Item = &'a Position>,
) -> Option<(Position, Position)> {
    positions.into_iter().fold(None, |acc, p| {
        Some(match acc {
            None => (*p, *p),
            Some((lo, hi)) => (
                Position::new(lo.x.min(p.x), lo.y.min(p.y)),
                Position::new(hi.x.max(p.x), hi.y.max(p.y)),
            ),
        })
    })
}

fn seed_of(v: u128) -> u64 {
    let mut rng = super::gen::Rng::new((v as u64) ^ ((v >> 64) as u64).rotate_left(17));
    rng.next_u64()
}

/// The top 53 bits as a number in [0, 1).
fn unit(h: u64) -> f64 {
    (h >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::network::{gen, Actor, Tie};
    use crate::model::Id;

    fn dist(p: Position, q: Position) -> f64 {
        ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt()
    }

    fn min_distance(pos: &HashMap<Endpoint, Position>) -> f64 {
        let v: Vec<_> = pos.values().copied().collect();
        let mut best = f64::INFINITY;
        for i in 0..v.len() {
            for j in i + 1..v.len() {
                best = best.min(dist(v[i], v[j]));
            }
        }
        best
    }

    #[test]
    fn the_same_map_gives_the_same_picture() {
        let net = gen::generate(3, 60, 150);
        let first = layout(&net, &LayoutOptions::default());
        assert_eq!(first, layout(&net, &LayoutOptions::default()));
        // The order of the lists does not matter either.
        let mut shuffled = net.clone();
        shuffled.actors.reverse();
        shuffled.ties.reverse();
        assert_eq!(first, layout(&shuffled, &LayoutOptions::default()));
        assert_eq!(first.len(), 61);
        assert!(first.values().all(|p| p.is_finite()));
    }

    #[test]
    fn a_placed_map_reads_its_places_as_the_forces_would_give_them() {
        let mut net = gen::generate(7, 40, 90);
        for me_centre in [true, false] {
            let options = LayoutOptions {
                me_centre,
                ..LayoutOptions::default()
            };
            assert!(all_placed(&net, &options).is_none());
            place(&mut net, &options);
            let placed = all_placed(&net, &options).expect("every node placed");
            assert_eq!(placed, force_layout(&net, &options));
            assert_eq!(placed, layout(&net, &options));
            assert_eq!(placed.len(), 41);
        }
        // Not when the stored places are to be ignored.
        let free = LayoutOptions {
            keep_positions: false,
            ..LayoutOptions::default()
        };
        assert!(all_placed(&net, &free).is_none());
    }

    #[test]
    fn me_sits_in_the_centre_and_dragged_nodes_stay() {
        let mut net = gen::generate(5, 30, 60);
        let dragged = Endpoint::Actor(net.actors[4].id);
        assert!(net.set_position(dragged, Some(Position::new(400.0, -250.0))));
        let pos = layout(&net, &LayoutOptions::default());
        assert_eq!(pos[&Endpoint::Me], Position::new(0.0, 0.0));
        assert_eq!(pos[&dragged], Position::new(400.0, -250.0));
        let free = layout(
            &net,
            &LayoutOptions {
                keep_positions: false,
                ..LayoutOptions::default()
            },
        );
        assert_ne!(free[&dragged], Position::new(400.0, -250.0));
    }

    #[test]
    fn without_centring_me_moves_unless_dragged() {
        let mut net = gen::generate(5, 30, 60);
        let options = LayoutOptions {
            me_centre: false,
            ..LayoutOptions::default()
        };
        assert_ne!(
            layout(&net, &options)[&Endpoint::Me],
            Position::new(0.0, 0.0)
        );
        net.set_position(Endpoint::Me, Some(Position::new(-30.0, 20.0)));
        assert_eq!(
            layout(&net, &options)[&Endpoint::Me],
            Position::new(-30.0, 20.0)
        );
    }

    #[test]
    fn tied_nodes_end_closer_than_untied_ones() {
        // Two cliques of five joined by one bridge, and the advisor tied to one clique.
        let mut net = Network::default();
        let id = Id::from_u128;
        for k in 1..=10 {
            net.add_actor(Actor::new(id(k), &format!("A{k}"))).unwrap();
        }
        let a = |k: u128| Endpoint::Actor(id(k));
        let mut n = 100;
        for side in [1, 6] {
            for i in side..side + 5 {
                for j in i + 1..side + 5 {
                    n += 1;
                    net.add_tie(Tie::new(id(n), a(i), a(j))).unwrap();
                }
            }
        }
        net.add_tie(Tie::new(id(200), a(5), a(6))).unwrap();
        net.add_tie(Tie::new(id(201), Endpoint::Me, a(1))).unwrap();
        let pos = layout(&net, &LayoutOptions::default());
        let mean = |pairs: &[(u128, u128)]| {
            pairs
                .iter()
                .map(|&(i, j)| dist(pos[&a(i)], pos[&a(j)]))
                .sum::<f64>()
                / pairs.len() as f64
        };
        let within = mean(&[(1, 2), (2, 3), (3, 4), (7, 8), (8, 9), (9, 10)]);
        let across = mean(&[(1, 8), (2, 9), (3, 10), (4, 7)]);
        assert!(within * 2.0 < across, "within {within}, across {across}");
        assert!(min_distance(&pos) > 10.0);
    }

    #[test]
    fn a_large_map_settles_spread_out_and_in_view() {
        let net = gen::generate(11, 300, 1000);
        let pos = layout(&net, &LayoutOptions::default());
        assert_eq!(pos.len(), 301);
        assert!(pos.values().all(|p| p.is_finite()));
        // No two nodes on top of each other, and the map stays within a sensible area
        // (the ideal radius of 301 nodes at 100 apart is about 1,000).
        assert!(min_distance(&pos) > 5.0, "{}", min_distance(&pos));
        let (lo, hi) = bounds(pos.values()).unwrap();
        assert!(
            hi.x - lo.x < 6000.0 && hi.y - lo.y < 6000.0,
            "{lo:?} {hi:?}"
        );
    }

    #[test]
    fn empty_and_tiny_maps() {
        let pos = layout(&Network::default(), &LayoutOptions::default());
        assert_eq!(pos.len(), 1);
        assert_eq!(pos[&Endpoint::Me], Position::new(0.0, 0.0));
        let net = gen::generate(1, 1, 0);
        let pos = layout(
            &net,
            &LayoutOptions {
                spacing: f64::NAN,
                iterations: 0,
                ..LayoutOptions::default()
            },
        );
        assert!(pos.values().all(|p| p.is_finite()));
    }

    #[test]
    fn bounds_of_points() {
        let pts = [
            Position::new(1.0, 5.0),
            Position::new(-2.0, 3.0),
            Position::new(0.0, 9.0),
        ];
        assert_eq!(
            bounds(pts.iter()),
            Some((Position::new(-2.0, 3.0), Position::new(1.0, 9.0)))
        );
        assert_eq!(bounds([].iter()), None);
    }

    fn places(net: &Network) -> Vec<(Id, Option<Position>)> {
        net.actors.iter().map(|a| (a.id, a.position)).collect()
    }

    #[test]
    fn once_placed_a_moved_actor_moves_alone() {
        let mut net = gen::generate(7, 34, 70);
        let options = LayoutOptions::default();
        assert_eq!(unplaced(&net, &options), 34);
        assert_eq!(place(&mut net, &options), 34);
        assert_eq!(unplaced(&net, &options), 0);
        // Placing again places nothing and changes nothing.
        let before = places(&net);
        assert_eq!(place(&mut net, &options), 0);
        assert_eq!(places(&net), before);
        // What the map shows is what was stored.
        let shown = layout(&net, &options);
        for (id, p) in &before {
            assert_eq!(Some(shown[&Endpoint::Actor(*id)]), *p);
        }

        let moved = net.actors[5].id;
        assert!(move_node(
            &mut net,
            Endpoint::Actor(moved),
            Position::new(812.34, -40.06),
            &options
        ));
        for ((id, was), (_, now)) in before.iter().zip(places(&net)) {
            if *id == moved {
                assert_eq!(now, Some(Position::new(812.3, -40.1)));
            } else {
                assert_eq!(now, *was, "actor {id} moved with the dragged one");
            }
        }
        let shown = layout(&net, &options);
        assert_eq!(shown[&Endpoint::Actor(moved)], Position::new(812.3, -40.1));
        assert_eq!(shown[&Endpoint::Me], Position::new(0.0, 0.0));
    }

    #[test]
    fn moving_on_a_map_never_placed_first_places_the_others_where_they_were_shown() {
        let mut net = gen::generate(8, 30, 50);
        let options = LayoutOptions::default();
        let shown = layout(&net, &options);
        let target = Endpoint::Actor(net.actors[0].id);
        assert!(move_node(
            &mut net,
            target,
            Position::new(1.0, 2.0),
            &options
        ));
        for a in &net.actors[1..] {
            let was = shown[&Endpoint::Actor(a.id)];
            let now = a.position.unwrap();
            assert!(
                (now.x - was.x).abs() <= 0.05 && (now.y - was.y).abs() <= 0.05,
                "{was:?} {now:?}"
            );
        }
    }

    #[test]
    fn a_new_actor_is_placed_without_moving_the_others() {
        let mut net = gen::generate(9, 30, 60);
        let options = LayoutOptions::default();
        place(&mut net, &options);
        let before = places(&net);
        let new = Id::from_u128(77_777);
        net.add_actor(Actor::new(new, "Nieuw")).unwrap();
        let friend = Endpoint::Actor(net.actors[3].id);
        net.add_tie(Tie::new(
            Id::from_u128(77_778),
            Endpoint::Actor(new),
            friend,
        ))
        .unwrap();
        assert_eq!(unplaced(&net, &options), 1);
        assert_eq!(place(&mut net, &options), 1);
        let after: Vec<_> = places(&net)
            .into_iter()
            .filter(|(id, _)| *id != new)
            .collect();
        assert_eq!(after, before);
        let p = net.actor(new).unwrap().position.unwrap();
        assert!(p.is_finite());
        // Not on top of anyone.
        for a in net.actors.iter().filter(|a| a.id != new) {
            assert!(dist(p, a.position.unwrap()) > 5.0);
        }
    }

    #[test]
    fn place_again_lays_everything_out_anew() {
        let mut net = gen::generate(10, 20, 30);
        let options = LayoutOptions::default();
        place(&mut net, &options);
        let first = places(&net);
        for a in &mut net.actors {
            a.position = Some(Position::new(5.0, 5.0));
        }
        assert_eq!(place_again(&mut net, &options), 20);
        assert_eq!(places(&net), first);
    }

    #[test]
    fn the_advisor_is_placed_only_off_centre_and_moves_only_then() {
        let mut net = gen::generate(12, 10, 15);
        let centred = LayoutOptions::default();
        place(&mut net, &centred);
        assert_eq!(net.me_position, None);
        assert!(!move_node(
            &mut net,
            Endpoint::Me,
            Position::new(3.0, 3.0),
            &centred
        ));
        let free = LayoutOptions {
            me_centre: false,
            ..LayoutOptions::default()
        };
        assert_eq!(unplaced(&net, &free), 1);
        let before = places(&net);
        assert_eq!(place(&mut net, &free), 1);
        assert!(net.me_position.is_some());
        assert_eq!(places(&net), before);
        assert!(move_node(
            &mut net,
            Endpoint::Me,
            Position::new(3.0, 3.0),
            &free
        ));
        assert_eq!(net.me_position, Some(Position::new(3.0, 3.0)));
        // Unknown actors and positions that are no number are refused.
        assert!(!move_node(
            &mut net,
            Endpoint::Actor(Id::from_u128(1)),
            Position::new(1.0, 1.0),
            &free
        ));
        let first = Endpoint::Actor(net.actors[0].id);
        assert!(!move_node(
            &mut net,
            first,
            Position::new(f64::NAN, 1.0),
            &free
        ));
        assert_eq!(places(&net), before);
    }

    /// Run with `cargo test --release --lib layout_speed -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn layout_speed() {
        let net = gen::generate(2026, 300, 1000);
        let start = std::time::Instant::now();
        let pos = layout(&net, &LayoutOptions::default());
        let took = start.elapsed();
        println!("layout of 300 actors and 1000 ties: {took:?}");
        assert_eq!(pos.len(), 301);
        if !cfg!(debug_assertions) {
            assert!(took.as_millis() < 150, "{took:?}");
        }
    }
}
