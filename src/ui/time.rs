//! The clock and the time zone, for the views: the one place that reads either.
//!
//! Moments are stored in UTC (`DateTime<Utc>`). Every moment shown to a person is first
//! converted to the browser's local time zone here, then worded by the model
//! (`Lang::moment`, `Lang::date`). A view never formats a date itself; the
//! tidy test (`tests/tidy.rs`) refuses a format string under `src/ui`; the formats themselves
//! are the model's (`Lang`) and, for key names, storage's.

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, Utc};

use super::i18n::lang;
use crate::model::Lang;

/// Now, in UTC: what is stored.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Today in the browser's time zone: a new scan's date, a goal's "overdue", a file name.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A stored moment in the browser's local time.
pub fn local(at: DateTime<Utc>) -> NaiveDateTime {
    at.with_timezone(&Local).naive_local()
}

/// "2 maart 2026, 14:05" / "2 March 2026, 14:05", local time.
pub fn moment(at: DateTime<Utc>) -> String {
    lang().moment(local(at))
}

/// "2 maart 2026, 14:05:12", local time: a moment told apart from another in its minute.
pub fn moment_precise(at: DateTime<Utc>) -> String {
    lang().moment_precise(local(at))
}

/// "2 maart 2026" / "2 March 2026": the local date of a stored moment.
pub fn date_of(at: DateTime<Utc>) -> String {
    lang().date(local(at).date())
}

/// "2026-03-02": a date as an `<input type="date">` takes it, and as file names carry it.
pub fn iso_date(date: NaiveDate) -> String {
    Lang::iso_date(date)
}

/// Today as `iso_date` writes it, for file names.
pub fn iso_today() -> String {
    iso_date(today())
}

/// A moment as kept keys carry it: their strings sort by time, and it is never shown
/// (`storage::keys::stamp`).
pub fn stamp(at: DateTime<Utc>) -> String {
    crate::storage::stamp(at)
}
