use leptos::prelude::*;

use crate::model::bundle::{self, Bundle, BundleKind, Counts, Selection};
use crate::model::Id;
use crate::ui::crypto;
use crate::ui::files::download_bundle;
use crate::ui::i18n::{lang, t};
use crate::ui::state::folder::{self, Access};
use crate::ui::state::{use_app, use_doc};
use crate::ui::time::{now, today};

#[component]
pub fn ExportSection(folder: RwSignal<Access>) -> impl IntoView {
    let app = use_app();
    let doc = use_doc();
    let scans = RwSignal::new(true);
    let goals = RwSignal::new(true);
    let network = RwSignal::new(true);
    let all_cases = RwSignal::new(true);
    let chosen_cases = RwSignal::new(Vec::<Id>::new());
    let message = RwSignal::new(None::<String>);
    let encrypt = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let busy = RwSignal::new(false);

    let selection = move || Selection {
        scans: scans.get(),
        goals: goals.get(),
        cases: (!all_cases.get()).then(|| chosen_cases.get()),
        network: network.get(),
    };
    let cases = doc.memo(|d| d.journal.case_titles());
    let preview = move || {
        let selection = selection();
        doc.with(|d| Counts::of(&bundle::selected(d, &selection)).summary(lang()))
    };
    // Encrypts when asked, then downloads; the page says how it went.
    let send = move |bundle: Bundle, name: String, secret: Option<String>| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let bundle = match secret {
                None => Ok(bundle),
                Some(secret) => {
                    let plaintext = bundle.contents_text().unwrap_or_default();
                    crypto::encrypt(&plaintext, &secret)
                        .await
                        .map(|sealed| bundle.sealed(sealed))
                        .map_err(|e| e.message(lang()))
                }
            };
            let result = bundle.and_then(|bundle| download_bundle(&name, &bundle));
            busy.set(false);
            match result {
                Ok(()) => {
                    app.mark_exported();
                    message.set(Some(t(
                        format!("De bundel is opgeslagen als {name}."),
                        format!("The bundle has been saved as {name}."),
                    )))
                }
                Err(e) => message.set(Some(t(
                    format!("Exporteren mislukt: {e}"),
                    format!("Export failed: {e}"),
                ))),
            }
        });
    };
    let download = move |_| {
        let secret = encrypt.get_untracked().then(|| passphrase.get_untracked());
        if let Some(secret) = &secret {
            if let Err(e) = bundle::check_passphrase(secret, &repeated.get_untracked()) {
                message.set(Some(e.message(lang()).to_string()));
                return;
            }
        }
        let selection = selection();
        doc.with_untracked(|d| {
            let bundle = bundle::build(d, &selection, BundleKind::Participant, now());
            send(bundle, bundle::file_name(&d.profile.name, today()), secret)
        });
    };
    // Nu delen: the same choice and passphrase, written as a new own file into the
    // participant's place in the course folder (`docs/course-folder.md`).
    let share_now = move |_| {
        let Some(dir) = folder.get_untracked().ready().cloned() else {
            return;
        };
        let secret = encrypt.get_untracked().then(|| passphrase.get_untracked());
        if let Some(secret) = &secret {
            if let Err(e) = bundle::check_passphrase(secret, &repeated.get_untracked()) {
                message.set(Some(e.message(lang()).to_string()));
                return;
            }
        }
        let selection = selection();
        let Some(document) = doc.with_untracked(|d| Some(d.clone())) else {
            return;
        };
        let me = document.id();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let make = |at| bundle::build(&document, &selection, BundleKind::Participant, at);
            let written =
                folder::write(&dir, me, me, BundleKind::Participant, now(), make, secret).await;
            let _ = busy.try_set(false);
            let _ = message.try_set(Some(match written {
                Ok(w) => {
                    app.mark_exported();
                    t(
                        format!("Gedeeld in de cursusmap, op jouw plek, als {}.", w.name),
                        format!("Shared to the course folder, in your place, as {}.", w.name),
                    )
                }
                Err(e) => t(
                    format!("Niet gedeeld: {}", e.message(lang())),
                    format!("Not shared: {}", e.message(lang())),
                ),
            }));
        });
    };
    let toggle_case = move |id: Id, on: bool| {
        chosen_cases.update(|ids| {
            ids.retain(|c| *c != id);
            if on {
                ids.push(id);
            }
        })
    };
    view! {
        <section class="card" aria-labelledby="export-title">
            <h2 id="export-title">{t("Bundel exporteren", "Export a bundle")}</h2>
            <fieldset class="field">
                <legend>{t("Wat deel je?", "What do you share?")}</legend>
                <p class="muted">{t(
                    "Je naam, rol en leergang gaan altijd mee: zo weet de ontvanger van wie de bundel is.",
                    "Your name, role and course are always included, so the recipient knows whose bundle it is.",
                )}</p>
                <label class="choice"><input type="checkbox" prop:checked=scans on:change=move |ev| scans.set(event_target_checked(&ev))/>{t("Zelfscans (met het kader waarmee ze zijn gemaakt)", "Self-scans (with the framework they were made with)")}</label>
                <label class="choice"><input type="checkbox" prop:checked=goals on:change=move |ev| goals.set(event_target_checked(&ev))/>{t("Ontwikkeldoelen", "Development goals")}</label>
                <label class="choice"><input type="checkbox" prop:checked=network on:change=move |ev| network.set(event_target_checked(&ev))/>{t("Netwerkkaart", "Network map")}</label>
                <label class="choice"><input type="checkbox" prop:checked=all_cases on:change=move |ev| all_cases.set(event_target_checked(&ev))/>{t("Alle casussen met hun notities", "All cases with their entries")}</label>
                <Show when=move || !all_cases.get()>
                    <fieldset class="field nested">
                        <legend>{t("Kies de casussen", "Choose the cases")}</legend>
                        <Show when=move || cases.with(|c| c.is_empty())>
                            <p class="muted">{t("Je hebt nog geen casussen.", "You have no cases yet.")}</p>
                        </Show>
                        <For each=move || cases.get() key=|(id, _)| *id let:case>
                            {
                                let (id, title) = case;
                                view! {
                                    <label class="choice">
                                        <input type="checkbox"
                                            prop:checked=move || chosen_cases.with(|c| c.contains(&id))
                                            on:change=move |ev| toggle_case(id, event_target_checked(&ev))/>
                                        {title}
                                    </label>
                                }
                            }
                        </For>
                    </fieldset>
                </Show>
            </fieldset>
            <fieldset class="field">
                <legend>{t("Beveiliging", "Security")}</legend>
                <label class="choice"><input type="checkbox" prop:checked=encrypt on:change=move |ev| encrypt.set(event_target_checked(&ev))/>{t("Versleutelen met een wachtwoord", "Encrypt with a passphrase")}</label>
                <Show when=move || encrypt.get()>
                    <p class="muted">{t(
                        "Spreek het wachtwoord af buiten het bestand om (niet in dezelfde e-mail). Zonder wachtwoord is de bundel niet te openen.",
                        "Agree on the passphrase separately from the file (not in the same e-mail). Without the passphrase the bundle cannot be opened.",
                    )}</p>
                    <label for="export-passphrase">{t("Wachtwoord (minstens 10 tekens)", "Passphrase (at least 10 characters)")}</label>
                    <input id="export-passphrase" type="password" autocomplete="new-password" prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    <label for="export-passphrase-repeat">{t("Herhaal het wachtwoord", "Repeat the passphrase")}</label>
                    <input id="export-passphrase-repeat" type="password" autocomplete="new-password" prop:value=repeated on:input=move |ev| repeated.set(event_target_value(&ev))/>
                </Show>
            </fieldset>
            <p data-testid="export-preview"><strong>{t("Je deelt: ", "You share: ")}</strong>{preview}"."</p>
            <div class="actions">
                <button type="button" class="primary" on:click=download disabled=move || busy.get()>{t("Bundel downloaden", "Download bundle")}</button>
                <Show when=move || folder.with(|f| f.ready().is_some())>
                    <button type="button" class="primary" on:click=share_now disabled=move || busy.get() data-testid="share-now">{t("Nu delen in de cursusmap", "Share to the course folder now")}</button>
                </Show>
            </div>
            <p role="status" data-testid="export-status">{move || if busy.get() { Some(t("Bezig met versleutelen…", "Encrypting…").to_string()) } else { message.get() }}</p>
        </section>
    }
}
