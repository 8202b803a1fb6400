//! A framework as a file of its own, so a course can hand its rubric to every participant:
//! `{"format": "leerspoor-kader", "schema": 1, "framework": {...}}`.

use serde::Serialize;
use serde_json::Value;

use super::framework::Framework;
use super::framework_error::FrameworkError;
use crate::model::restore::{decode_tree, parse_json, RestoreError};
use crate::model::FRAMEWORK_FORMAT;

/// The envelope version this build writes and reads.
pub const FRAMEWORK_SCHEMA: u32 = 1;

/// A rubric is a few dozen kilobytes; anything far larger is the wrong file.
pub const MAX_FRAMEWORK_BYTES: usize = 2 * 1024 * 1024;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    schema: u32,
    framework: &'a Framework,
}

/// The text of a framework file.
pub fn export_framework(framework: &Framework) -> String {
    let envelope = Envelope {
        format: FRAMEWORK_FORMAT,
        schema: FRAMEWORK_SCHEMA,
        framework,
    };
    // Serialising plain structs with string keys cannot fail.
    serde_json::to_string_pretty(&envelope).unwrap_or_default()
}

/// A file name that says what and which version, e.g. `kader-adviseur-stadsbeheer-v2.json`.
pub fn export_file_name(framework: &Framework) -> String {
    let id = super::framework::slug(&framework.id);
    let id = if id.is_empty() {
        "kader".to_string()
    } else {
        id
    };
    format!("kader-{id}-v{}.json", framework.version)
}

/// Text in, a checked and trimmed framework out, or the first thing that is wrong.
/// Pure: the caller's data is untouched whatever the outcome.
pub fn parse_framework(text: &str) -> Result<Framework, FrameworkError> {
    let value = parse_json(text, MAX_FRAMEWORK_BYTES).map_err(|e| match e {
        RestoreError::Empty => FrameworkError::Empty,
        RestoreError::TooLarge { bytes, max } => FrameworkError::TooLarge { bytes, max },
        RestoreError::NotJson { line, column } => FrameworkError::NotJson { line, column },
        RestoreError::TooDeep => FrameworkError::TooDeep,
        _ => FrameworkError::NotAnObject,
    })?;
    let Value::Object(mut map) = value else {
        return Err(FrameworkError::NotAnObject);
    };
    match map.get("format") {
        Some(Value::String(f)) if f == FRAMEWORK_FORMAT => {}
        Some(Value::String(f)) if f.starts_with("leerspoor") => {
            return Err(FrameworkError::IsBundle { format: f.clone() })
        }
        Some(Value::String(f)) => {
            return Err(FrameworkError::WrongFormat {
                found: Some(f.clone()),
            })
        }
        None if map.contains_key("profile") => return Err(FrameworkError::IsProfile),
        _ => return Err(FrameworkError::WrongFormat { found: None }),
    }
    let schema = map
        .get("schema")
        .and_then(Value::as_u64)
        .filter(|&n| n >= 1)
        .ok_or(FrameworkError::MissingSchema)?;
    if schema > u64::from(FRAMEWORK_SCHEMA) {
        return Err(FrameworkError::NewerSchema {
            found: u32::try_from(schema).unwrap_or(u32::MAX),
            supported: FRAMEWORK_SCHEMA,
        });
    }
    let inner = map
        .remove("framework")
        .ok_or(FrameworkError::MissingFramework)?;
    if !inner.is_object() {
        return Err(FrameworkError::FrameworkNotAnObject);
    }
    let mut framework: Framework = decode_tree(&inner).map_err(FrameworkError::Shape)?;
    framework.normalise();
    framework.check()?;
    Ok(framework)
}

#[cfg(test)]
mod tests {
    use super::super::default_framework::default_framework;
    use super::super::test_support::small_framework;
    use super::*;
    use crate::model::Lang;
    use serde_json::json;

    fn file(framework: Value) -> String {
        json!({"format": "leerspoor-kader", "schema": 1, "framework": framework}).to_string()
    }

    fn small_value() -> Value {
        serde_json::to_value(small_framework()).unwrap()
    }

    #[test]
    fn export_then_parse_gives_the_same_framework() {
        let fw = default_framework();
        let text = export_framework(&fw);
        assert!(text.contains("\"format\": \"leerspoor-kader\""));
        assert_eq!(parse_framework(&text), Ok(fw));
    }

    #[test]
    fn the_file_name_names_id_and_version() {
        let mut fw = small_framework();
        fw.version = 3;
        assert_eq!(export_file_name(&fw), "kader-klein-v3.json");
    }

    #[test]
    fn not_json_and_not_an_object_are_named() {
        assert_eq!(parse_framework(""), Err(FrameworkError::Empty));
        assert_eq!(
            parse_framework("{\n  \"format\": "),
            Err(FrameworkError::NotJson {
                line: 2,
                column: 12
            })
        );
        assert_eq!(parse_framework("[]"), Err(FrameworkError::NotAnObject));
        let err = parse_framework("%PDF").unwrap_err();
        assert!(err.message(Lang::Nl).contains("geen leesbare JSON"));
        assert!(err
            .message(Lang::En)
            .starts_with("This is not readable JSON"));
    }

    #[test]
    fn a_profile_or_bundle_is_recognised() {
        let profile = json!({"schema": 1, "profile": {"name": "Sanne"}}).to_string();
        assert_eq!(parse_framework(&profile), Err(FrameworkError::IsProfile));
        let bundle = json!({"format": "leerspoor-bundel", "schema": 1}).to_string();
        let err = parse_framework(&bundle).unwrap_err();
        assert_eq!(
            err,
            FrameworkError::IsBundle {
                format: "leerspoor-bundel".into()
            }
        );
        assert!(err.message(Lang::Nl).contains("Leerspoor-bundel"));
        let other = json!({"format": "excalidraw"}).to_string();
        assert_eq!(
            parse_framework(&other),
            Err(FrameworkError::WrongFormat {
                found: Some("excalidraw".into())
            })
        );
        assert_eq!(
            parse_framework(r#"{"name": "x"}"#),
            Err(FrameworkError::WrongFormat { found: None })
        );
    }

    #[test]
    fn schema_and_envelope_are_checked() {
        let no_schema = json!({"format": "leerspoor-kader", "framework": small_value()});
        assert_eq!(
            parse_framework(&no_schema.to_string()),
            Err(FrameworkError::MissingSchema)
        );
        let newer = json!({"format": "leerspoor-kader", "schema": 2, "framework": small_value()});
        assert_eq!(
            parse_framework(&newer.to_string()),
            Err(FrameworkError::NewerSchema {
                found: 2,
                supported: 1
            })
        );
        let bare = json!({"format": "leerspoor-kader", "schema": 1});
        assert_eq!(
            parse_framework(&bare.to_string()),
            Err(FrameworkError::MissingFramework)
        );
        let err = parse_framework(&file(json!([1]))).unwrap_err();
        assert_eq!(err, FrameworkError::FrameworkNotAnObject);
        assert!(err
            .message(Lang::Nl)
            .starts_with("Het kader heeft niet de verwachte vorm"));
        assert!(err
            .message(Lang::En)
            .ends_with("the field \u{201c}framework\u{201d} must be an object."));
    }

    #[test]
    fn wrong_types_name_the_field_without_serde_text() {
        let mut v = small_value();
        v["levels"][0]["number"] = json!("een");
        let err = parse_framework(&file(v)).unwrap_err();
        assert!(matches!(&err, FrameworkError::Shape(shape) if shape.field == "levels[0].number"));
        assert_eq!(
            err.message(Lang::Nl),
            "Het kader heeft niet de verwachte vorm. Veld “levels[0].number”: is de tekst “een”, maar moet een heel getal zijn."
        );
    }

    #[test]
    fn level_problems_are_named() {
        let mut v = small_value();
        v.as_object_mut().unwrap().remove("levels");
        assert_eq!(
            parse_framework(&file(v)),
            Err(FrameworkError::NoLevels { min: 4, max: 5 })
        );

        let mut v = small_value();
        v["levels"].as_array_mut().unwrap().pop();
        let err = parse_framework(&file(v)).unwrap_err();
        assert_eq!(
            err,
            FrameworkError::LevelCount {
                found: 3,
                min: 4,
                max: 5
            }
        );
        assert!(err.message(Lang::Nl).contains("3 niveaus"));
        assert!(err.message(Lang::En).contains("has 3 levels"));

        let mut v = small_value();
        for n in 5..=6 {
            v["levels"]
                .as_array_mut()
                .unwrap()
                .push(json!({"number": n, "label": "Extra"}));
        }
        assert_eq!(
            parse_framework(&file(v)),
            Err(FrameworkError::LevelCount {
                found: 6,
                min: 4,
                max: 5
            })
        );
    }

    #[test]
    fn five_levels_are_fine_when_every_indicator_has_five_texts() {
        let mut v = small_value();
        v["levels"]
            .as_array_mut()
            .unwrap()
            .push(json!({"number": 5, "label": "Expert"}));
        let err = parse_framework(&file(v.clone())).unwrap_err();
        assert_eq!(
            err,
            FrameworkError::DescriptorCount {
                indicator: "l1".into(),
                found: 4,
                expected: 5
            }
        );
        assert!(err.message(Lang::Nl).contains("4 niveaubeschrijvingen"));
        for area in v["areas"].as_array_mut().unwrap() {
            for c in area["competencies"].as_array_mut().unwrap() {
                for i in c["indicators"].as_array_mut().unwrap() {
                    i["descriptors"].as_array_mut().unwrap().push(json!("vijf"));
                }
            }
        }
        assert_eq!(parse_framework(&file(v)).map(|f| f.level_count()), Ok(5));
    }

    #[test]
    fn duplicate_ids_are_named_per_kind() {
        let mut v = small_value();
        v["areas"][1]["id"] = json!("netwerk");
        assert_eq!(
            parse_framework(&file(v)),
            Err(FrameworkError::DuplicateId {
                what: "gebied",
                id: "netwerk".into()
            })
        );
        let mut v = small_value();
        v["areas"][1]["competencies"][0]["id"] = json!(" lezen ");
        let err = parse_framework(&file(v)).unwrap_err();
        assert_eq!(
            err,
            FrameworkError::DuplicateId {
                what: "competentie",
                id: "lezen".into()
            }
        );
        assert!(err.message(Lang::Nl).contains("\u{201c}lezen\u{201d}"));
        assert_eq!(
            err.message(Lang::En),
            "The id \u{201c}lezen\u{201d} is used more than once for: competency."
        );
    }

    #[test]
    fn empty_names_are_named() {
        let mut v = small_value();
        v["areas"][0]["competencies"][1]["name"] = json!("  ");
        let err = parse_framework(&file(v)).unwrap_err();
        assert_eq!(
            err,
            FrameworkError::EmptyName {
                what: "competentie",
                id: "benutten".into()
            }
        );
        assert_eq!(
            err.message(Lang::Nl),
            "De naam van competentie \u{201c}benutten\u{201d} is leeg."
        );
        assert_eq!(
            err.message(Lang::En),
            "The name of competency \u{201c}benutten\u{201d} is empty."
        );
        assert_eq!(
            FrameworkError::EmptyId { what: "indicator" }.message(Lang::En),
            "An indicator in the framework has no id."
        );
        let mut v = small_value();
        v["name"] = json!("");
        assert_eq!(
            parse_framework(&file(v)),
            Err(FrameworkError::EmptyName {
                what: "kader",
                id: "klein".into()
            })
        );
        let mut v = small_value();
        v.as_object_mut().unwrap().remove("id");
        assert_eq!(
            parse_framework(&file(v)),
            Err(FrameworkError::EmptyId { what: "kader" })
        );
    }

    #[test]
    fn names_are_trimmed_and_missing_version_means_one() {
        let mut v = small_value();
        v["name"] = json!("  Klein kader ");
        v.as_object_mut().unwrap().remove("version");
        let fw = parse_framework(&file(v)).unwrap();
        assert_eq!(fw.name, "Klein kader");
        assert_eq!(fw.version, 1);
    }
}
