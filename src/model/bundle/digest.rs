//! The integrity digest of a bundle's contents: SHA-256 over a canonical JSON text (object
//! keys sorted at every level, no white space), so that any reader gets the same bytes
//! from the same value whatever order a writer used.

use serde_json::Value;
use sha2::{Digest, Sha256};

pub const PREFIX: &str = "sha256:";

pub fn digest(value: &Value) -> String {
    // The canonical text goes straight into the hash: a 5 MB bundle never exists twice
    // in memory, and no string is allocated per key or value.
    let mut hasher = Hashing(Sha256::new());
    write_canonical(value, &mut hasher);
    let hash = hasher.0.finalize();
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
            keys.sort();
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
    fn the_digest_is_sha256_of_the_canonical_text() {
        // sha256("{}") as printed by `printf '{}' | sha256sum`.
        let empty = serde_json::json!({});
        assert_eq!(
            digest(&empty),
            "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
        );
    }
}
