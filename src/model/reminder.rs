//! The export reminder. Browser data can be cleared by a colleague on a shared laptop or
//! by the browser itself, so a bundle is the only copy a user can count on; the app says
//! when the data has changed since the last one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::Lang;

/// When the profile was last exported from this browser, and at which revision. Kept
/// beside the document (not in it), so that exporting does not itself count as a change.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportMark {
    pub at: DateTime<Utc>,
    pub revision: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    /// Never exported, and there is something to lose.
    NeverExported,
    /// Changed since the export `days` days ago.
    ChangedSince { days: i64 },
}

impl Reminder {
    pub fn message(&self, lang: Lang) -> String {
        match *self {
            Reminder::NeverExported => lang
                .pick(
                    "Je hebt je gegevens nog nooit als bundel bewaard. Browsergegevens kunnen worden gewist (door de browser of door iemand anders op deze laptop): maak een bundel bij Delen.",
                    "You have never saved your data as a bundle. Browser data can be cleared (by the browser or by someone else on this laptop): make a bundle under Share.",
                )
                .into(),
            Reminder::ChangedSince { days: 0 } => lang
                .pick(
                    "Je gegevens zijn gewijzigd sinds je laatste bundel van vandaag.",
                    "Your data has changed since your last bundle, made today.",
                )
                .into(),
            Reminder::ChangedSince { days } => {
                let days = usize::try_from(days).unwrap_or(0);
                let ago = lang.count(days, lang.pick("dag", "day"), lang.pick("dagen", "days"));
                lang.pick(
                    format!("Je gegevens zijn gewijzigd sinds je laatste bundel, {ago} geleden."),
                    format!("Your data has changed since your last bundle, {ago} ago."),
                )
            }
        }
    }
}

/// `None` when the last bundle holds everything there is. `revision` is the document's.
pub fn reminder(
    revision: u64,
    last_export: Option<ExportMark>,
    now: DateTime<Utc>,
) -> Option<Reminder> {
    match last_export {
        // A profile just made, with nothing entered yet, has nothing to lose.
        None if revision <= 1 => None,
        None => Some(Reminder::NeverExported),
        Some(mark) if revision > mark.revision => Some(Reminder::ChangedSince {
            days: (now - mark.at).num_days().max(0),
        }),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reminder_counts_days_since_an_outdated_export() {
        let now: DateTime<Utc> = "2026-03-11T12:00:00Z".parse().unwrap();
        assert_eq!(reminder(1, None, now), None);
        assert_eq!(reminder(5, None, now), Some(Reminder::NeverExported));
        let mark = ExportMark {
            at: "2026-03-01T09:00:00Z".parse().unwrap(),
            revision: 5,
        };
        assert_eq!(reminder(5, Some(mark), now), None);
        assert_eq!(
            reminder(6, Some(mark), now),
            Some(Reminder::ChangedSince { days: 10 })
        );
        assert!(Reminder::ChangedSince { days: 10 }
            .message(Lang::Nl)
            .contains("10 dagen geleden"));
        assert!(Reminder::ChangedSince { days: 10 }
            .message(Lang::En)
            .contains("10 days ago"));
    }

    #[test]
    fn a_reminder_says_one_day_in_the_singular_and_today_without_a_count() {
        let one = Reminder::ChangedSince { days: 1 };
        assert_eq!(
            one.message(Lang::Nl),
            "Je gegevens zijn gewijzigd sinds je laatste bundel, 1 dag geleden."
        );
        assert_eq!(
            one.message(Lang::En),
            "Your data has changed since your last bundle, 1 day ago."
        );
        let today = Reminder::ChangedSince { days: 0 };
        assert_eq!(
            today.message(Lang::Nl),
            "Je gegevens zijn gewijzigd sinds je laatste bundel van vandaag."
        );
        assert_eq!(
            today.message(Lang::En),
            "Your data has changed since your last bundle, made today."
        );
        assert!(Reminder::NeverExported
            .message(Lang::En)
            .starts_with("You have never saved"));
    }
}
