use leptos::prelude::*;

fn main() {
    // The same marks Leerspoor sets: when its own code starts, and when it has mounted.
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("leerspoor-start");
    }
    leptos::mount::mount_to_body(|| view! { <main><h1>"Hallo, wereld"</h1></main> });
    if let Some(window) = web_sys::window() {
        if let Some(perf) = window.performance() {
            let _ = perf.mark("leerspoor-mounted");
        }
        if let Some(root) = window.document().and_then(|d| d.document_element()) {
            let _ = root.set_attribute("data-leerspoor", "ready");
        }
    }
}
