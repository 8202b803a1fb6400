use std::cell::Cell;

use leptos::prelude::*;

use crate::ui::i18n::t;
use crate::ui::state::use_app;

thread_local! {
    /// Whether a page has been shown since the app started: the first page's heading does
    /// not take focus, so the first Tab still reaches the skip link.
    static PAGE_SHOWN: Cell<bool> = const { Cell::new(false) };
}

/// The page's `<h1>`, which also sets the document title (read first by screen readers
/// after a route change), and takes the focus on arrival (`focus_on_arrival`).
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    let full = format!("{text} · Leerspoor");
    Effect::new(move |_| document().set_title(&full));
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_arrival(heading);
    view! { <h1 id="page-title" tabindex="-1" node_ref=heading>{text}</h1> }
}

/// When a page is entered by navigation and the focus was lost on the way (the button
/// that led here is gone, so the focus fell back to the document), its heading takes it:
/// a keyboard user goes on from the top of the new page's content, not from the skip
/// link. A page that puts the focus on a field of its own does so after this; a link to a
/// place in the page is left where it points. For a page whose `<h1>` is its own (one
/// whose title changes in place) rather than [`PageTitle`].
pub fn focus_on_arrival(heading: NodeRef<leptos::html::H1>) {
    Effect::new(move |_| {
        let Some(h1) = heading.get() else {
            return;
        };
        let lost = document()
            .active_element()
            .is_none_or(|el| el.tag_name().eq_ignore_ascii_case("body"));
        // A link to a place in the page (`…#verhalen`) leaves the page where it points.
        let to_a_place = window()
            .location()
            .hash()
            .is_ok_and(|hash| !hash.is_empty());
        if PAGE_SHOWN.replace(true) && lost && !to_a_place {
            let _ = h1.focus();
        }
    });
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

/// Why a record's page finds nothing: "Deze casus bestaat niet (meer)." With more than one
/// profile in this browser, the address may be another profile's (Back after a switch):
/// the text says so, and where to choose it, rather than suggesting it was deleted.
/// `what`: the record with its article, in Dutch and English ("Deze casus", "This case").
pub fn not_found_text(what_nl: &str, what_en: &str) -> String {
    let app = use_app();
    let others = app.profiles.with_untracked(|p| p.len() > 1);
    let name = app
        .doc
        .with_untracked(|d| d.as_ref().map(|d| d.profile.name.clone()));
    match (others, name) {
        (true, Some(name)) => t(
            format!("{what_nl} staat niet in het profiel van {name}. Misschien is die verwijderd, of hoort die bij een ander profiel in deze browser: kies dat bovenaan bij Profiel."),
            format!("{what_en} is not in the profile of {name}. It may have been deleted, or it belongs to another profile in this browser: choose that one under Profile at the top."),
        ),
        _ => t(
            format!("{what_nl} bestaat niet (meer)."),
            format!("{what_en} does not exist (any more)."),
        ),
    }
}
