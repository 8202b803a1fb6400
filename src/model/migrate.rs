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

/// One schema step: from `version` to `version + 1`. None exist yet; the first change
/// to the stored shape adds its arm here.
fn step(_value: Value, version: u32) -> Result<Value, RestoreError> {
    Err(RestoreError::UnknownSchema { found: version })
}
