use leptos::prelude::*;

use crate::model::id::new_id;
use crate::model::{Document, Profile, Role};
use crate::ui::components::PageTitle;
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
    }
}
