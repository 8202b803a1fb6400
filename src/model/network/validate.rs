//! The network map's limits, checked before its rules ([`Network::validate`]): how many
//! actors, ties and snapshots a document may hold, and how long their texts may be.

use super::{Actor, Network, Tie};
use crate::model::validation::{check_count, check_text, limits, named, Problem};

impl Network {
    pub fn check_limits(&self, problems: &mut Vec<Problem>) {
        let before = problems.len();
        const MAP: &str = "netwerkkaart";
        check_count(
            MAP,
            None,
            "actoren",
            self.actors.len(),
            limits::ACTORS,
            problems,
        );
        check_count(
            MAP,
            None,
            "relaties",
            self.ties.len(),
            limits::TIES,
            problems,
        );
        check_count(
            MAP,
            None,
            "momentopnamen",
            self.snapshots.len(),
            limits::SNAPSHOTS,
            problems,
        );
        for s in &self.snapshots {
            let id = || named(s.id, &s.label);
            check_count(
                "momentopname",
                Some(id()),
                "actoren",
                s.actors.len(),
                limits::ACTORS,
                problems,
            );
            check_count(
                "momentopname",
                Some(id()),
                "relaties",
                s.ties.len(),
                limits::TIES,
                problems,
            );
        }
        if problems.len() > before {
            return;
        }
        parts(&self.actors, &self.ties, "actor", "relatie", problems);
        for s in &self.snapshots {
            check_text(
                "momentopname",
                || s.id.to_string(),
                "label",
                &s.label,
                limits::LINE,
                problems,
            );
            parts(
                &s.actors,
                &s.ties,
                "actor in momentopname",
                "relatie in momentopname",
                problems,
            );
        }
    }
}

fn parts(
    actors: &[Actor],
    ties: &[Tie],
    actor: &'static str,
    tie: &'static str,
    problems: &mut Vec<Problem>,
) {
    for a in actors {
        let id = || named(a.id, &a.name);
        check_text(
            actor,
            || a.id.to_string(),
            "naam",
            &a.name,
            limits::LINE,
            problems,
        );
        check_text(
            actor,
            id,
            "organisatie",
            &a.organisation,
            limits::LINE,
            problems,
        );
        check_text(actor, id, "rol", &a.role, limits::LINE, problems);
        check_text(actor, id, "notities", &a.notes, limits::NOTES, problems);
    }
    for t in ties {
        check_text(
            tie,
            || t.id.to_string(),
            "notitie bij de relatie",
            &t.note,
            limits::SHORT_TEXT,
            problems,
        );
    }
}
