use leptos::prelude::*;

use crate::ui::i18n::t;

/// The page's `<h1>`, which also sets the document title (read first by screen readers
/// after a route change) and takes focus when a route is entered by navigation.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    let full = format!("{text} · Leerspoor");
    Effect::new(move |_| document().set_title(&full));
    view! { <h1 id="page-title" tabindex="-1">{text}</h1> }
}

/// Opens the browser's print dialog. What goes on paper is decided by `style/print.css`
/// (no navigation, no controls), so the button itself is left off the printout.
#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <div class="actions no-print">
            <button type="button" class="secondary" on:click=|_| {
                let _ = window().print();
            }>{t("Afdrukken", "Print")}</button>
        </div>
    }
}
