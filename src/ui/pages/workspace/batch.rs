//! Many bundles at once, on the begeleider's participants page: picked files, a whole
//! folder (a course folder synced by Teams/SharePoint/OneDrive or on a network drive,
//! `docs/course-folder.md`) or files dropped together. Works in every browser: a folder
//! is read with `<input webkitdirectory>`. What is newest is decided by the contents
//! (`model::folder::list`); each import goes through the one import path.

use leptos::prelude::*;

use crate::model::folder::{list, Found, InWorkspace, Listing, Reading, State};
use crate::model::workspace::changes;
use crate::model::Id;
use crate::storage::import::Imported;
use crate::ui::components::{load_access, CourseFolderAccess};
use crate::ui::i18n::{lang, t};
use crate::ui::state::folder::{self, Access};
use crate::ui::state::import::{self, ImportError};
use crate::ui::state::use_app;
use crate::ui::state::workspace::with_workspace;
use crate::ui::time::moment;

#[derive(Clone)]
enum Batch {
    Idle,
    /// Reading file `done` of `total`.
    Reading(usize, usize),
    Listed(StoredValue<Vec<Found>>, Listing),
    /// Importing step `done` of `total`.
    Importing(usize, usize),
    /// Per step: the participant's name, the outcome, and for an update what changed.
    Done(Vec<(String, Result<Imported, ImportError>, Option<String>)>),
    Failed(folder::FolderError),
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The workspace's participants as the folder's rules take them.
fn held(coach: Id) -> Vec<InWorkspace> {
    with_workspace(coach, |ws| ws.list())
        .unwrap_or_default()
        .into_iter()
        .map(|p| InWorkspace {
            id: p.id,
            name: p.name,
            exported: p.exported,
            revision: None,
        })
        .collect()
}

#[component]
pub(super) fn BatchImport(coach: Id, version: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let state = RwSignal::new(Batch::Idle);
    let dragging = RwSignal::new(false);
    let take = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        state.set(Batch::Reading(0, files.len()));
        leptos::task::spawn_local(async move {
            let found =
                import::read_many(files, |done, total| state.set(Batch::Reading(done, total)))
                    .await;
            let listing = list(&found, &held(coach));
            state.set(Batch::Listed(StoredValue::new(found), listing));
        });
    };
    let access = RwSignal::new(Access::Checking);
    load_access(coach, access);
    // Cursusmap lezen: the whole course folder, read through its handle.
    let read_folder = move |_| {
        let Some(dir) = access.get_untracked().ready().cloned() else {
            return;
        };
        state.set(Batch::Reading(0, 0));
        leptos::task::spawn_local(async move {
            let read = folder::read(&dir, None, |done, total| {
                let _ = state.try_set(Batch::Reading(done, total));
            })
            .await;
            let _ = state.try_set(match read {
                Ok(found) => {
                    let listing = list(&found, &held(coach));
                    Batch::Listed(StoredValue::new(found), listing)
                }
                Err(e) => Batch::Failed(e),
            });
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = files_of(input.files());
        input.set_value("");
        take(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        take(files_of(ev.data_transfer().and_then(|dt| dt.files())));
    };
    // The course's passphrase opens every encrypted bundle in the list at once.
    let unlocked = RwSignal::new(None::<(usize, usize)>);
    let unlock = move |passphrase: String| {
        let Batch::Listed(found, _) = state.get_untracked() else {
            return;
        };
        let mut files = found.get_value();
        leptos::task::spawn_local(async move {
            let counts = import::unlock_found(&mut files, &passphrase).await;
            let listing = list(&files, &held(coach));
            let _ = unlocked.try_set(Some(counts));
            let _ = state.try_set(Batch::Listed(StoredValue::new(files), listing));
        });
    };
    let update_all = move || {
        let Batch::Listed(found, listing) = state.get_untracked() else {
            return;
        };
        let steps = listing.plan();
        let names: Vec<String> = steps
            .iter()
            .map(|s| {
                listing
                    .rows
                    .iter()
                    .find(|r| r.participant == s.participant)
                    .map(|r| r.display_name(lang()))
                    .unwrap_or_default()
            })
            .collect();
        state.set(Batch::Importing(0, steps.len()));
        leptos::task::spawn_local(async move {
            let found = found.get_value();
            let results = app
                .import_many(&found, &steps, |done, total| {
                    state.set(Batch::Importing(done, total))
                })
                .await;
            version.update(|v| *v += 1);
            state.set(Batch::Done(
                names
                    .into_iter()
                    .zip(results)
                    .map(|(name, (_, result))| {
                        let changed = match &result {
                            Ok(Imported::UpdatedInWorkspace { id, .. }) => what_changed(coach, *id),
                            _ => None,
                        };
                        (name, result, changed)
                    })
                    .collect(),
            ));
        });
    };
    view! {
        <section class="card" aria-labelledby="batch-title"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
            data-testid="batch-zone">
            <h2 id="batch-title">{t("Meerdere bundels of een cursusmap inlezen", "Import several bundles or a course folder")}</h2>
            <p>{t(
                "Kies de bundels van je deelnemers, of de hele cursusmap (bijvoorbeeld de map van de leergang in Teams of op de netwerkschijf), of sleep ze hierheen. Leerspoor kiest per deelnemer de nieuwste bundel op grond van de inhoud, niet de bestandsnaam; kopieën en oudere versies worden overgeslagen. Je ziet eerst de lijst; er verandert niets voordat je op Alles bijwerken klikt.",
                "Choose your participants' bundles, or the whole course folder (for example the course's folder in Teams or on the network drive), or drag them here. Leerspoor picks each participant's newest bundle by its contents, not its file name; copies and older versions are skipped. You see the list first; nothing changes until you click Update all.",
            )}</p>
            <CourseFolderAccess profile=coach access=access
                why=t(
                    "Kies de cursusmap van de leergang (de gedeelde map in Teams, SharePoint, OneDrive of op de netwerkschijf). Dan leest Leerspoor de bundels van al je deelnemers in één keer, en zet je terugkoppeling meteen op de plek van de deelnemer.",
                    "Choose the course's folder (the shared folder in Teams, SharePoint, OneDrive or on the network drive). Leerspoor then reads all your participants' bundles at once, and puts your feedback straight into the participant's place.",
                )
                fallback=t(
                    "Kies hieronder de cursusmap als map, of sleep de bundels hierheen: lezen kan in elke browser. Je terugkoppeling download je en zet je zelf op de plek van de deelnemer.",
                    "Choose the course folder below as a folder, or drag the bundles here: reading works in every browser. You download your feedback and put it in the participant's place yourself.",
                )/>
            <Show when=move || access.with(|a| a.ready().is_some())>
                <div class="actions">
                    <button type="button" class="primary" on:click=read_folder data-testid="read-folder">{t("Cursusmap lezen", "Read course folder")}</button>
                </div>
            </Show>
            <div class="field-pair">
                <div class="field">
                    <label for="batch-files">{t("Bundelbestanden", "Bundle files")}</label>
                    <input id="batch-files" type="file" multiple accept=".json,application/json" on:change=on_pick/>
                </div>
                <div class="field">
                    <label for="batch-folder">{t("Een map (cursusmap)", "A folder (course folder)")}</label>
                    <input id="batch-folder" type="file" prop:webkitdirectory=true on:change=on_pick/>
                </div>
            </div>
            <div aria-live="polite" data-testid="batch-state">
                {move || match state.get() {
                    Batch::Idle => ().into_any(),
                    Batch::Reading(done, total) => view! {
                        <p role="status">{t(format!("Bezig met lezen: {done} van {total} bestanden…"), format!("Reading: {done} of {total} files…"))}</p>
                        <progress max=total.max(1) value=done></progress>
                    }.into_any(),
                    Batch::Importing(done, total) => view! {
                        <p role="status">{t(format!("Bezig met bijwerken: {done} van {total}…"), format!("Updating: {done} of {total}…"))}</p>
                        <progress max=total value=done></progress>
                    }.into_any(),
                    Batch::Listed(found, listing) => view! {
                        <ListingView found=found listing=listing on_update=update_all on_unlock=unlock unlocked=unlocked/>
                    }.into_any(),
                    Batch::Done(results) => view! { <DoneView results=results/> }.into_any(),
                    Batch::Failed(e) => view! { <p class="notice error" role="alert">{e.message(lang())}</p> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn ListingView(
    found: StoredValue<Vec<Found>>,
    listing: Listing,
    on_update: impl Fn() + 'static,
    on_unlock: impl Fn(String) + Copy + 'static,
    unlocked: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let steps = listing.plan().len();
    let locked = found.with_value(|f| {
        f.iter()
            .filter(|x| matches!(x.reading, Reading::Locked(_)))
            .count()
    });
    let passphrase = RwSignal::new(String::new());
    let summary = listing.summary(lang());
    let rows = listing
        .rows
        .iter()
        .map(|row| {
            let name = row.display_name(lang());
            let newest = row.exported.map(moment).unwrap_or_else(|| "–".into());
            let held = row
                .held
                .as_ref()
                .map(|h| moment(h.exported))
                .unwrap_or_else(|| "–".into());
            let label = row.state.label(lang());
            let message = row.state.message(lang());
            let problems = found.with_value(|files| {
                row.problems
                    .iter()
                    .map(|&i| listing.choice.explain(files, i, lang()))
                    .collect::<Vec<_>>()
            });
            let class = match row.state {
                State::Unreadable(_) => "state unreadable",
                State::New | State::Updated => "state changed",
                State::Unchanged { .. } => "state",
            };
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td>{newest}</td>
                    <td>{held}</td>
                    <td><span class=class>{label}</span>" "<span class="muted">{message}</span>
                        {(!problems.is_empty()).then(|| view! {
                            <ul class="problems">{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let outside = found.with_value(|files| {
        listing
            .outside
            .iter()
            .map(|&i| listing.choice.explain(files, i, lang()))
            .collect::<Vec<_>>()
    });
    view! {
        <p data-testid="batch-summary">{summary}</p>
        <table class="participants" data-testid="batch-list">
            <caption>{t("Gevonden deelnemers", "Participants found")}</caption>
            <thead><tr>
                <th scope="col">{t("Naam", "Name")}</th>
                <th scope="col">{t("Nieuwste bundel", "Newest bundle")}</th>
                <th scope="col">{t("In je werkruimte", "In your workspace")}</th>
                <th scope="col">{t("Stand", "State")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {(!outside.is_empty()).then(|| view! {
            <div class="notice warning" data-testid="batch-outside">
                <p>{t("Deze bestanden horen bij geen deelnemer in de lijst:", "These files belong to no participant in the list:")}</p>
                <ul>{outside.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        })}
        {move || unlocked.get().map(|(opened, still)| view! {
            <p role="status" data-testid="batch-unlocked">{t(
                format!("Ontgrendeld: {opened}; het wachtwoord past niet op: {still}."),
                format!("Unlocked: {opened}; the passphrase does not fit: {still}."),
            )}</p>
        })}
        {(locked > 0).then(|| view! {
            <form class="field" data-testid="batch-unlock" on:submit=move |ev| {
                ev.prevent_default();
                on_unlock(passphrase.get_untracked());
                passphrase.set(String::new());
            }>
                <p>{t(
                    format!("{} versleuteld. Vul het wachtwoord in dat jullie in de leergang hebben afgesproken; Leerspoor bewaart het niet.", lang().count(locked, "bundel is", "bundels zijn")),
                    format!("{} encrypted. Enter the passphrase agreed in the course; Leerspoor does not keep it.", lang().count(locked, "bundle is", "bundles are")),
                )}</p>
                <label for="batch-passphrase">{t("Wachtwoord van de leergang", "The course's passphrase")}</label>
                <input id="batch-passphrase" type="password" autocomplete="off" prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                <button type="submit">{t("Ontgrendelen", "Unlock")}</button>
            </form>
        })}
        <div class="actions">
            <button type="button" class="primary" disabled=steps == 0 on:click=move |_| on_update()>
                {t(format!("Alles bijwerken ({steps})"), format!("Update all ({steps})"))}
            </button>
        </div>
    }
}

/// What an update brought, against the copy the workspace held before it.
fn what_changed(coach: Id, participant: Id) -> Option<String> {
    with_workspace(coach, |ws| {
        let now = ws.load(participant).ok().flatten()?;
        let before = ws.load_previous(participant).ok().flatten()?;
        Some(changes(&before.document, &now.document, lang()).summary(lang()))
    })
}

#[component]
fn DoneView(
    results: Vec<(String, Result<Imported, ImportError>, Option<String>)>,
) -> impl IntoView {
    let ok = results.iter().filter(|(_, r, _)| r.is_ok()).count();
    let failed = results.len() - ok;
    let l = lang();
    view! {
        <div class="notice info" role="status" data-testid="batch-done">
            <p>{t(
                format!("Bijgewerkt: {}; niet gelukt: {failed}.", l.count(ok, "deelnemer", "deelnemers")),
                format!("Updated: {}; failed: {failed}.", l.count(ok, "participant", "participants")),
            )}</p>
            <ul>
                {results.into_iter().map(|(name, result, changed)| {
                    let text = match result {
                        Ok(Imported::AddedToWorkspace { .. }) => t("toegevoegd", "added").to_string(),
                        Ok(Imported::UpdatedInWorkspace { .. }) => match changed {
                            Some(changed) => t(format!("bijgewerkt ({changed})"), format!("updated ({changed})")),
                            None => t("bijgewerkt", "updated").to_string(),
                        },
                        Ok(_) => t("ingelezen", "imported").to_string(),
                        Err(e) => t(format!("niet ingelezen: {}", e.message(lang())), format!("not imported: {}", e.message(lang()))),
                    };
                    view! { <li>{format!("{name}: {text}")}</li> }
                }).collect_view()}
            </ul>
        </div>
    }
}
