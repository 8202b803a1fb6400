//! The interface language in the views.
//!
//! Every text is written where it is used, Dutch and English side by side:
//! `t("Opslaan", "Save")`. A missing translation is then a compile error, not a blank,
//! and a reviewer reads both at once. Switching language re-mounts the app (see
//! `ui::start`), so views read the language once, when they render; the documents,
//! the route and everything saved stay as they are, and a form's unsaved text is carried
//! over by `ui::draft`.

use std::cell::Cell;

use leptos::prelude::*;

use crate::model::Lang;

use super::draft;
use super::state::{self, use_app};

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::Nl) };
}

/// The language the app is rendered in now.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// The text in the current language: the one way a view words anything, Dutch first.
/// Fixed text is `t("Opslaan", "Save")`; text with values is
/// `t(format!("{n} casussen"), format!("{n} cases"))`, and plurals go through
/// `lang().count`. (The model, which has no current language, takes a `Lang` and writes
/// `lang.pick(nl, en)` the same way.)
pub fn t<T>(nl: T, en: T) -> T {
    lang().pick(nl, en)
}

/// The signal the app's root re-renders on.
#[derive(Clone, Copy)]
pub struct Language(pub RwSignal<Lang>);

/// Reads the stored choice (after `state::init`) and provides the signal.
pub fn init() -> RwSignal<Lang> {
    let signal = RwSignal::new(state::stored_language());
    provide_context(Language(signal));
    signal
}

/// Makes `lang` current for the views about to render, and tells the browser and
/// screen readers which language the page is in (WCAG 3.1.1).
pub fn apply(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// A button offering the other language, named in that language and marked as such, so
/// that someone who cannot read the current one still finds it (WCAG 3.1.2).
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let Language(signal) = expect_context::<Language>();
    let app = use_app();
    let other = match lang() {
        Lang::Nl => Lang::En,
        Lang::En => Lang::Nl,
    };
    let switch = move |_| {
        // Whatever is being typed is saved before the views are rebuilt, and what a form
        // holds unsaved is carried into the rebuilt form.
        app.flush();
        draft::carry();
        state::remember_language(other);
        signal.set(other);
        // The button is rebuilt too: give keyboard users their place back.
        request_animation_frame(|| {
            draft::settle();
            if let Ok(Some(el)) = document().query_selector("[data-testid=language-switch]") {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <button
            type="button"
            class="language-switch"
            data-testid="language-switch"
            lang=other.code()
            on:click=switch
        >
            {other.endonym()}
        </button>
    }
}
