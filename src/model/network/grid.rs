//! The power–interest grid: four quadrants by influence and interest, each with its
//! usual advice on how to involve the actors in it.

use super::{name_key, Actor, Network};
use crate::model::order::SharedSort;
use crate::model::Lang;

/// From this score (1–5) on, influence or interest counts as high on the grid: the
/// middle of the scale and above.
pub const GRID_HIGH_MIN: u8 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Quadrant {
    /// High influence, high interest.
    ManageClosely,
    /// High influence, low interest.
    KeepSatisfied,
    /// Low influence, high interest.
    KeepInformed,
    /// Low influence, low interest.
    Monitor,
}

impl Quadrant {
    /// Reading order of a grid with influence upwards and interest to the right:
    /// top-left, top-right, bottom-left, bottom-right.
    pub const GRID_ORDER: [Quadrant; 4] = [
        Quadrant::KeepSatisfied,
        Quadrant::ManageClosely,
        Quadrant::Monitor,
        Quadrant::KeepInformed,
    ];

    pub fn of(actor: &Actor) -> Quadrant {
        let influential = actor.influence >= GRID_HIGH_MIN;
        let interested = actor.interest >= GRID_HIGH_MIN;
        match (influential, interested) {
            (true, true) => Quadrant::ManageClosely,
            (true, false) => Quadrant::KeepSatisfied,
            (false, true) => Quadrant::KeepInformed,
            (false, false) => Quadrant::Monitor,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Quadrant::ManageClosely => lang.pick("Nauw betrekken", "Manage closely"),
            Quadrant::KeepSatisfied => lang.pick("Tevreden houden", "Keep satisfied"),
            Quadrant::KeepInformed => lang.pick("Informeren", "Keep informed"),
            Quadrant::Monitor => lang.pick("Monitoren", "Monitor"),
        }
    }

    pub fn description(self, lang: Lang) -> &'static str {
        match self {
            Quadrant::ManageClosely => lang.pick(
                "Veel invloed en veel belang",
                "High influence and high interest",
            ),
            Quadrant::KeepSatisfied => lang.pick(
                "Veel invloed, weinig belang",
                "High influence, low interest",
            ),
            Quadrant::KeepInformed => lang.pick(
                "Weinig invloed, veel belang",
                "Low influence, high interest",
            ),
            Quadrant::Monitor => lang.pick(
                "Weinig invloed en weinig belang",
                "Low influence and low interest",
            ),
        }
    }

    /// A stable word for the interface's styling and tests.
    pub fn slug(self) -> &'static str {
        match self {
            Quadrant::ManageClosely => "nauw-betrekken",
            Quadrant::KeepSatisfied => "tevreden-houden",
            Quadrant::KeepInformed => "informeren",
            Quadrant::Monitor => "monitoren",
        }
    }
}

/// The actors of one quadrant, most influential first, then most interested, then by name.
pub fn quadrant_actors(net: &Network, quadrant: Quadrant) -> Vec<&Actor> {
    let mut list: Vec<&Actor> = net
        .actors
        .iter()
        .filter(|a| Quadrant::of(a) == quadrant)
        .collect();
    list.shared_sort_by_key(|a| {
        (
            std::cmp::Reverse(a.influence),
            std::cmp::Reverse(a.interest),
            name_key(&a.name),
            a.id,
        )
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn scored(n: u128, name: &str, influence: u8, interest: u8) -> Actor {
        let mut a = Actor::new(Id::from_u128(n), name);
        a.influence = influence;
        a.interest = interest;
        a
    }

    #[test]
    fn three_counts_as_high() {
        assert_eq!(Quadrant::of(&scored(1, "A", 3, 3)), Quadrant::ManageClosely);
        assert_eq!(Quadrant::of(&scored(1, "A", 5, 2)), Quadrant::KeepSatisfied);
        assert_eq!(Quadrant::of(&scored(1, "A", 2, 3)), Quadrant::KeepInformed);
        assert_eq!(Quadrant::of(&scored(1, "A", 1, 2)), Quadrant::Monitor);
    }

    #[test]
    fn quadrants_are_named_in_both_languages() {
        assert_eq!(Quadrant::ManageClosely.label(Lang::Nl), "Nauw betrekken");
        assert_eq!(Quadrant::ManageClosely.label(Lang::En), "Manage closely");
        assert_eq!(Quadrant::KeepInformed.label(Lang::En), "Keep informed");
        assert_eq!(
            Quadrant::Monitor.description(Lang::En),
            "Low influence and low interest"
        );
    }

    #[test]
    fn a_quadrant_lists_the_most_influential_first() {
        let mut net = Network::default();
        for a in [
            scored(1, "Cor", 3, 5),
            scored(2, "anna", 5, 3),
            scored(3, "Bram", 5, 3),
            scored(4, "Dirk", 1, 1),
        ] {
            net.add_actor(a).unwrap();
        }
        let names: Vec<_> = quadrant_actors(&net, Quadrant::ManageClosely)
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["anna", "Bram", "Cor"]);
        assert_eq!(quadrant_actors(&net, Quadrant::Monitor).len(), 1);
        assert!(quadrant_actors(&net, Quadrant::KeepInformed).is_empty());
    }
}
