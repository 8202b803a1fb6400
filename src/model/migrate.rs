//! Steps from each older schema to the next, on raw JSON, so an old shape never has to
//! be expressible in today's types.

use serde_json::Value;

use super::restore::RestoreError;
use super::SCHEMA_VERSION;

/// The oldest schema this build can still read.
pub const OLDEST_SUPPORTED: u32 = 1;

pub fn migrate(mut value: Value, from: u32) -> Result<Value, RestoreError> {
    if from < OLDEST_SUPPORTED {
        return Err(RestoreError::UnknownSchema { found: from });
    }
    if from > SCHEMA_VERSION {
        return Err(RestoreError::NewerSchema {
            found: from,
            supported: SCHEMA_VERSION,
            app: None,
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
fn step(value: Value, version: u32) -> Result<Value, RestoreError> {
    match version {
        1 => Ok(value),
        _ => Err(RestoreError::UnknownSchema { found: version }),
    }
}
