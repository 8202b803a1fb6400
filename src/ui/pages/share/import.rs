use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::bundle::{answer_of, Admission, Counts, OpenRequest, Resolution};
use crate::model::workspace::changes;
use crate::ui::components::focus::{focus_soon, Place};
use crate::ui::components::Unlock;
use crate::ui::draft::kept;
use crate::ui::i18n::{lang, t};
use crate::ui::state::import::{self, Arrived, ImportError, Imported, Locked, Opening};
use crate::ui::state::use_app;
use crate::ui::state::workspace::with_workspace;
use crate::ui::time;

/// Where Delen's import stands. Every step is the transaction's (`ui::state::import`);
/// this view only shows it and words its outcomes.
#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Reading(String),
    Failed(ImportError),
    Locked(Locked),
    /// Shared, not boxed: the view reads the state by value, and a preview holds the
    /// whole incoming document (megabytes for a year of data) that must not be copied.
    Preview(Arc<Arrived>),
    Done(Imported),
}

#[component]
pub fn ImportSection(
    imported: RwSignal<u32>,
    /// A bundle found in the course folder, offered here with the usual preview.
    offer: RwSignal<Option<Opening>>,
) -> impl IntoView {
    let app = use_app();
    let navigate = StoredValue::new_local(leptos_router::hooks::use_navigate());
    // A picked file's preview (or its passphrase form) is kept over a language switch;
    // a read under way is not (its result would go to the page before the switch), so
    // that one is picked again.
    let state = kept("import:state", || ImportState::Idle);
    if state.with_untracked(|s| matches!(s, ImportState::Reading(_))) {
        state.set(ImportState::Idle);
    }
    let choices = kept("import:choices", HashMap::<String, Resolution>::new);
    let dragging = RwSignal::new(false);
    let unlock_error = RwSignal::new(None::<String>);

    let take_file = move |file: web_sys::File| {
        state.set(ImportState::Reading(file.name()));
        choices.set(HashMap::new());
        leptos::task::spawn_local(async move {
            state.set(match import::open(app, &file).await {
                Ok(Opening::Ready(arrived)) => ImportState::Preview(Arc::new(*arrived)),
                Ok(Opening::Locked(locked)) => {
                    unlock_error.set(None);
                    ImportState::Locked(locked)
                }
                Err(e) => ImportState::Failed(e),
            });
        });
    };

    Effect::new(move |_| {
        let Some(opening) = offer.get() else {
            return;
        };
        offer.set(None);
        choices.set(HashMap::new());
        unlock_error.set(None);
        state.set(match opening {
            Opening::Ready(arrived) => ImportState::Preview(Arc::new(*arrived)),
            Opening::Locked(locked) => ImportState::Locked(locked),
        });
        // The preview is in this card: bring it into view for the reader.
        if let Some(zone) = document().get_element_by_id("import-title") {
            zone.scroll_into_view();
        }
    });

    let unlock = move |passphrase: String| {
        let ImportState::Locked(locked) = state.get_untracked() else {
            return;
        };
        state.set(ImportState::Reading(locked.file.clone()));
        leptos::task::spawn_local(async move {
            // The passphrase form is rebuilt either way: the focus goes on from the
            // preview, or back to the passphrase.
            match import::unlock(app, &locked, &passphrase).await {
                Ok(arrived) => {
                    state.set(ImportState::Preview(Arc::new(arrived)));
                    focus_soon(vec![Place::Id("import-preview-title".into())]);
                }
                // Let the user try another passphrase without choosing the file again.
                Err(e) => {
                    unlock_error.set(Some(e.message(lang())));
                    state.set(ImportState::Locked(locked));
                    focus_soon(vec![Place::Id("import-passphrase".into())]);
                }
            }
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            take_file(file);
        }
        // Choosing the same file again must fire `change` again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0))
        {
            take_file(file);
        }
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };

    let confirm = move || {
        let ImportState::Preview(arrived) = state.get_untracked() else {
            return;
        };
        let decisions = choices.get_untracked();
        let decide =
            |c: &crate::model::bundle::Conflict| decisions.get(&c.key).copied().unwrap_or_default();
        let outcome = app.confirm(&arrived, &decide);
        // A rating request is filled in on the rater page; nothing was stored.
        if matches!(outcome, Ok(Imported::ForRating)) {
            if let Some(open) = OpenRequest::of(&arrived.incoming) {
                crate::ui::pages::rate::hold(open, None);
                navigate.with_value(|go| go("/beoordelen", Default::default()));
            }
            return;
        }
        if matches!(outcome, Ok(Imported::Merged { .. })) {
            imported.update(|n| *n += 1);
        }
        state.set(match outcome {
            Ok(done) => ImportState::Done(done),
            Err(e) => ImportState::Failed(e),
        });
        // The preview and its buttons are gone: on from what the import did.
        focus_soon(vec![
            Place::Id("import-done".into()),
            Place::Id("import-error".into()),
            Place::Id("bundle-file".into()),
        ]);
    };

    view! {
        <section class="card" aria-labelledby="import-title"
            class:dragging=move || dragging.get()
            on:dragover=on_dragover
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
            data-testid="import-zone">
            <h2 id="import-title">{t("Bundel inlezen", "Import a bundle")}</h2>
            <p>{t(
                "Kies een bundel (.json) of sleep hem hierheen. Je ziet eerst wat er verandert; er gebeurt niets zonder jouw bevestiging.",
                "Choose a bundle (.json) or drag it here. You first see what will change; nothing happens without your confirmation.",
            )}</p>
            <div class="field">
                <label for="bundle-file">{t("Bundelbestand", "Bundle file")}</label>
                <input id="bundle-file" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <div aria-live="polite" data-testid="import-state">
                {move || match state.get() {
                    ImportState::Idle => ().into_any(),
                    // A large bundle takes a moment to read and check: the bar says the
                    // app is at work (it cannot say how far: the read is one step).
                    ImportState::Reading(name) => view! {
                        <p id="import-reading">{t(format!("Bezig met lezen van {name}…"), format!("Reading {name}…"))}</p>
                        <progress aria-labelledby="import-reading" data-testid="import-progress"></progress>
                    }.into_any(),
                    ImportState::Failed(error) => view! {
                        <div class="notice error" role="alert" id="import-error" data-testid="import-error">
                            <strong>{t("Niet ingelezen. ", "Not imported. ")}</strong><span class="pre-line">{error.message(lang())}</span>
                        </div>
                    }.into_any(),
                    ImportState::Locked(locked) => view! {
                        <Unlock name=locked.file.clone() error=unlock_error on_unlock=unlock on_cancel=move || state.set(ImportState::Idle)/>
                    }.into_any(),
                    ImportState::Done(done) => view! { <DoneView done=done/> }.into_any(),
                    ImportState::Preview(arrived) => view! {
                        <PreviewView arrived=arrived choices=choices on_confirm=confirm
                            on_cancel=move || {
                                state.set(ImportState::Idle);
                                focus_soon(vec![Place::Id("bundle-file".into())]);
                            }/>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

/// What a confirmed import did, worded.
#[component]
fn DoneView(done: Imported) -> impl IntoView {
    let n = |count, one, many| lang().count(count, one, many);
    match done {
        Imported::Merged { changes } => view! {
            <div class="notice info" role="status" id="import-done" data-testid="import-done">{t(
                format!("Ingelezen: {}. Een back-up van daarvoor staat hieronder klaar.", n(changes, "wijziging", "wijzigingen")),
                format!("Imported: {}. A backup from before is ready below.", n(changes, "change", "changes")),
            )}</div>
        }.into_any(),
        Imported::NothingNew => view! {
            <div class="notice info" role="status" id="import-done" data-testid="import-done">{t(
                "Alles uit deze bundel staat er al; er is niets veranderd.",
                "Everything in this bundle is already here; nothing has been changed.",
            )}</div>
        }.into_any(),
        // Delen runs with a profile open: these two are the first-run page's; a request
        // goes to the rater page.
        Imported::Restored | Imported::OpenedStored | Imported::ForRating => ().into_any(),
        Imported::AddedToWorkspace { name, id } | Imported::UpdatedInWorkspace { name, id } => view! {
            <div class="notice info" role="status" id="import-done" data-testid="import-done">
                <span>{t(format!("{name} staat nu bij je deelnemers. "), format!("{name} is now among your participants. "))}
                    <a href=format!("/deelnemers/{id}")>{t(format!("Dashboard van {name}"), format!("Dashboard of {name}"))}</a>
                </span>
            </div>
        }.into_any(),
    }
}

#[component]
fn PreviewView(
    arrived: Arc<Arrived>,
    choices: RwSignal<HashMap<String, Resolution>>,
    on_confirm: impl Fn() + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let bundle = &arrived.incoming.bundle;
    let document = &arrived.incoming.document;
    // A rater has no Leerspoor role: their role in the request says who they are.
    let from = match answer_of(&arrived.incoming) {
        Some((scan, _)) => scan.rater.label(lang()),
        None => format!("{} ({})", bundle.from.name, bundle.from.role.label(lang())),
    };
    let when = time::moment(bundle.exported);
    let counts = Counts::of(document).summary(lang());
    let kind = bundle.kind.label(lang());
    let plan = &arrived.plan;
    let added = if plan.added.is_empty() {
        t("niets nieuws", "nothing new").to_string()
    } else {
        plan.added
            .iter()
            .map(|(what, n)| format!("{n} × {}", what.noun(lang())))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let feedback = lang().count(
        plan.feedback_added,
        t("nieuwe opmerking", "new comment"),
        t("nieuwe opmerkingen", "new comments"),
    );
    let conflicts = plan.conflicts.clone();
    let name = &document.profile.name;
    // (button text, note) for what the admission allows; a refusal shows its reason.
    let (action, note) = match &arrived.admission {
        Admission::Refuse(refusal) => (None, Some(("foreign-note", refusal.message(lang())))),
        Admission::AddToWorkspace => (
            Some(t("Toevoegen aan mijn deelnemers", "Add to my participants")),
            Some(("workspace-note", t(
                format!("Deze bundel bevat de gegevens van {name}. Ze komen in je werkruimte voor deelnemers, los van je eigen gegevens."),
                format!("This bundle holds the data of {name}. It goes into your workspace for participants, apart from your own data."),
            ))),
        ),
        Admission::UpdateInWorkspace => (
            Some(t("Bijwerken", "Update")),
            Some(("workspace-note", t(
                format!("{name} staat al bij je deelnemers. Bijwerken bewaart de vorige versie, zodat je ziet wat er veranderd is; je opmerkingen en beoordelingen blijven."),
                format!("{name} is already among your participants. Updating keeps the previous version, so you can see what has changed; your comments and ratings stay."),
            ))),
        ),
        Admission::Rate => {
            let rater = document.selfscan.requests.first().map(|r| r.rater.clone()).unwrap_or_default();
            (
                Some(t("Beoordeling invullen", "Fill in the rating")),
                Some(("rate-note", t(
                    format!("Dit is een beoordelingsverzoek van {name} aan {rater}. Je vult het in op een eigen pagina; er komt niets in je profiel."),
                    format!("This is a rating request from {name} to {rater}. You fill it in on a page of its own; nothing goes into your profile."),
                ))),
            )
        }
        Admission::ReadRating => {
            let request = answer_of(&arrived.incoming)
                .and_then(|(scan, _)| scan.request)
                .and_then(|id| document.selfscan.request(id));
            let text = request.map(|r| {
                let sent = lang().date(r.sent);
                let who = r.rater.clone();
                t(
                    format!("Een beoordeling door {who} op je beoordelingsverzoek van {sent}. Hij komt bij je scans en in je resultaten, naast je eigen beeld."),
                    format!("A rating by {who} on your rating request of {sent}. It goes among your scans and into your results, beside your own view."),
                )
            });
            (Some(t("Beoordeling inlezen", "Import the rating")), text.map(|text| ("rating-note", text)))
        }
        Admission::Merge | Admission::ReadFeedback | Admission::Restore | Admission::OpenStored => {
            (Some(t("Importeren", "Import")), None)
        }
    };
    let merges = arrived.admission.merges();
    // An update of a participant: what is new against the copy the workspace holds.
    let since_last = matches!(arrived.admission, Admission::UpdateInWorkspace)
        .then(|| {
            let coach = use_app().active_id()?;
            with_workspace(coach, |ws| ws.load(document.id()).ok().flatten())
                .map(|held| changes(&held.document, document, lang()).summary(lang()))
        })
        .flatten();
    view! {
        <div class="import-preview" data-testid="import-preview">
            <h3 id="import-preview-title">{t("Voorbeeld van de import", "Preview of the import")}</h3>
            <dl class="facts">
                <dt>{t("Bestand", "File")}</dt><dd>{arrived.file.clone()}</dd>
                <dt>{t("Van", "From")}</dt><dd data-testid="preview-from">{from}</dd>
                <dt>{t("Geëxporteerd op", "Exported on")}</dt><dd data-testid="preview-exported">{when}</dd>
                <dt>{t("Soort", "Kind")}</dt><dd>{kind}</dd>
                <dt>{t("Inhoud", "Contents")}</dt><dd data-testid="preview-counts">{counts}</dd>
                // What a merge would add; a bundle for the workspace or the rater page
                // is not merged into this profile, so this profile gains nothing from it.
                {merges.then(|| view! {
                    <dt>{t("Nieuw hier", "New here")}</dt><dd data-testid="preview-added">{added}</dd>
                    <dt>{t("Terugkoppeling", "Feedback")}</dt><dd>{feedback}</dd>
                })}
                {since_last.map(|summary| view! {
                    <dt>{t("Nieuw sinds de vorige versie", "New since the last version")}</dt>
                    <dd data-testid="preview-since-last">{summary}</dd>
                })}
            </dl>
            {note.map(|(id, note)| {
                let class = if id == "foreign-note" { "notice warning" } else { "notice info" };
                let role = (id == "foreign-note").then_some("alert");
                view! { <p class=class role=role data-testid=id>{note}</p> }
            })}
            {(!conflicts.is_empty() && merges).then(|| view! {
                <fieldset class="field conflicts">
                    <legend>{t(
                        format!("{} van wat hier staat", lang().count(conflicts.len(), "record verschilt", "records verschillen")),
                        format!("{} from what is here", lang().count(conflicts.len(), "record differs", "records differ")),
                    )}</legend>
                    <p class="muted">{t(
                        "Kies per record. Standaard wint de nieuwste versie; je eigen tekst gaat nooit verloren zonder back-up.",
                        "Choose for each record. By default the newest version wins; your own text is never lost without a backup.",
                    )}</p>
                    <ul>
                        {conflicts.into_iter().map(|c| {
                            let key = c.key.clone();
                            let newer = if c.incoming_is_newer() {
                                t("de bundel is nieuwer", "the bundle is newer")
                            } else {
                                t("wat hier staat is nieuwer", "what is here is newer")
                            };
                            let options = [
                                (Resolution::NewerWins, t("Nieuwste wint", "Newest wins")),
                                (Resolution::KeepBoth, t("Beide bewaren", "Keep both")),
                                (Resolution::Skip, t("Overslaan", "Skip")),
                            ];
                            view! {
                                <li>
                                    <fieldset>
                                        <legend>{format!("{}: {} ({newer})", c.what.noun(lang()), c.title.text(lang()))}</legend>
                                        {options.into_iter().map(|(resolution, label)| {
                                            let key = key.clone();
                                            let key2 = key.clone();
                                            view! {
                                                <label class="choice">
                                                    <input type="radio" name=format!("conflict-{key}")
                                                        prop:checked=move || choices.with(|m| m.get(&key).copied().unwrap_or_default() == resolution)
                                                        on:change=move |_| choices.update(|m| { m.insert(key2.clone(), resolution); })/>
                                                    {label}
                                                </label>
                                            }
                                        }).collect_view()}
                                    </fieldset>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
            })}
            <div class="actions">
                <button type="button" class="primary" disabled=action.is_none()
                    on:click=move |_| on_confirm()>{action.unwrap_or(t("Importeren", "Import"))}</button>
                <button type="button" on:click=move |_| on_cancel()>{t("Annuleren", "Cancel")}</button>
            </div>
        </div>
    }
}
