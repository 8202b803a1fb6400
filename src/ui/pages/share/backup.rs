use leptos::prelude::*;

use crate::ui::state::use_app;

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
        app.replace(doc);
        confirming.set(false);
        message.set(Some("De back-up is teruggezet.".into()));
    };
    view! {
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">"Back-up"</h2>
            {move || match backup.get() {
                None => view! {
                    <p class="muted" data-testid="no-backup">"Er is nog geen back-up. Leerspoor maakt er automatisch een vlak voordat een import je gegevens verandert."</p>
                }.into_any(),
                Some(taken) => view! {
                    <p data-testid="backup-info">{format!("Back-up van vóór de laatste import: {}.", taken.format("%d-%m-%Y %H:%M:%S"))}</p>
                    <Show when=move || confirming.get() fallback=move || view! {
                        <button type="button" on:click=move |_| confirming.set(true)>"Back-up terugzetten…"</button>
                    }>
                        <p role="alert">"Je huidige gegevens worden vervangen door de back-up. Doorgaan?"</p>
                        <button type="button" class="danger" on:click=restore>"Ja, zet de back-up terug"</button>
                        <button type="button" on:click=move |_| confirming.set(false)>"Nee"</button>
                    </Show>
                }.into_any(),
            }}
            <p role="status">{move || message.get()}</p>
        </section>
    }
}
