use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::profile::MAX_COURSE;
use crate::model::reminder::reminder;
use crate::model::validation::limits;
use crate::ui::components::PageTitle;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_doc;
use crate::ui::time;

/// The dashboard: where the participant stands, and where to go next.
#[component]
pub fn Home() -> impl IntoView {
    let doc = use_doc();
    let greeting = move || {
        doc.with(|d| {
            let name = &d.profile.name;
            t(format!("Welkom, {name}"), format!("Welcome, {name}"))
        })
    };
    view! {
        <PageTitle text=t("Overzicht", "Overview")/>
        <p class="lead" data-testid="greeting">{greeting}</p>
        <ExportReminder/>
        <OverdueGoals/>
        <GoalsDue/>
        <div class="tiles">
            <section class="card tile">
                <h2><A href="/zelfscan">{t("Zelfscan", "Self-scan")}</A></h2>
                <p>{t(
                    "Meet waar je staat op de competenties van de leergang, en zie je groei door het jaar.",
                    "Measure where you stand on the competencies of the course, and see how you grow over the year.",
                )}</p>
            </section>
            <section class="card tile">
                <h2><A href="/casusjournaal">{t("Casusjournaal", "Case journal")}</A></h2>
                <p>{t(
                    "Werk aan echte vraagstukken en leg vast wat je doet, ziet en leert.",
                    "Work on real issues and record what you do, see and learn.",
                )}</p>
            </section>
            <section class="card tile">
                <h2><A href="/netwerkkaart">{t("Netwerkkaart", "Network map")}</A></h2>
                <p>{t(
                    "Breng de personen en partijen om je heen in kaart, en zie wie je nog mist.",
                    "Map the people and organisations around you, and see who is still missing.",
                )}</p>
            </section>
            <section class="card tile">
                <h2><A href="/delen">{t("Delen", "Share")}</A></h2>
                <p>{t(
                    "Deel je gegevens als bundel met je begeleider, en lees terugkoppeling in.",
                    "Share your data as a bundle with your coach, and import feedback.",
                )}</p>
            </section>
        </div>
        <ProfileCard/>
    }
}

/// Name and course, saved as they are typed.
#[component]
fn ProfileCard() -> impl IntoView {
    let doc = use_doc();
    // The message, and which field it is about (marked invalid).
    let error = RwSignal::new(None::<(String, &'static str)>);
    let name = move || doc.with(|d| d.profile.name.clone());
    let course = move || doc.with(|d| d.profile.course.clone());
    let on_name = move |ev| {
        let value = event_target_value(&ev);
        let mut result = Ok(());
        doc.update(|d| result = d.profile.rename(&value));
        // A refused name leaves the stored one as it was: say which it is.
        let kept = doc.with_untracked(|d| d.profile.name.clone());
        error.set(result.err().map(|e| {
            let message = t(
                format!(
                    "{} Tot dan heet je profiel nog \u{2018}{kept}\u{2019}.",
                    e.message(lang())
                ),
                format!(
                    "{} Until then your profile is still called \u{2018}{kept}\u{2019}.",
                    e.message(lang())
                ),
            );
            (message, "edit-name")
        }));
    };
    let on_course = move |ev| {
        let value = event_target_value(&ev);
        let mut result = Ok(());
        doc.update(|d| result = d.profile.set_course(&value));
        error.set(
            result
                .err()
                .map(|e| (e.message(lang()).to_string(), "edit-course")),
        );
    };
    let invalid = move |field: &'static str| {
        move || {
            error
                .with(|e| e.as_ref().is_some_and(|(_, f)| *f == field))
                .to_string()
        }
    };
    view! {
        <section class="card form profile-card" aria-labelledby="profile-card-title">
            <h2 id="profile-card-title">{t("Je profiel", "Your profile")}</h2>
            <div class="field">
                <label for="edit-name">{t("Naam", "Name")}</label>
                <input id="edit-name" type="text" maxlength=limits::NAME.to_string() prop:value=name on:input=on_name
                    aria-describedby="edit-profile-error" aria-invalid=invalid("edit-name")/>
            </div>
            <div class="field">
                <label for="edit-course">{t("Leergang", "Course")}</label>
                <input id="edit-course" type="text" maxlength=MAX_COURSE.to_string() prop:value=course on:input=on_course
                    aria-describedby="edit-profile-error" aria-invalid=invalid("edit-course")/>
            </div>
            <p id="edit-profile-error" class="field-error" role="alert">{move || error.get().map(|(m, _)| m)}</p>
        </section>
    }
}

/// Says when the data here has changed since the last bundle.
#[component]
fn ExportReminder() -> impl IntoView {
    let doc = use_doc();
    let text = move || {
        let revision = doc.with(|d| d.revision);
        reminder(revision, doc.app().last_export.get(), time::now()).map(|r| r.message(lang()))
    };
    move || {
        text().map(|text| {
            view! {
                <p class="notice warning" data-testid="export-reminder">
                    {text}" "<A href="/delen">{t("Naar Delen", "Go to Share")}</A>
                </p>
            }
        })
    }
}

/// Open development goals past their due date, longest overdue first: on the overview,
/// so they are seen before they are forgotten.
#[component]
fn OverdueGoals() -> impl IntoView {
    let doc = use_doc();
    let goals = doc.memo(|d| {
        d.selfscan
            .overdue_goals(time::today())
            .into_iter()
            .filter_map(|g| g.due.map(|due| (g.id, g.title.clone(), due)))
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || goals.with(|g| !g.is_empty())>
            <section class="card notice warning" aria-labelledby="goals-overdue-title">
                <h2 id="goals-overdue-title">
                    <A href="/zelfscan/doelen">{t("Ontwikkeldoelen over de streefdatum", "Development goals past their due date")}</A>
                </h2>
                <ul data-testid="overdue-goals">
                    <For each=move || goals.get() key=|g| g.0 let:goal>
                        <li>
                            {goal.1}
                            {
                                let due = lang().short_date(goal.2);
                                t(format!(" — streefdatum was {due}"), format!(" — was due {due}"))
                            }
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}

/// The other open development goals, soonest due first.
#[component]
fn GoalsDue() -> impl IntoView {
    let doc = use_doc();
    let goals = doc.memo(|d| {
        d.selfscan
            .upcoming_goals(time::today())
            .into_iter()
            .map(|g| (g.id, g.title.clone(), g.due))
            .collect::<Vec<_>>()
    });
    view! {
        <Show when=move || goals.with(|g| !g.is_empty())>
            <section class="card" aria-labelledby="goals-due-title">
                <h2 id="goals-due-title"><A href="/zelfscan/doelen">{t("Open ontwikkeldoelen", "Open development goals")}</A></h2>
                <ul data-testid="open-goals">
                    <For each=move || goals.get() key=|g| g.0 let:goal>
                        <li>
                            {goal.1}
                            {goal.2.map(|due| {
                                let due = lang().short_date(due);
                                t(format!(" — klaar op {due}"), format!(" — due {due}"))
                            })}
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
