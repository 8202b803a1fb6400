//! Delen › Cursusmap: the participant's course folder. *Nu delen* is in the export
//! section (it shares what is chosen there); this section gets the folder ready and
//! finds, in the participant's own place, the begeleiders' return bundles and the
//! ratings raters put there on the participant's requests, offering each with the
//! import's usual preview.

use leptos::prelude::*;

use crate::model::bundle::BundleKind;
use crate::model::folder::{answers, choose, Found, Reading, Verdict};
use crate::model::Id;
use crate::ui::components::{folder_reading, load_access, CourseFolderAccess};
use crate::ui::i18n::{lang, t};
use crate::ui::state::folder::{self, Access, FolderError};
use crate::ui::state::import::{self, Opening};
use crate::ui::state::{use_app, use_doc};
use crate::ui::time::moment;

#[derive(Clone)]
enum Search {
    Idle,
    Reading(usize, usize),
    /// The files in the participant's place; which are the newest return bundles about
    /// them (one per begeleider), and which could not be read.
    Found {
        files: StoredValue<Vec<Found>>,
        newest: Vec<usize>,
        problems: Vec<String>,
    },
    Failed(FolderError),
}

#[component]
pub fn FolderSection(access: RwSignal<Access>, offer: RwSignal<Option<Opening>>) -> impl IntoView {
    let app = use_app();
    let Some(me) = app.active_id() else {
        return ().into_any();
    };
    load_access(me, access);
    let search = RwSignal::new(Search::Idle);
    let look = move || {
        let Some(dir) = access.get_untracked().ready().cloned() else {
            return;
        };
        search.set(Search::Reading(0, 0));
        leptos::task::spawn_local(async move {
            let read = folder::read(&dir, Some(me), |done, total| {
                let _ = search.try_set(Search::Reading(done, total));
            })
            .await;
            let _ = search.try_set(match read {
                Err(e) => Search::Failed(e),
                Ok(files) => found(me, files),
            });
        });
    };
    // Once the folder is ready (on opening the page, or just chosen), look at once.
    Effect::new(move |_| {
        if access.with(|a| a.ready().is_some()) {
            look();
        }
    });
    let why = t(
        "Kies de cursusmap van de leergang: de gedeelde map in Teams of SharePoint, in OneDrive of op de netwerkschijf. Leerspoor zet je bundel dan met ‘Nu delen in de cursusmap’ op je eigen plek in die map, en vindt daar de terugkoppeling van je begeleider. Alleen wat je kiest bij ‘Wat deel je?’ gaat mee.",
        "Choose the course's folder: the shared folder in Teams or SharePoint, in OneDrive or on the network drive. Leerspoor then puts your bundle in your own place in that folder with ‘Share to the course folder now’, and finds your coach's feedback there. Only what you choose under ‘What do you share?’ is included.",
    );
    let fallback = t(
        "Zet je gedownloade bundel zelf in de cursusmap, in de map ‘deelnemers’. Een terugkoppeling uit de cursusmap lees je in met ‘Bundel inlezen’.",
        "Put your downloaded bundle in the course folder yourself, in the ‘deelnemers’ folder. Import feedback from the course folder with ‘Import a bundle’.",
    );
    view! {
        <section class="card" aria-labelledby="folder-title" data-testid="folder-section">
            <h2 id="folder-title">{t("Cursusmap", "Course folder")}</h2>
            <CourseFolderAccess profile=me access=access why=why fallback=fallback/>
            <Show when=move || access.with(|a| a.ready().is_some())>
                <div aria-live="polite" data-testid="folder-feedback">
                    {move || match search.get() {
                        Search::Idle => ().into_any(),
                        Search::Reading(done, total) => folder_reading("folder-reading", done, total),
                        Search::Failed(e) => view! { <p class="notice error" role="alert">{e.message(lang())}</p> }.into_any(),
                        Search::Found { files, newest, problems } => view! {
                            <FoundView files=files newest=newest problems=problems offer=offer/>
                        }.into_any(),
                    }}
                </div>
                <button type="button" on:click=move |_| look()>{t("Opnieuw zoeken naar terugkoppeling", "Look for feedback again")}</button>
            </Show>
        </section>
    }
    .into_any()
}

/// The newest return bundle about `me` of each begeleider, and the files that could
/// not be read, from the files of `me`'s place.
fn found(me: Id, files: Vec<Found>) -> Search {
    let choice = choose(&files, BundleKind::Feedback);
    let newest = choice.about(me).map(|n| n.file).collect();
    let problems = choice
        .verdicts
        .iter()
        .enumerate()
        .filter(|(_, v)| matches!(v, Verdict::Problem(_)))
        .map(|(i, _)| choice.explain(&files, i, lang()))
        .collect();
    Search::Found {
        files: StoredValue::new(files),
        newest,
        problems,
    }
}

#[component]
fn FoundView(
    files: StoredValue<Vec<Found>>,
    newest: Vec<usize>,
    problems: Vec<String>,
    offer: RwSignal<Option<Opening>>,
) -> impl IntoView {
    let app = use_app();
    let doc = use_doc();
    // Follows the document, so an answer just read in shows as such.
    let ratings = Memo::new(move |_| doc.with(|d| files.with_value(|f| answers(f, d))));
    let empty = newest.is_empty();
    let items = newest
        .into_iter()
        .map(|i| {
            let (from, when) = files.with_value(|f| match &f[i].reading {
                Reading::Bundle(b) => (b.bundle.from.name.clone(), moment(b.bundle.exported)),
                Reading::Locked(b) => (b.from.name.clone(), moment(b.exported)),
                _ => (String::new(), String::new()),
            });
            let open = move |_| {
                let opening = files.with_value(|f| import::offered(app, &f[i]));
                offer.set(opening);
            };
            view! {
                <li>
                    {t(format!("Terugkoppeling van {from}, {when} "), format!("Feedback from {from}, {when} "))}
                    <button type="button" on:click=open>{t("Bekijken en inlezen", "Review and import")}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        {if empty {
            view! { <p data-testid="folder-no-feedback">{t("Er staat nog geen terugkoppeling voor jou in de cursusmap.", "There is no feedback for you in the course folder yet.")}</p> }.into_any()
        } else {
            view! { <ul data-testid="folder-feedback-list">{items}</ul> }.into_any()
        }}
        <Show when=move || ratings.with(|r| !r.is_empty())>
            <h3>{t("Beoordelingen op je verzoeken", "Ratings on your requests")}</h3>
            <ul data-testid="folder-rating-list">
                {move || ratings.get().into_iter().map(|a| {
                    let file = a.file;
                    let when = moment(a.exported);
                    let rater = a.rater.clone();
                    let label = t(format!("Bekijken en inlezen: beoordeling door {rater}"), format!("Review and import: rating by {rater}"));
                    view! {
                        <li>
                            {t(format!("Beoordeling door {rater}, {when} "), format!("Rating by {rater}, {when} "))}
                            {if a.read_in {
                                view! { <span class="badge">{t("al ingelezen", "already imported")}</span> }.into_any()
                            } else {
                                view! {
                                    <button type="button" aria-label=label on:click=move |_| {
                                        let opening = files.with_value(|f| import::offered(app, &f[file]));
                                        offer.set(opening);
                                    }>{t("Bekijken en inlezen", "Review and import")}</button>
                                }.into_any()
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
        {(!problems.is_empty()).then(|| view! {
            <div class="notice warning" data-testid="folder-problems">
                <p>{t("Deze bestanden op jouw plek konden niet worden gelezen; Leerspoor probeert ze de volgende keer opnieuw:", "These files in your place could not be read; Leerspoor tries them again next time:")}</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
