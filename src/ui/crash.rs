//! The crash screen. A panic in the wasm ends the Leptos runtime (release builds abort),
//! so the hook builds a plain DOM message with web-sys: what happened, and a link that
//! downloads everything stored, prepared before the user clicks so that no wasm has to
//! run any more.

use wasm_bindgen::JsCast;

use crate::ui::state;

const TITLE: [&str; 2] = [
    "Er ging iets mis in Leerspoor",
    "Something went wrong in Leerspoor",
];
const BODY: [&str; 2] = [
    "Leerspoor is gestopt door een fout in het programma. Wat al was opgeslagen, \
staat nog in deze browser. Download voor de zekerheid een noodkopie van al je gegevens en \
laad daarna de pagina opnieuw. Een wijziging van de laatste seconden kan ontbreken.",
    "Leerspoor has stopped because of an error in the program. What was already saved \
is still in this browser. To be safe, download an emergency copy of all your data, and \
then reload the page. A change from the last few seconds may be missing.",
];
const DOWNLOAD: [&str; 2] = [
    "Noodkopie van mijn gegevens downloaden",
    "Download an emergency copy of my data",
];
const UNREADABLE: [&str; 2] = [
    "De opgeslagen gegevens konden niet worden gelezen voor een noodkopie.",
    "The stored data could not be read for an emergency copy.",
];
const RELOAD: [&str; 2] = ["Opnieuw laden", "Reload"];

/// The text in the language the app was showing: a thread-local that outlives the
/// Leptos runtime, so reading it after a panic is safe.
fn text(pair: [&'static str; 2]) -> &'static str {
    crate::ui::i18n::t(pair[0], pair[1])
}

/// Installs the hook: the console message first, then the screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// A test hook: `?test-panic=1` panics just after start-up, so the browser tests can see
/// the crash screen. It changes no data.
pub fn panic_if_asked() {
    let asked = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|q| q.split(['?', '&']).any(|p| p == "test-panic=1"));
    if asked {
        leptos::prelude::set_timeout(
            || panic!("test-panic: een proefpaniek op verzoek van de tests"),
            std::time::Duration::from_millis(0),
        );
    }
}

fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // Once is enough, should a second panic follow.
    if document.get_element_by_id("crash").is_some() {
        return;
    }
    let _ = build(&document);
}

fn build(document: &web_sys::Document) -> Option<()> {
    let root = document.document_element()?;
    let _ = root.set_attribute("data-leerspoor", "crashed");
    // A panic before the app mounted would leave it saying it is still loading.
    super::remove_loading_notice();
    let body = document.body()?;
    let section = document.create_element("section").ok()?;
    section.set_id("crash");
    section.set_class_name("crash");
    let _ = section.set_attribute("role", "alert");
    let _ = section.set_attribute("aria-labelledby", "crash-title");

    let heading = document.create_element("h1").ok()?;
    heading.set_id("crash-title");
    heading.set_text_content(Some(text(TITLE)));
    let body_text = document.create_element("p").ok()?;
    body_text.set_text_content(Some(text(BODY)));
    let _ = section.append_child(&heading);
    let _ = section.append_child(&body_text);

    let actions = document.create_element("p").ok()?;
    actions.set_class_name("crash-actions");
    match state::raw_dump().and_then(|dump| blob_url(&dump)) {
        Some(url) => {
            let link: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.unchecked_into();
            link.set_href(&url);
            let day = js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default();
            let day = day.get(..10).unwrap_or("vandaag");
            link.set_download(&format!("leerspoor-noodkopie-{day}.json"));
            link.set_class_name("button primary");
            link.set_text_content(Some(text(DOWNLOAD)));
            let _ = actions.append_child(&link);
        }
        None => {
            let note = document.create_element("span").ok()?;
            note.set_text_content(Some(text(UNREADABLE)));
            let _ = actions.append_child(&note);
        }
    }
    let reload: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.unchecked_into();
    reload.set_href("/");
    // The router would take the click; after a panic only the browser may.
    let _ = reload.set_attribute("rel", "external");
    reload.set_class_name("button secondary");
    reload.set_text_content(Some(text(RELOAD)));
    let _ = actions.append_child(&reload);
    let _ = section.append_child(&actions);

    let _ = body.append_child(&section);
    if let Ok(el) = heading.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.set_attribute("tabindex", "-1");
        let _ = el.focus();
    }
    Some(())
}

fn blob_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
