//! One namespaced, versioned key scheme. The root differs per edition (the served app and
//! the single-file copy share one origin under `file://`), so their data never mixes.
//!
//! `<root>/v1/doc/<profile id>`   a profile's document
//! `<root>/v1/rev/<profile id>`   its revision, checked before every write
//! `<root>/v1/writer/<profile id>` "<revision> <tab>": the tab that wrote that revision,
//!   so that a tab whose write another tab replaced at the same revision hears of it
//! `<root>/v1/active`             the profile shown at start-up
//! `<root>/v1/language`           the interface language, for every profile on this device
//! `<root>/v1/kept/<when>/<key>`  unreadable data moved aside, never overwritten
//! `<root>/v1/backup/<profile id>` the copy made before the last import that changed data
//! `<root>/v1/exported/<profile id>` when the profile was last exported (for the reminder)
//! `<root>/v1/rating/<request id>` a rater's answer in progress, only when they chose to
//!   keep it (`model::bundle::keep_answer`); no profile needed
//! `<root>/v1/peer/<coach id>/<participant id>` a begeleider's copy of a participant
//!   (compressed, see `storage::workspace`), with `…/previous` the copy before the last
//!   import and `<root>/v1/peer/<coach id>/index` the list of participants

use crate::model::Id;

/// The version of the key scheme itself; the documents carry their own schema version.
const KEY_SCHEME: &str = "v1";

/// The root of the served (web) edition.
pub const WEB_ROOT: &str = "leerspoor";
/// The root of the single-file edition (`dist-single/leerspoor.html`, opened from disk).
pub const FILE_ROOT: &str = "leerspoor-bestand";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    base: String,
}

impl Keys {
    pub fn new(root: &str) -> Keys {
        Keys {
            base: format!("{root}/{KEY_SCHEME}/"),
        }
    }

    pub fn document(&self, profile: Id) -> String {
        format!("{}doc/{profile}", self.base)
    }

    pub fn revision(&self, profile: Id) -> String {
        format!("{}rev/{profile}", self.base)
    }

    /// Which tab wrote the stored revision (`Store::rewind_if_replaced`).
    pub fn writer(&self, profile: Id) -> String {
        format!("{}writer/{profile}", self.base)
    }

    pub fn active(&self) -> String {
        format!("{}active", self.base)
    }

    pub fn language(&self) -> String {
        format!("{}language", self.base)
    }

    pub fn kept(&self, when: &str, original: &str) -> String {
        format!("{}kept/{when}/{original}", self.base)
    }

    pub fn backup(&self, profile: Id) -> String {
        format!("{}backup/{profile}", self.base)
    }

    pub fn exported(&self, profile: Id) -> String {
        format!("{}exported/{profile}", self.base)
    }

    /// The participant's *automatisch delen* choice (`model::folder::AutoShare`).
    pub fn auto_share(&self, profile: Id) -> String {
        format!("{}auto-share/{profile}", self.base)
    }

    /// A rater's kept answer in progress to request `request` (they have no profile).
    pub fn rating(&self, request: Id) -> String {
        format!("{}{request}", self.rating_prefix())
    }

    pub fn rating_prefix(&self) -> String {
        format!("{}rating/", self.base)
    }

    /// Every key that belongs to one profile: what "wipe my data" removes.
    pub fn of_profile(&self, profile: Id) -> Vec<String> {
        vec![
            self.document(profile),
            self.revision(profile),
            self.writer(profile),
            self.backup(profile),
            self.exported(profile),
            self.auto_share(profile),
        ]
    }

    /// Everything a begeleider holds of their participants. The stored name is `peer/`
    /// from the first versions; it stays, so that stored workspaces keep reading.
    pub fn workspace_prefix(&self, coach: Id) -> String {
        format!("{}peer/{coach}/", self.base)
    }

    pub fn participant_copy(&self, coach: Id, participant: Id) -> String {
        format!("{}{participant}", self.workspace_prefix(coach))
    }

    pub fn participant_previous(&self, coach: Id, participant: Id) -> String {
        format!("{}{participant}/previous", self.workspace_prefix(coach))
    }

    pub fn workspace_index(&self, coach: Id) -> String {
        format!("{}index", self.workspace_prefix(coach))
    }

    pub fn document_prefix(&self) -> String {
        format!("{}doc/", self.base)
    }

    pub fn kept_prefix(&self) -> String {
        format!("{}kept/", self.base)
    }

    /// A kept key's parts: when it was set aside, and the key it came from.
    pub fn split_kept<'k>(&self, key: &'k str) -> Option<(&'k str, &'k str)> {
        key.strip_prefix(&self.kept_prefix())?.split_once('/')
    }

    /// The profile whose revision `key` holds, if it is a revision key.
    pub fn revision_of(&self, key: &str) -> Option<Id> {
        key.strip_prefix(&self.base)?
            .strip_prefix("rev/")?
            .parse()
            .ok()
    }

    /// The profile whose writer `key` names, if it is a writer key.
    pub fn writer_of(&self, key: &str) -> Option<Id> {
        key.strip_prefix(&self.base)?
            .strip_prefix("writer/")?
            .parse()
            .ok()
    }

    /// Whether a key belongs to this edition at all.
    pub fn owns(&self, key: &str) -> bool {
        key.starts_with(&self.base)
    }
}

/// A moment as kept keys carry it ("2026-03-02T13-05-59.123Z", UTC): its strings sort by
/// time, and it is never shown.
pub fn stamp(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%dT%H-%M-%S%.3fZ").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editions_do_not_share_keys() {
        let web = Keys::new(WEB_ROOT);
        let usb = Keys::new(FILE_ROOT);
        let id = Id::from_u128(5);
        assert_ne!(web.document(id), usb.document(id));
        assert!(!web.owns(&usb.document(id)));
        assert!(!usb.owns(&web.document(id)));
        assert!(web.document(id).starts_with(&web.document_prefix()));
    }

    #[test]
    fn kept_and_revision_keys_come_apart_again() {
        let keys = Keys::new(WEB_ROOT);
        let id = Id::from_u128(9);
        let kept = keys.kept("2026-11-30T10-00-00.000Z", &keys.document(id));
        assert_eq!(
            keys.split_kept(&kept),
            Some(("2026-11-30T10-00-00.000Z", keys.document(id).as_str()))
        );
        assert_eq!(keys.split_kept(&keys.document(id)), None);
        assert_eq!(keys.revision_of(&keys.revision(id)), Some(id));
        assert_eq!(keys.revision_of(&keys.document(id)), None);
        assert_eq!(keys.revision_of(&Keys::new(FILE_ROOT).revision(id)), None);
        assert_eq!(keys.writer_of(&keys.writer(id)), Some(id));
        assert_eq!(keys.writer_of(&keys.revision(id)), None);
        assert_eq!(keys.revision_of(&keys.writer(id)), None);
    }
}
