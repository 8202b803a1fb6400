//! The integrity digest of a bundle's contents: SHA-256 over a canonical JSON text (object
//! keys sorted at every level, no white space), so that any reader gets the same bytes
//! from the same value whatever order a writer used.

use serde_json::Value;
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
/// left out. Leerspoor writes a bundle's contents with sorted keys, so this is the
/// canonical text of a bundle as exported, pretty-printed or not: when it matches the
/// recorded digest the text *is* the canonical form, and a 5 MB bundle is checked in
/// one pass over its bytes instead of being built as a tree, sorted and written again.
/// A file another program rewrote (other key order, other escapes) does not match and
/// is checked the full way by [`digest`]. `json` must be valid JSON.
pub fn digest_of_text(json: &str) -> String {
    let mut hasher = Sha256::new();
    let bytes = json.as_bytes();
    // Bytes from `run` on are not hashed yet; they go into the hash in whole runs.
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // Most of a bundle is inside strings: jump from quote to backslash to
                // quote (memchr reads a word at a time) instead of testing every byte.
                i += 1;
                loop {
                    match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
                        Some(k) if bytes[i + k] == b'\\' => i = (i + k + 2).min(bytes.len()),
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
            }
            b if is_blank(b) => {
                feed(&mut hasher, &bytes[run..i]);
                while i < bytes.len() && is_blank(bytes[i]) {
                    i += 1;
                }
                run = i;
            }
            _ => i += 1,
        }
    }
    feed(&mut hasher, &bytes[run..]);
    finish(hasher)
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

fn write_canonical<W: std::io::Write>(value: &Value, out: &mut W) {
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
            expected
        );
        assert_eq!(
            digest_of_text(&serde_json::to_string_pretty(&value).unwrap()),
            expected
        );
        // White space inside strings counts: it is data.
        let a = digest_of_text(r#"{"a":"x y"}"#);
        assert_ne!(a, digest_of_text(r#"{"a":"xy"}"#));
        assert_eq!(a, digest_of_text("{ \"a\" :\n\t\"x y\" }"));
        // An escaped backslash at a string's end does not hide the closing quote.
        let text = r#"{"a" : "x\\" , "b" :  [ "\\\"" , 1 ] }"#;
        let value: Value = serde_json::from_str(text).unwrap();
        assert_eq!(digest_of_text(text), digest(&value));
        // An escaped quote does not end a string.
        assert_eq!(
            digest_of_text(r#"{"a":"q\" r"}"#),
            digest(&serde_json::json!({"a": "q\" r"}))
        );
    }

    #[test]
    fn text_in_another_key_order_does_not_match_and_needs_the_tree() {
        let text = r#"{"b":1,"a":2}"#;
        let value: Value = serde_json::from_str(text).unwrap();
        assert_ne!(digest_of_text(text), digest(&value));
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
