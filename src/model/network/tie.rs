//! A tie: a connection between two actors, or between an actor and the advisor.

use serde::{Deserialize, Serialize};

use super::actor::word_key;
use crate::model::{Id, Lang};

/// One end of a tie. The advisor ("ik") is not an actor record: every map has exactly
/// one advisor, who cannot be deleted or scored.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Endpoint {
    Me,
    Actor(Id),
}

impl Endpoint {
    /// How the interface names the advisor.
    pub fn me_label(lang: Lang) -> &'static str {
        lang.pick("ik", "me")
    }

    pub fn actor(self) -> Option<Id> {
        match self {
            Endpoint::Me => None,
            Endpoint::Actor(id) => Some(id),
        }
    }
}

#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum TieKind {
    Formal,
    Informal,
    Assignment,
    Collaboration,
    Conflict,
    #[default]
    Other,
}

impl TieKind {
    pub const ALL: [TieKind; 6] = [
        TieKind::Formal,
        TieKind::Informal,
        TieKind::Assignment,
        TieKind::Collaboration,
        TieKind::Conflict,
        TieKind::Other,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TieKind::Formal => lang.pick("formeel", "formal"),
            TieKind::Informal => lang.pick("informeel", "informal"),
            TieKind::Assignment => lang.pick("opdracht", "assignment"),
            TieKind::Collaboration => lang.pick("samenwerking", "collaboration"),
            TieKind::Conflict => "conflict",
            TieKind::Other => lang.pick("anders", "other"),
        }
    }

    pub fn parse(text: &str) -> Option<TieKind> {
        Some(match word_key(text).as_str() {
            "formeel" | "formal" => TieKind::Formal,
            "informeel" | "informal" => TieKind::Informal,
            "opdracht" | "assignment" | "opdrachtgever" => TieKind::Assignment,
            "samenwerking" | "collaboration" | "samenwerken" => TieKind::Collaboration,
            "conflict" => TieKind::Conflict,
            "anders" | "overig" | "other" => TieKind::Other,
            _ => return None,
        })
    }
}

#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Weak,
    #[default]
    Normal,
    Strong,
}

impl Strength {
    pub const ALL: [Strength; 3] = [Strength::Weak, Strength::Normal, Strength::Strong];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Strength::Weak => lang.pick("zwak", "weak"),
            Strength::Normal => lang.pick("gewoon", "normal"),
            Strength::Strong => lang.pick("sterk", "strong"),
        }
    }

    /// Also reads 1–3, since spreadsheets often score strength as a number.
    pub fn parse(text: &str) -> Option<Strength> {
        Some(match word_key(text).as_str() {
            "zwak" | "weak" | "1" => Strength::Weak,
            "gewoon" | "normaal" | "normal" | "2" => Strength::Normal,
            "sterk" | "strong" | "3" => Strength::Strong,
            _ => return None,
        })
    }
}

#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// From `a` to `b`, such as a client giving an assignment.
    OneWay,
    #[default]
    Both,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::OneWay, Direction::Both];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Direction::OneWay => lang.pick("eenzijdig", "one-way"),
            Direction::Both => lang.pick("wederzijds", "mutual"),
        }
    }

    pub fn parse(text: &str) -> Option<Direction> {
        Some(match word_key(text).as_str() {
            "eenzijdig" | "een richting" | "eenrichting" | "one way" | "oneway" | "->" => {
                Direction::OneWay
            }
            "wederzijds" | "beide" | "tweezijdig" | "both" | "mutual" | "two way" | "<->" => {
                Direction::Both
            }
            _ => return None,
        })
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Tie {
    pub id: Id,
    pub a: Endpoint,
    pub b: Endpoint,
    #[serde(default)]
    pub kind: TieKind,
    #[serde(default)]
    pub strength: Strength,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub note: String,
}

impl Tie {
    pub fn new(id: Id, a: Endpoint, b: Endpoint) -> Tie {
        Tie {
            id,
            a,
            b,
            kind: TieKind::default(),
            strength: Strength::default(),
            direction: Direction::default(),
            note: String::new(),
        }
    }

    /// The unordered pair this tie connects; two ties with the same pair are duplicates.
    pub fn pair(&self) -> (Endpoint, Endpoint) {
        pair(self.a, self.b)
    }

    pub fn touches(&self, e: Endpoint) -> bool {
        self.a == e || self.b == e
    }

    /// The other end, when `e` is one end.
    pub fn other(&self, e: Endpoint) -> Option<Endpoint> {
        if self.a == e {
            Some(self.b)
        } else if self.b == e {
            Some(self.a)
        } else {
            None
        }
    }

    /// Where a one-way tie starts; `None` for a mutual tie. Compares ties whose ends were
    /// stored in the other order.
    pub fn source(&self) -> Option<Endpoint> {
        match self.direction {
            Direction::OneWay => Some(self.a),
            Direction::Both => None,
        }
    }
}

/// Orders two endpoints so `(x, y)` and `(y, x)` give the same key.
pub fn pair(x: Endpoint, y: Endpoint) -> (Endpoint, Endpoint) {
    if x <= y {
        (x, y)
    } else {
        (y, x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(n: u128) -> Endpoint {
        Endpoint::Actor(Id::from_u128(n))
    }

    #[test]
    fn a_pair_has_no_order() {
        assert_eq!(pair(actor(2), actor(1)), pair(actor(1), actor(2)));
        assert_eq!(pair(actor(1), Endpoint::Me), (Endpoint::Me, actor(1)));
    }

    #[test]
    fn the_other_end_and_touching() {
        let t = Tie::new(Id::from_u128(9), Endpoint::Me, actor(1));
        assert_eq!(t.other(Endpoint::Me), Some(actor(1)));
        assert_eq!(t.other(actor(1)), Some(Endpoint::Me));
        assert_eq!(t.other(actor(2)), None);
        assert!(t.touches(actor(1)));
        assert!(!t.touches(actor(2)));
    }

    #[test]
    fn endpoints_serialise_readably() {
        assert_eq!(serde_json::to_string(&Endpoint::Me).unwrap(), "\"me\"");
        assert_eq!(
            serde_json::to_string(&actor(1)).unwrap(),
            "{\"actor\":\"00000000-0000-0000-0000-000000000001\"}"
        );
    }

    #[test]
    fn labels_parse_back() {
        for lang in Lang::ALL {
            for k in TieKind::ALL {
                assert_eq!(TieKind::parse(k.label(lang)), Some(k));
            }
            for s in Strength::ALL {
                assert_eq!(Strength::parse(s.label(lang)), Some(s));
            }
            for d in Direction::ALL {
                assert_eq!(Direction::parse(d.label(lang)), Some(d));
            }
        }
        assert_eq!(TieKind::Informal.label(Lang::Nl), "informeel");
        assert_eq!(TieKind::Informal.label(Lang::En), "informal");
        assert_eq!(Strength::Strong.label(Lang::En), "strong");
        assert_eq!(Direction::OneWay.label(Lang::En), "one-way");
        assert_eq!(Endpoint::me_label(Lang::Nl), "ik");
        assert_eq!(Endpoint::me_label(Lang::En), "me");
        assert_eq!(Strength::parse(" Sterk "), Some(Strength::Strong));
        assert_eq!(TieKind::parse("Informeel"), Some(TieKind::Informal));
        assert_eq!(Direction::parse("Mutual"), Some(Direction::Both));
        assert_eq!(Strength::parse("3"), Some(Strength::Strong));
        assert_eq!(Strength::parse("heel sterk"), None);
    }

    #[test]
    fn a_minimal_tie_reads_with_defaults() {
        let json = r#"{"id":"00000000-0000-0000-0000-000000000009","a":"me",
            "b":{"actor":"00000000-0000-0000-0000-000000000001"}}"#;
        let t: Tie = serde_json::from_str(json).unwrap();
        assert_eq!(t.kind, TieKind::Other);
        assert_eq!(t.strength, Strength::Normal);
        assert_eq!(t.direction, Direction::Both);
        assert_eq!(t.b, actor(1));
    }
}
