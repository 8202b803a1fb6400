//! Tests of the map's own rules: edits, validation, normalisation.

use super::*;

fn id(n: u128) -> Id {
    Id::from_u128(n)
}

fn ep(n: u128) -> Endpoint {
    Endpoint::Actor(id(n))
}

/// Actors 1..=3 and ties me–1, 1–2.
fn small() -> Network {
    let mut net = Network::default();
    for (n, name) in [(1, "Anna"), (2, "Bram"), (3, "Cor")] {
        net.add_actor(Actor::new(id(n), name)).unwrap();
    }
    net.add_tie(Tie::new(id(101), Endpoint::Me, ep(1))).unwrap();
    net.add_tie(Tie::new(id(102), ep(1), ep(2))).unwrap();
    net
}

fn problems(net: &Network) -> Vec<Problem> {
    let mut p = Vec::new();
    net.validate(&mut p);
    p
}

#[test]
fn a_valid_map_has_no_problems_and_returns_actor_ids() {
    let net = small();
    let mut p = Vec::new();
    let ids = net.validate(&mut p);
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(ids, HashSet::from([id(1), id(2), id(3)]));
}

#[test]
fn an_empty_network_reads_from_an_empty_object() {
    let net: Network = serde_json::from_str("{}").unwrap();
    assert_eq!(net, Network::default());
}

#[test]
fn removing_an_actor_removes_its_ties() {
    let mut net = small();
    net.add_tie(Tie::new(id(103), ep(3), ep(1))).unwrap();
    let removed = net.remove_actor(id(1)).unwrap();
    assert_eq!(removed.ties, 3);
    assert_eq!(removed.actor.name, "Anna");
    assert!(net.ties.is_empty());
    assert_eq!(net.actors.len(), 2);
    assert!(problems(&net).is_empty());
    assert_eq!(net.remove_actor(id(1)), None);
}

#[test]
fn removing_an_actor_keeps_other_ties() {
    let mut net = small();
    let removed = net.remove_actor(id(2)).unwrap();
    assert_eq!(removed.ties, 1);
    assert_eq!(net.ties.len(), 1);
    assert_eq!(net.ties[0].id, id(101));
}

#[test]
fn edits_refuse_self_ties_duplicates_and_unknown_actors() {
    let mut net = small();
    assert_eq!(
        net.add_tie(Tie::new(id(200), ep(1), ep(1))),
        Err(EditError::SelfTie)
    );
    assert_eq!(
        net.add_tie(Tie::new(id(200), Endpoint::Me, Endpoint::Me)),
        Err(EditError::SelfTie)
    );
    // The same pair in the other order is still the same pair.
    assert_eq!(
        net.add_tie(Tie::new(id(200), ep(2), ep(1))),
        Err(EditError::DuplicatePair { existing: id(102) })
    );
    assert_eq!(
        net.add_tie(Tie::new(id(200), ep(1), ep(9))),
        Err(EditError::UnknownActor(id(9)))
    );
    assert_eq!(
        net.add_tie(Tie::new(id(101), ep(2), ep(3))),
        Err(EditError::DuplicateId)
    );
    assert_eq!(net.ties.len(), 2);
}

#[test]
fn updating_a_tie_may_keep_its_own_pair_but_not_take_another() {
    let mut net = small();
    let mut t = net.tie(id(102)).unwrap().clone();
    t.strength = Strength::Strong;
    assert_eq!(net.update_tie(t.clone()), Ok(()));
    assert_eq!(net.tie(id(102)).unwrap().strength, Strength::Strong);
    t.a = Endpoint::Me;
    t.b = ep(1);
    assert_eq!(
        net.update_tie(t),
        Err(EditError::DuplicatePair { existing: id(101) })
    );
    assert_eq!(
        net.update_tie(Tie::new(id(999), ep(2), ep(3))),
        Err(EditError::NotFound)
    );
}

#[test]
fn actor_edits_check_name_and_scores() {
    let mut net = small();
    assert_eq!(
        net.add_actor(Actor::new(id(1), "Dubbel")),
        Err(EditError::DuplicateId)
    );
    assert_eq!(
        net.add_actor(Actor::new(id(4), "  ")),
        Err(EditError::EmptyName)
    );
    let mut a = Actor::new(id(4), "Dirk");
    a.influence = 6;
    assert_eq!(
        net.add_actor(a.clone()),
        Err(EditError::ScoreOutOfRange {
            field: "invloed",
            value: 6
        })
    );
    a.influence = 5;
    a.interest = 0;
    assert_eq!(
        net.add_actor(a.clone()),
        Err(EditError::ScoreOutOfRange {
            field: "belang",
            value: 0
        })
    );
    let err = EditError::ScoreOutOfRange {
        field: "belang",
        value: 0,
    };
    assert!(err
        .message(Lang::Nl)
        .contains("0, maar moet 1 tot en met 5"));
    assert_eq!(
        err.message(Lang::En),
        "The interest is 0, but must be from 1 to 5."
    );
    assert_eq!(
        EditError::EmptyName.message(Lang::En),
        "Give the actor a name."
    );
    a.interest = 1;
    a.name = " Dirk ".into();
    assert_eq!(net.add_actor(a), Ok(()));
    assert_eq!(net.actor(id(4)).unwrap().name, "Dirk");
    let mut b = net.actor(id(2)).unwrap().clone();
    b.name = "Bram Jansen".into();
    assert_eq!(net.update_actor(b), Ok(()));
    assert_eq!(net.actor(id(2)).unwrap().name, "Bram Jansen");
    assert_eq!(
        net.update_actor(Actor::new(id(77), "X")),
        Err(EditError::NotFound)
    );
}

#[test]
fn validate_reports_every_broken_rule() {
    let mut net = small();
    let mut bad = Actor::new(id(4), "");
    bad.influence = 7;
    bad.interest = 0;
    net.actors.push(bad);
    net.actors.push(Actor::new(id(1), "Anna twee"));
    net.ties.push(Tie::new(id(201), ep(2), ep(9)));
    net.ties.push(Tie::new(id(202), ep(3), ep(3)));
    net.ties.push(Tie::new(id(203), ep(2), ep(1)));
    net.ties.push(Tie::new(id(101), Endpoint::Me, ep(3)));
    let p = problems(&net);
    assert!(p.contains(&Problem::DuplicateId {
        what: "actor",
        id: id(1).to_string()
    }));
    assert!(p.contains(&Problem::EmptyField {
        what: "actor",
        id: id(4).to_string(),
        field: "naam"
    }));
    assert!(p.contains(&Problem::OutOfRange {
        what: "actor",
        id: id(4).to_string(),
        field: "invloed",
        value: 7,
        min: 1,
        max: 5
    }));
    assert!(p.iter().any(|x| matches!(
        x,
        Problem::OutOfRange {
            field: "belang",
            value: 0,
            ..
        }
    )));
    assert!(p.contains(&Problem::DanglingRef {
        what: "relatie",
        id: id(201).to_string(),
        field: "naar",
        target: id(9).to_string()
    }));
    assert!(p.contains(&Problem::DuplicateId {
        what: "relatie",
        id: id(101).to_string()
    }));
    let invalid: Vec<_> = p
        .iter()
        .filter_map(|x| match x {
            Problem::Invalid { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(invalid, vec![id(202).to_string(), id(203).to_string()]);
    assert_eq!(p.len(), 8, "{p:?}");
}

#[test]
fn validate_checks_snapshots_apart_from_the_live_map() {
    let mut net = small();
    let now = "2026-03-01T10:00:00Z".parse().unwrap();
    net.take_snapshot(id(500), now, "maart").unwrap();
    net.snapshots[0].ties.push(Tie::new(id(300), ep(1), ep(8)));
    net.snapshots.push(net.snapshots[0].clone());
    let p = problems(&net);
    assert!(p.contains(&Problem::DuplicateId {
        what: "momentopname",
        id: id(500).to_string()
    }));
    assert!(p.contains(&Problem::DanglingRef {
        what: "relatie in momentopname",
        id: id(300).to_string(),
        field: "naar",
        target: id(8).to_string()
    }));
}

#[test]
fn normalise_trims_and_sorts() {
    let mut net = Network::default();
    net.actors.push(Actor::new(id(2), "zora"));
    let mut anna = Actor::new(id(1), "x");
    anna.name = "  Anna ".into();
    anna.organisation = " Gemeente ".into();
    net.actors.push(anna);
    net.actors.push(Actor::new(id(3), "Bert"));
    net.ties.push(Tie::new(id(12), ep(2), ep(3)));
    net.ties.push(Tie::new(id(11), Endpoint::Me, ep(2)));
    net.normalise();
    let names: Vec<_> = net.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Anna", "Bert", "zora"]);
    assert_eq!(net.actors[0].organisation, "Gemeente");
    assert_eq!(net.ties[0].id, id(11));
    let mut again = net.clone();
    again.normalise();
    assert_eq!(again, net);
}

#[test]
fn positions_are_stored_only_when_finite_and_known() {
    let mut net = small();
    assert!(net.set_position(ep(1), Some(Position::new(10.0, -5.0))));
    assert_eq!(
        net.actor(id(1)).unwrap().position,
        Some(Position::new(10.0, -5.0))
    );
    assert!(!net.set_position(ep(1), Some(Position::new(f64::NAN, 0.0))));
    assert_eq!(
        net.actor(id(1)).unwrap().position,
        Some(Position::new(10.0, -5.0))
    );
    assert!(!net.set_position(ep(9), Some(Position::new(1.0, 1.0))));
    assert!(net.set_position(Endpoint::Me, Some(Position::new(1.0, 2.0))));
    net.clear_positions();
    assert_eq!(net.actor(id(1)).unwrap().position, None);
    assert_eq!(net.me_position, None);
}

#[test]
fn lookups_by_end_and_name() {
    let net = small();
    assert_eq!(net.tie_between(ep(2), ep(1)).map(|t| t.id), Some(id(102)));
    assert_eq!(net.tie_between(ep(2), ep(3)), None);
    assert_eq!(net.endpoint_name(Endpoint::Me, Lang::Nl), Some("ik"));
    assert_eq!(net.endpoint_name(Endpoint::Me, Lang::En), Some("me"));
    assert_eq!(net.endpoint_name(ep(2), Lang::En), Some("Bram"));
    assert_eq!(net.actors_named(" ANNA ").len(), 1);
    assert!(net.actors_named("Anne").is_empty());
    assert!(net.has_endpoint(Endpoint::Me));
    assert!(!net.has_endpoint(ep(9)));
}

#[test]
fn a_map_round_trips_through_json() {
    let mut net = small();
    net.set_position(ep(2), Some(Position::new(3.5, 4.0)));
    let text = serde_json::to_string(&net).unwrap();
    let back: Network = serde_json::from_str(&text).unwrap();
    assert_eq!(back, net);
}

#[test]
fn a_document_with_a_map_restores_through_the_one_door() {
    use crate::model::restore::restore_document;
    use crate::model::{Document, Profile, Role};
    let profile = Profile::new(
        id(7),
        "Sanne",
        Role::Participant,
        "Leergang 2026",
        "2026-01-05T09:00:00Z".parse().unwrap(),
    )
    .unwrap();
    let mut doc = Document::new(profile);
    doc.network = small();
    doc.network
        .take_snapshot(id(500), "2026-02-01T09:00:00Z".parse().unwrap(), "februari")
        .unwrap();
    doc.network.normalise();
    let text = serde_json::to_string(&doc).unwrap();
    assert_eq!(restore_document(&text).unwrap().network, doc.network);

    // A tie to an actor that is not there makes the whole document invalid.
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    value["network"]["ties"][0]["b"] = serde_json::json!({ "actor": id(99).to_string() });
    let err = restore_document(&value.to_string()).unwrap_err();
    assert!(
        err.message(crate::model::Lang::Nl).contains("bestaat niet"),
        "{}",
        err.message(crate::model::Lang::Nl)
    );
}

#[test]
fn an_actor_may_not_take_a_name_another_actor_has() {
    let mut net = small();
    // Case and spacing do not make a name another one, as in the CSV import.
    let err = net
        .add_actor(Actor::new(id(4), "  anna "))
        .expect_err("a second Anna");
    assert_eq!(
        err,
        EditError::DuplicateName {
            name: "Anna".into()
        }
    );
    assert_eq!(
        err.message(Lang::Nl),
        "Er staat al een actor met de naam ‘Anna’ op de kaart. Kies een andere naam, of bewerk die actor."
    );
    assert_eq!(net.actors.len(), 3);
    // Renaming Bram to Cor is refused too; renaming Bram to "bram" is his own name.
    let mut bram = net.actor(id(2)).unwrap().clone();
    bram.name = "COR".into();
    assert_eq!(
        net.update_actor(bram.clone()),
        Err(EditError::DuplicateName { name: "Cor".into() })
    );
    bram.name = "bram".into();
    net.update_actor(bram).unwrap();
    assert_eq!(net.actor(id(2)).unwrap().name, "bram");
}

#[test]
fn two_actors_of_one_name_from_older_data_can_still_be_edited() {
    let mut net = small();
    // Stored before the rule: pushed, as a restore reads them.
    net.actors.push(Actor::new(id(4), "Anna"));
    let mut second = net.actor(id(4)).unwrap().clone();
    second.notes = "De andere Anna".into();
    net.update_actor(second).unwrap();
    assert_eq!(net.actor(id(4)).unwrap().notes, "De andere Anna");
}

/// A map takes no more actors or ties than an import of it accepts, so a map made by hand
/// can always be restored from its own bundle.
#[test]
fn a_full_map_refuses_one_more_actor_or_tie() {
    let mut net = Network::default();
    for n in 0..1_000u128 {
        net.add_actor(Actor::new(id(10_000 + n), &format!("Actor {n}")))
            .unwrap();
    }
    let err = net
        .add_actor(Actor::new(id(99_999), "Eén te veel"))
        .unwrap_err();
    assert_eq!(
        err.message(Lang::Nl),
        "De kaart heeft al 1.000 actoren, het meeste dat Leerspoor bewaart; verwijder eerst een actor."
    );
    assert_eq!(net.actors.len(), 1_000);
    // 5,000 ties among them: each actor to the next five.
    let mut tie = 0u128;
    'outer: for a in 0..1_000u128 {
        for step in 1..=5u128 {
            let b = (a + step) % 1_000;
            net.add_tie(Tie::new(id(50_000 + tie), ep(10_000 + a), ep(10_000 + b)))
                .unwrap();
            tie += 1;
            if tie == 5_000 {
                break 'outer;
            }
        }
    }
    let err = net
        .add_tie(Tie::new(id(99_998), Endpoint::Me, ep(10_000)))
        .unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "The map already has 5,000 ties, the most Leerspoor keeps; remove a tie first."
    );
    assert_eq!(net.ties.len(), 5_000);
}
