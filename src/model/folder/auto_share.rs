//! *Automatisch delen*: the participant's opt-in to share their bundle into the course
//! folder after changes, and how often that may happen.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::model::bundle::Selection;
use crate::model::Id;

/// At most one automatic share per this many minutes (and one when the page is left):
/// the sync client gets a few files an hour, not one per keystroke.
pub const EVERY_MINUTES: i64 = 5;

/// What the participant chose to share automatically. The passphrase of an encrypted
/// share is never part of it: it lives in the tab's memory only, so after a reload the
/// automatic share waits until it is entered again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoShare {
    pub scans: bool,
    pub goals: bool,
    /// `None`: every case.
    #[serde(default)]
    pub cases: Option<Vec<Id>>,
    pub network: bool,
    #[serde(default)]
    pub encrypted: bool,
}

impl AutoShare {
    pub fn of(selection: &Selection, encrypted: bool) -> AutoShare {
        AutoShare {
            scans: selection.scans,
            goals: selection.goals,
            cases: selection.cases.clone(),
            network: selection.network,
            encrypted,
        }
    }

    pub fn selection(&self) -> Selection {
        Selection {
            scans: self.scans,
            goals: self.goals,
            cases: self.cases.clone(),
            network: self.network,
        }
    }
}

/// When the next automatic share may run, after one at `last`: at once when there was
/// none or the interval has passed, else when it will have.
pub fn next_share(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> DateTime<Utc> {
    match last {
        Some(last) if now < last + Duration::minutes(EVERY_MINUTES) => {
            last + Duration::minutes(EVERY_MINUTES)
        }
        _ => now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn at_most_once_every_five_minutes() {
        let now = at("2026-12-02T10:00:00Z");
        assert_eq!(next_share(None, now), now);
        // Shared at 09:58: the next may run at 10:03.
        assert_eq!(
            next_share(Some(at("2026-12-02T09:58:00Z")), now),
            at("2026-12-02T10:03:00Z")
        );
        // Shared at 09:55 exactly: due now.
        assert_eq!(next_share(Some(at("2026-12-02T09:55:00Z")), now), now);
        // A clock set back (the last share "in the future") waits the interval from it.
        assert_eq!(
            next_share(Some(at("2026-12-02T10:01:00Z")), now),
            at("2026-12-02T10:06:00Z")
        );
    }

    #[test]
    fn the_setting_keeps_the_choice_and_never_a_passphrase() {
        let selection = Selection {
            scans: true,
            goals: false,
            cases: Some(vec![Id::from_u128(7)]),
            network: true,
        };
        let auto = AutoShare::of(&selection, true);
        assert_eq!(auto.selection(), selection);
        let text = serde_json::to_string(&auto).unwrap();
        assert_eq!(
            text,
            r#"{"scans":true,"goals":false,"cases":["00000000-0000-0000-0000-000000000007"],"network":true,"encrypted":true}"#
        );
        assert_eq!(serde_json::from_str::<AutoShare>(&text).unwrap(), auto);
    }
}
