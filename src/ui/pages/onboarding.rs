use leptos::prelude::*;

use crate::model::bundle::{Bundle, BundleKind, Counts, Incoming, Opened};
use crate::model::id::new_id;
use crate::model::{Document, Id, Profile, Role};
use crate::ui::components::{PageTitle, Unlock};
use crate::ui::crypto;
use crate::ui::files::open_bundle_file;
use crate::ui::i18n::{lang, t};
use crate::ui::state::{already_here, use_app};

/// First run: a profile is the one thing Leerspoor needs before anything else.
#[component]
pub fn Onboarding() -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let course = RwSignal::new(String::from("Stadsbeheerleergang"));
    let role = RwSignal::new(Role::Participant);
    let error = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Profile::new(
            new_id(),
            &name.get_untracked(),
            role.get_untracked(),
            &course.get_untracked(),
            chrono::Utc::now(),
        ) {
            Ok(profile) => {
                if let Err(message) = app.activate(Document::new(profile)) {
                    app.notice.set(Some(message));
                }
            }
            Err(e) => error.set(Some(e.message(lang()))),
        }
    };
    view! {
        <PageTitle text=t("Welkom bij Leerspoor", "Welcome to Leerspoor")/>
        <p class="lead">
            {t(
                "Leerspoor bewaart je zelfscan, casusjournaal en netwerkkaart alleen op deze laptop, in deze browser. \
                 Er is geen account en geen server: je deelt gegevens alleen als je zelf een bundel exporteert.",
                "Leerspoor keeps your self-scan, case journal and network map only on this laptop, in this browser. \
                 There is no account and no server: your data is shared only when you export a bundle yourself.",
            )}
        </p>
        <form class="card form" on:submit=submit novalidate>
            <h2>{t("Maak je profiel", "Create your profile")}</h2>
            <div class="field">
                <label for="profile-name">{t("Je naam", "Your name")}</label>
                <input id="profile-name" type="text" autocomplete="name" maxlength="100" required
                    aria-describedby="profile-error"
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <fieldset class="field">
                <legend>{t("Je rol in de leergang", "Your role in the course")}</legend>
                <label class="choice">
                    <input type="radio" name="role" value="participant"
                        prop:checked=move || role.get() == Role::Participant
                        on:change=move |_| role.set(Role::Participant)/>
                    {Role::Participant.label(lang())}
                </label>
                <label class="choice">
                    <input type="radio" name="role" value="coach"
                        prop:checked=move || role.get() == Role::Coach
                        on:change=move |_| role.set(Role::Coach)/>
                    {Role::Coach.label(lang())}
                </label>
            </fieldset>
            <div class="field">
                <label for="profile-course">{t("Naam van de leergang", "Name of the course")}</label>
                <input id="profile-course" type="text" maxlength="200"
                    prop:value=course
                    on:input=move |ev| course.set(event_target_value(&ev))/>
            </div>
            <p id="profile-error" class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="primary">{t("Profiel aanmaken", "Create profile")}</button>
        </form>
        <RestoreFromBundle/>
    }
}

/// A new laptop, or a browser whose data was cleared: the participant's own bundle brings
/// their profile back, after the same checks as any import.
#[component]
fn RestoreFromBundle() -> impl IntoView {
    let app = use_app();
    let error = RwSignal::new(None::<String>);
    let found = RwSignal::new(None::<Document>);
    let locked = RwSignal::new(None::<(String, Bundle)>);
    let unlock_error = RwSignal::new(None::<String>);
    // A profile this browser already has is opened, never restored over: see
    // `AppState::activate`.
    let present = RwSignal::new(None::<Id>);
    let accept = move |incoming: Incoming| {
        if incoming.bundle.kind != BundleKind::Participant {
            error.set(Some(
                t(
                    "Dit is terugkoppeling van een begeleider. Maak eerst je profiel (of herstel het met je eigen bundel) en lees de terugkoppeling daarna in bij Delen.",
                    "This is feedback from a coach. First create your profile (or restore it from your own bundle), then import the feedback under Share.",
                )
                .into(),
            ));
            return;
        }
        let id = incoming.document.id();
        if app.holds(id) {
            present.set(Some(id));
        } else {
            found.set(Some(incoming.document));
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        found.set(None);
        present.set(None);
        locked.set(None);
        error.set(None);
        leptos::task::spawn_local(async move {
            match open_bundle_file(&file).await {
                Ok(Opened::Ready(incoming)) => accept(*incoming),
                Ok(Opened::Locked(bundle)) => locked.set(Some((file.name(), *bundle))),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    let on_unlock = move |passphrase: String| {
        let Some((_, bundle)) = locked.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match crypto::unlock(&bundle, &passphrase).await {
                Ok(incoming) => {
                    locked.set(None);
                    accept(incoming);
                }
                Err(message) => unlock_error.set(Some(message)),
            }
        });
    };
    let restore = move |_| {
        if let Some(doc) = found.get_untracked() {
            if let Err(message) = app.activate(doc) {
                error.set(Some(message));
            }
        }
    };
    let open_present = move |_| {
        if let Some(id) = present.get_untracked() {
            if let Err(message) = app.switch_to(id) {
                error.set(Some(message));
            }
        }
    };
    view! {
        <section class="card form" aria-labelledby="restore-title">
            <h2 id="restore-title">{t("Al eerder gebruikt? Herstel je profiel uit een bundel", "Used it before? Restore your profile from a bundle")}</h2>
            <div class="field">
                <label for="restore-file">{t("Je eigen bundel (.json)", "Your own bundle (.json)")}</label>
                <input id="restore-file" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <div aria-live="polite">
                {move || error.get().map(|e| view! { <p class="notice error" role="alert" data-testid="restore-error">{e}</p> })}
                {move || present.get().map(|_| view! {
                    <div class="notice warning" data-testid="restore-present">
                        <p>{already_here()}</p>
                        <button type="button" class="primary" on:click=open_present>{t("Dit profiel openen", "Open this profile")}</button>
                    </div>
                })}
                {move || locked.get().map(|(name, _)| view! {
                    <Unlock name=name error=unlock_error on_unlock=on_unlock on_cancel=move || locked.set(None)/>
                })}
                {move || found.get().map(|doc| {
                    let who = format!("{} ({})", doc.profile.name, doc.profile.role.label(lang()));
                    let counts = Counts::of(&doc).summary(lang());
                    view! {
                        <div data-testid="restore-preview">
                            <p><strong>{t("Profiel: ", "Profile: ")}</strong>{who}</p>
                            <p><strong>{t("Inhoud: ", "Contents: ")}</strong>{counts}</p>
                            <button type="button" class="primary" on:click=restore>{t("Profiel herstellen", "Restore profile")}</button>
                        </div>
                    }
                })}
            </div>
        </section>
    }
}
