//! Small builders for the journal's tests, so each test states only what it is about.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::{Case, Entry};
use crate::model::Id;

pub fn id(n: u128) -> Id {
    Id::from_u128(n)
}

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// `hours` after 2026-03-01 00:00 UTC, so tests can order moments by a number.
pub fn at(hours: i64) -> DateTime<Utc> {
    "2026-03-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::hours(hours)
}

pub fn case(n: u128, title: &str, start: NaiveDate) -> Case {
    Case::new(id(n), title, start, at(0))
}

pub fn entry(n: u128, case_n: u128, date: NaiveDate) -> Entry {
    Entry::new(id(n), id(case_n), date, at(0))
}
