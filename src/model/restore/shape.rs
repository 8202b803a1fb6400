//! Data that is JSON but not of the expected shape: which record, which field, and why,
//! worded here. serde's own English ("invalid type: floating point `2.5`, expected u8")
//! is read for its kind only and never shown.
//!
//! serde_json names no path, only a position in the text it read. A tree is decoded by
//! way of its compact text ([`super::decode_tree`]), so that position is walked back to
//! the path of the value just read, and the path, looked up in the tree, to the record.

use serde_json::Value;

use super::excerpt;
use crate::model::validation::term;
use crate::model::Lang;

#[derive(Debug, Clone, PartialEq)]
pub struct ShapeError {
    /// The record the wrong value is part of, when it is part of one.
    pub record: Option<RecordRef>,
    /// Where in the record (or in the file, without a record), as JSON keys and
    /// positions: `start`, `ratings.c1.level`, `descriptors[2]`. Empty for the whole.
    pub field: String,
    pub problem: ShapeProblem,
}

/// A record named as the validation's problems name them: a Dutch noun (worded in
/// English through [`term`]) and its id, or its place in its list when it has none.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordRef {
    pub noun: &'static str,
    pub id: RecordId,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RecordId {
    Id(String),
    /// 1-based.
    Position(usize),
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ShapeProblem {
    WrongType {
        found: Found,
        expected: Expected,
    },
    /// A whole number outside what the field holds.
    OutOfRange {
        found: String,
        min: i64,
        max: u64,
    },
    Missing,
    /// Text that is not one of the field's fixed values.
    UnknownValue {
        found: String,
        allowed: Vec<String>,
    },
    NotADate {
        found: String,
    },
    NotAnId {
        found: String,
    },
    /// Anything else: Leerspoor cannot read the value.
    Unreadable,
}

/// What a wrong value is, with a short excerpt of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Text(String),
    Number(String),
    Bool(bool),
    Null,
    List,
    Object,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expected {
    Text,
    WholeNumber { min: i64, max: u64 },
    Number,
    Bool,
    List,
    Object,
    Date,
    Id,
    Choice,
    Other,
}

/// Keys whose value (or whose list's items) is a record with an `id`, and the record's
/// noun.
const RECORDS: &[(&str, &str)] = &[
    ("profile", "profiel"),
    ("from", "afzender"),
    ("frameworks", "kader"),
    ("areas", "gebied"),
    ("competencies", "competentie"),
    ("indicators", "indicator"),
    ("scans", "zelfscan"),
    ("goals", "ontwikkeldoel"),
    ("actions", "actie"),
    ("cases", "casus"),
    ("case", "casus"),
    ("entries", "journaalnotitie"),
    ("entry", "journaalnotitie"),
    ("next_steps", "vervolgstap"),
    ("feedback", "feedback"),
    ("actors", "actor"),
    ("ties", "relatie"),
    ("snapshots", "momentopname"),
    ("bin", "item in de prullenbak"),
];

/// The keys of [`RECORDS`] that name one record, not a list of them.
const SINGLE_RECORDS: &[&str] = &["profile", "from", "case", "entry"];

#[derive(Debug, Clone, PartialEq)]
enum Seg {
    Key(String),
    Index(usize),
}

impl ShapeError {
    /// Names the place and kind of serde_json's error `e`, met while decoding the compact
    /// `text` that `tree` was written as.
    pub fn locate(e: &serde_json::Error, text: &str, tree: &Value) -> ShapeError {
        let message = super::without_position(e);
        // serde_json's column counts bytes, from 1, on the one line compact text has.
        let path = if e.line() == 1 {
            path_at(text, e.column().min(text.len()))
        } else {
            Vec::new()
        };
        let found = value_at(tree, &path);
        let (record, mut field) = record_of(tree, &path);
        let problem = match classify(&message, found) {
            Classified::Missing(name) => {
                if !field.is_empty() {
                    field.push('.');
                }
                field.push_str(&name);
                ShapeProblem::Missing
            }
            Classified::Problem(p) => p,
        };
        ShapeError {
            record,
            field,
            problem,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let field = excerpt(&self.field);
        let place = match (&self.record, field.is_empty()) {
            (Some(record), true) => record.name(lang),
            (Some(record), false) => {
                format!(
                    "{}, {}",
                    record.name(lang),
                    lang.pick(format!("veld “{field}”"), format!("field “{field}”"))
                )
            }
            (None, false) => lang.pick(format!("Veld “{field}”"), format!("Field “{field}”")),
            (None, true) => lang.pick("Het geheel", "The whole").to_string(),
        };
        format!("{place}: {}.", self.problem.reason(lang))
    }
}

impl RecordRef {
    pub fn name(&self, lang: Lang) -> String {
        let noun = term(lang, self.noun);
        match &self.id {
            RecordId::Id(id) => format!("{noun} {id}"),
            RecordId::Position(n) => {
                lang.pick(format!("{noun} nr. {n}"), format!("{noun} no. {n}"))
            }
            RecordId::None => noun.to_string(),
        }
    }
}

impl ShapeProblem {
    fn reason(&self, lang: Lang) -> String {
        match self {
            ShapeProblem::WrongType { found, expected } => lang.pick(
                format!(
                    "is {}, maar moet {} zijn",
                    found.name(lang),
                    expected.name(lang)
                ),
                format!(
                    "is {}, but must be {}",
                    found.name(lang),
                    expected.name(lang)
                ),
            ),
            ShapeProblem::OutOfRange { found, min, max } => lang.pick(
                format!("is {found}, maar moet een heel getal van {min} tot en met {max} zijn"),
                format!("is {found}, but must be a whole number from {min} to {max}"),
            ),
            ShapeProblem::Missing => lang.pick("ontbreekt", "is missing").to_string(),
            ShapeProblem::UnknownValue { found, allowed } => {
                let allowed: Vec<String> = allowed.iter().map(|a| format!("“{a}”")).collect();
                let allowed = allowed.join(", ");
                lang.pick(
                    format!("is “{found}”, maar moet een van deze waarden zijn: {allowed}"),
                    format!("is “{found}”, but must be one of these values: {allowed}"),
                )
            }
            ShapeProblem::NotADate { found } => lang.pick(
                format!("“{found}” is geen bestaande datum of tijd"),
                format!("“{found}” is not a real date or time"),
            ),
            ShapeProblem::NotAnId { found } => lang.pick(
                format!("“{found}” is geen geldig id"),
                format!("“{found}” is not a valid id"),
            ),
            ShapeProblem::Unreadable => lang
                .pick(
                    "deze waarde kan Leerspoor niet lezen",
                    "Leerspoor cannot read this value",
                )
                .to_string(),
        }
    }
}

impl Found {
    fn of(value: &Value) -> Found {
        match value {
            Value::String(s) => Found::Text(excerpt(s)),
            Value::Number(n) => Found::Number(n.to_string()),
            Value::Bool(b) => Found::Bool(*b),
            Value::Null => Found::Null,
            Value::Array(_) => Found::List,
            Value::Object(_) => Found::Object,
        }
    }

    fn name(&self, lang: Lang) -> String {
        match self {
            Found::Text(s) => lang.pick(format!("de tekst “{s}”"), format!("the text “{s}”")),
            Found::Number(n) => lang.pick(format!("het getal {n}"), format!("the number {n}")),
            Found::Bool(b) => lang.pick(format!("de waarde {b}"), format!("the value {b}")),
            Found::Null => lang.pick("leeg (null)", "empty (null)").to_string(),
            Found::List => lang.pick("een lijst", "a list").to_string(),
            Found::Object => lang
                .pick("een groep velden", "a group of fields")
                .to_string(),
        }
    }
}

impl Expected {
    fn name(self, lang: Lang) -> String {
        match self {
            Expected::Text => lang.pick("tekst", "text").to_string(),
            // The range the type holds is said only when a number falls outside it; the
            // field's own range (1–5) is the validation's to name.
            Expected::WholeNumber { .. } => {
                lang.pick("een heel getal", "a whole number").to_string()
            }
            Expected::Number => lang.pick("een getal", "a number").to_string(),
            Expected::Bool => lang.pick("true of false", "true or false").to_string(),
            Expected::List => lang.pick("een lijst", "a list").to_string(),
            Expected::Object => lang
                .pick("een groep velden", "a group of fields")
                .to_string(),
            Expected::Date => lang.pick("een datum", "a date").to_string(),
            Expected::Id => lang.pick("een id", "an id").to_string(),
            Expected::Choice => lang
                .pick("een van de vaste waarden", "one of the fixed values")
                .to_string(),
            Expected::Other => lang
                .pick("een ander soort waarde", "another kind of value")
                .to_string(),
        }
    }

    /// serde's name of what a field holds: `u8`, `a string`, `struct Actor`, ….
    fn from_serde(expected: &str) -> Expected {
        if let Some((min, max)) = integer_range(expected) {
            return Expected::WholeNumber { min, max };
        }
        match expected {
            "f64" | "f32" => Expected::Number,
            "a string" | "a borrowed string" | "a character" => Expected::Text,
            "a sequence" => Expected::List,
            "a map" => Expected::Object,
            "a boolean" => Expected::Bool,
            e if e.starts_with("struct ") || e.starts_with("internally tagged") => Expected::Object,
            e if e.contains("UUID") => Expected::Id,
            e if e.contains("date") => Expected::Date,
            e if e.contains("variant") || e.starts_with("enum ") => Expected::Choice,
            _ => Expected::Other,
        }
    }
}

fn integer_range(name: &str) -> Option<(i64, u64)> {
    Some(match name {
        "u8" => (0, u64::from(u8::MAX)),
        "u16" => (0, u64::from(u16::MAX)),
        "u32" => (0, u64::from(u32::MAX)),
        "u64" | "usize" => (0, u64::MAX),
        "i8" => (i64::from(i8::MIN), i8::MAX as u64),
        "i16" => (i64::from(i16::MIN), i16::MAX as u64),
        "i32" => (i64::from(i32::MIN), i32::MAX as u64),
        "i64" | "isize" => (i64::MIN, i64::MAX as u64),
        _ => return None,
    })
}

enum Classified {
    Missing(String),
    Problem(ShapeProblem),
}

/// Sorts serde's message (without its position) into a kind of problem, taking the
/// wrong value itself from the tree.
fn classify(message: &str, found: Option<&Value>) -> Classified {
    let text_of = |v: Option<&Value>| match v {
        Some(Value::String(s)) => excerpt(s),
        Some(other) => excerpt(&other.to_string()),
        None => String::new(),
    };
    if let Some(name) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.split('`').next())
    {
        return Classified::Missing(name.to_string());
    }
    let problem = if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, allowed) = rest.split_once('`').unwrap_or((rest, ""));
        let allowed = allowed
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        ShapeProblem::UnknownValue {
            found: excerpt(value),
            allowed,
        }
    } else if message.starts_with("invalid type: ") || message.starts_with("invalid value: ") {
        let expected = message
            .rsplit_once(", expected ")
            .map_or(Expected::Other, |(_, e)| Expected::from_serde(e));
        match (expected, found) {
            (Expected::WholeNumber { min, max }, Some(Value::Number(n)))
                if n.is_i64() || n.is_u64() =>
            {
                ShapeProblem::OutOfRange {
                    found: n.to_string(),
                    min,
                    max,
                }
            }
            (_, Some(v)) => ShapeProblem::WrongType {
                found: Found::of(v),
                expected,
            },
            (_, None) => ShapeProblem::Unreadable,
        }
    } else if message == "expected value" {
        // serde_json's answer when a field of fixed values (an enum) holds a number, a
        // list or the like: generated text has no syntax errors to mean instead.
        match found {
            Some(v) => ShapeProblem::WrongType {
                found: Found::of(v),
                expected: Expected::Choice,
            },
            None => ShapeProblem::Unreadable,
        }
    } else if is_date_error(message) {
        ShapeProblem::NotADate {
            found: text_of(found),
        }
    } else if is_uuid_error(message) {
        ShapeProblem::NotAnId {
            found: text_of(found),
        }
    } else {
        ShapeProblem::Unreadable
    };
    Classified::Problem(problem)
}

/// chrono's parse errors, as its `ParseError` words them.
fn is_date_error(message: &str) -> bool {
    [
        "input is out of range",
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "no possible date and time matching input",
        "input is not enough for unique date and time",
        "bad or unsupported format string",
    ]
    .contains(&message)
}

/// uuid's parse errors.
fn is_uuid_error(message: &str) -> bool {
    message.starts_with("UUID parsing failed: ")
}

/// The path of the value that ends at byte `end` of compact JSON `text` (the value
/// serde_json had just read when it gave up), or of the innermost container open there.
fn path_at(text: &str, end: usize) -> Vec<Seg> {
    enum Frame {
        Object {
            key: Option<String>,
            expect_key: bool,
        },
        Array {
            index: usize,
        },
    }
    fn path_of(stack: &[Frame]) -> Vec<Seg> {
        stack
            .iter()
            .filter_map(|f| match f {
                Frame::Object { key: Some(k), .. } => Some(Seg::Key(k.clone())),
                Frame::Object { key: None, .. } => None,
                Frame::Array { index } => Some(Seg::Index(*index)),
            })
            .collect()
    }
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    // The path of the last value that was complete, and whether nothing followed it.
    let mut last: Option<Vec<Seg>> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'{' | b'[' => {
                stack.push(if b == b'{' {
                    Frame::Object {
                        key: None,
                        expect_key: true,
                    }
                } else {
                    Frame::Array { index: 0 }
                });
                last = None;
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                last = Some(path_of(&stack));
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                    Some(Frame::Array { index }) => *index += 1,
                    None => {}
                }
                last = None;
                i += 1;
            }
            b':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                match stack.last_mut() {
                    Some(Frame::Object {
                        key, expect_key, ..
                    }) if *expect_key => {
                        *key = serde_json::from_str(&text[start..i]).ok();
                        last = None;
                    }
                    _ => last = Some(path_of(&stack)),
                }
            }
            _ => {
                // A number, true, false or null: up to the next structural byte.
                while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']') {
                    i += 1;
                }
                last = Some(path_of(&stack));
            }
        }
    }
    last.unwrap_or_else(|| path_of(&stack))
}

fn value_at<'a>(tree: &'a Value, path: &[Seg]) -> Option<&'a Value> {
    path.iter().try_fold(tree, |v, seg| match seg {
        Seg::Key(k) => v.get(k),
        Seg::Index(i) => v.get(i),
    })
}

/// The innermost record on `path`, and the rest of the path inside it, written out.
fn record_of(tree: &Value, path: &[Seg]) -> (Option<RecordRef>, String) {
    let mut record = None;
    let mut inside = 0;
    let mut node = Some(tree);
    for (at, seg) in path.iter().enumerate() {
        let parent_key = match (seg, at.checked_sub(1).map(|p| &path[p])) {
            (Seg::Index(_), Some(Seg::Key(k))) => Some(k.as_str()),
            _ => None,
        };
        node = node.and_then(|n| value_at(n, std::slice::from_ref(seg)));
        // A list's items are its records; of the keys, only those naming one record.
        let key = match seg {
            Seg::Key(k) if SINGLE_RECORDS.contains(&k.as_str()) => Some(k.as_str()),
            Seg::Key(_) => None,
            Seg::Index(_) => parent_key,
        };
        let Some(noun) = key.and_then(|k| RECORDS.iter().find(|(r, _)| *r == k)) else {
            continue;
        };
        // A record is an object; a list of them names its items, not itself.
        let Some(Value::Object(fields)) = node else {
            continue;
        };
        let id = match fields.get("id") {
            Some(Value::String(s)) => RecordId::Id(excerpt(s)),
            Some(Value::Number(n)) => RecordId::Id(n.to_string()),
            _ => match seg {
                Seg::Index(i) => RecordId::Position(i + 1),
                Seg::Key(_) => RecordId::None,
            },
        };
        record = Some(RecordRef { noun: noun.1, id });
        inside = at + 1;
    }
    let mut field = String::new();
    for seg in &path[inside..] {
        match seg {
            Seg::Key(k) => {
                if !field.is_empty() {
                    field.push('.');
                }
                field.push_str(&excerpt(k));
            }
            Seg::Index(i) => field.push_str(&format!("[{i}]")),
        }
    }
    (record, field)
}

#[cfg(test)]
mod tests {
    use super::super::decode_tree;
    use super::*;
    use crate::model::network::Actor;
    use crate::model::Document;
    use serde_json::json;

    fn doc_tree() -> Value {
        let profile = crate::model::Profile::new(
            crate::model::Id::from_u128(7),
            "Sanne",
            crate::model::Role::Participant,
            "",
            "2026-01-05T09:00:00Z".parse().unwrap(),
        )
        .unwrap();
        let mut doc = Document::new(profile);
        doc.network
            .add_actor(Actor::new(crate::model::Id::from_u128(10), "Wethouder"))
            .unwrap();
        super::super::encode_tree(&doc).unwrap()
    }

    fn shape(tree: &Value) -> ShapeError {
        decode_tree::<Document>(tree).unwrap_err()
    }

    const ACTOR: &str = "00000000-0000-0000-0000-00000000000a";

    #[test]
    fn a_float_where_a_whole_number_belongs_names_actor_and_field() {
        let mut tree = doc_tree();
        tree["network"]["actors"][0]["influence"] = json!(2.5);
        let e = shape(&tree);
        assert_eq!(
            e.message(Lang::Nl),
            format!(
                "actor {ACTOR}, veld “influence”: is het getal 2.5, maar moet een heel getal zijn."
            )
        );
        assert_eq!(
            e.message(Lang::En),
            format!(
                "actor {ACTOR}, field “influence”: is the number 2.5, but must be a whole number."
            )
        );
        tree["network"]["actors"][0]["influence"] = json!(300);
        assert_eq!(
            shape(&tree).message(Lang::En),
            format!("actor {ACTOR}, field “influence”: is 300, but must be a whole number from 0 to 255.")
        );
        tree["network"]["actors"][0]["influence"] = json!("veel");
        assert_eq!(
            shape(&tree).message(Lang::Nl),
            format!("actor {ACTOR}, veld “influence”: is de tekst “veel”, maar moet een heel getal zijn.")
        );
    }

    #[test]
    fn an_impossible_date_a_missing_field_and_an_unknown_value_are_named() {
        let mut tree = doc_tree();
        tree["profile"]["created"] = json!("2026-02-31T10:00:00Z");
        assert_eq!(
            shape(&tree).message(Lang::Nl),
            "profiel 00000000-0000-0000-0000-000000000007, veld “created”: “2026-02-31T10:00:00Z” is geen bestaande datum of tijd."
        );
        let mut tree = doc_tree();
        tree["network"]["actors"][0]
            .as_object_mut()
            .unwrap()
            .remove("name");
        assert_eq!(
            shape(&tree).message(Lang::En),
            format!("actor {ACTOR}, field “name”: is missing.")
        );
        let mut tree = doc_tree();
        tree["profile"]["role"] = json!("boss");
        assert_eq!(
            shape(&tree).message(Lang::En),
            "profile 00000000-0000-0000-0000-000000000007, field “role”: is “boss”, but must be one of these values: “participant”, “coach”."
        );
        let mut tree = doc_tree();
        tree["network"]["actors"][0]["id"] = json!("not-a-uuid");
        assert_eq!(
            shape(&tree).message(Lang::Nl),
            "actor not-a-uuid, veld “id”: “not-a-uuid” is geen geldig id."
        );
    }

    #[test]
    fn outside_a_record_the_field_is_named_from_the_top() {
        let mut tree = doc_tree();
        tree["revision"] = json!(-1);
        assert_eq!(
            shape(&tree).message(Lang::Nl),
            "Veld “revision”: is -1, maar moet een heel getal van 0 tot en met 18446744073709551615 zijn."
        );
        tree["revision"] = json!(1);
        tree["network"]["actors"] = json!({});
        assert_eq!(
            shape(&tree).message(Lang::En),
            "Field “network.actors”: is a group of fields, but must be a list."
        );
    }

    #[test]
    fn a_huge_value_is_shown_cut_short() {
        let mut tree = doc_tree();
        tree["network"]["actors"][0]["influence"] = json!("x".repeat(100_000));
        let text = shape(&tree).message(Lang::Nl);
        assert!(text.len() < 300, "{text}");
        assert!(text.contains(&format!("“{}…”", "x".repeat(40))), "{text}");
    }
}
