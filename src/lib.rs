//! Leerspoor: a participant's self-scan, case journal and network map, kept in the browser.
//!
//! `model` and the pure parts of `storage` build natively so that `cargo test` pins the rules
//! without a browser; `ui` and the localStorage backend exist only on wasm32.

pub mod model;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
