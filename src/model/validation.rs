//! Problems found in data that parsed but is not acceptable. Each names the record and
//! field, so a user can be told exactly what is wrong with a file.

use std::collections::HashSet;
use std::fmt;

use super::Id;

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
    /// `what` and `field` are Dutch nouns chosen by the module that found the problem.
    pub fn message_nl(&self) -> String {
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
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_nl())
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
        assert!(problems[0].message_nl().contains("meer dan eens"));
    }
}
