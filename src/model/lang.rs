//! The interface language. Dutch is the course's language and the default; English is
//! complete. The model takes the language as an argument wherever it words something for
//! people (messages, labels, suggestions), so every rule stays testable in both.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

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

    /// "2 maart 2026, 14:05" / "2 March 2026, 14:05": a moment, already in the user's
    /// local time (the views convert with `ui::time::moment`; the model never reads the
    /// clock or the time zone). The one way a moment is written for people.
    pub fn moment(self, local: NaiveDateTime) -> String {
        self.moment_as(local, "%H:%M")
    }

    /// "2 maart 2026, 14:05:12": [`Lang::moment`] with its seconds, for the rare moment
    /// that must be told apart from another in the same minute.
    pub fn moment_precise(self, local: NaiveDateTime) -> String {
        self.moment_as(local, "%H:%M:%S")
    }

    fn moment_as(self, local: NaiveDateTime, time: &str) -> String {
        format!("{}, {}", self.date(local.date()), local.format(time))
    }

    /// "maart 2026" / "March 2026": a month's heading.
    pub fn month(self, date: NaiveDate) -> String {
        let months = self.pick(&MONTHS_NL, &MONTHS_EN);
        format!("{} {}", months[date.month0() as usize], date.year())
    }

    /// "2026-03-02": the same in every language, as `<input type="date">` takes a date
    /// and as file names carry it.
    pub fn iso_date(date: NaiveDate) -> String {
        date.format("%Y-%m-%d").to_string()
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

    /// A size in bytes for people, in decimal units as disks and browsers state them:
    /// "850 kB", "2,9 MB" / "2.9 MB", "12 GB".
    pub fn size(self, bytes: f64) -> String {
        const UNITS: [&str; 4] = ["kB", "MB", "GB", "TB"];
        let mut value = bytes.max(0.0) / 1000.0;
        let mut unit = 0;
        while value >= 999.5 && unit + 1 < UNITS.len() {
            value /= 1000.0;
            unit += 1;
        }
        let text = if value < 9.95 && unit > 0 {
            self.decimal(value, 1)
        } else {
            format!("{}", value.round().max(1.0) as u64)
        };
        format!("{text} {}", UNITS[unit])
    }

    /// A whole number with its thousands grouped: "20.000" / "20,000".
    pub fn integer(self, n: usize) -> String {
        let digits = n.to_string();
        let sep = self.pick('.', ',');
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
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
    fn whole_numbers_group_their_thousands() {
        assert_eq!(Lang::Nl.integer(0), "0");
        assert_eq!(Lang::Nl.integer(999), "999");
        assert_eq!(Lang::Nl.integer(1_000), "1.000");
        assert_eq!(Lang::En.integer(20_000), "20,000");
        assert_eq!(Lang::Nl.integer(1_234_567), "1.234.567");
    }

    #[test]
    fn a_month_is_named_with_its_year() {
        let day = NaiveDate::from_ymd_opt(2026, 5, 31).unwrap();
        assert_eq!(Lang::Nl.month(day), "mei 2026");
        assert_eq!(Lang::En.month(day), "May 2026");
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::default(), Lang::Nl);
    }

    #[test]
    fn sizes_are_written_per_language() {
        assert_eq!(Lang::Nl.size(0.0), "1 kB");
        assert_eq!(Lang::Nl.size(850_400.0), "850 kB");
        assert_eq!(Lang::Nl.size(999_600.0), "1,0 MB");
        assert_eq!(Lang::Nl.size(2_912_000.0), "2,9 MB");
        assert_eq!(Lang::En.size(2_912_000.0), "2.9 MB");
        assert_eq!(Lang::En.size(41_000_000.0), "41 MB");
        assert_eq!(Lang::Nl.size(12.3e9), "12 GB");
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
    fn moments_are_written_per_language() {
        let at = NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_hms_opt(0, 5, 59)
            .unwrap();
        assert_eq!(Lang::Nl.moment(at), "2 maart 2026, 00:05");
        assert_eq!(Lang::En.moment(at), "2 March 2026, 00:05");
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
