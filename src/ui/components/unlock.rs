use leptos::prelude::*;

use crate::ui::i18n::t;

/// Asks for the passphrase of an encrypted bundle; a wrong one can be retried.
#[component]
pub fn Unlock(
    name: String,
    error: RwSignal<Option<String>>,
    on_unlock: impl Fn(String) + Copy + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_unlock(passphrase.get_untracked());
    };
    view! {
        <form class="unlock" on:submit=submit data-testid="unlock">
            <p>{t(
                format!("{name} is versleuteld. Vul het wachtwoord in dat je met de afzender hebt afgesproken."),
                format!("{name} is encrypted. Enter the passphrase you agreed with the sender."),
            )}</p>
            <label for="import-passphrase">{t("Wachtwoord", "Passphrase")}</label>
            <input id="import-passphrase" type="password" autocomplete="off"
                aria-describedby="unlock-error"
                prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
            <p id="unlock-error" class="field-error" role="alert" data-testid="unlock-error">{move || error.get()}</p>
            <div class="actions">
                <button type="submit" class="primary">{t("Ontsleutelen", "Decrypt")}</button>
                <button type="button" on:click=move |_| on_cancel()>{t("Annuleren", "Cancel")}</button>
            </div>
        </form>
    }
}
