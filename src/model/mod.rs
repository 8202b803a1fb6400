//! The domain: plain Rust, no browser. Every rule about Leerspoor's data lives here.
//!
//! Data flows in through exactly one door, [`restore`]: stored documents and imported
//! bundles alike are parsed, migrated, validated and normalised there before the app
//! accepts them.

pub mod bundle;
pub mod concurrent;
pub mod document;
pub mod feedback;
pub mod folder;
pub mod id;
pub mod journal;
pub mod lang;
pub mod migrate;
pub mod network;
pub mod order;
pub mod profile;
pub mod reminder;
pub mod restore;
pub mod rng;
pub mod sample;
pub mod selfscan;
pub mod track;
pub mod validation;
pub mod workspace;

pub use document::{Document, SCHEMA_VERSION};

/// The `format` of a framework file, so that importing one in the wrong place can say so.
pub const FRAMEWORK_FORMAT: &str = "leerspoor-kader";
pub use id::Id;
pub use lang::Lang;
pub use profile::{Profile, Role};
