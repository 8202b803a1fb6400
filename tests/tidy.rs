//! Tidy: the architecture's rules (ARCHITECTURE.md, "Invariants"), checked on the source
//! text by `cargo test`, as rust-analyzer's `xtask/src/tidy.rs` does. Each failure names
//! the file and line, and says what to do instead.
//!
//! The checks read text, not syntax: a rule's pattern in a comment counts too (write the
//! comment another way), and everything from a file's first `#[cfg(test)]` on is test
//! code, which the rules leave alone.

use std::fs;
use std::path::{Path, PathBuf};

/// One rule: where it applies, what it refuses, and what to do instead.
struct Rule {
    name: &'static str,
    /// Applies to files whose path (from the crate root, with `/`) starts with one of these.
    under: &'static [&'static str],
    /// ... except these files or folders.
    except: &'static [&'static str],
    /// A line breaks the rule when it contains one of these.
    patterns: &'static [&'static str],
    instead: &'static str,
}

const RULES: &[Rule] = &[
    Rule {
        name: "the model knows nothing of the browser",
        under: &["src/model/"],
        except: &[],
        patterns: &["web_sys", "wasm_bindgen", "leptos", "js_sys", "gloo"],
        instead: "keep src/model plain Rust: take what the browser knows (today, now, the \
                  language) as an argument, and do the browser's part in src/ui or src/storage",
    },
    Rule {
        name: "views reach storage only through the state module",
        under: &["src/ui/"],
        except: &["src/ui/state/"],
        patterns: &[
            "storage::local",
            "LocalBackend",
            "MemoryBackend",
            "Backend",
            "Store::",
            "Workspace::new",
            "localStorage",
            "local_storage",
        ],
        instead: "call AppState (src/ui/state) or ui::state::workspace::with_workspace; only \
                  src/ui/state opens storage",
    },
    Rule {
        name: "a view never formats a date itself",
        under: &["src/ui/"],
        except: &[],
        patterns: &[".format(\"%"],
        instead: "use crate::ui::time (moment, date_of, iso_date): it converts to the \
                  browser's local time and words it with Lang::moment/date",
    },
    Rule {
        name: "the state module returns typed errors, and words nothing",
        under: &["src/ui/state/"],
        except: &[],
        patterns: &[", String>", "ui::i18n", "super::i18n", "lang()"],
        instead: "return an error enum that carries data, with `fn message(&self, lang: Lang)`; \
                  the views word it (this also keeps ui::i18n -> ui::state one-way)",
    },
    Rule {
        name: "every sort goes through model::order",
        under: &["src/"],
        except: &["src/model/order.rs"],
        patterns: &[
            ".sort()",
            ".sort_by(",
            ".sort_by_key(",
            ".sort_by_cached_key(",
            ".sort_unstable",
        ],
        instead: "use crate::model::order::SharedSort (shared_sort, shared_sort_by, \
                  shared_sort_by_key): each std sort call is another copy of the sort in the wasm",
    },
    Rule {
        name: "JSON trees are made by way of the text",
        under: &["src/"],
        except: &[],
        patterns: &["to_value(", "from_value("],
        instead: "use crate::model::restore::{encode_tree, decode_tree}: serde_json's \
                  to_value/from_value put every Serialize and Deserialize impl in the wasm a \
                  second time (about 60 KiB gzip for Document alone)",
    },
    Rule {
        name: "one translation style",
        under: &["src/"],
        // `t` itself is `lang().pick`.
        except: &["src/ui/i18n.rs"],
        patterns: &["_in_dutch(", "_in_english(", "lang().pick("],
        instead: "write Dutch and English side by side where the text is used: t(nl, en) in \
                  views (formatted text too: t(format!(..), format!(..))), lang.pick(nl, en) \
                  where the language is an argument",
    },
    Rule {
        name: "a field's limit is the model's",
        under: &["src/ui/"],
        except: &[],
        patterns: &["maxlength=\"", "max=1", "max=2", "max=3", "max=5"],
        instead: "maxlength=limits::LINE.to_string() (model::validation::limits, or the \
                  model's own constant): an import refuses a text over the limit, so the \
                  form must stop at the same one",
    },
    Rule {
        name: "one translation style: no match on the language in views",
        under: &["src/ui/"],
        except: &["src/ui/i18n.rs"],
        patterns: &["Lang::Nl =>", "Lang::En =>"],
        instead: "t(format!(..), format!(..)) instead of a match on the language",
    },
];

fn crate_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's lines up to its test code, numbered from 1, with `//` comments that start
/// a line left out (doc comments included: they explain, they do not do).
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, line)| !line.trim_start().starts_with("#[cfg(test)]"))
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(i, line)| (i + 1, line))
}

fn is_test_file(path: &str) -> bool {
    path.ends_with("/tests.rs") || path.contains("/tests/") || path.ends_with("/properties.rs")
}

/// The source files under `dir` (from the crate root), test files left out, in a fixed
/// order: each with its path (from the crate root, with `/`) and its text.
fn source_files(dir: &str) -> Vec<(String, String)> {
    let root = crate_root();
    let mut files = Vec::new();
    rust_files(&root.join(dir), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|file| {
            let rel = file
                .strip_prefix(&root)
                .map(|p| p.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default();
            let text = fs::read_to_string(&file).ok()?;
            (!is_test_file(&rel)).then_some((rel, text))
        })
        .collect()
}

fn violations() -> Vec<String> {
    let mut found = Vec::new();
    for (rel, text) in source_files("src") {
        for rule in RULES {
            let applies = rule.under.iter().any(|u| rel.starts_with(u))
                && !rule.except.iter().any(|e| rel.starts_with(e));
            if !applies {
                continue;
            }
            for (n, line) in code_lines(&text) {
                if let Some(p) = rule.patterns.iter().find(|p| line.contains(*p)) {
                    found.push(format!(
                        "{rel}:{n}: {} (found `{p}`)\n    {}\n    instead: {}",
                        rule.name,
                        line.trim(),
                        rule.instead
                    ));
                }
            }
        }
    }
    found
}

/// Every text area that stores what is typed has a `maxlength`: an import refuses a text
/// over its limit (`Document::check_limits`), so a profile whose text passed it could no
/// longer be restored from its own bundle. The CSV paste fields are read, not stored, and
/// their reader says when a paste is too large.
fn text_areas_without_a_limit() -> Vec<String> {
    let mut found = Vec::new();
    for (rel, text) in source_files("src/ui") {
        let mut rest = text.as_str();
        while let Some(at) = rest.find("<textarea") {
            let tag = &rest[at..];
            let end = tag.find("</textarea>").unwrap_or(tag.len());
            let element = &tag[..end];
            let line = text.len() - rest.len() + at;
            let line = text[..line].lines().count();
            if !element.contains("maxlength") && !element.contains("id=\"import-") {
                found.push(format!("{rel}:{line}: a <textarea> without a maxlength"));
            }
            rest = &tag[end.min(tag.len())..];
            if rest.starts_with("<textarea") {
                rest = &rest["<textarea".len()..];
            }
        }
    }
    found
}

#[test]
fn every_stored_text_area_has_the_models_limit() {
    let found = text_areas_without_a_limit();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_layers_keep_their_rules() {
    let found = violations();
    assert!(
        found.is_empty(),
        "{} place(s) break the architecture's rules (ARCHITECTURE.md, Invariants):\n\n{}\n",
        found.len(),
        found.join("\n\n")
    );
}

/// The checker itself must be able to fail: each rule's first pattern, placed in a file
/// the rule covers, is reported.
#[test]
fn each_rule_catches_its_pattern() {
    for rule in RULES {
        let line = format!("    let x = {};", rule.patterns[0]);
        let caught = code_lines(&line).any(|(_, l)| rule.patterns.iter().any(|p| l.contains(p)));
        assert!(caught, "rule '{}' misses its own pattern", rule.name);
    }
    // Test code and comments are left alone.
    let text = "// .sort()\nfn a() {}\n#[cfg(test)]\nmod tests { fn b() { v.sort(); } }";
    assert!(code_lines(text).all(|(_, l)| !l.contains(".sort()")));
}
