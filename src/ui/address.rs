//! A page's state kept in its address (`?key=value&…`), so Back and a reload find the
//! page as it was left: the journal's search and *Mijn leerspoor*'s filter.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// `path` with the query of `pairs`, each value escaped; `path` alone when there are none.
pub fn href(path: &str, pairs: &[(&str, String)]) -> String {
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", String::from(js_sys::encode_uri_component(v))))
        .collect();
    if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// Keeps the address at `href()` as it changes, replacing the history entry (a filter is
/// not a step Back should undo) and leaving the scroll where it is. The first value is
/// the address the page was opened at, so it is not written again.
pub fn keep_in_address(href: impl Fn() -> String + 'static) {
    let navigate = use_navigate();
    Effect::new(move |first_done: Option<()>| {
        let to = href();
        if first_done.is_some() {
            navigate(
                &to,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            );
        }
    });
}
