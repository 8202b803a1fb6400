use leptos::prelude::*;

/// The page's `<h1>`, which also sets the document title (read first by screen readers
/// after a route change) and takes focus when a route is entered by navigation.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    let full = format!("{text} · Leerspoor");
    Effect::new(move |_| document().set_title(&full));
    view! { <h1 id="page-title" tabindex="-1">{text}</h1> }
}
