//! A begeleider's comments on a participant's entries and development goals. Feedback is
//! someone else's words: it arrives in a feedback bundle, is shown read-only beside what
//! it is about, and merging it never touches the participant's own text.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Id, Role};
use crate::model::order::SharedSort;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Feedback {
    pub id: Id,
    pub author: String,
    pub author_role: Role,
    pub written: DateTime<Utc>,
    pub text: String,
    /// The author's profile id, so a begeleider's comments stay theirs when they change
    /// their name; none on comments from before it was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_profile: Option<Id>,
}

impl Feedback {
    /// Written by `author`: a begeleider's own comments, told apart from those of another
    /// begeleider of the same participant. By profile where the comment names it; a
    /// comment from before that, by name and role.
    pub fn is_by(&self, author: &super::Profile) -> bool {
        match self.author_profile {
            Some(profile) => profile == author.id,
            None => self.author_role == author.role && self.author == author.name,
        }
    }
}

/// Adds feedback not seen before; feedback with a known id replaces the stored copy only
/// when it was written later (a corrected comment). Returns how many changed, so that
/// importing the same feedback twice reports nothing the second time.
pub fn merge(list: &mut Vec<Feedback>, incoming: impl IntoIterator<Item = Feedback>) -> usize {
    let mut changed = 0;
    for new in incoming {
        match list.iter_mut().find(|f| f.id == new.id) {
            Some(stored) => {
                if new.written > stored.written {
                    *stored = new;
                    changed += 1;
                }
            }
            None => {
                list.push(new);
                changed += 1;
            }
        }
    }
    sort(list);
    changed
}

/// Oldest first, as a conversation reads; the id settles comments of the same moment.
pub fn sort(list: &mut [Feedback]) {
    list.shared_sort_by_key(|f| (f.written, f.id));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fb(id: u128, at: &str, text: &str) -> Feedback {
        Feedback {
            author_profile: None,
            id: Id::from_u128(id),
            author: "Bram".into(),
            author_role: Role::Coach,
            written: at.parse().unwrap(),
            text: text.into(),
        }
    }

    #[test]
    fn merging_adds_new_replaces_only_with_later_and_is_idempotent() {
        let mut list = vec![fb(1, "2026-01-02T00:00:00Z", "eerste")];
        let incoming = vec![
            fb(2, "2026-01-01T00:00:00Z", "nieuw"),
            fb(1, "2026-01-01T00:00:00Z", "ouder"),
        ];
        assert_eq!(merge(&mut list, incoming.clone()), 1);
        assert_eq!(list[0].text, "nieuw");
        assert_eq!(list[1].text, "eerste");
        assert_eq!(merge(&mut list, incoming), 0);
        assert_eq!(
            merge(&mut list, [fb(1, "2026-01-03T00:00:00Z", "verbeterd")]),
            1
        );
        assert_eq!(list[1].text, "verbeterd");
    }
}
