//! JSON text into a tree, refusing an object that names the same key twice. serde_json's
//! own `Value` keeps the last of two equal keys, so `{"kind":"feedback","kind":"participant"}`
//! would read as a participant's bundle; here it is an error that names the key.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};

/// Marks the error this visitor raises, so that it can be told from serde_json's own.
const DUPLICATE: &str = "\u{0}duplicate key\u{0}";

/// A parse failure: serde_json's error, or the one duplicate key found first.
pub(super) enum StrictError {
    Json(serde_json::Error),
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
}

pub(super) fn parse(text: &str) -> Result<Value, StrictError> {
    serde_json::from_str::<Strict>(text)
        .map(|s| s.0)
        .map_err(|e| {
            let message = e.to_string();
            match message
                .strip_prefix(DUPLICATE)
                .and_then(|rest| rest.rsplit_once(" at line "))
            {
                Some((key, _)) => StrictError::DuplicateKey {
                    key: key.to_string(),
                    line: e.line(),
                    column: e.column(),
                },
                None => StrictError::Json(e),
            }
        })
}

struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = access.next_key::<String>()? {
            let Strict(value) = access.next_value()?;
            match map.entry(key) {
                Entry::Occupied(taken) => {
                    return Err(de::Error::custom(format_args!(
                        "{DUPLICATE}{}",
                        taken.key()
                    )))
                }
                Entry::Vacant(free) => {
                    free.insert(value);
                }
            }
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_the_one_serde_json_builds() {
        let text = r#"{"b":[1,-2,2.5,"x\"y",true,null,{}],"a":{"c":"é"}}"#;
        let Ok(value) = parse(text) else {
            panic!("not parsed")
        };
        assert_eq!(value, serde_json::from_str::<Value>(text).unwrap());
    }

    #[test]
    fn a_key_twice_in_one_object_is_named_with_its_place() {
        let text = "{\"a\": {\"kind\": 1,\n \"kind\": 2}}";
        match parse(text) {
            Err(StrictError::DuplicateKey { key, line, .. }) => {
                assert_eq!(key, "kind");
                assert_eq!(line, 2);
            }
            _ => panic!("duplicate not found"),
        }
        // The same key in two objects is fine, and so is an escaped spelling of another.
        assert!(parse(r#"[{"a":1},{"a":2}]"#).is_ok());
        assert!(matches!(
            parse(r#"{"kind":1,"\u006bind":2}"#),
            Err(StrictError::DuplicateKey { .. })
        ));
    }
}
