//! An actor: a person or party on the network map, with the advisor's scores for it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Id, Lang};

/// Influence and interest are scored 1–5, as on a power–interest grid.
pub const SCORE_MIN: u8 = 1;
pub const SCORE_MAX: u8 = 5;
/// The middle of the scale, for actors nobody has scored yet.
pub const SCORE_DEFAULT: u8 = 3;

fn default_score() -> u8 {
    SCORE_DEFAULT
}

pub fn score_in_range(score: u8) -> bool {
    (SCORE_MIN..=SCORE_MAX).contains(&score)
}

#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    #[default]
    Person,
    Organisation,
    Team,
    ResidentsGroup,
    Politics,
    Company,
    Other,
}

impl ActorKind {
    pub const ALL: [ActorKind; 7] = [
        ActorKind::Person,
        ActorKind::Organisation,
        ActorKind::Team,
        ActorKind::ResidentsGroup,
        ActorKind::Politics,
        ActorKind::Company,
        ActorKind::Other,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ActorKind::Person => lang.pick("persoon", "person"),
            ActorKind::Organisation => lang.pick("organisatie", "organisation"),
            ActorKind::Team => lang.pick("afdeling/team", "department/team"),
            ActorKind::ResidentsGroup => lang.pick("bewonersgroep", "residents' group"),
            ActorKind::Politics => lang.pick("bestuur/politiek", "governance/politics"),
            ActorKind::Company => lang.pick("bedrijf", "business"),
            ActorKind::Other => lang.pick("anders", "other"),
        }
    }

    /// Reads what people type in a spreadsheet: the label in either language, or a part
    /// of it.
    pub fn parse(text: &str) -> Option<ActorKind> {
        Some(match word_key(text).as_str() {
            "persoon" | "person" | "personen" => ActorKind::Person,
            "organisatie" | "organisation" | "organization" => ActorKind::Organisation,
            "afdeling/team" | "afdeling" | "team" | "afdeling / team" | "department"
            | "department/team" | "department / team" => ActorKind::Team,
            "bewonersgroep" | "bewoners" | "residents group" | "residents' group" | "residents"
            | "residentsgroup" => ActorKind::ResidentsGroup,
            "bestuur/politiek"
            | "bestuur / politiek"
            | "bestuur"
            | "politiek"
            | "politics"
            | "governance"
            | "governance/politics"
            | "governance / politics" => ActorKind::Politics,
            "bedrijf" | "company" | "business" => ActorKind::Company,
            "anders" | "overig" | "other" => ActorKind::Other,
            _ => return None,
        })
    }
}

/// Where an actor stands towards the advisor's work, from against to championing it.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Attitude {
    Opponent,
    Critical,
    #[default]
    Neutral,
    Supportive,
    Advocate,
}

impl Attitude {
    pub const ALL: [Attitude; 5] = [
        Attitude::Opponent,
        Attitude::Critical,
        Attitude::Neutral,
        Attitude::Supportive,
        Attitude::Advocate,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Attitude::Opponent => lang.pick("tegenstander", "opponent"),
            Attitude::Critical => lang.pick("kritisch", "critical"),
            Attitude::Neutral => lang.pick("neutraal", "neutral"),
            Attitude::Supportive => lang.pick("steunend", "supportive"),
            Attitude::Advocate => lang.pick("pleitbezorger", "advocate"),
        }
    }

    /// -2 (opponent) to +2 (advocate), for colour scales and sorting.
    pub fn score(self) -> i8 {
        match self {
            Attitude::Opponent => -2,
            Attitude::Critical => -1,
            Attitude::Neutral => 0,
            Attitude::Supportive => 1,
            Attitude::Advocate => 2,
        }
    }

    pub fn parse(text: &str) -> Option<Attitude> {
        Some(match word_key(text).as_str() {
            "tegenstander" | "opponent" | "tegen" => Attitude::Opponent,
            "kritisch" | "critical" => Attitude::Critical,
            "neutraal" | "neutral" => Attitude::Neutral,
            "steunend" | "supportive" | "voor" => Attitude::Supportive,
            "pleitbezorger" | "advocate" | "ambassadeur" => Attitude::Advocate,
            _ => return None,
        })
    }
}

/// The quality of the advisor's own working relationship with an actor ("verstandhouding").
/// A separate word from "relatie" (a tie), which the glossary reserves for connections.
#[derive(
    Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Rapport {
    #[default]
    None,
    Weak,
    Fair,
    Good,
    Strong,
}

impl Rapport {
    pub const ALL: [Rapport; 5] = [
        Rapport::None,
        Rapport::Weak,
        Rapport::Fair,
        Rapport::Good,
        Rapport::Strong,
    ];

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Rapport::None => lang.pick("geen", "none"),
            Rapport::Weak => lang.pick("zwak", "weak"),
            Rapport::Fair => lang.pick("redelijk", "fair"),
            Rapport::Good => lang.pick("goed", "good"),
            Rapport::Strong => lang.pick("sterk", "strong"),
        }
    }

    pub fn parse(text: &str) -> Option<Rapport> {
        Some(match word_key(text).as_str() {
            "geen" | "none" => Rapport::None,
            "zwak" | "weak" => Rapport::Weak,
            "redelijk" | "fair" | "matig" => Rapport::Fair,
            "goed" | "good" => Rapport::Good,
            "sterk" | "strong" | "zeer goed" => Rapport::Strong,
            _ => return None,
        })
    }
}

/// A point on the map, in layout units (the layout's ideal tie length is about 100).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

impl Position {
    pub fn new(x: f64, y: f64) -> Position {
        Position { x, y }
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: Id,
    #[serde(default)]
    pub kind: ActorKind,
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub notes: String,
    /// 1–5: how much this actor can move the advisor's work.
    #[serde(default = "default_score")]
    pub influence: u8,
    /// 1–5: how much the advisor's work matters to this actor.
    #[serde(default = "default_score")]
    pub interest: u8,
    #[serde(default)]
    pub attitude: Attitude,
    #[serde(default)]
    pub rapport: Rapport,
    #[serde(default)]
    pub last_contact: Option<NaiveDate>,
    /// Where the node is on the map: set when it is first shown (`layout::place`) or
    /// moved, and kept there from then on.
    #[serde(default)]
    pub position: Option<Position>,
}

impl Actor {
    /// A new actor with middle scores and no history; the name is trimmed.
    pub fn new(id: Id, name: &str) -> Actor {
        Actor {
            id,
            kind: ActorKind::default(),
            name: name.trim().to_string(),
            organisation: String::new(),
            role: String::new(),
            notes: String::new(),
            influence: SCORE_DEFAULT,
            interest: SCORE_DEFAULT,
            attitude: Attitude::default(),
            rapport: Rapport::default(),
            last_contact: None,
            position: None,
        }
    }
}

/// The key two names must share to count as the same name: case, outer spaces and
/// doubled inner spaces do not matter, as when people retype a name in a spreadsheet.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Like [`name_key`], for the words of a choice list.
pub(crate) fn word_key(text: &str) -> String {
    name_key(text).replace(['-', '_'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_dutch_english_and_parts() {
        for lang in Lang::ALL {
            for kind in ActorKind::ALL {
                assert_eq!(ActorKind::parse(kind.label(lang)), Some(kind));
            }
        }
        assert_eq!(ActorKind::Politics.label(Lang::Nl), "bestuur/politiek");
        assert_eq!(ActorKind::Politics.label(Lang::En), "governance/politics");
        assert_eq!(
            ActorKind::parse("Residents' group"),
            Some(ActorKind::ResidentsGroup)
        );
        assert_eq!(
            ActorKind::parse("  Bewoners "),
            Some(ActorKind::ResidentsGroup)
        );
        assert_eq!(ActorKind::parse("POLITIEK"), Some(ActorKind::Politics));
        assert_eq!(
            ActorKind::parse("Organization"),
            Some(ActorKind::Organisation)
        );
        assert_eq!(
            ActorKind::parse("residents-group"),
            Some(ActorKind::ResidentsGroup)
        );
        assert_eq!(ActorKind::parse("kat"), None);
        assert_eq!(ActorKind::parse(""), None);
    }

    #[test]
    fn attitudes_and_rapport_round_trip_their_labels() {
        for lang in Lang::ALL {
            for a in Attitude::ALL {
                assert_eq!(Attitude::parse(a.label(lang)), Some(a));
            }
            for r in Rapport::ALL {
                assert_eq!(Rapport::parse(r.label(lang)), Some(r));
            }
        }
        assert_eq!(Attitude::Advocate.label(Lang::Nl), "pleitbezorger");
        assert_eq!(Attitude::Advocate.label(Lang::En), "advocate");
        assert_eq!(Rapport::Fair.label(Lang::En), "fair");
        assert_eq!(Attitude::Opponent.score(), -2);
        assert_eq!(Attitude::Advocate.score(), 2);
    }

    #[test]
    fn names_match_without_case_or_extra_spaces() {
        assert_eq!(name_key("  Jan   de Vries "), "jan de vries");
        assert_eq!(name_key("JAN DE VRIES"), name_key("jan de vries"));
    }

    #[test]
    fn an_old_actor_without_scores_reads_with_middle_scores() {
        let json = r#"{"id":"00000000-0000-0000-0000-000000000001","name":"Wethouder"}"#;
        let a: Actor = serde_json::from_str(json).unwrap();
        assert_eq!(a.influence, 3);
        assert_eq!(a.interest, 3);
        assert_eq!(a.kind, ActorKind::Person);
        assert_eq!(a.attitude, Attitude::Neutral);
        assert_eq!(a.rapport, Rapport::None);
        assert_eq!(a.position, None);
    }

    #[test]
    fn a_new_actor_trims_its_name() {
        assert_eq!(
            Actor::new(Id::from_u128(1), "  Gebiedsregisseur ").name,
            "Gebiedsregisseur"
        );
    }
}
