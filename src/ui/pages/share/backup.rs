use leptos::prelude::*;

use crate::ui::i18n::{lang, t};
use crate::ui::state::use_app;
use crate::ui::time::moment;

/// The copy made before the last import that changed data, restorable in one click.
#[component]
pub fn BackupSection(imported: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let backup = Memo::new(move |_| {
        imported.track();
        app.backup().map(|(taken, _)| taken)
    });
    let restore = move |_| {
        let Some((_, doc)) = app.backup() else { return };
        confirming.set(false);
        message.set(Some(match app.commit(doc) {
            Ok(()) => t("De back-up is teruggezet.", "The backup has been restored.").into(),
            Err(e) => t(
                format!(
                    "De back-up is niet teruggezet; je gegevens zijn zoals ze waren. {}",
                    e.message(lang())
                ),
                format!(
                    "The backup was not restored; your data is as it was. {}",
                    e.message(lang())
                ),
            ),
        }));
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">{t("Back-up", "Backup")}</h2>
            {move || match backup.get() {
                None => view! {
                    <p class="muted" data-testid="no-backup">{t(
                        "Er is nog geen back-up. Leerspoor maakt er automatisch een vlak voordat een import je gegevens verandert.",
                        "There is no backup yet. Leerspoor makes one automatically just before an import changes your data.",
                    )}</p>
                }.into_any(),
                Some(taken) => view! {
                    <p data-testid="backup-info">{t(
                        format!("Back-up van vóór de laatste import: {}.", moment(taken)),
                        format!("Backup from before the last import: {}.", moment(taken)),
                    )}</p>
                    <Show when=move || confirming.get() fallback=move || view! {
                        <button type="button" on:click=move |_| confirming.set(true)>{t("Back-up terugzetten…", "Restore backup…")}</button>
                    }>
                        <p role="alert">{t(
                            "Je huidige gegevens worden vervangen door de back-up. Doorgaan?",
                            "Your current data will be replaced by the backup. Continue?",
                        )}</p>
                        <button type="button" class="danger" on:click=restore>{t("Ja, zet de back-up terug", "Yes, restore the backup")}</button>
                        <button type="button" on:click=move |_| confirming.set(false)>{t("Nee", "No")}</button>
                    </Show>
                }.into_any(),
            }}
            <p role="status">{move || message.get()}</p>
        </section>
    }
}
