use leptos::prelude::*;

use crate::model::bundle::{self, Bundle, BundleKind, Counts, Selection};
use crate::model::folder::{AutoShare, EVERY_MINUTES};
use crate::model::Id;
use crate::ui::crypto;
use crate::ui::files::download_bundle;
use crate::ui::i18n::{lang, t};
use crate::ui::state::folder::{self, Access};
use crate::ui::state::{use_app, use_doc, AutoStatus};
use crate::ui::time::{moment, now, today};

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
    // The passphrase when encrypting (checked against its repetition), or the reason
    // shown; `Ok(None)` when not encrypting.
    let passphrase_given = move || -> Result<Option<String>, ()> {
        if !encrypt.get_untracked() {
            return Ok(None);
        }
        let secret = passphrase.get_untracked();
        match bundle::check_passphrase(&secret, &repeated.get_untracked()) {
            Ok(()) => Ok(Some(secret)),
            Err(e) => {
                message.set(Some(e.message(lang()).to_string()));
                Err(())
            }
        }
    };
    // A bundle an import would refuse is not written: the page names what to shorten.
    let readable = move |selection: &Selection| -> bool {
        let problems = doc.with_untracked(|d| bundle::unreadable(d, selection));
        if problems.is_empty() {
            return true;
        }
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("• {}", p.message(lang())))
            .collect();
        message.set(Some(t(
            format!("Niet geëxporteerd: deze bundel zou niet in te lezen zijn, ook niet in je eigen browser. Maak korter wat te lang is, en probeer het opnieuw. {}", list.join(" ")),
            format!("Not exported: this bundle could not be read in, not even in your own browser. Shorten what is too long, and try again. {}", list.join(" ")),
        )));
        false
    };
    let download = move |_| {
        let Ok(secret) = passphrase_given() else {
            return;
        };
        let selection = selection();
        if !readable(&selection) {
            return;
        }
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
        let Ok(secret) = passphrase_given() else {
            return;
        };
        let selection = selection();
        if !readable(&selection) {
            return;
        }
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
    // Automatisch delen: the status follows the stored choice; once the folder is open,
    // it gets the folder.
    if app.auto_share_choice().is_some() && app.auto_share.get_untracked() == AutoStatus::Off {
        app.auto_share.set(AutoStatus::On(None));
    }
    Effect::new(move |_| {
        if let Some(dir) = folder.with(|f| f.ready().cloned()) {
            if app.auto_share_choice().is_some() {
                app.resume_auto_share(Some(dir), None);
            }
        }
    });
    let toggle_auto = move |ev: leptos::ev::Event| {
        if !event_target_checked(&ev) {
            app.stop_auto_share();
            return;
        }
        let Some(dir) = folder.get_untracked().ready().cloned() else {
            return;
        };
        let Ok(secret) = passphrase_given() else {
            app.auto_share.set(AutoStatus::Off);
            return;
        };
        let choice = AutoShare::of(&selection(), secret.is_some());
        if let Err(e) = app.start_auto_share(dir, choice, secret) {
            message.set(Some(e.message(lang())));
        }
    };
    let resume = move |_| {
        if let Ok(Some(secret)) = passphrase_given() {
            app.resume_auto_share(None, Some(secret));
        }
    };
    let auto_status = move || {
        match app.auto_share.get() {
        AutoStatus::Off => None,
        AutoStatus::On(None) => Some(t("Automatisch delen staat aan.", "Automatic sharing is on.").to_string()),
        AutoStatus::On(Some((at, name))) => Some(t(
            format!("Automatisch gedeeld op {} als {name}.", moment(at)),
            format!("Shared automatically on {} as {name}.", moment(at)),
        )),
        AutoStatus::NeedsPassphrase => Some(t(
            "Automatisch delen wacht op het wachtwoord: Leerspoor bewaart het niet. Vul het hierboven in en klik op ‘Hervatten’.",
            "Automatic sharing waits for the passphrase: Leerspoor does not keep it. Enter it above and click ‘Resume’.",
        ).to_string()),
        AutoStatus::NeedsFolder => Some(t(
            "Automatisch delen wacht op toegang tot de cursusmap: geef toegang hieronder, bij Cursusmap.",
            "Automatic sharing waits for access to the course folder: allow it below, under Course folder.",
        ).to_string()),
        AutoStatus::Failed(e) => Some(t(
            format!("Automatisch delen is niet gelukt: {} Leerspoor probeert het bij de volgende wijziging opnieuw.", e.message(lang())),
            format!("Automatic sharing failed: {} Leerspoor tries again at the next change.", e.message(lang())),
        )),
    }
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
            <Show when=move || folder.with(|f| f.ready().is_some())>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || app.auto_share.get() != AutoStatus::Off on:change=toggle_auto/>
                    {t("Automatisch delen na wijzigingen", "Share automatically after changes")}
                </label>
                <p class="muted">{t(
                    format!("Hooguit eens per {EVERY_MINUTES} minuten, en als je de pagina verlaat; met wat je hierboven kiest. Met een wachtwoord bewaart Leerspoor dat alleen zolang dit tabblad open is."),
                    format!("At most once every {EVERY_MINUTES} minutes, and when you leave the page; with what you choose above. With a passphrase, Leerspoor keeps it only while this tab is open."),
                )}</p>
                <p role="status" data-testid="auto-share-status">{auto_status}</p>
                <Show when=move || app.auto_share.get() == AutoStatus::NeedsPassphrase>
                    <button type="button" on:click=resume>{t("Hervatten", "Resume")}</button>
                </Show>
            </Show>
            <p role="status" data-testid="export-status">{move || if busy.get() { Some(t("Bezig met versleutelen…", "Encrypting…").to_string()) } else { message.get() }}</p>
        </section>
    }
}
