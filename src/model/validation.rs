//! Problems found in data that parsed but is not acceptable. Each names the record and
//! field, so a user can be told exactly what is wrong with a file.

use std::collections::HashSet;
use std::fmt;

use super::{Id, Lang};

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    DuplicateId {
        what: &'static str,
        id: String,
    },
    /// A record points at a record that does not exist.
    DanglingRef {
        what: &'static str,
        id: String,
        field: &'static str,
        target: String,
    },
    OutOfRange {
        what: &'static str,
        id: String,
        field: &'static str,
        value: i64,
        min: i64,
        max: i64,
    },
    EmptyField {
        what: &'static str,
        id: String,
        field: &'static str,
    },
    Invalid {
        what: &'static str,
        id: String,
        reason: String,
    },
}

impl Problem {
    /// `what` and `field` are Dutch nouns chosen by the module that found the problem;
    /// in English they are looked up in [`term`].
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Nl => self.message_in_dutch(),
            Lang::En => self.message_in_english(),
        }
    }

    fn message_in_dutch(&self) -> String {
        match self {
            Problem::DuplicateId { what, id } => {
                format!("Het id {id} komt meer dan eens voor bij: {what}.")
            }
            Problem::DanglingRef {
                what,
                id,
                field,
                target,
            } => format!("{what} {id}: {field} verwijst naar {target}, maar dat bestaat niet."),
            Problem::OutOfRange {
                what,
                id,
                field,
                value,
                min,
                max,
            } => {
                format!("{what} {id}: {field} is {value}, maar moet tussen {min} en {max} liggen.")
            }
            Problem::EmptyField { what, id, field } => {
                format!("{what} {id}: {field} is leeg.")
            }
            Problem::Invalid { what, id, reason } => format!("{what} {id}: {reason}"),
        }
    }

    fn message_in_english(&self) -> String {
        let en = |dutch: &str| term(Lang::En, dutch).to_string();
        match self {
            Problem::DuplicateId { what, id } => {
                format!("The id {id} is used more than once for: {}.", en(what))
            }
            Problem::DanglingRef {
                what,
                id,
                field,
                target,
            } => format!(
                "{} {id}: {} refers to {target}, which does not exist.",
                en(what),
                en(field)
            ),
            Problem::OutOfRange {
                what,
                id,
                field,
                value,
                min,
                max,
            } => format!(
                "{} {id}: {} is {value}, but must be between {min} and {max}.",
                en(what),
                en(field)
            ),
            Problem::EmptyField { what, id, field } => {
                format!("{} {id}: {} is empty.", en(what), en(field))
            }
            Problem::Invalid { what, id, reason } => {
                format!("{} {id}: {}", en(what), reason_in_english(reason))
            }
        }
    }
}

/// The Dutch nouns the sections' checks use for records and fields, with their English.
/// A noun missing here is shown as it is: a Dutch word is better than none.
const TERMS: &[(&str, &str)] = &[
    ("kader", "framework"),
    ("zelfscan", "self-scan"),
    ("ontwikkeldoel", "development goal"),
    ("casus", "case"),
    ("journaalnotitie", "journal entry"),
    ("notitie", "entry"),
    ("feedback", "feedback"),
    ("vervolgstap", "next step"),
    ("momentopname", "snapshot"),
    ("actor", "actor"),
    ("relatie", "relationship"),
    ("actor in momentopname", "actor in snapshot"),
    ("relatie in momentopname", "relationship in snapshot"),
    ("profiel", "profile"),
    ("titel", "title"),
    ("competentie", "competency"),
    ("actie", "action"),
    ("naam", "name"),
    ("naam beoordelaar", "rater's name"),
    ("beoordeling", "rating"),
    ("niveau", "level"),
    ("ambitie", "target level"),
    ("betrokkene", "person involved"),
    ("jaar van de startdatum", "year of the start date"),
    ("jaar van aanmaken", "year of creation"),
    ("jaar van de laatste wijziging", "year of the last change"),
    ("jaar van de datum", "year of the date"),
    ("jaar van een streefdatum", "year of a due date"),
    ("jaar van een feedback", "year of a piece of feedback"),
    ("invloed", "influence"),
    ("belang", "interest"),
    ("van", "from"),
    ("naar", "to"),
    ("kaderversie", "framework version"),
    ("scan", "scan"),
];

/// A record or field noun of a [`Problem`] in `lang`.
pub fn term(lang: Lang, dutch: &str) -> &str {
    match lang {
        Lang::Nl => dutch,
        Lang::En => TERMS
            .iter()
            .find(|(nl, _)| *nl == dutch)
            .map_or(dutch, |(_, en)| en),
    }
}

/// The reasons the sections' checks give, in English. They are written in Dutch where the
/// problem is found; the ones with an id in them are matched on their fixed parts.
fn reason_in_english(reason: &str) -> String {
    match reason {
        "het doel is aan geen enkele competentie gekoppeld." => {
            return "the goal is not linked to any competency.".into()
        }
        "verbindt een actor met zichzelf." => return "connects an actor to itself.".into(),
        _ => {}
    }
    if let Some((bin, home)) = reason
        .strip_prefix("ligt in de prullenbak bij casus ")
        .and_then(|r| r.strip_suffix('.'))
        .and_then(|r| r.split_once(", maar hoort bij casus "))
    {
        return format!("is in the bin with case {bin}, but belongs to case {home}.");
    }
    if let Some(first) = reason
        .strip_prefix("verbindt dezelfde twee als relatie ")
        .and_then(|r| r.strip_suffix("; er mag er één zijn."))
    {
        return format!("connects the same two as relationship {first}; only one is allowed.");
    }
    reason.to_string()
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::default()))
    }
}

/// Collects ids and reports each id seen twice once.
pub fn check_unique_ids<'a>(
    what: &'static str,
    ids: impl IntoIterator<Item = &'a Id>,
    problems: &mut Vec<Problem>,
) -> HashSet<Id> {
    let mut seen = HashSet::new();
    let mut reported = HashSet::new();
    for id in ids {
        if !seen.insert(*id) && reported.insert(*id) {
            problems.push(Problem::DuplicateId {
                what,
                id: id.to_string(),
            });
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_duplicate_is_reported_once() {
        let a = Id::from_u128(1);
        let b = Id::from_u128(2);
        let mut problems = Vec::new();
        let seen = check_unique_ids("casus", [&a, &b, &a, &a], &mut problems);
        assert_eq!(seen.len(), 2);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message(Lang::Nl).contains("meer dan eens"));
        assert_eq!(
            problems[0].message(Lang::En),
            format!("The id {a} is used more than once for: case.")
        );
    }

    #[test]
    fn english_messages_name_records_and_fields_in_english() {
        let empty = Problem::EmptyField {
            what: "zelfscan",
            id: "7".into(),
            field: "naam beoordelaar",
        };
        assert_eq!(
            empty.message(Lang::Nl),
            "zelfscan 7: naam beoordelaar is leeg."
        );
        assert_eq!(
            empty.message(Lang::En),
            "self-scan 7: rater's name is empty."
        );
        let in_bin = Problem::Invalid {
            what: "journaalnotitie",
            id: "3".into(),
            reason: "ligt in de prullenbak bij casus 1, maar hoort bij casus 2.".into(),
        };
        assert_eq!(
            in_bin.message(Lang::En),
            "journal entry 3: is in the bin with case 1, but belongs to case 2."
        );
        let twice = Problem::Invalid {
            what: "relatie",
            id: "9".into(),
            reason: "verbindt dezelfde twee als relatie 8; er mag er één zijn.".into(),
        };
        assert_eq!(
            twice.message(Lang::En),
            "relationship 9: connects the same two as relationship 8; only one is allowed."
        );
        // An unknown noun is kept rather than dropped.
        assert_eq!(term(Lang::En, "iets anders"), "iets anders");
    }
}
