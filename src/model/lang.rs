//! The interface language. Dutch is the course's language and the default; English is
//! complete. The model takes the language as an argument wherever it words something for
//! people (messages, labels, suggestions), so every rule stays testable in both.

use chrono::{Datelike, NaiveDate};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The BCP 47 tag, for `<html lang>` and for storing the choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, which is how a language switch must name it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::En => "English",
        }
    }

    /// One of two wordings, the Dutch first: the way every text in the app is written.
    pub fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// "2 maart 2026" / "2 March 2026": spelled-out months cannot be misread as
    /// day-month or month-day.
    pub fn date(self, date: NaiveDate) -> String {
        let months = self.pick(&MONTHS_NL, &MONTHS_EN);
        format!(
            "{} {} {}",
            date.day(),
            months[date.month0() as usize],
            date.year()
        )
    }

    /// "28-11-2026" / "28/11/2026": compact, for tables.
    pub fn short_date(self, date: NaiveDate) -> String {
        date.format(self.pick("%d-%m-%Y", "%d/%m/%Y")).to_string()
    }

    /// A number with a fixed count of decimals: "3,5" / "3.5". A minus sign, not a
    /// hyphen, so screen readers say "min" / "minus".
    pub fn decimal(self, value: f64, decimals: usize) -> String {
        let text = format!("{:.*}", decimals, value.abs());
        let text = match self {
            Lang::Nl => text.replace('.', ","),
            Lang::En => text,
        };
        // -0.0 rounds to "0,0" and must not read as negative.
        if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
            format!("\u{2212}{text}")
        } else {
            text
        }
    }

    /// "1 casus" / "3 casussen": the count and the right form of the noun.
    pub fn count(self, n: usize, one: &str, many: &str) -> String {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::default(), Lang::Nl);
    }

    #[test]
    fn dates_are_written_per_language() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(Lang::Nl.date(d), "2 maart 2026");
        assert_eq!(Lang::En.date(d), "2 March 2026");
        assert_eq!(Lang::Nl.short_date(d), "02-03-2026");
        assert_eq!(Lang::En.short_date(d), "02/03/2026");
    }

    #[test]
    fn decimals_use_the_languages_separator_and_a_real_minus() {
        assert_eq!(Lang::Nl.decimal(3.25, 1), "3,2");
        assert_eq!(Lang::En.decimal(3.5, 1), "3.5");
        assert_eq!(Lang::Nl.decimal(-1.5, 1), "\u{2212}1,5");
        assert_eq!(Lang::En.decimal(-0.01, 1), "0.0");
    }

    #[test]
    fn counts_pick_the_singular_only_for_one() {
        assert_eq!(Lang::Nl.count(1, "casus", "casussen"), "1 casus");
        assert_eq!(Lang::En.count(0, "case", "cases"), "0 cases");
    }
}
