//! Where the keyboard focus goes when the control that had it is gone (WCAG 2.4.3).
//!
//! A button that deletes its own row, or that is replaced by a question, takes the focus
//! with it, and the browser drops it on the document: a keyboard user then starts again
//! from the skip link. The views say instead where the focus goes, with [`focus_soon`]:
//! after the change has been drawn, the first of its places that is in the page takes it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A place for the focus to go.
pub enum Place {
    /// The element with this id, as drawn after the change (a rebuilt button).
    Id(String),
    /// This element, if it is still in the page (the control that opened a question).
    Element(HtmlElement),
}

/// After the change now under way has been drawn, gives the focus to the first of
/// `places` that is in the page. A heading given this way is made focusable by script
/// (`tabindex=-1`), so it is not in the Tab order.
pub fn focus_soon(places: Vec<Place>) {
    request_animation_frame(move || {
        let found = places.into_iter().find_map(|place| match place {
            Place::Id(id) => document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<HtmlElement>().ok()),
            Place::Element(el) => el.is_connected().then_some(el),
        });
        if let Some(el) = found {
            if el.tab_index() < 0 && !el.has_attribute("tabindex") {
                let _ = el.set_attribute("tabindex", "-1");
            }
            let _ = el.focus();
        }
    });
}

/// The element that has the focus now, unless that is the document itself.
pub fn focused() -> Option<HtmlElement> {
    document()
        .active_element()
        .filter(|el| !el.tag_name().eq_ignore_ascii_case("body"))
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
}

/// The heading of the section `el` is in: where a keyboard user goes on from
/// when `el` and its row are gone. Found before the change, while `el` is still there.
pub fn section_heading(el: &HtmlElement) -> Option<HtmlElement> {
    let section = el.closest("section").ok().flatten()?;
    section
        .query_selector("h2, h3")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<HtmlElement>().ok())
}

/// The control an event came from.
pub fn control_of(ev: &leptos::ev::MouseEvent) -> Option<HtmlElement> {
    ev.current_target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
}
