//! Working without a network: the service worker (`/sw.js`, generated at build time by
//! `scripts/service-worker.mjs`) keeps every file of the build, and this module registers
//! it, offers a new version when one is waiting, and asks the browser to keep the data.
//!
//! A new version only takes over when the user clicks, and only after the pending save has
//! been written: an update must never cost a sentence that was being typed.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use super::edition::is_single_file;
use super::i18n::t;
use super::state::{use_app, SaveState};

const SCRIPT: &str = "/sw.js";

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Update {
    /// Nothing new, or no service worker at all.
    None,
    /// A new version is installed and waits for the user.
    Ready,
    /// The data lives in memory only: updating (a reload) would lose it. Asked once more.
    ConfirmLoss,
    /// The last change could not be saved; the update waits until it can be.
    SaveFailed,
    /// The user said yes; the page reloads as soon as the new version has taken over.
    Updating,
}

/// What the browser promised about keeping this site's data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Persistence {
    Asking,
    Granted,
    NotGranted,
    /// No `navigator.storage`, or it gave no answer.
    Unknown,
}

#[derive(Clone, Copy)]
pub struct Offline {
    pub update: RwSignal<Update>,
    pub persistence: RwSignal<Persistence>,
    /// `navigator.storage.estimate()`: (usage, quota) in bytes.
    pub estimate: RwSignal<Option<(f64, f64)>>,
}

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
    static RELOADING: Cell<bool> = const { Cell::new(false) };
}

/// At start-up, inside the app's reactive owner.
pub fn init() {
    let offline = Offline {
        update: RwSignal::new(Update::None),
        persistence: RwSignal::new(Persistence::Asking),
        estimate: RwSignal::new(None),
    };
    provide_context(offline);
    // The single file has no server to fetch a worker script from, and needs none.
    if !is_single_file() {
        if let Some(container) = container() {
            // After the first page is painted: on a two-core laptop the worker's start and
            // its copy of the build competed with the first paint for the CPU. A/B, four
            // bench runs each: largest content 300–326 → 262–306 ms on a first visit,
            // 338–372 → 288–352 ms with a year of data.
            request_animation_frame(move || {
                set_timeout(
                    move || register(container, offline),
                    std::time::Duration::ZERO,
                );
            });
        }
    }
    ask_to_persist(offline);
    refresh_estimate(offline);
}

pub fn use_offline() -> Offline {
    expect_context::<Offline>()
}

/// `navigator.serviceWorker`, where the browser has it (not in insecure contexts).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

fn register(container: ServiceWorkerContainer, offline: Offline) {
    let promise = container.register(SCRIPT);
    spawn_local(async move {
        // Offline or refused: the app works as before, only without the cached copy.
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // Without a controller the worker found is this page's first: nothing to update.
        if registration.waiting().is_some() && container_has_controller() {
            offline.update.set(Update::Ready);
        }
        if let Some(installing) = registration.installing() {
            watch_installing(installing, offline);
        }
        let watched = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            if let Some(installing) = watched.installing() {
                watch_installing(installing, offline);
            }
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    });
}

fn container_has_controller() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

fn watch_installing(worker: web_sys::ServiceWorker, offline: Offline) {
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && container_has_controller() {
            offline.update.set(Update::Ready);
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// The user's "Nu bijwerken": save, then let the waiting version take over and reload.
fn apply_update(offline: Offline) {
    let app = use_app();
    app.flush();
    match app.save.get_untracked() {
        SaveState::Failed(_) => {
            offline.update.set(Update::SaveFailed);
            return;
        }
        SaveState::MemoryOnly if offline.update.get_untracked() != Update::ConfirmLoss => {
            offline.update.set(Update::ConfirmLoss);
            return;
        }
        _ => {}
    }
    offline.update.set(Update::Updating);
    let waiting = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting()));
    match (waiting, container()) {
        (Some(waiting), Some(container)) => {
            // Reload once the new version controls this page, so every file is the new one.
            let on_change = Closure::<dyn Fn()>::new(reload_once);
            container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
            on_change.forget();
            if waiting
                .post_message(&JsValue::from_str("skipWaiting"))
                .is_err()
            {
                reload_once();
            }
        }
        // Another tab already let it take over: this page only needs to load it.
        _ => reload_once(),
    }
}

fn reload_once() {
    if RELOADING.with(|r| r.replace(true)) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

/// Asks the browser not to clear this site's data when the disk runs low. Chromium
/// decides by itself (no question to the user); Firefox may ask.
fn ask_to_persist(offline: Offline) {
    let Some(promise) = storage_manager().and_then(|s| s.persist().ok()) else {
        offline.persistence.set(Persistence::Unknown);
        return;
    };
    spawn_local(async move {
        let answer = JsFuture::from(promise).await.ok().and_then(|v| v.as_bool());
        offline.persistence.set(match answer {
            Some(true) => Persistence::Granted,
            Some(false) => Persistence::NotGranted,
            None => Persistence::Unknown,
        });
    });
}

/// Reads how much this site stores and may store; the Delen page asks again when shown.
pub fn refresh_estimate(offline: Offline) {
    let Some(promise) = storage_manager().and_then(|s| s.estimate().ok()) else {
        return;
    };
    spawn_local(async move {
        let Ok(estimate) = JsFuture::from(promise).await else {
            return;
        };
        let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
        if let (Some(usage), Some(quota)) = (estimate.get_usage(), estimate.get_quota()) {
            offline.estimate.set(Some((usage, quota)));
        }
    });
}

/// In the shell's notices: a new version is ready. The live region is always there, so a
/// screen reader announces the notice when it appears.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let offline = use_offline();
    let body = move || {
        let (text, button) = match offline.update.get() {
            Update::None => return None,
            Update::Ready => (
                t(
                    "Er is een nieuwe versie van Leerspoor.",
                    "A new version of Leerspoor is available.",
                ),
                Some(t("Nu bijwerken", "Update now")),
            ),
            Update::ConfirmLoss => (
                t(
                    "Deze browser bewaart je gegevens niet: bijwerken laadt de pagina opnieuw en \
                     dan is je werk weg. Maak eerst een bundel (Delen).",
                    "This browser does not keep your data: updating reloads the page and your \
                     work would be gone. Make a bundle first (Share).",
                ),
                Some(t("Toch bijwerken", "Update anyway")),
            ),
            Update::SaveFailed => (
                t(
                    "Er is een nieuwe versie van Leerspoor, maar je laatste wijziging is nog niet \
                     opgeslagen. Bijwerken kan zodra opslaan weer lukt.",
                    "A new version of Leerspoor is available, but your last change has not been \
                     saved yet. You can update as soon as saving works again.",
                ),
                Some(t("Opnieuw proberen", "Try again")),
            ),
            Update::Updating => (
                t("Leerspoor wordt bijgewerkt…", "Updating Leerspoor…"),
                None,
            ),
        };
        Some(view! {
            <div class="notice info" data-testid="update-notice">
                <span>{text}</span>
                {button.map(|label| view! {
                    <button type="button" on:click=move |_| apply_update(offline)>{label}</button>
                })}
            </div>
        })
    };
    view! {
        <div role="status" aria-live="polite" class="update-region">{body}</div>
    }
}
