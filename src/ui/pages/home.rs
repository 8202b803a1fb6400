use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::order::SharedSort;
use crate::model::reminder::reminder;
use crate::model::Lang;
use crate::ui::components::PageTitle;
use crate::ui::i18n::{lang, t};
use crate::ui::state::use_app;

/// The dashboard: where the participant stands, and where to go next.
#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    let greeting = move || {
        app.doc.with(|d| {
            d.as_ref()
                .map(|d| match lang() {
                    Lang::Nl => format!("Welkom, {}", d.profile.name),
                    Lang::En => format!("Welcome, {}", d.profile.name),
                })
                .unwrap_or_default()
        })
    };
    view! {
        <PageTitle text=t("Overzicht", "Overview")/>
        <p class="lead" data-testid="greeting">{greeting}</p>
        <ExportReminder/>
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
    let app = use_app();
    let error = RwSignal::new(None::<&'static str>);
    let name = move || {
        app.doc.with(|d| {
            d.as_ref()
                .map(|d| d.profile.name.clone())
                .unwrap_or_default()
        })
    };
    let course = move || {
        app.doc.with(|d| {
            d.as_ref()
                .map(|d| d.profile.course.clone())
                .unwrap_or_default()
        })
    };
    let on_name = move |ev| {
        let value = event_target_value(&ev);
        let mut result = Ok(());
        app.update(|d| result = d.profile.rename(&value));
        error.set(result.err().map(|e| e.message(lang())));
    };
    let on_course = move |ev| {
        let value = event_target_value(&ev);
        let mut result = Ok(());
        app.update(|d| result = d.profile.set_course(&value));
        error.set(result.err().map(|e| e.message(lang())));
    };
    view! {
        <section class="card form profile-card" aria-labelledby="profile-card-title">
            <h2 id="profile-card-title">{t("Je profiel", "Your profile")}</h2>
            <div class="field">
                <label for="edit-name">{t("Naam", "Name")}</label>
                <input id="edit-name" type="text" maxlength="100" prop:value=name on:input=on_name
                    aria-describedby="edit-profile-error"/>
            </div>
            <div class="field">
                <label for="edit-course">{t("Leergang", "Course")}</label>
                <input id="edit-course" type="text" maxlength="200" prop:value=course on:input=on_course
                    aria-describedby="edit-profile-error"/>
            </div>
            <p id="edit-profile-error" class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}

/// Says when the data here has changed since the last bundle.
#[component]
fn ExportReminder() -> impl IntoView {
    let app = use_app();
    let text = move || {
        let revision = app.doc.with(|d| d.as_ref().map(|d| d.revision))?;
        reminder(revision, app.last_export.get(), chrono::Utc::now()).map(|r| r.message(lang()))
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

/// Open development goals, overdue and due soon first.
#[component]
fn GoalsDue() -> impl IntoView {
    let app = use_app();
    let goals = Memo::new(move |_| {
        let today = chrono::Local::now().date_naive();
        app.doc.with(|d| {
            let Some(d) = d else { return Vec::new() };
            let mut open: Vec<_> = d
                .selfscan
                .open_goals()
                .into_iter()
                .map(|g| (g.id, g.title.clone(), g.due, g.is_overdue(today)))
                .collect();
            open.shared_sort_by_key(|(_, _, due, overdue)| (!overdue, due.is_none(), *due));
            open
        })
    });
    view! {
        <Show when=move || goals.with(|g| !g.is_empty())>
            <section class="card" aria-labelledby="goals-due-title">
                <h2 id="goals-due-title"><A href="/zelfscan/doelen">{t("Open ontwikkeldoelen", "Open development goals")}</A></h2>
                <ul data-testid="open-goals">
                    <For each=move || goals.get() key=|g| g.0 let:goal>
                        <li>
                            {goal.1}
                            {goal.2.map(|due| match lang() {
                                Lang::Nl => format!(" — klaar op {}", lang().short_date(due)),
                                Lang::En => format!(" — due {}", lang().date(due)),
                            })}
                            {goal.3.then(|| view! { <strong class="overdue">{t(" (te laat)", " (overdue)")}</strong> })}
                        </li>
                    </For>
                </ul>
            </section>
        </Show>
    }
}
