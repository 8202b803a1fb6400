use leptos::prelude::*;

use crate::model::bundle::{already_here, Admission, Counts, OpenRequest, Resolution};
use crate::model::id::new_id;
use crate::model::profile::ProfileError;
use crate::model::profile::MAX_COURSE;
use crate::model::validation::limits;
use crate::model::{Document, Profile, Role};
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::{PageTitle, Unlock};
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::import::{self, Arrived, ImportError, Locked, Opening};
use crate::ui::state::{use_app, Notice};

use super::rate::{self, OpenRequestFile, RateView};

/// First run: a profile is the one thing Leerspoor needs before anything else, except for
/// a rater: a rating request opened here shows the rater page, and no profile is made.
#[component]
pub fn Onboarding() -> impl IntoView {
    let rating = RwSignal::new(rate::holding());
    let done = Callback::new(move |_| rating.set(false));
    move || {
        if rating.get() {
            view! { <RateView on_done=done/> }.into_any()
        } else {
            view! { <FirstRun rating=rating/> }.into_any()
        }
    }
}

#[component]
fn FirstRun(rating: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let name = kept("profile:new:name", String::new);
    let course = kept("profile:new:course", || String::from("Stadsbeheerleergang"));
    let role = kept("profile:new:role", || Role::Participant);
    let error = RwSignal::new(None::<&'static str>);
    // The two file pickers below: only the message about the file picked last is shown.
    let last_pick = RwSignal::new(RESTORE_PICKER);
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
                if let Err(e) = app.activate(Document::new(profile)) {
                    app.notice.set(Some(Notice::Profile(e)));
                }
            }
            Err(e) => {
                error.set(Some(e.message(lang())));
                // To the field the message is about (WCAG 3.3.1): it names the error.
                let field = match e {
                    ProfileError::CourseTooLong => "profile-course",
                    ProfileError::NameMissing | ProfileError::NameTooLong => "profile-name",
                };
                focus_soon(vec![Place::Id(field.into())]);
            }
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
                <input id="profile-name" type="text" autocomplete="name" maxlength=limits::NAME.to_string() required
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
                <input id="profile-course" type="text" maxlength=MAX_COURSE.to_string()
                    prop:value=course
                    on:input=move |ev| course.set(event_target_value(&ev))/>
            </div>
            <p id="profile-error" class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="primary">{t("Profiel aanmaken", "Create profile")}</button>
        </form>
        <RestoreFromBundle rating=rating last_pick=last_pick/>
        <OpenRequestFile on_open=Callback::new(move |_| rating.set(true)) last_pick=last_pick/>
    }
}

/// The input of [`RestoreFromBundle`], also its name in the page's `last_pick`.
const RESTORE_PICKER: &str = "restore-file";

/// A new laptop, or a browser whose data was cleared: the participant's own bundle brings
/// their profile back, through the one import transaction (`ui::state::import`). A
/// profile this browser already has is opened, never restored over
/// (`bundle::Admission::OpenStored`).
#[component]
fn RestoreFromBundle(rating: RwSignal<bool>, last_pick: RwSignal<&'static str>) -> impl IntoView {
    let app = use_app();
    // Kept over a language switch, like the forms: a picked file's preview, its
    // passphrase form, or why it was refused.
    let error = kept("restore:error", || None::<ImportError>);
    let arrived = kept("restore:arrived", || None::<Arrived>);
    let locked = kept("restore:locked", || None::<Locked>);
    let unlock_error = RwSignal::new(None::<String>);
    let accept = move |found: Arrived| match &found.admission {
        Admission::Refuse(refusal) => error.set(Some(ImportError::Refused(refusal.clone()))),
        // A rating request picked here: the rater page, as from its own picker.
        Admission::Rate => {
            if let Some(open) = OpenRequest::of(&found.incoming) {
                rate::hold(open, None);
                rating.set(true);
            }
        }
        _ => arrived.set(Some(found)),
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        arrived.set(None);
        locked.set(None);
        error.set(None);
        last_pick.set(RESTORE_PICKER);
        leptos::task::spawn_local(async move {
            match import::open(app, &file).await {
                Ok(Opening::Ready(found)) => accept(*found),
                Ok(Opening::Locked(bundle)) => {
                    unlock_error.set(None);
                    locked.set(Some(bundle));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let on_unlock = move |passphrase: String| {
        let Some(bundle) = locked.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match import::unlock(app, &bundle, &passphrase).await {
                Ok(found) => {
                    locked.set(None);
                    accept(found);
                }
                Err(e) => unlock_error.set(Some(e.message(lang()))),
            }
        });
    };
    let confirm = move |_| {
        if let Some(found) = arrived.get_untracked() {
            if let Err(e) = app.confirm(&found, &|_| Resolution::default()) {
                last_pick.set(RESTORE_PICKER);
                error.set(Some(e));
            }
        }
    };
    view! {
        <section class="card form" aria-labelledby="restore-title">
            <h2 id="restore-title">{t("Al eerder gebruikt? Herstel je profiel uit een bundel", "Used it before? Restore your profile from a bundle")}</h2>
            <div class="field">
                <label for=RESTORE_PICKER>{t("Je eigen bundel (.json)", "Your own bundle (.json)")}</label>
                <input id=RESTORE_PICKER type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <div aria-live="polite">
                {move || error.get().filter(|_| last_pick.get() == RESTORE_PICKER).map(|e| view! { <p class="notice error" role="alert" data-testid="restore-error">{e.message(lang())}</p> })}
                {move || locked.get().map(|bundle| view! {
                    <Unlock name=bundle.file error=unlock_error on_unlock=on_unlock on_cancel=move || locked.set(None)/>
                })}
                {move || arrived.get().map(|found| {
                    let doc = &found.incoming.document;
                    if found.admission == Admission::OpenStored {
                        return view! {
                            <div class="notice warning" data-testid="restore-present">
                                <p>{already_here(lang())}</p>
                                <button type="button" class="primary" on:click=confirm>{t("Dit profiel openen", "Open this profile")}</button>
                            </div>
                        }.into_any();
                    }
                    let who = format!("{} ({})", doc.profile.name, doc.profile.role.label(lang()));
                    let counts = Counts::of(doc).summary(lang());
                    view! {
                        <div data-testid="restore-preview">
                            <p><strong>{t("Profiel: ", "Profile: ")}</strong>{who}</p>
                            <p><strong>{t("Inhoud: ", "Contents: ")}</strong>{counts}</p>
                            <button type="button" class="primary" on:click=confirm>{t("Profiel herstellen", "Restore profile")}</button>
                        </div>
                    }.into_any()
                })}
            </div>
        </section>
    }
}
