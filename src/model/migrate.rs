//! Steps from each older schema to the next, on raw JSON, so an old shape never has to
//! be expressible in today's types. The restore door calls this; it knows nothing of
//! the door.

use serde_json::Value;

use super::SCHEMA_VERSION;

/// The oldest schema this build can still read.
pub const OLDEST_SUPPORTED: u32 = 1;

/// Why a document cannot be brought to the current schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MigrateError {
    /// Older than any schema this build knows, or a gap in the steps.
    Unknown {
        found: u32,
    },
    Newer {
        found: u32,
        supported: u32,
    },
}

pub fn migrate(mut value: Value, from: u32) -> Result<Value, MigrateError> {
    if from < OLDEST_SUPPORTED {
        return Err(MigrateError::Unknown { found: from });
    }
    if from > SCHEMA_VERSION {
        return Err(MigrateError::Newer {
            found: from,
            supported: SCHEMA_VERSION,
        });
    }
    let mut version = from;
    while version < SCHEMA_VERSION {
        value = step(value, version)?;
        version += 1;
    }
    if let Value::Object(map) = &mut value {
        map.insert("schema".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(value)
}

/// One schema step: from `version` to `version + 1`.
///
/// - 1 → 2: development goals may carry a begeleider's `feedback`. Nothing in a v1
///   document changes; the step exists so that a v1 build meeting a v2 document refuses
///   it as newer instead of reading it and dropping the goal feedback on its next save.
/// - 2 → 3: a case may carry a solution-focused `frame`. A v2 case has none, which is
///   what a missing key means (`Case::frame` is optional), so again nothing changes; the
///   step is there for the same reason as 1 → 2. The fixture
///   `tests/fixtures/schema/v2.json` is a full v2 document without frames.
/// - 3 → 4: a case may carry story plans and the self-scan rating requests; a v3 document
///   has neither, which is what the missing keys mean, so nothing changes. The fixture
///   `tests/fixtures/schema/v3.json` is a v3 document with a frame.
fn step(value: Value, version: u32) -> Result<Value, MigrateError> {
    match version {
        1..=3 => Ok(value),
        _ => Err(MigrateError::Unknown { found: version }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schema_outside_the_known_steps_is_named() {
        assert_eq!(
            migrate(Value::Null, 0),
            Err(MigrateError::Unknown { found: 0 })
        );
        assert_eq!(
            migrate(Value::Null, SCHEMA_VERSION + 1),
            Err(MigrateError::Newer {
                found: SCHEMA_VERSION + 1,
                supported: SCHEMA_VERSION
            })
        );
        let v1 = serde_json::json!({"schema": 1});
        assert_eq!(migrate(v1, 1).unwrap()["schema"], SCHEMA_VERSION);
        let v2 = serde_json::json!({"schema": 2, "journal": {"cases": [{"title": "Plein"}]}});
        assert_eq!(
            migrate(v2, 2).unwrap(),
            serde_json::json!({"schema": SCHEMA_VERSION, "journal": {"cases": [{"title": "Plein"}]}})
        );
    }
}
