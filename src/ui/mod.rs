//! Leptos views. They read the model and call its functions; rules live in `model`, and
//! storage is reached only through `state`.

pub(crate) mod address;
mod app;
pub mod components;
mod crash;
pub(crate) mod crypto;
pub mod draft;
pub(crate) mod edition;
pub(crate) mod files;
pub mod i18n;
pub(crate) mod offline;
mod pages;
pub mod state;
pub(crate) mod time;

/// Entry point of the wasm build.
pub fn start() {
    // The benchmark splits start-up at this mark: loading and compiling the wasm before
    // it, the app's own work (reading storage, first render) after it.
    mark("leerspoor-start");
    // A panic shows a message with a way to save the data, never a blank page.
    crash::install();
    // Before the router reads or writes the address (single file only).
    edition::install_file_history();
    leptos::mount::mount_to_body(|| {
        // Inside the mount so the state's context belongs to the app's reactive owner.
        state::init();
        // Once, outside the closure below that re-mounts the app on a language switch.
        offline::init();
        let lang = i18n::init();
        move || {
            i18n::apply(leptos::prelude::Get::get(&lang));
            leptos::view! { <app::App/> }
        }
    });
    remove_loading_notice();
    // A mark tests and the benchmark wait for: the app has mounted and is interactive.
    mark("leerspoor-mounted");
    if let Some(window) = web_sys::window() {
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-leerspoor", "ready");
        }
    }
    crash::panic_if_asked();
}

/// index.html's "wordt geladen" notice, shown until the app (or the crash screen) is there.
pub(crate) fn remove_loading_notice() {
    if let Some(notice) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("laden"))
    {
        notice.remove();
    }
}

fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// A performance mark `<name>-start`, for a piece of work that spans several tasks;
/// [`measure_from_start`] ends it.
pub(crate) fn mark_start(name: &str) {
    mark(&format!("{name}-start"));
}

/// Records, as a measure named `name`, the time since [`mark_start`]`(name)`.
pub(crate) fn measure_from_start(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let (start, end) = (format!("{name}-start"), format!("{name}-end"));
        let _ = perf.mark(&end);
        let _ = perf.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
}

/// Runs `work` and records its duration as a performance measure named `name`, so the
/// benchmark can say where the time of a long operation (an import) goes. Costs nothing
/// worth naming; nothing reads it but the benchmark and the browser's developer tools.
pub(crate) fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let perf = web_sys::window().and_then(|w| w.performance());
    let (start, end) = (format!("{name}-start"), format!("{name}-end"));
    if let Some(perf) = &perf {
        let _ = perf.mark(&start);
    }
    let result = work();
    if let Some(perf) = &perf {
        let _ = perf.mark(&end);
        let _ = perf.measure_with_start_mark_and_end_mark(name, &start, &end);
    }
    result
}
