//! The document: everything one profile owns, stored as one JSON value so a save is atomic.

use serde::{Deserialize, Serialize};

use super::journal::Journal;
use super::network::Network;
use super::profile::{MAX_COURSE, MAX_NAME};
use super::selfscan::SelfScan;
use super::validation::{check_text, Problem};
use super::{Id, Profile};

/// The schema this build writes. Bump it together with a step in `migrate`, and keep a
/// fixture of the old shape in `tests/fixtures/schema/`.
///
/// 3: a case may carry a solution-focused `frame` (`journal::Frame`). The field is
/// optional, so a 2 reads as it is; the number moves all the same, because a build of
/// schema 2 ignores a key it does not know: it would read a 3 and drop every frame on its
/// next save. Now it refuses the document as newer and names the version it needs.
///
/// 4: a case may carry story plans (*verhalend verbinden*), and the self-scan the rating
/// requests the participant sent out. Both optional, so a 3 reads as it is; the number
/// moves for the same reason as 3 did.
pub const SCHEMA_VERSION: u32 = 4;

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Document {
    pub schema: u32,
    /// The Leerspoor version that last wrote this document; named in the error an older
    /// build gives when it meets a newer schema.
    #[serde(default)]
    pub app: String,
    /// Grows by one with every saved change. Storage compares it before writing so that a
    /// second tab never writes an older copy over a newer one.
    #[serde(default)]
    pub revision: u64,
    pub profile: Profile,
    #[serde(default)]
    pub selfscan: SelfScan,
    #[serde(default)]
    pub journal: Journal,
    #[serde(default)]
    pub network: Network,
}

impl Document {
    pub fn new(profile: Profile) -> Document {
        Document {
            schema: SCHEMA_VERSION,
            app: super::restore::APP_VERSION.to_string(),
            revision: 0,
            profile,
            selfscan: SelfScan::new_with_default(),
            journal: Journal::default(),
            network: Network::default(),
        }
    }

    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if self.profile.name.trim().is_empty() {
            problems.push(Problem::EmptyField {
                what: "profiel",
                id: self.profile.id.to_string(),
                field: "naam",
            });
        }
        self.selfscan.validate(&mut problems);
        let actor_ids = self.network.validate(&mut problems);
        self.journal.validate(&actor_ids, &mut problems);
        problems
    }

    /// What the restore door checks first: every text within what its form allows and
    /// every count within what keeps the app usable (`validation::limits`). Cheap: a
    /// text is measured only when its bytes exceed its limit.
    pub fn check_limits(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let id = || self.profile.id.to_string();
        check_text(
            "profiel",
            id,
            "naam",
            &self.profile.name,
            MAX_NAME,
            &mut problems,
        );
        check_text(
            "profiel",
            id,
            "leergang",
            &self.profile.course,
            MAX_COURSE,
            &mut problems,
        );
        self.network.check_limits(&mut problems);
        self.selfscan.check_limits(&mut problems);
        self.journal.check_limits(&mut problems);
        problems
    }

    pub fn normalise(&mut self) {
        self.schema = SCHEMA_VERSION;
        self.app = super::restore::APP_VERSION.to_string();
        self.selfscan.normalise();
        self.network.normalise();
        self.journal.normalise();
    }

    /// Removes an actor from the map, with its ties and its links from cases, so that no
    /// reference to it is left anywhere. Returns (ties removed, cases changed).
    pub fn remove_actor(&mut self, actor: Id) -> Option<(usize, usize)> {
        let removed = self.network.remove_actor(actor)?;
        let cases = self.journal.unlink_actor(actor);
        Some((removed.ties, cases))
    }

    pub fn id(&self) -> Id {
        self.profile.id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::journal::Case;
    use crate::model::network::{Actor, Endpoint, Tie};
    use crate::model::Role;

    #[test]
    fn removing_an_actor_leaves_no_reference_behind() {
        let now = "2026-03-01T10:00:00Z".parse().unwrap();
        let profile = Profile::new(Id::from_u128(1), "Sanne", Role::Participant, "", now).unwrap();
        let mut doc = Document::new(profile);
        let (a, b) = (Id::from_u128(10), Id::from_u128(11));
        doc.network.add_actor(Actor::new(a, "Wethouder")).unwrap();
        doc.network.add_actor(Actor::new(b, "Wijkteam")).unwrap();
        doc.network
            .add_tie(Tie::new(
                Id::from_u128(20),
                Endpoint::Me,
                Endpoint::Actor(a),
            ))
            .unwrap();
        doc.network
            .add_tie(Tie::new(
                Id::from_u128(21),
                Endpoint::Actor(a),
                Endpoint::Actor(b),
            ))
            .unwrap();
        let mut case = Case::new(Id::from_u128(30), "Groen in de wijk", now.date_naive(), now);
        case.actors = vec![a, b];
        doc.journal.save_case(case, now).unwrap();

        assert_eq!(doc.remove_actor(a), Some((2, 1)));
        assert!(doc.validate().is_empty());
        assert_eq!(doc.journal.case(Id::from_u128(30)).unwrap().actors, vec![b]);
        assert!(doc.network.ties.is_empty());
        assert_eq!(doc.remove_actor(a), None);
    }
}
