//! Snapshots: dated copies of the map, so the advisor can see how their network changed.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::{full, Actor, EditError, Endpoint, Items, Network, Tie};
use crate::model::validation::limits;
use crate::model::{Id, Lang};

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub id: Id,
    pub taken: DateTime<Utc>,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub ties: Vec<Tie>,
}

impl Snapshot {
    /// A copy of the map as it is now; also how to compare a snapshot with the present.
    pub fn of(net: &Network, id: Id, taken: DateTime<Utc>, label: &str) -> Snapshot {
        Snapshot {
            id,
            taken,
            label: label.trim().to_string(),
            actors: net.actors.clone(),
            ties: net.ties.clone(),
        }
    }
}

/// What [`Network::take_snapshot`] did.
#[derive(Debug, PartialEq)]
pub enum Taken<'a> {
    New(&'a Snapshot),
    /// The newest snapshot, less than a minute old, shows the map as it is.
    Already(&'a Snapshot),
}

impl Network {
    /// Takes a snapshot of the map as it is, unless the newest one, taken less than a
    /// minute ago, already shows the map as it is and `label` is empty or its label: then
    /// that one is the answer ([`Taken::Already`]), so a double click or a second press
    /// makes no twin that nobody could tell apart (the form is emptied after the first).
    /// A map with [`limits::SNAPSHOTS`] snapshots takes no more.
    pub fn take_snapshot(
        &mut self,
        id: Id,
        now: DateTime<Utc>,
        label: &str,
    ) -> Result<Taken<'_>, EditError> {
        let s = Snapshot::of(self, id, now, label);
        let twin = self
            .snapshots
            .iter()
            .enumerate()
            .max_by_key(|(_, s)| s.taken)
            .filter(|(_, newest)| {
                let age = now.signed_duration_since(newest.taken);
                // A name of its own, typed on purpose, makes a snapshot of its own.
                let unnamed = s.label.is_empty() || s.label == newest.label;
                unnamed
                    && age >= TimeDelta::zero()
                    && age < TimeDelta::minutes(1)
                    && compare(newest, &s).is_empty()
            })
            .map(|(i, _)| i);
        if let Some(i) = twin {
            return Ok(Taken::Already(&self.snapshots[i]));
        }
        full(Items::Snapshots, self.snapshots.len(), limits::SNAPSHOTS)?;
        self.snapshots.push(s);
        let last = self.snapshots.len() - 1;
        Ok(Taken::New(&self.snapshots[last]))
    }

    /// Whether `s`'s title needs its seconds: another snapshot of the same name was taken
    /// in the same minute, and the list and its buttons could not tell the two apart.
    pub fn snapshot_needs_seconds(&self, s: &Snapshot) -> bool {
        let minute = |t: DateTime<Utc>| t.timestamp().div_euclid(60);
        self.snapshots
            .iter()
            .any(|o| o.id != s.id && o.label == s.label && minute(o.taken) == minute(s.taken))
    }

    pub fn snapshot(&self, id: Id) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    pub fn remove_snapshot(&mut self, id: Id) -> Option<Snapshot> {
        let index = self.snapshots.iter().position(|s| s.id == id)?;
        Some(self.snapshots.remove(index))
    }

    pub fn rename_snapshot(&mut self, id: Id, label: &str) -> bool {
        match self.snapshots.iter_mut().find(|s| s.id == id) {
            Some(s) => {
                s.label = label.trim().to_string();
                true
            }
            None => false,
        }
    }
}

/// A field of an actor that a comparison reports. Positions are left out: moving a node
/// on the screen does not change the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorField {
    Name,
    Kind,
    Organisation,
    Role,
    Notes,
    Influence,
    Interest,
    Attitude,
    Rapport,
    LastContact,
}

impl ActorField {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            ActorField::Name => lang.pick("naam", "name"),
            ActorField::Kind => lang.pick("soort", "kind"),
            ActorField::Organisation => lang.pick("organisatie", "organisation"),
            ActorField::Role => lang.pick("rol", "role"),
            ActorField::Notes => lang.pick("notities", "notes"),
            ActorField::Influence => lang.pick("invloed", "influence"),
            ActorField::Interest => lang.pick("belang", "interest"),
            ActorField::Attitude => lang.pick("houding", "attitude"),
            ActorField::Rapport => lang.pick("verstandhouding", "working relationship"),
            ActorField::LastContact => lang.pick("laatste contact", "last contact"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TieField {
    Kind,
    Strength,
    Direction,
    Note,
}

impl TieField {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TieField::Kind => lang.pick("soort", "kind"),
            TieField::Strength => lang.pick("sterkte", "strength"),
            TieField::Direction => lang.pick("richting", "direction"),
            TieField::Note => lang.pick("notitie", "note"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActorChange {
    pub before: Actor,
    pub after: Actor,
    pub fields: Vec<ActorField>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TieChange {
    pub before: Tie,
    pub after: Tie,
    pub fields: Vec<TieField>,
}

/// What changed from an older map `a` to a newer map `b`. Actors match by id; ties match
/// by the pair they connect, so a tie deleted and drawn again between the same two
/// counts as unchanged. Removed records come from `a`, added ones from `b`, so both
/// sides' names are at hand. Lists follow the order of `b` (added, changed) and `a`
/// (removed).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SnapshotDiff {
    pub actors_added: Vec<Actor>,
    pub actors_removed: Vec<Actor>,
    pub actors_changed: Vec<ActorChange>,
    pub ties_added: Vec<Tie>,
    pub ties_removed: Vec<Tie>,
    pub ties_changed: Vec<TieChange>,
}

impl SnapshotDiff {
    pub fn is_empty(&self) -> bool {
        self.actors_added.is_empty()
            && self.actors_removed.is_empty()
            && self.actors_changed.is_empty()
            && self.ties_added.is_empty()
            && self.ties_removed.is_empty()
            && self.ties_changed.is_empty()
    }
}

pub fn compare(a: &Snapshot, b: &Snapshot) -> SnapshotDiff {
    compare_parts(&a.actors, &a.ties, &b.actors, &b.ties)
}

pub fn compare_parts(
    a_actors: &[Actor],
    a_ties: &[Tie],
    b_actors: &[Actor],
    b_ties: &[Tie],
) -> SnapshotDiff {
    let mut diff = SnapshotDiff::default();
    let old: HashMap<Id, &Actor> = a_actors.iter().map(|x| (x.id, x)).collect();
    let new: HashMap<Id, &Actor> = b_actors.iter().map(|x| (x.id, x)).collect();
    for after in b_actors {
        match old.get(&after.id) {
            None => diff.actors_added.push(after.clone()),
            Some(before) => {
                let fields = actor_fields(before, after);
                if !fields.is_empty() {
                    diff.actors_changed.push(ActorChange {
                        before: (*before).clone(),
                        after: after.clone(),
                        fields,
                    });
                }
            }
        }
    }
    diff.actors_removed = a_actors
        .iter()
        .filter(|x| !new.contains_key(&x.id))
        .cloned()
        .collect();

    let old_ties: BTreeMap<(Endpoint, Endpoint), &Tie> =
        a_ties.iter().map(|t| (t.pair(), t)).collect();
    let new_ties: BTreeMap<(Endpoint, Endpoint), &Tie> =
        b_ties.iter().map(|t| (t.pair(), t)).collect();
    for after in b_ties {
        match old_ties.get(&after.pair()) {
            None => diff.ties_added.push(after.clone()),
            Some(before) => {
                let fields = tie_fields(before, after);
                if !fields.is_empty() {
                    diff.ties_changed.push(TieChange {
                        before: (*before).clone(),
                        after: after.clone(),
                        fields,
                    });
                }
            }
        }
    }
    diff.ties_removed = a_ties
        .iter()
        .filter(|t| !new_ties.contains_key(&t.pair()))
        .cloned()
        .collect();
    diff
}

fn actor_fields(x: &Actor, y: &Actor) -> Vec<ActorField> {
    let checks = [
        (ActorField::Name, x.name != y.name),
        (ActorField::Kind, x.kind != y.kind),
        (ActorField::Organisation, x.organisation != y.organisation),
        (ActorField::Role, x.role != y.role),
        (ActorField::Notes, x.notes != y.notes),
        (ActorField::Influence, x.influence != y.influence),
        (ActorField::Interest, x.interest != y.interest),
        (ActorField::Attitude, x.attitude != y.attitude),
        (ActorField::Rapport, x.rapport != y.rapport),
        (ActorField::LastContact, x.last_contact != y.last_contact),
    ];
    checks
        .into_iter()
        .filter(|(_, changed)| *changed)
        .map(|(f, _)| f)
        .collect()
}

fn tie_fields(x: &Tie, y: &Tie) -> Vec<TieField> {
    let checks = [
        (TieField::Kind, x.kind != y.kind),
        (TieField::Strength, x.strength != y.strength),
        // A one-way tie stored with its ends swapped points the other way.
        (TieField::Direction, x.source() != y.source()),
        (TieField::Note, x.note != y.note),
    ];
    checks
        .into_iter()
        .filter(|(_, changed)| *changed)
        .map(|(f, _)| f)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::network::{Attitude, Direction, Position, Strength};

    fn id(n: u128) -> Id {
        Id::from_u128(n)
    }

    fn a(n: u128) -> Endpoint {
        Endpoint::Actor(id(n))
    }

    fn t(n: u128) -> DateTime<Utc> {
        DateTime::from_timestamp(1_770_000_000 + n as i64 * 86_400, 0).unwrap()
    }

    fn base() -> Network {
        let mut net = Network::default();
        for (n, name) in [(1, "Anna"), (2, "Bram"), (3, "Cor")] {
            net.add_actor(Actor::new(id(n), name)).unwrap();
        }
        net.add_tie(Tie::new(id(10), Endpoint::Me, a(1))).unwrap();
        net.add_tie(Tie::new(id(11), a(1), a(2))).unwrap();
        net.add_tie(Tie::new(id(12), a(2), a(3))).unwrap();
        net
    }

    #[test]
    fn a_snapshot_is_a_copy_that_later_edits_do_not_touch() {
        let mut net = base();
        net.take_snapshot(id(50), t(0), " januari ").unwrap();
        net.remove_actor(id(3));
        let s = net.snapshot(id(50)).unwrap();
        assert_eq!(s.label, "januari");
        assert_eq!(s.actors.len(), 3);
        assert_eq!(s.ties.len(), 3);
        assert_eq!(s.taken, t(0));
        assert!(net.rename_snapshot(id(50), "jan"));
        assert_eq!(net.snapshot(id(50)).unwrap().label, "jan");
        assert_eq!(net.remove_snapshot(id(50)).map(|s| s.id), Some(id(50)));
        assert!(net.snapshots.is_empty());
    }

    #[test]
    fn a_second_press_within_a_minute_on_an_unchanged_map_takes_no_twin() {
        let mut net = base();
        let at = |secs: i64| t(0) + TimeDelta::seconds(secs);
        assert!(matches!(
            net.take_snapshot(id(50), at(0), "Nulmeting"),
            Ok(Taken::New(_))
        ));
        // The double click's second press: the label field was emptied by the first.
        match net.take_snapshot(id(51), at(1), "") {
            Ok(Taken::Already(s)) => assert_eq!((s.id, s.label.as_str()), (id(50), "Nulmeting")),
            other => panic!("{other:?}"),
        }
        assert_eq!(net.snapshots.len(), 1);
        assert!(matches!(
            net.take_snapshot(id(51), at(2), "Nulmeting"),
            Ok(Taken::Already(_))
        ));
        // Another name, typed on purpose, is a snapshot of its own.
        assert!(matches!(
            net.take_snapshot(id(54), at(3), "Na het overleg"),
            Ok(Taken::New(_))
        ));
        net.remove_snapshot(id(54));
        // A changed map is a new snapshot, however soon.
        net.remove_actor(id(3));
        assert!(matches!(
            net.take_snapshot(id(52), at(30), ""),
            Ok(Taken::New(_))
        ));
        // And an unchanged one is, a minute on: "nothing changed since" is worth a date.
        assert!(matches!(
            net.take_snapshot(id(53), at(90), ""),
            Ok(Taken::New(_))
        ));
        assert_eq!(net.snapshots.len(), 3);
    }

    #[test]
    fn two_snapshots_of_one_name_in_one_minute_are_told_apart_by_their_seconds() {
        let mut net = base();
        let at = |secs: i64| t(0) + TimeDelta::seconds(secs);
        net.take_snapshot(id(50), at(5), "A").unwrap();
        assert!(!net.snapshot_needs_seconds(net.snapshot(id(50)).unwrap()));
        net.remove_actor(id(3));
        net.take_snapshot(id(51), at(40), "A").unwrap();
        net.take_snapshot(id(52), at(45), "B").unwrap();
        assert!(net.snapshot_needs_seconds(net.snapshot(id(50)).unwrap()));
        assert!(net.snapshot_needs_seconds(net.snapshot(id(51)).unwrap()));
        assert!(!net.snapshot_needs_seconds(net.snapshot(id(52)).unwrap()));
        // The next minute is another minute.
        net.remove_actor(id(2));
        net.take_snapshot(id(53), at(65), "A").unwrap();
        assert!(!net.snapshot_needs_seconds(net.snapshot(id(53)).unwrap()));
        let local = chrono::NaiveDate::from_ymd_opt(2026, 3, 2)
            .unwrap()
            .and_hms_opt(14, 5, 12)
            .unwrap();
        assert_eq!(Lang::Nl.moment_precise(local), "2 maart 2026, 14:05:12");
    }

    #[test]
    fn a_map_takes_no_more_snapshots_than_an_import_accepts() {
        let mut net = base();
        for n in 0..100 {
            // A day apart, with nothing changed: each is a new one.
            assert!(matches!(
                net.take_snapshot(id(100 + n), t(n), ""),
                Ok(Taken::New(_))
            ));
        }
        let err = net.take_snapshot(id(999), t(200), "").unwrap_err();
        assert_eq!(
            err.message(Lang::Nl),
            "De kaart heeft al 100 momentopnamen, het meeste dat Leerspoor bewaart; verwijder eerst een oudere."
        );
        assert_eq!(net.snapshots.len(), 100);
        net.remove_snapshot(id(100));
        assert!(net.take_snapshot(id(999), t(200), "").is_ok());
    }

    #[test]
    fn an_unchanged_map_has_an_empty_diff() {
        let mut net = base();
        let x = Snapshot::of(&net, id(1), t(0), "");
        // Moving nodes about is no change to the network.
        net.set_position(a(1), Some(Position::new(5.0, 5.0)));
        let y = Snapshot::of(&net, id(2), t(1), "");
        assert!(compare(&x, &y).is_empty());
    }

    #[test]
    fn the_diff_names_what_was_added_removed_and_changed() {
        let mut net = base();
        let before = Snapshot::of(&net, id(1), t(0), "voor");
        net.remove_actor(id(3)); // takes tie 12 with it
        net.add_actor(Actor::new(id(4), "Dirk")).unwrap();
        net.add_tie(Tie::new(id(13), a(4), Endpoint::Me)).unwrap();
        let mut anna = net.actor(id(1)).unwrap().clone();
        anna.influence = 5;
        anna.attitude = Attitude::Advocate;
        net.update_actor(anna).unwrap();
        let mut tie = net.tie(id(11)).unwrap().clone();
        tie.strength = Strength::Strong;
        net.update_tie(tie).unwrap();
        // Delete and redraw me–1 the other way round: same pair, same content.
        net.remove_tie(id(10));
        net.add_tie(Tie::new(id(14), a(1), Endpoint::Me)).unwrap();
        let after = Snapshot::of(&net, id(2), t(1), "na");

        let d = compare(&before, &after);
        assert_eq!(
            d.actors_added.iter().map(|x| x.id).collect::<Vec<_>>(),
            vec![id(4)]
        );
        assert_eq!(
            d.actors_removed.iter().map(|x| x.id).collect::<Vec<_>>(),
            vec![id(3)]
        );
        assert_eq!(d.actors_changed.len(), 1);
        assert_eq!(
            d.actors_changed[0].fields,
            vec![ActorField::Influence, ActorField::Attitude]
        );
        assert_eq!(
            d.ties_added.iter().map(|x| x.id).collect::<Vec<_>>(),
            vec![id(13)]
        );
        assert_eq!(
            d.ties_removed.iter().map(|x| x.id).collect::<Vec<_>>(),
            vec![id(12)]
        );
        assert_eq!(d.ties_changed.len(), 1);
        assert_eq!(d.ties_changed[0].fields, vec![TieField::Strength]);
        assert_eq!(d.ties_changed[0].before.strength, Strength::Normal);
        assert_eq!(ActorField::Influence.label(Lang::Nl), "invloed");
        assert_eq!(ActorField::Rapport.label(Lang::En), "working relationship");
        assert_eq!(TieField::Strength.label(Lang::En), "strength");
    }

    #[test]
    fn a_one_way_tie_turned_around_changes_direction() {
        let mut x = Tie::new(id(10), a(1), a(2));
        x.direction = Direction::OneWay;
        let mut y = x.clone();
        (y.a, y.b) = (a(2), a(1));
        let d = compare_parts(&[], &[x.clone()], &[], &[y.clone()]);
        assert_eq!(d.ties_changed[0].fields, vec![TieField::Direction]);
        // Mutual ties have no direction to turn.
        x.direction = Direction::Both;
        y.direction = Direction::Both;
        assert!(compare_parts(&[], &[x], &[], &[y]).is_empty());
    }
}
