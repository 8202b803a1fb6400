//! Which edition runs: the served web app, or the single file (`dist-single/leerspoor.html`,
//! made by `scripts/single-file.mjs`) opened from disk under `file://`.
//!
//! The single file keeps its data under its own key root, and needs its own routing: the
//! browser refuses `history.pushState` to another path of a `file:` URL (and a reload of
//! such a path would find no file), so the route is kept in the fragment instead:
//! `leerspoor.html#/zelfscan`. leptos_router still sees `/zelfscan` as the path, so every
//! page, link and `navigate` call works unchanged.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::storage::{FILE_ROOT, WEB_ROOT};

/// How the Back/Forward listener reaches the router: navigate to a route.
type Navigate = Box<dyn Fn(&str)>;

thread_local! {
    static SINGLE_FILE: Cell<Option<bool>> = const { Cell::new(None) };
    /// The router's navigation, once `FileRouting` has it; used on Back and Forward.
    static NAVIGATE: RefCell<Option<Navigate>> = const { RefCell::new(None) };
}

/// Whether this is the single file opened from disk.
pub fn is_single_file() -> bool {
    SINGLE_FILE.with(|cell| {
        *cell.get().get_or_insert_with(|| {
            web_sys::window()
                .and_then(|w| w.location().protocol().ok())
                .is_some_and(|p| p == "file:")
        })
    })
}

/// The root of this edition's storage keys (`storage::keys`).
pub fn key_root() -> &'static str {
    if is_single_file() {
        FILE_ROOT
    } else {
        WEB_ROOT
    }
}

/// Before the router starts: makes the router's `pushState`/`replaceState` to a path write
/// that path into the fragment of the file's own URL instead (the router calls these as
/// methods of `window.history`, so an own property on that object takes their place), and
/// answers Back and Forward from the fragment, since the router would read the file's
/// path and find no page there.
pub fn install_file_history() {
    if !is_single_file() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    // Registered before the router's own listener, so it runs first and can stop it.
    let on_popstate = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        ev.stop_immediate_propagation();
        // A fragment that is no route (the skip link's #main) leaves the page as it is.
        if let Some(route) = route_in_fragment() {
            NAVIGATE.with(|n| {
                if let Some(navigate) = n.borrow().as_ref() {
                    navigate(&route);
                }
            });
        }
    });
    let _ =
        window.add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget();
    let Ok(history) = window.history() else {
        return;
    };
    for name in ["pushState", "replaceState"] {
        let Ok(original) = js_sys::Reflect::get(&history, &JsValue::from_str(name))
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        else {
            continue;
        };
        let target = history.clone();
        let wrapper = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Result<JsValue, JsValue>>::new(
            move |state: JsValue, title: JsValue, url: JsValue| {
                let url = match url.as_string() {
                    Some(path) if path.starts_with('/') => JsValue::from_str(&format!("#{path}")),
                    _ => url,
                };
                original.call3(&target, &state, &title, &url)
            },
        );
        let _ = js_sys::Reflect::set(&history, &JsValue::from_str(name), wrapper.as_ref());
        // Lives as long as the page.
        wrapper.forget();
    }
}

/// The route kept in the fragment (`#/zelfscan?stap=2`), if the fragment holds one.
fn route_in_fragment() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let route = hash.strip_prefix('#')?;
    route.starts_with('/').then(|| {
        js_sys::decode_uri(route)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| route.to_string())
    })
}

/// Inside the `<Router>`, before the routes: in the single file, starts at the route in
/// the fragment (or the overview) and hands the router's navigation to the Back/Forward
/// listener of [`install_file_history`].
#[component]
pub fn FileRouting() -> impl IntoView {
    if is_single_file() {
        let navigate = use_navigate();
        let go = move |route: &str| {
            navigate(
                route,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            )
        };
        go(&route_in_fragment().unwrap_or_else(|| "/".into()));
        NAVIGATE.with(|n| *n.borrow_mut() = Some(Box::new(go)));
    }
}
