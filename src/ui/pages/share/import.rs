use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::model::bundle::BundleKind;
use crate::model::bundle::{
    self, Bundle, Counts, Incoming, MergePlan, Opened, Relation, Resolution,
};
use crate::model::{Id, Lang, Role};
use crate::ui::components::Unlock;
use crate::ui::crypto;
use crate::ui::files::open_bundle_file;
use crate::ui::i18n::{lang, t};
use crate::ui::pages::{add_participant, workspace_holds};
use crate::ui::state::use_app;
use crate::ui::timed;

#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Reading(String),
    Failed(String),
    Locked(String, Box<Bundle>),
    /// Shared, not boxed: the view reads the state by value, and a preview holds the
    /// whole incoming document (megabytes for a year of data) that must not be copied.
    Preview(Arc<Preview>),
    Done(String),
    /// A participant's bundle went into the begeleider's workspace: (name, id).
    Added(String, Id),
}

#[derive(Clone, PartialEq)]
struct Preview {
    file: String,
    incoming: Incoming,
    relation: Relation,
    plan: MergePlan,
}

#[component]
pub fn ImportSection(imported: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let state = RwSignal::new(ImportState::Idle);
    let choices = RwSignal::new(HashMap::<String, Resolution>::new());
    let dragging = RwSignal::new(false);

    let unlock_error = RwSignal::new(None::<String>);
    let show_preview = move |file: String, incoming: Incoming| {
        let Some(me) = app.active_id() else { return };
        let relation = bundle::relation(&incoming, me);
        let plan = app.doc.with_untracked(|d| {
            d.as_ref()
                .map(|d| {
                    timed("leerspoor-bundle-plan", || {
                        bundle::plan(d, &incoming.document, incoming.bundle.kind)
                    })
                })
                .unwrap_or_default()
        });
        unlock_error.set(None);
        state.set(ImportState::Preview(Arc::new(Preview {
            file,
            incoming,
            relation,
            plan,
        })));
    };

    let take_file = move |file: web_sys::File| {
        let name = file.name();
        state.set(ImportState::Reading(name.clone()));
        choices.set(HashMap::new());
        leptos::task::spawn_local(async move {
            match open_bundle_file(&file).await {
                Ok(Opened::Ready(incoming)) => show_preview(name, *incoming),
                Ok(Opened::Locked(locked)) => state.set(ImportState::Locked(name, locked)),
                Err(message) => state.set(ImportState::Failed(message)),
            }
        });
    };

    let unlock = move |passphrase: String| {
        let ImportState::Locked(name, locked) = state.get_untracked() else {
            return;
        };
        let Some(encrypted) = locked.encrypted.clone() else {
            return;
        };
        state.set(ImportState::Reading(name.clone()));
        leptos::task::spawn_local(async move {
            let opened = match crypto::decrypt(&encrypted, &passphrase).await {
                Ok(plaintext) => bundle::open_plaintext(*locked.clone(), &plaintext)
                    .map_err(|e| e.message(lang())),
                Err(e) => Err(e.message(lang())),
            };
            match opened {
                Ok(incoming) => show_preview(name, incoming),
                // Let the user try another passphrase without choosing the file again.
                Err(message) => {
                    state.set(ImportState::Locked(name, locked));
                    unlock_error.set(Some(message));
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

    // A begeleider keeps another person's bundle in their workspace, apart from their own.
    let add = move || {
        let ImportState::Preview(preview) = state.get_untracked() else {
            return;
        };
        let document = &preview.incoming.document;
        match add_participant(&preview.incoming) {
            Ok(()) => state.set(ImportState::Added(
                document.profile.name.clone(),
                document.id(),
            )),
            Err(message) => state.set(ImportState::Failed(message)),
        }
    };

    let confirm = move |_| {
        let decisions = choices.get_untracked();
        let decide = |c: &bundle::Conflict| decisions.get(&c.key).copied().unwrap_or_default();
        // Read in place: the preview and the profile can each be megabytes to clone.
        let merged = state.with_untracked(|s| {
            let ImportState::Preview(preview) = s else {
                return None;
            };
            app.doc.with_untracked(|doc| {
                let doc = doc.as_ref()?;
                Some(timed("leerspoor-bundle-apply", || {
                    bundle::apply(
                        doc,
                        &preview.incoming.document,
                        preview.incoming.bundle.kind,
                        &decide,
                    )
                }))
            })
        });
        let Some(merged) = merged else {
            return;
        };
        let (merged, report) = match merged {
            Ok(result) => result,
            Err(problems) => {
                let detail = problems
                    .iter()
                    .take(5)
                    .map(|p| p.message(lang()))
                    .collect::<Vec<_>>()
                    .join(" ");
                return state.set(ImportState::Failed(match lang() {
                    Lang::Nl => format!(
                        "Samenvoegen zou ongeldige gegevens opleveren; er is niets veranderd. {detail}"
                    ),
                    Lang::En => format!(
                        "Merging would produce invalid data; nothing has been changed. {detail}"
                    ),
                }));
            }
        };
        if report.changes() == 0 {
            return state.set(ImportState::Done(
                t(
                    "Alles uit deze bundel staat er al; er is niets veranderd.",
                    "Everything in this bundle is already here; nothing has been changed.",
                )
                .into(),
            ));
        }
        // The backup must exist before anything changes; without it, nothing changes.
        if let Err(e) = timed("leerspoor-backup", || app.backup_now()) {
            let reason = e.message(lang());
            return state.set(ImportState::Failed(match lang() {
                Lang::Nl => format!(
                    "Er kon geen back-up worden gemaakt, dus er is niets ingelezen. {reason}"
                ),
                Lang::En => {
                    format!("No backup could be made, so nothing has been imported. {reason}")
                }
            }));
        }
        app.replace(merged);
        if app.is_saved() {
            imported.update(|n| *n += 1);
            let n = report.changes();
            state.set(ImportState::Done(match lang() {
                Lang::Nl => format!(
                    "Ingelezen: {n} wijziging(en). Een back-up van daarvoor staat hieronder klaar."
                ),
                Lang::En => format!(
                    "Imported: {}. A backup from before is ready below.",
                    lang().count(n, "change", "changes")
                ),
            }));
        } else {
            state.set(ImportState::Failed(
                t(
                    "De bundel is ingelezen, maar kon niet worden opgeslagen (zie de melding bovenaan). Een back-up van daarvoor staat hieronder klaar.",
                    "The bundle was imported, but could not be saved (see the message at the top). A backup from before is ready below.",
                )
                .into(),
            ));
        }
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
                    ImportState::Reading(name) => view! { <p>{match lang() {
                        Lang::Nl => format!("Bezig met lezen van {name}…"),
                        Lang::En => format!("Reading {name}…"),
                    }}</p> }.into_any(),
                    ImportState::Failed(message) => view! {
                        <div class="notice error" role="alert" data-testid="import-error">
                            <strong>{t("Niet ingelezen. ", "Not imported. ")}</strong><span class="pre-line">{message}</span>
                        </div>
                    }.into_any(),
                    ImportState::Locked(name, _) => view! {
                        <Unlock name=name error=unlock_error on_unlock=unlock on_cancel=move || state.set(ImportState::Idle)/>
                    }.into_any(),
                    ImportState::Done(message) => view! {
                        <div class="notice info" role="status" data-testid="import-done">{message}</div>
                    }.into_any(),
                    ImportState::Added(name, id) => view! {
                        <div class="notice info" role="status" data-testid="import-done">
                            <span>{match lang() {
                                    Lang::Nl => format!("{name} staat nu bij je deelnemers. "),
                                    Lang::En => format!("{name} is now among your participants. "),
                                }}
                                <a href=format!("/deelnemers/{id}")>{match lang() {
                                    Lang::Nl => format!("Dashboard van {name}"),
                                    Lang::En => format!("Dashboard of {name}"),
                                }}</a>
                            </span>
                        </div>
                    }.into_any(),
                    ImportState::Preview(preview) => view! {
                        <PreviewView preview=preview choices=choices on_confirm=confirm on_add=add
                            on_cancel=move || state.set(ImportState::Idle)/>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn PreviewView(
    preview: Arc<Preview>,
    choices: RwSignal<HashMap<String, Resolution>>,
    on_confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_add: impl Fn() + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let app = use_app();
    let bundle = &preview.incoming.bundle;
    let from = format!("{} ({})", bundle.from.name, bundle.from.role.label(lang()));
    let when = match lang() {
        Lang::Nl => bundle.exported.format("%d-%m-%Y %H:%M").to_string(),
        Lang::En => format!(
            "{}, {}",
            lang().date(bundle.exported.date_naive()),
            bundle.exported.format("%H:%M")
        ),
    };
    let counts = Counts::of(&preview.incoming.document).summary(lang());
    let kind = bundle.kind.label(lang());
    let added = if preview.plan.added.is_empty() {
        t("niets nieuws", "nothing new").to_string()
    } else {
        preview
            .plan
            .added
            .iter()
            .map(|(what, n)| format!("{n} × {}", what.noun(lang())))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let feedback = preview.plan.feedback_added;
    let conflicts = preview.plan.conflicts.clone();
    let can_import = preview.relation != Relation::Foreign;
    let is_coach = app
        .doc
        .with_untracked(|d| d.as_ref().map(|d| d.profile.role))
        == Some(Role::Coach);
    let participant = preview.incoming.document.id();
    // (button text, note) when a begeleider can keep this bundle in their workspace.
    let for_workspace = (preview.relation == Relation::Foreign
        && is_coach
        && bundle.kind == BundleKind::Participant)
        .then(|| {
            let name = &preview.incoming.document.profile.name;
            match (workspace_holds(participant), lang()) {
                (true, Lang::Nl) => ("Bijwerken", format!("{name} staat al bij je deelnemers. Bijwerken bewaart de vorige versie, zodat je ziet wat er veranderd is; je opmerkingen en beoordelingen blijven.")),
                (true, Lang::En) => ("Update", format!("{name} is already among your participants. Updating keeps the previous version, so you can see what has changed; your comments and ratings stay.")),
                (false, Lang::Nl) => ("Toevoegen aan mijn deelnemers", format!("Deze bundel bevat de gegevens van {name}. Ze komen in je werkruimte voor deelnemers, los van je eigen gegevens.")),
                (false, Lang::En) => ("Add to my participants", format!("This bundle holds the data of {name}. It goes into your workspace for participants, apart from your own data.")),
            }
        });
    let foreign_note = match preview.relation {
        Relation::Foreign if for_workspace.is_some() => None,
        Relation::Foreign => Some(match lang() {
            Lang::Nl => format!(
                "Deze bundel bevat de gegevens van {}, niet die van jou. Je kunt alleen je eigen bundels en terugkoppeling op je eigen gegevens inlezen; een werkruimte voor begeleiders met meerdere deelnemers komt in een volgende versie.",
                bundle.from.name
            ),
            Lang::En => format!(
                "This bundle holds the data of {}, not yours. You can only import your own bundles and feedback on your own data; only a coach profile can keep other people's bundles.",
                bundle.from.name
            ),
        }),
        _ => None,
    };
    view! {
        <div class="import-preview" data-testid="import-preview">
            <h3>{t("Voorbeeld van de import", "Preview of the import")}</h3>
            <dl class="facts">
                <dt>{t("Bestand", "File")}</dt><dd>{preview.file.clone()}</dd>
                <dt>{t("Van", "From")}</dt><dd data-testid="preview-from">{from}</dd>
                <dt>{t("Geëxporteerd op", "Exported on")}</dt><dd>{when}</dd>
                <dt>{t("Soort", "Kind")}</dt><dd>{kind}</dd>
                <dt>{t("Inhoud", "Contents")}</dt><dd data-testid="preview-counts">{counts}</dd>
                <dt>{t("Nieuw hier", "New here")}</dt><dd data-testid="preview-added">{added}</dd>
                <dt>{t("Terugkoppeling", "Feedback")}</dt><dd>{match lang() {
                    Lang::Nl => format!("{feedback} nieuwe opmerking(en)"),
                    Lang::En => lang().count(feedback, "new comment", "new comments"),
                }}</dd>
            </dl>
            {foreign_note.map(|note| view! { <p class="notice warning" role="alert" data-testid="foreign-note">{note}</p> })}
            {(!conflicts.is_empty() && can_import).then(|| view! {
                <fieldset class="field conflicts">
                    <legend>{match lang() {
                        Lang::Nl => format!("{} record(s) verschillen van wat hier staat", conflicts.len()),
                        Lang::En => format!(
                            "{} from what is here",
                            lang().count(conflicts.len(), "record differs", "records differ")
                        ),
                    }}</legend>
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
            {match for_workspace {
                Some((label, note)) => view! {
                    <p class="notice info" data-testid="workspace-note">{note}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| on_add()>{label}</button>
                        <button type="button" on:click=move |_| on_cancel()>{t("Annuleren", "Cancel")}</button>
                    </div>
                }.into_any(),
                None => view! {
            <div class="actions">
                <button type="button" class="primary" disabled=!can_import on:click=on_confirm>{t("Importeren", "Import")}</button>
                <button type="button" on:click=move |_| on_cancel()>{t("Annuleren", "Cancel")}</button>
            </div>
                }.into_any(),
            }}
        </div>
    }
}
