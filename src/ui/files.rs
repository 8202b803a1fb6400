//! Files in and out of the browser, without any server.

use wasm_bindgen::JsCast;

use super::i18n::t;
use crate::model::bundle;

/// A bundle as a readable JSON file, the one way every bundle leaves the app.
pub fn download_bundle(file_name: &str, bundle: &bundle::Bundle) -> Result<(), String> {
    let text = serde_json::to_string_pretty(bundle).map_err(|e| e.to_string())?;
    download_text(file_name, "application/json", &text)
}

/// What the user is told when a download could not be made.
pub fn download_failed(error: &str) -> String {
    t(
        format!("Downloaden mislukt: {error}"),
        format!("Download failed: {error}"),
    )
}

pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or(t("geen venster", "no window"))?;
    let document = window.document().ok_or(t("geen document", "no document"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoked a little later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}

/// The bytes of a file the user picked or dropped.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| {
            t(
                "Het bestand kon niet worden gelezen.",
                "The file could not be read.",
            )
            .to_string()
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The file chosen in the `<input type=file>` an event came from. Clears the input, so
/// choosing the same file again (after fixing it) fires `change` again.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let file = input.files().and_then(|files| files.get(0));
    input.set_value("");
    file
}

/// A text file's contents; bytes that are not UTF-8 become U+FFFD, as a browser shows them.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    Ok(String::from_utf8_lossy(&read_bytes(file).await?).into_owned())
}
