//! Two tabs of one browser changed one profile at once. The storage protocol's revision
//! check refuses the second tab's save (`storage::Store::save`: it never writes over the
//! other tab's newer copy); this merges that tab's document (ours) with the copy the
//! other tab stored (theirs), from the copy both started from (the base), so that the
//! changes of both tabs are kept.
//!
//! The merge reads the three documents as JSON, field by field:
//! - a value only one side changed takes that side's value;
//! - a list of records (objects with an `id`, or wrapping one record that has one, as an
//!   item in the bin does) is merged by id: a record added on either
//!   side is kept; a record one side removed and the other left as it was is removed; a
//!   record one side removed and the other changed is kept, changed;
//! - within a record, different fields changed on each side are both kept, and its
//!   `updated` moment is the later of the two;
//! - a record both sides changed in the same field (the same entry typed in both tabs)
//!   is kept twice: the other tab's as it is, this tab's as a copy with an id of its own
//!   (`kept_both`), so the user chooses and nothing is lost;
//! - any other value both sides changed (the profile's name typed in both tabs) takes
//!   this tab's value (`overwritten`: the notice says how many);
//! - a journal record deleted in one tab (moved to the bin) and changed in the other
//!   stays live with the change (`settle_bin`).
//!
//! The result comes in through `restore`, as stored data does. Where a copy
//! may not stand beside its original, the merge is made again with this tab's version
//! winning every clash; if that is not valid either, there is no merge, and the caller
//! keeps the stored copy as before.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use super::bundle::copy_id;
use super::journal::{BinItem, Journal};
use super::restore::{decode_tree, encode_tree, restore_stored_document};
use super::{Document, Id, Lang};

/// A merge of two tabs' documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged document, with the revision of the stored copy (theirs): the caller
    /// saves it as the next one.
    pub doc: Document,
    pub outcome: Outcome,
}

/// What the merge had to settle, for the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    /// Records both tabs changed in the same field, now kept twice.
    pub kept_both: usize,
    /// Other values both tabs changed, where this tab's value was kept.
    pub overwritten: usize,
    /// Records one tab deleted and the other changed, kept with the change.
    pub kept_changed: usize,
}

impl Outcome {
    pub fn message(&self, lang: Lang) -> String {
        let mut sentences = vec![lang
            .pick(
                "In een ander tabblad is tegelijk aan dit profiel gewerkt. De wijzigingen uit beide tabbladen zijn samengevoegd en opgeslagen.",
                "This profile was changed in another tab at the same time. The changes from both tabs have been merged and saved.",
            )
            .to_string()];
        let (copies, fields) = (self.kept_both, self.overwritten);
        let by = |n: usize, one: &'static str, more: &'static str| if n == 1 { one } else { more };
        if copies > 0 {
            sentences.push(match lang {
                Lang::Nl => format!(
                    "{} {} in beide tabbladen anders gewijzigd en {} er nu twee keer in; kies zelf welke versie je houdt.",
                    lang.count(copies, "onderdeel", "onderdelen"),
                    by(copies, "is", "zijn"),
                    by(copies, "staat", "staan"),
                ),
                Lang::En => format!(
                    "{} changed differently in both tabs {} now there twice; choose which version to keep.",
                    lang.count(copies, "item", "items"),
                    by(copies, "is", "are"),
                ),
            });
        }
        if fields > 0 {
            sentences.push(match lang {
                Lang::Nl => format!(
                    "Bij {} {} in beide tabbladen {} gewijzigd, is de versie uit dit tabblad aangehouden.",
                    lang.count(fields, "veld", "velden"),
                    by(fields, "dat", "die"),
                    by(fields, "is", "zijn"),
                ),
                Lang::En => format!(
                    "For {} changed in both tabs, the version from this tab was kept.",
                    lang.count(fields, "field", "fields"),
                ),
            });
        }
        let kept = self.kept_changed;
        if kept > 0 {
            sentences.push(match lang {
                Lang::Nl => format!(
                    "{} {} in het ene tabblad verwijderd en in het andere gewijzigd; {} met de wijziging bewaard. Verwijder {} opnieuw als dat de bedoeling was.",
                    lang.count(kept, "onderdeel", "onderdelen"),
                    by(kept, "is", "zijn"),
                    by(kept, "het is", "ze zijn"),
                    by(kept, "het", "ze"),
                ),
                Lang::En => format!(
                    "{} deleted in one tab and changed in the other {} kept with the change. Delete {} again if that was meant.",
                    lang.count(kept, "item", "items"),
                    by(kept, "was", "were"),
                    by(kept, "it", "them"),
                ),
            });
        }
        sentences.join(" ")
    }
}

/// Merges `ours` (this tab's document, refused by the revision check) with `theirs` (the
/// stored copy another tab saved), both changed from `base`. `None` when the three are
/// not one profile, or no valid merge exists.
pub fn merge(base: &Document, ours: &Document, theirs: &Document) -> Option<Merged> {
    if base.id() != ours.id() || ours.id() != theirs.id() {
        return None;
    }
    // By way of the text, as everywhere: `serde_json::to_value` and `from_value` would put
    // every `Serialize` and `Deserialize` impl in the wasm a second time (about 60 KiB
    // gzip, measured), see `restore::encode_tree`.
    let base_json = encode_tree(base)?;
    let ours_json = encode_tree(ours)?;
    let theirs_json = encode_tree(theirs)?;
    for ours_win in [false, true] {
        let mut merger = Merger {
            ours_win,
            outcome: Outcome::default(),
        };
        let Ok(json) = merger.value(None, Some(&base_json), &ours_json, &theirs_json, false) else {
            continue;
        };
        let Ok(mut doc) = decode_tree::<Document>(&json) else {
            continue;
        };
        settle_bin(&mut doc.journal);
        // The merge comes in through the one door, as stored data does: decoded, limits,
        // validation, normalising.
        let Ok(text) = serde_json::to_string(&doc) else {
            continue;
        };
        let Ok(mut doc) = restore_stored_document(&text) else {
            continue;
        };
        // A record kept twice must not take a count past its limit.
        if !doc.check_limits().is_empty() {
            continue;
        }
        doc.revision = theirs.revision;
        return Some(Merged {
            doc,
            outcome: merger.outcome,
        });
    }
    None
}

/// Both sides changed one value differently, inside a record: settled by the record.
struct Clash;

struct Merger {
    /// The second try: this tab's value wins every clash, and no record is copied.
    ours_win: bool,
    outcome: Outcome,
}

impl Merger {
    fn value(
        &mut self,
        key: Option<&str>,
        base: Option<&Value>,
        ours: &Value,
        theirs: &Value,
        in_record: bool,
    ) -> Result<Value, Clash> {
        if ours == theirs || base == Some(theirs) {
            return Ok(ours.clone());
        }
        if base == Some(ours) {
            return Ok(theirs.clone());
        }
        match (ours, theirs) {
            (Value::Object(o), Value::Object(t)) => {
                let base = base.and_then(Value::as_object);
                return self.object(base, o, t, in_record).map(Value::Object);
            }
            (Value::Array(o), Value::Array(t)) => {
                let base = base.and_then(Value::as_array).map(Vec::as_slice);
                if are_records(base.unwrap_or_default(), o, t) {
                    return Ok(Value::Array(self.records(base.unwrap_or_default(), o, t)));
                }
            }
            _ => {}
        }
        // Made on both sides since the base (a case's first frame, typed in both tabs):
        // a side that left a field empty did not change it.
        if base.is_none() {
            if is_empty(ours) {
                return Ok(theirs.clone());
            }
            if is_empty(theirs) {
                return Ok(ours.clone());
            }
        }
        if key == Some("updated") {
            if let (Some(o), Some(t)) = (moment(ours), moment(theirs)) {
                return Ok(if o >= t { ours.clone() } else { theirs.clone() });
            }
        }
        if in_record && !self.ours_win {
            return Err(Clash);
        }
        self.outcome.overwritten += 1;
        Ok(ours.clone())
    }

    fn object(
        &mut self,
        base: Option<&Map<String, Value>>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
        in_record: bool,
    ) -> Result<Map<String, Value>, Clash> {
        let mut merged = Map::new();
        for (key, t) in theirs {
            let b = base.and_then(|b| b.get(key));
            match ours.get(key) {
                Some(o) => {
                    let value = self.value(Some(key), b, o, t, in_record)?;
                    merged.insert(key.clone(), value);
                }
                // Removed here and left as it was there: removed.
                None if b == Some(t) => {}
                None => {
                    merged.insert(key.clone(), t.clone());
                }
            }
        }
        for (key, o) in ours {
            if theirs.contains_key(key) || base.and_then(|b| b.get(key)) == Some(o) {
                continue;
            }
            merged.insert(key.clone(), o.clone());
        }
        Ok(merged)
    }

    fn records(&mut self, base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
        let base_of = by_key(base);
        let ours_of = by_key(ours);
        let theirs_of = by_key(theirs);
        let mut merged = Vec::with_capacity(theirs.len().max(ours.len()));
        for t in theirs {
            let key = key_of(t).unwrap_or_default();
            let b = base_of.get(&key).copied();
            let Some(&o) = ours_of.get(&key) else {
                // Removed here: removed, unless it was changed there since.
                if b != Some(t) {
                    self.outcome.kept_changed += usize::from(b.is_some());
                    merged.push(t.clone());
                }
                continue;
            };
            match self.value(None, b, o, t, true) {
                Ok(record) => merged.push(record),
                Err(Clash) => {
                    merged.push(t.clone());
                    merged.push(self.copy(o));
                }
            }
        }
        for o in ours {
            let key = key_of(o).unwrap_or_default();
            if theirs_of.contains_key(&key) {
                continue;
            }
            // Removed there and left as it was here: removed.
            let b = base_of.get(&key).copied();
            if b != Some(o) {
                self.outcome.kept_changed += usize::from(b.is_some());
                merged.push(o.clone());
            }
        }
        merged
    }

    /// This tab's version of a record both tabs changed, beside the other tab's, with an
    /// id of its own. A wrapper (an item in the bin) is not copied: its record keeps the
    /// original's id, the merge is invalid, and the second try lets this tab's win.
    fn copy(&mut self, record: &Value) -> Value {
        let mut copy = record.clone();
        let original = record
            .get("id")
            .and_then(Value::as_str)
            .map(str::parse::<Id>);
        if let (Some(Ok(original)), Value::Object(fields)) = (original, &mut copy) {
            let copy_id = copy_id(original, record);
            fields.insert("id".into(), Value::String(copy_id.to_string()));
            self.outcome.kept_both += 1;
        }
        copy
    }
}

/// Deleted in one tab while changed in the other: the record is both live and in the bin
/// after the merge. The change wins, so the text typed last stays in sight: an entry live
/// and in the bin leaves the bin; a case in the bin that is live, or that a live entry
/// belongs to (an entry added to it in the other tab), comes back with its entries.
fn settle_bin(journal: &mut Journal) {
    let live_entries: HashSet<Id> = journal.entries.iter().map(|e| e.id).collect();
    let live_cases: HashSet<Id> = journal.cases.iter().map(|c| c.id).collect();
    let needed: HashSet<Id> = journal.entries.iter().map(|e| e.case_id).collect();
    let mut back = Vec::new();
    journal.bin.retain(|item| match item {
        BinItem::Entry { entry, .. } => !live_entries.contains(&entry.id),
        BinItem::Case { case, .. } => {
            let wanted = live_cases.contains(&case.id) || needed.contains(&case.id);
            if wanted {
                back.push(item.clone());
            }
            !wanted
        }
    });
    for item in back {
        if let BinItem::Case { case, entries, .. } = item {
            if !live_cases.contains(&case.id) {
                journal.cases.push(case);
            }
            journal.entries.extend(
                entries
                    .into_iter()
                    .filter(|e| !live_entries.contains(&e.id)),
            );
        }
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(fields) => fields.is_empty(),
        _ => false,
    }
}

/// A record's identity: its `id`, with its `version` where it has one (a framework is one
/// rubric per id and version); a story plan's `actor` (one plan per party and case); for
/// a wrapper without an `id` (an item in the bin: a `case` or an `entry` with the moment
/// it was deleted), the identity of the one record it wraps.
fn key_of(record: &Value) -> Option<String> {
    let fields = record.as_object()?;
    if let Some(id) = fields.get("id") {
        let id = id.as_str()?;
        return Some(match fields.get("version") {
            Some(version) => format!("{id}@{version}"),
            None => id.to_string(),
        });
    }
    if let Some(actor) = fields.get("actor").and_then(Value::as_str) {
        return Some(format!("actor:{actor}"));
    }
    let mut wrapped = fields.values().filter(|v| v.is_object()).filter_map(key_of);
    match (wrapped.next(), wrapped.next()) {
        (Some(key), None) => Some(key),
        _ => None,
    }
}

/// A list of records: every item on every side has an identity (`key_of`).
fn are_records(base: &[Value], ours: &[Value], theirs: &[Value]) -> bool {
    let mut all = base.iter().chain(ours).chain(theirs).peekable();
    all.peek().is_some() && all.all(|v| key_of(v).is_some())
}

/// The first record of each identity, as a scan from the front would find it.
fn by_key(records: &[Value]) -> HashMap<String, &Value> {
    let mut at = HashMap::with_capacity(records.len());
    for record in records {
        at.entry(key_of(record).unwrap_or_default())
            .or_insert(record);
    }
    at
}

fn moment(value: &Value) -> Option<DateTime<Utc>> {
    value.as_str()?.parse().ok()
}

#[cfg(test)]
mod tests;
