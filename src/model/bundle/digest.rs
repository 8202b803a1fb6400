//! The integrity digest of a bundle's contents: SHA-256 over a canonical JSON text (object
//! keys sorted at every level, no white space), so that any reader gets the same bytes
//! from the same value whatever order a writer used.

use std::io::Write;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::model::order::SharedSort;

pub const PREFIX: &str = "sha256:";

pub fn digest(value: &Value) -> String {
    // The canonical text goes straight into the hash: a 5 MB bundle never exists twice
    // in memory, and no string is allocated per key or value.
    let mut hasher = Hashing(Sha256::new());
    write_canonical(value, &mut hasher);
    finish(hasher.0)
}

/// The digest of JSON text taken as it is, with only the white space between tokens
/// left out: the canonical text of a bundle's contents as Leerspoor exports them,
/// pretty-printed or not, hashed in one pass over the bytes instead of being built as a
/// tree, sorted and written again. `None` when the text is not canonical: a key that is
/// not greater than the one before it in its object (another key order, or a key twice)
/// or a key with an escape in it. Such a file, which another program rewrote, is checked
/// the full way by [`digest`]. `json` must be valid JSON.
pub fn digest_of_text(json: &str) -> Option<String> {
    let mut hasher = Sha256::new();
    feed_canonical_text(&mut hasher, json)?;
    Some(finish(hasher))
}

/// What bundle version 2's digest covers besides the contents: the envelope's fields.
pub enum Contents<'a> {
    /// Parsed, when the file is read the full way or was just built.
    Tree(&'a Value),
    /// As written in the file, read the quick way; `None` if not canonical.
    Text(&'a str),
}

/// The digest of bundle version 2: the canonical text of one object holding the
/// envelope's `fields` (every field but `digest`, `contents` and `encrypted`) and
/// `contents`, the readable contents (for an encrypted bundle, once decrypted). Changing
/// the kind, the sender or the date then breaks the digest as changing the contents does.
pub fn envelope_digest(fields: &Map<String, Value>, contents: Contents<'_>) -> Option<String> {
    let mut hasher = Hashing(Sha256::new());
    let mut keys: Vec<&str> = fields
        .keys()
        .map(String::as_str)
        .filter(|k| *k != CONTENTS)
        .chain([CONTENTS])
        .collect();
    keys.shared_sort();
    let _ = hasher.write_all(b"{");
    for (i, key) in keys.into_iter().enumerate() {
        if i > 0 {
            let _ = hasher.write_all(b",");
        }
        let _ = serde_json::to_writer(&mut hasher, key);
        let _ = hasher.write_all(b":");
        match (key, &contents) {
            (CONTENTS, Contents::Tree(tree)) => write_canonical(tree, &mut hasher),
            (CONTENTS, Contents::Text(text)) => feed_canonical_text(&mut hasher.0, text)?,
            (key, _) => write_canonical(&fields[key], &mut hasher),
        }
    }
    let _ = hasher.write_all(b"}");
    Some(finish(hasher.0))
}

const CONTENTS: &str = "contents";

/// Feeds `json` into the hash without the white space between its tokens, checking on
/// the way that the text is canonical (see [`digest_of_text`]). Most of a bundle is
/// inside strings, which are skipped from quote to backslash to quote (memchr reads a
/// word at a time); only the bytes between strings are looked at one by one.
fn feed_canonical_text(hasher: &mut Sha256, json: &str) -> Option<()> {
    struct Level {
        object: bool,
        expect_key: bool,
        /// The previous key of this object, as a range of `bytes`.
        last_key: Option<(usize, usize)>,
    }
    let bytes = json.as_bytes();
    let mut levels: Vec<Level> = Vec::new();
    // Bytes from `run` on are not hashed yet; they go into the hash in whole runs.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                let mut escaped = false;
                i += 1;
                loop {
                    match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
                        Some(k) if bytes[i + k] == b'\\' => {
                            escaped = true;
                            i = (i + k + 2).min(bytes.len());
                        }
                        Some(k) => {
                            i += k + 1;
                            break;
                        }
                        None => {
                            i = bytes.len();
                            break;
                        }
                    }
                }
                if let Some(level) = levels.last_mut() {
                    if level.object && level.expect_key {
                        level.expect_key = false;
                        // An escaped key may be spelled in more than one way.
                        if escaped {
                            return None;
                        }
                        let key = (start, i.saturating_sub(1).max(start));
                        if let Some((a, b)) = level.last_key {
                            if bytes[key.0..key.1] <= bytes[a..b] {
                                return None;
                            }
                        }
                        level.last_key = Some(key);
                    }
                }
            }
            b'{' | b'[' => {
                levels.push(Level {
                    object: bytes[i] == b'{',
                    expect_key: bytes[i] == b'{',
                    last_key: None,
                });
                i += 1;
            }
            b'}' | b']' => {
                levels.pop();
                i += 1;
            }
            b',' => {
                if let Some(level) = levels.last_mut() {
                    level.expect_key = level.object;
                }
                i += 1;
            }
            b if is_blank(b) => {
                feed(hasher, &bytes[run..i]);
                while i < bytes.len() && is_blank(bytes[i]) {
                    i += 1;
                }
                run = i;
            }
            _ => i += 1,
        }
    }
    feed(hasher, &bytes[run..]);
    Some(())
}

/// Hashes `bytes` in pieces of 16 KiB. V8 starts every wasm function in baseline code and
/// moves it to optimised code only at a later *call*, so whatever `update` inlines of the
/// hashing runs unoptimised through one call over megabytes of compact JSON. A/B in the
/// browser at `opt-level = "z"`, 5 MB: 68–72 ms in one call, 46–62 ms in pieces; with
/// `sha2` at `opt-level = 3` (rounds inlined) one call took 346 ms (docs/performance.md).
fn feed(hasher: &mut Sha256, bytes: &[u8]) {
    for piece in bytes.chunks(PIECE) {
        hasher.update(piece);
    }
}

/// A multiple of SHA-256's block of 64 bytes, so the pieces need no buffering between them.
const PIECE: usize = 16 * 1024;

/// JSON's white space between tokens.
fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t')
}

fn finish(hasher: Sha256) -> String {
    let hash = hasher.finalize();
    let mut out = String::with_capacity(PREFIX.len() + 64);
    out.push_str(PREFIX);
    for byte in hash {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

struct Hashing(Sha256);

impl std::io::Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn write_canonical<W: Write>(value: &Value, out: &mut W) {
    // Writing into the hasher cannot fail; serde_json formats scalars and escapes
    // strings exactly as its `to_string` does.
    match value {
        Value::Object(map) => {
            // serde_json's map is sorted unless a dependency turns on `preserve_order`;
            // sorting here keeps the digest the same in every build either way.
            let mut keys: Vec<&String> = map.keys().collect();
            keys.shared_sort();
            let _ = out.write_all(b"{");
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    let _ = out.write_all(b",");
                }
                let _ = serde_json::to_writer(&mut *out, key);
                let _ = out.write_all(b":");
                write_canonical(&map[key], out);
            }
            let _ = out.write_all(b"}");
        }
        Value::Array(items) => {
            let _ = out.write_all(b"[");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    let _ = out.write_all(b",");
                }
                write_canonical(item, out);
            }
            let _ = out.write_all(b"]");
        }
        other => {
            let _ = serde_json::to_writer(&mut *out, other);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_order_does_not_change_the_digest() {
        let a: Value = serde_json::from_str(r#"{"b":1,"a":{"y":[1,2],"x":"é"}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{ "a": {"x":"é", "y":[1,2]}, "b": 1 }"#).unwrap();
        assert_eq!(digest(&a), digest(&b));
        let c: Value = serde_json::from_str(r#"{"b":2,"a":{"y":[1,2],"x":"é"}}"#).unwrap();
        assert_ne!(digest(&a), digest(&c));
    }

    #[test]
    fn the_streamed_text_is_the_canonical_text() {
        // The canonical form spelled out the slow way: sorted keys, no white space.
        fn canonical(v: &Value) -> String {
            match v {
                Value::Object(map) => {
                    let mut keys: Vec<&String> = map.keys().collect();
                    keys.sort();
                    let items: Vec<String> = keys
                        .into_iter()
                        .map(|k| format!("{}:{}", Value::String(k.clone()), canonical(&map[k])))
                        .collect();
                    format!("{{{}}}", items.join(","))
                }
                Value::Array(items) => {
                    let items: Vec<String> = items.iter().map(canonical).collect();
                    format!("[{}]", items.join(","))
                }
                other => other.to_string(),
            }
        }
        let doc = crate::model::sample::document(
            3,
            "Zoë \"<b>\" 😀",
            &crate::model::sample::Size::REALISTIC,
        );
        let value = serde_json::to_value(&doc).unwrap();
        let mut streamed = Vec::new();
        write_canonical(&value, &mut streamed);
        assert_eq!(String::from_utf8(streamed).unwrap(), canonical(&value));
    }

    #[test]
    fn the_text_digest_agrees_with_the_tree_digest_for_text_leerspoor_writes() {
        let doc = crate::model::sample::document(
            4,
            "Zoë \"<b>\" 😀 \\ \n tab\t",
            &crate::model::sample::Size::REALISTIC,
        );
        let value = serde_json::to_value(&doc).unwrap();
        let expected = digest(&value);
        assert_eq!(
            digest_of_text(&serde_json::to_string(&value).unwrap()),
            Some(expected.clone())
        );
        assert_eq!(
            digest_of_text(&serde_json::to_string_pretty(&value).unwrap()),
            Some(expected)
        );
        // White space inside strings counts: it is data.
        let a = digest_of_text(r#"{"a":"x y"}"#);
        assert_ne!(a, digest_of_text(r#"{"a":"xy"}"#));
        assert_eq!(a, digest_of_text("{ \"a\" :\n\t\"x y\" }"));
        // An escaped backslash at a string's end does not hide the closing quote.
        let text = r#"{"a" : "x\\" , "b" :  [ "\\\"" , 1 ] }"#;
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(digest_of_text(text), Some(digest(&value)));
        // An escaped quote does not end a string.
        assert_eq!(
            digest_of_text(r#"{"a":"q\" r"}"#),
            Some(digest(&serde_json::json!({"a": "q\" r"})))
        );
    }

    #[test]
    fn text_that_is_not_canonical_has_no_text_digest_and_needs_the_tree() {
        // Another key order, at the top or deeper down.
        assert_eq!(digest_of_text(r#"{"b":1,"a":2}"#), None);
        assert_eq!(digest_of_text(r#"{"a":[{"y":1,"x":2}]}"#), None);
        // A key twice, or a key spelled with an escape.
        assert_eq!(digest_of_text(r#"{"a":1,"a":2}"#), None);
        assert_eq!(digest_of_text(r#"{"\u0061":1}"#), None);
        // Keys compare by code point, as the tree sorts them; values may hold anything.
        assert!(digest_of_text(r#"{"Z":1,"a":"b,a:\"","é":{}}"#).is_some());
        assert!(digest_of_text(r#"[{"a":1},{"a":1}]"#).is_some());
    }

    #[test]
    fn the_envelope_digest_is_the_digest_of_one_object_with_the_contents() {
        let contents = serde_json::json!({"b": [1, 2], "a": "x"});
        let fields = serde_json::json!({"kind": "participant", "app": "0.1.0"});
        let fields = fields.as_object().unwrap();
        let whole =
            serde_json::json!({"kind": "participant", "app": "0.1.0", "contents": contents});
        let expected = digest(&whole);
        assert_eq!(
            envelope_digest(fields, Contents::Tree(&contents)),
            Some(expected.clone())
        );
        let pretty = serde_json::to_string_pretty(&contents).unwrap();
        assert_eq!(
            envelope_digest(fields, Contents::Text(&pretty)),
            Some(expected.clone())
        );
        assert_eq!(
            envelope_digest(fields, Contents::Text(r#"{"b":[1,2],"a":"x"}"#)),
            None
        );
        let other = serde_json::json!({"kind": "feedback", "app": "0.1.0"});
        assert_ne!(
            envelope_digest(other.as_object().unwrap(), Contents::Tree(&contents)),
            Some(expected)
        );
    }

    #[test]
    fn the_digest_is_sha256_of_the_canonical_text() {
        // sha256("{}") as printed by `printf '{}' | sha256sum`.
        let empty = serde_json::json!({});
        assert_eq!(
            digest(&empty),
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
    }
}
