use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::bundle::BundleKind;
use crate::model::bundle::{
    self, Bundle, Counts, Incoming, MergePlan, Opened, Relation, Resolution,
};
use crate::model::{Id, Role};
use crate::ui::components::Unlock;
use crate::ui::crypto;
use crate::ui::files::open_bundle_file;
use crate::ui::pages::{add_participant, workspace_holds};
use crate::ui::state::use_app;

#[derive(Clone, PartialEq)]
enum ImportState {
    Idle,
    Reading(String),
    Failed(String),
    Locked(String, Box<Bundle>),
    Preview(Box<Preview>),
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
                .map(|d| bundle::plan(d, &incoming.document, incoming.bundle.kind))
                .unwrap_or_default()
        });
        unlock_error.set(None);
        state.set(ImportState::Preview(Box::new(Preview {
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
                    .map_err(|e| e.message(crate::ui::i18n::lang())),
                Err(e) => Err(e.message(crate::ui::i18n::lang())),
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
        let ImportState::Preview(preview) = state.get_untracked() else {
            return;
        };
        let Some(doc) = app.doc.get_untracked() else {
            return;
        };
        let decisions = choices.get_untracked();
        let decide = |c: &bundle::Conflict| decisions.get(&c.key).copied().unwrap_or_default();
        let merged = bundle::apply(
            &doc,
            &preview.incoming.document,
            preview.incoming.bundle.kind,
            &decide,
        );
        let (merged, report) = match merged {
            Ok(result) => result,
            Err(problems) => {
                let detail = problems
                    .iter()
                    .take(5)
                    .map(|p| p.message(crate::ui::i18n::lang()))
                    .collect::<Vec<_>>()
                    .join(" ");
                return state.set(ImportState::Failed(format!(
                    "Samenvoegen zou ongeldige gegevens opleveren; er is niets veranderd. {detail}"
                )));
            }
        };
        if report.changes() == 0 {
            return state.set(ImportState::Done(
                "Alles uit deze bundel staat er al; er is niets veranderd.".into(),
            ));
        }
        // The backup must exist before anything changes; without it, nothing changes.
        if let Err(e) = app.backup_now() {
            return state.set(ImportState::Failed(format!(
                "Er kon geen back-up worden gemaakt, dus er is niets ingelezen. {}",
                e.message(crate::ui::i18n::lang())
            )));
        }
        app.replace(merged);
        if app.is_saved() {
            imported.update(|n| *n += 1);
            state.set(ImportState::Done(format!(
                "Ingelezen: {} wijziging(en). Een back-up van daarvoor staat hieronder klaar.",
                report.changes()
            )));
        } else {
            state.set(ImportState::Failed(
                "De bundel is ingelezen, maar kon niet worden opgeslagen (zie de melding bovenaan). Een back-up van daarvoor staat hieronder klaar.".into(),
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
            <h2 id="import-title">"Bundel inlezen"</h2>
            <p>"Kies een bundel (.json) of sleep hem hierheen. Je ziet eerst wat er verandert; er gebeurt niets zonder jouw bevestiging."</p>
            <div class="field">
                <label for="bundle-file">"Bundelbestand"</label>
                <input id="bundle-file" type="file" accept=".json,application/json" on:change=on_pick/>
            </div>
            <div aria-live="polite" data-testid="import-state">
                {move || match state.get() {
                    ImportState::Idle => ().into_any(),
                    ImportState::Reading(name) => view! { <p>{format!("Bezig met lezen van {name}…")}</p> }.into_any(),
                    ImportState::Failed(message) => view! {
                        <div class="notice error" role="alert" data-testid="import-error">
                            <strong>"Niet ingelezen. "</strong><span class="pre-line">{message}</span>
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
                            <span>{format!("{name} staat nu bij je deelnemers. ")}
                                <a href=format!("/deelnemers/{id}")>{format!("Dashboard van {name}")}</a>
                            </span>
                        </div>
                    }.into_any(),
                    ImportState::Preview(preview) => view! {
                        <PreviewView preview=*preview choices=choices on_confirm=confirm on_add=add
                            on_cancel=move || state.set(ImportState::Idle)/>
                    }.into_any(),
                }}
            </div>
        </section>
    }
}

#[component]
fn PreviewView(
    preview: Preview,
    choices: RwSignal<HashMap<String, Resolution>>,
    on_confirm: impl Fn(leptos::ev::MouseEvent) + 'static,
    on_add: impl Fn() + 'static,
    on_cancel: impl Fn() + 'static,
) -> impl IntoView {
    let app = use_app();
    let bundle = &preview.incoming.bundle;
    let from = format!(
        "{} ({})",
        bundle.from.name,
        bundle.from.role.label(crate::ui::i18n::lang())
    );
    let when = bundle.exported.format("%d-%m-%Y %H:%M").to_string();
    let counts = Counts::of(&preview.incoming.document).summary(crate::ui::i18n::lang());
    let kind = bundle.kind.label(crate::ui::i18n::lang());
    let added = if preview.plan.added.is_empty() {
        "niets nieuws".to_string()
    } else {
        preview
            .plan
            .added
            .iter()
            .map(|(what, n)| format!("{n} × {}", what.noun(crate::ui::i18n::lang())))
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
            if workspace_holds(participant) {
                ("Bijwerken", format!("{name} staat al bij je deelnemers. Bijwerken bewaart de vorige versie, zodat je ziet wat er veranderd is; je opmerkingen en beoordelingen blijven."))
            } else {
                ("Toevoegen aan mijn deelnemers", format!("Deze bundel bevat de gegevens van {name}. Ze komen in je werkruimte voor deelnemers, los van je eigen gegevens."))
            }
        });
    let foreign_note = match preview.relation {
        Relation::Foreign if for_workspace.is_some() => None,
        Relation::Foreign => Some(format!(
            "Deze bundel bevat de gegevens van {}, niet die van jou. Je kunt alleen je eigen bundels en terugkoppeling op je eigen gegevens inlezen; een werkruimte voor begeleiders met meerdere deelnemers komt in een volgende versie.",
            bundle.from.name
        )),
        _ => None,
    };
    view! {
        <div class="import-preview" data-testid="import-preview">
            <h3>"Voorbeeld van de import"</h3>
            <dl class="facts">
                <dt>"Bestand"</dt><dd>{preview.file.clone()}</dd>
                <dt>"Van"</dt><dd data-testid="preview-from">{from}</dd>
                <dt>"Geëxporteerd op"</dt><dd>{when}</dd>
                <dt>"Soort"</dt><dd>{kind}</dd>
                <dt>"Inhoud"</dt><dd data-testid="preview-counts">{counts}</dd>
                <dt>"Nieuw hier"</dt><dd data-testid="preview-added">{added}</dd>
                <dt>"Terugkoppeling"</dt><dd>{format!("{feedback} nieuwe opmerking(en)")}</dd>
            </dl>
            {foreign_note.map(|note| view! { <p class="notice warning" role="alert" data-testid="foreign-note">{note}</p> })}
            {(!conflicts.is_empty() && can_import).then(|| view! {
                <fieldset class="field conflicts">
                    <legend>{format!("{} record(s) verschillen van wat hier staat", conflicts.len())}</legend>
                    <p class="muted">"Kies per record. Standaard wint de nieuwste versie; je eigen tekst gaat nooit verloren zonder back-up."</p>
                    <ul>
                        {conflicts.into_iter().map(|c| {
                            let key = c.key.clone();
                            let newer = if c.incoming_is_newer() { "de bundel is nieuwer" } else { "wat hier staat is nieuwer" };
                            let options = [
                                (Resolution::NewerWins, "Nieuwste wint"),
                                (Resolution::KeepBoth, "Beide bewaren"),
                                (Resolution::Skip, "Overslaan"),
                            ];
                            view! {
                                <li>
                                    <fieldset>
                                        <legend>{format!("{}: {} ({newer})", c.what.noun(crate::ui::i18n::lang()), c.title.text(crate::ui::i18n::lang()))}</legend>
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
                        <button type="button" on:click=move |_| on_cancel()>"Annuleren"</button>
                    </div>
                }.into_any(),
                None => view! {
            <div class="actions">
                <button type="button" class="primary" disabled=!can_import on:click=on_confirm>"Importeren"</button>
                <button type="button" on:click=move |_| on_cancel()>"Annuleren"</button>
            </div>
                }.into_any(),
            }}
        </div>
    }
}
