#[cfg(target_arch = "wasm32")]
fn main() {
    leerspoor::ui::start();
}

// Natively there is nothing to run: the crate's native face is its tests.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Leerspoor runs in the browser: see README.md (./dev.sh serve).");
}
