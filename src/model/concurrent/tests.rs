//! Two tabs' changes, merged from the copy both started from. Each case is worked out by
//! hand on a small document: one case with three entries.

use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::model::journal::{Case, Entry, Frame, StoryPlan};
use crate::model::network::Actor;
use crate::model::{Profile, Role};

fn id(n: u128) -> Id {
    uuid::Uuid::from_u128(n)
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

const CASE: u128 = 10;

/// Sanne's document as both tabs read it: one case, entries 21, 22 and 23, each with
/// one text ("taak").
fn base() -> Document {
    let created = at("2026-11-02T09:00:00Z");
    let profile = Profile::new(id(1), "Sanne", Role::Participant, "Leergang 2026", created);
    let mut doc = Document::new(profile.unwrap());
    let day = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    doc.journal
        .cases
        .push(Case::new(id(CASE), "Kadeplein", day, created));
    for n in [21, 22, 23] {
        let mut entry = Entry::new(id(n), id(CASE), day, created);
        entry.set_text("starr.taak", &format!("Taak {n}"));
        doc.journal.entries.push(entry);
    }
    doc.revision = 5;
    doc
}

/// Changes entry `n`'s text `key` as the journal's form does, at `now`.
fn edit(doc: &mut Document, n: u128, key: &str, text: &str, now: &str) {
    let mut entry = doc.journal.entry(id(n)).unwrap().clone();
    entry.set_text(key, text);
    assert!(doc.journal.save_entry(entry, at(now)).unwrap());
}

fn entry(doc: &Document, n: u128) -> &Entry {
    doc.journal.entry(id(n)).unwrap()
}

fn outcome(kept_both: usize, overwritten: usize) -> Outcome {
    Outcome {
        kept_both,
        overwritten,
        kept_changed: 0,
    }
}

/// The other tab saved first: its copy is stored with the next revision.
fn stored(mut theirs: Document) -> Document {
    theirs.revision = 6;
    theirs
}

/// Tab A (ours) and tab B (theirs) each change the base; B saves first, and A's save,
/// refused by the revision check, merges.
fn tabs(a: impl FnOnce(&mut Document), b: impl FnOnce(&mut Document)) -> Merged {
    let (mut ours, mut theirs) = (base(), base());
    a(&mut ours);
    b(&mut theirs);
    merge(&base(), &ours, &stored(theirs)).unwrap()
}

/// Entry `n`'s text `key` typed as `text`, at `now`.
fn typed(
    n: u128,
    key: &'static str,
    text: &'static str,
    now: &'static str,
) -> impl FnOnce(&mut Document) {
    move |doc| edit(doc, n, key, text, now)
}

#[test]
fn entries_changed_in_different_tabs_are_both_kept_and_the_case_has_the_later_moment() {
    let merged = tabs(
        typed(
            21,
            "starr.taak",
            "Taak 21, in tab A",
            "2026-12-03T10:00:05Z",
        ),
        typed(
            22,
            "starr.taak",
            "Taak 22, in tab B",
            "2026-12-03T10:00:03Z",
        ),
    );
    let doc = &merged.doc;
    assert_eq!(entry(doc, 21).text("starr.taak"), "Taak 21, in tab A");
    assert_eq!(entry(doc, 22).text("starr.taak"), "Taak 22, in tab B");
    assert_eq!(entry(doc, 23).text("starr.taak"), "Taak 23");
    assert_eq!(doc.journal.entries.len(), 3);
    // Both tabs touched the case; the later of the two moments stands.
    assert_eq!(
        doc.journal.case(id(CASE)).unwrap().updated,
        at("2026-12-03T10:00:05Z")
    );
    assert_eq!(entry(doc, 22).updated, at("2026-12-03T10:00:03Z"));
    assert_eq!(merged.outcome, Outcome::default());
    // The stored revision: the caller saves the merge as the next.
    assert_eq!(doc.revision, 6);
}

#[test]
fn different_fields_of_one_entry_are_both_kept() {
    let merged = tabs(
        typed(
            21,
            "starr.resultaat",
            "Bewoners tevreden",
            "2026-12-03T10:00:01Z",
        ),
        typed(21, "starr.taak", "Taak 21, beter", "2026-12-03T10:00:02Z"),
    );
    let e = entry(&merged.doc, 21);
    assert_eq!(e.text("starr.taak"), "Taak 21, beter");
    assert_eq!(e.text("starr.resultaat"), "Bewoners tevreden");
    assert_eq!(e.updated, at("2026-12-03T10:00:02Z"));
    assert_eq!(merged.outcome, Outcome::default());
}

#[test]
fn one_text_typed_differently_in_both_tabs_is_kept_twice() {
    let merged = tabs(
        typed(21, "starr.taak", "Versie van A", "2026-12-03T10:00:01Z"),
        typed(21, "starr.taak", "Versie van B", "2026-12-03T10:00:02Z"),
    );
    let doc = &merged.doc;
    // The other tab's entry keeps its id; this tab's stands beside it as a copy.
    assert_eq!(entry(doc, 21).text("starr.taak"), "Versie van B");
    let copies: Vec<&Entry> = doc
        .journal
        .entries
        .iter()
        .filter(|e| e.text("starr.taak") == "Versie van A")
        .collect();
    assert_eq!(copies.len(), 1);
    assert_ne!(copies[0].id, id(21));
    assert_eq!(copies[0].case_id, id(CASE));
    assert_eq!(doc.journal.entries.len(), 4);
    assert_eq!(merged.outcome, outcome(1, 0));
}

#[test]
fn a_profile_field_changed_in_both_tabs_takes_this_tabs_value_and_is_counted() {
    let mut ours = base();
    ours.profile.rename("Sanne uit A").unwrap();
    let mut theirs = base();
    theirs.profile.rename("Sanne uit B").unwrap();
    theirs.profile.set_course("Leergang uit B").unwrap();
    let merged = merge(&base(), &ours, &stored(theirs)).unwrap();
    assert_eq!(merged.doc.profile.name, "Sanne uit A");
    assert_eq!(merged.doc.profile.course, "Leergang uit B");
    assert_eq!(merged.outcome, outcome(0, 1));
}

#[test]
fn a_removal_stands_unless_the_other_tab_changed_the_record_since() {
    let mut ours = base();
    // Removed here (as the journal's merge would see it: gone from the list), unchanged there.
    ours.journal.entries.retain(|e| e.id != id(22));
    let mut theirs = base();
    // Removed there; changed here: kept, changed.
    theirs.journal.entries.retain(|e| e.id != id(23));
    edit(
        &mut ours,
        23,
        "starr.taak",
        "Taak 23, nog bezig",
        "2026-12-03T10:00:01Z",
    );
    let merged = merge(&base(), &ours, &stored(theirs)).unwrap();
    let ids: Vec<Id> = merged.doc.journal.entries.iter().map(|e| e.id).collect();
    assert!(!ids.contains(&id(22)));
    assert_eq!(
        entry(&merged.doc, 23).text("starr.taak"),
        "Taak 23, nog bezig"
    );
    assert_eq!(ids.len(), 2);
    // 23 was deleted there and is back: the notice says so.
    assert_eq!(merged.outcome.kept_changed, 1);
}

#[test]
fn records_added_in_both_tabs_are_all_kept() {
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let now = at("2026-12-03T10:00:00Z");
    let mut ours = base();
    ours.journal
        .save_entry(Entry::new(id(31), id(CASE), day, now), now)
        .unwrap();
    let mut theirs = base();
    theirs
        .journal
        .save_entry(Entry::new(id(32), id(CASE), day, now), now)
        .unwrap();
    let merged = merge(&base(), &ours, &stored(theirs)).unwrap();
    let ids: Vec<Id> = merged.doc.journal.entries.iter().map(|e| e.id).collect();
    assert!(ids.contains(&id(31)) && ids.contains(&id(32)));
    assert_eq!(ids.len(), 5);
}

#[test]
fn nothing_changed_here_gives_the_stored_copy() {
    let mut theirs = base();
    edit(
        &mut theirs,
        22,
        "starr.taak",
        "Taak 22, in tab B",
        "2026-12-03T10:00:03Z",
    );
    let theirs = stored(theirs);
    let merged = merge(&base(), &base(), &theirs).unwrap();
    assert_eq!(merged.doc, theirs);
}

#[test]
fn documents_of_two_profiles_are_not_merged() {
    let mut other = base();
    other.profile.id = id(2);
    assert_eq!(merge(&base(), &base(), &other), None);
}

#[test]
fn the_notice_says_what_was_settled_in_both_languages() {
    let plain = Outcome::default();
    assert_eq!(
        plain.message(Lang::Nl),
        "In een ander tabblad is tegelijk aan dit profiel gewerkt. De wijzigingen uit beide tabbladen zijn samengevoegd en opgeslagen."
    );
    assert_eq!(
        outcome(2, 1).message(Lang::Nl),
        "In een ander tabblad is tegelijk aan dit profiel gewerkt. De wijzigingen uit beide tabbladen zijn samengevoegd en opgeslagen. \
         2 onderdelen zijn in beide tabbladen anders gewijzigd en staan er nu twee keer in; kies zelf welke versie je houdt. \
         Bij 1 veld dat in beide tabbladen is gewijzigd, is de versie uit dit tabblad aangehouden."
    );
    assert_eq!(
        outcome(1, 0).message(Lang::En),
        "This profile was changed in another tab at the same time. The changes from both tabs have been merged and saved. \
         1 item changed differently in both tabs is now there twice; choose which version to keep."
    );
    let back = |n| Outcome {
        kept_changed: n,
        ..Outcome::default()
    };
    assert_eq!(
        back(1).message(Lang::Nl),
        "In een ander tabblad is tegelijk aan dit profiel gewerkt. De wijzigingen uit beide tabbladen zijn samengevoegd en opgeslagen. \
         1 onderdeel is in het ene tabblad verwijderd en in het andere gewijzigd; het is met de wijziging bewaard. Verwijder het opnieuw als dat de bedoeling was."
    );
    assert_eq!(
        back(2).message(Lang::En),
        "This profile was changed in another tab at the same time. The changes from both tabs have been merged and saved. \
         2 items deleted in one tab and changed in the other were kept with the change. Delete them again if that was meant."
    );
}

#[test]
fn entries_moved_to_the_bin_in_different_tabs_are_both_in_the_bin() {
    let merged = tabs(
        |ours| {
            assert!(ours
                .journal
                .delete_entry(id(21), at("2026-12-03T10:00:01Z")))
        },
        |theirs| {
            assert!(theirs
                .journal
                .delete_entry(id(22), at("2026-12-03T10:00:02Z")))
        },
    );
    let journal = &merged.doc.journal;
    let live: Vec<Id> = journal.entries.iter().map(|e| e.id).collect();
    assert_eq!(live, [id(23)]);
    let mut binned: Vec<Id> = journal.bin.iter().map(|item| item.id()).collect();
    binned.sort();
    assert_eq!(binned, [id(21), id(22)]);
    assert_eq!(merged.outcome, Outcome::default());
}

#[test]
fn a_framework_version_added_in_one_tab_is_not_taken_for_the_version_of_the_same_id() {
    let merged = tabs(
        |ours| {
            let mut next = ours.selfscan.frameworks[0].clone();
            next.version += 1;
            ours.selfscan.frameworks.push(next);
        },
        // The other tab adds a framework too, so both changed the list.
        |theirs| {
            let mut other = theirs.selfscan.frameworks[0].clone();
            other.id = "ander-kader".into();
            theirs.selfscan.frameworks.push(other);
        },
    );
    let versions: Vec<(String, u32)> = merged
        .doc
        .selfscan
        .frameworks
        .iter()
        .map(|f| (f.id.clone(), f.version))
        .collect();
    let id = base().selfscan.frameworks[0].id.clone();
    let first = base().selfscan.frameworks[0].version;
    // The new version is there (merged by id alone, it would have been taken for the
    // old one and dropped), and so is the other tab's framework.
    assert!(versions.contains(&(id, first + 1)), "{versions:?}");
    assert!(
        versions.iter().any(|(id, _)| id == "ander-kader"),
        "{versions:?}"
    );
}

#[test]
fn a_first_frame_typed_in_both_tabs_keeps_both_fields_in_one_case() {
    let frame = |desired: &'static str, works: &'static str| {
        move |doc: &mut Document| {
            doc.journal.cases[0].frame = Some(Box::new(Frame {
                desired: desired.into(),
                works: works.into(),
                ..Frame::default()
            }));
        }
    };
    let merged = tabs(frame("Een veilig plein", ""), frame("", "De buurtapp"));
    let cases = &merged.doc.journal.cases;
    assert_eq!(cases.len(), 1);
    let made = cases[0].frame.as_deref().unwrap();
    assert_eq!(
        (made.desired.as_str(), made.works.as_str()),
        ("Een veilig plein", "De buurtapp")
    );
    assert_eq!(merged.outcome, Outcome::default());
}

#[test]
fn story_plans_for_two_parties_made_in_two_tabs_are_both_in_the_one_case() {
    let with_actors = |mut doc: Document| {
        for (n, name) in [(41, "Wijkraad"), (42, "Bewonersgroep")] {
            doc.network.actors.push(Actor::new(id(n), name));
            doc.journal.cases[0].actors.push(id(n));
        }
        doc
    };
    let plan = |n: u128, cares: &'static str| {
        move |doc: &mut Document| {
            let mut plan = StoryPlan::new(id(n));
            plan.cares = cares.into();
            doc.journal.cases[0].stories.push(plan);
        }
    };
    let (mut ours, mut theirs) = (with_actors(base()), with_actors(base()));
    plan(41, "Veiligheid")(&mut ours);
    plan(42, "Speelruimte")(&mut theirs);
    let merged = merge(&with_actors(base()), &ours, &stored(theirs)).unwrap();
    let cases = &merged.doc.journal.cases;
    assert_eq!(cases.len(), 1);
    let mut cares: Vec<&str> = cases[0].stories.iter().map(|p| p.cares.as_str()).collect();
    cares.sort();
    assert_eq!(cares, ["Speelruimte", "Veiligheid"]);
}

#[test]
fn an_entry_deleted_in_one_tab_and_changed_in_the_other_stays_with_the_change() {
    let deleted = |doc: &mut Document| {
        assert!(doc.journal.delete_entry(id(22), at("2026-12-03T10:00:01Z")));
    };
    let changed = || {
        typed(
            22,
            "starr.taak",
            "Taak 22, nog bezig",
            "2026-12-03T10:00:02Z",
        )
    };
    // Either way round: deleted here and changed there, or the reverse.
    for merged in [tabs(deleted, changed()), tabs(changed(), deleted)] {
        let journal = &merged.doc.journal;
        assert_eq!(
            entry(&merged.doc, 22).text("starr.taak"),
            "Taak 22, nog bezig"
        );
        assert!(journal.bin.is_empty());
        assert_eq!(journal.entries.len(), 3);
        assert_eq!(merged.outcome.kept_changed, 1);
    }
}

#[test]
fn a_case_deleted_in_one_tab_while_the_other_added_an_entry_to_it_comes_back_whole() {
    let merged = tabs(
        |ours| {
            assert!(ours
                .journal
                .delete_case(id(CASE), at("2026-12-03T10:00:01Z")))
        },
        |theirs| {
            let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
            let now = at("2026-12-03T10:00:02Z");
            let mut new = Entry::new(id(31), id(CASE), day, now);
            new.set_text("starr.taak", "Nieuw in tab B");
            theirs.journal.save_entry(new, now).unwrap();
        },
    );
    let journal = &merged.doc.journal;
    assert!(journal.bin.is_empty());
    assert_eq!(journal.cases.len(), 1);
    let mut ids: Vec<Id> = journal.entries.iter().map(|e| e.id).collect();
    ids.sort();
    assert_eq!(ids, [id(21), id(22), id(23), id(31)]);
    // Its deletion is undone (tab B's new entry moved the case's moment on): the notice
    // says so, once for the case.
    assert_eq!(merged.outcome.kept_changed, 1);
}
