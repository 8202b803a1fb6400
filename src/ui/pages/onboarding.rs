use leptos::prelude::*;

use crate::model::bundle::{self, BundleKind, Counts, Opened};
use crate::model::id::new_id;
use crate::model::{Document, Profile, Role};
use crate::ui::components::PageTitle;
use crate::ui::files::read_bytes;
use crate::ui::state::use_app;

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
            Ok(profile) => app.activate(Document::new(profile)),
            Err(e) => error.set(Some(e.message_nl())),
        }
    };
    view! {
        <PageTitle text="Welkom bij Leerspoor"/>
        <p class="lead">
            "Leerspoor bewaart je zelfscan, casusjournaal en netwerkkaart alleen op deze laptop, in deze browser. "
            "Er is geen account en geen server: je deelt gegevens alleen als je zelf een bundel exporteert."
        </p>
        <form class="card form" on:submit=submit novalidate>
            <h2>"Maak je profiel"</h2>
            <div class="field">
                <label for="profile-name">"Je naam"</label>
                <input id="profile-name" type="text" autocomplete="name" maxlength="100" required
                    aria-describedby="profile-error"
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev))/>
            </div>
            <fieldset class="field">
                <legend>"Je rol in de leergang"</legend>
                <label class="choice">
                    <input type="radio" name="role" value="participant"
                        prop:checked=move || role.get() == Role::Participant
                        on:change=move |_| role.set(Role::Participant)/>
                    "Deelnemer"
                </label>
                <label class="choice">
                    <input type="radio" name="role" value="coach"
                        prop:checked=move || role.get() == Role::Coach
                        on:change=move |_| role.set(Role::Coach)/>
                    "Begeleider"
                </label>
            </fieldset>
            <div class="field">
                <label for="profile-course">"Naam van de leergang"</label>
                <input id="profile-course" type="text" maxlength="200"
                    prop:value=course
                    on:input=move |ev| course.set(event_target_value(&ev))/>
            </div>
            <p id="profile-error" class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="primary">"Profiel aanmaken"</button>
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
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        found.set(None);
        error.set(None);
        if file.size() as usize > bundle::MAX_BUNDLE_BYTES {
            let e = bundle::BundleError::TooLarge {
                bytes: file.size() as usize,
                max: bundle::MAX_BUNDLE_BYTES,
            };
            error.set(Some(e.message_nl()));
            return;
        }
        leptos::task::spawn_local(async move {
            let bytes = match read_bytes(&file).await {
                Ok(b) => b,
                Err(e) => return error.set(Some(e)),
            };
            match bundle::read(&bytes) {
                Ok(Opened::Ready(incoming)) if incoming.bundle.kind == BundleKind::Participant => {
                    found.set(Some(incoming.document))
                }
                Ok(Opened::Ready(_)) => error.set(Some(
                    "Dit is terugkoppeling van een begeleider. Maak eerst je profiel (of herstel het met je eigen bundel) en lees de terugkoppeling daarna in bij Delen.".into(),
                )),
                Ok(Opened::Locked(_)) => error.set(Some(
                    "Deze bundel is versleuteld; versleutelde bundels kan deze versie nog niet openen.".into(),
                )),
                Err(e) => error.set(Some(e.message_nl())),
            }
        });
    };
    let restore = move |_| {
        if let Some(doc) = found.get_untracked() {
            app.activate(doc);
        }
    };
    view! {
        <section class="card form" aria-labelledby="restore-title">
            <h2 id="restore-title">"Al eerder gebruikt? Herstel je profiel uit een bundel"</h2>
            <div class="field">
                <label for="restore-file">"Je eigen bundel (.json)"</label>
                <input id="restore-file" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <div aria-live="polite">
                {move || error.get().map(|e| view! { <p class="notice error" role="alert" data-testid="restore-error">{e}</p> })}
                {move || found.get().map(|doc| {
                    let who = format!("{} ({})", doc.profile.name, doc.profile.role.label_nl());
                    let counts = Counts::of(&doc).summary_nl();
                    view! {
                        <div data-testid="restore-preview">
                            <p><strong>"Profiel: "</strong>{who}</p>
                            <p><strong>"Inhoud: "</strong>{counts}</p>
                            <button type="button" class="primary" on:click=restore>"Profiel herstellen"</button>
                        </div>
                    }
                })}
            </div>
        </section>
    }
}
