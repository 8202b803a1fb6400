//! What the journal's forms accept: dates within the years the document allows, and lists
//! of names (tags, people) typed as one comma-separated line.

use chrono::NaiveDate;

use super::case::normalise_names;
use super::validate::{MAX_YEAR, MIN_YEAR};
use super::{Entry, NextStep};
use crate::model::{Id, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    Missing,
    /// Not a date as `<input type="date">` gives it (yyyy-mm-dd).
    Unreadable,
    OutOfRange,
}

impl DateError {
    pub fn message(self, lang: Lang) -> String {
        match self {
            DateError::Missing => lang.pick("Vul een datum in.", "Enter a date.").into(),
            DateError::Unreadable => lang
                .pick(
                    "Vul een geldige datum in (dag, maand en jaar).",
                    "Enter a valid date (day, month and year).",
                )
                .into(),
            DateError::OutOfRange => lang.pick(
                format!("Kies een datum tussen {MIN_YEAR} en {MAX_YEAR}."),
                format!("Choose a date between {MIN_YEAR} and {MAX_YEAR}."),
            ),
        }
    }
}

/// Reads the value of a date field; refuses what the document would not validate, so a
/// typo such as year 20266 never reaches storage.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    use chrono::Datelike;
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Missing);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| DateError::Unreadable)?;
    if (MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
        Ok(date)
    } else {
        Err(DateError::OutOfRange)
    }
}

/// An optional date field: empty means no date.
pub fn parse_optional_date(text: &str) -> Result<Option<NaiveDate>, DateError> {
    match parse_date(text) {
        Ok(date) => Ok(Some(date)),
        Err(DateError::Missing) => Ok(None),
        Err(e) => Err(e),
    }
}

/// "groen, bewoners ,, Groen" → ["groen", "bewoners"], by the same rule as saving a case.
pub fn names_from_text(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text.split(',').map(str::to_string).collect();
    normalise_names(&mut names);
    names
}

/// The inverse of [`names_from_text`] for names that are already normalised.
pub fn names_to_text(names: &[String]) -> String {
    names.join(", ")
}

impl Entry {
    /// Appends an empty next step and returns its id.
    pub fn add_next_step(&mut self, id: Id) -> Id {
        self.next_steps.push(NextStep {
            id,
            text: String::new(),
            due: None,
            done: false,
        });
        id
    }

    pub fn next_step_mut(&mut self, id: Id) -> Option<&mut NextStep> {
        self.next_steps.iter_mut().find(|s| s.id == id)
    }

    pub fn remove_next_step(&mut self, id: Id) -> bool {
        let before = self.next_steps.len();
        self.next_steps.retain(|s| s.id != id);
        self.next_steps.len() != before
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::*;
    use super::*;

    #[test]
    fn dates_are_read_as_the_date_field_gives_them_and_kept_in_range() {
        assert_eq!(parse_date("2026-03-02"), Ok(day(2026, 3, 2)));
        assert_eq!(parse_date(" 2026-03-02 "), Ok(day(2026, 3, 2)));
        assert_eq!(parse_date(""), Err(DateError::Missing));
        assert_eq!(parse_date("2026-02-30"), Err(DateError::Unreadable));
        assert_eq!(parse_date("2-3-2026"), Err(DateError::Unreadable));
        assert_eq!(parse_date("1989-12-31"), Err(DateError::OutOfRange));
        assert_eq!(parse_date("2101-01-01"), Err(DateError::OutOfRange));
        assert_eq!(parse_optional_date(""), Ok(None));
        assert_eq!(parse_optional_date("2030-01-01"), Ok(Some(day(2030, 1, 1))));
        assert_eq!(
            parse_optional_date("3000-01-01"),
            Err(DateError::OutOfRange)
        );
        assert!(DateError::OutOfRange.message(Lang::Nl).contains("1990"));
        assert_eq!(
            DateError::OutOfRange.message(Lang::En),
            "Choose a date between 1990 and 2100."
        );
    }

    #[test]
    fn names_typed_on_one_line_are_split_and_deduplicated() {
        assert_eq!(
            names_from_text("groen, bewoners  participatie ,, Groen,"),
            ["groen", "bewoners participatie"]
        );
        assert!(names_from_text(" , ").is_empty());
        let names = names_from_text("a, b");
        assert_eq!(names_from_text(&names_to_text(&names)), names);
    }

    #[test]
    fn next_steps_are_added_changed_and_removed_by_id() {
        let mut e = entry(10, 1, day(2026, 3, 2));
        e.add_next_step(id(20));
        e.add_next_step(id(21));
        e.next_step_mut(id(21)).unwrap().text = "Bel de wethouder".into();
        assert!(e.remove_next_step(id(20)));
        assert!(!e.remove_next_step(id(20)));
        assert_eq!(e.next_steps.len(), 1);
        assert_eq!(e.next_steps[0].text, "Bel de wethouder");
        assert!(e.next_step_mut(id(20)).is_none());
    }
}
