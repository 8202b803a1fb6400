//! The note under a text field with a limit: how much room is left once the end is near,
//! and plainly when the field is full (`model::validation::Room`). A browser's
//! `maxlength` cuts a pasted text at the limit without a word; this says so.

use leptos::prelude::*;

use crate::model::validation::Room;
use crate::ui::i18n::lang;

/// The id of `field`'s note, for the field's `aria-describedby`.
pub fn note_id(field: &str) -> String {
    format!("{field}-limit")
}

/// `aria-describedby` for a field with a hint and a limit note.
pub fn described_by(hint: &str, field: &str) -> String {
    format!("{hint} {}", note_id(field))
}

/// How the browser's `maxlength` counts a text: in UTF-16 code units.
pub fn length(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The note under `field`, which holds at most `max` characters; `len` is the length of
/// what it holds now ([`length`]). The count is read with the field (it describes it);
/// only the moment the field is full is announced.
pub fn length_note(
    field: &str,
    max: usize,
    len: impl Fn() -> usize + Send + Sync + 'static,
) -> impl IntoView {
    let room = Memo::new(move |_| Room::of(len(), max));
    view! {
        <p id=note_id(field) class="hint length-note" data-testid="length-note">
            <span>{move || match room.get() {
                Room::Left(_) => room.get().message(lang(), max),
                _ => String::new(),
            }}</span>
            <span role="status">{move || match room.get() {
                Room::Full | Room::Over(_) => room.get().message(lang(), max),
                _ => String::new(),
            }}</span>
        </p>
    }
}
